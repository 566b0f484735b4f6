#include "testutils.h"
#include "timelinegenerator.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

using Run = TestUtils::ProgramRun;

Run sourceline(const QStringList &arguments)
{
    return TestUtils::runWithoutDisplay(QString::fromUtf8(SOURCELINE_BINARY), arguments);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entries(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden);
}

// The texts of an SVG's <text> elements, in document order; fails the test on malformed XML.
QStringList svgTexts(const QByteArray &svg, int *images = nullptr)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    int imageCount = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"text")
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
        else if (xml.name() == u"image")
            ++imageCount;
    }
    if (xml.hasError())
        texts = QStringList { u"malformed SVG: "_s + xml.errorString() };
    if (images)
        *images = imageCount;
    return texts;
}

// The text a PDF reader finds in a PDF, through poppler's pdftotext (./dev installs it).
QString pdfText(const QString &path)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        return u"pdftotext is not installed (./dev deps installs poppler-utils)"_s;
    const Run run = TestUtils::runWithoutDisplay(pdftotext, { u"-layout"_s, path, u"-"_s });
    return QString::fromUtf8(run.out);
}

// What pdfinfo (poppler) says of a PDF: its pages and their size.
QString pdfInfo(const QString &path)
{
    const QString pdfinfo = QStandardPaths::findExecutable(u"pdfinfo"_s);
    if (pdfinfo.isEmpty())
        return u"pdfinfo is not installed (./dev deps installs poppler-utils)"_s;
    return QString::fromUtf8(TestUtils::runWithoutDisplay(pdfinfo, { path }).out);
}

const QString aTitle = u"OpenAI releases ChatGPT"_s; // an event of the embedded timeline
const QString timelineTitle = u"OpenAI and Microsoft, 2019–2025"_s;
const QString creditText = u"Source: OpenAI looks beyond Microsoft (news article, January 2025), TechCrunch "
                           u"(publisher unconfirmed), "
                           "c. 22 Jan 2025"_s;

} // namespace

// `sourceline --export` in each format, run as a user would run it: what the files hold, what
// is refused, and the figure's title, subtitle and credit line.
class TestCliExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesTheFormatTheNameOrOptionAsks_data();
    void writesTheFormatTheNameOrOptionAsks();
    void svgKeepsTextAsTextAndDrawsVectors();
    void pdfTextIsFoundByAReader();
    void refusesWhatItCannotWrite_data();
    void refusesWhatItCannotWrite();
    void failedWriteLeavesNothing_data();
    void failedWriteLeavesNothing();
    void furniture_data();
    void furniture();
    void svgStaysWellFormedWhateverTheText();
    void lanesAllOrInView();
    void aCrowdedTimelineStaysSmall_data();
    void aCrowdedTimelineStaysSmall();
};

void TestCliExport::initTestCase()
{
    QVERIFY2(QFile::exists(QString::fromUtf8(SOURCELINE_BINARY)), SOURCELINE_BINARY);
}

void TestCliExport::writesTheFormatTheNameOrOptionAsks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("x.png") << u"x.png"_s << QStringList() << QByteArray("\x89PNG\r\n");
    QTest::newRow("x.svg") << u"x.svg"_s << QStringList() << QByteArray("<?xml");
    QTest::newRow("x.pdf") << u"x.pdf"_s << QStringList() << QByteArray("%PDF-");
    QTest::newRow("upper case X.SVG") << u"X.SVG"_s << QStringList() << QByteArray("<?xml");
    QTest::newRow("dotted folder") << u"a.b/x.pdf"_s << QStringList() << QByteArray("%PDF-");
    QTest::newRow("--format svg, no extension")
        << u"chart"_s << QStringList { u"--format"_s, u"svg"_s } << QByteArray("<?xml");
    QTest::newRow("--format pdf over .svg")
        << u"x.svg"_s << QStringList { u"--format"_s, u"pdf"_s } << QByteArray("%PDF-");
    QTest::newRow("--format png over .bmpx")
        << u"x.bmpx"_s << QStringList { u"--format"_s, u"png"_s } << QByteArray("\x89PNG\r\n");
}

