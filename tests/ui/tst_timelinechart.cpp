#include "actormodel.h"
#include "chartexporter.h"
#include "eventmodel.h"
#include "kindcolors.h"
#include "testutils.h"
#include "timeline.h"
#include "timelinechart.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelineloader.h"
#include "zoomstate.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QMouseEvent>
#include <QPainter>
#include <QProcess>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// The chart driven as a person drives it: clicks at the positions the chart maps events to,
// the wheel, drags; and its export, rendered without a window.
class TestTimelineChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void clickingAnEventSelectsIt_data();
    void clickingAnEventSelectsIt();
    void clickingEmptySpaceKeepsTheSelection();
    void steppingFollowsDateOrderAndTheViewFollows();
    void hidingAnActorHidesItsLaneAndOnlyItsEvents();
    void theFilterHidesEventsFromTheChart();
    void axisTicksFallOnCalendarBoundaries_data();
    void axisTicksFallOnCalendarBoundaries();
    void wheelZoomsAroundTheCursor();
    void dragPansAndKeepsTheSelection();
    void labelsStayWithTheirMarksWhilePanning();
    void labelsStayWithTheirMarksWhileZooming();
    void labelsFitTheirOwnTitlesAfterEdits();
    void shiftDragZoomsToTheRectangle();
    void doubleClickZoomsToTheEvent();
    void crowdedLanesAreDensityUntilZoomedIn();

    void laneNamesStayWhole();
    void anEmptyTimelineSaysHowToBegin();
    void everyLaneShowsItsActorsColour();
    void textFromTheFileIsNeverMarkup();
    void exportHasTheAskedSizeAndShowsEvents_data();
    void exportHasTheAskedSizeAndShowsEvents();
    void exportOfTheCurrentViewFollowsTheZoom();
    void everyEventIsNamed_data();
    void kindsGetDistinctColours();
    void everyEventIsNamed();
    void failedExportLeavesNoFile();
    void commandLineExport();
    void commandLineExportFailure();

private:
    // Labels followed over `steps` frames, `step` before each: how many the first frame had,
    // how many were compared from one frame to the next, and those that jumped, neither
    // moving with their mark nor keeping their place on screen.
    struct LabelJumps
    {
        int first = 0;
        int compared = 0;
        QStringList jumps;
    };
    LabelJumps labelJumps(int steps, const std::function<void()> &step);
    int row(const char *id) const { return int(m_document->timeline()->indexOfEvent(id)); }
    int actor(const QString &id) const;
    QList<QPoint> whereDrawn(int event, int maxSpots);
    void sendMouse(QEvent::Type type, QPoint pos, Qt::MouseButtons buttons,
                   Qt::KeyboardModifiers modifiers = {});

    std::shared_ptr<const Timeline> m_embedded;
    std::unique_ptr<TimelineDocument> m_document;
    std::unique_ptr<TimelineChartView> m_view; // owns the chart
    TimelineChart *m_chart = nullptr;
};

void TestTimelineChart::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_embedded = result.timeline;
}

