#include "csvparser.h"
#include "csvwriter.h"
#include "saveformat.h"
#include "testutils.h"
#include "timeline.h"
#include "timelinejswriter.h"
#include "timelineloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Writing timelines as CSV and TimelineJS JSON, and reading what was written back.
class TestTimelineExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void csvFieldsFollowRfc4180_data();
    void csvFieldsFollowRfc4180();
    void csvHasOneRowPerEvent();
    void csvTextIsNeverAFormula_data();
    void csvTextIsNeverAFormula();
    void csvFormulasReadBackAsWritten();
    void timelineJsHasWhatTimelineJsNeeds();
    void roundTrip_data();
    void roundTrip();
    void saveChoosesTheFormat();

private:
    std::shared_ptr<const Timeline> m_embedded;
};

namespace {

// A small timeline with what is hard to write: commas, quotes, line breaks, markup, vague dates.
const QByteArray tricky = R"({"format":"sourceline","version":1,"title":"Tricky, \"quoted\"",
"sources":[{"id":"s","title":"Note <1>","text":"A & B agreed. Then, \"later\", they split."}],
"actors":[{"id":"a","name":"A & Co","kind":"organization"},{"id":"b","name":"B","kind":"person"}],
"events":[
 {"id":"deal","title":"Deal, <b>signed</b>","when":"2019-07-22","actors":["a","b"],"summary":"Line one\nline two",
  "evidence":[{"source":"s","quote":"A & B agreed."}]},
 {"id":"split","title":"Split","when":"2023-01~/2024-10-31~","dateText":"later","actors":["b"],
  "evidence":[{"source":"s","quote":"\"later\""}],
  "references":[{"title":"Report","publisher":"Press","url":"https://example.org/r"}]},
 {"id":"year","title":"A year","when":"2021","kind":"report","actors":[],
  "references":[{"title":"Photo","url":"https://example.org/p.JPG?w=2"},
                {"title":"Bad","url":"javascript:alert(1);",
                 "date" : "2021"
}]
},
 {"id":"caesar","title":"Caesar dies","when":"-0043-03-15","actors":[]}],
"eras":[{"id":"e","title":"Together","when":"2019/2022-06"}]
})";

std::shared_ptr<const Timeline> loadTricky()
{
    const TimelineLoader::Result result = TimelineLoader::loadData(tricky, u"tricky.json"_s);
    if (!result.ok())
        qFatal("tricky.json: %s", qPrintable(result.errorText()));
    return result.timeline;
}

} // namespace

void TestTimelineExport::initTestCase()
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_embedded = result.timeline;
}

void TestTimelineExport::csvFieldsFollowRfc4180_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"plain"_s << u"plain"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a, b"_s << u"\"a, b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("line break") << u"one\ntwo"_s << u"\"one\ntwo\""_s;
    QTest::newRow("carriage return") << u"one\rtwo"_s << u"\"one\rtwo\""_s;
    QTest::newRow("edge space") << u" padded"_s << u"\" padded\""_s;
}

void TestTimelineExport::csvFieldsFollowRfc4180()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(CsvWriter::field(text), field);
}

// LibreOffice ran "=SUM(1,2)" in a title as a formula and showed 3: text that a spreadsheet
// would run gets an apostrophe, which it shows as text and our reader takes off again.
void TestTimelineExport::csvTextIsNeverAFormula_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"plain"_s << u"plain"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("equals") << u"=SUM(1,2)"_s << u"'=SUM(1,2)"_s;
    QTest::newRow("plus") << u"+1 point"_s << u"'+1 point"_s;
    QTest::newRow("minus") << u"-5% in a day"_s << u"'-5% in a day"_s;
    QTest::newRow("at") << u"@handle"_s << u"'@handle"_s;
    QTest::newRow("tab") << u"\tindented"_s << u"'\tindented"_s;
    QTest::newRow("apostrophe before equals") << u"'=x"_s << u"''=x"_s;
    QTest::newRow("apostrophe alone") << u"'quoted'"_s << u"'quoted'"_s;
    QTest::newRow("equals inside") << u"a = b"_s << u"a = b"_s;
}

