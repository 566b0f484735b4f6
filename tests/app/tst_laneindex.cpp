#include "laneindex.h"
#include "testutils.h"
#include "timelineloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The per-actor index behind the chart: what a lane shows between two days is found by binary
// search, and marks that would lie on top of each other get sub-rows of their own.
class TestLaneIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lanesFollowActorsAndUnattributedEvents();
    void visibleRangeFindsEverythingThatOverlaps_data();
    void visibleRangeFindsEverythingThatOverlaps();
    void overlappingMarksGetTheirOwnSubRows();
    void daysOfHistoryTakeHalfTheRoom();
    void aLaneOfDeepTimeKeepsWholeDays();
    void totalsHoldWhateverTheyCount_data();
    void totalsHoldWhateverTheyCount();

private:
    QStringList idsIn(int lane, double first, double last) const;
    std::shared_ptr<const Timeline> m_timeline;
    LaneIndex m_index;
};

void TestLaneIndex::initTestCase()
{
    // Actor a: a long range, three points (two on one day) and a month; b: one point; and one
    // event with no actor.
    const QByteArray json = R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "actors":[{"id":"a","name":"A","kind":"person"},{"id":"b","name":"B","kind":"person"}],
        "events":[
          {"id":"long","title":"L","when":"2010/2020","actors":["a"]},
          {"id":"p1","title":"P1","when":"2015-06-01","actors":["a","b"]},
          {"id":"p2","title":"P2","when":"2015-06-01","actors":["a"]},
          {"id":"p3","title":"P3","when":"2016-01-01","actors":["a"]},
          {"id":"month","title":"M","when":"2015-06","actors":["a"]},
          {"id":"late","title":"X","when":"2019-03","actors":["a"]},
          {"id":"free","title":"F","when":"2017-05-05","actors":[]}
        ]})";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"lanes.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_timeline = result.timeline;
    m_index.build(*m_timeline);
}

QStringList TestLaneIndex::idsIn(int lane, double first, double last) const
{
    const auto [begin, end] = m_index.visibleRange(lane, first, last);
    QStringList ids;
    for (std::size_t i = begin; i < end; ++i) {
        const Event &event = m_timeline->events[m_index.lanes()[lane].events[i]];
        // The range may hold a few that end before `first`; what overlaps is what counts.
        if (event.range.last + 1 > first)
            ids.append(m_timeline->text(event.id));
    }
    return ids;
}

void TestLaneIndex::lanesFollowActorsAndUnattributedEvents()
{
    QCOMPARE(m_index.lanes().size(), 3u);
    QCOMPARE(m_index.laneOf(0), 0);
    QCOMPARE(m_index.laneOf(1), 1);
    QCOMPARE(m_index.laneOf(LaneIndex::unattributed), 2);
    QCOMPARE(m_index.lanes()[0].events.size(), 6u);
    QCOMPARE(m_index.lanes()[1].events.size(), 1u);
    QCOMPARE(m_index.lanes()[2].events.size(), 1u);
    // In time order within each lane.
    const auto &events = m_index.lanes()[0].events;
    for (std::size_t i = 1; i < events.size(); ++i)
        QVERIFY(m_timeline->events[events[i - 1]].range.first <= m_timeline->events[events[i]].range.first);
    // Each lane keeps its events' days beside them.
    for (const LaneIndex::Lane &lane : m_index.lanes()) {
        QCOMPARE(lane.days.size(), lane.events.size());
        for (std::size_t i = 0; i < lane.events.size(); ++i) {
            QCOMPARE(lane.days[i].first, m_timeline->events[lane.events[i]].range.first);
            QCOMPARE(lane.days[i].last, m_timeline->events[lane.events[i]].range.last);
            const Event &event = m_timeline->events[lane.events[i]];
            QCOMPARE(lane.looks[i] & LaneIndex::Lane::kindMask, event.kind + 1);
            QCOMPARE(bool(lane.looks[i] & LaneIndex::Lane::pointBit),
                     event.range.precision == DateRange::Precision::Day);
        }
    }
    // What the chart needs of the whole timeline comes with the index.
    QVERIFY(m_index.extent());
    QCOMPARE(m_index.extent()->first, m_timeline->extent()->first);
    QCOMPARE(m_index.extent()->last, m_timeline->extent()->last);
    QVERIFY(m_index.anyWithoutKind()); // no event here has a kind
    // The loader builds the same index.
    QVERIFY(m_timeline->laneIndex);
    QCOMPARE(m_timeline->laneIndex->lanes().size(), m_index.lanes().size());
    QCOMPARE(LaneIndex().extent().has_value(), false);
}

