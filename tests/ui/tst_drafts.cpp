#include "articleimporter.h"
#include "cli.h"
#include "draftmodel.h"
#include "draftspanel.h"
#include "editactions.h"
#include "eventdetails.h"
#include "eventeditor.h"
#include "mainwindow.h"
#include "sourcedialog.h"
#include "sourceview.h"
#include "testutils.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

// File ▸ Import Article… and the Drafts review, driven through the real window: the seed
// article (the embedded timeline's source) imported into the embedded timeline, its drafts
// reviewed, and every step undone back to the file as loaded.
class TestDrafts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importProposesCitedDrafts();
    void reviewStepIsUndoable_data();
    void reviewStepIsUndoable();
    void reviewThenUndoEverything();
    void cancelledImportChangesNothing();

private:
    // Imports the seed article through the dialog, as a person would; the dialog's prefilled
    // title and date are checked on the way.
    void importSeed();
    // The draft row whose phrase is `phrase`, or -1.
    int draftRow(const QString &phrase) const;
    void selectDraft(const QString &phrase);
    QByteArray dump() const { return Cli::dump(*m_window->document()->timeline()); }

    QTemporaryDir m_dir;
    QString m_articleFile;
    std::shared_ptr<const Timeline> m_embedded; // as loaded, never edited: what we compare with
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestDrafts::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    const TimelineLoader::Result embedded = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(embedded.ok());
    m_embedded = embedded.timeline;
    // The article under a headline and a date line, as a news page saved as text has it.
    m_articleFile = m_dir.filePath(u"article.txt"_s);
    QFile file(m_articleFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("OpenAI looks beyond Microsoft\nJanuary 22, 2025\n\n"
               + m_embedded->sources.front().text().toUtf8());
}

void TestDrafts::init()
{
    m_window = std::make_unique<MainWindow>(MainWindow::State::Fresh);
    const TimelineLoader::Result loaded = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(loaded.ok());
    m_window->setTimeline(loaded.timeline, TimelineLoader::embeddedPath());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(m_window->draftsPanel()->model());
}

void TestDrafts::cleanup()
{
    m_tester.reset();
    m_window.reset();
}

void TestDrafts::importSeed()
{
    ArticleImporter *importer = m_window->articleImporter();
    QSignalSpy finished(importer, &ArticleImporter::finished);
    QString prefilledTitle;
    QString prefilledDate;
    TestUtils::whenDialogOpens<SourceDialog>([&](SourceDialog *dialog) {
        prefilledTitle = dialog->titleEdit()->text();
        prefilledDate = dialog->publishedEdit()->text();
        dialog->publisherEdit()->setText(u"Example News"_s);
        TestUtils::clickDialogOk(dialog);
    });
    importer->importArticle(m_articleFile);
    QTRY_COMPARE(finished.count(), 1);
    // The headline, not the file's name, and the date line's day.
    QCOMPARE(prefilledTitle, u"OpenAI looks beyond Microsoft"_s);
    QCOMPARE(prefilledDate, u"2025-01-22"_s);
}

int TestDrafts::draftRow(const QString &phrase) const
{
    const DraftModel *model = m_window->draftsPanel()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, DraftModel::PhraseColumn).data().toString() == phrase)
            return row;
    }
    return -1;
}

