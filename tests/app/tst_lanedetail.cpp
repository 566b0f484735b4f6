#include "lanedetail.h"
#include "laneindex.h"
#include "testutils.h"

#include <QRandomGenerator>
#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;

// The level-of-detail maths behind the chart: which events of a lane get a mark of their own
// and how the rest are counted per pixel column.
class TestLaneDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsAreClampedToThePlot_data();
    void columnsAreClampedToThePlot();
    void planKeepsEveryEventAndStaysInThePlot_data();
    void planKeepsEveryEventAndStaysInThePlot();
    void boundariesFollowEveryChangeOfMapping();
    void dayColumnsAgreeWithTheMapping();
    void openIntervalsReachEveryViewOnTheirSide_data();
    void openIntervalsReachEveryViewOnTheirSide();
};

namespace {

// A timeline of one actor's `count` events in [0, spread) days, a quarter of them ranges up to
// `longest` days, in date order as the loader leaves it, and its lane index: the one lane's
// events[i] == i.
LaneIndex makeIndex(int count, int spread, int longest, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<LaneIndex::Days> days(static_cast<std::size_t>(count));
    for (LaneIndex::Days &d : days) {
        d.first = random.bounded(spread);
        d.last = d.first + (random.bounded(4) == 0 ? random.bounded(longest) : 0);
    }
    std::sort(days.begin(), days.end(),
              [](auto a, auto b) { return std::pair(a.first, a.last) < std::pair(b.first, b.last); });
    Timeline timeline;
    Actor actor;
    actor.setId(u"a"_s);
    timeline.actors.append(actor);
    for (const LaneIndex::Days d : days) {
        Event event;
        event.range.first = d.first;
        event.range.last = d.last;
        event.actors = { std::uint32_t(timeline.eventActors.size()), 1 };
        timeline.eventActors.push_back(0);
        timeline.events.push_back(event);
    }
    LaneIndex index;
    index.build(timeline);
    return index;
}

} // namespace

void TestLaneDetail::columnsAreClampedToThePlot_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<bool>("shown");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<double>("daysPerColumn");
    // 100 columns of 2 days from day 0, unless said.
    QTest::newRow("a day") << 10 << 10 << true << 5 << 5 << 2.0;
    QTest::newRow("two columns") << 10 << 13 << true << 5 << 6 << 2.0;
    QTest::newRow("starts before the view") << -50 << 3 << true << 0 << 1 << 2.0;
    QTest::newRow("ends after the view") << 190 << 400 << true << 95 << 99 << 2.0;
    QTest::newRow("covers the view") << -10 << 500 << true << 0 << 99 << 2.0;
    QTest::newRow("ends just before") << -5 << -1 << false << 0 << 0 << 2.0;
    QTest::newRow("starts just after") << 200 << 210 << false << 0 << 0 << 2.0;
    QTest::newRow("last day in view") << 199 << 199 << true << 99 << 99 << 2.0;
    QTest::newRow("far outside on both sides")
        << -2'000'000'000 << 2'000'000'000 << true << 0 << 99 << 0.0001;
}

void TestLaneDetail::columnsAreClampedToThePlot()
{
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(bool, shown);
    QFETCH(double, daysPerColumn);
    const ColumnMapping map { 0, daysPerColumn, 100 };
    int from = -1, to = -1;
    QCOMPARE(map.columns({ first, last }, &from, &to), shown);
    if (shown) {
        QTEST(from, "from");
        QTEST(to, "to");
    }
    const DayColumns table(map);
    if (table.usable()) {
        QCOMPARE(table.columns({ first, last }, &from, &to), shown);
        if (shown) {
            QTEST(from, "from");
            QTEST(to, "to");
        }
    }
}

