#include "actorfinder.h"
#include "drafter.h"
#include "sentencesplitter.h"
#include "testutils.h"
#include "timelineloader.h"
#include "timelinewriter.h"

#include <QTest>

using namespace Qt::StringLiterals;

// ActorFinder and Drafter: the actors a sentence names, and draft events that cite sentences.
class TestDrafter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actors_data();
    void actors();
    void knownActorsComeFirst();
    void foundActorsTakeIdsNotTaken();
    void seedArticle();
    void draftsLoadAndRoundTrip();
    void sinceAndUntil_data();
    void sinceAndUntil();
};

void TestDrafter::actors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("sentence");
    QTest::addColumn<QStringList>("names"); // "name/kind", in order of first mention

    QTest::newRow("title before a name")
        << u"At Davos, Salesforce CEO Marc Benioff spoke."_s << 0
        << QStringList { u"Salesforce/organization"_s, u"Marc Benioff/person"_s };
    QTest::newRow("company suffix left off") << u"Shares of Apple Inc. rose. Analysts like Apple."_s << 0
                                             << QStringList { u"Apple/organization"_s };
    QTest::newRow("possessive") << u"It hurt Microsoft's plans."_s << 0
                                << QStringList { u"Microsoft/organization"_s };
    QTest::newRow("short form refers back") << u"Investor Warren Buffett spoke. Later Buffett left."_s << 1
                                            << QStringList { u"Warren Buffett/person"_s };
    QTest::newRow("sentence-initial capital is not a name")
        << u"Reports say the deal is off. Analysts agree."_s << 0 << QStringList {};
    QTest::newRow("a name that starts its sentence")
        << u"Steve Jobs unveiled the iPhone. It sold well."_s << 0 << QStringList { u"Steve Jobs/person"_s };
    QTest::newRow("a common word and a connector before a name")
        << u"Shares of Apple rose. Investors cheered."_s << 0 << QStringList { u"Apple/organization"_s };
    QTest::newRow("a name that starts its sentence, with a connector")
        << u"Bank of America fell. It lost."_s << 0 << QStringList { u"Bank of America/organization"_s };
    QTest::newRow("sentence-initial name seen elsewhere")
        << u"Boeing lost. It blamed the rules, said Boeing."_s << 0
        << QStringList { u"Boeing/organization"_s };
    QTest::newRow("months and weekdays are not names")
        << u"The deal closed in May and on Monday it was signed by Oracle."_s << 0
        << QStringList { u"Oracle/organization"_s };
    QTest::newRow("a place after in")
        << u"The talks were held in Davos with Oracle."_s << 0 << QStringList { u"Oracle/organization"_s };
    QTest::newRow("a name after in, also named elsewhere")
        << u"Yesterday Microsoft invested in OpenAI. OpenAI grew."_s << 0
        << QStringList { u"Microsoft/organization"_s, u"OpenAI/organization"_s };
    QTest::newRow("name with a connector") << u"Loans from the Bank of America fell."_s << 0
                                           << QStringList { u"Bank of America/organization"_s };
    QTest::newRow("an acronym defined by common words is a term")
        << u"The race to artificial general intelligence (AGI) speeds up, as Google says AGI is near."_s << 0
        << QStringList { u"Google/organization"_s };
    QTest::newRow("names apart") << u"Both SoftBank and Oracle joined."_s << 0
                                 << QStringList { u"SoftBank/organization"_s, u"Oracle/organization"_s };
    QTest::newRow("inside a quotation")
        << u"He said “Everyone told us we were crazy.”"_s << 0 << QStringList {};
}

void TestDrafter::actors()
{
    QFETCH(QString, text);
    QFETCH(int, sentence);
    QFETCH(QStringList, names);
    const QList<Sentence> sentences = SentenceSplitter::split(text);
    ActorFinder finder;
    finder.scan(text, sentences);
    QStringList found;
    for (const int actor : finder.actorsIn(sentence))
        found.append(finder.actors()[actor].name() + u'/' + finder.actors()[actor].kind());
    QCOMPARE(found, names);
}

void TestDrafter::knownActorsComeFirst()
{
    Actor known;
    known.setId(u"msft"_s);
    known.setName(u"Microsoft Corporation"_s);
    known.setKind(u"organization"_s);
    known.aliases = { u"Microsoft"_s };
    const QString text = u"Microsoft and Sam Altman met."_s;
    ActorFinder finder({ known });
    finder.scan(text, SentenceSplitter::split(text));
    QCOMPARE(finder.actors().size(), 2);
    QCOMPARE(finder.actors()[0].id(), u"msft"_s);
    QCOMPARE(finder.actorsIn(0), (QList<int> { 0, 1 }));
    QCOMPARE(finder.actors()[1].name(), u"Sam Altman"_s);
}

