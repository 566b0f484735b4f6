#include "actormodel.h"
#include "eventdraft.h"
#include "testutils.h"
#include "timeline.h"
#include "timelinechart.h"
#include "timelinedocument.h"
#include "timelinefilter.h"
#include "timelinegenerator.h"
#include "timelineloader.h"
#include "zoomstate.h"

#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

// The chart keeps each lane's plan from frame to frame and plans again only the lanes whose
// plan changed: after an edit, pan, zoom, filter or selection, a kept chart must draw exactly
// what a chart made afresh draws, and after an edit it plans only the lanes the edit touched.
class TestLanePlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keptPlansDrawWhatFreshOnesDo_data();
    void keptPlansDrawWhatFreshOnesDo();
    void anUnchangedFrameAsksForNoPlan();

private:
    std::shared_ptr<const Timeline> m_timeline;
    std::unique_ptr<TimelineDocument> m_document;
    int m_event = -1; // a point in the middle of the timeline, with two or more actors
};

namespace {

// A chart in a scene of its own, drawn into an image as the bench does: kept between frames, as
// a window keeps its chart.
class SceneChart
{
public:
    explicit SceneChart(TimelineDocument *document)
        : m_chart(new TimelineChart(document->events(), document->actors(), document->filter(),
                                    document->zoom(), document->selection()))
    {
        m_scene.addItem(m_chart); // the scene owns the chart
        QObject::connect(document, &TimelineDocument::edited, m_chart, &TimelineChart::followEdit);
        m_chart->setStillPicture(true); // every label placed in its frame, in both charts alike
        m_chart->setGeometry(QRectF(QPointF(), s_size));
        m_scene.setSceneRect(QRectF(QPointF(), s_size));
    }

    QImage render()
    {
        QCoreApplication::sendPostedEvents();
        if (m_chart->layout())
            m_chart->layout()->activate();
        QImage image(s_size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene.render(&painter, QRectF(QPointF(), s_size), QRectF(QPointF(), s_size));
        return image;
    }

    TimelineChart *chart() const { return m_chart; }

private:
    // Narrow enough that a lane of the whole timeline is a density strip, and low enough that
    // the 200 lanes are plain marks.
    static constexpr QSize s_size { 700, 500 };
    QGraphicsScene m_scene;
    TimelineChart *m_chart;
};

int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int differ = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            differ += a.pixel(x, y) != b.pixel(x, y);
    }
    return differ;
}

using Change = std::function<void(TimelineDocument *, int event)>;

// The lanes of the event's actors.
int lanesOf(const TimelineDocument &document, int event)
{
    const Timeline &t = *document.timeline();
    return int(t.actorsOf(t.events[event]).size());
}

} // namespace

Q_DECLARE_METATYPE(Change)

void TestLanePlans::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    const TimelineLoader::Result result =
        TimelineLoader::loadData(TimelineGenerator::generate(20000), u"bench-20000.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_timeline = result.timeline;
}

void TestLanePlans::init()
{
    m_document = std::make_unique<TimelineDocument>();
    m_document->setTimeline(m_timeline, u"bench-20000.json"_s);
    m_document->zoom()->setLanesOverview(true);
    const Timeline &t = *m_document->timeline();
    m_event = -1;
    for (int e = int(t.events.size()) / 2; e < int(t.events.size()); ++e) {
        if (t.events[e].range.first == t.events[e].range.last && t.actorsOf(t.events[e]).size() >= 2) {
            m_event = e;
            break;
        }
    }
    QVERIFY(m_event >= 0);
}

void TestLanePlans::cleanup()
{
    // The document edits the timeline it was given, which every row shares: undone, it is as
    // loaded for the next row.
    while (m_document->undoStack()->canUndo())
        m_document->undoStack()->undo();
    m_document.reset();
}

