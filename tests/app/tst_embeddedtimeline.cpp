#include "testutils.h"
#include "timelineloader.h"

#include <QTest>

#include <set>

using namespace Qt::StringLiterals;
using Precision = DateRange::Precision;

Q_DECLARE_METATYPE(DateRange::Precision)

// The OpenAI–Microsoft timeline compiled into the program, checked against the project's
// reference table (shared/reference/events.md), which was compiled from the public record.
// The expectations below are copied from that table; where the embedded file disagrees, the
// row says so with QEXPECT_FAIL rather than bending the expectation.
class TestEmbeddedTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsWithoutErrors();
    void overview();
    void source();
    void era();
    void everyQuoteResolves();
    void eventsInDateOrder();
    void events_data();
    void events();
    void actors_data();
    void actors();

private:
    std::shared_ptr<const Timeline> m_timeline;
};

void TestEmbeddedTimeline::initTestCase()
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_timeline = result.timeline;
}

void TestEmbeddedTimeline::loadsWithoutErrors()
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.unreportedErrors, 0);
}

void TestEmbeddedTimeline::overview()
{
    const Timeline &t = *m_timeline;
    QCOMPARE(t.title, u"OpenAI and Microsoft, 2019–2025"_s);
    QVERIFY(!t.description.isEmpty());
    QCOMPARE(t.events.size(), 16u);
    QCOMPARE(t.actors.size(), 12);
    QCOMPARE(t.sources.size(), 1);
    QCOMPARE(t.eras.size(), 1);
    const auto extent = t.extent();
    QVERIFY(extent);
    QCOMPARE(extent->firstDate(), QDate(2019, 1, 1));
    QCOMPARE(extent->lastDate(), QDate(2025, 1, 22));
}

void TestEmbeddedTimeline::source()
{
    const Source &article = m_timeline->sources.first();
    QCOMPARE(article.id, u"article"_s);
    QCOMPARE(article.sentences.size(), 24);
    // "most likely by TechCrunch; no copy confirms the publisher"
    QCOMPARE(article.publisher(), u"TechCrunch"_s);
    QCOMPARE(article.publisherConfirmed, false);
    // "published around 2025-01-22"
    const auto published = DateRange::parse(article.utf8(Source::Published));
    QVERIFY(published);
    QCOMPARE(published->firstDate(), QDate(2025, 1, 22));
    QVERIFY(published->isApproximate());
    QVERIFY(article.text().startsWith(u"The landscape of artificial intelligence (AI)"_s));
    QVERIFY(article.text().endsWith(u"forming strategic alliances."_s));
}

void TestEmbeddedTimeline::era()
{
    const Era &era = m_timeline->eras.first();
    QCOMPARE(era.id, u"exclusive-cloud"_s);
    QVERIFY(!era.title.isEmpty());
    QCOMPARE(era.range.precision, Precision::Interval);
    QCOMPARE(era.range.firstDate(), QDate(2019, 7, 22));
    QCOMPARE(era.range.lastDate(), QDate(2025, 1, 21));
}

void TestEmbeddedTimeline::everyQuoteResolves()
{
    const Timeline &t = *m_timeline;
    QCOMPARE(t.evidence.size(), 24u);
    for (const Event &event : t.events) {
        for (const Evidence &evidence : t.evidenceOf(event)) {
            const QString quote = t.text(evidence.quote);
            QVERIFY2(evidence.firstSentence >= 0, qPrintable(quote));
            QCOMPARE(evidence.source, 0);
            // Every quote in this file lies within one sentence, and is found there.
            QCOMPARE(evidence.lastSentence, evidence.firstSentence);
            QVERIFY2(t.sources[0].sentenceText(evidence.firstSentence).contains(quote), qPrintable(quote));
        }
    }
}

