#include "cli.h"
#include "sentencesplitter.h"
#include "testutils.h"
#include "timelineloader.h"
#include "translations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = TestUtils::ProgramRun;

// Runs the built `sourceline` with `arguments`; standard output goes to `outputFile` if given.
Run sourceline(const QStringList &arguments, const QString &outputFile = {})
{
    return TestUtils::runWithoutDisplay(QString::fromUtf8(SOURCELINE_BINARY), arguments, outputFile);
}

const QString embeddedSummary =
    u"(embedded) openai-microsoft.json: \"OpenAI and Microsoft, 2019–2025\": 16 events, "
    "12 actors, 1 source (24 sentences), 1 era, 2019-01-01 to 2025-01-22\n"_s;

const QByteArray tinyFile = R"({"format":"sourceline","version":1,"title":"Tiny","sources":[],
    "actors":[{"id":"a","name":"A","kind":"person"}],
    "events":[{"id":"e","title":"E","when":"2020-02","actors":["a"]}]})";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

// The `sourceline` command line, run as a user would run it, and Cli's output functions.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void summaryOfTheEmbeddedTimeline_data();
    void summaryOfTheEmbeddedTimeline();
    void usageErrors_data();
    void usageErrors();
    void checkWithDump();
    void windowWithoutADisplay();
    void helpAndVersion();
    void validFile();
    void invalidFile();
    void saveAs();
    void saveAsOtherFormats();
    void unreadableFiles();
    void dump();
    void dumpMatchesTheSentences();
    void failedOutput_data();
    void failedOutput();
    void summaryEscapesControlCharacters();
    void controlCharactersNeverReachTheTerminal();
    void dumpEscapesWhatATerminalWouldObey();
    void everyClassOfBadInput_data();
    void everyClassOfBadInput();
    void oddButValidInputLoads_data();
    void oddButValidInputLoads();

private:
    std::shared_ptr<const Timeline> m_embedded;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QString::fromUtf8(SOURCELINE_BINARY)), SOURCELINE_BINARY);
    // As the binary does: the English catalogue says "1 source" and "24 sentences".
    QVERIFY(Translations::install(QCoreApplication::instance()));
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_embedded = result.timeline;
}

void TestCli::windowWithoutADisplay()
{
    // No options means the window; with nowhere to show it, say so and point to --export.
    const Run run = sourceline({});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains("no display") && run.err.contains("--export"), run.err.constData());
}

void TestCli::summaryOfTheEmbeddedTimeline_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--check") << QStringList { u"--check"_s };
}

void TestCli::summaryOfTheEmbeddedTimeline()
{
    QFETCH(QStringList, arguments);
    const Run run = sourceline(arguments);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), embeddedSummary);
    // The same line as Cli::summary gives in process.
    QCOMPARE(Cli::summary(*m_embedded, u"(embedded) openai-microsoft.json"_s) + u'\n', embeddedSummary);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown option") << QStringList { u"--frobnicate"_s } << u"Unknown option 'frobnicate'."_s;
    QTest::newRow("unknown short option") << QStringList { u"-x"_s } << u"Unknown option 'x'."_s;
    QTest::newRow("two files") << QStringList { u"a.json"_s, u"b.json"_s }
                               << u"expected at most one FILE, got 2"_s;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = sourceline(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(QString::fromUtf8(run.err),
             u"sourceline: "_s + message + u"\nTry 'sourceline --help' for more information.\n"_s);
}

void TestCli::checkWithDump()
{
    // Only one output mode at a time. (The wording is left open: the list of modes will grow.)
    const Run run = sourceline({ u"--check"_s, u"--dump"_s });
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.startsWith(u"sourceline: "_s) && err.contains(u"--check"_s) && err.contains(u"--dump"_s),
             qPrintable(err));
    QVERIFY(err.endsWith(u"\nTry 'sourceline --help' for more information.\n"_s));
}