void TestTimelineChart::init()
{
    m_document = std::make_unique<TimelineDocument>();
    m_document->setTimeline(m_embedded, TimelineLoader::embeddedPath());
    m_chart = new TimelineChart(m_document->events(), m_document->actors(), m_document->filter(),
                                m_document->zoom(), m_document->selection());
    m_view = std::make_unique<TimelineChartView>(m_chart);
    m_view->resize(1200, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTimelineChart::cleanup()
{
    m_view.reset();
    m_document.reset();
}

int TestTimelineChart::actor(const QString &id) const
{
    const auto &actors = m_document->timeline()->actors;
    for (qsizetype i = 0; i < actors.size(); ++i) {
        if (actors[i].id() == id)
            return int(i);
    }
    return -1;
}

void TestTimelineChart::sendMouse(QEvent::Type type, QPoint pos, Qt::MouseButtons buttons,
                                  Qt::KeyboardModifiers modifiers)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, pos, m_view->viewport()->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(m_view->viewport(), &event);
}

// Where `event` is drawn, found in grabbed images of the view, in device pixels, and not asked
// of the chart (whose hit-testing the click then uses). With the event selected, the only marks
// in its kind's full colour are its own (the others are faded); where they have that colour with
// nothing selected too, no other mark covers them, unless it is one of the same kind, which has
// that colour where it is selected. Of those pixels in the plot, the middles of the patches where
// they are densest over a few pixels (marks, not connectors), densest first, at most maxSpots
// of them and apart from each other. In the view's logical coordinates; none when the event is
// not drawn.
QList<QPoint> TestTimelineChart::whereDrawn(int event, int maxSpots)
{
    const Timeline &t = *m_embedded;
    const std::int32_t kind = t.events[std::size_t(event)].kind;
    const QRgb color =
        (kind < 0 ? KindColors::none() : KindColors::assign(t.kinds, t.kindStyles).at(kind)).rgb();
    // Selecting an event brings it into view: each image is of the view as it was.
    const double first = m_document->zoom()->first(), last = m_document->zoom()->last();
    const auto grab = [&](int selected) {
        m_document->selectEvent(selected);
        m_document->zoom()->setRange(first, last);
        return m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    };
    const int previous = m_document->currentEvent();
    const QImage selected = grab(event);
    const QImage unselected = grab(-1);
    std::vector<QImage> sameKind;
    for (int other = 0; other < int(t.events.size()); ++other) {
        if (other != event && t.events[std::size_t(other)].kind == kind)
            sameKind.push_back(grab(other));
    }
    m_document->selectEvent(previous);
    m_document->zoom()->setRange(first, last);

    const qreal ratio = selected.devicePixelRatio();
    const QRect plot = m_view->mapFromScene(m_chart->mapToScene(m_chart->eventArea())).boundingRect();
    const QRect area = QRect(plot.topLeft() * ratio, plot.size() * ratio).intersected(selected.rect());
    const int w = selected.width(), h = selected.height();
    // Summed areas of the pixels that qualify, to count them in any square at once.
    std::vector<int> sums(std::size_t(w + 1) * std::size_t(h + 1), 0);
    const auto sum = [&](int x, int y) -> int & {
        return sums[std::size_t(y) * std::size_t(w + 1) + std::size_t(x)];
    };
    for (int y = 0; y < h; ++y) {
        const auto *a = reinterpret_cast<const QRgb *>(selected.constScanLine(y));
        const auto *b = reinterpret_cast<const QRgb *>(unselected.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const bool mark = a[x] == color && b[x] == color && area.contains(x, y)
                && std::none_of(sameKind.begin(), sameKind.end(),
                                [&](const QImage &other) { return other.pixel(x, y) == color; });
            sum(x + 1, y + 1) = sum(x, y + 1) + sum(x + 1, y) - sum(x, y) + (mark ? 1 : 0);
        }
    }
    const auto count = [&](int x, int y, int r) {
        return sum(x + r + 1, y + r + 1) - sum(x - r, y + r + 1) - sum(x + r + 1, y - r) + sum(x - r, y - r);
    };
    // A dot (a point in time) shows when some of it is a solid patch, not only lines (its
    // connector, its outline's edge); one hidden under a dot of its kind is not clickable.
    const DateRange &range = t.events[std::size_t(event)].range;
    if (range.first == range.last) {
        const int core = std::max(1, int(std::lround(ratio)));
        bool solid = false;
        for (int y = core; y + core < h && !solid; ++y) {
            for (int x = core; x + core < w && !solid; ++x)
                solid = count(x, y, core) == (2 * core + 1) * (2 * core + 1);
        }
        if (!solid)
            return {};
    }
    // About the height of a mark: a square over the middle of a range's end holds both its
    // long sides and its end.
    const int r = int(std::lround(6 * ratio));
    QList<QPoint> spots;
    while (spots.size() < maxSpots) {
        int best = 0;
        QPoint at;
        for (int y = r; y + r < h; ++y) {
            for (int x = r; x + r < w; ++x) {
                const bool apart = std::all_of(spots.begin(), spots.end(), [&](QPoint spot) {
                    return (QPointF(spot) * ratio - QPointF(x, y)).manhattanLength() > 4 * r;
                });
                const int n = count(x, y, r);
                if (n > best && apart) {
                    best = n;
                    at = QPoint(x, y);
                }
            }
        }
        if (best == 0)
            break;
        // The middle of the event's pixels there: inside an outlined range, not on its edge.
        QPointF centre;
        for (int y = at.y() - r; y <= at.y() + r; ++y) {
            for (int x = at.x() - r; x <= at.x() + r; ++x) {
                if (sum(x + 1, y + 1) - sum(x, y + 1) - sum(x + 1, y) + sum(x, y) == 1)
                    centre += QPointF(x + 0.5, y + 0.5) / best;
            }
        }
        spots.append((centre / ratio).toPoint());
    }
    return spots;
}

void TestTimelineChart::clickingAnEventSelectsIt_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<bool>("zoomed");
    for (const Event &event : m_embedded->events) {
        const QByteArray id = m_embedded->utf8(event.id).toByteArray();
        QTest::newRow(QByteArray("whole timeline: " + id).constData()) << id << false;
        QTest::newRow(QByteArray("zoomed in: " + id).constData()) << id << true;
    }
}

void TestTimelineChart::clickingAnEventSelectsIt()
{
    QFETCH(QByteArray, id);
    QFETCH(bool, zoomed);
    const int event = row(id.constData());
    QVERIFY(event >= 0);
    if (zoomed)
        m_view->zoomToEvent(event);
    // The suite runs again at twice the pixels (QT_SCALE_FACTOR=2, see CMakeLists.txt).
    QCOMPARE(m_view->viewport()->devicePixelRatioF(),
             qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
                                                          : 1.0);
    // In a crowded lane a mark may show only in part, beside a neighbour that a click a pixel
    // off would take: one of the few places where it shows best must select it.
    const QList<QPoint> spots = whereDrawn(event, 3);
    if (spots.isEmpty() && !zoomed)
        QSKIP("hidden under a mark of its kind in the whole timeline; the zoomed-in row clicks it");
    QVERIFY2(!spots.isEmpty(), "the event is drawn");
    QStringList selected; // by each click, for the message
    for (const QPoint spot : spots) {
        QVERIFY(m_view->viewport()->rect().contains(spot));
        m_document->selectEvent(-1);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, spot);
        selected.append(QString::number(m_document->currentEvent()));
        if (m_document->currentEvent() == event)
            break;
    }
    QVERIFY2(m_document->currentEvent() == event,
             qPrintable(u"the clicks selected "_s + selected.join(u", "_s)));
}

void TestTimelineChart::clickingEmptySpaceKeepsTheSelection()
{
    m_document->selectEvent(row("chatgpt-release"));
    // Mid-2021 in the Oracle lane: nothing happened there.
    const qreal x = m_chart->xOf(DateRange::dayFromCivil(2021, 6, 1));
    const int oracleRow = m_chart->rowOfLane(m_chart->laneIndex().laneOf(actor(u"oracle"_s)));
    const QPointF inChart(x, m_chart->laneRect(oracleRow).center().y());
    const QPoint pos = m_view->mapFromScene(m_chart->mapToScene(inChart));
    QCOMPARE(m_chart->eventAt(inChart), -1);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(m_document->currentEvent(), row("chatgpt-release"));
}

