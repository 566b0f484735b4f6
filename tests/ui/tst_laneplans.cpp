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

// The chart keeps each lane's plan, and the density raster's pixels, from frame to frame and
// plans and writes again only the lanes whose plan changed: after an edit, undo, pan, zoom,
// filter, hidden actor, selection, highlight or resize, a kept chart must draw exactly what a
// chart made afresh draws, and after an edit it plans only the lanes the edit touched. In 200
// lanes of a few pixels and in 2000 lanes sharing rows of pixels.
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
    void aRenamedLaneIsMeasuredAgain();

private:
    void open(bool manyActors);

    std::shared_ptr<const Timeline> m_timeline;
    std::shared_ptr<const Timeline> m_manyActors; // 2000 actors: lanes lower than a pixel
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
        resize(s_size);
    }

    void resize(QSize size)
    {
        m_size = size;
        m_chart->setGeometry(QRectF(QPointF(), size));
        m_scene.setSceneRect(QRectF(QPointF(), size));
    }
    QSize size() const { return m_size; }

    QImage render()
    {
        QCoreApplication::sendPostedEvents();
        if (m_chart->layout())
            m_chart->layout()->activate();
        QImage image(m_size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene.render(&painter, QRectF(QPointF(), m_size), QRectF(QPointF(), m_size));
        return image;
    }

    TimelineChart *chart() const { return m_chart; }

private:
    // Narrow enough that a lane of the whole timeline is a density strip, and low enough that
    // the 200 lanes are plain marks.
    static constexpr QSize s_size { 700, 500 };
    QSize m_size;
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

// A change of the document, or of the kept chart (given too).
using Change = std::function<void(TimelineDocument *, int event, SceneChart *kept)>;

Change onDocument(const std::function<void(TimelineDocument *, int event)> &change)
{
    return [change](TimelineDocument *d, int e, SceneChart *) {
        change(d, e);
    };
}

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
    const TimelineLoader::Result many = TimelineLoader::loadData(
        TimelineGenerator::generate(20000, TimelineGenerator::Shape::ManyActors), u"many-20000.json"_s);
    QVERIFY2(many.ok(), qPrintable(many.errorText()));
    m_manyActors = many.timeline;
}

void TestLanePlans::init()
{
    open(false);
}