void TestCli::helpAndVersion()
{
    for (const QString &option : { u"--help"_s, u"-h"_s, u"--help-all"_s }) {
        const Run run = sourceline({ option });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        const QString help = QString::fromUtf8(run.out);
        QVERIFY2(help.startsWith(u"Usage: "_s), qPrintable(help));
        for (const QString &word : { u"--check"_s, u"--dump"_s, u"--help"_s, u"--version"_s, u"FILE"_s })
            QVERIFY2(help.contains(word), qPrintable(word));
        // Each option is described: the text is given after the parser that read the arguments.
        static const QRegularExpression described(u"\\n  --check +Validate the timeline"_s);
        QVERIFY2(described.match(help).hasMatch(), qPrintable(help));
        static const QRegularExpression scale(u"\\n  --scale <F> +Scale of the exported"_s);
        QVERIFY2(scale.match(help).hasMatch(), qPrintable(help));
        QVERIFY2(help.contains(u"Sourceline shows dated events on a timeline"_s), qPrintable(help));
    }
    for (const QString &option : { u"--version"_s, u"-v"_s }) {
        const Run run = sourceline({ option });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(run.out, "sourceline " SOURCELINE_EXPECTED_VERSION "\n");
    }
}

void TestCli::validFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, u"tiny.json"_s, tinyFile);

    Run run = sourceline({ u"--check"_s, path });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(
        QString::fromUtf8(run.out),
        path
            + u": \"Tiny\": 1 event, 1 actor, 0 sources (0 sentences), 0 eras, 2020-02-01 to 2020-02-29\n"_s);

    run = sourceline({ path, u"--dump"_s }); // options may follow the file
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(root[u"title"_s].toString(), u"Tiny"_s);
    QCOMPARE(root[u"events"_s][0][u"start"_s].toString(), u"2020-02-01"_s);
    QCOMPARE(root[u"events"_s][0][u"end"_s].toString(), u"2020-02-29"_s);
    QCOMPARE(root[u"events"_s][0][u"precision"_s].toString(), u"month"_s);
}

void TestCli::invalidFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray broken = tinyFile;
    broken.replace("\"2020-02\"", "\"2022-02-30\"").replace("[\"a\"]", "[\"open-ai\"]");
    const QString path = writeFile(dir, u"bad.json"_s, broken);
    const QString expected = path
        + u":3:44: events[0].when (event \"e\"): \"2022-02-30\" is not a date: February 2022 "
          "has 28 days\n"_s
        + path + u":3:67: events[0].actors[0] (event \"e\"): unknown actor \"open-ai\"\n"_s;

    for (const QStringList &arguments :
         { QStringList { u"--check"_s, path }, QStringList { u"--dump"_s, path } }) {
        const Run run = sourceline(arguments);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(QString::fromUtf8(run.err), expected);
    }
}

void TestCli::saveAs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(u"saved.json"_s);
    Run run = sourceline({ u"--save-as"_s, out });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), u"sourceline: wrote "_s + out + u'\n');
    const Run original = sourceline({ u"--dump"_s });
    const Run saved = sourceline({ u"--dump"_s, out });
    QCOMPARE(saved.exitCode, 0);
    QCOMPARE(saved.out, original.out);

    // A file that does not load writes nothing; --save-as is a mode of its own.
    QByteArray broken = tinyFile;
    const QString bad = writeFile(dir, u"bad.json"_s, broken.replace("\"2020-02\"", "\"2020-13\""));
    const QString notWritten = dir.filePath(u"not-written.json"_s);
    run = sourceline({ u"--save-as"_s, notWritten, bad });
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.startsWith(QByteArray(bad.toUtf8() + ':')));
    QVERIFY(!QFile::exists(notWritten));
    run = sourceline({ u"--save-as"_s, notWritten, u"--dump"_s });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(notWritten));
    run = sourceline({ u"--save-as"_s, dir.filePath(u"no folder/x.json"_s) });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(
        run.err.startsWith(QByteArray("sourceline: " + dir.filePath(u"no folder/x.json"_s).toUtf8() + ": ")),
        run.err.constData());
}

