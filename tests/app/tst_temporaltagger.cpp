#include "temporaltagger.h"
#include "testutils.h"
#include "timexresolver.h"
#include "timexrules.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// TemporalTagger: English temporal expressions, their TIMEX3 values and EDTF dates. Every
// expected value here is worked out by hand from the calendar, never taken from the tagger.
class TestTemporalTagger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expressions_data();
    void expressions();
    void notDates_data();
    void notDates();
    void unresolvedWithoutPublication();
    void offsetsAndOrder();
    void dateLine_data();
    void dateLine();
    void sameAsEveryRuleOverTheWholeText();
};

void TestTemporalTagger::expressions_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QDate>("published");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("edtf");

    const QDate wed(2008, 3, 12); // a Wednesday, ISO week 11, first quarter
    const auto row = [](const char *tag, const QString &sentence, QDate published, const QString &text,
                        const QString &type, const QString &value, const QString &edtf) {
        QTest::newRow(tag) << sentence << published << text << type << value << edtf;
    };

    // Explicit dates in every common form.
    row("Month DD, YYYY", u"It opened on March 06, 2008 in Paris."_s, wed, u"March 06, 2008"_s, u"DATE"_s,
        u"2008-03-06"_s, u"2008-03-06"_s);
    row("D Month YYYY", u"It opened on 6 March 2008."_s, wed, u"6 March 2008"_s, u"DATE"_s, u"2008-03-06"_s,
        u"2008-03-06"_s);
    row("weekday, Month D, YYYY", u"It opened on Thursday, March 6, 2008."_s, wed,
        u"Thursday, March 6, 2008"_s, u"DATE"_s, u"2008-03-06"_s, u"2008-03-06"_s);
    row("ISO", u"Filed 2008-03-06 with the court."_s, wed, u"2008-03-06"_s, u"DATE"_s, u"2008-03-06"_s,
        u"2008-03-06"_s);
    row("MM/DD/YYYY", u"Filed on 03/06/2008."_s, wed, u"03/06/2008"_s, u"DATE"_s, u"2008-03-06"_s,
        u"2008-03-06"_s);
    row("M/D/YY", u"Filed on 7/8/07."_s, wed, u"7/8/07"_s, u"DATE"_s, u"2007-07-08"_s, u"2007-07-08"_s);
    row("DD/MM/YYYY when the day comes first", u"Filed on 25/12/2007."_s, wed, u"25/12/2007"_s, u"DATE"_s,
        u"2007-12-25"_s, u"2007-12-25"_s);
    row("abbreviated month", u"Filed on Jan. 4, 2008."_s, wed, u"Jan. 4, 2008"_s, u"DATE"_s, u"2008-01-04"_s,
        u"2008-01-04"_s);
    row("ordinal day", u"Filed on April 2nd."_s, wed, u"April 2nd"_s, u"DATE"_s, u"2008-04-02"_s,
        u"2008-04-02"_s);
    // Days without a year: the year of publication, or last year's when that is far ahead.
    row("day without year", u"It opened on 6 March."_s, wed, u"6 March"_s, u"DATE"_s, u"2008-03-06"_s,
        u"2008-03-06"_s);
    row("day without year, months ahead in the past", u"The plane flew on 11 December."_s, QDate(2010, 1, 25),
        u"11 December"_s, u"DATE"_s, u"2009-12-11"_s, u"2009-12-11"_s);
    row("day without year, ahead in the future", u"The plane will fly on 11 December."_s, QDate(2010, 1, 25),
        u"11 December"_s, u"DATE"_s, u"2010-12-11"_s, u"2010-12-11"_s);

    // Months, years, decades, centuries.
    row("month and year", u"Sales fell in October 2007."_s, wed, u"October 2007"_s, u"DATE"_s, u"2007-10"_s,
        u"2007-10"_s);
    row("month alone", u"Sales fell in January."_s, wed, u"January"_s, u"DATE"_s, u"2008-01"_s, u"2008-01"_s);
    row("month alone, last year's", u"Sales fell in November."_s, QDate(2008, 2, 10), u"November"_s,
        u"DATE"_s, u"2007-11"_s, u"2007-11"_s);
    row("last month name", u"Sales fell last April."_s, wed, u"last April"_s, u"DATE"_s, u"2007-04"_s,
        u"2007-04"_s);
    row("year", u"It was founded in 1991."_s, wed, u"1991"_s, u"DATE"_s, u"1991"_s, u"1991"_s);
    row("decade", u"It grew in the 1990s."_s, wed, u"the 1990s"_s, u"DATE"_s, u"199"_s, u"199X"_s);
    row("short decade", u"It grew in the '90s."_s, wed, u"the '90s"_s, u"DATE"_s, u"199"_s, u"199X"_s);
    row("early decade", u"It grew in the early 1990s."_s, wed, u"the early 1990s"_s, u"DATE"_s, u"199"_s,
        u"1990~/1993~"_s);
    row("century", u"It was built in the 19th century."_s, wed, u"the 19th century"_s, u"DATE"_s, u"18"_s,
        u"18XX"_s);

    // Seasons, quarters, halves.
    row("season and year", u"It shipped in autumn 2022."_s, wed, u"autumn 2022"_s, u"DATE"_s, u"2022-FA"_s,
        u"2022-23"_s);
    row("fall with year", u"It shipped in the fall of 2022."_s, wed, u"the fall of 2022"_s, u"DATE"_s,
        u"2022-FA"_s, u"2022-23"_s);
    row("this summer", u"It ships this summer."_s, wed, u"this summer"_s, u"DATE"_s, u"2008-SU"_s,
        u"2008-22"_s);
    row("last winter", u"It snowed last winter."_s, wed, u"last winter"_s, u"DATE"_s, u"2007-WI"_s,
        u"2007-24"_s);
    row("Q3 2024", u"Profit rose in Q3 2024."_s, wed, u"Q3 2024"_s, u"DATE"_s, u"2024-Q3"_s,
        u"2024-07-01/2024-09-30"_s);
    row("the third quarter, over", u"Profit rose in the third quarter."_s, QDate(2008, 11, 2),
        u"the third quarter"_s, u"DATE"_s, u"2008-Q3"_s, u"2008-07-01/2008-09-30"_s);
    row("the third quarter, last year's", u"Profit rose in the third quarter."_s, wed, u"the third quarter"_s,
        u"DATE"_s, u"2007-Q3"_s, u"2007-07-01/2007-09-30"_s);
    row("the last quarter", u"Profit rose in the last quarter."_s, QDate(2007, 1, 18), u"the last quarter"_s,
        u"DATE"_s, u"2006-Q4"_s, u"2006-10-01/2006-12-31"_s);
    row("first half of a year", u"Profit rose in the first half of 2009."_s, wed, u"the first half of 2009"_s,
        u"DATE"_s, u"2009-H1"_s, u"2009-01-01/2009-06-30"_s);

    // Parts of a period: approximate intervals.
    row("late year", u"ChatGPT came out in late 2022."_s, wed, u"late 2022"_s, u"DATE"_s, u"2022"_s,
        u"2022-09~/2022-12~"_s);
    row("mid-year", u"It launched in mid-2023."_s, wed, u"mid-2023"_s, u"DATE"_s, u"2023"_s,
        u"2023-05~/2023-08~"_s);
    row("early year", u"It launched in early 2009."_s, wed, u"early 2009"_s, u"DATE"_s, u"2009"_s,
        u"2009-01~/2009-04~"_s);
    row("end of a year", u"It launched at the end of 2009."_s, wed, u"the end of 2009"_s, u"DATE"_s,
        u"2009"_s, u"2009-09~/2009-12~"_s);
    row("early month", u"It launched in early March 2009."_s, wed, u"early March 2009"_s, u"DATE"_s,
        u"2009-03"_s, u"2009-03-01~/2009-03-10~"_s);
    row("early this year", u"It launched early this year."_s, wed, u"early this year"_s, u"DATE"_s, u"2008"_s,
        u"2008-01~/2008-04~"_s);
    row("earlier this year", u"It launched earlier this year."_s, wed, u"earlier this year"_s, u"DATE"_s,
        u"2008"_s, u"2008-01-01/2008-03-12"_s);
    row("later this year", u"It launches later this year."_s, wed, u"later this year"_s, u"DATE"_s, u"2008"_s,
        u"2008-03-12/2008-12-31"_s);
    row("the beginning of the year", u"Since the beginning of the year, sales rose."_s, wed,
        u"the beginning of the year"_s, u"DATE"_s, u"2008"_s, u"2008-01~/2008-04~"_s);

    // Relative days and periods.
    row("today", u"The company said today that it would cut jobs."_s, wed, u"today"_s, u"DATE"_s,
        u"2008-03-12"_s, u"2008-03-12"_s);
    row("yesterday", u"Yesterday the board met."_s, wed, u"Yesterday"_s, u"DATE"_s, u"2008-03-11"_s,
        u"2008-03-11"_s);
    row("tomorrow", u"The board meets tomorrow."_s, wed, u"tomorrow"_s, u"DATE"_s, u"2008-03-13"_s,
        u"2008-03-13"_s);
    row("this morning", u"Shares fell this morning."_s, wed, u"this morning"_s, u"TIME"_s, u"2008-03-12TMO"_s,
        u"2008-03-12"_s);
    row("on Tuesday, past", u"The board met on Tuesday."_s, wed, u"Tuesday"_s, u"DATE"_s, u"2008-03-11"_s,
        u"2008-03-11"_s);
    row("on Monday, days back", u"The board met on Monday."_s, QDate(2008, 3, 15), u"Monday"_s, u"DATE"_s,
        u"2008-03-10"_s, u"2008-03-10"_s);
    row("on Friday, future", u"The board will meet on Friday."_s, wed, u"Friday"_s, u"DATE"_s,
        u"2008-03-14"_s, u"2008-03-14"_s);
    row("same weekday", u"The board met on Wednesday."_s, wed, u"Wednesday"_s, u"DATE"_s, u"2008-03-12"_s,
        u"2008-03-12"_s);
    row("weekday morning", u"The board met Friday morning."_s, QDate(2010, 7, 17), u"Friday morning"_s,
        u"TIME"_s, u"2010-07-16TMO"_s, u"2010-07-16"_s);
    row("last week", u"Sales rose last week."_s, wed, u"last week"_s, u"DATE"_s, u"2008-W10"_s,
        u"2008-03-03/2008-03-09"_s);
    row("this week", u"Sales rose this week."_s, wed, u"this week"_s, u"DATE"_s, u"2008-W11"_s,
        u"2008-03-10/2008-03-16"_s);
    row("this weekend", u"Sales rose this weekend."_s, wed, u"this weekend"_s, u"DATE"_s, u"2008-W11-WE"_s,
        u"2008-03-15/2008-03-16"_s);
    row("next month", u"It ships next month."_s, wed, u"next month"_s, u"DATE"_s, u"2008-04"_s, u"2008-04"_s);
    row("last month in January", u"It shipped last month."_s, QDate(2008, 1, 5), u"last month"_s, u"DATE"_s,
        u"2007-12"_s, u"2007-12"_s);
    row("this year", u"Sales rose this year."_s, wed, u"this year"_s, u"DATE"_s, u"2008"_s, u"2008"_s);
    row("last year", u"Sales rose last year."_s, wed, u"last year"_s, u"DATE"_s, u"2007"_s, u"2007"_s);
    row("the past decade", u"Sales rose over the past decade."_s, QDate(2011, 1, 17), u"the past decade"_s,
        u"DATE"_s, u"200"_s, u"200X"_s);
    row("two years ago", u"It was founded two years ago."_s, wed, u"two years ago"_s, u"DATE"_s, u"2006"_s,
        u"2006~"_s);
    row("three days ago", u"It was founded three days ago."_s, wed, u"three days ago"_s, u"DATE"_s,
        u"2008-03-09"_s, u"2008-03-09~"_s);
    row("several years ago", u"It was founded several years ago."_s, wed, u"several years ago"_s, u"DATE"_s,
        u"PAST_REF"_s, u"../2008-03-12"_s);

    // Times of day, on the day last named.
    row("clock time UTC", u"On Tuesday it landed at 18:00 UTC."_s, wed, u"18:00 UTC"_s, u"TIME"_s,
        u"2008-03-11T18:00Z"_s, u"2008-03-11"_s);
    row("p.m.", u"It landed at 6:40 p.m. local time."_s, wed, u"6:40 p.m."_s, u"TIME"_s,
        u"2008-03-12T18:40"_s, u"2008-03-12"_s);
    row("hour am", u"It landed at 9 am."_s, wed, u"9 am"_s, u"TIME"_s, u"2008-03-12T09:00"_s,
        u"2008-03-12"_s);
    row("noon", u"It landed at noon."_s, wed, u"noon"_s, u"TIME"_s, u"2008-03-12T12:00"_s, u"2008-03-12"_s);

    // References to now, the past and the future.
    row("now", u"The company now employs 500 people."_s, wed, u"now"_s, u"DATE"_s, u"PRESENT_REF"_s,
        u"2008-03-12~"_s);
    row("currently", u"It is currently closed."_s, wed, u"currently"_s, u"DATE"_s, u"PRESENT_REF"_s,
        u"2008-03-12~"_s);
    row("recently", u"It recently closed."_s, wed, u"recently"_s, u"DATE"_s, u"PAST_REF"_s,
        u"../2008-03-12"_s);
    row("in the future", u"It may open in the future."_s, wed, u"in the future"_s, u"DATE"_s, u"FUTURE_REF"_s,
        u"2008-03-12/.."_s);

    // Durations and sets are recognised, but date nothing.
    row("duration", u"The project took five years."_s, wed, u"five years"_s, u"DURATION"_s, u"P5Y"_s,
        QString());
    row("hyphenated duration", u"A fifty-year service life."_s, wed, u"fifty-year"_s, u"DURATION"_s,
        u"P50Y"_s, QString());
    row("set", u"The board meets every week."_s, wed, u"every week"_s, u"SET"_s, u"P1W"_s, QString());
}