void TestLaneIndex::visibleRangeFindsEverythingThatOverlaps_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("before everything") << QDate(2000, 1, 1) << QDate(2005, 1, 1) << QStringList();
    // The long range started years before the view, and still shows.
    QTest::newRow("inside the long range only")
        << QDate(2017, 1, 1) << QDate(2018, 1, 1) << QStringList { u"long"_s };
    QTest::newRow("June 2015") << QDate(2015, 6, 1) << QDate(2015, 6, 30)
                               << QStringList { u"long"_s, u"p1"_s, u"p2"_s, u"month"_s };
    QTest::newRow("the day after the points")
        << QDate(2015, 6, 2) << QDate(2015, 6, 3) << QStringList { u"long"_s, u"month"_s };
    QTest::newRow("everything") << QDate(1990, 1, 1)
                                << QDate(2030, 1, 1) << QStringList { u"long"_s,  u"p1"_s, u"p2"_s,
                                                                      u"month"_s, u"p3"_s, u"late"_s };
}

void TestLaneIndex::visibleRangeFindsEverythingThatOverlaps()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QStringList, ids);
    QStringList found = idsIn(0, DateRange::dayFromDate(from), DateRange::dayFromDate(to) + 1);
    std::sort(found.begin(), found.end());
    std::sort(ids.begin(), ids.end());
    QCOMPARE(found, ids);
}

void TestLaneIndex::overlappingMarksGetTheirOwnSubRows()
{
    const LaneIndex::Lane &lane = m_index.lanes()[0];
    QHash<QString, int> subRow;
    for (std::size_t i = 0; i < lane.events.size(); ++i)
        subRow.insert(m_timeline->text(m_timeline->events[lane.events[i]].id), lane.subRows[i]);
    QCOMPARE(subRow.value(u"long"_s), 0);
    QCOMPARE(subRow.value(u"month"_s), 1); // inside the long range: the next row
    QCOMPARE(subRow.value(u"late"_s), 1); // the month ended: row 1 is free again
    QCOMPARE(subRow.value(u"p1"_s), 0); // points: the first of a day on the centre line,
    QCOMPARE(subRow.value(u"p2"_s), 1); // the second on that day below it
    QCOMPARE(subRow.value(u"p3"_s), 0);
}

void TestLaneIndex::daysOfHistoryTakeHalfTheRoom()
{
    const LaneIndex::Lane &lane = m_index.lanes()[0];
    QVERIFY(!lane.days.isWide());
    QCOMPARE_LE(lane.days.capacityBytes(), lane.days.size() * 8);
    for (std::size_t i = 0; i < lane.events.size(); ++i) {
        const DateRange &range = m_timeline->events[lane.events[i]].range;
        QCOMPARE(lane.days[i].first, range.first);
        QCOMPARE(lane.days[i].last, range.last);
    }
}

