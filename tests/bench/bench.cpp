// sourceline_bench, what `./dev bench` runs: how loading and drawing scale with the number of
// events, each figure beside its baseline (reading the bytes, Qt's own JSON parser) in one run.
//
// The parent generates the timelines (cached, named by generator version) and runs itself once
// per size as a child, so that every size starts from a fresh process and its peak memory is
// its own. The child prints one JSON line per measurement; the parent prints the table and
// writes results.json.

#include "chartexporter.h"
#include "draftmodel.h"
#include "eventproxymodel.h"
#include "labelplacer.h"
#include "systemmemory.h"
#include "timelinechart.h"
#include "timelinedocument.h"
#include "timelinegenerator.h"
#include "timelineloader.h"
#include "timelinewriter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QList<qint64> s_defaultSizes { 1'000, 10'000, 100'000, 1'000'000 };
const QSize s_frameSize(1600, 900);

struct Row
{
    QString name;
    QString shape; // the generator's shape of the file, empty for the embedded timeline
    qint64 events = 0;
    double medianMs = 0;
    double maxMs = 0;
    double peakRssMb = 0;
    int runs = 0; // how many samples the median and max are of
    double startRssMb = 0; // what the process held when the step began
};

QJsonObject toJson(const Row &row)
{
    return { { u"name"_s, row.name },
             { u"shape"_s, row.shape },
             { u"events"_s, row.events },
             { u"median_ms"_s, row.medianMs },
             { u"max_ms"_s, row.maxMs },
             { u"peak_rss_mb"_s, row.peakRssMb },
             { u"start_rss_mb"_s, row.startRssMb } };
}

Row rowFromJson(const QJsonObject &o)
{
    return { o.value(u"name"_s).toString(),    o.value(u"shape"_s).toString(),
             o.value(u"events"_s).toInteger(), o.value(u"median_ms"_s).toDouble(),
             o.value(u"max_ms"_s).toDouble(),  o.value(u"peak_rss_mb"_s).toDouble(),
             o.value(u"runs"_s).toInt(),       o.value(u"start_rss_mb"_s).toDouble() };
}

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stderr);
    std::fflush(stderr);
}

// Memory of this process, from /proc/self/status (Linux). Each step's peak is the high-water
// mark VmHWM, reset at the step's start by writing 5 to /proc/self/clear_refs, after handing
// freed heap back with malloc_trim, so that what an earlier step took (the DOM parse takes
// most) does not count against a later one. The figure is the whole process: Qt, the file's
// bytes (held from read_bytes on), and the step's own data. MB here are MiB.
namespace Memory {

double statusMb(const char *field)
{
    std::FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return 0;
    char line[256];
    const std::size_t length = std::strlen(field);
    double kb = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, field, length) == 0 && line[length] == ':') {
            kb = std::strtod(line + length + 1, nullptr);
            break;
        }
    }
    std::fclose(status);
    return kb / 1024;
}

// False when the kernel refused the reset: peaks then only grow from step to step.
bool startStep()
{
    malloc_trim(0);
    std::FILE *clear = std::fopen("/proc/self/clear_refs", "w");
    if (!clear)
        return false;
    const bool written = std::fputs("5", clear) >= 0;
    return std::fclose(clear) == 0 && written;
}

double peakMb()
{
    return statusMb("VmHWM");
}

} // namespace Memory

// How many samples a measurement takes, and for how long, so that `./dev bench` stays within
// five minutes however slow a step is at a million events: samples are taken until the next
// one would end past `seconds` (judged by the last one), but at least `minRuns`. A quick step
// takes up to `quickRuns` samples within its first quarter of a second: the median of three
// loads of a millisecond moved by a fifth from run to run, and with it the ratio to
// QJsonDocument. The table says how many a row is of.
struct Budget
{
    int maxRuns;
    int minRuns;
    double seconds;
    int quickRuns = 0;
};
constexpr qint64 s_quickMs = 250;

constexpr Budget s_readBudget { 3, 3, 10, 31 };
constexpr Budget s_parseBudget { 3, 1, 12, 31 };
constexpr Budget s_loadBudget { 3, 1, 15, 31 };
constexpr Budget s_firstFrameBudget { 3, 1, 8 };
constexpr Budget s_zoomBudget { 60, 2, 20 }; // 30 steps in, 30 back out
constexpr Budget s_panBudget { 30, 2, 15 };
constexpr Budget s_exportBudget { 3, 1, 15 };
constexpr Budget s_editBudget { 30, 10, 10 }; // six kinds of edit, five of each
constexpr Budget s_labelBudget { 50, 5, 3 };
const QStringList s_labelShapes { u"labels_spread"_s, u"labels_clusters"_s, u"labels_lanes"_s,
                                  u"labels_onecluster"_s, u"labels_narrow"_s };

// Collects the samples of one measurement and prints its row.
class Recorder
{
public:
    // `only`: the steps to measure (all when empty); the others take no sample and print no
    // row, so that a profiler sees the named steps alone.
    Recorder(qint64 events, const QString &shape, bool verbose, const QStringList &only = {})
        : m_events(events)
        , m_shape(shape)
        , m_verbose(verbose)
        , m_only(only)
    { }