void TestTimelineExport::csvTextIsNeverAFormula()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(CsvWriter::textField(text), field);
    QCOMPARE(CsvWriter::fromTextField(field), text);
}

void TestTimelineExport::csvFormulasReadBackAsWritten()
{
    const QByteArray json = R"json({"format":"sourceline","version":1,"title":"Formulas","sources":[],
"actors":[{"id":"a","name":"@home","kind":"person"},{"id":"b","name":"=B","kind":"person"}],
"events":[{"id":"-x","title":"=SUM(1,2)","when":"-0043-03-15","actors":["a","b"],"summary":"+1","kind":"=k"},
 {"id":"y","title":"'=kept","when":"2020","dateText":"-later","actors":["b"]}]
})json";
    const TimelineLoader::Result original = TimelineLoader::loadData(json, u"formulas.json"_s);
    QVERIFY2(original.ok(), qPrintable(original.errorText()));
    const QByteArray csv = CsvWriter::toCsv(*original.timeline);
    // No field starts a formula; the dates stay as they are.
    QVERIFY2(csv.contains("\r\n'-x,-0043-03-15,-0043-03-15,-0043-03-15,,\"'=SUM(1,2)\",'=k,'@home; =B,'+1,"),
             csv.constData());
    const TimelineLoader::Result back = TimelineLoader::loadData(csv, u"formulas.csv"_s);
    QVERIFY2(back.ok(), qPrintable(back.errorText()));
    const Timeline &t = *back.timeline;
    QCOMPARE(t.events.size(), std::size_t(2));
    const Event &sum = t.events.at(0);
    QCOMPARE(t.text(sum.id), u"-x"_s);
    QCOMPARE(t.text(sum.title), u"=SUM(1,2)"_s);
    QCOMPARE(t.text(sum.summary), u"+1"_s);
    QCOMPARE(t.kindOf(sum), u"=k"_s);
    QStringList actors;
    for (const std::int32_t actor : t.actorsOf(sum))
        actors.append(t.actors.at(actor).name());
    QCOMPARE(actors, (QStringList { u"@home"_s, u"=B"_s }));
    QCOMPARE(t.text(t.events.at(1).title), u"'=kept"_s);
    QCOMPARE(t.text(t.events.at(1).dateText), u"-later"_s);
}

void TestTimelineExport::csvHasOneRowPerEvent()
{
    const QByteArray csv = CsvWriter::toCsv(*loadTricky());
    QVERIFY(csv.startsWith("\xef\xbb\xbfid,start,end,when,dateText,title,kind,actors,summary,evidence\r\n"));
    QVERIFY(csv.endsWith("\r\n"));
    CsvParser parser(QByteArrayView(csv).sliced(3));
    CsvParser::Record record;
    QList<QStringList> rows;
    while (parser.next(&record))
        rows.append(record.fields);
    QVERIFY(!parser.hasError());
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[1],
             (QStringList { u"caesar"_s,
                            u"-0043-03-15"_s,
                            u"-0043-03-15"_s,
                            u"-0043-03-15"_s,
                            {},
                            u"Caesar dies"_s,
                            {},
                            {},
                            {},
                            {} }));
    rows.removeAt(1);
    QCOMPARE(rows[1],
             (QStringList { u"deal"_s,
                            u"2019-07-22"_s,
                            u"2019-07-22"_s,
                            u"2019-07-22"_s,
                            {},
                            u"Deal, <b>signed</b>"_s,
                            {},
                            u"A & Co; B"_s,
                            u"Line one\nline two"_s,
                            u"A & B agreed."_s }));
    QCOMPARE(rows[2],
             (QStringList { u"year"_s,
                            u"2021-01-01"_s,
                            u"2021-12-31"_s,
                            u"2021"_s,
                            {},
                            u"A year"_s,
                            u"report"_s,
                            {},
                            {},
                            {} }));
    QCOMPARE(rows[3].mid(0, 6),
             (QStringList { u"split"_s, u"2023-01-01"_s, u"2024-10-31"_s, u"2023-01~/2024-10-31~"_s,
                            u"later"_s, u"Split"_s }));
    QCOMPARE(rows[3][9], u"\"later\""_s);
}

