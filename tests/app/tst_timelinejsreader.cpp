#include "daterange.h"
#include "formatdetector.h"
#include "testutils.h"
#include "timeline.h"
#include "timelineloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

// TimelineJS JSON files, read through the loader's entry point as the app reads them.
class TestTimelineJsReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsTheFormatByContent_data();
    void detectsTheFormatByContent();
    void mapsSlidesToEvents();
    void dates_data();
    void dates();
    void htmlBecomesPlainText();
    void idsAreUniqueAndReadable();
    void errorsNameThePlace_data();
    void errorsNameThePlace();
    void readsDeepTime();
};

namespace {

TimelineLoader::Result load(const QByteArray &json)
{
    return TimelineLoader::loadData(json, u"tl.json"_s);
}

} // namespace

// A history of the universe in the form of TimelineJS's cosmology showcase: years of eleven
// digits beside a day in 44 BC and one in 1969, each event in its place and in date order.
void TestTimelineJsReader::readsDeepTime()
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(QStringLiteral(SOURCELINE_TEST_DATA "/cosmos.json"));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.events.size(), std::size_t(13));
    const auto yearOf = [&](const QString &title) -> qint64 {
        for (const Event &e : t.events) {
            if (t.text(e.title) == title)
                return DateRange::civilFromDay(e.range.first).year;
        }
        return 0;
    };
    QCOMPARE(yearOf(u"The Big Bang"_s), qint64(-13'799'999'999)); // TimelineJS's -13800000000
    QCOMPARE(yearOf(u"The Earth forms"_s), qint64(-4'539'999'999));
    QCOMPARE(yearOf(u"Julius Caesar is killed"_s), qint64(-43));
    QCOMPARE(yearOf(u"People walk on the Moon"_s), qint64(1969));
    QCOMPARE(t.text(t.events.front().title), u"The Big Bang"_s);
    QCOMPARE(t.text(t.events.back().title), u"People walk on the Moon"_s);
    for (std::size_t i = 1; i < t.events.size(); ++i)
        QVERIFY(t.events[i - 1].range.first <= t.events[i].range.first);
    QCOMPARE(t.events.front().range.toDisplayString(), u"13.8 billion years ago"_s);
    QCOMPARE(t.eras.front().range.toDisplayString(), u"13.8 billion years ago \u2013 4.6 billion years ago"_s);
}

void TestTimelineJsReader::detectsTheFormatByContent_data()
{
    using F = FormatDetector::Format;
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<F>("format");
    QTest::newRow("ours, format first")
        << QByteArray(R"({"format":"sourceline","version":1})") << F::Sourceline;
    QTest::newRow("ours, events first")
        << QByteArray(R"({"events":[{"id":"a","when":"2019"}],"format":"sourceline"})") << F::Sourceline;
    QTest::newRow("ours, title first") << QByteArray(R"({"title":"T","events":[]})") << F::Sourceline;
    QTest::newRow("timelinejs, events first")
        << QByteArray(R"({"events":[{"text":{"headline":"x"},"start_date":{"year":2019}}]})")
        << F::TimelineJs;
    QTest::newRow("timelinejs, title slide first")
        << QByteArray(R"({"title":{"text":{"headline":"x"}},"events":[]})") << F::TimelineJs;
    QTest::newRow("timelinejs with a byte order mark")
        << QByteArray("\xef\xbb\xbf  {\"events\":[{\"start_date\":{\"year\":1}}]}") << F::TimelineJs;
    QTest::newRow("timelinejs sheet csv") << QByteArray("Year,Month,Day,Headline\n2019,,,x\n") << F::Csv;
    QTest::newRow("old timelinejs sheet csv") << QByteArray("Start Date,End Date,Headline,Tag\n") << F::Csv;
    QTest::newRow("our csv") << QByteArray("id,start,end,when,dateText,title\n") << F::Csv;
    // A table that is no timeline is still a CSV, so that its reader says which columns it lacks.
    QTest::newRow("csv of something else") << QByteArray("name,age\nbob,3\n") << F::Csv;
    QTest::newRow("prose with a comma") << QByteArray("Hello, world.\nIt rained.\n") << F::Sourceline;
    QTest::newRow("empty") << QByteArray() << F::Sourceline;
    QTest::newRow("not json") << QByteArray("{oops") << F::Sourceline;
}

void TestTimelineJsReader::detectsTheFormatByContent()
{
    QFETCH(QByteArray, data);
    QFETCH(FormatDetector::Format, format);
    QCOMPARE(FormatDetector::detect(data), format);
}

void TestTimelineJsReader::mapsSlidesToEvents()
{
    const QByteArray json = R"({
  "title": {"text": {"headline": "The space race", "text": "<p>From Sputnik on.</p>"}},
  "events": [
    {"start_date": {"year": 1969, "month": 7, "day": 20}, "display_date": "July 1969",
     "text": {"headline": "Apollo 11", "text": "Men on the Moon."}, "group": "USA",
     "media": {"url": "https://example.org/apollo", "credit": "NASA", "caption": "The landing"}},
    {"start_date": {"year": "1957", "month": "10", "day": "4"},
     "text": {"headline": "Sputnik 1"}, "group": "USSR"},
    {"start_date": {"year": 1961, "month": 4}, "text": {"headline": "Vostok 1"}, "group": "USSR"}
  ],
  "eras": [{"start_date": {"year": 1955}, "end_date": {"year": 1975}, "text": {"headline": "Race"}}]
})";
    const TimelineLoader::Result result = load(json);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.title, u"The space race"_s);
    QCOMPARE(t.description, u"From Sputnik on."_s);
    QCOMPARE(t.events.size(), 3u);
    // Events come sorted by date.
    QCOMPARE(t.text(t.events[0].title), u"Sputnik 1"_s);
    QCOMPARE(t.text(t.events[1].title), u"Vostok 1"_s);
    QCOMPARE(t.text(t.events[1].when), u"1961-04"_s);
    const Event &apollo = t.events[2];
    QCOMPARE(t.text(apollo.title), u"Apollo 11"_s);
    QCOMPARE(t.text(apollo.when), u"1969-07-20"_s);
    QCOMPARE(t.text(apollo.dateText), u"July 1969"_s);
    QCOMPARE(t.text(apollo.summary), u"Men on the Moon."_s);
    QCOMPARE(t.actorsOf(apollo).size(), 1u);
    QCOMPARE(t.actors.at(t.actorsOf(apollo)[0]).name(), u"USA"_s);
    QCOMPARE(t.referencesOf(apollo).size(), 1u);
    const Reference &media = t.referencesOf(apollo)[0];
    QCOMPARE(t.text(media.url), u"https://example.org/apollo"_s);
    QCOMPARE(t.text(media.title), u"The landing"_s);
    QCOMPARE(t.text(media.publisher), u"NASA"_s);
    // Groups become actors, one per distinct name.
    QCOMPARE(t.actors.size(), 2);
    QCOMPARE(t.actorsOf(t.events[0]).size(), 1u);
    QCOMPARE(t.actorsOf(t.events[0])[0], t.actorsOf(t.events[1])[0]);
    QCOMPARE(t.eras.size(), 1);
    QCOMPARE(t.eras[0].title, u"Race"_s);
    QCOMPARE(t.eras[0].when, u"1955/1975"_s);
}