    void begin(const QString &name, const Budget &budget)
    {
        m_name = name;
        m_budget = budget;
        m_samples.clear();
        m_skipped = !m_only.isEmpty() && !m_only.contains(name);
        if (!Memory::startStep() && !m_warned) {
            say(u"sourceline_bench: cannot reset the peak memory; later steps' peaks include earlier ones'"_s);
            m_warned = true;
        }
        m_startRss = Memory::statusMb("VmRSS");
        if (m_verbose)
            say(u"[%1] %2 starts at %3 MB"_s.arg(m_events).arg(m_name).arg(m_startRss, 0, 'f', 1));
        m_wall.start();
    }
    template<typename Work> void time(Work &&work, const QString &detail = {})
    {
        QElapsedTimer timer;
        timer.start();
        work();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        m_samples.push_back(ms);
        if (m_verbose)
            say(u"[%1] %2 #%3: %4 ms %5"_s.arg(m_events)
                    .arg(m_name)
                    .arg(m_samples.size())
                    .arg(ms, 0, 'f', 2)
                    .arg(detail));
    }
    // How many more samples the budget has room for, judged by the last one.
    int affordable() const
    {
        if (m_skipped)
            return 0;
        const int runs = int(m_samples.size());
        if (runs < m_budget.quickRuns && m_wall.elapsed() < s_quickMs)
            return m_budget.quickRuns - runs;
        if (runs >= m_budget.maxRuns)
            return 0;
        if (runs < m_budget.minRuns)
            return m_budget.maxRuns - runs;
        const double left = m_budget.seconds - double(m_wall.elapsed()) / 1000;
        const double last = m_samples.back() / 1000;
        return std::clamp(int(left / std::max(last, 1e-6)), 0, m_budget.maxRuns - runs);
    }
    bool affordsMore() const { return affordable() > 0; }

    void end()
    {
        if (m_skipped)
            return;
        std::vector<double> sorted = m_samples;
        std::sort(sorted.begin(), sorted.end());
        Row row;
        row.name = m_name;
        row.shape = m_shape;
        row.events = m_events;
        row.runs = int(sorted.size());
        if (!sorted.empty()) {
            const std::size_t n = sorted.size();
            row.medianMs = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            row.maxMs = sorted.back();
        }
        row.peakRssMb = Memory::peakMb();
        row.startRssMb = m_startRss;
        QJsonObject json = toJson(row);
        json.insert(u"runs"_s, row.runs);
        std::fputs(QJsonDocument(json).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
        std::fflush(stdout);
        say(u"[%1] %2: median %3 ms, max %4 ms over %5%6, peak %7 MB, %8 s"_s.arg(m_events)
                .arg(m_name)
                .arg(row.medianMs, 0, 'f', 2)
                .arg(row.maxMs, 0, 'f', 2)
                .arg(row.runs)
                .arg(row.runs < m_budget.maxRuns ? u" (of %1: capped by time)"_s.arg(m_budget.maxRuns)
                                                 : QString())
                .arg(row.peakRssMb, 0, 'f', 1)
                .arg(double(m_wall.elapsed()) / 1000, 0, 'f', 1));
    }

private:
    qint64 m_events;
    double m_startRss = 0;
    QString m_shape;
    bool m_verbose;
    QStringList m_only;
    bool m_warned = false;
    bool m_skipped = false;
    QString m_name;
    Budget m_budget {};
    std::vector<double> m_samples;
    QElapsedTimer m_wall;
};

// A chart in a scene of its own, drawn into an image the way ChartExporter draws it, but kept
// between frames as a window keeps its chart.
class ChartScene
{
public:
    explicit ChartScene(TimelineDocument *document)
        : m_chart(new TimelineChart(document->events(), document->actors(), document->filter(),
                                    document->zoom(), document->selection()))
        , m_image(s_frameSize, QImage::Format_ARGB32_Premultiplied)
    {
        m_scene.addItem(m_chart); // the scene owns the chart
        QObject::connect(document, &TimelineDocument::edited, m_chart, &TimelineChart::followEdit);
        m_chart->setBackgroundRoundness(0);
        m_chart->setGeometry(area());
        m_scene.setSceneRect(area());
    }

    // One frame: what a window's event loop does before it paints (layout requests, the
    // scene's deferred updates), then a full repaint.
    void render()
    {
        QCoreApplication::sendPostedEvents();
        if (m_chart->layout())
            m_chart->layout()->activate();
        m_image.fill(Qt::white);
        QPainter painter(&m_image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                               | QPainter::SmoothPixmapTransform);
        m_scene.render(&painter, area(), area());
    }

private:
    static QRectF area() { return QRectF(QPointF(0, 0), QSizeF(s_frameSize)); }