void TestTimelineChart::steppingFollowsDateOrderAndTheViewFollows()
{
    m_view->selectFirst();
    QCOMPARE(m_document->currentEvent(), 0);
    std::int32_t previousFirst = m_embedded->events[0].range.first;
    for (int i = 1; i < int(m_embedded->events.size()); ++i) {
        m_view->selectNext();
        QCOMPARE(m_document->currentEvent(), i);
        QVERIFY(m_embedded->events[i].range.first >= previousFirst);
        previousFirst = m_embedded->events[i].range.first;
    }
    m_view->selectNext(); // at the end it stays
    QCOMPARE(m_document->currentEvent(), int(m_embedded->events.size()) - 1);

    // Zoomed in on 2019, stepping to the last event brings it into view.
    m_document->zoom()->setRange(DateRange::dayFromCivil(2019, 6, 1), DateRange::dayFromCivil(2019, 9, 1));
    m_view->selectLast();
    const Event &last = m_embedded->events.back();
    QVERIFY(m_document->zoom()->first() <= last.range.first);
    QVERIFY(m_document->zoom()->last() >= last.range.last + 1);
    QVERIFY(!m_view->eventPosition(m_document->currentEvent()).isNull());

    m_view->selectPrevious();
    QCOMPARE(m_document->currentEvent(), int(m_embedded->events.size()) - 2);
}

void TestTimelineChart::hidingAnActorHidesItsLaneAndOnlyItsEvents()
{
    const int microsoft = actor(u"microsoft"_s);
    const int lanesBefore = int(m_chart->shownLanes().size());
    const int microsoftLane = m_chart->laneIndex().laneOf(microsoft);
    QVERIFY(m_chart->rowOfLane(microsoftLane) >= 0);

    m_document->actors()->setVisible(microsoft, false);
    QCOMPARE(int(m_chart->shownLanes().size()), lanesBefore - 1);
    QCOMPARE(m_chart->rowOfLane(microsoftLane), -1);

    const Timeline &t = *m_embedded;
    for (int e = 0; e < int(t.events.size()); ++e) {
        const auto actors = t.actorsOf(t.events[e]);
        const bool onlyMicrosoft = actors.size() == 1 && actors[0] == microsoft;
        const QByteArray id = t.utf8(t.events[e].id).toByteArray();
        // mai-1-reported is Microsoft's alone: it goes; every other event stays, in another lane.
        QCOMPARE(m_chart->eventPosition(e).isNull(), onlyMicrosoft);
        if (!onlyMicrosoft) {
            // Zoomed in, as a person would to tell apart events a day apart in one lane.
            m_view->zoomToEvent(e);
            const QPoint pos = m_view->eventPosition(e);
            QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
            QVERIFY2(m_document->currentEvent() == e, id.constData());
        }
    }
    QCOMPARE(m_document->filter()->acceptedCount(), qsizetype(t.events.size()) - 1);

    m_document->actors()->setVisible(microsoft, true);
    QCOMPARE(int(m_chart->shownLanes().size()), lanesBefore);
    QVERIFY(!m_chart->eventPosition(row("mai-1-reported")).isNull());
}

void TestTimelineChart::theFilterHidesEventsFromTheChart()
{
    m_document->filter()->setText(u"stargate"_s);
    const Timeline &t = *m_embedded;
    int shown = 0;
    for (int e = 0; e < int(t.events.size()); ++e) {
        const bool accepted = m_document->filter()->accepts(e);
        QCOMPARE(!m_chart->eventPosition(e).isNull(), accepted);
        shown += accepted;
    }
    QVERIFY(shown >= 1 && shown < int(t.events.size()));
    QVERIFY(m_document->filter()->accepts(row("stargate")));
    // Where a hidden event was drawn, a click selects nothing new.
    m_document->filter()->setText(QString());
    const QPoint chatgpt = m_view->eventPosition(row("chatgpt-release"));
    m_document->filter()->setText(u"stargate"_s);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, chatgpt);
    QCOMPARE(m_document->currentEvent(), -1);
}

void TestTimelineChart::axisTicksFallOnCalendarBoundaries_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("expectedDay"); // 0: any day; else every tick is on this day of the month
    QTest::addColumn<bool>("januaryOnly");
    QTest::newRow("whole timeline") << QDate() << QDate() << 1 << true;
    QTest::newRow("three years") << QDate(2022, 1, 10) << QDate(2025, 1, 30) << 1 << false;
    QTest::newRow("one year") << QDate(2023, 3, 3) << QDate(2024, 3, 3) << 1 << false;
    QTest::newRow("one month") << QDate(2025, 1, 1) << QDate(2025, 1, 31) << 0 << false;
    QTest::newRow("one week") << QDate(2025, 1, 17) << QDate(2025, 1, 24) << 0 << false;
}

void TestTimelineChart::axisTicksFallOnCalendarBoundaries()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, expectedDay);
    QFETCH(bool, januaryOnly);
    if (from.isValid())
        m_document->zoom()->setRange(DateRange::dayFromDate(from), DateRange::dayFromDate(to));
    const QList<CalendarTick> &ticks = m_chart->ticks();
    QVERIFY(ticks.size() >= 3);
    for (const CalendarTick &tick : ticks) {
        const QDate date = DateRange::dateFromDay(std::int32_t(tick.day));
        QCOMPARE(tick.day, std::floor(tick.day));
        if (expectedDay)
            QCOMPARE(date.day(), expectedDay);
        if (januaryOnly)
            QCOMPARE(date.month(), 1);
        // The tick sits where the axis maps its day.
        const qreal x = m_chart->xOf(tick.day);
        QVERIFY(x >= m_chart->eventArea().left() - 0.5 && x <= m_chart->eventArea().right() + 0.5);
    }
}

