#include "csvparser.h"
#include "testutils.h"
#include "timeline.h"
#include "timelineloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

// CSV files of events: the RFC 4180 parser, TimelineJS sheets saved as CSV (today's template
// and the older one), and Sourceline's own CSV, all through the loader's entry point.
class TestCsvTimelineReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRfc4180_data();
    void parsesRfc4180();
    void readsATimelineJsSheet();
    void columnsInAnyOrderAndOldHeaders();
    void readsOurOwnCsv();
    void keepsEveryCharacter();
    void errorsNameLineRowAndColumn_data();
    void errorsNameLineRowAndColumn();
    void aTableNamedOtherwiseIsACsv_data();
    void aTableNamedOtherwiseIsACsv();
};

void TestCsvTimelineReader::parsesRfc4180_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qsizetype>>("lines");
    QTest::newRow("plain, LF") << QByteArray("a,b\nc,d\n")
                               << QList<QStringList> { { u"a"_s, u"b"_s }, { u"c"_s, u"d"_s } }
                               << QList<qsizetype> { 1, 2 };
    QTest::newRow("CRLF, no final line end")
        << QByteArray("a,b\r\nc,d") << QList<QStringList> { { u"a"_s, u"b"_s }, { u"c"_s, u"d"_s } }
        << QList<qsizetype> { 1, 2 };
    QTest::newRow("quoted comma, quote and line break")
        << QByteArray("\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext,,\n")
        << QList<QStringList> { { u"x, y"_s, u"say \"hi\""_s, u"two\r\nlines"_s }, { u"next"_s, {}, {} } }
        << QList<qsizetype> { 1, 3 };
    QTest::newRow("empty fields") << QByteArray(",\n\"\"\n") << QList<QStringList> { { {}, {} }, { {} } }
                                  << QList<qsizetype> { 1, 2 };
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9,\xe2\x80\x94\n")
                           << QList<QStringList> { { u"caf\u00e9"_s, u"\u2014"_s } }
                           << QList<qsizetype> { 1 };
}

void TestCsvTimelineReader::parsesRfc4180()
{
    QFETCH(QByteArray, csv);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qsizetype>, lines);
    CsvParser parser(csv);
    CsvParser::Record record;
    QList<QStringList> read;
    QList<qsizetype> readLines;
    while (parser.next(&record)) {
        read.append(record.fields);
        readLines.append(record.line);
    }
    QVERIFY(!parser.hasError());
    QCOMPARE(read, records);
    QCOMPARE(readLines, lines);
}

void TestCsvTimelineReader::readsATimelineJsSheet()
{
    // The template's header, as Google Sheets saves it, with a byte order mark.
    const QByteArray csv =
        "\xef\xbb\xbfYear,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
        "Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\r\n"
        ",,,,,,,,,The space race,<p>From <b>Sputnik</b> on.</p>,,,,,,title,,\r\n"
        "1957,10,4,,,,,,,Sputnik 1,\"The first satellite, launched\",https://example.org/s,"
        "Wikipedia,Sputnik,,,,USSR,\r\n"
        "1969,7,20,20:17,1969,7,24,,July 1969,Apollo 11,,,,,,,,USA,#000000\r\n"
        ",,,,,,,,,,,,,,,,,,\r\n"
        "1955,,,,1975,,,,,Race,,,,,,,era,,\r\n";
    const TimelineLoader::Result result = TimelineLoader::loadData(csv, u"sheet.csv"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.title, u"The space race"_s);
    QCOMPARE(t.description, u"From Sputnik on."_s);
    QCOMPARE(t.events.size(), 2u);
    const Event &sputnik = t.events[0];
    QCOMPARE(t.text(sputnik.title), u"Sputnik 1"_s);
    QCOMPARE(t.text(sputnik.when), u"1957-10-04"_s);
    QCOMPARE(t.text(sputnik.summary), u"The first satellite, launched"_s);
    QCOMPARE(t.actors.at(t.actorsOf(sputnik)[0]).name(), u"USSR"_s);
    QCOMPARE(t.text(t.referencesOf(sputnik)[0].url), u"https://example.org/s"_s);
    QCOMPARE(t.text(t.referencesOf(sputnik)[0].title), u"Sputnik"_s);
    const Event &apollo = t.events[1];
    QCOMPARE(t.text(apollo.when), u"1969-07-20/1969-07-24"_s);
    QCOMPARE(t.text(apollo.dateText), u"July 1969"_s);
    QCOMPARE(t.eras.size(), 1);
    QCOMPARE(t.eras[0].when, u"1955/1975"_s);
}