void TestEmbeddedTimeline::eventsInDateOrder()
{
    const Timeline &t = *m_timeline;
    for (size_t i = 1; i < t.events.size(); ++i) {
        const DateRange &a = t.events[i - 1].range;
        const DateRange &b = t.events[i].range;
        QVERIFY2(a.first < b.first || (a.first == b.first && a.last <= b.last),
                 qPrintable(t.text(t.events[i].id)));
    }
}

void TestEmbeddedTimeline::events_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<bool>("approximate");
    QTest::addColumn<QString>("dateText"); // the "article phrase" column; empty for "(none)"
    QTest::addColumn<QStringList>("actors"); // a set: order does not matter
    QTest::addColumn<QList<int>>("sentences"); // sorted

    const auto row = [](const char *id, QDate start, QDate end, Precision precision, bool approximate,
                        const QString &dateText, const QStringList &actors, const QList<int> &sentences) {
        QTest::newRow(id) << start << end << precision << approximate << dateText << actors << sentences;
    };
    const auto day = [&](const char *id, QDate date, const QString &dateText, const QStringList &actors,
                         const QList<int> &sentences) {
        row(id, date, date, Precision::Day, false, dateText, actors, sentences);
    };
    const QString microsoft = u"microsoft"_s, openai = u"openai"_s;

    // Events that the article mentions. Sentence 14 ("Microsoft is pivoting its focus towards
    // developing its own AI technologies") fits, as the reference says, suleyman-hired and
    // mai-1-reported, and both cite it.
    day("msft-invests-1b", QDate(2019, 7, 22), u"Since 2019"_s, { microsoft, openai }, { 9 });
    row("exclusivity-agi-clause", QDate(2019, 1, 1), QDate(2019, 12, 31), Precision::Year, false,
        u"the exclusive agreement … was set to end once AGI milestones were achieved"_s,
        { microsoft, openai }, { 11 });
    day("chatgpt-release", QDate(2022, 11, 30), u"late 2022"_s, { openai }, { 10 });
    row("compute-delays", QDate(2023, 1, 1), QDate(2024, 10, 31), Precision::Interval, true,
        u"subsequent product delays due to insufficient compute capacity"_s, { openai, microsoft }, { 10 });
    day("chatgpt-enterprise", QDate(2023, 8, 28), u"mid-2023"_s, { openai }, { 17 });
    row("staff-friction", QDate(2023, 12, 1), QDate(2024, 10, 17), Precision::Interval, true,
        u"internal tensions … have been brewing"_s, { openai, microsoft }, { 17, 19, 20 });
    day("suleyman-hired", QDate(2024, 3, 19), {},
        { microsoft, u"mustafa-suleyman"_s, u"deepmind"_s, u"inflection"_s }, { 14, 15, 16 });
    day("mai-1-reported", QDate(2024, 5, 6), {}, { microsoft }, { 14, 22 });
    day("altman-agi-within-reach", QDate(2025, 1, 5), {}, { u"sam-altman"_s, openai }, { 12 });
    day("coreai-parikh", QDate(2025, 1, 13), u"recent"_s, { microsoft, u"jay-parikh"_s }, { 21 });
    day("stargate", QDate(2025, 1, 21), {}, { openai, u"softbank"_s, u"oracle"_s }, { 2, 7 });
    day("cloud-diversification", QDate(2025, 1, 21), {}, { openai, microsoft }, { 4, 5, 6 });
    day("benioff-davos", QDate(2025, 1, 22), {}, { u"marc-benioff"_s, u"salesforce"_s, openai, microsoft },
        { 1, 2, 3, 22 });

    // Context events: no sentence in the article, public references only.
    day("msft-extends-2023", QDate(2023, 1, 23), {}, { microsoft, openai }, {});
    day("altman-fired", QDate(2023, 11, 17), {}, { openai, u"sam-altman"_s }, {});
    day("altman-returns", QDate(2023, 11, 22), {}, { openai, u"sam-altman"_s }, {});
}