void TestTimelineChart::wheelZoomsAroundTheCursor()
{
    const QRectF plot = m_chart->eventArea();
    const QPoint pos = m_view->mapFromScene(
        m_chart->mapToScene(QPointF(plot.left() + plot.width() * 0.7, plot.center().y())));
    const double dayUnderCursor = m_chart->dayAt(m_chart->mapFromScene(m_view->mapToScene(pos)).x());
    const double spanBefore = m_document->zoom()->span();

    QWheelEvent wheel(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_document->zoom()->span() < spanBefore * 0.8);
    QCOMPARE_LE(std::abs(m_chart->dayAt(m_chart->mapFromScene(m_view->mapToScene(pos)).x()) - dayUnderCursor),
                1.0);

    QWheelEvent back(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -240), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &back);
    QCOMPARE_LE(std::abs(m_document->zoom()->span() - spanBefore), 0.01);
}

void TestTimelineChart::dragPansAndKeepsTheSelection()
{
    m_document->selectEvent(row("stargate"));
    const double firstBefore = m_document->zoom()->first();
    const double spanBefore = m_document->zoom()->span();
    const QPoint start = m_view->viewport()->rect().center();
    const QPoint end = start + QPoint(200, 0);
    sendMouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
    sendMouse(QEvent::MouseMove, start + QPoint(100, 0), Qt::LeftButton);
    sendMouse(QEvent::MouseMove, end, Qt::LeftButton);
    sendMouse(QEvent::MouseButtonRelease, end, Qt::NoButton);
    // Dragging right brings earlier days into view, by as many days as the 200 pixels held.
    const double daysPerPixel = spanBefore / m_chart->eventArea().width();
    QCOMPARE_LE(std::abs((firstBefore - m_document->zoom()->first()) - 200 * daysPerPixel), 2 * daysPerPixel);
    QCOMPARE(m_document->zoom()->span(), spanBefore);
    QCOMPARE(m_document->currentEvent(), row("stargate"));
}

void TestTimelineChart::labelsFitTheirOwnTitlesAfterEdits()
{
    // An edit retitles an event in place, and adding the earliest event renumbers every other:
    // after both, each label is measured for the title it shows, never left the width of the
    // old title or of the event that had its number before.
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_document->setTimeline(result.timeline, TimelineLoader::embeddedPath());
    m_view->grab();
    const int invest = row("msft-invests-1b");
    QVERIFY(invest >= 0);
    QVERIFY(!m_chart->labelRect(invest).isNull());
    EventDraft retitled = m_document->eventDraft(invest);
    retitled.title = u"Deal"_s;
    m_document->editEvent(invest, retitled);
    EventDraft first = m_document->eventDraft(0);
    first.id = u"earliest"_s;
    first.title = u"An event before all the others, with a long title"_s;
    first.when = u"2018-01-01"_s;
    first.evidence.clear();
    QCOMPARE(m_document->addEvent(first), 0);
    // The frame after an edit places the labels in one pass; the frames after it improve on it.
    m_view->grab();
    QTRY_VERIFY_WITH_TIMEOUT(m_chart->labelledCount() >= 10, 5000);

    const QFontMetricsF metrics(m_chart->labelFont());
    QFont bold = m_chart->labelFont();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold); // the selected event's label
    const Timeline &t = *m_document->timeline();
    int labelled = 0;
    for (int e = 0; e < int(t.events.size()); ++e) {
        const QRectF label = m_chart->labelRect(e);
        if (label.isNull())
            continue;
        ++labelled;
        const QString title = t.text(t.events[e].title);
        const QFontMetricsF &its = e == m_document->currentEvent() ? boldMetrics : metrics;
        QVERIFY2(label.width() <= std::ceil(its.horizontalAdvance(title)) + 1.5,
                 qPrintable(u"\"%1\": a label %2 px wide"_s.arg(title).arg(label.width())));
    }
    QVERIFY2(labelled >= 10, qPrintable(u"%1 labels"_s.arg(labelled)));
    QVERIFY(!m_chart->labelRect(row("earliest")).isNull());
}

TestTimelineChart::LabelJumps TestTimelineChart::labelJumps(int steps, const std::function<void()> &step)
{
    // Per frame, each label's top left and the x of its event's day, where its marks are.
    struct Seen
    {
        QPointF label;
        qreal mark;
    };
    const auto frame = [&] {
        m_view->grab(); // paints the chart as the screen would
        QHash<int, Seen> seen;
        for (int e = 0; e < int(m_embedded->events.size()); ++e) {
            if (const QRectF label = m_chart->labelRect(e); !label.isNull())
                seen.insert(e, { label.topLeft(), m_chart->xOf(m_embedded->events[e].range.first) });
        }
        return seen;
    };
    LabelJumps result;
    QHash<int, Seen> before = frame();
    result.first = int(before.size());
    for (int s = 0; s < steps; ++s) {
        step();
        const QHash<int, Seen> after = frame();
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!before.contains(it.key()))
                continue;
            ++result.compared;
            const Seen &was = before[it.key()];
            const QPointF onScreen = it->label - was.label;
            const QPointF besideMark = onScreen - QPointF(it->mark - was.mark, 0);
            if (besideMark.manhattanLength() >= 1.5 && onScreen.manhattanLength() >= 1.5)
                result.jumps.append(u"step %1, event %2: (%3, %4)"_s.arg(s)
                                        .arg(it.key())
                                        .arg(onScreen.x())
                                        .arg(onScreen.y()));
        }
        before = after;
    }
    return result;
}

