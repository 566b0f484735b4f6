#include "backgroundloader.h"
#include "eventdetails.h"
#include "eventproxymodel.h"
#include "eventtable.h"
#include "mainwindow.h"
#include "sourceview.h"
#include "testutils.h"
#include "timelinechart.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

// The whole window, driven as a user would: clicks and keys through every event, with the
// side panel showing that event's actors and sentences each time; the search field.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestUtils::quietOffscreenWarnings(); }
    void init();
    void cleanup();
    void clickingThroughEveryEventShowsItsEvidence();
    void defaultWindowNamesEveryEvent();
    void defaultWindowNamesEventsInFull();
    void keysStepThroughEventsInDateOrder();
    void searchFiltersChartAndTableAlike();
    void selectingInTheTableSelectsInTheChart();
    void clickingAHeaderSortsTheTable_data();
    void clickingAHeaderSortsTheTable();
    void theSelectionSurvivesASortAndASearch();
    void aNewTimelineIsListedInDateOrder();
    void aBrokenFileShowsItsErrorsAndLosesNothing();
    void aGoodFileReplacesTheTimeline();
    void aLargeFileLoadsWhileTheWindowStaysUsable();
    void cancellingALoadKeepsTheOpenTimeline();
    void destroyingTheWindowWhileAFileLoadsEndsTheLoadQuietly();
    void aFreshWindowIgnoresStoredSettings();

private:
    void checkSidePanelShows(int event);
    void clickHeader(int column);

    std::unique_ptr<MainWindow> m_window;
    std::shared_ptr<const Timeline> m_timeline;
};

void TestMainWindow::init()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings().clear();
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_timeline = result.timeline;
    m_window = std::make_unique<MainWindow>(MainWindow::State::Fresh);
    m_window->setTimeline(m_timeline, TimelineLoader::embeddedPath());
    m_window->resize(1400, 900);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::checkSidePanelShows(int event)
{
    const Timeline &t = *m_timeline;
    const Event &e = t.events[event];
    QCOMPARE(m_window->details()->titleText(), t.text(e.title));
    QStringList actors;
    for (const std::int32_t a : t.actorsOf(e))
        actors.append(t.actors.at(a).name());
    QCOMPARE(m_window->details()->actorNames(), actors);
    QList<int> sentences;
    for (const Evidence &evidence : t.evidenceOf(e)) {
        for (int s = evidence.firstSentence; s <= evidence.lastSentence; ++s) {
            if (!sentences.contains(s))
                sentences.append(s);
        }
    }
    std::sort(sentences.begin(), sentences.end());
    QList<int> highlighted = m_window->sourceView()->highlightedSentences();
    std::sort(highlighted.begin(), highlighted.end());
    QCOMPARE(highlighted, sentences);
    // The table follows too.
    const QModelIndex current = m_window->table()->selectionModel()->currentIndex();
    QCOMPARE(m_window->table()->proxy()->mapToSource(current).row(), event);
}