    QGraphicsScene m_scene;
    TimelineChart *m_chart;
    QImage m_image;
};

// 300 labels (the most a frame places) in five shapes: spread over a 1600×900 picture; in a few
// dense clusters; in 40 lanes, a row of marks each, as a crowded chart has them; all in one
// cluster; and in a picture 400 px wide, labels of very different widths, where most cannot fit.
struct LabelShape
{
    QRectF bounds;
    std::vector<LabelPlacer::Label> labels;
};

LabelShape labelShape(int shape)
{
    QRandomGenerator random(quint32(17 + shape));
    const QRectF bounds = shape == 4 ? QRectF(150, 40, 400, 700) : QRectF(150, 40, 1380, 700);
    std::vector<LabelPlacer::Label> labels;
    for (int i = 0; i < 300; ++i) {
        QPointF at;
        if (shape == 0 || shape == 4)
            at = QPointF(bounds.left() + random.bounded(bounds.width()),
                         bounds.top() + random.bounded(bounds.height()));
        else if (shape == 1)
            at =
                QPointF(300 + (i % 6) * 220 + random.bounded(8.0), bounds.top() + 20 + random.bounded(660.0));
        else if (shape == 2)
            at = QPointF(bounds.left() + random.bounded(bounds.width()),
                         bounds.top() + 8.75 + (i % 40) * 17.5);
        else
            at = QPointF(800 + random.bounded(6.0), bounds.top() + random.bounded(bounds.height()));
        LabelPlacer::Label label;
        label.mark = QRectF(at - QPointF(4, 4), QSizeF(8, 8));
        const qreal width = shape == 4
            ? (random.bounded(2) ? 20 + random.bounded(30.0) : 300 + random.bounded(500.0))
            : 60 + random.bounded(140);
        label.size = QSizeF(width, 15);
        label.minWidth = std::min<qreal>(60, width);
        label.date = at.x();
        labels.push_back(label);
    }
    return { bounds, labels };
}

// `loadOnly`: measure reading and loading beside their baselines, not the frames.
int runChild(qint64 events, const QString &fileName, const QString &shape, bool loadOnly, bool verbose,
             const QStringList &only)
{
    Recorder record(events, shape, verbose, only);
    const QString shownName = QFileInfo(fileName).fileName();

    // Qt loads fonts and the font database on the first text it draws; that is start-up, not
    // scale, so an empty chart is drawn once before anything is timed.
    {
        TimelineDocument empty;
        ChartScene(&empty).render();
    }
    say(u"[%1] process baseline: %2 MB"_s.arg(events).arg(Memory::statusMb("VmRSS"), 0, 'f', 1));

    // The file's bytes, from the page cache: the floor for any loader.
    const auto readFile = [](const QString &name) {
        QFile file(name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QByteArray bytes;
    record.begin(u"read_bytes"_s, s_readBudget);
    while (record.affordsMore()) {
        bytes = QByteArray();
        record.time([&] { bytes = readFile(fileName); });
    }
    record.end();
    if (bytes.isEmpty()) // not measured (--only), but every later step needs them
        bytes = readFile(fileName);
    if (bytes.isEmpty()) {
        say(u"sourceline_bench: cannot read %1"_s.arg(fileName));
        return 1;
    }

    // Our load: parse, validate, resolve quotes, sort. It is handed the bytes as `sourceline FILE`
    // hands them: its own to keep, which it may write over (a long text is decoded where it
    // lies). So each load after the first has the file read again, untimed, once the last
    // load's timeline has let go of them: the file is held once, as when the step began.
    TimelineLoader::Result result;
    record.begin(u"load"_s, s_loadBudget);
    while (record.affordsMore()) {
        result = {}; // so that two timelines are never held at once
        if (bytes.isNull())
            bytes = readFile(fileName);
        record.time(
            [&] { result = TimelineLoader::loadData(std::exchange(bytes, QByteArray()), shownName); });
        if (!result.ok()) {
            say(result.errorText());
            return 1;
        }
    }
    record.end();
    result = {};
    bytes = readFile(fileName);

    // Qt's own parser on the same bytes: it builds a DOM and checks nothing of the format.
    record.begin(u"qjson_parse"_s, s_parseBudget);
    while (record.affordsMore()) {
        QJsonParseError error;
        QJsonDocument document;
        record.time([&] { document = QJsonDocument::fromJson(bytes, &error); });
        if (error.error != QJsonParseError::NoError) {
            say(u"sourceline_bench: QJsonDocument: %1"_s.arg(error.errorString()));
            return 1;
        }
    }
    record.end();

    // Save As and the frames use the timeline of a load that is not timed: one kept from the
    // timed loads would have counted in the DOM parse's peak.
    result = TimelineLoader::loadData(bytes, shownName);
    const std::shared_ptr<const Timeline> timeline = result.timeline;
    result = {};

    // Save As: the canonical file written through QSaveFile, against the load, in every shape.
    const QTemporaryDir saveDir;
    const QString savedName = saveDir.filePath(u"saved.json"_s);
    record.begin(u"save"_s, s_loadBudget);
    while (record.affordsMore()) {
        QString error;
        bool saved = false;
        record.time([&] { saved = TimelineWriter::save(*timeline, savedName, &error); });
        if (!saved) {
            say(u"sourceline_bench: %1"_s.arg(error));
            return 1;
        }
    }
    record.end();
    if (loadOnly)
        return 0;

    // From handing the loaded timeline to an open (empty) chart to its first frame on screen:
    // what opening a file costs after the load.
    std::unique_ptr<TimelineDocument> document;
    std::unique_ptr<ChartScene> chart;
    record.begin(u"first_frame"_s, s_firstFrameBudget);
    while (record.affordsMore()) {
        chart.reset();
        document = std::make_unique<TimelineDocument>();
        chart = std::make_unique<ChartScene>(document.get());
        double installMs = 0;
        record.time([&] {
            QElapsedTimer install;
            install.start();
            document->setTimeline(timeline, shownName);
            installMs = double(install.nsecsElapsed()) / 1e6;
            chart->render();
        });
        if (verbose)
            say(u"[%1] first_frame: of which %2 ms installing the timeline in the models and chart"_s
                    .arg(events)
                    .arg(installMs, 0, 'f', 1));
    }
    record.end();
    if (!document) { // not measured (--only): the later steps draw on it
        document = std::make_unique<TimelineDocument>();
        chart = std::make_unique<ChartScene>(document.get());
        document->setTimeline(timeline, shownName);
        chart->render();
    }

    // Zooming around the middle: in from the whole timeline by 1.25 a step, then back out. When
    // frames are too slow to draw every step within the budget, only every k-th step is drawn
    // (each sample is still one step and its frame), so that the samples span all zoom levels.
    // Zoom and pan draw the overview, every lane squeezed in (the 200 actors' lanes all on
    // screen), the most a frame has to draw; scrolling below draws the window's readable lanes.
    ZoomState *zoom = document->zoom();
    zoom->setLanesOverview(true);
    const double centre = (zoom->extentFirst() + zoom->extentLast()) / 2;
    const int zoomSteps = s_zoomBudget.maxRuns;
    zoom->fit();
    record.begin(u"zoom_frame"_s, s_zoomBudget);
    for (int step = 0, lastDrawn = -1; step < zoomSteps; ++step) {
        const double factor = step < zoomSteps / 2 ? 1.25 : 1 / 1.25;
        const int affordable = record.affordable();
        if (affordable == 0)
            break;
        const int left = zoomSteps - step;
        const int stride = affordable >= left ? 1 : (left + affordable - 1) / affordable;
        if (step - lastDrawn < stride) {
            zoom->zoom(factor, centre);
            continue;
        }
        lastDrawn = step;
        record.time(
            [&] {
                zoom->zoom(factor, centre);
                chart->render();
            },
            u"(step %1, %2 days in view)"_s.arg(step + 1).arg(zoom->span(), 0, 'f', 0));
    }
    record.end();

    // Panning across the middle at a twentieth of the whole timeline, a tenth of the view a step.
    const double span = (zoom->extentLast() - zoom->extentFirst()) / 20;
    zoom->setRange(centre - 2 * span, centre - span);
    record.begin(u"pan_frame"_s, s_panBudget);
    while (record.affordsMore()) {
        record.time([&] {
            zoom->pan(span / 10);
            chart->render();
        });
    }
    record.end();

    // Scrolling the readable lanes (as the window shows the generator's 200 actors) a lane a frame, at the
    // whole timeline, where every lane in view is busiest, back to the first at the end.
    zoom->setLanesOverview(false);
    zoom->fit();
    chart->render();
    record.begin(u"scroll_frame"_s, s_panBudget);
    while (record.affordsMore()) {
        record.time([&] {
            if (zoom->topLane() >= zoom->maxTopLane())
                zoom->setTopLane(0);
            else
                zoom->scrollLanes(1);
            chart->render();
        });
    }
    record.end();
    zoom->setLanesOverview(true);

    // Edits, each one undoable step through the document as the window makes it, with what the
    // table's proxy does about it: add an event in the middle, retitle one, move one to another
    // date, add a quote, delete one, undo the last step. Timed alone ("edit"), then with the
    // chart's next frame ("edit_frame").
    {
        EventProxyModel table(document->events(), document->filter());
        static const QString kinds[] = {
            u"add"_s, u"retitle"_s, u"move"_s, u"quote"_s, u"delete"_s, u"undo"_s
        };
        const auto edit = [&](int i) {
            const int count = document->events()->rowCount();
            const int row = (count / 2 + i) % count;
            EventDraft draft = document->eventDraft(row);
            return [document = document.get(), draft, row, i]() mutable {
                switch (i % 6) {
                case 0:
                    draft.id.clear();
                    draft.title = u"Added in the bench"_s;
                    document->addEvent(draft);
                    break;
                case 1:
                    draft.title += u" (edited)"_s;
                    document->editEvent(row, draft);
                    break;
                case 2:
                    draft.when = u"2001-0%1-1%1"_s.arg(1 + i % 9);
                    document->editEvent(row, draft);
                    break;
                case 3:
                    if (!document->timeline()->sources.isEmpty())
                        draft.evidence.append(
                            { 0,
                              document->timeline()
                                  ->sources.at(0)
                                  .sentenceText(i % document->timeline()->sources.at(0).sentences.size())
                                  .toString() });
                    document->editEvent(row, draft);
                    break;
                case 4:
                    document->deleteEvent(row);
                    break;
                case 5:
                    document->undoStack()->undo();
                    break;
                }
            };
        };
        for (const bool withFrame : { false, true }) {
            record.begin(withFrame ? u"edit_frame"_s : u"edit"_s, s_editBudget);
            for (int i = 0; record.affordsMore(); ++i) {
                auto step = edit(i); // the draft is read before the clock starts, as the editor does
                record.time(
                    [&] {
                        step();
                        if (withFrame)
                            chart->render();
                    },
                    kinds[i % 6]);
                if (!withFrame)
                    chart->render();
            }
            record.end();
        }
    }

    // A date changed, so that the event moves far in date order (from the middle to the first
    // or the last year), then undone and done again: each a move of one event past about half of
    // the others, with the views a window has: the table's proxy in date order, another sorted
    // by title, the drafts' review, the chart, the selection on the moved event. The chart's
    // frame is drawn between samples, untimed, as for "edit".
    {
        EventProxyModel byDate(document->events(), document->filter());
        EventProxyModel byTitle(document->events(), document->filter());
        QEventLoop wait;
        QObject::connect(&byTitle, &EventProxyModel::sorted, &wait, &QEventLoop::quit);
        byTitle.sort(EventModel::TitleColumn);
        if (byTitle.isSorting())
            wait.exec();
        DraftModel drafts(document->events());
        static const QString kinds[] = { u"date"_s, u"undo"_s, u"redo"_s };
        record.begin(u"edit_date"_s, s_editBudget);
        for (int i = 0; record.affordsMore(); ++i) {
            const int count = document->events()->rowCount();
            const int row = (count / 2 + i / 3) % count;
            EventDraft draft = document->eventDraft(row);
            draft.when = (i / 3) % 2 ? u"2025-11-%1"_s.arg(10 + i / 3 % 18) : u"1990-02-%1"_s.arg(10 + i / 3 % 18);
            if (i % 3 == 0)
                document->selectEvent(row);
            record.time(
                [&] {
                    switch (i % 3) {
                    case 0:
                        document->editEvent(row, draft);
                        break;
                    case 1:
                        document->undoStack()->undo();
                        break;
                    case 2:
                        document->undoStack()->redo();
                        break;
                    }
                },
                kinds[i % 3]);
            chart->render();
        }
        record.end();

        // The other edits a person makes, with the same views: each kind's samples are named.
        static const QString otherKinds[] = { u"title"_s, u"actors"_s, u"add"_s, u"delete"_s,
                                              u"rename_actor"_s, u"add_quote"_s, u"remove_quote"_s };
        record.begin(u"edit_views"_s, s_editBudget);
        for (int i = 0; record.affordsMore(); ++i) {
            const int count = document->events()->rowCount();
            const int row = (count / 3 + i) % count;
            document->selectEvent(row);
            EventDraft draft = document->eventDraft(row);
            const int actorCount = int(document->timeline()->actors.size());
            const int actor = draft.actors.isEmpty() ? 0 : draft.actors.first();
            Actor renamed = document->timeline()->actors.value(actor);
            renamed.setName(renamed.name() + u" (renamed)"_s);
            record.time(
                [&] {
                    switch (i % 7) {
                    case 0:
                        draft.title += u" (edited)"_s;
                        document->editEvent(row, draft);
                        break;
                    case 1:
                        draft.actors = { (actor + 1) % std::max(actorCount, 1) };
                        document->editEvent(row, draft);
                        break;
                    case 2:
                        draft.id.clear();
                        document->addEvent(draft);
                        break;
                    case 3:
                        document->deleteEvent(row);
                        break;
                    case 4:
                        if (actorCount > 0)
                            document->editActor(actor, renamed);
                        break;
                    case 5:
                        if (const auto &sources = document->timeline()->sources; !sources.isEmpty())
                            draft.evidence.append(
                                { 0, sources.at(0).sentenceText(i % sources.at(0).sentences.size()).toString() });
                        document->editEvent(row, draft);
                        break;
                    case 6:
                        document->undoStack()->undo();
                        break;
                    }
                },
                otherKinds[i % 7]);
            chart->render();
        }
        record.end();
    }
    chart.reset();

    // The label placer, once with the embedded timeline: its inputs do not grow with the file.
    if (fileName == TimelineLoader::embeddedPath()) {
        for (int shape = 0; shape < s_labelShapes.size(); ++shape) {
            const auto [bounds, labels] = labelShape(shape);
            int placed = 0;
            record.begin(s_labelShapes[shape], s_labelBudget);
            while (record.affordsMore()) {
                record.time(
                    [&] {
                        const auto result = LabelPlacer::place(bounds, labels, {});
                        placed = int(std::count_if(result.begin(), result.end(),
                                                   [](const auto &p) { return p.isPlaced(); }));
                    },
                    u"%1 of 300 placed"_s.arg(placed));
            }
            record.end();
        }
    }

    // A 4K PNG of the whole timeline, drawn and written, as `sourceline --export` does.
    QTemporaryDir temporary;
    const QString exportPath = temporary.filePath(u"export.png"_s);
    ChartExporter::Options exportOptions;
    exportOptions.size = QSize(3840, 2160);
    record.begin(u"export_4k"_s, s_exportBudget);
    while (record.affordsMore()) {
        double renderMs = 0;
        QString error;
        bool saved = false;
        record.time([&] {
            QElapsedTimer renderTimer;
            renderTimer.start();
            const QImage image = ChartExporter::render(document.get(), exportOptions);
            renderMs = double(renderTimer.nsecsElapsed()) / 1e6;
            saved = ChartExporter::save(image, exportPath, &error);
        });
        if (!saved) {
            say(u"sourceline_bench: %1"_s.arg(error));
            return 1;
        }
        if (verbose)
            say(u"[%1] export_4k: render %2 ms, %3 KB of PNG"_s.arg(events)
                    .arg(renderMs, 0, 'f', 1)
                    .arg(QFileInfo(exportPath).size() / 1024));
    }
    record.end();
    return 0;
}

// --- the parent

// The cached timeline of `events` events in `dir`, written first when missing or made by an
// older generator; empty on failure.
QString ensureTimeline(const QString &dir, qint64 events, TimelineGenerator::Shape shape)
{
    // The usual shape keeps the plain name that sourceline_windowbench's users know.
    const QString shapeName = QLatin1StringView(TimelineGenerator::shapeName(shape));
    const QString name = shape == TimelineGenerator::Shape::OneSource
        ? u"timeline-%1-gen%2.json"_s.arg(events).arg(TimelineGenerator::version)
        : u"timeline-%1-%2-gen%3.json"_s.arg(events).arg(shapeName).arg(TimelineGenerator::version);
    const QString path = QDir(dir).filePath(name);
    if (QFileInfo(path).size() > 0)
        return path;
    // Files of older generators are only in the way: a million events take 130 MB.
    const QString pattern = shape == TimelineGenerator::Shape::OneSource
        ? u"timeline-%1-gen*.json"_s.arg(events)
        : u"timeline-%1-%2-gen*.json"_s.arg(events).arg(shapeName);
    const QStringList stale = QDir(dir).entryList({ pattern }, QDir::Files);
    for (const QString &old : stale)
        QFile::remove(QDir(dir).filePath(old));

    QElapsedTimer timer;
    timer.start();
    const QByteArray data = TimelineGenerator::generate(events, shape);
    const double generateMs = double(timer.nsecsElapsed()) / 1e6;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        say(u"sourceline_bench: cannot write %1: %2"_s.arg(path, file.errorString()));
        return {};
    }
    say(u"generated %1: %2 MB in %3 ms (written in %4 ms)"_s.arg(path)
            .arg(double(data.size()) / (1 << 20), 0, 'f', 1)
            .arg(generateMs, 0, 'f', 0)
            .arg(double(timer.nsecsElapsed()) / 1e6 - generateMs, 0, 'f', 0));
    return path;
}

// Runs this program on one size; appends the rows it reports. False when it failed.
bool runSize(qint64 events, const QString &path, const QString &shape, bool loadOnly, bool verbose,
             QList<Row> *rows)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments { u"--size"_s, QString::number(events), u"--file"_s, path, u"--shape"_s, shape };
    if (loadOnly)
        arguments.append(u"--load-only"_s);
    if (verbose)
        arguments.append(u"--verbose"_s);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForStarted() || !child.waitForFinished(-1)) {
        say(u"sourceline_bench: the run of %1 events failed: %2"_s.arg(events).arg(child.errorString()));
        return false;
    }
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        if (!row.isEmpty())
            rows->append(rowFromJson(row));
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        say(u"sourceline_bench: the run of %1 events failed (%2)"_s.arg(events).arg(
            child.exitStatus() == QProcess::NormalExit ? u"exit code %1"_s.arg(child.exitCode())
                                                       : u"crashed"_s));
        return false;
    }
    return true;
}

