#include "actorpanel.h"
#include "chartexporter.h"
#include "mainwindow.h"
#include "testutils.h"
#include "timeline.h"
#include "timelinechart.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelinegenerator.h"
#include "timelineloader.h"
#include "zoomstate.h"

#include <QAction>
#include <QApplication>
#include <QFontMetricsF>
#include <QMenuBar>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

#include <memory>

using namespace Qt::StringLiterals;

// Many actors: the bench's 1,000-event timeline has 200 of them. Lanes stay readable and scroll
// under a pinned time axis beside pinned lane names; the overview squeezes them all in; an
// export shows all lanes or those in view.
class TestChartLanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lanesStayReadableWith200Actors_data();
    void lanesStayReadableWith200Actors();
    void scrollBarSpansTheLanes();
    void shiftWheelAndKeysMoveLanes_data();
    void shiftWheelAndKeysMoveLanes();
    void axisAndLaneNamesStayPinned();
    void selectingAnEventBringsItsLaneIntoView();
    void exportOfLanesInViewNamesWhatAllLanesCannot();
    void windowOverviewToggleIsRememberedButNotByAFreshWindow();
    void actorListBringsTheActorsLaneIntoView();

private:
    qreal readableLane() const;
    QRect onScreen(const QRectF &chartRect) const;

    std::shared_ptr<const Timeline> m_many;
    std::unique_ptr<TimelineDocument> m_document;
    std::unique_ptr<TimelineChartView> m_view; // owns the chart
    TimelineChart *m_chart = nullptr;
};

namespace {

// Pixels of text and lines (dark, unsaturated) in `rect`.
int textPixels(const QImage &image, const QRect &rect)
{
    int ink = 0;
    const QRect inside = rect.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x)
            ink += qGray(image.pixel(x, y)) < 110;
    }
    return ink;
}