void TestMainWindow::clickingThroughEveryEventShowsItsEvidence()
{
    TimelineChartView *view = m_window->chartView();
    for (int event = 0; event < int(m_timeline->events.size()); ++event) {
        const QPoint pos = view->eventPosition(event);
        QVERIFY(!pos.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(m_window->document()->currentEvent(), event);
        checkSidePanelShows(event);
    }
}

void TestMainWindow::defaultWindowNamesEveryEvent()
{
    // A first start: the window at its default size names every event of the embedded
    // timeline, with no label over another, once the frames that go on placing the labels
    // (each within a frame's time) have settled.
    m_window.reset();
    MainWindow fresh(MainWindow::State::Fresh);
    fresh.setTimeline(m_timeline, TimelineLoader::embeddedPath());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    const TimelineChart *chart = fresh.chartView()->timelineChart();
    const int events = int(m_timeline->events.size());
    QTRY_COMPARE_WITH_TIMEOUT(chart->labelledCount(), events, 15000);
    for (int a = 0; a < events; ++a) {
        const QRectF label = chart->labelRect(a);
        QVERIFY2(chart->lanesArea().contains(label), qPrintable(QString::number(a)));
        for (int b = a + 1; b < events; ++b)
            QVERIFY2(!label.intersects(chart->labelRect(b)), qPrintable(u"%1 and %2"_s.arg(a).arg(b)));
    }
}

void TestMainWindow::defaultWindowNamesEventsInFull()
{
    // At the default size the chart has free space beside the long titles of 2019 (right of
    // the two-year bar, where a label stepping half its width at a time jumped over the gap)
    // and in the lanes below the January 2025 cluster: every title stands whole, also the
    // selected event's, in bold, once the frames that go on placing the labels have settled.
    m_window.reset();
    MainWindow fresh(MainWindow::State::Fresh);
    fresh.setTimeline(m_timeline, TimelineLoader::embeddedPath());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QCOMPARE(fresh.size(), QSize(1440, 900));
    const TimelineChart *chart = fresh.chartView()->timelineChart();
    const int events = int(m_timeline->events.size());
    QTRY_COMPARE_WITH_TIMEOUT(chart->labelledCount(), events, 15000);
    const QFontMetricsF metrics(chart->labelFont());
    const auto isWhole = [&](int e) {
        // As wide as the title: a shortened label is at most about half of it.
        const QString title = m_timeline->text(m_timeline->events[std::size_t(e)].title);
        return chart->labelRect(e).width() >= std::ceil(metrics.horizontalAdvance(title)) - 0.5;
    };
    QTRY_VERIFY_WITH_TIMEOUT(isWhole(int(m_timeline->indexOfEvent("msft-invests-1b"))), 5000);
    const auto shortened = [&] {
        QStringList titles;
        for (int e = 0; e < events; ++e) {
            if (!isWhole(e) || !chart->labelIsWhole(e))
                titles << m_timeline->text(m_timeline->events[std::size_t(e)].title);
        }
        return titles.join(u"; "_s);
    };
    QTRY_COMPARE_WITH_TIMEOUT(shortened(), QString(), 5000);
    const int chatgpt = int(m_timeline->indexOfEvent("chatgpt-release"));
    fresh.document()->selectEvent(chatgpt);
    QTRY_VERIFY_WITH_TIMEOUT(chart->labelsSettled(), 5000);
    QVERIFY2(chart->labelIsWhole(chatgpt), qPrintable(shortened()));
    QTRY_COMPARE_WITH_TIMEOUT(shortened(), QString(), 5000);
}

void TestMainWindow::keysStepThroughEventsInDateOrder()
{
    m_window->chartView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(m_window->document()->currentEvent(), 0);
    checkSidePanelShows(0);
    for (int event = 1; event < int(m_timeline->events.size()); ++event) {
        QTest::keyClick(m_window.get(), Qt::Key_Right);
        QCOMPARE(m_window->document()->currentEvent(), event);
        checkSidePanelShows(event);
    }
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    QCOMPARE(m_window->document()->currentEvent(), int(m_timeline->events.size()) - 2);
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(m_window->document()->currentEvent(), int(m_timeline->events.size()) - 1);
}

void TestMainWindow::searchFiltersChartAndTableAlike()
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), m_window->searchField());
    const TimelineFilter *filter = m_window->document()->filter();
    QSignalSpy filtered(filter, &TimelineFilter::changed);
    QTest::keyClicks(m_window->searchField(), u"suleyman"_s);
    // The filter waits for a pause in typing, then filters once for the whole word.
    QCOMPARE(filter->text(), QString());
    QTRY_COMPARE(filter->text(), u"suleyman"_s);
    QCOMPARE(filtered.size(), 1);

    const EventProxyModel *table = m_window->table()->proxy();
    QCOMPARE(qsizetype(table->rowCount()), filter->acceptedCount());
    // "Suleyman" is an actor and in sentence 15: the hiring, nothing else.
    QCOMPARE(filter->acceptedCount(), 1);
    const int hired = int(m_timeline->indexOfEvent("suleyman-hired"));
    QCOMPARE(table->mapToSource(table->index(0, 0)).row(), hired);
    for (int e = 0; e < int(m_timeline->events.size()); ++e)
        QCOMPARE(m_window->chartView()->eventPosition(e).isNull(), e != hired);

    // A word from a sentence: "brewing" is only in sentence 17, which two events cite.
    m_window->searchField()->setText(u"brewing"_s);
    QTRY_COMPARE(table->rowCount(), 2);
    QSet<int> found;
    for (int r = 0; r < table->rowCount(); ++r)
        found.insert(table->mapToSource(table->index(r, 0)).row());
    QCOMPARE(found,
             QSet<int>({ int(m_timeline->indexOfEvent("chatgpt-enterprise")),
                         int(m_timeline->indexOfEvent("staff-friction")) }));

    m_window->searchField()->clear();
    QCOMPARE(table->rowCount(), int(m_timeline->events.size()));
}

