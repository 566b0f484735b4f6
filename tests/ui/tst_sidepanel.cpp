#include "actormodel.h"
#include "actorpanel.h"
#include "eventdetails.h"
#include "eventmodel.h"
#include "sourceview.h"
#include "testutils.h"
#include "timelineloader.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

// The side panel: actors, event details and the source view, each following the one
// selection model over the events, driven as a person would drive them.
class TestSidePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void detailsFollowTheCurrentEvent_data();
    void detailsFollowTheCurrentEvent();
    void detailsShowAPlaceholderWithoutAnEvent();
    void detailsActorClickEmitsActorClicked();
    void loadingAnotherTimelineClearsThePanels();
    void referenceLinksOpenOnlyWebAddressesAfterConfirmation();
    void textThatLooksLikeMarkupIsShownLiterally();

    void sourceViewHighlightsTheEventsSentences_data();
    void sourceViewHighlightsTheEventsSentences();
    void clickingASentenceSelectsItsEvent_data();
    void clickingASentenceSelectsItsEvent();
    void clickingASentenceKeepsACurrentEventThatCitesIt();
    void clickingAnUncitedSentenceChangesNothing();
    void enterOnASentenceSelectsItsEvent();
    void sourceChooserFollowsTheEventsEvidence();
    void aHiddenSourceViewScrollsWhenShown();

    void actorPanelMarksTheActorsOfTheCurrentEvent();
    void selectingAnActorEmitsActorHighlighted();
    void uncheckingAnActorHidesIt();

private:
    void load(std::shared_ptr<const Timeline> timeline);
    int row(QByteArrayView id) const;
    void select(int row);
    QString currentId() const;
    static std::shared_ptr<const Timeline> loadJson(const QByteArray &json);

    std::shared_ptr<const Timeline> m_embedded;
    std::unique_ptr<EventModel> m_events;
    std::unique_ptr<ActorModel> m_actors;
    std::unique_ptr<QItemSelectionModel> m_selection;
    std::unique_ptr<ActorPanel> m_actorPanel;
    std::unique_ptr<EventDetails> m_details;
    std::unique_ptr<SourceView> m_sourceView;
};

void TestSidePanel::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_embedded = result.timeline;
    QCOMPARE(m_embedded->events.size(), 16u);
    QCOMPARE(m_embedded->sources.size(), 1);
}

void TestSidePanel::init()
{
    m_events = std::make_unique<EventModel>();
    m_actors = std::make_unique<ActorModel>();
    m_selection = std::make_unique<QItemSelectionModel>(m_events.get());
    m_actorPanel = std::make_unique<ActorPanel>(m_actors.get(), m_events.get(), m_selection.get());
    m_details = std::make_unique<EventDetails>(m_events.get(), m_actors.get(), m_selection.get());
    m_sourceView = std::make_unique<SourceView>(m_events.get(), m_selection.get());
    // Nothing a test does may open a browser.
    m_details->setUrlOpener([](const QUrl &url) {
        qWarning() << "unexpected attempt to open" << url;
        return false;
    });
    m_details->setLinkConfirmer([](const QUrl &) { return false; });
    load(m_embedded);

    m_actorPanel->resize(360, 400);
    m_details->resize(360, 500);
    m_sourceView->resize(420, 700);
    for (QWidget *widget :
         { static_cast<QWidget *>(m_actorPanel.get()), static_cast<QWidget *>(m_details.get()),
           static_cast<QWidget *>(m_sourceView.get()) }) {
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget));
    }
}

void TestSidePanel::cleanup()
{
    m_sourceView.reset();
    m_details.reset();
    m_actorPanel.reset();
    m_selection.reset();
    m_actors.reset();
    m_events.reset();
}

void TestSidePanel::load(std::shared_ptr<const Timeline> timeline)
{
    m_actors->setTimeline(timeline);
    m_events->setTimeline(std::move(timeline));
}