void TestTemporalTagger::expressions()
{
    QFETCH(QString, sentence);
    QFETCH(QDate, published);
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, edtf);

    // The expression, and nothing else but expressions the sentence names before it.
    const QList<Timex> found = TemporalTagger(published).tag(sentence);
    QVERIFY(!found.isEmpty());
    const Timex &t = found.back();
    QCOMPARE(t.text, text);
    QCOMPARE(t.begin, sentence.indexOf(text));
    QCOMPARE(t.end, t.begin + text.size());
    QCOMPARE(t.type, type);
    QCOMPARE(t.value, value);
    QCOMPARE(t.edtf, edtf);
}

void TestTemporalTagger::notDates_data()
{
    QTest::addColumn<QString>("sentence");

    QTest::newRow("May the verb") << u"Analysts said the company May cut jobs."_s;
    QTest::newRow("a count before a noun") << u"The plant employs 2000 workers."_s;
    QTest::newRow("money") << u"It paid $2010 for the licence."_s;
    QTest::newRow("percent") << u"Shares rose 2008% in a year."_s;
    QTest::newRow("a decimal") << u"The index stood at 1999.5 points."_s;
    QTest::newRow("a long number") << u"Its code is 200812."_s;
    QTest::newRow("fall the verb") << u"Prices will fall sharply."_s;
    QTest::newRow("a season as a noun") << u"The spring broke."_s;
    QTest::newRow("March the verb") << u"Workers March on the capital."_s;
    QTest::newRow("a score") << u"The team won 3-1."_s;
    QTest::newRow("an impossible date") << u"Filed on February 30."_s;
}