void TestCsvTimelineReader::columnsInAnyOrderAndOldHeaders()
{
    const QByteArray csv = "Tag, HEADLINE ,Start Date,End Date\n"
                           "Rome,Caesar dies,-44,\n"
                           "Press,Launch,2012/05/01,\n"
                           "Press,Trial,5/1/2013,6/30/2013\n"
                           "Court,Verdict,2014,\n";
    const TimelineLoader::Result result = TimelineLoader::loadData(csv, u"old.csv"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.events.size(), 4u);
    // 44 BC: TimelineJS's -44, EDTF's -0043.
    QCOMPARE(t.text(t.events[0].when), u"-0043"_s);
    QCOMPARE(t.text(t.events[1].when), u"2012-05-01"_s);
    QCOMPARE(t.text(t.events[2].when), u"2013-05-01/2013-06-30"_s);
    QCOMPARE(t.text(t.events[3].when), u"2014"_s);
    QCOMPARE(t.text(t.events[3].title), u"Verdict"_s);
    QCOMPARE(t.actors.size(), 3);
    QCOMPARE(t.actors.at(t.actorsOf(t.events[3])[0]).name(), u"Court"_s);
}

void TestCsvTimelineReader::readsOurOwnCsv()
{
    const QByteArray csv =
        "id,start,end,when,dateText,title,kind,actors,summary,evidence\r\n"
        "deal,2019-07-22,2019-07-22,2019-07-22,,\"Deal, signed\",investment,Microsoft; OpenAI,S,\r\n"
        "gpt,2022-11-01,2022-11-30,2022-11,late 2022,Release,product,OpenAI,,\"quoted\"\r\n"
        "lost-when,2020-01-01,2020-03-31,,,Spring,,,,\r\n";
    const TimelineLoader::Result result = TimelineLoader::loadData(csv, u"ours.csv"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.events.size(), 3u);
    QCOMPARE(t.text(t.events[0].id), u"deal"_s);
    QCOMPARE(t.text(t.events[0].title), u"Deal, signed"_s);
    QCOMPARE(t.kindOf(t.events[0]), u"investment"_s);
    QCOMPARE(t.actorsOf(t.events[0]).size(), 2u);
    QCOMPARE(t.actors.at(t.actorsOf(t.events[0])[1]).name(), u"OpenAI"_s);
    // Without `when`, the start and end days are the date.
    QCOMPARE(t.text(t.events[1].id), u"lost-when"_s);
    QCOMPARE(t.text(t.events[1].when), u"2020-01-01/2020-03-31"_s);
    QCOMPARE(t.text(t.events[2].when), u"2022-11"_s);
    QCOMPARE(t.text(t.events[2].dateText), u"late 2022"_s);
}

// Text reaches the timeline as written: backslashes, quotes, tabs, control characters and
// characters beyond ASCII all survive the way through format v1.
void TestCsvTimelineReader::keepsEveryCharacter()
{
    const QByteArray csv = "title,when,summary\n\"a\\b \"\"q\"\"\tt\",2019,\"x\x01y\xc3\xa9 \xe2\x80\x94\"\n";
    const TimelineLoader::Result result = TimelineLoader::loadData(csv, u"chars.csv"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.text(t.events[0].title), u"a\\b \"q\"\tt"_s);
    QCOMPARE(t.text(t.events[0].summary), u"x\u0001y\u00e9 \u2014"_s);
}