void TestDrafter::foundActorsTakeIdsNotTaken()
{
    // A known actor already has the id a found name would be given, and another its next one.
    Actor first, second;
    first.setId(u"sam-altman"_s);
    first.setName(u"Samuel Altman Senior"_s);
    second.setId(u"sam-altman-2"_s);
    second.setName(u"Samuel Altman Junior"_s);
    const QString text = u"Sam Altman met reporters."_s;
    ActorFinder finder({ first, second });
    finder.scan(text, SentenceSplitter::split(text));
    QCOMPARE(finder.actors().size(), 3);
    QCOMPARE(finder.actors()[2].name(), u"Sam Altman"_s);
    QCOMPARE(finder.actors()[2].id(), u"sam-altman-3"_s);
}

void TestDrafter::seedArticle()
{
    // The embedded timeline was made by hand from the article it holds as its source: the
    // drafts must find its three phrase-dated events, each citing the sentence that holds the
    // embedded timeline's quote.
    const TimelineLoader::Result embedded = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(embedded.ok());
    const Timeline &e = *embedded.timeline;
    Drafter::Options options;
    options.published = QDate(2025, 1, 22);
    const std::shared_ptr<Timeline> drafts = Drafter::draft(e.sources.front().text(), options);
    for (const QString &phrase : { u"Since 2019"_s, u"late 2022"_s, u"mid-2023"_s }) {
        const auto hand = std::find_if(e.events.begin(), e.events.end(),
                                       [&](const Event &ev) { return e.text(ev.dateText) == phrase; });
        QVERIFY2(hand != e.events.end(), qPrintable(phrase));
        const Evidence &cited = e.evidenceOf(*hand).front();
        const auto draft = std::find_if(drafts->events.begin(), drafts->events.end(),
                                        [&](const Event &ev) { return drafts->text(ev.dateText) == phrase; });
        QVERIFY2(draft != drafts->events.end(), qPrintable(phrase));
        QVERIFY(draft->draft);
        const Evidence &evidence = drafts->evidenceOf(*draft).front();
        QCOMPARE(evidence.firstSentence, cited.firstSentence);
        QCOMPARE(evidence.lastSentence, cited.lastSentence);
    }
}

void TestDrafter::draftsLoadAndRoundTrip()
{
    const QString text = u"Acme opens\nMarch 01, 2008\nAcme Corp. opened a plant on Monday. "
                         "CEO Jane Roe said sales rose in 2007. Roe expects more next year.\n"_s;
    const std::shared_ptr<Timeline> drafts = Drafter::draft(text, {});
    const QByteArray json = TimelineWriter::toJson(*drafts);
    const TimelineLoader::Result loaded = TimelineLoader::loadData(json, u"drafts.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    const Timeline &t = *loaded.timeline;
    QCOMPARE(t.title, u"Acme opens"_s);
    QCOMPARE(t.sources.front().published(), u"2008-03-01"_s); // from the date line
    QCOMPARE(int(t.events.size()), 3);
    QStringList whens;
    for (const Event &event : t.events) {
        QVERIFY(event.draft);
        whens.append(t.text(event.when));
    }
    // Monday before Saturday 1 March 2008 is 25 February; "next year" is 2009.
    QCOMPARE(whens, (QStringList { u"2007"_s, u"2008-02-25"_s, u"2009"_s }));
    QVERIFY(json.contains("\"draft\": true"));
    QCOMPARE(TimelineWriter::toJson(t), json); // the loader keeps the flag; writing again changes nothing
}

void TestDrafter::sinceAndUntil_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("dateText");

    QTest::newRow("since") << u"Since 2019, the firms have worked together."_s << u"2019/.."_s
                           << u"Since 2019"_s;
    QTest::newRow("since a part of a year")
        << u"Prices rose since late 2022."_s << u"2022-09~/.."_s << u"since late 2022"_s;
    QTest::newRow("until") << u"The deal ran until March 2024."_s << u"../2024-03"_s << u"until March 2024"_s;
    QTest::newRow("plain") << u"The deal was signed in March 2024."_s << u"2024-03"_s << u"March 2024"_s;
}

void TestDrafter::sinceAndUntil()
{
    QFETCH(QString, sentence);
    QFETCH(QString, when);
    QFETCH(QString, dateText);
    Drafter::Options options;
    options.published = QDate(2025, 1, 22);
    const std::shared_ptr<Timeline> drafts = Drafter::draft(sentence, options);
    QCOMPARE(int(drafts->events.size()), 1);
    QCOMPARE(drafts->text(drafts->events[0].when), when);
    QCOMPARE(drafts->text(drafts->events[0].dateText), dateText);
}

SOURCELINE_TEST_MAIN(TestDrafter)
#include "tst_drafter.moc"