std::shared_ptr<const Timeline> TestSidePanel::loadJson(const QByteArray &json)
{
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"test.json"_s);
    if (!result.ok())
        qWarning().noquote() << result.errorText();
    return result.timeline;
}

int TestSidePanel::row(QByteArrayView id) const
{
    const qsizetype index = m_events->timeline()->indexOfEvent(id);
    if (index < 0)
        qFatal("no event %s", id.data());
    return int(index);
}

void TestSidePanel::select(int row)
{
    m_selection->setCurrentIndex(m_events->index(row, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString TestSidePanel::currentId() const
{
    const QModelIndex current = m_selection->currentIndex();
    return current.isValid() ? current.data(EventModel::IdRole).toString() : QString();
}

void TestSidePanel::detailsFollowTheCurrentEvent_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("dateLine");
    QTest::addColumn<QString>("precision");
    QTest::addColumn<QStringList>("actors");
    QTest::addColumn<QString>("firstReference");

    QTest::newRow("the source's phrase beside the day")
        << "chatgpt-release"_ba << u"OpenAI releases ChatGPT"_s << u"late 2022 · 30 Nov 2022"_s
        << u"exact day"_s << QStringList { u"OpenAI"_s } << u"Introducing ChatGPT — OpenAI, 30 Nov 2022"_s;
    QTest::newRow("an approximate interval")
        << "compute-delays"_ba << u"Compute shortage delays OpenAI products"_s
        << u"subsequent product delays due to insufficient compute capacity · c. Jan 2023 – c. 31 Oct 2024"_s
        << u"date range, approximate"_s << QStringList { u"OpenAI"_s, u"Microsoft"_s }
        << u"Microsoft and OpenAI’s Close Partnership Shows Signs of Fraying — The New York Times, 17 Oct 2024"_s;
    QTest::newRow("no phrase: only the resolved date")
        << "msft-extends-2023"_ba << u"Microsoft extends OpenAI partnership"_s << u"23 Jan 2023"_s
        << u"exact day"_s << QStringList { u"Microsoft"_s, u"OpenAI"_s }
        << u"Microsoft and OpenAI extend partnership — Microsoft, 23 Jan 2023"_s;
    QTest::newRow("five actors") << "benioff-davos"_ba << QString() << u"22 Jan 2025"_s << u"exact day"_s
                                 << QStringList { u"Marc Benioff"_s, u"Salesforce"_s, u"OpenAI"_s,
                                                  u"Microsoft"_s, u"CNBC"_s }
                                 << QString();
}

void TestSidePanel::detailsFollowTheCurrentEvent()
{
    QFETCH(QByteArray, id);
    QFETCH(QString, title);
    QFETCH(QString, dateLine);
    QFETCH(QString, precision);
    QFETCH(QStringList, actors);
    QFETCH(QString, firstReference);

    QSignalSpy currentChanged(m_selection.get(), &QItemSelectionModel::currentChanged);
    select(row(id));
    // Following the selection never writes back to it.
    QCOMPARE(currentChanged.size(), 1);

    QCOMPARE(m_details->currentEvent(), row(id));
    if (!title.isEmpty())
        QCOMPARE(m_details->titleText(), title);
    QCOMPARE(m_details->dateLine(), dateLine);
    QCOMPARE(m_details->precisionText(), precision);
    QCOMPARE(m_details->actorNames(), actors);
    if (!firstReference.isEmpty())
        QCOMPARE(m_details->referenceTexts().value(0), firstReference);
    QCOMPARE(m_details->linkButtons().size(), m_details->referenceTexts().size());
}

void TestSidePanel::detailsShowAPlaceholderWithoutAnEvent()
{
    QCOMPARE(m_details->currentEvent(), -1);
    QVERIFY(m_details->titleText().isEmpty());
    QVERIFY(m_details->actorNames().isEmpty());

    select(row("chatgpt-release"));
    QVERIFY(!m_details->titleText().isEmpty());
    m_selection->setCurrentIndex(QModelIndex(), QItemSelectionModel::Clear);
    QCOMPARE(m_details->currentEvent(), -1);
    QVERIFY(m_details->titleText().isEmpty());
    QVERIFY(m_details->actorNames().isEmpty());
    QVERIFY(m_details->linkButtons().isEmpty());

    // A new timeline resets the current event.
    select(row("chatgpt-release"));
    load(m_embedded);
    QCOMPARE(m_details->currentEvent(), -1);
    QVERIFY(m_sourceView->highlightedSentences().isEmpty());
    QVERIFY(m_sourceView->quotedSentences().isEmpty());
}

void TestSidePanel::detailsActorClickEmitsActorClicked()
{
    select(row("benioff-davos"));
    QSignalSpy clicked(m_details.get(), &EventDetails::actorClicked);
    const QList<QAbstractButton *> buttons = m_details->actorButtons();
    QCOMPARE(buttons.size(), 5);
    const QList<int> actors =
        m_events->index(row("benioff-davos"), 0).data(EventModel::ActorsRole).value<QList<int>>();
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        QTest::mouseClick(buttons.at(i), Qt::LeftButton);
        QCOMPARE(clicked.size(), i + 1);
        QCOMPARE(clicked.last().at(0).toInt(), actors.at(i));
    }
    // A click on an actor does not change the current event by itself.
    QCOMPARE(currentId(), u"benioff-davos"_s);
}

void TestSidePanel::loadingAnotherTimelineClearsThePanels()
{
    select(row("benioff-davos")); // actors up to index 9
    // The actor model is reset first: for a moment the current event's actors are not its actors.
    load(loadJson(R"json({"format": "sourceline", "version": 1, "title": "Small", "sources": [],
        "actors": [{"id": "a", "name": "A", "kind": "person"}],
        "events": [{"id": "e", "title": "E", "when": "2020", "actors": ["a"]}]})json"_ba));
    QCOMPARE(m_details->currentEvent(), -1);
    QVERIFY(m_details->actorNames().isEmpty());
    QVERIFY(!m_actorPanel->view()->selectionModel()->hasSelection());
    QCOMPARE(m_sourceView->shownSource(), -1);
    QVERIFY(m_sourceView->article()->toPlainText().isEmpty());

    select(0);
    QCOMPARE(m_details->actorNames(), QStringList { u"A"_s });
    QCOMPARE(m_actorPanel->view()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(m_sourceView->quotedSentences().isEmpty());
}

void TestSidePanel::referenceLinksOpenOnlyWebAddressesAfterConfirmation()
{
    load(loadJson(R"json({"format": "sourceline", "version": 1, "title": "Links", "sources": [],
        "actors": [],
        "events": [{"id": "e", "title": "Links", "when": "2020", "actors": [], "references": [
            {"title": "Web", "url": "https://example.com/a?b=1"},
            {"title": "Script", "url": "javascript:alert(1)"},
            {"title": "Local", "url": "file:///etc/passwd"},
            {"title": "Hostless", "url": "https:example"},
            {"title": "None"}]
}]
})json"_ba));
    select(0);

    QList<QUrl> confirmed;
    QList<QUrl> opened;
    bool answer = false;
    m_details->setLinkConfirmer([&](const QUrl &url) {
        confirmed.append(url);
        return answer;
    });
    m_details->setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        return true;
    });

    const QList<QAbstractButton *> links = m_details->linkButtons();
    QCOMPARE(links.size(), 5);
    QVERIFY(links.at(0)->isEnabled());
    for (int i : { 1, 2, 3 }) {
        QVERIFY2(!links.at(i)->isEnabled(), qPrintable(m_details->referenceTexts().at(i)));
        QVERIFY(!links.at(i)->toolTip().isEmpty()); // says why
        QTest::mouseClick(links.at(i), Qt::LeftButton);
    }
    QVERIFY(links.at(4)->isHidden());
    QVERIFY(confirmed.isEmpty());
    QVERIFY(opened.isEmpty());

    const QUrl web(u"https://example.com/a?b=1"_s);
    QTest::mouseClick(links.at(0), Qt::LeftButton);
    QCOMPARE(confirmed, QList<QUrl> { web });
    QVERIFY(opened.isEmpty()); // declined

    answer = true;
    QTest::mouseClick(links.at(0), Qt::LeftButton);
    QCOMPARE(confirmed.size(), 2);
    QCOMPARE(opened, QList<QUrl> { web });

    QVERIFY(!EventDetails::isOpenable(QUrl(u"javascript:alert(1)"_s)));
    QVERIFY(!EventDetails::isOpenable(QUrl(u"file:///etc/passwd"_s)));
    QVERIFY(!EventDetails::isOpenable(QUrl(u"ftp://example.com/"_s)));
    QVERIFY(EventDetails::isOpenable(QUrl(u"HTTP://example.com/"_s)));
}

