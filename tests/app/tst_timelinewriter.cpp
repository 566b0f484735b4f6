#include "cli.h"
#include "testutils.h"
#include "timelinegenerator.h"
#include "timelineloader.h"
#include "timelinewriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const Timeline> load(const QByteArray &bytes, const QString &name)
{
    const TimelineLoader::Result result = TimelineLoader::loadData(bytes, name);
    if (!result.ok())
        qWarning().noquote() << result.errorText();
    return result.timeline;
}

QByteArray timelineWithTitle(const QByteArray &escapedTitle)
{
    return R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "actors":[{"id":"a","name":"A","kind":"person"}],
        "events":[{"id":"e","title":")"
        + escapedTitle + R"(","when":"2020-02","actors":["a"]}]})";
}

} // namespace

// TimelineWriter: what it writes loads back to the same timeline, in one canonical form.
class TestTimelineWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void canonicalForm();
    void escapes_data();
    void escapes();
    void saveWritesTheFileOrNothing();
    void aSaveThatFailsPartWayLeavesNothing();
};

void TestTimelineWriter::roundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QFile embedded(TimelineLoader::embeddedPath());
    QVERIFY(embedded.open(QIODevice::ReadOnly));
    QTest::newRow("embedded") << embedded.readAll();
    QFile doc(QStringLiteral(SOURCELINE_FORMAT_DOC));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray markdown = doc.readAll();
    const qsizetype start = markdown.indexOf("```json\n") + 8;
    QTest::newRow("format doc example") << markdown.sliced(start, markdown.indexOf("```", start) - start);
    static_assert(2000 < TimelineWriter::s_splitEvents && TimelineWriter::s_splitEvents <= 5000);
    QTest::newRow("generated, 2000 events") << TimelineGenerator::generate(2000);
    // Written on two threads, a block of events each in turn, handed over in order.
    QTest::newRow("generated, 5000 events, other seed") << TimelineGenerator::generate(5000, 42);
    // 5,000 short sources (1.4 MB of them), read on two threads, written and read again.
    QTest::newRow("generated, many sources")
        << TimelineGenerator::generate(20000, TimelineGenerator::Shape::ManySources);
}

void TestTimelineWriter::roundTrip()
{
    QFETCH(QByteArray, bytes);
    const auto original = load(bytes, u"original"_s);
    QVERIFY(original);
    const QByteArray written = TimelineWriter::toJson(*original);
    const auto reloaded = load(written, u"written"_s);
    QVERIFY(reloaded);
    QCOMPARE(Cli::dump(*reloaded), Cli::dump(*original));
    // Canonical: writing what was written changes nothing.
    QCOMPARE(TimelineWriter::toJson(*reloaded), written);
}

void TestTimelineWriter::canonicalForm()
{
    // Members in the documented order whatever the file's, optional ones only when set,
    // defaults left out, two-space indentation, one line for actors and each quote.
    const QByteArray messy = R"({"eras":[{"when":"2019/2020","title":"Era","id":"x"}],
        "kinds":[{"color":"#112233","id":"deal","label":"Deal"},{"id":"other","label":"Other things"}],
        "events":[{"actors":["b","a"],"when":"2019-07","title":"Second","id":"e2","kind":"deal",
                   "evidence":[{"quote":"said \"so\"","source":"s"}]},
                  {"when":"2019-01-05","id":"e1","title":"First","actors":["a"],"summary":"",
                   "references":[{"url":"https://example.org/","title":"Ref"}]}],
        "actors":[{"kind":"person","name":"Ann","id":"a","color":"#A0b0C0"},
                  {"id":"b","name":"Bob","kind":"person","aliases":["Robert"]}],
        "sources":[{"text":"She said \"so\".","title":"Note","id":"s","publisherConfirmed":true}],
        "title":"Messy","version":1,"format":"sourceline"})";
    const auto timeline = load(messy, u"messy"_s);
    QVERIFY(timeline);
    const QByteArray expected = R"({
  "format": "sourceline",
  "version": 1,
  "title": "Messy",
  "sources": [
    {
      "id": "s",
      "title": "Note",
      "text": "She said \"so\"."
    }
  ],
  "actors": [
    {
      "id": "a",
      "name": "Ann",
      "kind": "person",
      "color": "#a0b0c0"
    },
    {
      "id": "b",
      "name": "Bob",
      "kind": "person",
      "aliases": ["Robert"]
    }
  ],
  "events": [
    {
      "id": "e1",
      "title": "First",
      "when": "2019-01-05",
      "actors": ["a"],
      "references": [
        {
          "title": "Ref",
          "url": "https://example.org/"
        }
      ]
    },
    {
      "id": "e2",
      "title": "Second",
      "when": "2019-07",
      "kind": "deal",
      "actors": ["b", "a"],
      "evidence": [
        { "source": "s", "quote": "said \"so\"" }
      ]
    }
  ],
  "kinds": [
    { "id": "deal", "label": "Deal", "color": "#112233" },
    { "id": "other", "label": "Other things" }
  ],
  "eras": [
    {
      "id": "x",
      "title": "Era",
      "when": "2019/2020"
    }
  ]
}
)";
    QCOMPARE(TimelineWriter::toJson(*timeline), expected);
}