// Sends a wheel turn over the middle of the view.
void turnWheel(QWidget *viewport, QPoint delta, Qt::KeyboardModifiers modifiers)
{
    const QPointF at = QRectF(viewport->rect()).center();
    QWheelEvent event(at, viewport->mapToGlobal(at), QPoint(), delta, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

// The actor whose lane is last: the one of the timeline's 200 with the highest index that has
// an event of its own alone, and that event.
std::pair<int, int> lastActorAndItsEvent(const Timeline &timeline)
{
    for (int actor = int(timeline.actors.size()) - 1; actor >= 0; --actor) {
        for (int e = 0; e < int(timeline.events.size()); ++e) {
            const auto actors = timeline.actorsOf(timeline.events[e]);
            if (actors.size() == 1 && actors[0] == actor)
                return { actor, e };
        }
    }
    return { -1, -1 };
}

} // namespace

void TestChartLanes::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const TimelineLoader::Result result =
        TimelineLoader::loadData(TimelineGenerator::generate(1000), u"bench-1000.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QCOMPARE(result.timeline->actors.size(), 200);
    m_many = result.timeline;
}

void TestChartLanes::init()
{
    m_document = std::make_unique<TimelineDocument>();
    m_document->setTimeline(m_many, u"bench-1000.json"_s);
    m_chart = new TimelineChart(m_document->events(), m_document->actors(), m_document->filter(),
                                m_document->zoom(), m_document->selection());
    m_view = std::make_unique<TimelineChartView>(m_chart);
    m_view->resize(1600, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QCoreApplication::processEvents();
}

void TestChartLanes::cleanup()
{
    m_view.reset();
    m_document.reset();
    QSettings().clear();
}

qreal TestChartLanes::readableLane() const
{
    // A line for a mark (a 12-pixel bar) and one for a label, in the chart's label font.
    return QFontMetricsF(m_chart->labelFont()).height() + 12;
}

QRect TestChartLanes::onScreen(const QRectF &chartRect) const
{
    const QPoint topLeft = m_view->mapFromScene(m_chart->mapToScene(chartRect.topLeft()));
    const QPoint bottomRight = m_view->mapFromScene(m_chart->mapToScene(chartRect.bottomRight()));
    return QRect(topLeft, bottomRight);
}

void TestChartLanes::lanesStayReadableWith200Actors_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("overview");
    QTest::newRow("1600×900") << QSize(1600, 900) << false;
    QTest::newRow("1000×600") << QSize(1000, 600) << false;
    QTest::newRow("1600×900, overview") << QSize(1600, 900) << true;
}

void TestChartLanes::lanesStayReadableWith200Actors()
{
    QFETCH(QSize, size);
    QFETCH(bool, overview);
    m_view->resize(size);
    m_document->zoom()->setLanesOverview(overview);
    QCoreApplication::processEvents();
    QCOMPARE_GE(m_chart->shownLanes().size(), 200);
    const QRectF lanes = m_chart->lanesArea();
    if (overview) {
        // Every lane in view, however low: the picture of all, and the bar is not needed.
        QCOMPARE_LT(m_chart->laneHeight(), readableLane());
        QCOMPARE(m_chart->visibleRows(), std::pair(0, int(m_chart->shownLanes().size())));
        QVERIFY(!m_view->laneScrollBar()->isVisible());
        QCOMPARE(m_chart->labelledCount(), 0); // grey ticks: no event can be named
        return;
    }
    QCOMPARE_GE(m_chart->laneHeight(), readableLane());
    QVERIFY(m_view->laneScrollBar()->isVisible());
    const auto [first, end] = m_chart->visibleRows();
    QCOMPARE(first, 0);
    QCOMPARE_LT(end, 200);
    QCOMPARE_LE(m_chart->laneRect(end - 1).top(), lanes.bottom());
    // At the whole timeline's zoom, events are named without zooming in.
    m_view->viewport()->grab(); // a frame
    QCOMPARE_GE(m_chart->labelledCount(), 10);
}

void TestChartLanes::scrollBarSpansTheLanes()
{
    QScrollBar *bar = m_view->laneScrollBar();
    QVERIFY(bar->isVisible());
    const int rows = int(m_chart->shownLanes().size());
    const QRectF lanes = m_chart->lanesArea();
    // The bar's whole length is the lanes' whole height; its handle, the lanes in view.
    QVERIFY(qAbs(bar->maximum() + bar->pageStep() - rows * m_chart->laneHeight()) <= 1.5);
    QVERIFY(qAbs(bar->pageStep() - lanes.height()) <= 1);
    QCOMPARE(bar->value(), 0);
    // It stands beside the lanes only: not beside the time axis under them.
    const QRect beside = onScreen(lanes);
    QVERIFY(qAbs(bar->geometry().top() - beside.top()) <= 2);
    QVERIFY(qAbs(bar->geometry().bottom() - beside.bottom()) <= 2);

    // To the end: the last lane sits on the area's bottom edge.
    QSignalSpy moved(m_document->zoom(), &ZoomState::lanesChanged);
    bar->setValue(bar->maximum());
    QCOMPARE_GE(moved.size(), 1);
    QVERIFY(qAbs(m_chart->laneRect(rows - 1).bottom() - lanes.bottom()) <= 1);
    QCOMPARE(m_chart->visibleRows().second, rows);

    // The shared state moves the bar: another view (or a selection) scrolling to lane 50.
    m_document->zoom()->setTopLane(50);
    QVERIFY(qAbs(bar->value() - 50 * m_chart->laneHeight()) <= 1);
    QCOMPARE(m_chart->rowAt(lanes.top() + 1), 50);
}

void TestChartLanes::shiftWheelAndKeysMoveLanes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<double>("from"); // the top lane before
    QTest::addColumn<double>("to"); // and after
    QTest::newRow("Shift+wheel down") << u"shift-wheel-down"_s << 0.0 << 3.0;
    QTest::newRow("Shift+wheel up") << u"shift-wheel-up"_s << 10.0 << 7.0;
    QTest::newRow("Shift+wheel sent as horizontal") << u"shift-hwheel-down"_s << 0.0 << 3.0;
    QTest::newRow("Shift+wheel up at the first lane") << u"shift-wheel-up"_s << 0.0 << 0.0;
    QTest::newRow("wheel zooms, the lanes stay") << u"wheel"_s << 10.0 << 10.0;
    QTest::newRow("Down") << u"down"_s << 0.0 << 1.0;
    QTest::newRow("Up") << u"up"_s << 10.0 << 9.0;
    QTest::newRow("Up from part of a lane") << u"up"_s << 10.5 << 10.0;
    QTest::newRow("Down from part of a lane") << u"down"_s << 10.5 << 11.0;
    QTest::newRow("Up at the first lane") << u"up"_s << 0.0 << 0.0;
}