void TestSidePanel::textThatLooksLikeMarkupIsShownLiterally()
{
    load(loadJson(R"json({"format": "sourceline", "version": 1, "title": "Markup",
        "sources": [{"id": "s", "title": "<i>Source</i>", "publisher": "<b>Press</b>", "publisherConfirmed": false,
                     "text": "The <b>board</b> met. Nothing else happened."}],
        "actors": [{"id": "a", "name": "<u>Ann</u> & Co", "kind": "<s>person</s>"}],
        "events": [{"id": "e", "title": "<b>bold</b>", "when": "2020-05", "dateText": "<i>spring</i>",
                    "kind": "<em>kind</em>", "summary": "<script>alert(1)</script>", "actors": ["a"],
                    "evidence": [{"source": "s", "quote": "The <b>board</b> met."}],
                    "references": [{"title": "<a href='x'>ref</a>", "url": "https://example.com/<b>"}]}]})json"_ba));
    select(0);

    QCOMPARE(m_details->titleText(), u"<b>bold</b>"_s);
    QCOMPARE(m_details->dateLine(), u"<i>spring</i> · May 2020"_s);
    QCOMPARE(m_details->precisionText(), u"month"_s);
    QCOMPARE(m_details->kindText(), u"<em>kind</em>"_s);
    QCOMPARE(m_details->summaryText(), u"<script>alert(1)</script>"_s);
    QCOMPARE(m_details->actorNames(), QStringList { u"<u>Ann</u> & Co"_s });
    QCOMPARE(m_details->referenceTexts(), QStringList { u"<a href='x'>ref</a>"_s });
    QCOMPARE(m_sourceView->quotedSentences(), QStringList { u"“The <b>board</b> met.” — sentence 1"_s });

    for (QWidget *widget :
         { static_cast<QWidget *>(m_details.get()), static_cast<QWidget *>(m_sourceView.get()) }) {
        for (const QLabel *label : widget->findChildren<QLabel *>())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
    }
}

