#include "lanelayout.h"
#include "testutils.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

// How lanes share the chart's height: squeezed in the overview, else never lower than readable,
// scrolling when they do not fit.
class TestLaneLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lanesAreReadableOrScroll_data();
    void lanesAreReadableOrScroll();
    void rowAtInvertsY_data();
    void rowAtInvertsY();
    void topToShowBringsARowWhollyIntoView_data();
    void topToShowBringsARowWhollyIntoView();
    void everyRowIsReachableAndTilesTheArea();
};

void TestLaneLayout::lanesAreReadableOrScroll_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<qreal>("height");
    QTest::addColumn<bool>("overview");
    QTest::addColumn<double>("requestedTop");
    QTest::addColumn<qreal>("laneHeight");
    QTest::addColumn<double>("topRow");
    QTest::addColumn<double>("maxTopRow");
    QTest::addColumn<int>("firstVisible");
    QTest::addColumn<int>("endVisible");
    // A readable lane is 30 pixels in every row.
    QTest::newRow("200 lanes in 700 px scroll")
        << 200 << 700.0 << false << 0.0 << 30.0 << 0.0 << 200 - 70.0 / 3 << 0 << 24;
    QTest::newRow("200 lanes, the overview squeezes them")
        << 200 << 700.0 << true << 0.0 << 3.5 << 0.0 << 0.0 << 0 << 200;
    QTest::newRow("the overview ignores the scroll")
        << 200 << 700.0 << true << 50.0 << 3.5 << 0.0 << 0.0 << 0 << 200;
    QTest::newRow("few lanes share the height")
        << 5 << 700.0 << false << 0.0 << 140.0 << 0.0 << 0.0 << 0 << 5;
    QTest::newRow("lanes that just fit") << 10 << 300.0 << false << 3.0 << 30.0 << 0.0 << 0.0 << 0 << 10;
    QTest::newRow("scrolled by half a lane")
        << 50 << 300.0 << false << 10.5 << 30.0 << 10.5 << 40.0 << 10 << 21;
    QTest::newRow("scrolled to a whole lane")
        << 50 << 300.0 << false << 10.0 << 30.0 << 10.0 << 40.0 << 10 << 20;
    QTest::newRow("past the end stops at the last lanes")
        << 50 << 300.0 << false << 1000.0 << 30.0 << 40.0 << 40.0 << 40 << 50;
    QTest::newRow("above the first lane") << 50 << 300.0 << false << -3.0 << 30.0 << 0.0 << 40.0 << 0 << 10;
    QTest::newRow("not a number") << 50 << 300.0 << false << std::numeric_limits<double>::quiet_NaN() << 30.0
                                  << 0.0 << 40.0 << 0 << 10;
    QTest::newRow("an area lower than a lane")
        << 3 << 20.0 << false << 1.0 << 30.0 << 1.0 << 3 - 2.0 / 3 << 1 << 2;
    QTest::newRow("no lanes") << 0 << 300.0 << false << 0.0 << 300.0 << 0.0 << 0.0 << 0 << 0;
}

void TestLaneLayout::lanesAreReadableOrScroll()
{
    QFETCH(int, rows);
    QFETCH(qreal, height);
    QFETCH(bool, overview);
    QFETCH(double, requestedTop);
    const LaneLayout layout = LaneLayout::compute(rows, 40, height, 30, overview, requestedTop);
    QTEST(layout.laneHeight, "laneHeight");
    QTEST(layout.topRow, "topRow");
    QFETCH(double, maxTopRow);
    QVERIFY2(std::abs(layout.maxTopRow - maxTopRow) < 1e-9, qPrintable(QString::number(layout.maxTopRow)));
    QCOMPARE(layout.scrolls(), maxTopRow > 0);
    const auto [first, end] = layout.visibleRows();
    QTEST(first, "firstVisible");
    QTEST(end, "endVisible");
}

void TestLaneLayout::rowAtInvertsY_data()
{
    QTest::addColumn<double>("top");
    QTest::addColumn<qreal>("y");
    QTest::addColumn<int>("row");
    // 50 lanes of 30 px in an area from y = 40 to 340.
    QTest::newRow("above the area") << 0.0 << 39.9 << -1;
    QTest::newRow("the first lane's top edge") << 0.0 << 40.0 << 0;
    QTest::newRow("the first lane's last pixel") << 0.0 << 69.9 << 0;
    QTest::newRow("the second lane") << 0.0 << 70.0 << 1;
    QTest::newRow("scrolled: the area's top") << 12.0 << 40.0 << 12;
    QTest::newRow("scrolled by half a lane") << 12.5 << 40.0 << 12;
    QTest::newRow("scrolled by half a lane, lower") << 12.5 << 55.0 << 13;
    QTest::newRow("at the bottom, the last lane") << 40.0 << 339.0 << 49;
    QTest::newRow("below the area") << 40.0 << 340.0 << -1;
}