void TestTimelineChart::labelsStayWithTheirMarksWhilePanning()
{
    // Zoomed in on 2022-2025, where most events and the January 2025 cluster are, then panned
    // in small steps: a label that shows in two frames keeps its place beside its mark, or,
    // held against the edge of the chart, its place on screen; it never jumps to another side.
    m_document->zoom()->setRange(DateRange::dayFromCivil(2022, 6, 1), DateRange::dayFromCivil(2025, 3, 1));
    const LabelJumps seen =
        labelJumps(8, [&] { m_document->zoom()->pan(-m_document->zoom()->span() / 200); });
    QVERIFY2(seen.first >= 10, qPrintable(u"%1 labels"_s.arg(seen.first)));
    QVERIFY2(seen.jumps.isEmpty(), qPrintable(seen.jumps.join(u"; "_s)));
    QVERIFY(seen.compared >= 80);
}

void TestTimelineChart::labelsStayWithTheirMarksWhileZooming()
{
    // Zoomed in step by step, as the wheel does, on 2021-2025, one frame a step: a label that
    // shows in two frames keeps its place beside its mark (it moves with it), or its place on
    // screen; it does not jump to another side as the greedy order changes.
    m_document->zoom()->setRange(DateRange::dayFromCivil(2021, 1, 1), DateRange::dayFromCivil(2025, 6, 1));
    const double anchor = DateRange::dayFromCivil(2023, 9, 1);
    const LabelJumps seen = labelJumps(12, [&] { m_document->zoom()->zoom(1.08, anchor); });
    QVERIFY2(seen.compared >= 100, qPrintable(QString::number(seen.compared)));
    // A label may move when its mark, drawing away from its neighbours, opens a better place
    // for it; not from frame to frame as a rule.
    QVERIFY2(seen.jumps.size() * 20 <= seen.compared, qPrintable(seen.jumps.join(u"; "_s)));
}

void TestTimelineChart::shiftDragZoomsToTheRectangle()
{
    const QRectF plot = m_chart->eventArea();
    const auto viewPoint = [&](qreal x) {
        return m_view->mapFromScene(m_chart->mapToScene(QPointF(x, plot.center().y())));
    };
    const double from = DateRange::dayFromCivil(2023, 1, 1);
    const double to = DateRange::dayFromCivil(2024, 1, 1);
    const QPoint a = viewPoint(m_chart->xOf(from));
    const QPoint b = viewPoint(m_chart->xOf(to));
    sendMouse(QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::ShiftModifier);
    sendMouse(QEvent::MouseMove, b, Qt::LeftButton, Qt::ShiftModifier);
    sendMouse(QEvent::MouseButtonRelease, b, Qt::NoButton, Qt::ShiftModifier);
    const double tolerance =
        2 * (m_document->zoom()->extentLast() - m_document->zoom()->extentFirst()) / plot.width();
    QCOMPARE_LE(std::abs(m_document->zoom()->first() - from), tolerance);
    QCOMPARE_LE(std::abs(m_document->zoom()->last() - to), tolerance);
}

void TestTimelineChart::doubleClickZoomsToTheEvent()
{
    const int event = row("chatgpt-release");
    const QPoint pos = m_view->eventPosition(event);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(m_document->currentEvent(), event);
    const DateRange &range = m_embedded->events[event].range;
    QVERIFY(m_document->zoom()->span() < 120);
    QVERIFY(m_document->zoom()->first() < range.first && m_document->zoom()->last() > range.last + 1);
}

// A lane's name is given the room it needs, up to a fifth of the chart: longer than a dozen
// characters ("Valentina Tereshkova") whole in a window of ordinary size; in a narrow chart the
// lanes keep most of the room.
void TestTimelineChart::laneNamesStayWhole()
{
    Actor renamed = m_document->timeline()->actors.at(0);
    renamed.setName(u"Valentina Vladimirovna Tereshkova"_s);
    m_document->editActor(0, renamed);
    m_chart->followEdit(); // as the window has it do after every edit
    const QFontMetricsF metrics(m_chart->labelFont());
    qreal widest = 0;
    for (int row = 0; row < m_chart->shownLanes().size(); ++row)
        widest = std::max(widest, metrics.horizontalAdvance(m_chart->laneName(row)));
    QCOMPARE(widest, metrics.horizontalAdvance(renamed.name()));
    QVERIFY(widest > 12 * metrics.averageCharWidth() + 40); // longer than the least room
    QCOMPARE(m_chart->laneNameWidth(), widest);

    const QSize before = m_view->size();
    m_view->resize(420, before.height());
    QTRY_VERIFY(m_chart->plotArea().width() < 420);
    QVERIFY(m_chart->laneNameWidth() < widest);
    QVERIFY(m_chart->eventArea().width() > m_chart->plotArea().width() / 2);
    m_view->resize(before);
    m_document->undoStack()->undo();
}

// A new timeline has no events: the window says how to make one; an export of it stays bare.
void TestTimelineChart::anEmptyTimelineSaysHowToBegin()
{
    // Text pixels (dark, not the grid's light grey) in the middle of the lanes.
    const auto inked = [this](const QImage &image, qreal ratio) {
        const QRectF lanes = m_chart->lanesArea();
        const QRectF middle(lanes.center() - QPointF(lanes.width() / 4, lanes.height() / 6),
                            QSizeF(lanes.width() / 2, lanes.height() / 3));
        const QRect pixels = QRectF(middle.topLeft() * ratio, middle.size() * ratio).toRect();
        int dark = 0;
        for (int y = pixels.top(); y <= pixels.bottom(); ++y) {
            for (int x = pixels.left(); x <= pixels.right(); ++x)
                dark += qGray(image.pixel(x, y)) < 160;
        }
        return dark;
    };
    const auto grabbed = [this] {
        const QPoint origin = m_view->mapFromScene(m_chart->mapToScene(QPointF(0, 0)));
        QImage image = m_view->viewport()->grab().toImage();
        const qreal ratio = image.devicePixelRatio();
        return image.copy(QRect(origin * ratio, image.size() - QSize(origin.x(), origin.y()) * ratio));
    };
    QCOMPARE(inked(grabbed(), m_view->viewport()->devicePixelRatioF()), 0);

    m_document->newTimeline(u"Empty"_s);
    QTRY_VERIFY(inked(grabbed(), m_view->viewport()->devicePixelRatioF()) > 100);
    // Its ruler shows this year, not the days of the timeline it replaced.
    const double today = double(DateRange::dayFromDate(QDate::currentDate()));
    QVERIFY2(m_document->zoom()->first() < today && today < m_document->zoom()->last(),
             qPrintable(DateRange::dateFromDay(Day(m_document->zoom()->first())).toString(Qt::ISODate)));
    QVERIFY(m_document->zoom()->last() - m_document->zoom()->first() < 400);

    ChartExporter::Options options;
    options.size = m_chart->size().toSize();
    options.title = false;
    options.credit = false;
    const QImage exported = ChartExporter::render(m_document.get(), options);
    QCOMPARE(inked(exported, exported.devicePixelRatio()), 0);
}