void TestEmbeddedTimeline::events()
{
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    QFETCH(Precision, precision);
    QFETCH(bool, approximate);
    QFETCH(QString, dateText);
    QFETCH(QStringList, actors);
    QFETCH(QList<int>, sentences);

    const Timeline &t = *m_timeline;
    const QByteArray id = QTest::currentDataTag();
    const qsizetype index = t.indexOfEvent(id);
    QVERIFY2(index >= 0, id.constData());
    const Event &event = t.events[index];

    QCOMPARE(event.range.firstDate(), start);
    QCOMPARE(event.range.lastDate(), end);
    QCOMPARE(event.range.precision, precision);
    QCOMPARE(event.range.isApproximate(), approximate);
    QVERIFY(!event.range.isUncertain());

    QCOMPARE(t.text(event.dateText), dateText);

    QStringList loadedActors;
    for (const std::int32_t actor : t.actorsOf(event))
        loadedActors.append(t.actors.at(actor).id());
    loadedActors.sort();
    actors.sort();
    // The reference's actors, and besides them only an actor the cited sentences name: CNBC,
    // which the reference lists as an optional actor, aired the Davos interview (sentence 1).
    QStringList extra = loadedActors;
    for (const QString &actor : std::as_const(actors))
        QVERIFY2(extra.removeOne(actor), qPrintable(actor));
    for (const QString &actor : std::as_const(extra)) {
        QCOMPARE(actor, u"cnbc"_s);
        QCOMPARE(id, QByteArray("benioff-davos"));
        QVERIFY(t.sources.at(0).sentenceText(1).contains(u"CNBC interview"_s));
    }

    std::set<int> cited;
    for (const Evidence &evidence : t.evidenceOf(event)) {
        for (int s = evidence.firstSentence; s <= evidence.lastSentence; ++s)
            cited.insert(s);
    }
    QCOMPARE(QList<int>(cited.begin(), cited.end()), sentences);

    // Every event rests on the public record; context events on that alone.
    QVERIFY(!t.referencesOf(event).empty());
    if (sentences.isEmpty())
        QVERIFY(t.evidenceOf(event).empty());
}

void TestEmbeddedTimeline::actors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");

    QTest::newRow("openai") << u"OpenAI"_s << u"organization"_s;
    QTest::newRow("microsoft") << u"Microsoft"_s << u"organization"_s;
    QTest::newRow("salesforce") << u"Salesforce"_s << u"organization"_s;
    QTest::newRow("softbank") << u"SoftBank"_s << u"organization"_s;
    QTest::newRow("oracle") << u"Oracle"_s << u"organization"_s;
    QTest::newRow("deepmind") << u"DeepMind"_s << u"organization"_s;
    QTest::newRow("inflection") << u"Inflection AI"_s << u"organization"_s;
    QTest::newRow("cnbc") << u"CNBC"_s << u"medium"_s;
    QTest::newRow("sam-altman") << u"Sam Altman"_s << u"person"_s;
    QTest::newRow("marc-benioff") << u"Marc Benioff"_s << u"person"_s;
    QTest::newRow("mustafa-suleyman") << u"Mustafa Suleyman"_s << u"person"_s;
    QTest::newRow("jay-parikh") << u"Jay Parikh"_s << u"person"_s;
}

void TestEmbeddedTimeline::actors()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);

    const QString id = QString::fromLatin1(QTest::currentDataTag());
    const auto it = std::find_if(m_timeline->actors.cbegin(), m_timeline->actors.cend(),
                                 [&](const Actor &actor) { return actor.id() == id; });
    QVERIFY2(it != m_timeline->actors.cend(), qPrintable(id));
    QCOMPARE(it->name(), name);
    QCOMPARE(it->kind(), kind);
    QVERIFY(!it->description().isEmpty());
    QVERIFY(it->color.isValid());
}

SOURCELINE_TEST_MAIN(TestEmbeddedTimeline)
#include "tst_embeddedtimeline.moc"
