#include "actormodel.h"
#include "cli.h"
#include "editactions.h"
#include "eventdetails.h"
#include "eventeditor.h"
#include "eventmodel.h"
#include "eventproxymodel.h"
#include "eventtable.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "sourcedialog.h"
#include "sourceview.h"
#include "testutils.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

const QString s_article =
    u"Acme Robotics was founded in 2015.\n"
    "On 19 March 2024 the board of Acme Robotics fired its chief executive, Dana Reyes. "
    "Investors objected within hours.\n"
    "By April 2024 Reyes was back."_s;
const QString s_quote =
    u"On 19 March 2024 the board of Acme Robotics fired its chief executive, Dana Reyes."_s;

void clickOk(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(ok && ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

// Selects `text` in the source view's article, as a person dragging over it would.
void selectInArticle(SourceView *view, const QString &text)
{
    QPlainTextEdit *article = view->article();
    const qsizetype at = article->toPlainText().indexOf(text);
    QVERIFY(at >= 0);
    QTextCursor cursor(article->document());
    cursor.setPosition(int(at));
    cursor.setPosition(int(at + text.size()), QTextCursor::KeepAnchor);
    article->setTextCursor(cursor);
}

} // namespace

// Making a timeline from an article in the window, as a person would: new, add a source, select
// a sentence, make an event of it, fix its date, undo and redo, save, open it again.
class TestAuthoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestUtils::quietOffscreenWarnings(); }
    void fromAnArticleToASavedTimeline();
    void theGuardAsksBeforeLosingChanges_data();
    void theGuardAsksBeforeLosingChanges();
    void saveNeverWritesOverAnImportedFile();
    void newTimelineIsSavedAsASourcelineFile();
    void relativeDatesCountFromTheSourcesDay_data();
    void relativeDatesCountFromTheSourcesDay();
    void aRenamedActorKeepsTheTableSorted_data();
    void aRenamedActorKeepsTheTableSorted();
    void theTableShowsANewEventsWholeDate();
};