void TestTemporalTagger::notDates()
{
    QFETCH(QString, sentence);
    const QList<Timex> found = TemporalTagger(QDate(2008, 3, 12)).tag(sentence);
    for (const Timex &t : found)
        QVERIFY2(t.type != u"DATE"_s && t.type != u"TIME"_s, qPrintable(t.text + u' ' + t.value));
}

void TestTemporalTagger::unresolvedWithoutPublication()
{
    const QString text = u"Yesterday it rained; last year it snowed on Tuesday, and on March 6, 2008 too."_s;
    const QList<Timex> found = TemporalTagger().tag(text);
    QCOMPARE(found.size(), 4);
    QCOMPARE(found[0].value, u"XXXX-XX-XX"_s);
    QCOMPARE(found[0].edtf, QString());
    QCOMPARE(found[1].value, u"XXXX"_s);
    QCOMPARE(found[2].value, u"XXXX-WXX-2"_s);
    QCOMPARE(found[3].value, u"2008-03-06"_s); // explicit dates need no publication date
    QCOMPARE(found[3].edtf, u"2008-03-06"_s);
}

void TestTemporalTagger::offsetsAndOrder()
{
    const QString text = u"In 2019 it began; by late 2022 it had grown, and in mid-2023 it launched."_s;
    const QList<Timex> found = TemporalTagger(QDate(2025, 1, 22)).tag(text);
    QCOMPARE(found.size(), 3);
    const QStringList expected { u"2019"_s, u"late 2022"_s, u"mid-2023"_s };
    for (qsizetype i = 0; i < found.size(); ++i) {
        QCOMPARE(found[i].text, expected[i]);
        QCOMPARE(text.sliced(found[i].begin, found[i].end - found[i].begin), expected[i]);
    }
}