void TestLanePlans::keptPlansDrawWhatFreshOnesDo_data()
{
    QTest::addColumn<bool>("zoomedIn"); // else the whole timeline, in density strips
    QTest::addColumn<Change>("prepare"); // before the kept chart's first frame
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("onlyItsLanes"); // an edit of the event: only its lanes are planned

    const Change nothing = [](TimelineDocument *, int) {
    };

    const auto moveItsDay = [](TimelineDocument *d, int e) {
        EventDraft draft = d->eventDraft(e);
        draft.when = DateRange::isoDay(d->timeline()->events[e].range.first + 40);
        d->editEvent(e, draft);
    };
    const auto dropAnActor = [](TimelineDocument *d, int e) {
        EventDraft draft = d->eventDraft(e);
        draft.actors.removeLast();
        d->editEvent(e, draft);
    };
    const auto deleteIt = [](TimelineDocument *d, int e) {
        d->deleteEvent(e);
    };
    const auto addBesideIt = [](TimelineDocument *d, int e) {
        EventDraft draft = d->eventDraft(e);
        draft.id.clear();
        draft.when = DateRange::isoDay(d->timeline()->events[e].range.first - 30);
        d->addEvent(draft);
    };
    // A view in which lanes hold more events than readable lanes have room for, fewer than the
    // overview's: the same lane, a strip in one and marks in the other.
    QTest::addRow("readable lanes") << false << Change([](TimelineDocument *d, int) {
        const ZoomState *z = d->zoom();
        d->zoom()->setRange(z->extentFirst() + z->span() * 0.4, z->extentFirst() + z->span() * 0.6);
    }) << Change([](TimelineDocument *d, int) { d->zoom()->setLanesOverview(false); })
                                    << false;
    for (const bool zoomedIn : { true, false }) {
        const char *where = zoomedIn ? "zoomed in" : "whole";
        QTest::addRow("%s, a day changed", where) << zoomedIn << nothing << Change(moveItsDay) << true;
        QTest::addRow("%s, an actor dropped", where) << zoomedIn << nothing << Change(dropAnActor) << true;
        QTest::addRow("%s, deleted", where) << zoomedIn << nothing << Change(deleteIt) << true;
        QTest::addRow("%s, deleted and undone", where)
            << zoomedIn << nothing << Change([=](TimelineDocument *d, int e) {
                   deleteIt(d, e);
                   d->undoStack()->undo();
               })
            << false;
        QTest::addRow("%s, added", where) << zoomedIn << nothing << Change(addBesideIt) << true;
        QTest::addRow("%s, panned", where)
            << zoomedIn << nothing
            << Change([](TimelineDocument *d, int) { d->zoom()->pan(d->zoom()->span() / 7); }) << false;
        QTest::addRow("%s, zoomed", where) << zoomedIn << nothing << Change([](TimelineDocument *d, int) {
            d->zoom()->zoom(1.5, d->zoom()->first() + d->zoom()->span() / 3);
        }) << false;
        QTest::addRow("%s, filtered", where)
            << zoomedIn << nothing
            << Change([](TimelineDocument *d, int) { d->filter()->setText(u"Corvid"_s); }) << false;
        QTest::addRow("%s, filtered, then a day changed", where)
            << zoomedIn << nothing << Change([=](TimelineDocument *d, int e) {
                   d->filter()->setText(u"a"_s);
                   moveItsDay(d, e);
               })
            << false;
        // The event stays in its first lane, which the edit does not touch, but the search,
        // which found it by the actor's name, now rejects it there.
        QTest::addRow("%s, found by an actor's name, then that actor deleted", where)
            << zoomedIn << Change([](TimelineDocument *d, int e) {
                   const Timeline &t = *d->timeline();
                   d->filter()->setText(t.actors.at(t.actorsOf(t.events[e]).back()).name);
               })
            << Change([](TimelineDocument *d, int e) {
                   const Timeline &t = *d->timeline();
                   d->deleteActor(t.actorsOf(t.events[e]).back());
               })
            << false;
        QTest::addRow("%s, an actor hidden", where)
            << zoomedIn << nothing << Change([](TimelineDocument *d, int e) {
                   d->actors()->setVisible(d->timeline()->actorsOf(d->timeline()->events[e])[0], false);
               })
            << false;
        QTest::addRow("%s, filtered otherwise", where)
            << zoomedIn << Change([](TimelineDocument *d, int) { d->filter()->setText(u"Corvid"_s); })
            << Change([](TimelineDocument *d, int) { d->filter()->setText(u"Kestrel"_s); }) << false;
        QTest::addRow("%s, selected", where)
            << zoomedIn << nothing << Change([](TimelineDocument *d, int e) { d->selectEvent(e); }) << false;
    }
}

void TestLanePlans::keptPlansDrawWhatFreshOnesDo()
{
    QFETCH(bool, zoomedIn);
    QFETCH(Change, prepare);
    QFETCH(Change, change);
    QFETCH(bool, onlyItsLanes);

    ZoomState *zoom = m_document->zoom();
    auto kept = std::make_unique<SceneChart>(m_document.get()); // which shows the whole timeline
    prepare(m_document.get(), m_event);
    const Day day = m_document->timeline()->events[m_event].range.first;
    if (zoomedIn)
        zoom->setRange(double(day - 200), double(day + 200));
    const QImage before = kept->render();
    QCOMPARE(kept->chart()->plannedLaneCount(), int(m_document->timeline()->actors.size()));
    const int touched = lanesOf(*m_document, m_event);

    change(m_document.get(), m_event);
    const QImage after = kept->render();
    if (onlyItsLanes) {
        // Its lanes, and those of the event selected after it, whose plans leave that one out.
        const int current = kept->chart()->currentEvent();
        const int planned = kept->chart()->plannedLaneCount();
        const int allowed = touched + (current >= 0 ? lanesOf(*m_document, current) : 0);
        QVERIFY(planned >= 1);
        QVERIFY2(planned <= allowed,
                 qPrintable(u"%1 lanes planned, the event has %2"_s.arg(planned).arg(touched)));
    }
    // The test could fail: the change shows.
    QVERIFY(differingPixels(before, after) > 0);

    // Two charts of one document in readable lanes would each set the scroll range to their own.
    kept.reset();
    const double first = zoom->first(), last = zoom->last();
    SceneChart fresh(m_document.get()); // which shows the whole timeline again
    zoom->setRange(first, last);
    const QImage expected = fresh.render();
    const int differ = differingPixels(after, expected);
    if (differ > 0) {
        after.save(u"laneplans-kept.png"_s);
        expected.save(u"laneplans-fresh.png"_s);
    }
    QVERIFY2(differ == 0,
             qPrintable(u"%1 pixels differ from a fresh chart's (laneplans-*.png)"_s.arg(differ)));
}

void TestLanePlans::anUnchangedFrameAsksForNoPlan()
{
    SceneChart kept(m_document.get());
    kept.render();
    QVERIFY(kept.chart()->plannedLaneCount() > 0);
    kept.render();
    QCOMPARE(kept.chart()->plannedLaneCount(), 0);
}

SOURCELINE_GUI_TEST_MAIN(TestLanePlans)
#include "tst_laneplans.moc"