void TestSidePanel::sourceViewHighlightsTheEventsSentences_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QList<int>>("sentences");

    QTest::newRow("one sentence") << "chatgpt-release"_ba << QList<int> { 10 };
    QTest::newRow("four sentences") << "benioff-davos"_ba << QList<int> { 1, 2, 3, 22 };
    QTest::newRow("far apart") << "stargate"_ba << QList<int> { 2, 7 };
    QTest::newRow("near the end") << "coreai-parikh"_ba << QList<int> { 21 };
    QTest::newRow("no evidence") << "msft-extends-2023"_ba << QList<int> {};
}

void TestSidePanel::sourceViewHighlightsTheEventsSentences()
{
    QFETCH(QByteArray, id);
    QFETCH(QList<int>, sentences);

    select(row(id));
    QCOMPARE(m_sourceView->highlightedSentences(), sentences);

    const Source &source = m_embedded->sources.at(0);
    QStringList quotes;
    for (const int sentence : sentences)
        quotes.append(u'“' + source.sentenceText(sentence) + u"” — sentence "_s + QString::number(sentence + 1));
    QCOMPARE(m_sourceView->quotedSentences(), quotes);

    // The article itself marks exactly those sentences.
    const QList<QTextEdit::ExtraSelection> marks = m_sourceView->article()->extraSelections();
    QCOMPARE(marks.size(), sentences.size());
    for (qsizetype i = 0; i < marks.size(); ++i) {
        QCOMPARE(marks.at(i).cursor.selectionStart(), source.sentences.at(sentences.at(i)).start);
        QCOMPARE(marks.at(i).cursor.selectionEnd(), source.sentences.at(sentences.at(i)).end);
    }
    // ...and the first of them is in view.
    if (!sentences.isEmpty()) {
        const QRect viewport = m_sourceView->article()->viewport()->rect();
        QVERIFY(viewport.contains(m_sourceView->sentenceRect(sentences.first()).center()));
    }
}