QString number(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : value < 1000 ? 1 : 0);
}

// `embeddedEvents`: the size of the embedded timeline's rows, the baseline of the export.
void printTable(const QList<Row> &rows, const QHash<QString, qint64> &fileBytes, qint64 embeddedEvents)
{
    QString table = u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(u"name"_s, -12)
                        .arg(u"shape"_s, -14)
                        .arg(u"events"_s, 9)
                        .arg(u"median ms"_s, 11)
                        .arg(u"max ms"_s, 11)
                        .arg(u"peak RSS MB"_s, 12)
                        .arg(u"runs"_s, 5);
    QString previous;
    const auto runOf = [](const Row &row) -> QString {
        return row.shape + u'/' + QString::number(row.events);
    };
    for (const Row &row : rows) {
        if (!previous.isEmpty() && runOf(row) != previous)
            table += u'\n';
        previous = runOf(row);
        table += u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(row.name, -12)
                     .arg(row.shape.isEmpty() ? u"embedded"_s : row.shape, -14)
                     .arg(row.events, 9)
                     .arg(number(row.medianMs), 11)
                     .arg(number(row.maxMs), 11)
                     .arg(row.peakRssMb, 12, 'f', 1)
                     .arg(row.runs, 5);
    }

    // Each measurement beside its baseline.
    table += u'\n';
    const auto findIn = [&](qint64 events, const QString &shape, QStringView name) -> const Row * {
        for (const Row &row : rows) {
            if (row.events == events && row.shape == shape && row.name == name)
                return &row;
        }
        return nullptr;
    };
    const QString usualShape =
        QLatin1StringView(TimelineGenerator::shapeName(TimelineGenerator::Shape::OneSource));
    // The frames and the export are measured on the usual shape and the embedded timeline.
    const auto find = [&](qint64 events, QStringView name) {
        const Row *row = findIn(events, usualShape, name);
        return row ? row : findIn(events, QString(), name);
    };
    QList<std::pair<QString, qint64>> runs;
    QList<qint64> sizes;
    for (const Row &row : rows) {
        if (!runs.contains(std::pair(row.shape, row.events)))
            runs.append({ row.shape, row.events });
        if (!sizes.contains(row.events))
            sizes.append(row.events);
    }
    for (const auto &[shape, events] : std::as_const(runs)) {
        const Row *read = findIn(events, shape, u"read_bytes");
        const Row *qjson = findIn(events, shape, u"qjson_parse");
        const Row *load = findIn(events, shape, u"load");
        if (!read || !qjson || !load)
            continue;
        const double fileMb = double(fileBytes.value(shape + u'/' + QString::number(events))) / (1 << 20);
        table += u"%1 events, %2, %3 MB: load takes %4× the time of QJsonDocument, %5× that of reading the "
                 u"bytes"_s.arg(events)
                     .arg(shape.isEmpty() ? u"embedded"_s : shape)
                     .arg(fileMb, 0, 'f', 1)
                     .arg(load->medianMs / qjson->medianMs, 0, 'f', 2)
                     .arg(load->medianMs / read->medianMs, 0, 'f', 0);
        // Below some megabytes the process's own baseline is most of any peak: the second
        // figure is what the step added to what the process held before it (Qt, the bench, and
        // the file's bytes, read by then), with the file's bytes, which the timeline keeps.
        if (fileMb >= 10) {
            const auto own = [&](const Row *row) {
                return (row->peakRssMb - row->startRssMb) / fileMb + 1;
            };
            table +=
                u"; its peak is %1× the file's size, and what the load added, with the file's bytes, %2× "
                u"(QJsonDocument's %3× and %4×)"_s.arg(load->peakRssMb / fileMb, 0, 'f', 2)
                    .arg(own(load), 0, 'f', 2)
                    .arg(qjson->peakRssMb / fileMb, 0, 'f', 2)
                    .arg(own(qjson), 0, 'f', 2);
        }
        if (const Row *save = findIn(events, shape, u"save"))
            table +=
                u"; saving it takes %1× the load (%2 ms)"_s.arg(save->medianMs / load->medianMs, 0, 'f', 2)
                    .arg(number(save->medianMs));
        table += u'\n';
    }
    // Frames against their budget, and the 4K export against the embedded timeline's.
    for (const QString &shape : s_labelShapes) {
        if (const Row *labels = find(embeddedEvents, shape))
            table += u"label placer, 300 labels, %1: %2 ms median, %3 ms slowest (budget: 2)\n"_s.arg(
                shape.mid(7), number(labels->medianMs), number(labels->maxMs));
    }
    const Row *embeddedExport = find(embeddedEvents, u"export_4k");
    for (const qint64 events : std::as_const(sizes)) {
        const Row *first = find(events, u"first_frame");
        const Row *zoom = find(events, u"zoom_frame");
        const Row *pan = find(events, u"pan_frame");
        if (events == embeddedEvents || !first || !zoom || !pan)
            continue;
        table += u"%1 events: first frame %2 ms; zoom %3 ms median, %4 ms slowest; pan %5 ms median, %6 ms "
                 u"slowest (budget: 50; 16 median, 33 slowest)\n"_s.arg(events)
                     .arg(number(first->medianMs), number(zoom->medianMs), number(zoom->maxMs),
                          number(pan->medianMs), number(pan->maxMs));
        if (const Row *scroll = find(events, u"scroll_frame"))
            table += u"%1 events, %2 actors in readable lanes: scrolling a lane a frame %3 ms median, %4 ms "
                     u"slowest (budget: 16 median, 33 slowest)\n"_s.arg(events)
                         .arg(TimelineGenerator::actorCount)
                         .arg(number(scroll->medianMs), number(scroll->maxMs));
        if (const Row *edit = find(events, u"edit"), *editFrame = find(events, u"edit_frame");
            edit && editFrame)
            table +=
                u"%1 events: an edit takes %2 ms median, %3 ms slowest; with the chart's next frame %4 ms "
                u"median, %5 ms slowest (budget: 16)\n"_s.arg(events)
                    .arg(number(edit->medianMs), number(edit->maxMs), number(editFrame->medianMs),
                         number(editFrame->maxMs));
        if (const Row *date = find(events, u"edit_date"))
            table += u"%1 events: an edit of a date that moves the event past half the others, its undo and "
                     u"redo: %2 ms median, %3 ms slowest (budget: 16)\n"_s.arg(events)
                         .arg(number(date->medianMs), number(date->maxMs));
        if (const Row *views = find(events, u"edit_views"))
            table += u"%1 events: other edits (title, actors, add, delete, rename an actor, add and remove a "
                     u"quote) with the same views: %2 ms median, %3 ms slowest (budget: 16)\n"_s.arg(events)
                         .arg(number(views->medianMs), number(views->maxMs));
        const Row *exported = find(events, u"export_4k");
        const Row *load = find(events, u"load");
        if (exported && load && embeddedExport) {
            table += u"%1 events: 4K export %2 ms, %3× the embedded timeline's (%4 ms); with the load, %5 ms "
                     u"against twice the embedded export plus the load, %6 ms\n"_s.arg(events)
                         .arg(number(exported->medianMs))
                         .arg(exported->medianMs / embeddedExport->medianMs, 0, 'f', 2)
                         .arg(number(embeddedExport->medianMs), number(exported->medianMs + load->medianMs),
                              number(2 * embeddedExport->medianMs + load->medianMs));
        }
    }
    std::fputs(qPrintable(table), stdout);
    std::fflush(stdout);
}

