// How long the window's UI thread is blocked while a timeline is installed and shown: the cost
// of each view's reset, the first paint, the longest gap between event-loop timer ticks while
// the window opens a file, and what a click on a column header costs. Run by hand:
//
//   sourceline_windowbench [--hide-chart] FILE.json [FILE.json ...]
//
// Timings are printed in milliseconds; they are measurements, never assertions.

#include "actorpanel.h"
#include "articleimporter.h"
#include "eventdetails.h"
#include "eventproxymodel.h"
#include "eventtable.h"
#include "mainwindow.h"
#include "sourceview.h"
#include "systemmemory.h"
#include "timelinechart.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelinefilter.h"
#include "timelineloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Handles what is queued (a graphics scene's updates, the paints they ask for) until the
// event loop is idle.
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

double timeIt(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return msSince(timer);
}

void row(const QString &what, double ms)
{
    out() << u"  "_s << what.leftJustified(46) << QString::number(ms, 'f', 1).rightJustified(9) << u" ms\n"_s;
    out().flush();
    std::fflush(stdout); // to see each figure as it comes, through a pipe too
}

// Ticks every millisecond on the UI thread and remembers the gaps between ticks: a gap is
// how long the event loop could not answer anything.
class StallWatch : public QObject
{
public:
    struct Gap
    {
        qint64 endNs;
        qint64 lengthNs;
        // The UI thread's own CPU time in the gap: on a busy machine the thread also waits for
        // a core, which the wall-clock length counts and this does not.
        qint64 workNs;
    };

    StallWatch()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 work = threadCpuNs();
            if (now - m_last > 5'000'000) // only gaps above 5 ms are worth keeping
                m_gaps.append({ now, now - m_last, work - m_lastWork });
            m_last = now;
            m_lastWork = work;
        });
        m_clock.start();
    }
    void start()
    {
        m_gaps.clear();
        m_last = m_clock.nsecsElapsed();
        m_lastWork = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 now() const { return m_clock.nsecsElapsed(); }
    const QList<Gap> &gaps() const { return m_gaps; }

    // The longest gap that ended in (from, to].
    double longestMs(qint64 from, qint64 to) const
    {
        qint64 longest = 0;
        for (const Gap &gap : m_gaps) {
            if (gap.endNs > from && gap.endNs <= to)
                longest = std::max(longest, gap.lengthNs);
        }
        return double(longest) / 1e6;
    }
    // The most CPU time the UI thread spent in one gap.
    double mostWorkMs() const
    {
        qint64 most = 0;
        for (const Gap &gap : m_gaps)
            most = std::max(most, gap.workNs);
        return double(most) / 1e6;
    }
    // The gap that `moment` falls in, or 0.
    double gapAroundMs(qint64 moment) const
    {
        for (const Gap &gap : m_gaps) {
            if (gap.endNs - gap.lengthNs <= moment && moment <= gap.endNs)
                return double(gap.lengthNs) / 1e6;
        }
        return 0;
    }

private:
    static qint64 threadCpuNs()
    {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }

    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_lastWork = 0;
    QList<Gap> m_gaps;
};

// The document's models, each on its own.
void measureModels(const std::shared_ptr<const Timeline> &timeline)
{
    out() << u"Per model: setTimeline, nothing attached\n"_s;
    ActorModel actors;
    row(u"ActorModel"_s, timeIt([&] { actors.setTimeline(timeline); }));
    TimelineFilter filter(&actors);
    row(u"TimelineFilter"_s, timeIt([&] { filter.setTimeline(timeline); }));
    row(u"TimelineFilter, one actor hidden"_s, timeIt([&] { actors.setVisible(0, false); }));
    row(u"TimelineFilter, searching \"actor 17\""_s, timeIt([&] { filter.setText(u"actor 17"_s); }));
    EventModel events;
    row(u"EventModel"_s, timeIt([&] { events.setTimeline(timeline); }));
    TimelineDocument document;
    row(u"TimelineDocument (all of them, and the selection)"_s,
        timeIt([&] { document.setTimeline(timeline, u"bench"_s); }));
}