void TestLanePlans::open(bool manyActors)
{
    m_document = std::make_unique<TimelineDocument>();
    m_document->setTimeline(manyActors ? m_manyActors : m_timeline,
                            manyActors ? u"many-20000.json"_s : u"bench-20000.json"_s);
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
    QTest::addColumn<bool>("manyActors"); // else 200 actors
    QTest::addColumn<bool>("zoomedIn"); // else the whole timeline, in density strips
    QTest::addColumn<Change>("prepare"); // before the kept chart's first frame
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("onlyItsLanes"); // an edit of the event: only its lanes are planned

    const Change nothing = [](TimelineDocument *, int, SceneChart *) {
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
    QTest::addRow("readable lanes") << false << false << onDocument([](TimelineDocument *d, int) {
        const ZoomState *z = d->zoom();
        d->zoom()->setRange(z->extentFirst() + z->span() * 0.4, z->extentFirst() + z->span() * 0.6);
    }) << onDocument([](TimelineDocument *d, int) { d->zoom()->setLanesOverview(false); })
                                    << false;
    for (const bool manyActors : { false, true }) {
        for (const bool zoomedIn : { true, false }) {
            const QByteArray where =
                QByteArray(manyActors ? "2000 lanes, " : "") + (zoomedIn ? "zoomed in" : "whole");
            const auto row = [&](const char *what) -> QTestData & {
                return QTest::addRow("%s, %s", where.constData(), what) << manyActors << zoomedIn;
            };
            row("a day changed") << nothing << onDocument(moveItsDay) << true;
            row("an actor dropped") << nothing << onDocument(dropAnActor) << true;
            row("deleted") << nothing << onDocument(deleteIt) << true;
            row("deleted and undone") << nothing << onDocument([=](TimelineDocument *d, int e) {
                deleteIt(d, e);
                d->undoStack()->undo();
            }) << false;
            row("added") << nothing << onDocument(addBesideIt) << true;
            // As a person edits: the event selected first, so that the frame dims the same events.
            const Change selectIt = onDocument([](TimelineDocument *d, int e) { d->selectEvent(e); });
            row("selected, a day changed") << selectIt << onDocument(moveItsDay) << true;
            row("selected, an actor dropped") << selectIt << onDocument(dropAnActor) << true;
            row("selected, deleted") << selectIt << onDocument(deleteIt) << true;
            row("selected, added") << selectIt << onDocument(addBesideIt) << true;
            // A kind the timeline had not: the marks' colours are looked up again.
            row("added, of a new kind") << nothing << onDocument([](TimelineDocument *d, int e) {
                EventDraft draft = d->eventDraft(e);
                draft.id.clear();
                draft.kind = u"a kind of its own"_s;
                d->addEvent(draft);
            }) << false;
            row("two edits, one frame each")
                << nothing << Change([=](TimelineDocument *d, int e, SceneChart *kept) {
                       moveItsDay(d, e);
                       kept->render();
                       addBesideIt(d, e + 1);
                   })
                << false;
            row("panned") << nothing << onDocument([](TimelineDocument *d, int) {
                d->zoom()->pan(d->zoom()->span() / 7);
            }) << false;
            row("zoomed") << nothing << onDocument([](TimelineDocument *d, int) {
                d->zoom()->zoom(1.5, d->zoom()->first() + d->zoom()->span() / 3);
            }) << false;
            row("filtered") << nothing
                            << onDocument([](TimelineDocument *d, int) { d->filter()->setText(u"Corvid"_s); })
                            << false;
            row("filtered, then a day changed") << nothing << onDocument([=](TimelineDocument *d, int e) {
                d->filter()->setText(u"a"_s);
                moveItsDay(d, e);
            }) << false;
            // The event stays in its first lane, which the edit does not touch, but the search,
            // which found it by the actor's name, now rejects it there.
            row("found by an actor's name, then that actor deleted") << onDocument(
                [](TimelineDocument *d, int e) {
                    const Timeline &t = *d->timeline();
                    d->filter()->setText(t.actors.at(t.actorsOf(t.events[e]).back()).name());
                }) << onDocument([](TimelineDocument *d, int e) {
                const Timeline &t = *d->timeline();
                d->deleteActor(t.actorsOf(t.events[e]).back());
            }) << false;
            row("an actor hidden") << nothing << onDocument([](TimelineDocument *d, int e) {
                d->actors()->setVisible(d->timeline()->actorsOf(d->timeline()->events[e])[0], false);
            }) << false;
            row("filtered otherwise")
                << onDocument([](TimelineDocument *d, int) { d->filter()->setText(u"Corvid"_s); })
                << onDocument([](TimelineDocument *d, int) { d->filter()->setText(u"Kestrel"_s); }) << false;
            row("selected") << nothing << onDocument([](TimelineDocument *d, int e) { d->selectEvent(e); })
                            << false;
            row("selected, then another")
                << onDocument([](TimelineDocument *d, int e) { d->selectEvent(e); })
                << onDocument([](TimelineDocument *d, int e) { d->selectEvent(e + 3); }) << false;
            // With an event selected, other events are dimmed already: but the actor's are not.
            row("an actor highlighted") << onDocument([](TimelineDocument *d, int e) {
                d->selectEvent(e);
            }) << Change([](TimelineDocument *d, int e, SceneChart *kept) {
                kept->chart()->setHighlightedActor(d->timeline()->actorsOf(d->timeline()->events[e])[0]);
            }) << false;
            row("resized") << nothing << Change([](TimelineDocument *, int, SceneChart *kept) {
                kept->resize(kept->size() - QSize(60, 30));
            }) << false;
        }
    }
}

void TestLanePlans::keptPlansDrawWhatFreshOnesDo()
{
    QFETCH(bool, manyActors);
    QFETCH(bool, zoomedIn);
    QFETCH(Change, prepare);
    QFETCH(Change, change);
    QFETCH(bool, onlyItsLanes);

    if (manyActors)
        open(true);
    ZoomState *zoom = m_document->zoom();
    auto kept = std::make_unique<SceneChart>(m_document.get()); // which shows the whole timeline
    prepare(m_document.get(), m_event, kept.get());
    const Day day = m_document->timeline()->events[m_event].range.first;
    if (zoomedIn)
        zoom->setRange(double(day - 200), double(day + 200));
    const QImage before = kept->render();
    // Lanes lower than a pixel are planned only where they show.
    if (!manyActors)
        QCOMPARE(kept->chart()->plannedLaneCount(), int(m_document->timeline()->actors.size()));
    const int touched = lanesOf(*m_document, m_event);
    const bool selectedBefore = kept->chart()->currentEvent() >= 0;

    change(m_document.get(), m_event, kept.get());
    const QImage after = kept->render();
    if (onlyItsLanes) {
        // Its lanes, and those of the event selected after it, whose plans leave that one out.
        const int current = kept->chart()->currentEvent();
        const int planned = kept->chart()->plannedLaneCount();
        const int allowed = touched + (current >= 0 ? lanesOf(*m_document, current) : 0);
        QVERIFY(planned >= 1);
        QVERIFY2(planned <= allowed,
                 qPrintable(u"%1 lanes planned, the event has %2"_s.arg(planned).arg(touched)));
        // Their rows of pixels, a few each, drawn anew; the others kept. (Unless the edit
        // selected the event first: then the frame dims all the others.)
        const int written = kept->chart()->writtenPixelRows();
        QVERIFY2(!selectedBefore || written <= 4 * allowed,
                 qPrintable(u"%1 rows of pixels drawn anew for %2 lanes"_s.arg(written).arg(allowed)));
    }
    // The test could fail: the change shows.
    QVERIFY(differingPixels(before, after) > 0);

    // Two charts of one document in readable lanes would each set the scroll range to their own.
    const QSize size = kept->size();
    const int highlighted = kept->chart()->highlightedActor();
    kept.reset();
    const double first = zoom->first(), last = zoom->last();
    SceneChart fresh(m_document.get()); // which shows the whole timeline again
    fresh.resize(size);
    fresh.chart()->setHighlightedActor(highlighted);
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

void TestLanePlans::aRenamedLaneIsMeasuredAgain()
{
    // Each edit lays the lanes out again from the names it measured: a renamed lane's new name
    // takes the room it needs, and gives it back when renamed again.
    const TimelineLoader::Result result = TimelineLoader::loadData(
        R"({"format":"sourceline","version":1,"title":"Short names","sources":[],
            "actors":[{"id":"a","name":"Al","kind":"person"},{"id":"b","name":"Bo","kind":"person"}],
            "events":[{"id":"e","title":"Met","when":"2020-01-02","actors":["a","b"]}]})",
        u"short.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_document->setTimeline(result.timeline, u"short.json"_s);
    SceneChart kept(m_document.get());
    kept.render();
    const qreal before = kept.chart()->laneNameWidth();
    Actor actor = m_document->timeline()->actors.at(0);
    const QString name = actor.name();
    actor.setName(u"Alexandra"_s);
    m_document->editActor(0, actor);
    kept.render();
    QVERIFY(kept.chart()->laneNameWidth() > before);
    actor.setName(name);
    m_document->editActor(0, actor);
    kept.render();
    QCOMPARE(kept.chart()->laneNameWidth(), before);
}

SOURCELINE_GUI_TEST_MAIN(TestLanePlans)
#include "tst_laneplans.moc"