void TestCsvTimelineReader::errorsNameLineRowAndColumn_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("bad parts")
        << QByteArray("Headline,Year,Month,Day\nA,2023,13,\nB,20x3,,\nC,2023,2,29\n")
        << QStringList { u"bad.csv:2:8: row 2, column \"Month\": there is no month 13"_s,
                         u"bad.csv:3:3: row 3, column \"Year\": \"20x3\" is not a whole number"_s,
                         u"bad.csv:4:3: row 4, column \"Year\": \"2023-02-29\" is not a date: "
                         "February 2023 has 28 days"_s };
    QTest::newRow("no date") << QByteArray("Headline,Year\n\"A\nB\",\n")
                             << QStringList {
                                    u"bad.csv:2:1: row 2: the event has no date: give at least its Year"_s
                                };
    QTest::newRow("year past what we read")
        << QByteArray("Year,Headline\n-2000000000000,Nothing yet\n")
        << QStringList {
               u"bad.csv:2:1: row 2, column \"Year\": year -2000000000000 is outside the years Sourceline "
               "reads, 1 trillion years ago to 999,999,999,999"_s
           };
    QTest::newRow("reversed") << QByteArray("Year,End Year,Headline\n2020,2019,x\n")
                              << QStringList {
                                     u"bad.csv:2:6: row 2, column \"End Year\": \"2020/2019\" is a reversed "
                                     "interval: it ends before it starts"_s
                                 };
    QTest::newRow("unclosed quote")
        << QByteArray("Year,Headline\n2020,x\n2021,\"y\n")
        << QStringList { u"bad.csv:3:6: the quoted field that starts here has no closing quote"_s };
    QTest::newRow("text after quote")
        << QByteArray("Year,Headline\n2020,\"x\"y\n")
        << QStringList { u"bad.csv:2:9: text after a closing quote: write a quote inside a "
                         "quoted field as \"\""_s };
    QTest::newRow("not utf-8") << QByteArray("Year,Headline\n2020,ok\n2021,caf\xe9\n")
                               << QStringList {
                                      u"bad.csv:3:1: the text is not UTF-8: save the CSV as UTF-8"_s
                                  };
    QTest::newRow("our csv, bad when")
        << QByteArray("title,when\nx,2019-13\n")
        << QStringList { u"bad.csv:2:3: row 2, column \"when\": \"2019-13\" is not a date: "
                         "there is no month 13"_s };
    const QStringList notATimeline {
        u"bad.csv:1:1: row 1: no Headline or title column: this CSV is not a timeline; a TimelineJS "
        "sheet has Year and Headline columns, a Sourceline CSV has when and title"_s
    };
    QTest::newRow("a spreadsheet that is no timeline") << QByteArray("a,b\n1,2\n") << notATimeline;
    QTest::newRow("with a byte-order mark") << QByteArray("\xef\xbb\xbf"
                                                          "a,b\n1,2\n")
                                            << notATimeline;
    QTest::newRow("a header alone") << QByteArray("name\n") << notATimeline;
    QTest::newRow("column twice") << QByteArray("Year,Headline,year\n2019,x,2020\n")
                                  << QStringList {
                                         u"bad.csv:1:15: row 1: the column \"year\" appears twice"_s
                                     };
}

void TestCsvTimelineReader::errorsNameLineRowAndColumn()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, errors);
    const TimelineLoader::Result result = TimelineLoader::loadData(csv, u"bad.csv"_s);
    QVERIFY(!result.ok());
    QCOMPARE(TestUtils::errorLines(result), errors);
}

void TestCsvTimelineReader::aTableNamedOtherwiseIsACsv_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    // Not named .csv: rows of the same fields are a CSV; other text is read as (bad) JSON.
    QTest::newRow("a table") << QByteArray("a,b,c\n1,2,3\n")
                             << u"sheet.txt:1:1: row 1: no Headline or title column"_s;
    QTest::newRow("a table with a quoted comma")
        << QByteArray("name,note\nAda,\"first, and last\"\n") << u"sheet.txt:1:1: row 1: no Headline"_s;
    QTest::newRow("prose with a comma")
        << QByteArray("Hello, world.\nIt rained.\n") << u"sheet.txt:1:1: malformed JSON"_s;
    QTest::newRow("one line") << QByteArray("a,b\n") << u"sheet.txt:1:1: malformed JSON"_s;
}

void TestCsvTimelineReader::aTableNamedOtherwiseIsACsv()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const TimelineLoader::Result result = TimelineLoader::loadData(data, u"sheet.txt"_s);
    QVERIFY(!result.ok());
    const QStringList errors = TestUtils::errorLines(result);
    QVERIFY2(!errors.isEmpty() && errors.front().startsWith(error), qPrintable(errors.join(u'\n')));
}

SOURCELINE_TEST_MAIN(TestCsvTimelineReader)
#include "tst_csvtimelinereader.moc"