void TestCliExport::writesTheFormatTheNameOrOptionAsks()
{
    QFETCH(QString, name);
    QFETCH(QStringList, options);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"a.b"_s));
    const QString out = dir.filePath(name);
    const Run run = sourceline(QStringList { u"--export"_s, out, u"--size"_s, u"800x450"_s } + options);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains(out.toUtf8()), run.out.constData());
    QVERIFY2(readAll(out).startsWith(magic), readAll(out).left(16).toHex().constData());
}

void TestCliExport::svgKeepsTextAsTextAndDrawsVectors()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"chart.svg"_s);
    const Run run = sourceline({ u"--export"_s, out });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QByteArray svg = readAll(out);
    int images = -1;
    const QStringList texts = svgTexts(svg, &images);
    QVERIFY2(texts.contains(aTitle), qPrintable(texts.join(u" | "_s)));
    QVERIFY2(texts.contains(timelineTitle), qPrintable(texts.join(u" | "_s)));
    QVERIFY(texts.contains(u"Microsoft"_s)); // a lane's name
    QVERIFY(texts.contains(u"2023"_s)); // a year on the time axis
    // Sixteen events in roomy lanes are drawn as shapes: no bitmap stands in for them.
    QCOMPARE(images, 0);
    QVERIFY(svg.contains("<path") || svg.contains("<polyline"));
}

void TestCliExport::pdfTextIsFoundByAReader()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"chart.pdf"_s);
    const Run run = sourceline({ u"--export"_s, out, u"--size"_s, u"1600x900"_s });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = pdfText(out);
    QVERIFY2(text.contains(aTitle), qPrintable(text));
    QVERIFY2(text.contains(timelineTitle), qPrintable(text));
    QVERIFY2(text.contains(u"Source: OpenAI looks beyond Microsoft"_s), qPrintable(text)); // the credit
    // One page of the figure's shape: 1600×900 pixels at 96 per inch are 1200×675 points.
    const QString info = pdfInfo(out);
    QVERIFY2(info.contains(QRegularExpression(u"\\nPages: +1\\n"_s)), qPrintable(info));
    QVERIFY2(info.contains(QRegularExpression(u"\\nPage size: +1200 x 675 pts"_s)), qPrintable(info));
}

void TestCliExport::refusesWhatItCannotWrite_data()
{
    // OUT is the name given to --export (in an empty temporary folder), or none.
    QTest::addColumn<QString>("out");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("x.bmpx") << u"x.bmpx"_s << QStringList() << u".png, .svg or .pdf"_s;
    QTest::newRow("no extension") << u"chart"_s << QStringList() << u".png, .svg or .pdf"_s;
    QTest::newRow("only an extension") << u".png"_s << QStringList() << u".png, .svg or .pdf"_s;
    QTest::newRow("x.jpg") << u"x.jpg"_s << QStringList() << u"--format png|svg|pdf"_s;
    QTest::newRow("--format bmp") << u"x.png"_s << QStringList { u"--format"_s, u"bmp"_s }
                                  << u"--format must be png, svg or pdf"_s;
    QTest::newRow("--scale with svg")
        << u"x.svg"_s << QStringList { u"--scale"_s, u"2"_s } << u"--scale is for PNG only"_s;
    QTest::newRow("--format without --export")
        << QString() << QStringList { u"--check"_s, u"--format"_s, u"svg"_s }
        << u"--format goes with --export"_s;
    QTest::newRow("--no-title with --screenshot")
        << QString() << QStringList { u"--screenshot"_s, u"x.png"_s, u"--no-title"_s }
        << u"--no-title goes with --export"_s;
    QTest::newRow("--subtitle without --export")
        << QString() << QStringList { u"--subtitle"_s, u"S"_s } << u"--subtitle goes with --export"_s;
    QTest::newRow("--no-credit with --dump")
        << QString() << QStringList { u"--dump"_s, u"--no-credit"_s } << u"--no-credit goes with --export"_s;
    QTest::newRow("--lanes sideways")
        << u"x.png"_s << QStringList { u"--lanes"_s, u"sideways"_s } << u"--lanes must be all or view"_s;
    QTest::newRow("--lanes with --check")
        << QString() << QStringList { u"--check"_s, u"--lanes"_s, u"view"_s }
        << u"--lanes goes with --export"_s;
}