void TestSidePanel::clickingASentenceSelectsItsEvent_data()
{
    QTest::addColumn<int>("sentence");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QStringList>("selected");

    QTest::newRow("coreai-parikh") << 21 << "coreai-parikh"_ba << QStringList { u"coreai-parikh"_s };
    QTest::newRow("msft-invests-1b") << 9 << "msft-invests-1b"_ba << QStringList { u"msft-invests-1b"_s };
    QTest::newRow("two events, the earlier current")
        << 10 << "chatgpt-release"_ba << QStringList { u"chatgpt-release"_s, u"compute-delays"_s };
    QTest::newRow("two events, from another part of the text")
        << 22 << "mai-1-reported"_ba << QStringList { u"mai-1-reported"_s, u"benioff-davos"_s };
}

void TestSidePanel::clickingASentenceSelectsItsEvent()
{
    QFETCH(int, sentence);
    QFETCH(QByteArray, id);
    QFETCH(QStringList, selected);

    m_sourceView->showSentence(sentence);
    const QRect rect = m_sourceView->sentenceRect(sentence);
    QWidget *viewport = m_sourceView->article()->viewport();
    QVERIFY(viewport->rect().contains(rect.center()));
    QCOMPARE(m_sourceView->sentenceAt(rect.center()), sentence);

    const int scroll = m_sourceView->article()->verticalScrollBar()->value();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, rect.center());
    QCOMPARE(currentId(), QString::fromLatin1(id));
    QStringList selectedIds;
    for (const QModelIndex &index : m_selection->selectedRows())
        selectedIds.append(index.data(EventModel::IdRole).toString());
    selectedIds.sort();
    selected.sort();
    QCOMPARE(selectedIds, selected);
    QVERIFY(m_sourceView->highlightedSentences().contains(sentence));
    // The text stays where the person clicked.
    QCOMPARE(m_sourceView->article()->verticalScrollBar()->value(), scroll);
}

void TestSidePanel::clickingASentenceKeepsACurrentEventThatCitesIt()
{
    select(row("compute-delays"));
    QWidget *viewport = m_sourceView->article()->viewport();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, m_sourceView->sentenceRect(10).center());
    QCOMPARE(currentId(), u"compute-delays"_s);
    QCOMPARE(m_selection->selectedRows().size(), 2);
}

void TestSidePanel::clickingAnUncitedSentenceChangesNothing()
{
    QVERIFY(m_sourceView->eventsCiting(0, 0).isEmpty());
    QWidget *viewport = m_sourceView->article()->viewport();

    m_sourceView->showSentence(0);
    QSignalSpy selectionChanged(m_selection.get(), &QItemSelectionModel::selectionChanged);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, m_sourceView->sentenceRect(0).center());
    QVERIFY(!m_selection->currentIndex().isValid());

    select(row("chatgpt-release"));
    m_sourceView->showSentence(0);
    selectionChanged.clear();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, m_sourceView->sentenceRect(0).center());
    QCOMPARE(currentId(), u"chatgpt-release"_s);
    QCOMPARE(selectionChanged.size(), 0);

    // Nor does a click beside the text, past the end of a line.
    m_sourceView->showSentence(9);
    const QRect cited = m_sourceView->sentenceRect(9);
    const QPoint besideTheText(viewport->width() - 2, m_sourceView->sentenceRect(23).bottom() + 200);
    QCOMPARE(m_sourceView->sentenceAt(besideTheText), -1);
    QVERIFY(cited.isValid());
}