void TestLaneIndex::aLaneOfDeepTimeKeepsWholeDays()
{
    // Days from the Big Bang to today and a day far in the future: no 32-bit offset from the
    // lane's first day holds them all. Added in the order an edit might add them, the lane
    // turns to 64-bit days on the first that does not fit, and keeps every day exact.
    const std::vector<LaneIndex::Days> days {
        { DateRange::dayFromCivil(2019, 1, 1), DateRange::dayFromCivil(2019, 12, 31) },
        { DateRange::dayFromCivil(2020, 3, 1), DateRange::dayFromCivil(2020, 3, 1) },
        { DateRange::dayFromCivil(-13'800'000'000, 1, 1), DateRange::dayFromCivil(-13'799'000'000, 12, 31) },
        { DateRange::dayFromCivil(1'000'000'000, 1, 1), DateRange::dayFromCivil(1'000'000'000, 1, 1) },
    };
    LaneDays lane;
    lane.push_back(days[0]);
    lane.push_back(days[1]);
    QVERIFY(!lane.isWide());
    lane.insert(0, days[2]);
    QVERIFY(lane.isWide());
    lane.push_back(days[3]);
    const std::vector<LaneIndex::Days> expected { days[2], days[0], days[1], days[3] };
    QCOMPARE(lane.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(lane[i].first, expected[i].first);
        QCOMPARE(lane[i].last, expected[i].last);
    }
    lane.erase(1);
    QCOMPARE(lane[1].first, days[1].first);

    // Built from a file: the lane of deep time is wide, the other one narrow; both are searched alike.
    const QByteArray json = R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "actors":[{"id":"a","name":"A","kind":"thing"},{"id":"b","name":"B","kind":"thing"}],
        "events":[
          {"id":"bang","title":"Big Bang","when":"Y-13800000000","actors":["a"]},
          {"id":"now","title":"Now","when":"2025-01-01","actors":["a","b"]},
          {"id":"then","title":"Then","when":"1990","actors":["b"]}
        ]})";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"deep.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    LaneIndex index;
    index.build(*result.timeline);
    QVERIFY(index.lanes()[0].days.isWide());
    QVERIFY(!index.lanes()[1].days.isWide());
    const Day now = DateRange::dayFromCivil(2025, 1, 1);
    QCOMPARE(index.lanes()[0].days.back().first, now);
    const auto [begin, end] = index.visibleRange(0, double(now), double(now) + 1);
    QCOMPARE(end - begin, std::size_t(1));
    QCOMPARE(result.timeline->text(result.timeline->events[index.lanes()[0].events[begin]].id), u"now"_s);
}

void TestLaneIndex::totalsHoldWhateverTheyCount_data()
{
    QTest::addColumn<std::vector<std::uint32_t>>("perDay");
    QTest::addColumn<bool>("wide");
    QTest::newRow("none") << std::vector<std::uint32_t>(200, 0) << false;
    std::vector<std::uint32_t> spread(1000);
    for (std::size_t d = 0; d < spread.size(); ++d)
        spread[d] = std::uint32_t(d * 7919 % 13);
    QTest::newRow("a few a day") << spread << false;
    // 65535 within one block of days still fit 16 bits a day; one more does not.
    std::vector<std::uint32_t> full(300, 1);
    full[64] = 65535 - 63;
    QTest::newRow("a block rises by 65535") << full << false;
    full[100] += 1;
    QTest::newRow("a block rises by 65536") << full << true;
    std::vector<std::uint32_t> crowd(130, 0);
    crowd[129] = 200'000;
    QTest::newRow("a crowd on the last day") << crowd << true;
}

void TestLaneIndex::totalsHoldWhateverTheyCount()
{
    QFETCH(std::vector<std::uint32_t>, perDay);
    QFETCH(bool, wide);
    DayTotals totals;
    totals.assignRunningSums(perDay);
    QCOMPARE(totals.isWide(), wide);
    QCOMPARE(totals.size(), perDay.size());
    std::uint32_t sum = 0;
    for (std::size_t d = 0; d < perDay.size(); ++d) {
        sum += perDay[d];
        QCOMPARE(totals[d], sum);
    }
    if (!wide)
        QCOMPARE_LE(totals.capacityBytes(), perDay.size() * 2 + (perDay.size() / 64 + 1) * 4);
}

SOURCELINE_TEST_MAIN(TestLaneIndex)
#include "tst_laneindex.moc"