void TestCliExport::refusesWhatItCannotWrite()
{
    QFETCH(QString, out);
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QStringList arguments = options;
    if (!out.isEmpty())
        arguments += { u"--export"_s, dir.filePath(out) };
    // A screenshot's name, too, goes into the folder, so that nothing could land elsewhere.
    for (QString &argument : arguments) {
        if (argument == u"x.png"_s)
            argument = dir.filePath(argument);
    }
    const Run run = sourceline(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY2(run.err.contains("Try 'sourceline --help'"), run.err.constData());
    QCOMPARE(entries(dir), QStringList());
}

void TestCliExport::failedWriteLeavesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("png") << u"missing/x.png"_s;
    QTest::newRow("svg") << u"missing/x.svg"_s;
    QTest::newRow("pdf") << u"missing/x.pdf"_s;
    QTest::newRow("svg over a folder") << u"folder.svg"_s;
}

void TestCliExport::failedWriteLeavesNothing()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const bool overFolder = name == u"folder.svg"_s;
    if (overFolder)
        QVERIFY(QDir(dir.path()).mkdir(name));
    const QString out = dir.filePath(name);
    const Run run = sourceline({ u"--export"_s, out });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("cannot write"), run.err.constData());
    QVERIFY2(run.err.contains(out.toUtf8()), run.err.constData());
    QCOMPARE(entries(dir), overFolder ? QStringList { name } : QStringList());
}

void TestCliExport::furniture_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("title");
    QTest::addColumn<QString>("subtitle");
    QTest::addColumn<bool>("credit");
    QTest::newRow("default: title and credit") << QStringList() << true << QString() << true;
    QTest::newRow("--no-title") << QStringList { u"--no-title"_s } << false << QString() << true;
    QTest::newRow("--no-credit") << QStringList { u"--no-credit"_s } << true << QString() << false;
    QTest::newRow("--subtitle") << QStringList { u"--subtitle"_s, u"How a partnership loosened"_s } << true
                                << u"How a partnership loosened"_s << true;
    QTest::newRow("subtitle alone") << QStringList { u"--no-title"_s, u"--no-credit"_s, u"--subtitle"_s,
                                                     u"Figure 2 <b>&amp;</b>"_s }
                                    << false << u"Figure 2 <b>&amp;</b>"_s << false;
}

void TestCliExport::furniture()
{
    QFETCH(QStringList, options);
    QFETCH(bool, title);
    QFETCH(QString, subtitle);
    QFETCH(bool, credit);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"chart.svg"_s);
    const Run run = sourceline(QStringList { u"--export"_s, out } + options);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList texts = svgTexts(readAll(out));
    const QString all = texts.join(u" | "_s);
    QVERIFY2(texts.contains(aTitle), qPrintable(all)); // the chart is there either way
    QVERIFY2(texts.contains(timelineTitle) == title, qPrintable(all));
    QVERIFY2(texts.contains(creditText) == credit, qPrintable(all));
    if (!subtitle.isEmpty())
        QVERIFY2(texts.contains(subtitle), qPrintable(all));
}

void TestCliExport::svgStaysWellFormedWhateverTheText()
{
    // Markup and control characters in a file's text are text: the SVG stays well-formed XML
    // and shows them (a control character as U+FFFD, the one XML allows in its place).
    QTemporaryDir dir;
    const QString input = dir.filePath(u"odd.json"_s);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"sourceline","version":1,"title":"A </title><b>&amp; \u0001","sources":[],
        "actors":[{"id":"a","name":"Lane <i>","kind":"person"}],
        "events":[{"id":"e","title":"Event <u>& \u0002x","when":"2020-02-03","actors":["a"]}]})");
    file.close();
    const QString out = dir.filePath(u"odd.svg"_s);
    const Run run = sourceline({ u"--export"_s, out, input });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList texts = svgTexts(readAll(out));
    QVERIFY2(texts.contains(u"A </title><b>&amp; \uFFFD"_s), qPrintable(texts.join(u" | "_s)));
    QVERIFY2(texts.contains(u"Lane <i>"_s), qPrintable(texts.join(u" | "_s)));
    QVERIFY2(texts.contains(u"Event <u>& \uFFFDx"_s), qPrintable(texts.join(u" | "_s)));
}