void TestLaneLayout::rowAtInvertsY()
{
    QFETCH(double, top);
    QFETCH(qreal, y);
    const LaneLayout layout = LaneLayout::compute(50, 40, 300, 30, false, top);
    QTEST(layout.rowAt(y), "row");
}

void TestLaneLayout::topToShowBringsARowWhollyIntoView_data()
{
    QTest::addColumn<qreal>("height");
    QTest::addColumn<double>("top");
    QTest::addColumn<int>("row");
    QTest::addColumn<double>("newTop");
    // 50 lanes of 30 px: 10 in view in 300 px, 9.5 in 285.
    QTest::newRow("already in view") << 300.0 << 5.0 << 9 << 5.0;
    QTest::newRow("above: to the top") << 300.0 << 20.0 << 3 << 3.0;
    QTest::newRow("partly above: to the top") << 300.0 << 20.5 << 20 << 20.0;
    QTest::newRow("below: to the bottom") << 300.0 << 0.0 << 30 << 21.0;
    QTest::newRow("partly below: to the bottom") << 300.0 << 0.5 << 10 << 1.0;
    QTest::newRow("the last lane") << 300.0 << 0.0 << 49 << 40.0;
    QTest::newRow("no such row") << 300.0 << 7.0 << 50 << 7.0;
    QTest::newRow("below, 9.5 in view: a whole lane at the top") << 285.0 << 0.0 << 30 << 22.0;
    QTest::newRow("the last lane, 9.5 in view: on the bottom edge") << 285.0 << 0.0 << 49 << 40.5;
}

void TestLaneLayout::topToShowBringsARowWhollyIntoView()
{
    QFETCH(qreal, height);
    QFETCH(double, top);
    QFETCH(int, row);
    QFETCH(double, newTop);
    const LaneLayout layout = LaneLayout::compute(50, 40, height, 30, false, top);
    QCOMPARE(layout.topToShow(row), newTop);
    const LaneLayout shown = LaneLayout::compute(50, 40, height, 30, false, layout.topToShow(row));
    if (row < 50)
        QVERIFY(shown.isWhollyVisible(row));
}

void TestLaneLayout::everyRowIsReachableAndTilesTheArea()
{
    // For many shapes: each row can be brought wholly into view, and the rows in view cover the
    // area from edge to edge without gaps, each pixel row's lane being the one rowAt() names.
    for (const int rows : { 1, 7, 23, 200, 1000 }) {
        for (const qreal height : { 25.0, 300.0, 701.0 }) {
            for (const double top : { 0.0, 0.25, 3.0, 150.5, 1e9 }) {
                const LaneLayout layout = LaneLayout::compute(rows, 10, height, 30, false, top);
                QVERIFY(layout.laneHeight >= 30 || layout.laneHeight * rows >= height - 1e-9);
                const auto [first, end] = layout.visibleRows();
                QVERIFY(first < end);
                QVERIFY(layout.y(first) <= layout.top + 1e-9);
                QVERIFY(layout.y(end - 1) + layout.laneHeight >= layout.top + layout.height - 1e-9
                        || end == rows);
                for (qreal y = layout.top; y < layout.top + layout.height; y += 7) {
                    const int row = layout.rowAt(y);
                    QVERIFY(row >= first && row < end);
                    QVERIFY(layout.y(row) <= y + 1e-9 && y < layout.y(row) + layout.laneHeight + 1e-9);
                }
                for (int row = 0; row < rows; row += std::max(1, rows / 13)) {
                    const LaneLayout moved =
                        LaneLayout::compute(rows, 10, height, 30, false, layout.topToShow(row));
                    const auto [shownFirst, shownEnd] = moved.visibleRows();
                    QVERIFY2(row >= shownFirst && row < shownEnd,
                             qPrintable(u"row %1 of %2 in %3 px"_s.arg(row).arg(rows).arg(height)));
                }
            }
        }
    }
}

SOURCELINE_TEST_MAIN(TestLaneLayout)
#include "tst_lanelayout.moc"