void TestTimelineWriter::escapes_data()
{
    QTest::addColumn<QByteArray>("escaped"); // as written in the input file
    QTest::addColumn<QString>("title"); // what it means
    QTest::addColumn<QByteArray>("written"); // how the writer writes it
    QTest::newRow("quote and backslash")
        << QByteArray(R"(a \"b\" c\\d)") << u"a \"b\" c\\d"_s << QByteArray(R"(a \"b\" c\\d)");
    QTest::newRow("named controls") << QByteArray(R"(1\n2\t3\r4\b5\f6)") << u"1\n2\t3\r4\b5\f6"_s
                                    << QByteArray(R"(1\n2\t3\r4\b5\f6)");
    QTest::newRow("other controls") << QByteArray(R"(\u0001x\u001F)") << u"\u0001x\u001f"_s
                                    << QByteArray(R"(\u0001x\u001f)");
    QTest::newRow("non-ASCII stays UTF-8")
        << QByteArray(R"(caf\u00e9 \u2019 \ud83d\ude00)") << u"café ’ 😀"_s << u"café ’ 😀"_s.toUtf8();
    QTest::newRow("solidus and DEL need nothing")
        << QByteArray("a/b\x7f") << u"a/b\u007f"_s << QByteArray("a/b\x7f");
}

void TestTimelineWriter::escapes()
{
    QFETCH(QByteArray, escaped);
    QFETCH(QString, title);
    QFETCH(QByteArray, written);
    const auto timeline = load(timelineWithTitle(escaped), u"escapes"_s);
    QVERIFY(timeline);
    QCOMPARE(timeline->text(timeline->events.front().title), title);
    const QByteArray bytes = TimelineWriter::toJson(*timeline);
    QVERIFY2(bytes.contains(QByteArray("\"title\": \"" + written + "\",\n")), bytes.constData());
    const auto reloaded = load(bytes, u"written"_s);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->text(reloaded->events.front().title), title);
}

void TestTimelineWriter::saveWritesTheFileOrNothing()
{
    const auto timeline = load(timelineWithTitle("New"), u"new"_s);
    QVERIFY(timeline);
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath(u"no such folder/out.json"_s);
    QVERIFY(!TimelineWriter::save(*timeline, missing, &error));
    QVERIFY2(error.startsWith(missing + u": "_s), qPrintable(error));
    QVERIFY(!QFile::exists(missing));

    const QString path = dir.filePath(u"out.json"_s);
    QVERIFY2(TimelineWriter::save(*timeline, path, &error), qPrintable(error));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), TimelineWriter::toJson(*timeline));

    // A list long enough to be written in parts is saved part after part: the same bytes.
    const auto large = load(TimelineGenerator::generate(5000, 7), u"large"_s);
    QVERIFY(large);
    const QString largePath = dir.filePath(u"large.json"_s);
    QVERIFY2(TimelineWriter::save(*large, largePath, &error), qPrintable(error));
    QFile largeWritten(largePath);
    QVERIFY(largeWritten.open(QIODevice::ReadOnly));
    const QByteArray bytes = largeWritten.readAll();
    QCOMPARE(bytes, TimelineWriter::toJson(*large));
    QVERIFY(load(bytes, largePath));
}

void TestTimelineWriter::aSaveThatFailsPartWayLeavesNothing()
{
#ifdef Q_OS_UNIX
    // A disk that fills up after the first blocks: the writing threads stop, the save says so,
    // and the file that was there is still there.
    const auto large = load(TimelineGenerator::generate(20000, 3), u"large"_s);
    QVERIFY(large);
    const QByteArray whole = TimelineWriter::toJson(*large);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.json"_s);
    {
        QFile before(path);
        QVERIFY(before.open(QIODevice::WriteOnly) && before.write("before") == 6);
    }
    rlimit old {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit limit = old;
    limit.rlim_cur = rlim_t(whole.size() / 3); // past the first blocks, well before the end
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails instead
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);
    QString error;
    const bool saved = TimelineWriter::save(*large, path, &error);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    QVERIFY(!saved);
    QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("before"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { u"out.json"_s });
#else
    QSKIP("needs a file size limit (RLIMIT_FSIZE)");
#endif
}

SOURCELINE_TEST_MAIN(TestTimelineWriter)
#include "tst_timelinewriter.moc"
