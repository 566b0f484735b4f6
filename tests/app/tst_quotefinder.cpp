#include "quotefinder.h"
#include "testutils.h"
#include "timelineloader.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Where QuoteFinder finds each quote, all of them in one pass.
std::vector<qsizetype> findAll(QStringView text, const QStringList &quotes)
{
    const std::vector<QStringView> views(quotes.begin(), quotes.end());
    return QuoteFinder::findAll(text, views);
}
std::vector<qsizetype> scanAll(QStringView text, const QStringList &quotes)
{
    std::vector<qsizetype> found;
    for (const QString &quote : quotes)
        found.push_back(text.indexOf(quote));
    return found;
}

// A timeline of one source, `text`, and an event "e<i>" for each quote, citing it there.
QByteArray oneSourceTimeline(const QString &text, const QList<QByteArray> &quotes)
{
    QByteArray events;
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        events += (i ? "," : "") + QByteArrayLiteral("{\"id\":\"e") + QByteArray::number(i)
            + "\",\"title\":\"T\",\"when\":\"2020\",\"actors\":[],\"evidence\":[{\"source\":\"s\",\"quote\":"
              "\""
            + quotes[i] + "\"}]}";
    }
    return R"({"format":"sourceline","version":1,"title":"T","actors":[],
        "sources":[{"id":"s","title":"S","text":")"
        + text.toUtf8().replace("\n", "\\n") + R"("}],"events":[)" + events + "]}";
}

// The evidence of event "e<i>".
const Evidence &evidenceOf(const Timeline &t, int i)
{
    return t.evidenceOf(t.events[t.indexOfEvent(QByteArray("e" + QByteArray::number(i)))])[0];
}
} // namespace

// The quote finder must give exactly what a scan of the text gives, only faster.
class TestQuoteFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithAScan_data();
    void agreesWithAScan();
    void agreesWithAScanOnRandomText();
    void agreesWithAScanOnRepetitiveText();
    void agreesWithAScanOnATextReadInHalves_data();
    void agreesWithAScanOnATextReadInHalves();
    void agreesWithAScanWhenItsQuotesAreReadInHalves();
    void isUsedWhenItPays_data();
    void isUsedWhenItPays();
    void manyQuotesOfOneSourceResolve();
    void agreesWithAScanInUtf8();
    void quotesOfNonAsciiSourcesResolve_data();
    void quotesOfNonAsciiSourcesResolve();
    void windowsThatDifferOnlyAtTheirStart();
    void quotesOfAChineseSourceCiteTheirSentence_data();
    void quotesOfAChineseSourceCiteTheirSentence();
};

void TestQuoteFinder::agreesWithAScan_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quote");
    const QString text =
        u"The release of ChatGPT in late 2022. The release of ChatGPT Enterprise in mid-2023. 🚀 Ü end"_s;
    QTest::newRow("the first of two occurrences") << text << u"The release of ChatGPT"_s;
    QTest::newRow("the second, longer one") << text << u"The release of ChatGPT Enterprise"_s;
    QTest::newRow("at the very start") << text << u"The rele"_s;
    QTest::newRow("at the very end") << text << u"🚀 Ü end"_s;
    QTest::newRow("shorter than a gram") << text << u"2022"_s;
    QTest::newRow("not there") << text << u"The release of Windows"_s;
    QTest::newRow("right start, wrong end") << text << u"The release of ChatGPT in early 2022"_s;
    QTest::newRow("longer than the text") << text << text + u" and more"_s;
    QTest::newRow("the whole text") << text << text;
    QTest::newRow("empty text") << QString() << u"anything at all"_s;
}

void TestQuoteFinder::agreesWithAScan()
{
    QFETCH(QString, text);
    QFETCH(QString, quote);
    QCOMPARE(findAll(text, { quote }), scanAll(text, { quote }));
    // Among others that share its start or its end, and with a copy of itself.
    const QStringList many { quote, u"The release of ChatGPT in"_s, quote + u"!"_s, u"of ChatGPT Enterprise"_s,
                             u"🚀 Ü end"_s, quote };
    QCOMPARE(findAll(text, many), scanAll(text, many));
}