void TestMainWindow::selectingInTheTableSelectsInTheChart()
{
    EventTable *table = m_window->table();
    table->setFocus();
    const int chatgpt = int(m_timeline->indexOfEvent("chatgpt-release"));
    const QModelIndex index = table->proxy()->index(table->rowOf(chatgpt), 1);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QCOMPARE(m_window->document()->currentEvent(), chatgpt);
    checkSidePanelShows(chatgpt);
    QCOMPARE(m_window->details()->dateLine(), u"late 2022 · 30 Nov 2022"_s);
}

void TestMainWindow::clickHeader(int column)
{
    QHeaderView *header = m_window->table()->horizontalHeader();
    const QPoint pos(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                     header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, pos);
}

void TestMainWindow::clickingAHeaderSortsTheTable_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("title") << int(EventModel::TitleColumn);
    QTest::newRow("actors") << int(EventModel::ActorsColumn);
    QTest::newRow("kind") << int(EventModel::KindColumn);
    QTest::newRow("date") << int(EventModel::DateColumn);
}

void TestMainWindow::clickingAHeaderSortsTheTable()
{
    QFETCH(int, column);
    EventTable *table = m_window->table();
    const EventProxyModel *proxy = table->proxy();
    const auto keys = [&] {
        QList<QVariant> keys;
        for (int row = 0; row < proxy->rowCount(); ++row)
            keys.append(proxy->index(row, column).data(EventModel::SortRole));
        return keys;
    };
    const auto ordered = [](const QList<QVariant> &keys, Qt::SortOrder order) {
        for (qsizetype i = 1; i < keys.size(); ++i) {
            const QPartialOrdering c = QVariant::compare(keys.at(i - 1), keys.at(i));
            if (c == (order == Qt::AscendingOrder ? QPartialOrdering::Greater : QPartialOrdering::Less))
                return false;
        }
        return true;
    };

    // The date column starts sorted ascending, so its first click turns it round; another
    // column's first click sorts it ascending.
    const Qt::SortOrder first = column == EventModel::DateColumn ? Qt::DescendingOrder : Qt::AscendingOrder;
    const Qt::SortOrder second = first == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    clickHeader(column);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), column);
    QCOMPARE(proxy->sortColumn(), column);
    QCOMPARE(proxy->sortOrder(), first);
    QCOMPARE(proxy->rowCount(), int(m_timeline->events.size()));
    QVERIFY(ordered(keys(), first));
    clickHeader(column);
    QCOMPARE(proxy->sortOrder(), second);
    QVERIFY(ordered(keys(), second));
    // Every event is there once.
    QSet<int> events;
    for (int row = 0; row < proxy->rowCount(); ++row)
        events.insert(proxy->eventAt(row));
    QCOMPARE(events.size(), qsizetype(m_timeline->events.size()));
}

void TestMainWindow::theSelectionSurvivesASortAndASearch()
{
    EventTable *table = m_window->table();
    const EventProxyModel *proxy = table->proxy();
    const int chatgpt = int(m_timeline->indexOfEvent("chatgpt-release"));
    m_window->document()->selectEvent(chatgpt);
    const auto tableShows = [&] {
        return proxy->eventAt(table->selectionModel()->currentIndex().row());
    };
    QCOMPARE(tableShows(), chatgpt);

    clickHeader(EventModel::TitleColumn);
    QCOMPARE(proxy->sortColumn(), int(EventModel::TitleColumn));
    QCOMPARE(m_window->document()->currentEvent(), chatgpt);
    QCOMPARE(tableShows(), chatgpt);
    QVERIFY(table->selectionModel()->isRowSelected(table->rowOf(chatgpt)));

    // A search that still finds it keeps it selected, in the sorted table.
    m_window->searchField()->setText(u"chatgpt"_s);
    QTRY_VERIFY(proxy->rowCount() < int(m_timeline->events.size()));
    QCOMPARE(proxy->sortColumn(), int(EventModel::TitleColumn));
    QCOMPARE(tableShows(), chatgpt);

    // Clicking another row of the sorted, searched table selects that event everywhere.
    const int other = proxy->eventAt(proxy->rowOf(chatgpt) == 0 ? 1 : 0);
    QVERIFY(other >= 0);
    const QModelIndex index = proxy->index(proxy->rowOf(other), EventModel::TitleColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QCOMPARE(m_window->document()->currentEvent(), other);
    checkSidePanelShows(other);

    // The document's choice moves the table's row.
    m_window->searchField()->clear();
    m_window->document()->selectEvent(chatgpt);
    QCOMPARE(tableShows(), chatgpt);
}

void TestMainWindow::aNewTimelineIsListedInDateOrder()
{
    EventTable *table = m_window->table();
    const EventProxyModel *proxy = table->proxy();
    clickHeader(EventModel::TitleColumn);
    QCOMPARE(proxy->sortColumn(), int(EventModel::TitleColumn));

    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_window->setTimeline(result.timeline, TimelineLoader::embeddedPath());
    QCOMPARE(proxy->sortColumn(), int(EventModel::DateColumn));
    QCOMPARE(proxy->sortOrder(), Qt::AscendingOrder);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(EventModel::DateColumn));
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(proxy->rowCount(), int(result.timeline->events.size()));
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->eventAt(row), row);
}

