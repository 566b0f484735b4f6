#include "quotemismatch.h"
#include "testutils.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What a person is told when a quote is not in its source: where it parts from the source and
// which characters differ, named when they cannot be told apart by eye.
class TestQuoteMismatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesCharacters_data();
    void namesCharacters();
    void saysWhereTheQuoteDiffers_data();
    void saysWhereTheQuoteDiffers();
    void aLongQuoteIsShownAroundTheDifference();
    void anIndexGivesTheSameAnswer();
};

void TestQuoteMismatch::namesCharacters_data()
{
    QTest::addColumn<uint>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("a letter") << uint('a') << u"'a'"_s;
    QTest::newRow("a straight apostrophe") << 0x27u << u"' (U+0027 APOSTROPHE)"_s;
    QTest::newRow("a curly apostrophe") << 0x2019u << u"’ (U+2019 RIGHT SINGLE QUOTATION MARK)"_s;
    QTest::newRow("a space") << 0x20u << u"U+0020 SPACE"_s;
    QTest::newRow("a no-break space") << 0xa0u << u"U+00A0 NO-BREAK SPACE"_s;
    QTest::newRow("a zero width space") << 0x200bu << u"U+200B ZERO WIDTH SPACE"_s;
    QTest::newRow("an en dash") << 0x2013u << u"– (U+2013 EN DASH)"_s;
    QTest::newRow("a letter with an accent") << 0xe9u << u"é (U+00E9)"_s;
    QTest::newRow("outside the BMP") << 0x1f680u << u"🚀 (U+1F680)"_s;
    QTest::newRow("a line feed") << 0x0au << u"U+000A LINE FEED"_s;
}

void TestQuoteMismatch::namesCharacters()
{
    QFETCH(uint, code);
    QFETCH(QString, name);
    QCOMPARE(QuoteMismatch::nameOf(char32_t(code)), name);
}

void TestQuoteMismatch::saysWhereTheQuoteDiffers_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("quote");
    QTest::addColumn<QString>("message");
    const QString board = u"OpenAI’s board met on Friday. The board  then voted."_s;
    QTest::newRow("a straight apostrophe for a curly one")
        << board << u"OpenAI's board met on Friday."_s
        << u"at character 7 of the quote it has ' (U+0027 APOSTROPHE) where the source has ’ (U+2019 RIGHT "
           "SINGLE QUOTATION MARK): \"OpenAI's board met on Friday.\""_s;
    QTest::newRow("a double space in the quote")
        << board << u"met on  Friday"_s
        << u"at character 8 of the quote it has U+0020 SPACE where the source has 'F': \"met on  Friday\""_s;
    QTest::newRow("a single space where the source has two")
        << board << u"The board then voted."_s
        << u"at character 11 of the quote it has 't' where the source has U+0020 SPACE: \"The board then "
           "voted.\""_s;
    QTest::newRow("a no-break space")
        << board << u"board met\u00a0on Friday"_s
        << u"at character 10 of the quote it has U+00A0 NO-BREAK SPACE where the source has U+0020 SPACE: "
           "\"board met\u00a0on Friday\""_s;
    QTest::newRow("a changed capital")
        << board << u"the board  then voted"_s
        << u"at character 1 of the quote it has 't' where the source has 'T': \"the board  then voted\""_s;
    QTest::newRow("running past the end of the source")
        << board << u"then voted. And left."_s
        << u"at character 12 of the quote it has U+0020 SPACE where the source ends: \"then voted. And left.\""_s;
    QTest::newRow("characters after one outside the BMP are counted as characters")
        << u"Launch 🚀 day, said Ana."_s << u"Launch 🚀 day said Ana."_s
        << u"at character 13 of the quote it has U+0020 SPACE where the source has ',': \"Launch 🚀 day said Ana.\""_s;
    QTest::newRow("nothing in common")
        << board << u"xyz"_s << u"no passage of the source comes close to it: \"xyz\""_s;
    QTest::newRow("a few letters in common")
        << board << u"Not there at all."_s
        << u"no passage of the source comes close to it: \"Not there at all.\""_s;
}

void TestQuoteMismatch::saysWhereTheQuoteDiffers()
{
    QFETCH(QString, source);
    QFETCH(QString, quote);
    QFETCH(QString, message);
    QVERIFY(!source.contains(quote));
    QCOMPARE(QuoteMismatch::describe(source, quote), message);
}

void TestQuoteMismatch::aLongQuoteIsShownAroundTheDifference()
{
    QString source;
    for (int i = 0; i < 20; ++i)
        source += u"Sentence number %1 of a long source. "_s.arg(i);
    QString quote = source.first(300);
    quote[150] = QChar(0x2019);
    const QString message = QuoteMismatch::describe(source, quote);
    QVERIFY2(
        message.startsWith(u"at character 151 of the quote it has ’ (U+2019 RIGHT SINGLE QUOTATION MARK) "
                           "where the source has "_s),
        qPrintable(message));
    // The part around the difference, not the whole quote, and marked as cut on both sides.
    const QString shown = message.mid(message.indexOf(u": \""_s) + 2);
    QVERIFY2(shown.startsWith(u"\"…"_s) && shown.endsWith(u"…\""_s), qPrintable(shown));
    QVERIFY2(shown.contains(quote.mid(130, 40)), qPrintable(shown));
    QVERIFY(shown.size() < 100);
}

void TestQuoteMismatch::anIndexGivesTheSameAnswer()
{
    const QString source = u"OpenAI’s board met on Friday."_s;
    int calls = 0;
    const QString message = QuoteMismatch::describe(source, u"OpenAI's board"_s, [&](QStringView needle) {
        ++calls;
        return source.indexOf(needle);
    });
    QVERIFY(calls > 0);
    QCOMPARE(message, QuoteMismatch::describe(source, u"OpenAI's board"_s));
}

SOURCELINE_TEST_MAIN(TestQuoteMismatch)
#include "tst_quotemismatch.moc"