void TestTimelineExport::timelineJsHasWhatTimelineJsNeeds()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(TimelineJsWriter::toJson(*loadTricky()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = document.object();
    QCOMPARE(root[u"title"_s][u"text"_s][u"headline"_s].toString(), u"Tricky, &quot;quoted&quot;"_s);
    const QJsonArray events = root[u"events"_s].toArray();
    QCOMPARE(events.size(), 4);
    // TimelineJS requires a start_date with a year as a number on every slide.
    for (const QJsonValue &slide : events)
        QVERIFY(slide[u"start_date"_s][u"year"_s].isDouble());
    // TimelineJS shows -44 as 44 BCE; EDTF's -0043 is that year.
    QCOMPARE(events[0][u"start_date"_s].toObject(),
             (QJsonObject { { u"year"_s, -44 }, { u"month"_s, 3 }, { u"day"_s, 15 } }));
    const QJsonObject deal = events[1].toObject();
    QCOMPARE(deal[u"start_date"_s].toObject(),
             (QJsonObject { { u"year"_s, 2019 }, { u"month"_s, 7 }, { u"day"_s, 22 } }));
    QVERIFY(!deal.contains(u"end_date"_s));
    QCOMPARE(deal[u"group"_s].toString(), u"A &amp; Co"_s);
    // Text from the timeline is escaped: TimelineJS renders these fields as HTML.
    QCOMPARE(deal[u"text"_s][u"headline"_s].toString(), u"Deal, &lt;b&gt;signed&lt;/b&gt;"_s);
    QCOMPARE(
        deal[u"text"_s][u"text"_s].toString(),
        u"<p>Line one<br>line two</p><blockquote>A &amp; B agreed.</blockquote><p>\u2014 Note &lt;1&gt;</p>"_s);
    const QJsonObject year = events[2].toObject();
    QCOMPARE(year[u"start_date"_s].toObject(), (QJsonObject { { u"year"_s, 2021 } }));
    // An image is the slide's media; a link that could run script stays text.
    QCOMPARE(
        year[u"media"_s].toObject(),
        (QJsonObject { { u"url"_s, u"https://example.org/p.JPG?w=2"_s }, { u"caption"_s, u"Photo"_s } }));
    QCOMPARE(year[u"text"_s][u"text"_s].toString(),
             u"<p><a href=\"https://example.org/p.JPG?w=2\">Photo</a></p><p>Bad, 2021</p>"_s);
    const QJsonObject split = events[3].toObject();
    QCOMPARE(split[u"start_date"_s].toObject(), (QJsonObject { { u"year"_s, 2023 }, { u"month"_s, 1 } }));
    QCOMPARE(split[u"end_date"_s].toObject(),
             (QJsonObject { { u"year"_s, 2024 }, { u"month"_s, 10 }, { u"day"_s, 31 } }));
    QCOMPARE(split[u"display_date"_s].toString(), u"later"_s);
    // TimelineJS draws a web page given as media as a broken image: the article is a link.
    QVERIFY(!split.contains(u"media"_s));
    QVERIFY2(split[u"text"_s][u"text"_s].toString().endsWith(
                 u"<p><a href=\"https://example.org/r\">Report</a> \u2014 Press</p>"_s),
             qPrintable(split[u"text"_s][u"text"_s].toString()));
    QCOMPARE(root[u"eras"_s].toArray().size(), 1);
    QCOMPARE(root[u"eras"_s][0][u"end_date"_s].toObject(),
             (QJsonObject { { u"year"_s, 2022 }, { u"month"_s, 6 } }));
}

void TestTimelineExport::roundTrip_data()
{
    QTest::addColumn<SaveFormat::Format>("format");
    QTest::addColumn<bool>("embedded");
    QTest::newRow("csv, embedded") << SaveFormat::Format::Csv << true;
    QTest::newRow("csv, tricky") << SaveFormat::Format::Csv << false;
    QTest::newRow("timelinejs, embedded") << SaveFormat::Format::TimelineJs << true;
    QTest::newRow("timelinejs, tricky") << SaveFormat::Format::TimelineJs << false;
}

// What is written reads back with the same titles, days and groups (first actors); CSV also
// keeps ids, the `when` as written, kinds and every actor.
void TestTimelineExport::roundTrip()
{
    QFETCH(SaveFormat::Format, format);
    QFETCH(bool, embedded);
    const std::shared_ptr<const Timeline> original = embedded ? m_embedded : loadTricky();
    const TimelineLoader::Result back =
        TimelineLoader::loadData(SaveFormat::bytes(*original, format), u"back"_s);
    QVERIFY2(back.ok(), qPrintable(back.errorText()));
    const Timeline &a = *original, &b = *back.timeline;
    QCOMPARE(b.events.size(), a.events.size());
    // Both are in date order; events on the same first day may swap, so match them by title.
    for (const Event &e : a.events) {
        const QString title = a.text(e.title);
        const auto found = std::find_if(b.events.cbegin(), b.events.cend(),
                                        [&](const Event &f) { return b.text(f.title) == title; });
        QVERIFY2(found != b.events.cend(), qPrintable(title));
        QCOMPARE(found->range.first, e.range.first);
        QCOMPARE(found->range.last, e.range.last);
        const auto actorsA = a.actorsOf(e), actorsB = b.actorsOf(*found);
        QCOMPARE(actorsB.empty(), actorsA.empty());
        if (!actorsA.empty())
            QCOMPARE(b.actors.at(actorsB.front()).name(), a.actors.at(actorsA.front()).name());
        if (format == SaveFormat::Format::Csv) {
            QCOMPARE(b.text(found->id), a.text(e.id));
            QCOMPARE(b.text(found->when), a.text(e.when));
            QCOMPARE(b.text(found->dateText), a.text(e.dateText));
            QCOMPARE(b.kindOf(*found), a.kindOf(e));
            QCOMPARE(actorsB.size(), actorsA.size());
        } else {
            QCOMPARE(b.text(found->id), a.text(e.id));
        }
    }
    if (format == SaveFormat::Format::TimelineJs) {
        QCOMPARE(b.title, a.title);
        QCOMPARE(b.eras.size(), a.eras.size());
        QCOMPARE(b.eras[0].range.first, a.eras[0].range.first);
        QCOMPARE(b.eras[0].range.last, a.eras[0].range.last);
    }
}

void TestTimelineExport::saveChoosesTheFormat()
{
    QCOMPARE(SaveFormat::fromFileName(u"x.csv"_s), SaveFormat::Format::Csv);
    QCOMPARE(SaveFormat::fromFileName(u"x.CSV"_s), SaveFormat::Format::Csv);
    QCOMPARE(SaveFormat::fromFileName(u"x.json"_s), SaveFormat::Format::Sourceline);
    QCOMPARE(SaveFormat::fromName(u"timelinejs"), SaveFormat::Format::TimelineJs);
    QCOMPARE(SaveFormat::fromName(u"TimelineJS"), std::nullopt);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out.csv"_s);
    QString error;
    QVERIFY2(SaveFormat::save(*m_embedded, SaveFormat::Format::Csv, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), CsvWriter::toCsv(*m_embedded));
    const QString missing = dir.filePath(u"no such folder/out.csv"_s);
    QVERIFY(!SaveFormat::save(*m_embedded, SaveFormat::Format::Csv, missing, &error));
    QVERIFY2(error.startsWith(missing + u": "_s), qPrintable(error));
}

SOURCELINE_TEST_MAIN(TestTimelineExport)
#include "tst_timelineexport.moc"