void TestSidePanel::enterOnASentenceSelectsItsEvent()
{
    // The keyboard twin of a click: move the text cursor into a sentence and press Enter.
    QPlainTextEdit *article = m_sourceView->article();
    QTextCursor cursor(article->document());
    cursor.setPosition(m_embedded->sources.at(0).sentences.at(21).start + 5);
    article->setTextCursor(cursor);
    article->setFocus();
    QTest::keyClick(article, Qt::Key_Return);
    QCOMPARE(currentId(), u"coreai-parikh"_s);

    cursor.setPosition(m_embedded->sources.at(0).sentences.at(0).start + 5);
    article->setTextCursor(cursor);
    QTest::keyClick(article, Qt::Key_Enter);
    QCOMPARE(currentId(), u"coreai-parikh"_s);
}

void TestSidePanel::sourceChooserFollowsTheEventsEvidence()
{
    load(loadJson(R"json({"format": "sourceline", "version": 1, "title": "Two sources",
        "sources": [{"id": "one", "title": "First", "text": "Alpha happened. Beta happened."},
                    {"id": "two", "title": "Second", "text": "Gamma happened. Delta happened."}],
        "actors": [],
        "events": [{"id": "a", "title": "Alpha", "when": "2020", "actors": [],
                    "evidence": [{"source": "one", "quote": "Alpha happened."}]},
                   {"id": "d", "title": "Delta", "when": "2021", "actors": [],
                    "evidence": [{"source": "two", "quote": "Delta happened."},
                                 {"source": "one", "quote": "Beta happened."}]}]})json"_ba));
    QComboBox *chooser = m_sourceView->sourceChooser();
    QVERIFY(chooser->isVisible());
    QCOMPARE(chooser->count(), 2);

    select(1);
    QCOMPARE(m_sourceView->shownSource(), 1);
    QCOMPARE(chooser->currentIndex(), 1);
    QCOMPARE(m_sourceView->article()->toPlainText(), u"Gamma happened. Delta happened."_s);
    QCOMPARE(m_sourceView->highlightedSentences(), QList<int> { 1 });
    QCOMPARE(m_sourceView->quotedSentences(),
             (QStringList { u"“Delta happened.” — Second, sentence 2"_s, u"“Beta happened.” — First, sentence 2"_s }));

    // A person picks the other source: the same event's sentences there are marked.
    chooser->setCurrentIndex(0);
    QCOMPARE(m_sourceView->shownSource(), 0);
    QCOMPARE(m_sourceView->highlightedSentences(), QList<int> { 1 });
    QCOMPARE(currentId(), u"d"_s);

    // Clicking "Alpha" there selects its event, and the source stays.
    QTest::mouseClick(m_sourceView->article()->viewport(), Qt::LeftButton, {},
                      m_sourceView->sentenceRect(0).center());
    QCOMPARE(currentId(), u"a"_s);
    QCOMPARE(m_sourceView->shownSource(), 0);
    QCOMPARE(m_sourceView->highlightedSentences(), QList<int> { 0 });
}