void TestLaneDetail::dayColumnsAgreeWithTheMapping()
{
    // Views from a tenth of a day a column to hundreds, starting between days, and events in,
    // around and far outside them, open ones among them: the table answers as the mapping does.
    QRandomGenerator random(20261203);
    const auto between = [&](double low, double high) { return low + random.generateDouble() * (high - low); };
    int usable = 0;
    for (int view = 0; view < 400; ++view) {
        const double daysPerColumn = std::pow(10.0, between(-1.0, 2.7));
        const int width = 1 + random.bounded(1800);
        const double first = between(-5000.0, 5000.0);
        const ColumnMapping map { first, daysPerColumn, width };
        const DayColumns table(map);
        if (!table.usable())
            continue;
        ++usable;
        const double span = width * daysPerColumn;
        for (int e = 0; e < 300; ++e) {
            LaneIndex::Days days;
            days.first = Day(std::floor(first + between(-0.2, 1.2) * span));
            days.last = days.first + (random.bounded(3) == 0 ? Day(random.bounded(span * 0.5 + 1)) : 0);
            if (e % 50 == 0)
                days.first = -LaneIndex::Lane::openFar;
            if (e % 50 == 1)
                days.last = LaneIndex::Lane::openFar;
            int from = -1, to = -1, tableFrom = -1, tableTo = -1;
            const bool shown = map.columns(days, &from, &to);
            QCOMPARE(table.columns(days, &tableFrom, &tableTo), shown);
            if (shown) {
                QCOMPARE(tableFrom, from);
                QCOMPARE(tableTo, to);
            }
        }
    }
    QVERIFY(usable > 300);
}

void TestLaneDetail::planKeepsEveryEventAndStaysInThePlot_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("first"); // the view, in days
    QTest::addColumn<double>("last");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("room");
    QTest::addColumn<int>("selected"); // which of the events in view is selected, -1 for none
    QTest::addColumn<int>("filterEvery"); // the filter passes every n-th event
    QTest::addColumn<bool>("aggregated");

    // 10,000 events over about 27 years; ranges up to two years.
    QTest::newRow("whole lane, aggregated") << 10'000 << 0.0 << 10'000.0 << 1400 << 100 << -1 << 1 << true;
    QTest::newRow("whole lane, selected kept")
        << 10'000 << 0.0 << 10'000.0 << 1400 << 100 << 4321 << 1 << true;
    QTest::newRow("zoomed in, marks") << 10'000 << 5000.0 << 5010.0 << 1400 << 400 << -1 << 1 << false;
    QTest::newRow("narrow plot") << 10'000 << 2000.0 << 4000.0 << 7 << 100 << 17 << 1 << true;
    QTest::newRow("fractional days") << 10'000 << 4999.3 << 5003.7 << 900 << 400 << 3 << 1 << false;
    QTest::newRow("filter leaves few") << 10'000 << 0.0 << 10'000.0 << 1400 << 100 << -1 << 500 << false;
    QTest::newRow("filter leaves many") << 10'000 << 0.0 << 10'000.0 << 1400 << 100 << 30 << 20 << true;
    QTest::newRow("room for all") << 500 << 0.0 << 10'000.0 << 1400 << 500 << 250 << 1 << false;
    QTest::newRow("one more than room") << 501 << -1000.0 << 20'000.0 << 1400 << 500 << -1 << 1 << true;
    QTest::newRow("view past the end") << 1000 << 30'000.0 << 40'000.0 << 1400 << 10 << -1 << 1 << false;
}