// Beside each lane's name, the colour the actor list shows for its actor: the file's own, or
// the one given to an actor without it.
void TestTimelineChart::everyLaneShowsItsActorsColour()
{
    const QByteArray json = R"({"format":"sourceline","version":1,"title":"Colours","sources":[],
        "actors":[{"id":"a","name":"Ann","kind":"person"},{"id":"b","name":"Bo","kind":"person","color":"#123456"},
                  {"id":"c","name":"Cy","kind":"person"}],
        "events":[{"id":"e1","title":"One","when":"2020","actors":["a"]},
                  {"id":"e2","title":"Two","when":"2021","actors":["b"]},
                  {"id":"e3","title":"Three","when":"2022","actors":["c"]}]})";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"colours.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_document->setTimeline(result.timeline, u"colours.json"_s);
    ChartExporter::Options options;
    options.size = m_chart->size().toSize();
    options.title = false;
    options.credit = false;
    const QImage image = ChartExporter::render(m_document.get(), options);
    const qreal ratio = image.devicePixelRatio();
    QCOMPARE(m_chart->shownLanes().size(), 3);
    for (int row = 0; row < 3; ++row) {
        const int actor = m_chart->laneIndex().actorOf(std::size_t(m_chart->shownLanes()[row]));
        const QPointF at(m_chart->eventArea().left() - 5.5, m_chart->laneRect(row).center().y());
        // What the actor list draws beside the actor's name.
        const QModelIndex listed = m_chart->actors()->index(actor, ActorModel::NameColumn);
        const QColor expected = listed.data(Qt::DecorationRole).value<QColor>();
        QVERIFY(expected.isValid());
        QCOMPARE(image.pixelColor((at * ratio).toPoint()).name(), expected.name());
    }
    QCOMPARE(m_chart->actors()->index(1, ActorModel::NameColumn).data(Qt::DecorationRole).value<QColor>(),
             QColor(u"#123456"_s));
}

void TestTimelineChart::textFromTheFileIsNeverMarkup()
{
    // Qt Charts renders its texts as HTML; the file's title and actor names must never be read
    // as markup. The chart draws no title of its own (the window's title bar and an export's
    // heading name the timeline), and lane names are the chart's own, drawn as plain text.
    const QString markup = u"<b>Bold</b> & <img src=x> <a href='file:///etc/passwd'>link</a>"_s;
    const QString name = u"<b>B</b>&amp;<i>"_s;
    const QByteArray json = R"({"format":"sourceline","version":1,"title":")" + markup.toUtf8()
        + R"(","sources":[],"actors":[{"id":"a","name":")" + name.toUtf8()
        + R"(","kind":"person"}],"events":[{"id":"e","title":"E","when":"2020","actors":["a"]}]})";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"markup.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_document->setTimeline(result.timeline, u"markup.json"_s);
    QCoreApplication::processEvents(); // the chart lays out its title when the event loop runs

    QStringList texts;
    const auto items = m_chart->scene()->items();
    for (QGraphicsItem *item : items) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts.append(text->toPlainText());
    }
    for (const QString &text : std::as_const(texts))
        QVERIFY2(!text.contains(u"Bold"_s), qPrintable(text));
    QCOMPARE(m_chart->laneName(0), name);
}