// One view on its own document: what installing the timeline costs with it attached.
void measureViews(const std::shared_ptr<const Timeline> &timeline)
{
    out() << u"Per view: TimelineDocument::setTimeline with one view attached, then its first paint\n"_s;
    const auto measure = [&](const QString &name,
                             const std::function<QWidget *(TimelineDocument *)> &makeView) {
        TimelineDocument document;
        std::unique_ptr<QWidget> view(makeView ? makeView(&document) : nullptr);
        if (view) {
            view->resize(1000, 600);
            view->show();
            QCoreApplication::processEvents();
        }
        row(name + u": install"_s, timeIt([&] { document.setTimeline(timeline, u"bench"_s); }));
        if (view)
            row(name + u": first paint"_s, timeIt([&] {
                    view->repaint();
                    settle();
                }));
        row(name + u": select an event"_s, timeIt([&] {
                document.selectEvent(int(timeline->events.size() / 2));
                if (view) {
                    view->repaint();
                    settle();
                }
            }));
        row(name + u": drop the timeline"_s, timeIt([&] {
                document.setTimeline(nullptr, {});
                view.reset();
            }));
    };
    measure(u"models only"_s, nullptr);
    measure(u"event table"_s, [](TimelineDocument *d) { return new EventTable(d); });
    measure(u"actor panel"_s,
            [](TimelineDocument *d) { return new ActorPanel(d->actors(), d->events(), d->selection()); });
    measure(u"event details"_s,
            [](TimelineDocument *d) { return new EventDetails(d->events(), d->actors(), d->selection()); });
    measure(u"source view"_s,
            [](TimelineDocument *d) { return new SourceView(d->events(), d->selection()); });
    measure(u"chart"_s, [](TimelineDocument *d) {
        auto *chart = new TimelineChart(d->events(), d->actors(), d->filter(), d->zoom(), d->selection());
        return new TimelineChartView(chart);
    });
}