// --save-as writes CSV for a .csv name and TimelineJS when asked, and both read back.
void TestCli::saveAsOtherFormats()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csv = dir.filePath(u"events.csv"_s);
    Run run = sourceline({ u"--save-as"_s, csv });
    QCOMPARE(run.exitCode, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith(
        "\xef\xbb\xbfid,start,end,when,dateText,title,kind,actors,summary,evidence\r\n"));
    run = sourceline({ u"--check"_s, csv });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(": 16 events, 12 actors"), run.out.constData());

    const QString timelineJs = dir.filePath(u"timelinejs.json"_s);
    run = sourceline({ u"--save-as"_s, timelineJs, u"--to"_s, u"timelinejs"_s });
    QCOMPARE(run.exitCode, 0);
    run = sourceline({ u"--check"_s, timelineJs });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(": \"OpenAI and Microsoft, 2019\u2013"
                              "2025\": 16 events"),
             run.out.constData());
    run = sourceline({ u"--export"_s, dir.filePath(u"tl.png"_s), u"--size"_s, u"400x300"_s, timelineJs });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QFile::exists(dir.filePath(u"tl.png"_s)));

    // --to names a format, and only goes with --save-as.
    run = sourceline({ u"--save-as"_s, dir.filePath(u"x.json"_s), u"--to"_s, u"html"_s });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("sourceline: --to must be one of timelinejs, csv, sourceline, not \"html\""),
             run.err.constData());
    run = sourceline({ u"--to"_s, u"csv"_s });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(dir.filePath(u"x.json"_s)));
}

void TestCli::unreadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(u"missing.json"_s);
    Run run = sourceline({ u"--check"_s, missing });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(QString::fromUtf8(run.err), missing + u": cannot open: No such file or directory\n"_s);

    run = sourceline({ u"--check"_s, dir.path() });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(QString::fromUtf8(run.err), dir.path() + u": is a folder, not a timeline file\n"_s);

    const QString notJson = writeFile(dir, u"notes.txt"_s, "Just some notes.\n");
    run = sourceline({ u"--dump"_s, notJson });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(QString::fromUtf8(run.err), notJson + u":1:1: malformed JSON: expected a value, found 'J'\n"_s);
}

