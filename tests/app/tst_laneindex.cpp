#include "laneindex.h"
#include "testutils.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUndoStack>

#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace {

// A random timeline in the file format: `events` events over `years` years from 2015, each with
// no actor, one, or several of `actors` (actor 0 in about half of them, so that its lane is
// crowded), some on the same day, of every precision and with open ends, with and without a kind.
QByteArray randomTimeline(int events, int actors, int years, quint32 seed)
{
    QRandomGenerator random(seed);
    QJsonArray actorList;
    for (int a = 0; a < actors; ++a)
        actorList.append(QJsonObject {
            { u"id"_s, u"a%1"_s.arg(a) }, { u"name"_s, u"A%1"_s.arg(a) }, { u"kind"_s, u"person"_s } });
    const auto date = [&] {
        return QDate(2015 + int(random.bounded(years)), 1 + int(random.bounded(12)),
                     1 + int(random.bounded(28)))
            .toString(Qt::ISODate);
    };
    QString sameDay = date();
    QJsonArray eventList;
    for (int e = 0; e < events; ++e) {
        QString when;
        switch (random.bounded(10)) {
        case 0:
        case 1:
            when = sameDay; // many events on one day
            break;
        case 2:
            when = date().left(7); // a month
            break;
        case 3:
            when = date().left(4) + u'~'; // an approximate year
            break;
        case 4: {
            const QString a = date(), b = date();
            when = std::min(a, b) + u'/' + std::max(a, b);
            break;
        }
        case 5:
            when = random.bounded(2) ? u"../"_s + date() : date() + u"/.."_s;
            break;
        case 6:
            when = date() + u'?';
            break;
        default:
            when = date();
        }
        if (random.bounded(20) == 0)
            sameDay = date();
        const int count =
            actors == 0 || random.bounded(10) < 2 ? 0 : 1 + int(random.bounded(std::min(actors, 5)));
        QJsonArray chosen;
        for (int k = 0; k < count; ++k) {
            const int actor = k == 0 && random.bounded(2) ? 0 : int(random.bounded(actors));
            // Now and then an actor named twice, which the file allows: its lane has the event once.
            if (!chosen.contains(u"a%1"_s.arg(actor)) || random.bounded(8) == 0)
                chosen.append(u"a%1"_s.arg(actor));
        }
        QJsonObject event { { u"id"_s, u"e%1"_s.arg(e) },
                            { u"title"_s, u"E%1"_s.arg(e) },
                            { u"when"_s, when },
                            { u"actors"_s, chosen } };
        if (random.bounded(3))
            event.insert(u"kind"_s, u"k%1"_s.arg(random.bounded(3)));
        eventList.append(event);
    }
    return QJsonDocument(QJsonObject { { u"format"_s, u"sourceline"_s },
                                       { u"version"_s, 1 },
                                       { u"title"_s, u"Random"_s },
                                       { u"sources"_s, QJsonArray() },
                                       { u"actors"_s, actorList },
                                       { u"events"_s, eventList } })
        .toJson(QJsonDocument::Compact);
}