void TestQuoteFinder::agreesWithAScanOnRandomText()
{
    // A small alphabet makes many equal grams and near misses.
    QRandomGenerator random(42);
    QString text;
    for (int i = 0; i < 20000; ++i)
        text += QChar(u"ab c."[random.bounded(5)]);
    QStringList quotes;
    for (int i = 0; i < 2000; ++i) {
        const qsizetype start = random.bounded(int(text.size()));
        const qsizetype length = 1 + random.bounded(40);
        QString quote = text.mid(start, length);
        if (i % 3 == 0)
            quote[quote.size() - 1] = u'x'; // usually not there at all
        quotes.append(quote);
    }
    QCOMPARE(findAll(text, quotes), scanAll(text, quotes));
}

void TestQuoteFinder::agreesWithAScanOnRepetitiveText()
{
    // Sentences that share long stretches: most grams are everywhere, and a quote's candidates
    // must still all be tried, the first match winning.
    QString text;
    for (int i = 0; i < 3000; ++i)
        text += u"Event %1 happened in Springfield. "_s.arg(i % 700);
    QRandomGenerator random(7);
    QStringList quotes;
    for (int i = 0; i < 3000; ++i) {
        const qsizetype start = random.bounded(int(text.size()) - 80);
        QString quote = text.mid(start, 8 + random.bounded(70));
        if (i % 4 == 0)
            quote[random.bounded(int(quote.size()))] = u'#';
        quotes.append(quote);
    }
    QCOMPARE(findAll(text, quotes), scanAll(text, quotes));
}

void TestQuoteFinder::agreesWithAScanOnATextReadInHalves_data()
{
    QTest::addColumn<bool>("utf8");
    QTest::newRow("UTF-16") << false;
    QTest::newRow("UTF-8") << true;
}

// A text of a million units and more is read in two halves at once: a quote across the middle,
// one in both halves, one only in the second, one nowhere, all as a scan finds them.
void TestQuoteFinder::agreesWithAScanOnATextReadInHalves()
{
    QFETCH(bool, utf8);
    QRandomGenerator random(11);
    const QStringList words { u"news"_s,   u"Sochi"_s, u"события"_s, u"事件"_s,
                              u"report"_s, u"of"_s,    u"a"_s,       u"the"_s };
    QString text;
    while (text.size() < 1'200'000)
        text += words[random.bounded(int(words.size()))] + (random.bounded(9) == 0 ? u". "_s : u" "_s);
    const QString marker = u"a quote that is only near the end"_s;
    text += marker;
    const qsizetype middle = text.size() / 2; // in UTF-8, the middle is elsewhere: quotes around both
    QStringList quotes { marker, u"not anywhere in the text at all"_s, text.mid(middle - 20, 45),
                         text.mid(text.toUtf8().size() / 2 - 10, 30) };
    for (int i = 0; i < 400; ++i) {
        const qsizetype start = random.bounded(int(text.size() - 100));
        QString quote = text.mid(start, 8 + random.bounded(80));
        if (i % 5 == 0)
            quote[random.bounded(int(quote.size()))] = u'#';
        quotes.append(quote);
    }
    if (!utf8) {
        QCOMPARE(findAll(text, quotes), scanAll(text, quotes));
        // Every quote in the first third: the second half stops early, and nothing changes.
        QStringList early;
        for (int i = 0; i < 40; ++i)
            early.append(text.mid(random.bounded(int(text.size() / 3)), 20 + random.bounded(60)));
        QCOMPARE(findAll(text, early), scanAll(text, early));
        return;
    }
    const QByteArray bytes = text.toUtf8();
    QByteArrayList encoded;
    for (const QString &quote : quotes)
        encoded.append(quote.toUtf8());
    const std::vector<QByteArrayView> views(encoded.begin(), encoded.end());
    const std::vector<qsizetype> found = QuoteFinder::findAll(QByteArrayView(bytes), views);
    for (std::size_t i = 0; i < found.size(); ++i)
        QCOMPARE(found[i], QByteArrayView(bytes).indexOf(views[i]));
}