void TestCliExport::aCrowdedTimelineStaysSmall_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("svg") << u"crowded.svg"_s;
    QTest::newRow("pdf") << u"crowded.pdf"_s;
}

void TestCliExport::aCrowdedTimelineStaysSmall()
{
    // 30,000 events in three lanes, far more than a lane has pixels: density strips, drawn as
    // one image, not 30,000 shapes. (The benchmark's million events give files of a few
    // hundred kilobytes.)
    QFETCH(QString, name);
    QTemporaryDir dir;
    QByteArray json = R"({"format":"sourceline","version":1,"title":"Crowded","sources":[],"actors":[
        {"id":"a","name":"A","kind":"org"},{"id":"b","name":"B","kind":"org"},{"id":"c","name":"C","kind":"org"}],
        "events":[)";
    const int events = 30000;
    for (int i = 0; i < events; ++i) {
        const QDate day = QDate(1990, 1, 1).addDays(i % 12000);
        json += (i ? "," : "") + QByteArrayLiteral(R"({"id":"e)") + QByteArray::number(i)
            + R"(","title":"Event )" + QByteArray::number(i) + R"(","when":")"
            + day.toString(Qt::ISODate).toUtf8() + R"(","actors":[")" + QByteArray(1, char('a' + i % 3))
            + R"("]})";
    }
    json += "]}";
    const QString input = dir.filePath(u"crowded.json"_s);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(json) == json.size());
    file.close();

    const QString out = dir.filePath(name);
    const Run run = sourceline({ u"--export"_s, out, input });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const qint64 size = QFileInfo(out).size();
    QVERIFY2(size > 0 && size < 1024 * 1024, qPrintable(u"%1 bytes"_s.arg(size)));
    if (name.endsWith(u".svg"_s)) {
        const QByteArray svg = readAll(out);
        int images = -1;
        const QStringList texts = svgTexts(svg, &images);
        QVERIFY2(texts.contains(u"Crowded"_s), qPrintable(texts.join(u" | "_s)));
        QCOMPARE(images, 1);
        QVERIFY2(svg.count("<path") < 1000, qPrintable(u"%1 paths"_s.arg(svg.count("<path"))));
    } else {
        QVERIFY2(pdfText(out).contains(u"Crowded"_s), qPrintable(pdfText(out)));
    }
}

void TestCliExport::lanesAllOrInView()
{
    // The bench's timeline of 1,000 events and 200 actors.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"many.json"_s);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(TimelineGenerator::generate(1000));
    }
    const auto exported = [&](const QString &name, const QStringList &options) {
        const QString out = dir.filePath(name);
        const Run run = sourceline(QStringList { u"--export"_s, out } + options + QStringList { file });
        return run.exitCode == 0 ? readAll(out) : QByteArray("failed: ") + run.err;
    };
    const QByteArray byDefault = exported(u"default.png"_s, {});
    const QByteArray all = exported(u"all.png"_s, { u"--lanes"_s, u"all"_s });
    const QByteArray view = exported(u"view.png"_s, { u"--lanes"_s, u"view"_s });
    const QByteArray selected =
        exported(u"selected.png"_s, { u"--lanes"_s, u"view"_s, u"--select"_s, u"e999"_s });
    for (const QByteArray *png : { &byDefault, &all, &view, &selected })
        QVERIFY2(png->startsWith("\x89PNG"), png->left(200).constData());
    QCOMPARE(byDefault, all); // all lanes unless asked
    QVERIFY(view != all);
    QVERIFY(selected != view); // the selection shows (its lane brought into view: tst_chartlanes)
    const QByteArray help = sourceline({ u"--help"_s }).out;
    QVERIFY2(help.contains("--lanes <all|view>"), help.constData());
}

SOURCELINE_TEST_MAIN(TestCliExport)
#include "tst_cliexport.moc"