// A file of the actors "a" and "b" and these events (the elements of its "events" array).
QByteArray withActorsAB(const char *events)
{
    return QByteArray(R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "actors":[{"id":"a","name":"A","kind":"thing"},{"id":"b","name":"B","kind":"thing"}],
        "events":[)")
        + events + "]}";
}

// The lane index as its definition says, built the plainest way: for each actor, a scan of all
// events; sub-rows and totals by their rules. Where `index` differs from it; empty when they agree.
QString differenceFromReference(const Timeline &t, const LaneIndex &index)
{
    using Lane = LaneIndex::Lane;
    std::map<int, std::vector<std::int32_t>> eventsOf; // by actor, unattributed (-1) too
    for (qsizetype a = 0; a < t.actors.size(); ++a)
        eventsOf[int(a)];
    std::optional<LaneIndex::Days> extent;
    bool withoutKind = false, range = false, approximate = false, uncertain = false;
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const Event &e = t.events[i];
        const auto actors = t.actorsOf(e);
        for (qsizetype a = 0; a < t.actors.size(); ++a) {
            if (std::find(actors.begin(), actors.end(), std::int32_t(a)) != actors.end())
                eventsOf[int(a)].push_back(std::int32_t(i));
        }
        if (actors.empty())
            eventsOf[LaneIndex::unattributed].push_back(std::int32_t(i));
        extent = extent
            ? LaneIndex::Days { std::min(extent->first, e.range.first), std::max(extent->last, e.range.last) }
            : LaneIndex::Days { e.range.first, e.range.last };
        withoutKind |= e.kind < 0;
        range |= e.range.precision != DateRange::Precision::Day;
        approximate |= e.range.isApproximate();
        uncertain |= e.range.isUncertain();
    }
    if (eventsOf[LaneIndex::unattributed].empty())
        eventsOf.erase(LaneIndex::unattributed);
    if (index.extent().has_value() != extent.has_value()
        || (extent && (index.extent()->first != extent->first || index.extent()->last != extent->last)))
        return u"extent differs"_s;
    if (index.anyWithoutKind() != withoutKind || index.anyRange() != range
        || index.anyApproximate() != approximate || index.anyUncertain() != uncertain)
        return u"what the legend explains differs"_s;
    if (index.lanes().size() != eventsOf.size())
        return u"%1 lanes, not %2"_s.arg(index.lanes().size()).arg(eventsOf.size());
    std::size_t laneNumber = 0;
    // Lanes in actor order, the lane of events without actors last.
    std::vector<int> order;
    for (const auto &[actor, events] : eventsOf)
        if (actor != LaneIndex::unattributed)
            order.push_back(actor);
    if (eventsOf.count(LaneIndex::unattributed))
        order.push_back(LaneIndex::unattributed);
    for (const int actor : order) {
        const std::vector<std::int32_t> &events = eventsOf[actor];
        const Lane &lane = index.lanes()[laneNumber];
        const QString where = u"lane %1 (actor %2): "_s.arg(laneNumber++).arg(actor);
        if (index.actorOf(laneNumber - 1) != actor || index.laneOf(actor) != int(laneNumber - 1))
            return where + u"belongs to actor %1"_s.arg(index.actorOf(laneNumber - 1));
        if (!std::ranges::equal(lane.events(), events))
            return where
                + u"%1 events, not %2, or in another order"_s.arg(lane.events().size()).arg(events.size());
        if (lane.days().size() != events.size() || lane.subRows().size() != events.size()
            || lane.looks().size() != events.size())
            return where + u"arrays of other lengths"_s;
        Day longest = 0;
        std::vector<std::uint32_t> open;
        for (std::size_t k = 0; k < events.size(); ++k) {
            const Event &e = t.events[std::size_t(events[k])];
            if (lane.days()[k].first != e.range.first || lane.days()[k].last != e.range.last)
                return where + u"days of event %1 differ"_s.arg(events[k]);
            const int kind = std::min(e.kind + 1, int(Lane::kindMask));
            const bool point = e.range.precision == DateRange::Precision::Day;
            if ((lane.looks()[k] & Lane::kindMask) != kind || bool(lane.looks()[k] & Lane::pointBit) != point
                || bool(lane.looks()[k] & Lane::openStartBit) != e.range.hasOpenStart()
                || bool(lane.looks()[k] & Lane::openEndBit) != e.range.hasOpenEnd())
                return where + u"looks of event %1 differ"_s.arg(events[k]);
            longest = std::max(longest, e.range.last - e.range.first + 1);
            if (e.range.hasOpenStart() || e.range.hasOpenEnd())
                open.push_back(std::uint32_t(k));
        }
        if (lane.longest != longest)
            return where + u"longest %1, not %2"_s.arg(lane.longest).arg(longest);
        if (!std::ranges::equal(lane.open, open))
            return where + u"open events differ"_s;
        // Sub-rows: a point takes the day's next sub-row (0, 1, 2, 0, ...); a range the first
        // whose ranges have all ended before its first day, else the one that ends first. An
        // open end never ends.
        std::vector<Day> rowEnds(LaneIndex::subRowCount, std::numeric_limits<Day>::min());
        std::map<Day, int> pointsOn;
        for (std::size_t k = 0; k < events.size(); ++k) {
            const Event &e = t.events[std::size_t(events[k])];
            int expected;
            if (e.range.precision == DateRange::Precision::Day) {
                expected = pointsOn[e.range.first]++ % LaneIndex::subRowCount;
            } else {
                const Day last = e.range.hasOpenEnd() ? Lane::openFar : e.range.last;
                auto row = std::find_if(rowEnds.begin(), rowEnds.end(),
                                        [&](Day end) { return end < e.range.first; });
                if (row == rowEnds.end())
                    row = std::min_element(rowEnds.begin(), rowEnds.end());
                *row = std::max(*row, last);
                expected = int(row - rowEnds.begin());
            }
            if (lane.subRows()[k] != expected)
                return where
                    + u"event %1 in sub-row %2, not %3"_s.arg(events[k]).arg(lane.subRows()[k]).arg(expected);
        }
        // Totals, for lanes with at least as many events as the timeline has days.
        const std::int64_t days = extent ? extent->last + 2 - extent->first : 0;
        const bool totals = extent && std::int64_t(events.size()) >= days;
        if (lane.hasTotals() != totals)
            return where + (totals ? u"has no totals"_s : u"has totals"_s);
        if (totals) {
            const Lane::Totals &kept = *lane.totals;
            if (kept.origin != extent->first || std::int64_t(kept.startedBefore.size()) != days
                || std::int64_t(kept.endedBefore.size()) != days)
                return where + u"totals of another span"_s;
            std::vector<Day> starts, ends;
            for (const std::int32_t event : events) {
                const DateRange &r = t.events[std::size_t(event)].range;
                starts.push_back(r.hasOpenStart() ? std::numeric_limits<Day>::min() : r.first);
                if (!r.hasOpenEnd())
                    ends.push_back(r.last);
            }
            std::sort(starts.begin(), starts.end());
            std::sort(ends.begin(), ends.end());
            for (std::int64_t d = 0; d < days; ++d) {
                const Day day = extent->first + d;
                const auto started =
                    std::uint32_t(std::lower_bound(starts.begin(), starts.end(), day) - starts.begin());
                const auto ended =
                    std::uint32_t(std::lower_bound(ends.begin(), ends.end(), day) - ends.begin());
                if (kept.startedBefore[std::size_t(d)] != started
                    || kept.endedBefore[std::size_t(d)] != ended)
                    return where + u"totals of day %1 differ"_s.arg(d);
            }
        }
    }
    return {};
}

} // namespace

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
    void aLaneOfAnEventNeedsNoHeap();
    void totalsHoldWhateverTheyCount_data();
    void totalsHoldWhateverTheyCount();
    void buildMatchesASimpleConstruction_data();
    void buildMatchesASimpleConstruction();
    void editsMatchASimpleConstruction_data();
    void editsMatchASimpleConstruction();

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
        const Event &event = m_timeline->events[m_index.lanes()[lane].events()[i]];
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
    QCOMPARE(m_index.lanes()[0].events().size(), 6u);
    QCOMPARE(m_index.lanes()[1].events().size(), 1u);
    QCOMPARE(m_index.lanes()[2].events().size(), 1u);
    // In time order within each lane.
    const std::span<const std::int32_t> events = m_index.lanes()[0].events();
    for (std::size_t i = 1; i < events.size(); ++i)
        QVERIFY(m_timeline->events[events[i - 1]].range.first <= m_timeline->events[events[i]].range.first);
    // Each lane keeps its events' days beside them.
    for (std::size_t l = 0; l < m_index.lanes().size(); ++l) {
        const LaneIndex::Lane &lane = m_index.lanes()[l];
        QCOMPARE(lane.days().size(), lane.events().size());
        for (std::size_t i = 0; i < lane.events().size(); ++i) {
            QCOMPARE(lane.days()[i].first, m_timeline->events[lane.events()[i]].range.first);
            QCOMPARE(lane.days()[i].last, m_timeline->events[lane.events()[i]].range.last);
            const Event &event = m_timeline->events[lane.events()[i]];
            QCOMPARE(lane.looks()[i] & LaneIndex::Lane::kindMask, event.kind + 1);
            QCOMPARE(bool(lane.looks()[i] & LaneIndex::Lane::pointBit),
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
    for (std::size_t i = 0; i < lane.events().size(); ++i)
        subRow.insert(m_timeline->text(m_timeline->events[lane.events()[i]].id), lane.subRows()[i]);
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
    QVERIFY(!lane.days().isWide());
    // 8 bytes of days an entry, beside its event (4), look (2) and sub-row (1).
    QCOMPARE_LE(lane.entries.heapBytes(), lane.size() * 15);
    for (std::size_t i = 0; i < lane.events().size(); ++i) {
        const DateRange &range = m_timeline->events[lane.events()[i]].range;
        QCOMPARE(lane.days()[i].first, range.first);
        QCOMPARE(lane.days()[i].last, range.last);
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
    // Each entry's event, look and sub-row move with its days.
    LaneEntries lane;
    lane.push_back(0, days[0], 10);
    lane.push_back(1, days[1], 11);
    lane.subRows()[1] = 2;
    QVERIFY(!lane.isWide());
    lane.insert(0, 2, days[2], 12);
    QVERIFY(lane.isWide());
    lane.push_back(3, days[3], 13);
    const std::vector<std::int32_t> events { 2, 0, 1, 3 };
    QCOMPARE(lane.size(), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const LaneIndex::Days d = days[std::size_t(events[i])];
        QCOMPARE(lane.days()[i].first, d.first);
        QCOMPARE(lane.days()[i].last, d.last);
        QCOMPARE(lane.events()[i], events[i]);
        QCOMPARE(lane.looks()[i], std::uint16_t(10 + events[i]));
        QCOMPARE(lane.subRows()[i], std::uint8_t(events[i] == 1 ? 2 : 0));
    }
    // A copy is the copy's own; a move leaves nothing behind.
    LaneEntries copy = lane;
    LaneEntries single;
    single.push_back(9, days[0], 19);
    copy = single;
    QCOMPARE(copy.size(), std::size_t(1));
    QCOMPARE(copy.heapBytes(), std::size_t(0));
    copy = lane;
    lane.erase(1);
    QCOMPARE(copy.size(), std::size_t(4));
    QCOMPARE(copy.events()[1], 0);
    QCOMPARE(copy.days()[1].first, days[0].first);
    LaneEntries moved = std::move(copy);
    QVERIFY(copy.empty());
    QCOMPARE(copy.heapBytes(), std::size_t(0));
    QCOMPARE(moved.looks()[3], std::uint16_t(13));
    QCOMPARE(lane.size(), std::size_t(3));
    QCOMPARE(lane.days()[1].first, days[1].first);
    QCOMPARE(lane.days()[2].last, days[3].last);
    QCOMPARE(lane.events()[1], 1);
    QCOMPARE(lane.looks()[1], std::uint16_t(11));
    QCOMPARE(lane.subRows()[1], std::uint8_t(2));

    // Built from a file: the lane of deep time is wide, the other one narrow; both are searched alike.
    const QByteArray json = withActorsAB(R"(
          {"id":"bang","title":"Big Bang","when":"Y-13800000000","actors":["a"]},
          {"id":"now","title":"Now","when":"2025-01-01","actors":["a","b"]},
          {"id":"then","title":"Then","when":"1990","actors":["b"]})");
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"deep.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    LaneIndex index;
    index.build(*result.timeline);
    QVERIFY(index.lanes()[0].days().isWide());
    QVERIFY(!index.lanes()[1].days().isWide());
    const Day now = DateRange::dayFromCivil(2025, 1, 1);
    QCOMPARE(index.lanes()[0].days().back().first, now);
    const auto [begin, end] = index.visibleRange(0, double(now), double(now) + 1);
    QCOMPARE(end - begin, std::size_t(1));
    QCOMPARE(result.timeline->text(result.timeline->events[index.lanes()[0].events()[begin]].id), u"now"_s);
}

void TestLaneIndex::aLaneOfAnEventNeedsNoHeap()
{
    // Actors of one event each, as in a timeline of 100,000 actors: their lanes keep the event's
    // entry in place, without a heap block. A lane of two takes one block, of 15 bytes an entry.
    const QByteArray json = withActorsAB(R"(
          {"id":"one","title":"One","when":"../2019","actors":["a","b"]},
          {"id":"two","title":"Two","when":"2020-05","actors":["b"]})");
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"small.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    LaneIndex index;
    index.build(*result.timeline);
    const LaneIndex::Lane &one = index.lanes()[0];
    QCOMPARE(one.events().size(), std::size_t(1));
    QCOMPARE(one.open.size(), std::size_t(1));
    QCOMPARE(one.entries.heapBytes() + one.open.heapBytes(), std::size_t(0));
    QCOMPARE(one.events()[0], 0);
    QVERIFY(one.looks()[0] & LaneIndex::Lane::openStartBit);
    const LaneIndex::Lane &two = index.lanes()[1];
    QCOMPARE(two.events().size(), std::size_t(2));
    QCOMPARE(two.entries.heapBytes(), std::size_t(2 * 15));
    QCOMPARE(two.events()[1], 1);
    QCOMPARE(two.days()[1].first, DateRange::dayFromCivil(2020, 5, 1));
    QCOMPARE(two.days()[1].last, DateRange::dayFromCivil(2020, 5, 31));
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

void TestLaneIndex::buildMatchesASimpleConstruction_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("actors");
    QTest::addColumn<int>("years");
    QTest::newRow("empty") << 0 << 3 << 1;
    QTest::newRow("one event") << 1 << 1 << 1;
    QTest::newRow("no actors") << 50 << 0 << 2;
    QTest::newRow("a crowded lane") << 600 << 4 << 2;
    QTest::newRow("many actors") << 2000 << 300 << 10;
    // Past LaneIndex::manyLanes lanes the build sorts events into lanes chunk by chunk: one
    // chunk, and several (more (lane, event) pairs than a chunk holds), in lanes long and short.
    QTest::newRow("many lanes, one chunk") << 30'000 << 5000 << 30;
    QTest::newRow("many lanes, several chunks") << 40'000 << 600 << 3;
    QTest::newRow("a quarter million pairs, few lanes") << 150'000 << 40 << 3;
}

void TestLaneIndex::buildMatchesASimpleConstruction()
{
    QFETCH(int, events);
    QFETCH(int, actors);
    QFETCH(int, years);
    for (quint32 seed = 1; seed <= (events > 10'000 ? 1u : 5u); ++seed) {
        const TimelineLoader::Result result =
            TimelineLoader::loadData(randomTimeline(events, actors, years, seed), u"random.json"_s);
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const QString difference = differenceFromReference(*result.timeline, *result.timeline->laneIndex);
        QVERIFY2(difference.isEmpty(), qPrintable(u"seed %1: "_s.arg(seed) + difference));
        // A plan drawn of a lane holds while its revision does: no two lanes with events, of one
        // index or of two built alike, may share one. (Lanes without events read as one empty
        // lane, whose plan is the same.)
        std::set<std::uint64_t> revisions;
        const auto revisionsAreNew = [&](const LaneIndex &index) {
            for (std::size_t l = 0; l < index.lanes().size(); ++l) {
                const LaneIndex::Lane &lane = index.lanes()[l];
                if (!lane.events().empty() && !revisions.insert(lane.revision).second)
                    return false;
            }
            return true;
        };
        QVERIFY(revisionsAreNew(*result.timeline->laneIndex));
        // A large timeline's lanes are shared out between threads, each filling its own.
        for (const int threads : { 1, 2, 3 }) {
            LaneIndex index;
            index.build(*result.timeline, threads);
            const QString difference = differenceFromReference(*result.timeline, index);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(u"seed %1, %2 threads: "_s.arg(seed).arg(threads) + difference));
            QVERIFY(revisionsAreNew(index));
        }
    }
}

void TestLaneIndex::editsMatchASimpleConstruction_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("actors");
    QTest::newRow("few actors") << 300 << 4;
    QTest::newRow("many actors") << 400 << 60;
}

void TestLaneIndex::editsMatchASimpleConstruction()
{
    QFETCH(int, events);
    QFETCH(int, actors);
    const TimelineLoader::Result result =
        TimelineLoader::loadData(randomTimeline(events, actors, 2, 7), u"random.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    TimelineDocument document;
    document.setTimeline(result.timeline, u"random.json"_s);
    QRandomGenerator random(11);
    const QStringList whens { u"2015-03-04"_s,    u"2016-07"_s,
                              u"2015~"_s,         u"2015-02-01/2016-03-01"_s,
                              u"../2016-01-01"_s, u"2015-05-05/.."_s,
                              u"2014-01-01"_s,    u"2018-12-31"_s };
    for (int step = 0; step < 300; ++step) {
        const auto &t = *document.timeline();
        const int count = int(t.events.size());
        const int actorCount = int(t.actors.size());
        const int row = count ? int(random.bounded(count)) : 0;
        const int kind = int(random.bounded(10));
        QString what;
        if (kind < 2 || count == 0) {
            EventDraft draft;
            draft.title = u"Added"_s;
            draft.when = whens[random.bounded(whens.size())];
            for (int k = int(random.bounded(4)); k > 0 && actorCount; --k)
                draft.actors.append(int(random.bounded(actorCount)));
            document.addEvent(draft);
            what = u"add"_s;
        } else if (kind == 2) {
            document.deleteEvent(row);
            what = u"delete"_s;
        } else if (kind == 3) {
            EventDraft draft = document.eventDraft(row);
            draft.title += u" (edited)"_s;
            document.editEvent(row, draft);
            what = u"retitle"_s;
        } else if (kind == 4) {
            EventDraft draft = document.eventDraft(row);
            draft.when = whens[random.bounded(whens.size())];
            document.editEvent(row, draft);
            what = u"redate"_s;
        } else if (kind == 5 && actorCount) {
            EventDraft draft = document.eventDraft(row);
            draft.actors = { int(random.bounded(actorCount)) };
            if (random.bounded(3) == 0)
                draft.actors.clear();
            document.editEvent(row, draft);
            what = u"actors"_s;
        } else if (kind == 6 && actorCount > 2 && step % 5 == 0) {
            const int kept = int(random.bounded(actorCount));
            const int gone = (kept + 1 + int(random.bounded(actorCount - 1))) % actorCount;
            if (random.bounded(2))
                document.mergeActors(kept, gone);
            else
                document.deleteActor(gone);
            what = u"merge or delete an actor"_s;
        } else if (kind == 7) {
            Actor actor;
            actor.setName(u"New %1"_s.arg(step));
            document.addActor(actor);
            what = u"add an actor"_s;
        } else if (kind == 8) {
            document.undoStack()->undo();
            what = u"undo"_s;
        } else {
            document.undoStack()->redo();
            what = u"redo"_s;
        }
        const QString difference =
            differenceFromReference(*document.timeline(), *document.timeline()->laneIndex);
        QVERIFY2(difference.isEmpty(), qPrintable(u"step %1 (%2): "_s.arg(step).arg(what) + difference));
    }
    // Undone all the way, the index is the loaded timeline's again.
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    const QString difference = differenceFromReference(*document.timeline(), *document.timeline()->laneIndex);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(document.timeline()->events.size(), std::size_t(events));
}

SOURCELINE_TEST_MAIN(TestLaneIndex)
#include "tst_laneindex.moc"