namespace {

// How many pixels in `rect` are not the background: a blank chart has none.
int inkPixels(const QImage &image, const QRect &rect)
{
    int ink = 0;
    for (int y = rect.top(); y <= rect.bottom(); y += 2) {
        for (int x = rect.left(); x <= rect.right(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            ink += c.saturation() > 60 && c.value() > 40; // coloured: markers and bars, not grid lines
        }
    }
    return ink;
}

} // namespace

void TestTimelineChart::crowdedLanesAreDensityUntilZoomedIn()
{
    // 6,000 day events in two lanes over ten years: far more than 1,200 pixels can show.
    QByteArray json = R"({"format":"sourceline","version":1,"title":"Crowd","sources":[],
        "actors":[{"id":"a","name":"A","kind":"person"},{"id":"b","name":"B","kind":"person"}],
        "events":[)";
    const QDate start(2010, 1, 1);
    for (int i = 0; i < 6000; ++i) {
        json += (i ? ",{" : "{") + "\"id\":\"e"_ba + QByteArray::number(i) + R"(","title":"Event )"
            + QByteArray::number(i) + R"(","when":")"
            + start.addDays(i * 3650 / 6000).toString(Qt::ISODate).toUtf8() + R"(","actors":[")"
            + (i % 2 ? "b" : "a") + R"("]})";
    }
    json += "]}";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"crowd.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_document->setTimeline(result.timeline, u"crowd.json"_s);
    QCoreApplication::processEvents();
    const auto chartPoint = [&](QPoint viewPos) {
        return m_chart->mapFromScene(m_view->mapToScene(viewPos));
    };
    const auto viewPoint = [&](QPointF chartPos) {
        return m_view->mapFromScene(m_chart->mapToScene(chartPos));
    };

    // The whole timeline: lane A is a density strip, which no click selects.
    const QRectF laneA = m_chart->laneRect(0);
    const QPointF middle(laneA.center().x(), laneA.center().y());
    QVERIFY(m_chart->aggregatedAt(middle) > 0);
    QCOMPARE(m_chart->eventAt(middle), -1);
    // On screen, the strip is drawn across the lane's middle.
    const QImage shot = m_view->viewport()->grab().toImage();
    const QRect band(viewPoint(laneA.topLeft()), viewPoint(laneA.bottomRight()));
    QCOMPARE_GT(inkPixels(shot, band), 500);

    // The selected event is drawn on its own even there, and a click on it keeps it.
    const int selected = 3001; // lane B
    m_document->selectEvent(selected);
    const QPoint at = m_view->eventPosition(selected);
    QVERIFY2(!at.isNull(), "the selected event is drawn");
    QCOMPARE(m_chart->eventAt(chartPoint(at)), selected);
    m_document->selectEvent(-1);

    // Double-clicking the strip zooms in, until the events part into marks of their own.
    const double span = m_document->zoom()->span();
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(middle));
    QCOMPARE_LT(m_document->zoom()->span(), span / 3);
    m_document->zoom()->setRange(m_document->zoom()->first(), m_document->zoom()->first() + 60);
    QCOMPARE(m_chart->aggregatedAt(middle), 0);
    int shown = -1;
    for (int e = 0; e < 6000 && shown < 0; e += 2) {
        const QPoint pos = m_view->eventPosition(e);
        if (!pos.isNull() && m_view->viewport()->rect().contains(pos)
            && m_chart->eventAt(chartPoint(pos)) == e)
            shown = e;
    }
    QVERIFY2(shown >= 0, "zoomed in, events of lane A are drawn one by one");
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->eventPosition(shown));
    QCOMPARE(m_document->currentEvent(), shown);
}

void TestTimelineChart::everyEventIsNamed_data()
{
    QTest::addColumn<QString>("file"); // empty for the embedded timeline
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("named"); // at least
    QTest::newRow("embedded, 1600×900") << QString() << QSize(1600, 900) << 16;
    QTest::newRow("embedded, 3840×2160") << QString() << QSize(3840, 2160) << 16;
    QTest::newRow("embedded, 1200×600") << QString() << QSize(1200, 600) << 15;
    // A timeline the placer was not tuned on: 44 events of the space race, with a cluster of
    // five in July 1969 and two events on one day.
    const QString spaceRace = QStringLiteral(SOURCELINE_TEST_DATA "/space-race.json");
    QTest::newRow("space race, 1600×900") << spaceRace << QSize(1600, 900) << 44;
    // A third, written after the placer's column rules: 38 events of 1989–1990, eleven of them
    // in the seven weeks from 18 October, marks on ranges, and events in up to three lanes.
    const QString berlinWall = QStringLiteral(SOURCELINE_TEST_DATA "/berlin-wall.json");
    QTest::newRow("berlin wall, 1600×900") << berlinWall << QSize(1600, 900) << 38;
}

void TestTimelineChart::everyEventIsNamed()
{
    // Drawn at export sizes as the export draws them: in a scene of their own, the whole
    // timeline in view.
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(int, named);
    if (!file.isEmpty()) {
        const TimelineLoader::Result result = TimelineLoader::loadFile(file);
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        m_document->setTimeline(result.timeline, file);
    }
    ZoomState zoom;
    QGraphicsScene scene;
    auto *chart = new TimelineChart(m_document->events(), m_document->actors(), m_document->filter(), &zoom,
                                    m_document->selection());
    scene.addItem(chart);
    chart->setStillPicture(true);
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    if (chart->layout())
        chart->layout()->activate();
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter);
    painter.end();
    QVERIFY2(chart->labelledCount() >= named, qPrintable(u"%1 named"_s.arg(chart->labelledCount())));
    delete chart; // before `zoom`
}

void TestTimelineChart::kindsGetDistinctColours()
{
    // Names that a hash once coloured alike: milestone, accident and budget came out one green.
    QStringList kinds { u"milestone"_s, u"accident"_s, u"budget"_s };
    for (int k = 0; kinds.size() < 12; ++k)
        kinds.append(u"kind%1"_s.arg(k));
    const QList<QColor> colors = KindColors::assign(kinds);
    QCOMPARE(colors.size(), kinds.size());
    for (qsizetype a = 0; a < colors.size(); ++a) {
        QVERIFY(colors[a] != KindColors::none());
        for (qsizetype b = a + 1; b < colors.size(); ++b)
            QVERIFY2(colors[a] != colors[b],
                     qPrintable(u"%1 and %2 share a colour"_s.arg(kinds[a], kinds[b])));
    }
    // A colour the file gives a kind is kept, and no other kind gets it.
    const QList<QColor> first = KindColors::assign({ u"a"_s, u"b"_s });
    const QList<KindStyle> styles { { u"b"_s, u"Bee"_s, first[0] } };
    const QList<QColor> styled = KindColors::assign({ u"a"_s, u"b"_s }, styles);
    QCOMPARE(styled[1], first[0]);
    QVERIFY(styled[0] != first[0]);
    QCOMPARE(KindColors::displayName(u"b"_s, styles), u"Bee"_s);
    QCOMPARE(KindColors::displayName(u"a"_s, styles), u"A"_s);
    // The legend shows the embedded timeline's kinds in those colours.
    const QList<QColor> embedded = KindColors::assign(m_embedded->kinds);
    QList<QColor> shown;
    for (QAbstractSeries *series : m_chart->series()) {
        // The legend's entries for outlines and the era band are series of other types.
        if (auto *scatter = qobject_cast<QScatterSeries *>(series))
            shown.append(scatter->color());
    }
    QCOMPARE(shown.mid(0, embedded.size()), embedded);
}