// A text of a million units and more with many quotes beside it is read whole twice at once,
// for each half of the quotes: every quote where a scan finds it, in the order given, copies
// of one quote in both halves too.
void TestQuoteFinder::agreesWithAScanWhenItsQuotesAreReadInHalves()
{
    QRandomGenerator random(12);
    QByteArray text;
    std::vector<qsizetype> starts; // of each word
    while (text.size() < 1'200'000) {
        starts.push_back(text.size());
        text += "w" + QByteArray::number(random.bounded(1'000'000)) + (random.bounded(9) == 0 ? ". " : " ");
    }
    QByteArrayList quotes;
    std::vector<qsizetype> expected;
    for (int i = 0; i < 40'000; ++i) {
        if (i >= 20'000 && i % 7 == 0) { // a copy of a quote in the first half
            quotes.append(quotes[i - 20'000]);
            expected.push_back(expected[std::size_t(i - 20'000)]);
            continue;
        }
        // Words numbered at random: a run of three is in the text once.
        const std::size_t word = std::size_t(random.bounded(int(starts.size() - 4)));
        QByteArray quote = text.sliced(starts[word], starts[word + 3] - starts[word] - 1);
        expected.push_back(starts[word]);
        if (i % 5 == 0) {
            quote[random.bounded(int(quote.size()))] = '#';
            expected.back() = -1;
        }
        quotes.append(quote);
    }
    QVERIFY(text.size() <= 32 * qsizetype(quotes.size())); // so many that they are halved
    const std::vector<QByteArrayView> views(quotes.begin(), quotes.end());
    const std::vector<qsizetype> found = QuoteFinder::findAll(QByteArrayView(text), views);
    QCOMPARE(found.size(), expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (found[i] != expected[i] && expected[i] >= 0) // an earlier copy of the words, by chance
            expected[i] = QByteArrayView(text).indexOf(views[i]);
        QCOMPARE(found[i], expected[i]);
    }
}

void TestQuoteFinder::isUsedWhenItPays_data()
{
    QTest::addColumn<qsizetype>("quotes");
    QTest::addColumn<qsizetype>("quoteUnits");
    QTest::addColumn<bool>("used");
    QTest::newRow("no quote") << qsizetype(0) << qsizetype(0) << false;
    QTest::newRow("one quote") << qsizetype(1) << qsizetype(40) << false;
    QTest::newRow("a handful") << qsizetype(8) << qsizetype(8 * 20) << false;
    // A scan skips ahead by about half a quote's length: ten quotes of a few words are ten quick scans.
    QTest::newRow("ten short quotes") << qsizetype(10) << qsizetype(10 * 19) << false;
    QTest::newRow("a hundred short quotes") << qsizetype(100) << qsizetype(100 * 19) << true;
    QTest::newRow("a thousand long quotes") << qsizetype(1000) << qsizetype(1000 * 300) << true;
    QTest::newRow("100k quotes") << qsizetype(100'000) << qsizetype(100'000 * 40) << true;
}

void TestQuoteFinder::isUsedWhenItPays()
{
    QFETCH(qsizetype, quotes);
    QFETCH(qsizetype, quoteUnits);
    QFETCH(bool, used);
    QCOMPARE(QuoteFinder::worthAPass(quotes, quoteUnits), used);
}

void TestQuoteFinder::manyQuotesOfOneSourceResolve()
{
    // Enough quotes on one source for the loader to find them in one pass (isUsedWhenItPays): each resolves
    // to its sentence, and a missing one is still reported, saying where it differs.
    QString text;
    QByteArray events;
    for (int i = 0; i < 100; ++i) {
        text += u"Sentence number %1 is here. "_s.arg(i);
        events += (i ? "," : "") + QByteArrayLiteral("{\"id\":\"e") + QByteArray::number(i)
            + "\",\"title\":\"T\",\"when\":\"2020\",\"actors\":[],\"evidence\":[{\"source\":\"s\",\"quote\":"
              "\"number "
            + QByteArray::number(i) + " is\"}]}";
    }
    events +=
        R"(,{"id":"bad","title":"T","when":"2020","actors":[],"evidence":[{"source":"s","quote":"number 100 is"}]})";
    const QByteArray json = R"({"format":"sourceline","version":1,"title":"T","actors":[],
        "sources":[{"id":"s","title":"S","text":")"
        + text.toUtf8() + R"("}],"events":[)" + events + "]}";
    TimelineLoader::Result result = TimelineLoader::loadData(json, u"many.json"_s);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(
        result.errors.first().message.contains(u"the quote is not in source \"s\": at character 10 of the "
                                               "quote it has '0' where the source has U+0020 SPACE: "
                                               "\"number 100 is\""_s),
        qPrintable(result.errors.first().message));

    result =
        TimelineLoader::loadData(QByteArray(json).replace("number 100 is", "number 99 is"), u"many.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    for (int i = 0; i < 100; ++i) {
        const Event &event = t.events[t.indexOfEvent(QByteArray("e" + QByteArray::number(i)))];
        QCOMPARE(t.evidenceOf(event)[0].firstSentence, i);
        QCOMPARE(t.evidenceOf(event)[0].lastSentence, i);
    }
}

void TestQuoteFinder::agreesWithAScanInUtf8()
{
    // The loader finds quotes in the file's UTF-8: where a quote's bytes first are is where its
    // UTF-16 units first are, in characters of one to four bytes, even where a wrong quote shares
    // all but the last bytes of a character with the text (é is C3 A9, ê C3 AA).
    QRandomGenerator random(5);
    const QStringList alphabet { u"a"_s, u"é"_s, u"ê"_s, u"€"_s, u"😀"_s, u"😁"_s, u" "_s, u"."_s };
    QString text;
    for (int i = 0; i < 20000; ++i)
        text += alphabet.at(random.bounded(int(alphabet.size())));
    QStringList quotes;
    for (int i = 0; i < 2000; ++i) {
        qsizetype start = random.bounded(int(text.size()));
        if (text.at(start).isLowSurrogate())
            --start;
        QString quote = text.mid(start, 1 + random.bounded(40));
        if (quote.back().isHighSurrogate())
            quote.chop(1);
        if (i % 3 == 0 && !quote.isEmpty())
            quote.back() = quote.back() == u'é' ? u'ê' : u'é'; // usually not there at all
        quotes.append(quote);
    }
    const QByteArray utf8 = text.toUtf8();
    std::vector<QByteArray> quoteBytes;
    for (const QString &quote : std::as_const(quotes))
        quoteBytes.push_back(quote.toUtf8());
    const std::vector<QByteArrayView> views(quoteBytes.begin(), quoteBytes.end());
    std::vector<qsizetype> found = QuoteFinder::findAll(QByteArrayView(utf8), views);
    for (qsizetype &at : found) {
        if (at >= 0)
            at = QString::fromUtf8(utf8.first(at)).size(); // bytes to UTF-16 units
    }
    QCOMPARE(found, scanAll(text, quotes));
}

void TestQuoteFinder::quotesOfNonAsciiSourcesResolve_data()
{
    QTest::addColumn<int>("quotes");
    QTest::newRow("a scan for each") << 3;
    QTest::newRow("one pass for all") << 300;
}

void TestQuoteFinder::quotesOfNonAsciiSourcesResolve()
{
    // A source in Russian, with an emoji (two UTF-16 units, four bytes) in every sentence: its
    // sentences' UTF-16 offsets are far from their byte offsets, and each quote, found in the
    // bytes, must still cite its own sentence.
    QFETCH(int, quotes);
    QString text;
    for (int i = 0; i < quotes; ++i)
        text += u"Событие %1 произошло в Москве 🚀 «вчера». "_s.arg(i);
    QList<QByteArray> quoted;
    for (int i = 0; i < quotes; ++i) {
        quoted.append(i % 2 || i + 1 == quotes ? u"%1 произошло в Москве 🚀"_s.arg(i).toUtf8()
                                               : u"Москве 🚀 «вчера». Событие %1"_s.arg(i + 1).toUtf8());
    }
    TimelineLoader::Result result =
        TimelineLoader::loadData(oneSourceTimeline(text, quoted), u"russian.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.sources.at(0).text(), text);
    QCOMPARE(t.sources.at(0).sentences.size(), quotes);
    for (int i = 0; i < quotes; ++i) {
        QCOMPARE(evidenceOf(t, i).firstSentence, i);
        QCOMPARE(evidenceOf(t, i).lastSentence, i % 2 || i + 1 == quotes ? i : i + 1);
    }

    // A quote that differs from the source in one byte of a character is not found, and the
    // message names the characters as they are, not their bytes.
    for (QByteArray &quote : quoted)
        quote.replace(u"1 произошло"_s.toUtf8(), u"1 пройзошло"_s.toUtf8());
    result = TimelineLoader::loadData(oneSourceTimeline(text, quoted), u"russian.json"_s);
    QVERIFY(!result.errors.isEmpty());
    QVERIFY2(
        result.errors.first().message.contains(u"the quote is not in source \"s\": at character 6 of the "
                                               "quote it has й (U+0439) where the source has и (U+0438)"_s),
        qPrintable(result.errors.first().message));
}

void TestQuoteFinder::windowsThatDifferOnlyAtTheirStart()
{
    // A window's hash holds little of its first unit (it is shifted nearly out): windows that
    // differ only there may share a hash, and a quote must still be found only where it is.
    // Quotes of exactly one window (8, 16 or 32 bytes) and a little more, in UTF-8 and UTF-16.
    QRandomGenerator random(11);
    const QString tail = u"0123456789abcdefghijklmnopqrstuvwxyz"_s;
    QString text;
    for (int i = 0; i < 4000; ++i)
        text += QChar(u'A' + random.bounded(26)) + tail.first(7 + random.bounded(3) * 8 + random.bounded(2));
    QStringList quotes;
    for (int i = 0; i < 1000; ++i) {
        const qsizetype length = qsizetype(8) << random.bounded(3);
        QString quote = QChar(u'A' + random.bounded(26)) + tail.first(length - 1 + random.bounded(2));
        if (i % 5 == 0)
            quote[0] = u'#'; // not there
        quotes.append(quote);
    }
    QCOMPARE(findAll(text, quotes), scanAll(text, quotes));
    const QByteArray utf8 = text.toUtf8();
    std::vector<QByteArray> quoteBytes;
    for (const QString &quote : std::as_const(quotes))
        quoteBytes.push_back(quote.toUtf8());
    const std::vector<QByteArrayView> views(quoteBytes.begin(), quoteBytes.end());
    QCOMPARE(QuoteFinder::findAll(QByteArrayView(utf8), views),
             scanAll(text, quotes)); // ASCII: bytes are units
}

void TestQuoteFinder::quotesOfAChineseSourceCiteTheirSentence_data()
{
    QTest::addColumn<int>("quotes");
    QTest::newRow("a scan for each") << 3;
    QTest::newRow("one pass for all") << 300;
}

void TestQuoteFinder::quotesOfAChineseSourceCiteTheirSentence()
{
    // Chinese puts no space between sentences: each ends at its 。, and a quote of one cites that
    // one, not its whole paragraph.
    QFETCH(int, quotes);
    QString text;
    for (int i = 0; i < quotes; ++i)
        text += u"事件%1发生在北京，引起了关注。"_s.arg(i) + (i % 10 == 9 ? u"\n"_s : QString());
    QList<QByteArray> quoted;
    for (int i = 0; i < quotes; ++i)
        quoted.append(u"事件%1发生在北京"_s.arg(i).toUtf8());
    const TimelineLoader::Result result =
        TimelineLoader::loadData(oneSourceTimeline(text, quoted), u"chinese.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.sources.at(0).sentences.size(), quotes);
    for (int i = 0; i < quotes; ++i) {
        QCOMPARE(evidenceOf(t, i).firstSentence, i);
        QCOMPARE(evidenceOf(t, i).lastSentence, i);
    }
}

SOURCELINE_TEST_MAIN(TestQuoteFinder)
#include "tst_quotefinder.moc"
