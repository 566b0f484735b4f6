#include "eventdetails.h"
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
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
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
    void keysStepThroughEventsInDateOrder();
    void searchFiltersChartAndTableAlike();
    void selectingInTheTableSelectsInTheChart();
    void aBrokenFileShowsItsErrorsAndLosesNothing();
    void aGoodFileReplacesTheTimeline();

private:
    void checkSidePanelShows(int event);

    std::unique_ptr<MainWindow> m_window;
    std::shared_ptr<const Timeline> m_timeline;
};

void TestMainWindow::init()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
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
        actors.append(t.actors.at(a).name);
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
    QTest::keyClicks(m_window->searchField(), u"suleyman"_s);

    const TimelineFilter *filter = m_window->document()->filter();
    const QSortFilterProxyModel *table = m_window->table()->proxy();
    QCOMPARE(qsizetype(table->rowCount()), filter->acceptedCount());
    // "Suleyman" is an actor and in sentence 15: the hiring, nothing else.
    QCOMPARE(filter->acceptedCount(), 1);
    const int hired = int(m_timeline->indexOfEvent("suleyman-hired"));
    QCOMPARE(table->mapToSource(table->index(0, 0)).row(), hired);
    for (int e = 0; e < int(m_timeline->events.size()); ++e)
        QCOMPARE(m_window->chartView()->eventPosition(e).isNull(), e != hired);

    // A word from a sentence: "brewing" is only in sentence 17, which two events cite.
    m_window->searchField()->setText(u"brewing"_s);
    QCOMPARE(table->rowCount(), 2);
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

    // The dialog is modal: read it and close it from the event loop it runs.
    QString shown;
    bool selectable = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *errors = dialog->findChild<QPlainTextEdit *>(u"errors"_s);
        QVERIFY(errors);
        shown = errors->toPlainText();
        selectable = errors->isReadOnly() && (errors->textInteractionFlags() & Qt::TextSelectableByKeyboard);
        dialog->reject();
    });
    QVERIFY(!m_window->openFile(path));

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
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->document()->timeline()->title, u"Good"_s);
    QCOMPARE(m_window->table()->proxy()->rowCount(), 1);
    QVERIFY(m_window->windowTitle().startsWith(u"Good"_s));
    QVERIFY(!m_window->chartView()->eventPosition(0).isNull());
}

SOURCELINE_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