void TestCli::dump()
{
    const Run run = sourceline({ u"--dump"_s });
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = document.object();
    QCOMPARE(root[u"title"_s].toString(), u"OpenAI and Microsoft, 2019–2025"_s);

    const QJsonArray events = root[u"events"_s].toArray();
    QCOMPARE(events.size(), 16);
    QStringList ids;
    QString previousStart;
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        ids.append(event[u"id"_s].toString());
        byId.insert(ids.last(), event);
        QVERIFY(event[u"start"_s].toString() >= previousStart); // ISO dates sort as text
        previousStart = event[u"start"_s].toString();
        for (const char *key : { "title", "when", "end", "precision", "dateText", "kind", "summary" })
            QVERIFY2(event[QLatin1StringView(key)].isString(), key);
        for (const char *key : { "approximate", "uncertain" })
            QVERIFY2(event[QLatin1StringView(key)].isBool(), key);
        for (const char *key : { "actors", "evidence", "references" })
            QVERIFY2(event[QLatin1StringView(key)].isArray(), key);
    }
    ids.sort();
    QStringList expectedIds {
        u"msft-invests-1b"_s,
        u"exclusivity-agi-clause"_s,
        u"chatgpt-release"_s,
        u"compute-delays"_s,
        u"chatgpt-enterprise"_s,
        u"staff-friction"_s,
        u"suleyman-hired"_s,
        u"mai-1-reported"_s,
        u"altman-agi-within-reach"_s,
        u"coreai-parikh"_s,
        u"stargate"_s,
        u"cloud-diversification"_s,
        u"benioff-davos"_s,
        u"msft-extends-2023"_s,
        u"altman-fired"_s,
        u"altman-returns"_s,
    };
    expectedIds.sort();
    QCOMPARE(ids, expectedIds);

    // Spot checks against the reference table.
    const auto sentencesOf = [](const QJsonObject &event) {
        QList<int> sentences;
        for (const QJsonValue &evidence : event[u"evidence"_s].toArray())
            sentences.append(evidence[u"sentence"_s].toInt());
        return sentences;
    };
    const auto actorsOf = [](const QJsonObject &event) {
        QStringList actors;
        for (const QJsonValue &actor : event[u"actors"_s].toArray())
            actors.append(actor.toString());
        return actors;
    };

    const QJsonObject chatgpt = byId[u"chatgpt-release"_s];
    QCOMPARE(chatgpt[u"when"_s].toString(), u"2022-11-30"_s);
    QCOMPARE(chatgpt[u"start"_s].toString(), u"2022-11-30"_s);
    QCOMPARE(chatgpt[u"end"_s].toString(), u"2022-11-30"_s);
    QCOMPARE(chatgpt[u"precision"_s].toString(), u"day"_s);
    QCOMPARE(chatgpt[u"dateText"_s].toString(), u"late 2022"_s);
    QCOMPARE(chatgpt[u"kind"_s].toString(), u"product"_s);
    QCOMPARE(actorsOf(chatgpt), QStringList { u"openai"_s });
    QCOMPARE(sentencesOf(chatgpt), QList<int> { 10 });
    const QJsonObject chatgptEvidence = chatgpt[u"evidence"_s][0].toObject();
    QCOMPARE(chatgptEvidence[u"source"_s].toString(), u"article"_s);
    QCOMPARE(chatgptEvidence[u"quote"_s].toString(), u"The release of ChatGPT in late 2022"_s);
    QVERIFY(chatgptEvidence[u"text"_s].toString().startsWith(
        u"The release of ChatGPT in late 2022 and subsequent"_s));
    QCOMPARE(chatgpt[u"references"_s][0][u"url"_s].toString(), u"https://openai.com/index/chatgpt/"_s);

    const QJsonObject delays = byId[u"compute-delays"_s];
    QCOMPARE(delays[u"start"_s].toString(), u"2023-01-01"_s);
    QCOMPARE(delays[u"end"_s].toString(), u"2024-10-31"_s);
    QCOMPARE(delays[u"precision"_s].toString(), u"interval"_s);
    QCOMPARE(delays[u"approximate"_s].toBool(), true);
    QCOMPARE(delays[u"uncertain"_s].toBool(), false);
    QCOMPARE(actorsOf(delays), (QStringList { u"openai"_s, u"microsoft"_s }));
    QCOMPARE(sentencesOf(delays), QList<int> { 10 });

    const QJsonObject clause = byId[u"exclusivity-agi-clause"_s];
    QCOMPARE(clause[u"start"_s].toString(), u"2019-01-01"_s);
    QCOMPARE(clause[u"end"_s].toString(), u"2019-12-31"_s);
    QCOMPARE(clause[u"precision"_s].toString(), u"year"_s);
    QCOMPARE(sentencesOf(clause), QList<int> { 11 });

    const QJsonObject invests = byId[u"msft-invests-1b"_s];
    QCOMPARE(invests[u"dateText"_s].toString(), u"Since 2019"_s);
    QCOMPARE(sentencesOf(invests), QList<int> { 9 });
    QVERIFY(invests[u"evidence"_s][0][u"text"_s].toString().startsWith(
        u"Since 2019, when Microsoft invested $1 billion"_s));

    QCOMPARE(sentencesOf(byId[u"staff-friction"_s]), (QList<int> { 17, 19, 20 }));
    QCOMPARE(sentencesOf(byId[u"suleyman-hired"_s]), (QList<int> { 14, 15, 16 }));
    QCOMPARE(sentencesOf(byId[u"cloud-diversification"_s]), (QList<int> { 4, 5, 6 }));
    QCOMPARE(sentencesOf(byId[u"benioff-davos"_s]), (QList<int> { 1, 2, 3, 22 }));
    QCOMPARE(byId[u"coreai-parikh"_s][u"start"_s].toString(), u"2025-01-13"_s);
    QCOMPARE(actorsOf(byId[u"coreai-parikh"_s]), (QStringList { u"microsoft"_s, u"jay-parikh"_s }));
    const QJsonObject fired = byId[u"altman-fired"_s];
    QCOMPARE(fired[u"start"_s].toString(), u"2023-11-17"_s);
    QVERIFY(fired[u"evidence"_s].toArray().isEmpty());
    QVERIFY(!fired[u"references"_s].toArray().isEmpty());

    // Actors with their counts, the source, the era.
    const QJsonArray actors = root[u"actors"_s].toArray();
    QCOMPARE(actors.size(), 12);
    QCOMPARE(actors[0][u"id"_s].toString(), u"openai"_s);
    QCOMPARE(actors[0][u"name"_s].toString(), u"OpenAI"_s);
    QCOMPARE(actors[0][u"kind"_s].toString(), u"organization"_s);
    QCOMPARE(actors[0][u"events"_s].toInt(), 13);
    QCOMPARE(actors[1][u"events"_s].toInt(), 10);
    const QJsonArray sources = root[u"sources"_s].toArray();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources[0][u"id"_s].toString(), u"article"_s);
    QCOMPARE(sources[0][u"sentences"_s].toInt(), 24);
    QCOMPARE(sources[0][u"publisher"_s].toString(), u"TechCrunch"_s);
    QCOMPARE(sources[0][u"publisherConfirmed"_s].toBool(true), false);
    const QJsonArray eras = root[u"eras"_s].toArray();
    QCOMPARE(eras.size(), 1);
    QCOMPARE(eras[0][u"start"_s].toString(), u"2019-07-22"_s);
    QCOMPARE(eras[0][u"end"_s].toString(), u"2025-01-21"_s);
}