void TestTimelineJsReader::dates_data()
{
    QTest::addColumn<QByteArray>("slide");
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("year") << QByteArray(R"("start_date":{"year":2019})") << u"2019"_s << u"2019-01-01"_s
                          << u"2019-12-31"_s;
    QTest::newRow("month") << QByteArray(R"("start_date":{"year":2024,"month":2})") << u"2024-02"_s
                           << u"2024-02-01"_s << u"2024-02-29"_s;
    QTest::newRow("day, parts as strings")
        << QByteArray(R"("start_date":{"year":"2022","month":"11","day":"30"})") << u"2022-11-30"_s
        << u"2022-11-30"_s << u"2022-11-30"_s;
    QTest::newRow("time of day is dropped")
        << QByteArray(R"("start_date":{"year":2022,"month":11,"day":30,"hour":9,"minute":15})")
        << u"2022-11-30"_s << u"2022-11-30"_s << u"2022-11-30"_s;
    QTest::newRow("interval") << QByteArray(
        R"("start_date":{"year":2019,"month":7},"end_date":{"year":2020})")
                              << u"2019-07/2020"_s << u"2019-07-01"_s << u"2020-12-31"_s;
    QTest::newRow("end equal to start")
        << QByteArray(R"("start_date":{"year":2019},"end_date":{"year":2019})") << u"2019"_s
        << u"2019-01-01"_s << u"2019-12-31"_s;
    // TimelineJS's -44 is 44 BC, which EDTF writes -0043 (year 0 is 1 BC).
    QTest::newRow("44 BC") << QByteArray(R"("start_date":{"year":-44,"month":3,"day":15})")
                           << u"-0043-03-15"_s << u"-0043-03-15"_s << u"-0043-03-15"_s;
    QTest::newRow("long ago, years only")
        << QByteArray(R"("start_date":{"year":-50000,"month":2},"end_date":{"year":-40000})")
        << u"Y-49999/Y-39999"_s << u"-49999-01-01"_s << u"-39999-12-31"_s;
    QTest::newRow("far future") << QByteArray(R"("start_date":{"year":12000})") << u"Y12000"_s
                                << u"12000-01-01"_s << u"12000-12-31"_s;
    // Deep time, as TimelineJS's own "cosmology" showcase writes it.
    QTest::newRow("the Big Bang") << QByteArray(R"("start_date":{"year":-13800000000})") << u"Y-13799999999"_s
                                  << u"-13799999999-01-01"_s << u"-13799999999-12-31"_s;
    QTest::newRow("deep time as strings, to a year")
        << QByteArray(R"("start_date":{"year":"-4540000000"},"end_date":{"year":"-3800000000"})")
        << u"Y-4539999999/Y-3799999999"_s << u"-4539999999-01-01"_s << u"-3799999999-12-31"_s;
    QTest::newRow("the far future") << QByteArray(R"("start_date":{"year":170000002})") << u"Y170000002"_s
                                    << u"170000002-01-01"_s << u"170000002-12-31"_s;
    QTest::newRow("small year") << QByteArray(R"("start_date":{"year":33})") << u"0033"_s << u"0033-01-01"_s
                                << u"0033-12-31"_s;
}