void TestDrafts::selectDraft(const QString &phrase)
{
    QTreeView *view = m_window->draftsPanel()->view();
    const int row = draftRow(phrase);
    QVERIFY2(row >= 0, qPrintable(phrase));
    const QModelIndex index = view->model()->index(row, DraftModel::TitleColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(view->currentIndex().row(), row);
}

void TestDrafts::importProposesCitedDrafts()
{
    const QByteArray before = dump();
    const int events = int(m_window->document()->timeline()->events.size());
    const qsizetype sources = m_window->document()->timeline()->sources.size();
    QVERIFY(!m_window->draftsPanel()->isVisible());
    importSeed();
    QVERIFY(!QTest::currentTestFailed());
    const Timeline &t = *m_window->document()->timeline();
    QCOMPARE(t.sources.size(), sources + 1);
    QCOMPARE(t.sources.back().published(), u"2025-01-22"_s);
    QCOMPARE(t.sources.back().publisher(), u"Example News"_s);
    QVERIFY(m_window->draftsPanel()->isVisible());
    const DraftModel *model = m_window->draftsPanel()->model();
    QCOMPARE(int(t.events.size()), events + model->rowCount());
    QCOMPARE(m_window->document()->undoStack()->undoText(), u"Import Article"_s);
    // Review starts at the first draft.
    QCOMPARE(m_window->document()->currentEvent(), model->eventRow(0));

    // Each of the hand-made timeline's phrase-dated events has a draft with the same phrase that
    // cites the same sentence, now in the new source.
    const Timeline &e = *m_embedded;
    for (const QString &phrase : { u"Since 2019"_s, u"late 2022"_s, u"mid-2023"_s }) {
        const auto hand = std::find_if(e.events.begin(), e.events.end(),
                                       [&](const Event &ev) { return e.text(ev.dateText) == phrase; });
        QVERIFY2(hand != e.events.end(), qPrintable(phrase));
        const Evidence &cited = e.evidenceOf(*hand).front();
        const QString sentence = e.sources.at(cited.source).sentenceText(cited.firstSentence).toString();
        const int row = draftRow(phrase);
        QVERIFY2(row >= 0, qPrintable(phrase));
        QCOMPARE(model->index(row, DraftModel::SentenceColumn).data().toString(), sentence.simplified());

        // Selected here, it is selected everywhere: the details say it is a draft, the source
        // view shows the new source with the sentence highlighted.
        selectDraft(phrase);
        QCOMPARE(m_window->document()
                     ->events()
                     ->index(m_window->document()->currentEvent(), 0)
                     .data(EventModel::DateTextRole)
                     .toString(),
                 phrase);
        QVERIFY(!m_window->details()->draftNote().isEmpty());
        QCOMPARE(m_window->sourceView()->shownSource(), int(t.sources.size()) - 1);
        QCOMPARE(m_window->sourceView()->quotedSentences().size(), 1);
        QVERIFY(m_window->sourceView()->quotedSentences().front().contains(sentence.simplified()));
    }

    m_window->document()->undoStack()->undo();
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(dump(), before);
}

void TestDrafts::reviewStepIsUndoable_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("step"); // accept, reject, edit
    QTest::addColumn<QString>("undoText");
    QTest::newRow("accept") << u"late 2022"_s << u"accept"_s << u"Accept Draft"_s;
    QTest::newRow("reject") << u"mid-2023"_s << u"reject"_s << u"Reject Draft"_s;
    QTest::newRow("edit") << u"Since 2019"_s << u"edit"_s << u"Edit Event"_s;
}

void TestDrafts::reviewStepIsUndoable()
{
    QFETCH(QString, phrase);
    QFETCH(QString, step);
    QFETCH(QString, undoText);
    const QByteArray loaded = dump();
    importSeed();
    QVERIFY(!QTest::currentTestFailed());
    const QByteArray imported = dump();
    TimelineDocument *document = m_window->document();
    DraftsPanel *panel = m_window->draftsPanel();
    const int drafts = panel->model()->rowCount();
    const int events = int(document->timeline()->events.size());
    selectDraft(phrase);
    QVERIFY(!QTest::currentTestFailed());
    const QString id =
        document->events()->index(document->currentEvent(), 0).data(EventModel::IdRole).toString();

    // The shortcuts, pressed in the list, as a reviewer would.
    // Shortcuts go to the active window only; the import's dialog took that from it.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    if (step == u"accept"_s) {
        QTest::keyClick(panel->view(), Qt::Key_Return, Qt::ControlModifier);
    } else if (step == u"reject"_s) {
        QTest::keyClick(panel->view(), Qt::Key_Backspace, Qt::ControlModifier);
    } else {
        TestUtils::whenDialogOpens<EventEditor>([](EventEditor *editor) {
            editor->titleEdit()->setText(u"Microsoft and OpenAI work together"_s);
            TestUtils::clickDialogOk(editor);
        });
        QTest::keyClick(panel->view(), Qt::Key_F2);
    }
    QTRY_COMPARE(document->undoStack()->undoText(), undoText);
    // Another draft is current, ready for the next key.
    if (step != u"edit"_s) {
        QVERIFY(panel->view()->currentIndex().isValid());
        QVERIFY(document->timeline()->events[std::size_t(document->currentEvent())].draft);
    }
    const qsizetype row = document->timeline()->indexOfEvent(id.toUtf8());
    if (step == u"accept"_s) {
        QCOMPARE(panel->model()->rowCount(), drafts - 1);
        QVERIFY(row >= 0 && !document->timeline()->events[std::size_t(row)].draft);
        QCOMPARE(draftRow(phrase), -1);
        document->selectEvent(int(row));
        QVERIFY(m_window->details()->draftNote().isEmpty());
    } else if (step == u"reject"_s) {
        QCOMPARE(panel->model()->rowCount(), drafts - 1);
        QCOMPARE(int(document->timeline()->events.size()), events - 1);
        QCOMPARE(row, -1);
    } else {
        // An edited draft is still a draft: it leaves the list when accepted.
        QCOMPARE(panel->model()->rowCount(), drafts);
        QVERIFY(row >= 0 && document->timeline()->events[std::size_t(row)].draft);
        QCOMPARE(document->timeline()->text(document->timeline()->events[std::size_t(row)].title),
                 u"Microsoft and OpenAI work together"_s);
    }

    document->undoStack()->undo();
    QCOMPARE(dump(), imported);
    QCOMPARE(panel->model()->rowCount(), drafts);
    QVERIFY(draftRow(phrase) >= 0);
    document->undoStack()->undo();
    QCOMPARE(dump(), loaded);
}