void TestCli::dumpMatchesTheSentences()
{
    // Every evidence entry's text is the whole sentence the splitter finds, and holds the quote.
    const Run run = sourceline({ u"--dump"_s });
    QCOMPARE(run.exitCode, 0);
    const QString article = m_embedded->sources.first().text();
    const QList<Sentence> sentences = SentenceSplitter::split(article);
    QCOMPARE(sentences.size(), 24);
    int entries = 0;
    for (const QJsonValue &event : QJsonDocument::fromJson(run.out)[u"events"_s].toArray()) {
        for (const QJsonValue &evidence : event[u"evidence"_s].toArray()) {
            const int sentence = evidence[u"sentence"_s].toInt(-1);
            QVERIFY(sentence >= 0 && sentence < sentences.size());
            const QString text = evidence[u"text"_s].toString();
            QCOMPARE(text, article.sliced(sentences[sentence].start, sentences[sentence].length()));
            QVERIFY(text.contains(evidence[u"quote"_s].toString()));
            ++entries;
        }
    }
    QCOMPARE(entries, 24);
}

void TestCli::failedOutput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--dump") << QStringList { u"--dump"_s };
    QTest::newRow("--check") << QStringList { u"--check"_s };
    QTest::newRow("--help") << QStringList { u"--help"_s };
    QTest::newRow("--version") << QStringList { u"--version"_s };
}

void TestCli::failedOutput()
{
    // A full disk must not pass for success: exit code 1 is "invalid input or failed output".
    if (!QFile::exists(u"/dev/full"_s))
        QSKIP("this system has no /dev/full");
    QFETCH(QStringList, arguments);
    const Run run = sourceline(arguments, u"/dev/full"_s);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, "sourceline: cannot write to standard output\n");
}