// The whole window, as a person uses it: the embedded timeline is open with an event selected,
// then the file is opened (on the worker thread) twice, the second replacing the first.
void measureWindow(const QString &fileName, bool paintChart)
{
    out() << u"Whole window: opening the file while the embedded timeline is open"_s
          << (paintChart ? u""_s : u" (chart hidden, so not painted)"_s) << u'\n';
    MainWindow window(MainWindow::State::Fresh);
    window.chartView()->setVisible(paintChart);
    window.setTimeline(TimelineLoader::loadFile(TimelineLoader::embeddedPath()).timeline,
                       TimelineLoader::embeddedPath());
    window.resize(1440, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        out() << u"  (the window was not exposed)\n"_s;
    window.document()->selectEvent(3);
    QCoreApplication::processEvents();

    StallWatch watch;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        QSignalSpy opened(&window, &MainWindow::fileOpened);
        watch.start();
        const qint64 started = watch.now();
        qint64 installed = 0;
        auto connection =
            QObject::connect(&window, &MainWindow::fileOpened, &window, [&] { installed = watch.now(); });
        window.openFile(fileName);
        opened.wait(120000);
        QObject::disconnect(connection);
        QTest::qWait(1500); // the paints and anything else queued after the install
        watch.stop();
        const QString label =
            attempt == 1 ? u"open over the embedded timeline"_s : u"open again over itself"_s;
        out() << u"  "_s << label << u": loaded in "_s << QString::number((installed - started) / 1e6, 'f', 0)
              << u" ms\n"_s;
        row(u"stall the install is in (install, then paint)"_s, watch.gapAroundMs(installed));
        row(u"longest stall overall"_s, watch.longestMs(0, watch.now()));
        out() << u"    stalls over 20 ms, as [start, end] ms after openFile (install at "_s
              << QString::number((installed - started) / 1e6, 'f', 0) << u"):"_s;
        for (const StallWatch::Gap &gap : watch.gaps()) {
            if (gap.lengthNs > 20'000'000)
                out() << u" ["_s << QString::number((gap.endNs - gap.lengthNs - started) / 1e6, 'f', 0)
                      << u", "_s << QString::number((gap.endNs - started) / 1e6, 'f', 0) << u"]"_s;
        }
        out() << u"\n"_s;
    }

    out() << u"Whole window, timed directly\n"_s;
    const std::shared_ptr<const Timeline> timeline = window.document()->timeline();
    const QString title = timeline->title;
    row(u"MainWindow::setTimeline (same timeline again)"_s,
        timeIt([&] { window.setTimeline(timeline, title); }));
    row(u"repaint the window"_s, timeIt([&] {
            window.repaint();
            settle();
        }));
    row(u"select the middle event and repaint"_s, timeIt([&] {
            window.document()->selectEvent(int(timeline->events.size() / 2));
            window.repaint();
            settle();
        }));

    // An article imported into the open timeline: the drafter runs on a worker, then the drafts
    // are stored as one undoable step on the UI thread. Beside it, one event added by hand.
    out() << u"Import the seed article (published 2025-01-22), then undo it\n"_s;
    {
        Source details;
        details.setTitle(u"Seed article"_s);
        details.setPublished(u"2025-01-22"_s);
        details.setText(
            TimelineLoader::loadFile(TimelineLoader::embeddedPath()).timeline->sources.front().storedText());
        StallWatch watch;
        QSignalSpy done(window.articleImporter(), &ArticleImporter::finished);
        watch.start();
        QElapsedTimer total;
        total.start();
        window.articleImporter()->start(details);
        done.wait(120000);
        window.repaint();
        settle();
        const double all = msSince(total);
        watch.stop();
        const int drafts = done.isEmpty() ? 0 : done.front().front().value<ArticleImport::Result>().drafts;
        row(u"import: until %1 drafts are in and painted"_s.arg(drafts), all);
        row(u"import: longest stall of the UI thread"_s, watch.longestMs(0, watch.now()));
        row(u"undo the import"_s, timeIt([&] {
                window.document()->undoStack()->undo();
                window.repaint();
                settle();
            }));
        EventDraft one = window.document()->eventDraft(int(timeline->events.size() / 2));
        one.id.clear();
        row(u"baseline: add one event by hand, and paint"_s, timeIt([&] {
                window.document()->addEvent(one);
                window.repaint();
                settle();
            }));
        window.document()->undoStack()->undo();
    }

    // What the UI thread goes through from a click or a key until the answer is shown: the call
    // itself, and the longest stall of the event loop until the worker's answer is in and painted.
    EventTable *table = window.table();
    const EventProxyModel *proxy = table->proxy();
    const TimelineFilter *filter = window.document()->filter();
    StallWatch stalls;
    const auto untilIdle = [&](const std::function<bool()> &done) {
        QElapsedTimer waited;
        waited.start();
        while (!done() && waited.elapsed() < 60'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        table->repaint();
        settle();
    };
    out() << u"Clicks on the table's headers (the click, the longest stall until sorted and painted, "
             u"the wait)\n"_s;
    const auto sortBy = [&](int column, Qt::SortOrder order, const QString &name) {
        stalls.start();
        QElapsedTimer total;
        total.start();
        const double click = timeIt([&] { table->sortByColumn(column, order); });
        untilIdle([&] { return !proxy->isSorting(); });
        const double all = msSince(total);
        stalls.stop();
        row(name + u": the click"_s, click);
        row(name + u": longest stall after it"_s, stalls.longestMs(0, stalls.now()));
        row(name + u": most UI-thread CPU in one stall"_s, stalls.mostWorkMs());
        row(name + u": until sorted and painted"_s, all);
    };
    sortBy(EventModel::TitleColumn, Qt::AscendingOrder, u"sort by title"_s);
    sortBy(EventModel::TitleColumn, Qt::DescendingOrder, u"sort by title, descending"_s);
    sortBy(EventModel::ActorsColumn, Qt::AscendingOrder, u"sort by actors"_s);
    sortBy(EventModel::KindColumn, Qt::AscendingOrder, u"sort by kind"_s);
    sortBy(EventModel::DateColumn, Qt::DescendingOrder, u"sort by date, descending"_s);
    sortBy(EventModel::DateColumn, Qt::AscendingOrder, u"sort by date (back to file order)"_s);

    out() << u"Search (typing \"actor 17\" key by key, then waiting for the pause and the search)\n"_s;
    const auto search = [&](const QString &text, const QString &name) {
        window.searchField()->setFocus();
        stalls.start();
        QElapsedTimer total;
        total.start();
        double slowestKey = 0;
        if (text.isEmpty())
            slowestKey = timeIt([&] { window.searchField()->clear(); });
        for (const QChar c : text)
            slowestKey =
                std::max(slowestKey, timeIt([&] { QTest::keyClicks(window.searchField(), QString(c)); }));
        untilIdle([&] { return filter->text() == text && !filter->isSearching() && !proxy->isSorting(); });
        const double all = msSince(total);
        stalls.stop();
        row(name + u": slowest key"_s, slowestKey);
        row(name + u": longest stall"_s, stalls.longestMs(0, stalls.now()));
        row(name + u": most UI-thread CPU in one stall"_s, stalls.mostWorkMs());
        row(name + u": until shown (with the pause in typing)"_s, all);
    };
    search(u"actor 17"_s, u"search \"actor 17\""_s);
    search(QString(), u"clear the search"_s);
    // Sorted by another column than the date, the answer's rows are made in that order.
    table->sortByColumn(EventModel::TitleColumn, Qt::AscendingOrder);
    untilIdle([&] { return !proxy->isSorting(); });
    search(u"actor 17"_s, u"sorted by title: search \"actor 17\""_s);
    search(QString(), u"sorted by title: clear the search"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    SystemMemory::giveBackLargeBlocks(); // as the application does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList files = app.arguments().mid(1);
    // The chart paints every event, for seconds at 100,000 of them: without it, the rest shows.
    const bool paintChart = !files.removeAll(u"--hide-chart"_s);
    if (files.isEmpty()) {
        QTextStream(stderr) << u"usage: sourceline_windowbench [--hide-chart] FILE.json [FILE.json ...]\n"_s;
        return 2;
    }
    for (const QString &fileName : files) {
        out() << u"== "_s << QFileInfo(fileName).fileName() << u'\n';
        const TimelineLoader::Result result = TimelineLoader::loadFile(fileName);
        if (!result.ok()) {
            QTextStream(stderr) << result.errorText();
            return 1;
        }
        out() << u"  "_s << result.timeline->events.size() << u" events, "_s << result.timeline->actors.size()
              << u" actors\n"_s;
        measureModels(result.timeline);
        measureViews(result.timeline);
        measureWindow(fileName, paintChart);
    }
    return 0;
}