void TestDrafts::reviewThenUndoEverything()
{
    const QByteArray loaded = dump();
    importSeed();
    QVERIFY(!QTest::currentTestFailed());
    TimelineDocument *document = m_window->document();
    DraftsPanel *panel = m_window->draftsPanel();
    QList<QByteArray> states { dump() };

    selectDraft(u"late 2022"_s);
    panel->acceptAction()->trigger();
    states.append(dump());
    selectDraft(u"mid-2023"_s);
    panel->rejectAction()->trigger();
    states.append(dump());
    selectDraft(u"Since 2019"_s);
    TestUtils::whenDialogOpens<EventEditor>([](EventEditor *editor) {
        editor->dateTextEdit()->setText(u"since 2019"_s);
        TestUtils::clickDialogOk(editor);
    });
    panel->editAction()->trigger();
    QTRY_COMPARE(document->undoStack()->undoText(), u"Edit Event"_s);
    states.append(dump());
    const int left = panel->model()->rowCount();
    panel->acceptAllAction()->trigger();
    QCOMPARE(panel->model()->rowCount(), 0);
    QVERIFY(!panel->acceptAllAction()->isEnabled());
    QCOMPARE(document->undoStack()->undoText(), u"Accept All Drafts"_s);

    document->undoStack()->undo();
    QCOMPARE(panel->model()->rowCount(), left);
    while (!states.isEmpty()) {
        QCOMPARE(dump(), states.takeLast());
        document->undoStack()->undo();
    }
    QCOMPARE(dump(), loaded);
    QVERIFY(!document->undoStack()->canUndo());
}

void TestDrafts::cancelledImportChangesNothing()
{
    const QByteArray loaded = dump();
    ArticleImporter *importer = m_window->articleImporter();
    QSignalSpy cancelled(importer, &ArticleImporter::cancelled);
    QSignalSpy finished(importer, &ArticleImporter::finished);
    Source details;
    details.setTitle(u"Seed"_s);
    details.setText(m_embedded->sources.front().text());
    importer->start(details);
    QVERIFY(importer->isRunning());
    QVERIFY(!importer->importAction()->isEnabled());
    importer->cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(importer->importAction()->isEnabled());
    QCOMPARE(dump(), loaded);
    QVERIFY(!m_window->document()->undoStack()->canUndo());
    // The cancelled worker may still be finishing: what it makes goes nowhere, while the next
    // import adds its one source.
    const qsizetype sources = m_window->document()->timeline()->sources.size();
    importSeed();
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_window->document()->timeline()->sources.size(), sources + 1);
    QCOMPARE(finished.count(), 1);
    m_window->document()->undoStack()->undo();
    QCOMPARE(dump(), loaded);
}

SOURCELINE_GUI_TEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