void TestCli::summaryEscapesControlCharacters()
{
    const TimelineLoader::Result result = TimelineLoader::loadData(
        R"({"format":"sourceline","version":1,"title":"Evil \u001b[31mred\u001b[0m\nsecond line\u0007",
            "sources":[],"actors":[],"events":[]})",
        u"evil.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.timeline->title.contains(QChar(0x1b)));

    const QString summary = Cli::summary(*result.timeline, u"name\u001b]0;pwned\u0007.json"_s);
    QVERIFY(!summary.contains(QChar(0x1b)));
    QVERIFY(!summary.contains(QChar(0x07)));
    QVERIFY(!summary.contains(u'\n'));
    QCOMPARE(summary,
             u"name\\u001b]0;pwned\\u0007.json: \"Evil \\u001b[31mred\\u001b[0m\\nsecond line\\u0007\": "
             "0 events, 0 actors, 0 sources (0 sentences), 0 eras"_s);
}

void TestCli::controlCharactersNeverReachTheTerminal()
{
    // The same through the binary, for the summary and for error messages.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray evil = tinyFile;
    evil.replace("\"Tiny\"", "\"\\u001b[2J\\u001b]0;title\\u0007\"");
    const QString good = writeFile(dir, u"evil.json"_s, evil);
    Run run = sourceline({ u"--check"_s, good });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains('\x1b'));
    QVERIFY(!run.out.contains('\x07'));

    evil.replace("\"e\"", "\"e\\u001b[31m\"").replace("2020-02", "2020-02\\u001b[0m");
    const QString bad = writeFile(dir, u"evil-bad.json"_s, evil);
    run = sourceline({ u"--check"_s, bad });
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.err.isEmpty());
    QVERIFY(!run.err.contains('\x1b'));
    QVERIFY(run.err.contains("(event \"e\\u001b[31m\")"));
}

void TestCli::dumpEscapesWhatATerminalWouldObey()
{
    QTemporaryDir dir;
    QByteArray evil = tinyFile;
    // U+009B is CSI to a terminal that honours C1 controls; U+202E reverses the line.
    evil.replace("\"Tiny\"", "\"a\u009b2Jb\u202ec\"");
    const Run run = sourceline({ u"--dump"_s, writeFile(dir, u"c1.json"_s, evil) });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains("\xc2\x9b"));
    QVERIFY(!run.out.contains("\xe2\x80\xae"));
    QVERIFY2(run.out.contains(R"("title": "a\u009b2Jb\u202ec")"), run.out.constData());
    // Still JSON, still the same text.
    QCOMPARE(QJsonDocument::fromJson(run.out)[u"title"_s].toString(), u"a\u009b2Jb\u202ec"_s);
}