void TestMainWindow::aBrokenFileShowsItsErrorsAndLosesNothing()
{
    const int stargate = int(m_timeline->indexOfEvent("stargate"));
    m_window->document()->selectEvent(stargate);
    m_window->searchField()->setText(u"Oracle"_s);
    const double zoomFirst = m_window->document()->zoom()->first();

    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"sourceline","version":1,"title":"B","sources":[],"actors":[],
        "events":[{"id":"x","title":"X","when":"2023-02-30","actors":["nobody"]}]})");
    file.close();

    // The dialog is modal: read it and close it from the event loop it runs, once it is up.
    QString shown;
    bool selectable = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        auto *errors = dialog->findChild<QPlainTextEdit *>(u"errors"_s);
        QVERIFY(errors);
        shown = errors->toPlainText();
        selectable = errors->isReadOnly() && (errors->textInteractionFlags() & Qt::TextSelectableByKeyboard);
        dialog->reject();
    });
    poll.start(10);
    QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
    m_window->openFile(path);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().at(1).toBool(), false);

    QVERIFY2(shown.contains(path + u":2:"_s) && shown.contains(u"events[0].when (event \"x\")"_s),
             qPrintable(shown));
    QVERIFY(shown.contains(u"unknown actor \"nobody\""_s));
    QVERIFY(selectable);
    // Everything that was open is as it was.
    QCOMPARE(m_window->document()->timeline(), m_timeline);
    QCOMPARE(m_window->document()->currentEvent(), stargate);
    QCOMPARE(m_window->searchField()->text(), u"Oracle"_s);
    QCOMPARE(m_window->document()->zoom()->first(), zoomFirst);
    QCOMPARE(m_window->details()->titleText(), m_timeline->text(m_timeline->events[stargate].title));
}

void TestMainWindow::aGoodFileReplacesTheTimeline()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"good.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"format":"sourceline","version":1,"title":"Good","sources":[],"actors":[{"id":"a","name":"A","kind":"person"}],
        "events":[{"id":"x","title":"X","when":"2023-02-03","actors":["a"]}]})");
    file.close();
    QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
    m_window->openFile(path);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().at(1).toBool(), true);
    QCOMPARE(m_window->document()->timeline()->title, u"Good"_s);
    QCOMPARE(m_window->table()->proxy()->rowCount(), 1);
    QVERIFY(m_window->windowTitle().startsWith(u"Good"_s));
    QVERIFY(!m_window->chartView()->eventPosition(0).isNull());
}

namespace {

QString writeLargeTimeline(const QTemporaryDir &dir, int count)
{
    return TestUtils::writeTimeline(dir, u"large.json"_s, count);
}

} // namespace