void TestTemporalTagger::dateLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value"); // empty: no date line

    QTest::newRow("second line") << u"Boeing wins\nMarch 01, 2008\nBoeing won on Friday."_s
                                 << u"2008-03-01"_s;
    QTest::newRow("weekday and day first") << u"Headline\nTuesday, 6 May 2008\nBody."_s << u"2008-05-06"_s;
    QTest::newRow("ISO, first line") << u"2008-05-06\nBody text follows."_s << u"2008-05-06"_s;
    QTest::newRow("only a month") << u"Headline\nMay 2008\nBody."_s << QString();
    QTest::newRow("a date inside a sentence")
        << u"Headline\nIt opened on March 1, 2008.\nBody."_s << QString();
    QTest::newRow("too far down") << u"A\nB\nC\nD\nMarch 01, 2008\n"_s << QString();
    QTest::newRow("no text") << QString() << QString();
}

void TestTemporalTagger::dateLine()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    const std::optional<Timex> line = TemporalTagger::dateLine(text);
    QCOMPARE(line.has_value(), !value.isEmpty());
    if (line) {
        QCOMPARE(line->value, value);
        QCOMPARE(text.sliced(line->begin, line->end - line->begin), line->text);
    }
}

namespace {

// The tagger without its windows: every rule over the whole text, leftmost match first, then
// the longest, then the rule listed first; slow, and what the tagger must find.
QList<Timex> everyRuleEverywhere(const QString &text, QDate published)
{
    std::vector<TimexRules::Candidate> candidates;
    for (const TimexRules::CompiledRule &rule : TimexRules::rules()) {
        QRegularExpressionMatchIterator it = rule.re.globalMatch(text);
        while (it.hasNext()) {
            QRegularExpressionMatch match = it.next();
            if (match.capturedLength() > 0)
                candidates.push_back(
                    { match.capturedStart(), match.capturedEnd(), rule.rule, std::move(match) });
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    TimexResolver resolver(text, published);
    QList<Timex> found;
    qsizetype taken = 0;
    for (const TimexRules::Candidate &c : candidates) {
        if (c.begin < taken)
            continue;
        if (std::optional<Timex> timex = resolver.resolve(c)) {
            found.append(*timex);
            taken = c.end;
        }
    }
    return found;
}

} // namespace

void TestTemporalTagger::sameAsEveryRuleOverTheWholeText()
{
    // Texts of the words the rules look for, in any case, with numbers, punctuation, long runs
    // of white space, letters and digits outside ASCII (the Kelvin sign matches "k" in any case
    // but is no word character to \b) and texts longer than the tagger's blocks of text.
    const QStringList words {
        u"March"_s,
        u"may"_s,
        u"Sept."_s,
        u"6"_s,
        u"06"_s,
        u"2008"_s,
        u"1990s"_s,
        u"'90s"_s,
        u"Q3"_s,
        u"quarter"_s,
        u"third"_s,
        u"the"_s,
        u"of"_s,
        u"in"_s,
        u"on"_s,
        u"last"_s,
        u"next"_s,
        u"this"_s,
        u"week"_s,
        u"WEEKS"_s,
        u"wee\u212a"_s,
        u"year"_s,
        u"years"_s,
        u"ago"_s,
        u"two"_s,
        u"a few"_s,
        u"late"_s,
        u"mid-"_s,
        u"early"_s,
        u"Tuesday"_s,
        u"morning"_s,
        u"yesterday"_s,
        u"now"_s,
        u"recently"_s,
        u"future"_s,
        u"coming"_s,
        u"18:00"_s,
        u"4"_s,
        u"pm"_s,
        u"UTC"_s,
        u"noon"_s,
        u"every"_s,
        u"day"_s,
        u"centuries"_s,
        u"19th"_s,
        u"century"_s,
        u"spring"_s,
        u"half"_s,
        u"first"_s,
        u"7/8/07"_s,
        u"2008-03-06"_s,
        u"$"_s,
        u"%"_s,
        u","_s,
        u"."_s,
        u"-"_s,
        u"/"_s,
        u"\n"_s,
        u"           "_s,
        u"\u00e9t\u00e9"_s,
        u"\u0662\u0660\u0661\u0669"_s,
        u"Mayx"_s,
        u"xMonday"_s,
        u"12345"_s,
        u"word"_s,
        u"jobs"_s,
    };
    QRandomGenerator random(14);
    for (int round = 0; round < 60; ++round) {
        QString text;
        const int count = round % 10 == 0 ? 3000 : 40;
        for (int i = 0; i < count; ++i) {
            text += words.at(random.bounded(int(words.size())));
            if (random.bounded(4) != 0)
                text += u' ';
        }
        const QDate published(2008, 3, 12);
        const QList<Timex> expected = everyRuleEverywhere(text, published);
        const QList<Timex> found = TemporalTagger(published).tag(text);
        QCOMPARE(found.size(), expected.size());
        for (qsizetype i = 0; i < found.size(); ++i)
            QCOMPARE(found[i].text + u' ' + found[i].value, expected[i].text + u' ' + expected[i].value);
        QCOMPARE(found, expected);
    }
}

SOURCELINE_TEST_MAIN(TestTemporalTagger)
#include "tst_temporaltagger.moc"