void TestSidePanel::aHiddenSourceViewScrollsWhenShown()
{
    // A view made before the window is shown cannot know its height yet; the event's first
    // sentence must still be in view once it is shown.
    select(row("coreai-parikh"));
    SourceView late(m_events.get(), m_selection.get());
    QCOMPARE(late.highlightedSentences(), QList<int> { 21 });
    late.resize(420, 500);
    late.show();
    QVERIFY(QTest::qWaitForWindowExposed(&late));
    const QRect viewport = late.article()->viewport()->rect();
    const QRect sentence = late.sentenceRect(21);
    QVERIFY(viewport.contains(sentence.center()));
    // ...and near the middle, not at an edge.
    QVERIFY2(sentence.top() > viewport.height() / 4 && sentence.top() < viewport.height() * 3 / 4,
             qPrintable(QString::number(sentence.top())));
}

void TestSidePanel::actorPanelMarksTheActorsOfTheCurrentEvent()
{
    QSignalSpy highlighted(m_actorPanel.get(), &ActorPanel::actorHighlighted);
    const QItemSelectionModel *actorSelection = m_actorPanel->view()->selectionModel();

    for (const char *id : { "benioff-davos", "chatgpt-release", "suleyman-hired" }) {
        select(row(id));
        QList<int> expected = m_events->index(row(id), 0).data(EventModel::ActorsRole).value<QList<int>>();
        QList<int> shown;
        for (const QModelIndex &index : actorSelection->selectedRows())
            shown.append(index.row());
        std::sort(expected.begin(), expected.end());
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, expected);
    }
    m_selection->clear();
    QVERIFY(!actorSelection->hasSelection());
    // Following the event is not a person picking an actor.
    QCOMPARE(highlighted.size(), 0);
}

void TestSidePanel::selectingAnActorEmitsActorHighlighted()
{
    select(row("benioff-davos"));
    QSignalSpy highlighted(m_actorPanel.get(), &ActorPanel::actorHighlighted);
    QTreeView *view = m_actorPanel->view();
    const int microsoft = 1;
    QCOMPARE(m_actors->index(microsoft, 0).data().toString(), u"Microsoft"_s);

    const QPoint onMicrosoft = view->visualRect(m_actors->index(microsoft, ActorModel::KindColumn)).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onMicrosoft);
    QCOMPARE(highlighted.size(), 1);
    QCOMPARE(highlighted.last().at(0).toInt(), microsoft);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    // Picking an actor leaves the current event alone.
    QCOMPARE(currentId(), u"benioff-davos"_s);

    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(highlighted.size(), 2);
    QCOMPARE(highlighted.last().at(0).toInt(), microsoft + 1);

    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view->visualRect(m_actors->index(microsoft + 1, ActorModel::KindColumn)).center());
    QCOMPARE(highlighted.size(), 3);
    QCOMPARE(highlighted.last().at(0).toInt(), -1);

    m_actorPanel->highlightActor(3);
    QCOMPARE(highlighted.size(), 4);
    QCOMPARE(highlighted.last().at(0).toInt(), 3);
}

void TestSidePanel::uncheckingAnActorHidesIt()
{
    QTreeView *view = m_actorPanel->view();
    const int oracle = 4;
    const QModelIndex index = m_actors->index(oracle, ActorModel::NameColumn);
    QCOMPARE(index.data().toString(), u"Oracle"_s);
    QVERIFY(m_actors->isVisible(oracle));
    QSignalSpy visibilityChanged(m_actors.get(), &ActorModel::visibilityChanged);

    // Where the style puts the row's check box.
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay
        | QStyleOptionViewItem::HasDecoration;
    option.decorationSize = view->iconSize();
    const QRect checkBox =
        view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    QVERIFY(checkBox.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBox.center());
    QVERIFY(!m_actors->isVisible(oracle));
    QCOMPARE(visibilityChanged.size(), 1);
    for (int actor = 0; actor < m_actors->rowCount(); ++actor)
        QCOMPARE(m_actors->isVisible(actor), actor != oracle);

    // The keyboard does the same: Space on the current row.
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(m_actors->isVisible(oracle));
}

SOURCELINE_GUI_TEST_MAIN(TestSidePanel)
#include "tst_sidepanel.moc"