void TestLaneDetail::planKeepsEveryEventAndStaysInThePlot()
{
    QFETCH(int, count);
    QFETCH(double, first);
    QFETCH(double, last);
    QFETCH(int, width);
    QFETCH(int, room);
    QFETCH(int, selected);
    QFETCH(int, filterEvery);
    const LaneIndex index = makeIndex(count, 10'000, 730, quint32(count + width));
    QCOMPARE(index.lanes().size(), std::size_t(1));
    const LaneIndex::Lane &lane = index.lanes().front();
    for (std::size_t i = 0; i < lane.events().size(); ++i)
        QCOMPARE(lane.events()[i], std::int32_t(i));
    const ColumnMapping map { first, (last - first) / width, width };
    const auto accepts = [&](std::int32_t e) {
        return e % filterEvery == 0;
    };

    // What a frame must account for: every accepted event that overlaps the view.
    std::vector<std::int32_t> inView;
    for (std::size_t i = 0; i < lane.days().size(); ++i) {
        const bool overlaps = lane.days()[i].last + 1 > first && lane.days()[i].first < last;
        if (overlaps && accepts(lane.events()[i]))
            inView.push_back(lane.events()[i]);
    }
    const bool selectedInView = selected >= 0 && !inView.empty();
    if (selectedInView)
        selected = inView[std::size_t(selected) % inView.size()];

    // The lane index's range, as the chart asks for it.
    const auto [from, to] = index.visibleRange(0, first, last);
    LaneDetail detail;
    detail.plan(lane, from, to, map, accepts, selected, std::size_t(room));

    QTEST(detail.aggregated, "aggregated");
    // Counts are preserved: each event in view is a mark or counted in exactly one column.
    QCOMPARE(detail.marks.size() + detail.aggregatedCount, inView.size());
    if (detail.aggregated) {
        QCOMPARE(detail.counts.size(), std::size_t(width));
        QCOMPARE(detail.coverage.size(), std::size_t(width));
        QCOMPARE(std::accumulate(detail.counts.begin(), detail.counts.end(), std::size_t(0)),
                 std::size_t(detail.aggregatedCount));
        // A column is covered at least by the events that start in it.
        for (int c = 0; c < width; ++c)
            QVERIFY(detail.coverage[std::size_t(c)] >= detail.counts[std::size_t(c)]);
        QCOMPARE(detail.peakCoverage, *std::max_element(detail.coverage.begin(), detail.coverage.end()));
        QCOMPARE(detail.marks.size(), std::size_t(selectedInView ? 1 : 0));
    } else {
        QCOMPARE_LE(detail.marks.size(), std::size_t(room));
    }
    // The selected event is always drawn on its own.
    if (selectedInView) {
        QVERIFY(std::any_of(detail.marks.begin(), detail.marks.end(),
                            [&](std::uint32_t i) { return lane.events()[i] == selected; }));
    }
    // Running totals give the same plan, when the filter passes everything.
    if (filterEvery == 1) {
        LaneIndex::Lane withTotals = lane;
        withTotals.buildTotals(lane.days().front().first, lane.days().back().last + 730);
        LaneDetail fromTotals;
        fromTotals.planFromTotals(withTotals, from, to, map, selected, std::size_t(room));
        QCOMPARE(fromTotals.aggregated, detail.aggregated);
        QCOMPARE(fromTotals.marks, detail.marks);
        QCOMPARE(fromTotals.aggregatedCount, detail.aggregatedCount);
        if (detail.aggregated) {
            QCOMPARE(fromTotals.counts, detail.counts);
            QCOMPARE(fromTotals.coverage, detail.coverage);
            QCOMPARE(fromTotals.peakCoverage, detail.peakCoverage);
        }
    }

    // Nothing drawn outside the plot: every mark has columns inside it.
    for (const std::uint32_t i : detail.marks) {
        int a = -1, b = -1;
        QVERIFY(map.columns(lane.days()[i], &a, &b));
        QVERIFY(a >= 0 && b < width && a <= b);
    }
}

void TestLaneDetail::boundariesFollowEveryChangeOfMapping()
{
    // planFromTotals() keeps the last mapping's column boundaries: a mapping that differs in
    // any one of its parts (start, scale, width), or comes back after another, must plan as
    // plan() does without them.
    const LaneIndex index = makeIndex(10'000, 10'000, 730, 99);
    LaneIndex::Lane lane = index.lanes().front();
    lane.buildTotals(lane.days().front().first, lane.days().back().last + 730);
    const auto all = [](std::int32_t) { return true; };
    const ColumnMapping maps[] = { { 0.0, 10'000.0 / 1400, 1400 },  { 0.0, 20'000.0 / 1400, 1400 },
                                   { 0.0, 20'000.0 / 1400, 700 },   { 7.5, 20'000.0 / 1400, 700 },
                                   { 0.0, 10'000.0 / 1400, 1400 } };
    for (const ColumnMapping &map : maps) {
        const auto [from, to] = index.visibleRange(0, map.first, map.first + map.width / map.columnsPerDay);
        LaneDetail expected;
        expected.plan(lane, from, to, map, all, -1, 100);
        LaneDetail fromTotals;
        fromTotals.planFromTotals(lane, from, to, map, -1, 100);
        QVERIFY(expected.aggregated);
        QCOMPARE(fromTotals.aggregated, expected.aggregated);
        QCOMPARE(fromTotals.counts, expected.counts);
        QCOMPARE(fromTotals.coverage, expected.coverage);
    }
}

void TestLaneDetail::openIntervalsReachEveryViewOnTheirSide_data()
{
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("last");
    QTest::addColumn<int>("room");
    QTest::addColumn<bool>("openStartInView");
    QTest::addColumn<bool>("openEndInView");
    QTest::addColumn<int>("pointsInView");
    // Points on days 200..1199; `../0100` (known up to day 100) and `0500/..` (from day 500).
    QTest::newRow("before everything") << -600.0 << -500.0 << 100 << true << false << 0;
    QTest::newRow("after everything") << 2000.0 << 2100.0 << 100 << false << true << 0;
    QTest::newRow("among the points") << 600.0 << 610.0 << 100 << false << true << 10;
    QTest::newRow("among the points, aggregated") << 300.0 << 900.0 << 20 << false << true << 600;
    QTest::newRow("all, aggregated") << -100.0 << 1300.0 << 20 << true << true << 1000;
    QTest::newRow("far after, aggregated") << 1e6 << 2e6 << 0 << false << true << 0;
}

// An interval open at a side (`2019/..`) is drawn to the edge of every view on that side: a
// frame finds it however far the view is from its finite end, counts it in aggregated
// columns, and covers every column with it.
void TestLaneDetail::openIntervalsReachEveryViewOnTheirSide()
{
    QFETCH(double, first);
    QFETCH(double, last);
    QFETCH(int, room);
    QFETCH(bool, openStartInView);
    QFETCH(bool, openEndInView);
    QFETCH(int, pointsInView);

    Timeline timeline;
    Actor actor;
    actor.setId(u"a"_s);
    timeline.actors.append(actor);
    const auto add = [&](Day day, DateRange::Form startForm, DateRange::Form endForm) {
        Event event;
        event.range.first = day;
        event.range.last = day;
        event.range.startForm = startForm;
        event.range.endForm = endForm;
        if (startForm != DateRange::Form::Exact || endForm != DateRange::Form::Exact)
            event.range.precision = DateRange::Precision::Interval;
        event.actors = { std::uint32_t(timeline.eventActors.size()), 1 };
        timeline.eventActors.push_back(0);
        timeline.events.push_back(event);
    };
    add(100, DateRange::Form::Open, DateRange::Form::Exact);
    for (Day day = 200; day < 1200; ++day) {
        if (day == 500)
            add(500, DateRange::Form::Exact, DateRange::Form::Open);
        add(day, DateRange::Form::Exact, DateRange::Form::Exact);
    }
    LaneIndex index;
    index.build(timeline);
    const LaneIndex::Lane &lane = index.lanes().front();
    QCOMPARE(std::vector<std::uint32_t>(lane.open.begin(), lane.open.end()),
             (std::vector<std::uint32_t> { 0, 301 }));
    // The extent is the finite days'.
    QCOMPARE(index.extent()->first, Day(100));
    QCOMPARE(index.extent()->last, Day(1199));

    const int width = 100;
    const ColumnMapping map { first, (last - first) / width, width };
    const auto [from, to] = index.visibleRange(0, first, last);
    const auto all = [](std::int32_t) { return true; };
    const int open = (openStartInView ? 1 : 0) + (openEndInView ? 1 : 0);
    for (const bool totals : { false, true }) {
        LaneIndex::Lane withTotals = lane;
        if (totals)
            withTotals.buildTotals(100, 1199);
        LaneDetail detail;
        if (totals)
            detail.planFromTotals(withTotals, from, to, map, -1, std::size_t(room));
        else
            detail.plan(lane, from, to, map, all, -1, std::size_t(room));
        QCOMPARE(int(detail.marks.size() + detail.aggregatedCount), pointsInView + open);
        if (detail.aggregated) {
            // Open intervals cover every column on their side, up to the plot's edge.
            for (const std::uint32_t position : { 0u, 301u }) {
                int a = 0, b = 0;
                if (!map.columns(lane.drawnDays(position), &a, &b))
                    continue;
                QCOMPARE(position == 0 ? a : b, position == 0 ? 0 : width - 1);
                for (int c = a; c <= b; ++c)
                    QVERIFY(detail.coverage[std::size_t(c)] >= 1);
            }
        } else {
            const auto marked = [&](std::uint32_t position) {
                return std::find(detail.marks.begin(), detail.marks.end(), position) != detail.marks.end();
            };
            QCOMPARE(marked(0), openStartInView);
            QCOMPARE(marked(301), openEndInView);
            QVERIFY(std::is_sorted(detail.marks.begin(), detail.marks.end()));
        }
    }
}

SOURCELINE_TEST_MAIN(TestLaneDetail)

#include "tst_lanedetail.moc"