void TestChartLanes::shiftWheelAndKeysMoveLanes()
{
    QFETCH(QString, input);
    QFETCH(double, from);
    QFETCH(double, to);
    m_view->activateWindow();
    m_view->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(m_view->hasFocus());
    ZoomState *zoom = m_document->zoom();
    zoom->setTopLane(from);
    QCOMPARE(zoom->topLane(), from);
    const double span = zoom->span();
    QWidget *viewport = m_view->viewport();
    if (input == u"shift-wheel-down"_s)
        turnWheel(viewport, QPoint(0, -120), Qt::ShiftModifier);
    else if (input == u"shift-wheel-up"_s)
        turnWheel(viewport, QPoint(0, 120), Qt::ShiftModifier);
    else if (input == u"shift-hwheel-down"_s)
        turnWheel(viewport, QPoint(-120, 0), Qt::ShiftModifier);
    else if (input == u"wheel"_s)
        turnWheel(viewport, QPoint(0, 120), {});
    else
        QTest::keyClick(viewport, input == u"down"_s ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(zoom->topLane(), to);
    // What is drawn follows: the lane at the top of the area is the new top lane.
    QCOMPARE(m_chart->rowAt(m_chart->lanesArea().top() + 0.5), int(to));
    if (input == u"wheel"_s)
        QCOMPARE_LT(zoom->span(), span); // the plain wheel still zooms
    else
        QCOMPARE(zoom->span(), span);
}

void TestChartLanes::axisAndLaneNamesStayPinned()
{
    const QRectF lanes = m_chart->lanesArea();
    const QRectF events = m_chart->eventArea();
    // The time axis's labels: under the lanes, across the event area.
    const QRect axis = onScreen(QRectF(QPointF(events.left(), events.bottom() + 2),
                                       QPointF(events.right(), m_chart->plotArea().bottom())));
    // The lane names: left of the lanes, the top and bottom halves of the lanes' height.
    const QRectF names(QPointF(m_chart->plotArea().left(), lanes.top()),
                       QPointF(events.left() - 8, lanes.bottom()));
    const QRect namesTop = onScreen(names.adjusted(0, 0, 0, -names.height() / 2));
    const QRect namesBottom = onScreen(names.adjusted(0, names.height() / 2, 0, 0));
    const QImage before = m_view->viewport()->grab().toImage();
    QCOMPARE_GT(textPixels(before, axis), 200);
    QCOMPARE_GT(textPixels(before, namesTop), 200);
    QCOMPARE_GT(textPixels(before, namesBottom), 200);

    m_document->zoom()->setTopLane(120.5);
    const QImage after = m_view->viewport()->grab().toImage();
    // The axis is exactly where and what it was; the names are other actors', still beside
    // their lanes from the top of the area to its bottom.
    QCOMPARE(after.copy(axis), before.copy(axis));
    QCOMPARE_GT(textPixels(after, namesTop), 200);
    QCOMPARE_GT(textPixels(after, namesBottom), 200);
    QVERIFY(after.copy(namesTop) != before.copy(namesTop));
    // Nothing of a lane is drawn past the area's top edge, over the eras' titles (short of the
    // edge's own pixel row, which a lane's top shares when the edge falls between pixels).
    const QRect eraBand = onScreen(QRectF(events.topLeft(), QPointF(events.right(), lanes.top() - 2)));
    if (eraBand.height() > 2)
        QCOMPARE(after.copy(eraBand), before.copy(eraBand));
}

void TestChartLanes::selectingAnEventBringsItsLaneIntoView()
{
    const auto [actor, event] = lastActorAndItsEvent(*m_many);
    QVERIFY(event >= 0);
    const QRect lanes = onScreen(m_chart->lanesArea());
    QVERIFY2(!lanes.contains(m_view->eventPosition(event)), "the last actor's event starts out of view");
    QSignalSpy moved(m_document->zoom(), &ZoomState::lanesChanged);
    m_document->selectEvent(event); // as the table or Go ▸ Next Event would
    QTRY_VERIFY(moved.size() > 0);
    const QPoint at = m_view->eventPosition(event);
    QVERIFY2(lanes.contains(at), qPrintable(u"%1,%2"_s.arg(at.x()).arg(at.y())));
    // It is really drawn there: a click on it keeps it selected.
    m_document->selectEvent(-1);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(m_document->currentEvent(), event);
    // Selecting another event already in view does not move the lanes.
    const double top = m_document->zoom()->topLane();
    m_document->selectEvent(event);
    QCOMPARE(m_document->zoom()->topLane(), top);
}

void TestChartLanes::exportOfLanesInViewNamesWhatAllLanesCannot()
{
    ChartExporter::Options options; // 1600×900
    const auto figure = [&](ChartExporter::Lanes lanes, int *named) {
        options.lanes = lanes;
        QImage image(options.size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        *named = ChartExporter::paint(&painter, QRectF(QPointF(0, 0), QSizeF(options.size)), m_document.get(),
                                      options);
        return image;
    };
    int namedAll = 0, namedInView = 0;
    const QImage all = figure(ChartExporter::Lanes::All, &namedAll);
    const QImage inView = figure(ChartExporter::Lanes::View, &namedInView);
    QCOMPARE(namedAll, 0);
    QCOMPARE_GE(namedInView, 20);
    QVERIFY(all != inView);

    // The lanes the window is scrolled to, not the first ones.
    m_document->zoom()->setTopLane(150);
    int namedThere = 0;
    const QImage there = figure(ChartExporter::Lanes::View, &namedThere);
    QCOMPARE_GE(namedThere, 10);
    QVERIFY(there != inView);
    QCOMPARE(m_document->zoom()->topLane(), 150.0); // the export left the window's view alone
}

void TestChartLanes::windowOverviewToggleIsRememberedButNotByAFreshWindow()
{
    m_view.reset();
    const auto overviewAction = [](MainWindow &window) -> QAction * {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text().remove(u'&') == u"Overview of All Lanes"_s)
                return action;
        }
        return nullptr;
    };
    {
        MainWindow remembered(MainWindow::State::Remember);
        remembered.setTimeline(m_many, u"bench-1000.json"_s);
        remembered.show();
        QVERIFY(QTest::qWaitForWindowExposed(&remembered));
        QAction *action = overviewAction(remembered);
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked());
        QVERIFY(remembered.chartView()->laneScrollBar()->isVisible());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_O));
        remembered.activateWindow();
        QTest::keyClick(&remembered, Qt::Key_O);
        QVERIFY(action->isChecked());
        QVERIFY(remembered.document()->zoom()->lanesOverview());
        QCoreApplication::processEvents();
        TimelineChart *chart = remembered.chartView()->timelineChart();
        QCOMPARE(chart->visibleRows().second, int(chart->shownLanes().size()));
        QVERIFY(!remembered.chartView()->laneScrollBar()->isVisible());
    }
    {
        MainWindow remembered(MainWindow::State::Remember);
        QVERIFY(remembered.document()->zoom()->lanesOverview());
        QVERIFY(overviewAction(remembered)->isChecked());
    }
    const QVariant stored = QSettings().value(u"chart/overview"_s);
    MainWindow fresh(MainWindow::State::Fresh);
    QVERIFY(!fresh.document()->zoom()->lanesOverview());
    QVERIFY(!overviewAction(fresh)->isChecked());
    overviewAction(fresh)->trigger();
    overviewAction(fresh)->trigger();
    QCOMPARE(QSettings().value(u"chart/overview"_s), stored); // a fresh window stores nothing
}

void TestChartLanes::actorListBringsTheActorsLaneIntoView()
{
    m_view.reset();
    MainWindow window(MainWindow::State::Fresh);
    window.setTimeline(m_many, u"bench-1000.json"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    const auto [actor, event] = lastActorAndItsEvent(*m_many);
    TimelineChart *chart = window.chartView()->timelineChart();
    const QRectF lanes = chart->lanesArea();
    QCOMPARE(window.document()->zoom()->topLane(), 0.0);
    // Click the actor's name in the list, as a person picks it.
    QTreeView *list = window.actorPanel()->view();
    const QModelIndexList found = list->model()->match(list->model()->index(0, 0), Qt::DisplayRole,
                                                       m_many->actors.at(actor).name(), 1, Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    list->scrollTo(found.first());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found.first()).center());
    QTRY_COMPARE(window.document()->highlightedActor(), actor);
    const QPointF mark = chart->eventPosition(event);
    QVERIFY2(lanes.contains(mark), qPrintable(u"%1,%2"_s.arg(mark.x()).arg(mark.y())));
    QCOMPARE_GT(window.document()->zoom()->topLane(), 100.0);
}

SOURCELINE_GUI_TEST_MAIN(TestChartLanes)
#include "tst_chartlanes.moc"