void TestTimelineChart::exportHasTheAskedSizeAndShowsEvents_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("1600x900 at 1x") << QSize(1600, 900) << 1.0;
    QTest::newRow("800x450 at 2x") << QSize(800, 450) << 2.0;
    QTest::newRow("640x480 at 3x") << QSize(640, 480) << 3.0;
}

void TestTimelineChart::exportHasTheAskedSizeAndShowsEvents()
{
    QFETCH(QSize, size);
    QFETCH(qreal, scale);
    m_view->resize(500, 400); // the export must not depend on the window
    ChartExporter::Options options;
    options.size = size;
    options.scale = scale;
    const QImage image = ChartExporter::render(m_document.get(), options);
    QCOMPARE(image.size(), size * scale);

    // Events are drawn inside the plot: the middle band of the image has coloured marks.
    const QRect plotBand(int(image.width() * 0.1), int(image.height() * 0.1), int(image.width() * 0.85),
                         int(image.height() * 0.7));
    QVERIFY2(inkPixels(image, plotBand) > 50 * scale * scale, "the plot area is not blank");

    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.png"_s);
    QString error;
    QVERIFY2(ChartExporter::save(image, path, &error), qPrintable(error));
    const QImage reread(path);
    QCOMPARE(reread.size(), size * scale);
}

void TestTimelineChart::exportOfTheCurrentViewFollowsTheZoom()
{
    ChartExporter::Options options;
    options.size = QSize(800, 450);
    const QImage whole = ChartExporter::render(m_document.get(), options);
    // 2020–2021: no event and no era boundary there, only the era's shading (and its name,
    // at the top, which the band below leaves out).
    m_document->zoom()->setRange(DateRange::dayFromCivil(2020, 3, 1), DateRange::dayFromCivil(2021, 9, 1));
    options.wholeTimeline = false;
    const QImage quiet = ChartExporter::render(m_document.get(), options);
    // Right of the lane names and the actors' colour swatches beside them.
    const QRect band(160, 90, 600, 270);
    QVERIFY(inkPixels(whole, band) > 100);
    QCOMPARE(inkPixels(quiet, band), 0);
    QCOMPARE(m_document->zoom()->first(),
             double(DateRange::dayFromCivil(2020, 3, 1))); // the window's view is untouched
}

void TestTimelineChart::failedExportLeavesNoFile()
{
    QTemporaryDir dir;
    const QString missingFolder = dir.filePath(u"no/such/folder/chart.png"_s);
    ChartExporter::Options options;
    options.size = QSize(400, 300);
    QString error;
    QVERIFY(!ChartExporter::save(ChartExporter::render(m_document.get(), options), missingFolder, &error));
    QVERIFY2(error.contains(missingFolder), qPrintable(error));
    QVERIFY(!QFileInfo::exists(missingFolder));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestTimelineChart::commandLineExport()
{
    QTemporaryDir dir;
    const auto exportPng = [&](const QString &name, const QStringList &more) {
        const QString out = dir.filePath(name);
        QProcess process;
        process.start(QStringLiteral(SOURCELINE_BINARY),
                      QStringList { u"--export"_s, out, u"--size"_s, u"800x450"_s, u"--scale"_s, u"2"_s }
                          + more);
        if (!process.waitForFinished(60000) || process.exitCode() != 0
            || !process.readAllStandardOutput().contains(out.toUtf8()))
            return QImage();
        return QImage(out).convertToFormat(QImage::Format_RGB32);
    };
    const QImage selected = exportPng(u"selected.png"_s, { u"--select"_s, u"stargate"_s });
    QCOMPARE(selected.size(), QSize(1600, 900));
    const QImage plain = exportPng(u"plain.png"_s, {});
    QCOMPARE(plain.size(), QSize(1600, 900));

    // --select took effect: the selected event's marks are the only ones in full colour (the
    // legend's swatches aside), so its kind's colour covers more than any other kind's does,
    // and the other kinds' marks, faded, lose their full colours.
    const Timeline &t = *m_embedded;
    const QList<QColor> colors = KindColors::assign(t.kinds, t.kindStyles);
    const QRgb stargate = colors.at(t.events[std::size_t(row("stargate"))].kind).rgb();
    const auto pixelsOf = [](const QImage &image, QRgb color) {
        qsizetype n = 0;
        for (int y = 0; y < image.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            n += std::count(line, line + image.width(), color);
        }
        return n;
    };
    qsizetype othersSelected = 0, othersPlain = 0;
    for (const QColor &color : colors) {
        if (color.rgb() == stargate)
            continue;
        const qsizetype n = pixelsOf(selected, color.rgb());
        QCOMPARE_GT(pixelsOf(selected, stargate), n);
        othersSelected += n;
        othersPlain += pixelsOf(plain, color.rgb());
    }
    QCOMPARE_LT(2 * othersSelected, othersPlain);
}

void TestTimelineChart::commandLineExportFailure()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"missing/chart.png"_s);
    QProcess process;
    process.start(QStringLiteral(SOURCELINE_BINARY), { u"--export"_s, out });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("cannot write"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

    process.start(QStringLiteral(SOURCELINE_BINARY),
                  { u"--export"_s, dir.filePath(u"x.png"_s), u"--select"_s, u"nope"_s });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"x.png"_s)));

    process.start(QStringLiteral(SOURCELINE_BINARY),
                  { u"--export"_s, dir.filePath(u"x.png"_s), u"--size"_s, u"big"_s });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
}

SOURCELINE_GUI_TEST_MAIN(TestTimelineChart)
#include "tst_timelinechart.moc"