void TestTimelineJsReader::dates()
{
    QFETCH(QByteArray, slide);
    QFETCH(QString, when);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const TimelineLoader::Result result = load(R"({"events":[{"text":{"headline":"x"},)" + slide + "}]}");
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.text(t.events[0].when), when);
    QCOMPARE(DateRange::isoDay(t.events[0].range.first), first);
    QCOMPARE(DateRange::isoDay(t.events[0].range.last), last);
}

void TestTimelineJsReader::htmlBecomesPlainText()
{
    const TimelineLoader::Result result = load(R"({"events":[{"start_date":{"year":2019},
        "text":{"headline":"<b>Bold</b> &amp; <i>new</i>",
                "text":"<p>One&nbsp;<a href=\"https://x.org\">link</a>.</p><script>alert(1)</script><p>Two &lt;three&gt; &#8211; &#x2014;</p>"}}]})");
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.text(t.events[0].title), u"Bold & new"_s);
    QCOMPARE(t.text(t.events[0].summary), u"One\u00a0link.\n\nTwo <three> \u2013 \u2014"_s);
}

void TestTimelineJsReader::idsAreUniqueAndReadable()
{
    const TimelineLoader::Result result = load(R"({"events":[
        {"start_date":{"year":2019},"text":{"headline":"Big news!"}},
        {"start_date":{"year":2020},"text":{"headline":"Big news"}},
        {"start_date":{"year":2021},"text":{"headline":"Other"},"unique_id":"mine"},
        {"start_date":{"year":2022},"text":{"text":"<p>No headline here.</p>"}}]})");
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.text(t.events[0].id), u"big-news"_s);
    QCOMPARE(t.text(t.events[1].id), u"big-news-2"_s);
    QCOMPARE(t.text(t.events[2].id), u"mine"_s);
    // Every event is named on the chart, even a slide without a headline.
    QCOMPARE(t.text(t.events[3].title), u"No headline here."_s);
}