void TestCli::everyClassOfBadInput_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("place"); // what the message must point at, after the file name
    QTest::addColumn<QString>("problem");

    const QByteArray tiny = tinyFile;
    QTest::newRow("empty file") << QByteArray() << u":1:1: "_s << u"the file is empty"_s;
    QTest::newRow("not JSON") << QByteArray("Hello, world") << u":1:1: "_s << u"malformed JSON"_s;
    QTest::newRow("truncated") << tiny.left(tiny.size() - 20) << u":3:"_s << u"the file ends"_s;
    QTest::newRow("NUL byte") << QByteArray(tiny).replace("Tiny", QByteArray("Ti\0ny", 5)) << u":1:"_s
                              << u"NUL byte"_s;
    QTest::newRow("invalid UTF-8") << QByteArray(tiny).replace("Tiny", "Ti\xff\xfeny") << u":1:"_s
                                   << u"invalid UTF-8"_s;
    QTest::newRow("top level an array") << QByteArray("[1, 2]") << u":1:1: "_s << u"holds an array"_s;
    QTest::newRow("wrong format") << QByteArray(tiny).replace("\"sourceline\"", "\"gantt\"")
                                  << u":1:11: format: "_s << u"not a Sourceline timeline"_s;
    QTest::newRow("missing format") << QByteArray(tiny).replace("\"format\":\"sourceline\",", "")
                                    << u":1:1: "_s << u"\"format\": \"sourceline\" is missing"_s;
    QTest::newRow("wrong version") << QByteArray(tiny).replace("\"version\":1", "\"version\":2")
                                   << u": version: "_s << u"version \"2\" is not supported"_s;
    QTest::newRow("version out of range") << QByteArray(tiny).replace("\"version\":1", "\"version\":1e999")
                                          << u": version: "_s << u"is not supported"_s;
    QTest::newRow("wrong type") << QByteArray(tiny).replace("\"title\":\"E\"", "\"title\":42")
                                << u"events[0].title (event \"e\"): "_s
                                << u"expected a string, found a number"_s;
    QTest::newRow("missing field") << QByteArray(tiny).replace("\"when\":\"2020-02\",", "")
                                   << u"events[0] (event \"e\"): "_s << u"missing \"when\""_s;
    QTest::newRow("duplicate id") << QByteArray(tiny).replace(
        "}]}", "},{\"id\":\"e\",\"title\":\"F\",\"when\":\"2020\",\"actors\":[]}]}")
                                  << u"events[1].id (event \"e\"): "_s << u"duplicate event id \"e\""_s;
    QTest::newRow("unknown actor") << QByteArray(tiny).replace("[\"a\"]", "[\"b\"]")
                                   << u"events[0].actors[0] (event \"e\"): "_s << u"unknown actor \"b\""_s;
    QTest::newRow("impossible date") << QByteArray(tiny).replace("2020-02", "2021-02-29")
                                     << u"events[0].when (event \"e\"): "_s << u"February 2021 has 28 days"_s;
    QTest::newRow("reversed interval") << QByteArray(tiny).replace("2020-02", "2021/2020")
                                       << u"events[0].when (event \"e\"): "_s << u"reversed interval"_s;
    QTest::newRow("quote not in source")
        << QByteArray(tiny)
               .replace("\"sources\":[]",
                        "\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"text\":\"One. Two.\"}]")
               .replace("[\"a\"]", "[\"a\"],\"evidence\":[{\"source\":\"s\",\"quote\":\"Three\"}]")
        << u"events[0].evidence[0].quote (event \"e\"): "_s << u"the quote is not in source \"s\""_s;
    QByteArray deep;
    for (int i = 0; i < 100000; ++i)
        deep += "{\"a\":";
    QTest::newRow("deep nesting") << deep << u":1:321: "_s << u"nesting is deeper than 64 levels"_s;
}

void TestCli::everyClassOfBadInput()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, place);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"bad.json"_s, contents);
    const Run run = sourceline({ u"--check"_s, path });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.startsWith(path), qPrintable(err));
    QVERIFY2(err.contains(place), qPrintable(err));
    QVERIFY2(err.contains(problem), qPrintable(err));
    QVERIFY2(!err.contains(QChar(0)) && !err.contains(u'\x1b'), qPrintable(err));
}

void TestCli::oddButValidInputLoads_data()
{
    QTest::addColumn<QByteArray>("contents");
    const QByteArray tiny = tinyFile;
    QTest::newRow("event without actors") << QByteArray(tiny).replace("[\"a\"]", "[]");
    QTest::newRow("Unicode and emoji") << QByteArray(tiny).replace("\"Tiny\"", "\"Zürich – 東京 🚀\"");
    QTest::newRow("HTML-looking text")
        << QByteArray(tiny).replace("\"E\"", "\"<b>bold</b> <img src=x onerror=alert(1)>\"");
    QTest::newRow("control characters")
        << QByteArray(tiny).replace("\"E\"", "\"bell\\u0007 tab\\t esc\\u001b[31m\"");
    QTest::newRow("no sources, no eras") << tiny;
}

void TestCli::oddButValidInputLoads()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const Run run = sourceline({ u"--check"_s, writeFile(dir, u"odd.json"_s, contents) });
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("1 event"));
}

SOURCELINE_TEST_MAIN(TestCli)
#include "tst_cli.moc"