void TestMainWindow::aLargeFileLoadsWhileTheWindowStaysUsable()
{
    QTemporaryDir dir;
    const QString path = writeLargeTimeline(dir, 300000);
    QVERIFY(!path.isEmpty());
    QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
    QSignalSpy progress(m_window->loader(), &BackgroundLoader::progressChanged);
    m_window->openFile(path);
    // The event loop runs while the worker reads: its first progress report arrives, and
    // until the new timeline is ready the old one is there and answers the keyboard.
    QVERIFY(progress.wait(30000));
    QVERIFY(m_window->loader()->isLoading());
    QCOMPARE(m_window->document()->timeline(), m_timeline);
    m_window->chartView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(m_window->document()->currentEvent(), 0);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(m_window->document()->currentEvent(), 1);
    QCOMPARE(m_window->details()->titleText(), m_timeline->text(m_timeline->events[1].title));
    QVERIFY(opened.isEmpty());
    QVERIFY(opened.wait(30000));
    QCOMPARE(opened.first().at(1).toBool(), true);
    QCOMPARE(m_window->document()->timeline()->events.size(), 300000u);
    // It said how far it got, in steps that only go forward, nearly to the end.
    QVERIFY(progress.size() >= 2);
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).at(0).toInt() > progress.at(i - 1).at(0).toInt());
    QVERIFY(progress.last().at(0).toInt() >= 90);
}

void TestMainWindow::cancellingALoadKeepsTheOpenTimeline()
{
    QTemporaryDir dir;
    const QString path = writeLargeTimeline(dir, 300000);
    QVERIFY(!path.isEmpty());
    QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
    QSignalSpy stopped(m_window->loader(), &BackgroundLoader::workerStopped);
    m_window->openFile(path);
    m_window->loader()->cancel();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(1).toBool(), false);
    QVERIFY(!m_window->loader()->isLoading());
    // Nothing arrives from the cancelled worker, up to its very end: workerStopped() is
    // delivered after everything the worker posted.
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 60000);
    QCOMPARE(m_window->loader()->runningWorkers(), 0);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(m_window->document()->timeline(), m_timeline);
}

void TestMainWindow::destroyingTheWindowWhileAFileLoadsEndsTheLoadQuietly()
{
    QTemporaryDir dir;
    const QString path = writeLargeTimeline(dir, 300000);
    QVERIFY(!path.isEmpty());
    QSignalSpy opened(m_window.get(), &MainWindow::fileOpened);
    QSignalSpy progress(m_window->loader(), &BackgroundLoader::progressChanged);
    QSignalSpy cancelled(m_window->loader(), &BackgroundLoader::cancelled);
    m_window->openFile(path);
    QVERIFY(progress.wait(30000));
    QVERIFY(m_window->loader()->isLoading());
    // As on quit: the window goes while its loader works. The loader must not report into
    // the half-destroyed window (that crashed), and must not leave its worker running.
    m_window.reset();
    QCOMPARE(cancelled.size(), 0);
    QCOMPARE(opened.size(), 0);
}

void TestMainWindow::aFreshWindowIgnoresStoredSettings()
{
    // The settings this test writes and reads are the tests' own (SOURCELINE_GUI_TEST_MAIN),
    // never those of whoever runs it.
    QVERIFY2(QSettings().fileName().startsWith(QDir::homePath() + u"/.qttest/"_s),
             qPrintable(QSettings().fileName()));

    // What a user's session leaves behind: a small window with the side panel nearly closed.
    m_window.reset();
    const QList<int> userSplit { 1100, 60 };
    {
        MainWindow remembered(MainWindow::State::Remember);
        remembered.resize(1160, 640);
        remembered.show();
        QVERIFY(QTest::qWaitForWindowExposed(&remembered));
        auto *splitter = remembered.findChild<QSplitter *>(u"mainSplitter"_s);
        QVERIFY(splitter);
        splitter->setSizes(userSplit);
        QVERIFY(remembered.close());
    }
    const QByteArray storedGeometry = QSettings().value(u"window/geometry"_s).toByteArray();
    QVERIFY(!storedGeometry.isEmpty());

    // A remembering window takes it up again; the test can tell.
    {
        MainWindow remembered(MainWindow::State::Remember);
        QCOMPARE(remembered.size(), QSize(1160, 640));
    }

    MainWindow fresh(MainWindow::State::Fresh);
    QCOMPARE(fresh.size(), QSize(1440, 900));
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    auto *splitter = fresh.findChild<QSplitter *>(u"mainSplitter"_s);
    QVERIFY(splitter);
    QVERIFY2(splitter->sizes().last() > 300, qPrintable(QString::number(splitter->sizes().last())));
    // Closing it leaves the stored settings as they were.
    fresh.resize(800, 500);
    QVERIFY(fresh.close());
    QCOMPARE(QSettings().value(u"window/geometry"_s).toByteArray(), storedGeometry);
}

SOURCELINE_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