void TestTimelineJsReader::errorsNameThePlace_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("malformed")
        << QByteArray("{\"events\": [\n  {\"start_date\": {\"year\": 2019} \"text\": {}}]}")
        << QStringList { u"tl.json:2:33: malformed JSON: missing ',' between two members of an object"_s };
    QTest::newRow("no events") << QByteArray(R"({"title":{"text":{"headline":"x"}}})")
                               << QStringList {
                                      u"tl.json: events: a TimelineJS file needs an \"events\" array"_s
                                  };
    QTest::newRow("year past what we read")
        << QByteArray(R"({"events":[{"start_date":{"year":-2000000000000}}]})")
        << QStringList { u"tl.json: events[0].start_date: year -2000000000000 is outside the years Sourceline "
                         "reads, 1 trillion years ago to 999,999,999,999"_s };
    QTest::newRow("no such day")
        << QByteArray(R"({"events":[{"start_date":{"year":2023,"month":2,"day":29}}]})")
        << QStringList { u"tl.json: events[0].start_date: \"2023-02-29\" is not a date: "
                         "February 2023 has 28 days"_s };
    QTest::newRow("month 13") << QByteArray(R"({"events":[{"start_date":{"year":2023,"month":13}}]})")
                              << QStringList {
                                     u"tl.json: events[0].start_date.month: there is no month 13"_s
                                 };
    QTest::newRow("reversed")
        << QByteArray(R"({"events":[{},{"start_date":{"year":2023},"end_date":{"year":2020}}]})")
        << QStringList { u"tl.json: events[0].start_date: a slide needs a start_date"_s,
                         u"tl.json: events[1].end_date: \"2023/2020\" is a reversed interval: "
                         "it ends before it starts"_s };
    QTest::newRow("year not a number")
        << QByteArray(R"({"events":[{"start_date":{"year":"soon"}}]})")
        << QStringList { u"tl.json: events[0].start_date.year: \"soon\" is not a whole number"_s };
    QTest::newRow("year a fraction")
        << QByteArray(R"({"events":[{"start_date":{"year":2019.5}}]})")
        << QStringList { u"tl.json: events[0].start_date.year: 2019.5 is not a whole number"_s };
    QTest::newRow("wrong types")
        << QByteArray(R"({"events":[{"start_date":{"year":2019},"text":"x","group":[1]}],"eras":{}})")
        << QStringList { u"tl.json: events[0].text: expected an object, found a string"_s,
                         u"tl.json: events[0].group: expected a string, found an array"_s,
                         u"tl.json: eras: expected an array, found an object"_s };
    QTest::newRow("era without end")
        << QByteArray(R"({"title":{"text":{}},"events":[],"eras":[{"start_date":{"year":2019}}]})")
        << QStringList { u"tl.json: eras[0].end_date: an era needs an end_date"_s };
    QTest::newRow("not an object")
        << QByteArray(R"({"events":[3,{"start_date":{"year":2019}}]})")
        << QStringList { u"tl.json: events[0]: expected an object (a slide), found a number"_s };
}

void TestTimelineJsReader::errorsNameThePlace()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, errors);
    const TimelineLoader::Result result = load(json);
    QVERIFY(!result.ok());
    QCOMPARE(TestUtils::errorLines(result), errors);
}

SOURCELINE_TEST_MAIN(TestTimelineJsReader)
#include "tst_timelinejsreader.moc"