bool writeResults(const QList<Row> &rows, const QString &path)
{
    QJsonArray list;
    for (const Row &row : rows)
        list.append(toJson(row));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(list).toJson()) < 0 || !file.commit()) {
        say(u"sourceline_bench: cannot write %1: %2"_s.arg(path, file.errorString()));
        return false;
    }
    return true;
}

int runParent(const QList<qint64> &sizes, const QList<TimelineGenerator::Shape> &shapes,
              const QString &outDir, bool verbose)
{
    QElapsedTimer wall;
    wall.start();
    if (!QDir().mkpath(outDir)) {
        say(u"sourceline_bench: cannot create %1"_s.arg(outDir));
        return 1;
    }
    QList<Row> rows;
    QHash<QString, qint64> fileBytes; // by "shape/events"
    bool ok = true;
    // The embedded timeline first: the baseline of the export goal.
    const TimelineLoader::Result embedded = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    if (!embedded.ok()) {
        say(embedded.errorText());
        return 1;
    }
    const auto embeddedEvents = qint64(embedded.timeline->events.size());
    struct Run
    {
        qint64 events;
        std::optional<TimelineGenerator::Shape> shape; // none: the embedded timeline
    };
    QList<Run> runs { { embeddedEvents, std::nullopt } };
    // Every shape at every size: below a few hundred MB the process's own memory is much of a
    // peak, and only the largest files show what a load costs beside a file of its shape.
    for (const qint64 events : sizes) {
        for (const TimelineGenerator::Shape shape : shapes)
            runs.append({ events, shape });
    }
    for (const Run &run : std::as_const(runs)) {
        const QString path =
            run.shape ? ensureTimeline(outDir, run.events, *run.shape) : TimelineLoader::embeddedPath();
        if (path.isEmpty()) {
            ok = false;
            break;
        }
        const QString shape =
            run.shape ? QLatin1StringView(TimelineGenerator::shapeName(*run.shape)) : QString();
        // Every shape's load is measured; the frames only on the usual one.
        const bool loadOnly = run.shape && *run.shape != TimelineGenerator::Shape::OneSource;
        fileBytes.insert(shape + u'/' + QString::number(run.events), QFileInfo(path).size());
        say(u"measuring %1 events%2"_s.arg(run.events).arg(shape.isEmpty() ? QString() : u", "_s + shape));
        if (!runSize(run.events, path, shape, loadOnly, verbose, &rows)) {
            ok = false;
            break;
        }
    }
    printTable(rows, fileBytes, embeddedEvents);
    const QString resultsPath = QDir(outDir).filePath(u"results.json"_s);
    ok = writeResults(rows, resultsPath) && ok;
    say(u"wrote %1; %2 s in all"_s.arg(resultsPath).arg(double(wall.elapsed()) / 1000, 0, 'f', 1));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    SystemMemory::giveBackLargeBlocks(); // as the application does
    // Benchmarks draw offscreen, like the tests, unless asked for another platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Only the child draws; the parent has no use for a GUI application.
    const bool child =
        std::any_of(argv + 1, argv + argc, [](const char *a) { return qstrcmp(a, "--size") == 0; });
    std::unique_ptr<QCoreApplication> app;
    if (child)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Sourceline's benchmarks: load and draw generated timelines of growing "
                                     u"size, and measure each step beside its baseline."_s);
    parser.addHelpOption();
    QCommandLineOption sizes { u"sizes"_s,
                               u"Comma-separated numbers of events (default 1000,10000,100000,1000000)."_s,
                               u"N,..."_s };
    QCommandLineOption out { u"out"_s,
                             u"Where the generated timelines and results.json go (default build/bench)."_s,
                             u"DIR"_s, u"build/bench"_s };
    QCommandLineOption verbose { u"verbose"_s, u"Print every sample."_s };
    QCommandLineOption size { u"size"_s, u"Measure one size (the parent runs itself with this)."_s, u"N"_s };
    QCommandLineOption shapes {
        u"shapes"_s,
        u"Comma-separated shapes of file: one-source, own-sentences, short-quotes, "
        u"many-actors, long-sources, foreign-sources, many-sources (default all; frames "
        u"are measured on "
        u"one-source)."_s,
        u"SHAPE,..."_s
    };
    QCommandLineOption file { u"file"_s, u"The timeline to measure, with --size."_s, u"FILE"_s };
    QCommandLineOption shape { u"shape"_s, u"The shape of --file's timeline, with --size."_s, u"SHAPE"_s };
    QCommandLineOption loadOnly { u"load-only"_s, u"With --size: measure the load, not the frames."_s };
    QCommandLineOption only { u"only"_s,
                              u"With --size: measure only these steps (comma-separated row names), as for a "
                              u"profiler."_s,
                              u"NAME,..."_s };
    for (QCommandLineOption *hidden : { &size, &file, &shape, &loadOnly, &only })
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ sizes, shapes, out, verbose, size, file, shape, loadOnly, only });
    parser.process(*app);

    const auto usageError = [](const QString &message) {
        say(u"sourceline_bench: "_s + message);
        return 2;
    };
    if (parser.isSet(size)) {
        bool ok = false;
        const qint64 events = parser.value(size).toLongLong(&ok);
        if (!ok || events < 0 || !parser.isSet(file))
            return usageError(u"--size takes a number of events and goes with --file"_s);
        return runChild(events, parser.value(file), parser.value(shape), parser.isSet(loadOnly),
                        parser.isSet(verbose), parser.value(only).split(u',', Qt::SkipEmptyParts));
    }

    QList<qint64> chosen = s_defaultSizes;
    if (parser.isSet(sizes)) {
        chosen.clear();
        const QStringList items = parser.value(sizes).split(u',', Qt::SkipEmptyParts);
        for (const QString &item : items) {
            bool ok = false;
            const qint64 events = item.trimmed().toLongLong(&ok);
            if (!ok || events < 1 || events > TimelineLoader::maxEvents)
                return usageError(u"--sizes takes numbers of events from 1 to %1, such as 1000,10000"_s.arg(
                    TimelineLoader::maxEvents));
            chosen.append(events);
        }
        if (chosen.isEmpty())
            return usageError(u"--sizes names no size"_s);
    }
    const QList<TimelineGenerator::Shape> allShapes {
        TimelineGenerator::Shape::OneSource,   TimelineGenerator::Shape::OwnSentences,
        TimelineGenerator::Shape::ShortQuotes, TimelineGenerator::Shape::ManyActors,
        TimelineGenerator::Shape::LongSources, TimelineGenerator::Shape::ForeignSources,
        TimelineGenerator::Shape::ManySources,
    };
    QList<TimelineGenerator::Shape> chosenShapes = allShapes;
    if (parser.isSet(shapes)) {
        chosenShapes.clear();
        const QStringList items = parser.value(shapes).split(u',', Qt::SkipEmptyParts);
        for (const QString &item : items) {
            const auto known =
                std::find_if(allShapes.begin(), allShapes.end(), [&](TimelineGenerator::Shape s) {
                    return item.trimmed() == QLatin1StringView(TimelineGenerator::shapeName(s));
                });
            if (known == allShapes.end())
                return usageError(
                    u"--shapes takes one-source, own-sentences, short-quotes, many-actors, long-sources, "
                    u"foreign-sources and many-sources, not %1"_s.arg(item));
            chosenShapes.append(*known);
        }
        if (chosenShapes.isEmpty())
            return usageError(u"--shapes names no shape"_s);
    }
    return runParent(chosen, chosenShapes, parser.value(out), parser.isSet(verbose));
}