void TestAuthoring::fromAnArticleToASavedTimeline()
{
    MainWindow window(MainWindow::State::Fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TimelineDocument *document = window.document();
    QAbstractItemModelTester eventTester(document->events(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester actorTester(document->actors(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The table's rows follow each edit row by row, consistent at every signal.
    QAbstractItemModelTester tableTester(window.table()->proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    // File ▸ New asks for a title, in a field wide enough for a long one.
    int shownCharacters = 0;
    TestUtils::whenDialogOpens<QInputDialog>([&](QInputDialog *dialog) {
        shownCharacters =
            dialog->findChild<QLineEdit *>()->width() / dialog->fontMetrics().averageCharWidth();
        dialog->setTextValue(u"  The Reyes affair "_s);
        dialog->accept();
    });
    window.fileActions()->newTimeline();
    QVERIFY2(shownCharacters >= 40, QByteArray::number(shownCharacters).constData());
    QCOMPARE(document->timeline()->title, u"The Reyes affair"_s);
    QCOMPARE(document->events()->rowCount(), 0);
    QVERIFY(window.windowTitle().startsWith(u"The Reyes affair"_s));
    QVERIFY(!window.isWindowModified());

    // Timeline ▸ Add Source, pasted.
    TestUtils::whenDialogOpens<SourceDialog>([](SourceDialog *dialog) {
        QTest::keyClicks(dialog->titleEdit(), u"Board fires Reyes"_s);
        dialog->textEdit()->setPlainText(s_article);
        clickOk(dialog);
    });
    window.editActions()->addSource();
    QCOMPARE(document->timeline()->sources.size(), 1);
    QCOMPARE(window.sourceView()->article()->toPlainText(), s_article);
    QVERIFY(window.isWindowModified());

    // An actor exists, so that the selection's names are found.
    Actor acme;
    acme.setName(u"Acme Robotics"_s);
    acme.aliases = { u"Acme"_s };
    document->addActor(acme);

    // Select a sentence; New Event from Selection opens the editor with the quote, the date and
    // the actor already there.
    QVERIFY(!window.editActions()->newEventFromSelectionAction()->isEnabled());
    selectInArticle(window.sourceView(), s_quote);
    QVERIFY(window.editActions()->newEventFromSelectionAction()->isEnabled());
    QString prefilledWhen, prefilledPhrase;
    int prefilledQuotes = -1;
    bool actorChecked = false;
    bool stayedOpen = false;
    TestUtils::whenDialogOpens<EventEditor>([&](EventEditor *editor) {
        prefilledWhen = editor->whenEdit()->text();
        prefilledPhrase = editor->dateTextEdit()->text();
        prefilledQuotes = editor->evidenceList()->count();
        actorChecked = editor->actorList()->item(0)->checkState() == Qt::Checked;
        QTest::keyClicks(editor->titleEdit(), u"Board fires Reyes"_s);
        // A new actor, named in the editor.
        auto *newActor = editor->findChild<QLineEdit *>(u"newActor"_s);
        QTest::keyClicks(newActor, u"Dana Reyes"_s);
        QTest::keyClick(newActor, Qt::Key_Return);
        // Enter adds the name and leaves the dialog open for another one.
        stayedOpen = editor->isVisible() && newActor->text().isEmpty();
        QTest::keyClicks(newActor, u"Lee Park"_s);
        QTest::keyClick(newActor, Qt::Key_Return);
        stayedOpen = stayedOpen && editor->isVisible();
        clickOk(editor);
    });
    window.editActions()->newEventFromSelectionAction()->trigger();
    QCOMPARE(prefilledWhen, u"2024-03-19"_s);
    QCOMPARE(prefilledPhrase, u"19 March 2024"_s);
    QCOMPARE(prefilledQuotes, 1);
    QVERIFY(actorChecked);
    QVERIFY(stayedOpen);
    QCOMPARE(document->events()->rowCount(), 1);
    QCOMPARE(document->actors()->rowCount(), 3);
    QCOMPARE(document->currentEvent(), 0);
    QCOMPARE(window.table()->model()->rowCount(), 1);
    QCOMPARE(window.sourceView()->quotedSentences().size(), 1);
    QVERIFY(window.sourceView()->quotedSentences().first().contains(s_quote));
    QCOMPARE(document->actors()->eventCount(1), 1);
    QCOMPARE(document->undoStack()->undoText(), u"Add Event"_s);

    // Edit ▸ Edit Event: a wrong date is refused with the parser's words, then fixed.
    QString refusal;
    bool okWhileWrong = true;
    TestUtils::whenDialogOpens<EventEditor>([&](EventEditor *editor) {
        editor->whenEdit()->selectAll();
        QTest::keyClicks(editor->whenEdit(), u"2024-02-30"_s);
        refusal = editor->problemLabel()->text();
        okWhileWrong = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
        editor->whenEdit()->selectAll();
        QTest::keyClicks(editor->whenEdit(), u"2024-03-20"_s);
        clickOk(editor);
    });
    window.editActions()->editEventAction()->trigger();
    QString parserSays;
    QVERIFY(!DateRange::parse("2024-02-30", &parserSays));
    QVERIFY2(refusal.contains(parserSays), qPrintable(refusal));
    QVERIFY(!okWhileWrong);
    const QModelIndex date = document->events()->index(0, EventModel::DateColumn);
    QCOMPARE(document->events()->data(date).toString(), u"20 Mar 2024"_s);
    QCOMPARE(window.table()->model()->index(0, EventModel::DateColumn).data().toString(), u"20 Mar 2024"_s);
    QVERIFY(window.details()->findChildren<QLabel *>().size() > 0);

    // Undo and redo, by their menu actions, named for the step.
    QAction *undo = window.editActions()->undoAction();
    QCOMPARE(undo->text(), u"&Undo Edit Event"_s);
    undo->trigger();
    QCOMPARE(document->events()->data(date).toString(), u"19 Mar 2024"_s);
    window.editActions()->redoAction()->trigger();
    QCOMPARE(document->events()->data(date).toString(), u"20 Mar 2024"_s);

    // Save, then open the file again: the same timeline, and the file holds the quote exactly.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"reyes.json"_s);
    QVERIFY(window.fileActions()->saveTo(path));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.windowTitle().contains(u"reyes.json"_s));
    const QByteArray edited = Cli::dump(*document->timeline());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject event = saved.value(u"events"_s).toArray().at(0).toObject();
    QCOMPARE(event.value(u"when"_s).toString(), u"2024-03-20"_s);
    QCOMPARE(event.value(u"dateText"_s).toString(), u"19 March 2024"_s);
    QCOMPARE(event.value(u"evidence"_s).toArray().at(0).toObject().value(u"quote"_s).toString(), s_quote);

    const TimelineLoader::Result check = TimelineLoader::loadFile(path);
    QVERIFY2(check.ok(), qPrintable(check.errorText()));
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFile(path);
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(1).toBool(), true);
    QCOMPARE(Cli::dump(*document->timeline()), edited);
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(window.fileActions()->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
}

void TestAuthoring::theGuardAsksBeforeLosingChanges_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("closes");
    QTest::newRow("cancel keeps the window") << QMessageBox::Cancel << false;
    QTest::newRow("discard closes it") << QMessageBox::Discard << true;
}

void TestAuthoring::theGuardAsksBeforeLosingChanges()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, closes);
    MainWindow window(MainWindow::State::Fresh);
    window.document()->newTimeline(u"T"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Unmodified: closing asks nothing.
    window.document()->setTitle(u"Changed"_s);
    QVERIFY(window.isWindowModified());
    QString asked;
    TestUtils::whenDialogOpens<QMessageBox>([&](QMessageBox *box) {
        asked = box->text();
        QTest::mouseClick(box->button(answer), Qt::LeftButton);
    });
    QCOMPARE(window.close(), closes);
    QVERIFY(asked.contains(u"Changed"_s));
    QCOMPARE(window.isVisible(), !closes);
    QCOMPARE(window.document()->timeline()->title, u"Changed"_s);
}

void TestAuthoring::saveNeverWritesOverAnImportedFile()
{
    // A TimelineJS sheet opened and edited: Save asks where to put our format, beside it.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sheet.csv"_s);
    const QByteArray sheet = "Year,Month,Day,Headline,Group\n2023,3,14,Launch,Acme\n2024,1,2,Recall,Acme\n";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(sheet) == sheet.size());
    file.close();

    MainWindow window(MainWindow::State::Fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFile(path);
    QTRY_COMPARE(opened.count(), 1);
    QVERIFY(opened.first().at(1).toBool());
    window.document()->setTitle(u"Edited"_s);

    QString suggested;
    TestUtils::whenDialogOpens<QFileDialog>([&](QFileDialog *dialog) {
        suggested = dialog->selectedFiles().value(0);
        dialog->reject();
    });
    QVERIFY(!window.fileActions()->save());
    QCOMPARE(QFileInfo(suggested).fileName(), u"sheet.sourceline.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), sheet);
    QVERIFY(window.isWindowModified());
}

void TestAuthoring::newTimelineIsSavedAsASourcelineFile()
{
    // A new timeline is offered a name the desktop takes for a Sourceline timeline, not any JSON.
    MainWindow window(MainWindow::State::Fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.document()->newTimeline(u"Moon landings"_s);

    QString suggested;
    TestUtils::whenDialogOpens<QFileDialog>([&](QFileDialog *dialog) {
        suggested = dialog->selectedFiles().value(0);
        dialog->reject();
    });
    QVERIFY(!window.fileActions()->saveAs());
    QCOMPARE(QFileInfo(suggested).fileName(), u"Moon landings.sourceline.json"_s);
}

void TestAuthoring::relativeDatesCountFromTheSourcesDay_data()
{
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("when"); // prefilled by New Event from Selection
    QTest::newRow("a day") << u"2025-01-22"_s << u"2025-01-21"_s;
    QTest::newRow("a month: no day to count from") << u"2025-01"_s << QString();
    QTest::newRow("none") << QString() << QString();
}

void TestAuthoring::relativeDatesCountFromTheSourcesDay()
{
    QFETCH(QString, published);
    QFETCH(QString, when);
    MainWindow window(MainWindow::State::Fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.document()->newTimeline(u"Board"_s);
    Source source;
    source.setTitle(u"Board minutes"_s);
    source.setPublished(published);
    source.setText(u"The board met yesterday. It decided nothing."_s);
    window.document()->addSource(source);
    window.sourceView()->showSource(0);

    selectInArticle(window.sourceView(), u"The board met yesterday."_s);
    QString prefilledWhen = u"(no editor)"_s;
    TestUtils::whenDialogOpens<EventEditor>([&](EventEditor *editor) {
        prefilledWhen = editor->whenEdit()->text();
        editor->reject();
    });
    window.editActions()->newEventFromSelectionAction()->trigger();
    QCOMPARE(prefilledWhen, when);
}

void TestAuthoring::aRenamedActorKeepsTheTableSorted_data()
{
    QTest::addColumn<int>("count");
    // An actor's rename changes every row's Actors cell: a few rows are followed one by one,
    // many are shown afresh; the order must be remade either way.
    QTest::newRow("few rows") << 30;
    QTest::newRow("many rows") << 300;
}

// A new timeline's Date column fits only its header; its first events' dates must show whole.
void TestAuthoring::theTableShowsANewEventsWholeDate()
{
    MainWindow window(MainWindow::State::Fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TimelineDocument *document = window.document();
    document->newTimeline(u"Dates"_s);
    EventTable *table = window.table();
    const auto fits = [table](int row) {
        const QModelIndex index = table->model()->index(row, EventModel::DateColumn);
        return table->columnWidth(EventModel::DateColumn) >= table->sizeHintForIndex(index).width();
    };

    EventDraft draft;
    draft.title = u"Shortage"_s;
    draft.when = u"2023-01~/2024-10-31~"_s; // "c. Jan 2023 – c. 31 Oct 2024"
    document->addEvent(draft);
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(fits(0));

    // A later edit that lengthens a date widens the column again.
    draft.title = u"Day"_s;
    draft.when = u"2020"_s;
    const int day = document->addEvent(draft);
    const int width = table->columnWidth(EventModel::DateColumn);
    draft.when = u"2020-01~/2025-12-31~"_s;
    document->editEvent(day, draft);
    QVERIFY(table->columnWidth(EventModel::DateColumn) > width);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(fits(row));
}

void TestAuthoring::aRenamedActorKeepsTheTableSorted()
{
    QFETCH(int, count);
    QStringList names { u"Alpha"_s, u"Beta"_s, u"Gamma"_s };
    QByteArray json = R"({"format":"sourceline","version":1,"title":"Three actors","sources":[],
        "actors":[{"id":"a0","name":"Alpha","kind":"person"},{"id":"a1","name":"Beta","kind":"person"},
                  {"id":"a2","name":"Gamma","kind":"person"}],"events":[)";
    for (int i = 0; i < count; ++i) {
        json += (i ? "," : "") + QByteArray(R"({"id":"e)") + QByteArray::number(i) + R"(","title":"Event )"
            + QByteArray::number(i) + R"(","when":")" + QByteArray::number(1900 + i) + R"(","actors":["a)"
            + QByteArray::number(i % 3) + R"("]})";
    }
    json += "]}";
    const TimelineLoader::Result loaded = TimelineLoader::loadData(json, u"three.json"_s);
    QVERIFY(loaded.ok());

    MainWindow window(MainWindow::State::Fresh);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setTimeline(loaded.timeline, u"three.json"_s);
    TimelineDocument *document = window.document();
    EventTable *table = window.table();
    QAbstractItemModelTester tableTester(table->proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    // What the table shows, row after row: the event and its Actors cell.
    const auto shown = [&] {
        QList<std::pair<int, QString>> rows;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            rows.append({ table->proxy()->eventAt(row),
                          table->model()->index(row, EventModel::ActorsColumn).data().toString() });
        return rows;
    };
    // The same sorted by name, events of one name in date order (the loaded order).
    const auto expected = [&] {
        QList<std::pair<int, QString>> rows;
        for (int event = 0; event < count; ++event)
            rows.append({ event, names.at(event % 3) });
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
        return rows;
    };

    QHeaderView *header = table->horizontalHeader();
    const int column = EventModel::ActorsColumn;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                             header->height() / 2));
    QCOMPARE(table->proxy()->sortColumn(), column);
    QCOMPARE(shown(), expected());

    // Alpha, first in the table, becomes Zeta, last.
    Actor renamed = document->timeline()->actors.at(0);
    renamed.setName(u"Zeta"_s);
    document->editActor(0, renamed, u"Rename Actor"_s);
    names[0] = renamed.name();
    QCOMPARE(shown(), expected());
    QCOMPARE(shown().constLast().second, u"Zeta"_s);

    document->undoStack()->undo();
    names[0] = u"Alpha"_s;
    QCOMPARE(shown(), expected());
    QCOMPARE(shown().constFirst().second, u"Alpha"_s);

    document->undoStack()->redo();
    names[0] = u"Zeta"_s;
    QCOMPARE(shown(), expected());
    QCOMPARE(table->proxy()->sortColumn(), column);
    QCOMPARE(header->sortIndicatorSection(), column);
}

SOURCELINE_GUI_TEST_MAIN(TestAuthoring)
#include "tst_authoring.moc"
