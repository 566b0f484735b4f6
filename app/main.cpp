#include "articlecli.h"
#include "chartexporter.h"
#include "cli.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "saveformat.h"
#include "timelinedocument.h"
#include "timelineloader.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Writes to standard output and reports whether every byte arrived (a full disk, a closed pipe).
bool writeStdout(const QByteArray &bytes)
{
    QFile out;
    return out.open(stdout, QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.flush();
}

int usageError(const QString &message)
{
    printTo(stderr,
            u"sourceline: "_s + PlainText::escapeControls(message)
                + u"\nTry 'sourceline --help' for more information.\n"_s);
    return UsageError;
}

struct Options
{
    QCommandLineOption check { u"check"_s,
                               u"Validate the timeline and print a one-line summary, or its errors."_s };
    QCommandLineOption dump { u"dump"_s,
                              u"Print the loaded timeline as JSON, with resolved dates and evidence "
                              "sentences."_s };
    QCommandLineOption saveAs { u"save-as"_s,
                                u"Load the timeline and write it to OUT.json in the canonical form of format "
                                "version 1 (stable order, indented), as File \u25b8 Save As does."_s,
                                u"OUT.json"_s };
    QCommandLineOption to {
        u"to"_s,
        u"The format --save-as writes: timelinejs (TimelineJS JSON), csv (a CSV of events) "
        "or sourceline. Default: csv for a .csv file, else sourceline."_s,
        u"FORMAT"_s
    };
    QCommandLineOption exportTo { u"export"_s, u"Render the chart to a PNG file without opening a window."_s,
                                  u"OUT.png"_s };
    QCommandLineOption size { u"size"_s,
                              u"Size of the exported chart in pixels before scaling (default 1600x900)."_s,
                              u"WxH"_s, u"1600x900"_s };
    QCommandLineOption scale { u"scale"_s,
                               u"Scale of the exported chart: the PNG is W\u00b7F \u00d7 H\u00b7F pixels "
                               "(default 1)."_s,
                               u"F"_s, u"1"_s };
    QCommandLineOption select { u"select"_s, u"Select (highlight) this event in the export or screenshot."_s,
                                u"EVENT_ID"_s };
    QCommandLineOption screenshot { u"screenshot"_s,
                                    u"Render the whole window offscreen to a PNG file (at --size, "
                                    "default 1600x900), as the README's pictures are made."_s,
                                    u"OUT.png"_s };
    QCommandLineOption timex { u"timex"_s,
                               u"Print the dates and times found in a plain-text article as JSON "
                               "(TIMEX3 values and EDTF dates)."_s,
                               u"ARTICLE"_s };
    QCommandLineOption published {
        u"published"_s,
        u"With --timex or --draft: the day the article appeared, which relative dates "
        "(\"yesterday\") are resolved against. Default: the article's date line."_s,
        u"YYYY-MM-DD"_s
    };
    QCommandLineOption draft { u"draft"_s,
                               u"Write a timeline of draft events from a plain-text article: its dated "
                               "sentences, with their actors (to standard output, or to --save-as)."_s,
                               u"ARTICLE"_s };
    QCommandLineOption title { u"title"_s, u"With --draft: the timeline's title (default: the headline)."_s,
                               u"TEXT"_s };
};

// Parses --size and --scale; on a bad value returns the usage message.
QString readImageOptions(const QCommandLineParser &parser, const Options &o, ChartExporter::Options *options)
{
    const QStringList size = parser.value(o.size).split(u'x');
    bool widthOk = false, heightOk = false, scaleOk = false;
    if (size.size() == 2)
        options->size = QSize(size[0].toInt(&widthOk), size[1].toInt(&heightOk));
    options->scale = parser.value(o.scale).toDouble(&scaleOk);
    if (!widthOk || !heightOk || options->size.width() < 100 || options->size.height() < 100
        || options->size.width() > 16384 || options->size.height() > 16384)
        return u"--size must be WIDTHxHEIGHT, each from 100 to 16384, e.g. 1600x900"_s;
    if (!scaleOk || options->scale < 0.5 || options->scale > 4)
        return u"--scale must be a number from 0.5 to 4, e.g. 2"_s;
    const double pixels = options->size.width() * options->scale * options->size.height() * options->scale;
    if (pixels > 16384.0 * 16384.0)
        return u"the image would have %1 million pixels; at most 268 are allowed"_s.arg(qint64(pixels / 1e6));
    return {};
}

int saveImage(const QImage &image, const QString &out)
{
    QString error;
    if (!ChartExporter::save(image, out, &error)) {
        printTo(stderr, u"sourceline: "_s + PlainText::escapeControls(error, false) + u'\n');
        return Failure;
    }
    printTo(stdout,
            u"sourceline: wrote %1 (%2\u00d7%3 pixels)\n"_s.arg(PlainText::escapeControls(out, false))
                .arg(image.width())
                .arg(image.height()));
    return Success;
}

int noSuchEvent(const QString &shownName, const QString &id)
{
    printTo(stderr,
            u"sourceline: %1: no event has the id %2\n"_s.arg(PlainText::escapeControls(shownName, false),
                                                              PlainText::quoted(id)));
    return Failure;
}

int runHeadless(QCommandLineParser &parser, const Options &o, const QString &fileName,
                const QString &shownName)
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(fileName);
    if (!result.ok()) {
        printTo(stderr, result.errorText() + u'\n');
        return Failure;
    }
    if (parser.isSet(o.dump)) {
        if (!writeStdout(Cli::dump(*result.timeline))) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return Success;
    }
    if (parser.isSet(o.saveAs)) {
        const QString out = parser.value(o.saveAs);
        QString error;
        const SaveFormat::Format format =
            parser.isSet(o.to) ? *SaveFormat::fromName(parser.value(o.to)) : SaveFormat::fromFileName(out);
        if (!SaveFormat::save(*result.timeline, format, out, &error)) {
            printTo(stderr, u"sourceline: "_s + PlainText::escapeControls(error, false) + u'\n');
            return Failure;
        }
        printTo(stdout, u"sourceline: wrote %1\n"_s.arg(PlainText::escapeControls(out, false)));
        return Success;
    }
    if (!parser.isSet(o.exportTo)) {
        if (!writeStdout((Cli::summary(*result.timeline, shownName) + u'\n').toLocal8Bit())) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return Success;
    }

    ChartExporter::Options options;
    if (const QString problem = readImageOptions(parser, o, &options); !problem.isEmpty())
        return usageError(problem);
    TimelineDocument document;
    document.setTimeline(result.timeline, fileName);
    if (parser.isSet(o.select) && !document.selectEventById(parser.value(o.select)))
        return noSuchEvent(shownName, parser.value(o.select));
    return saveImage(ChartExporter::render(&document, options), parser.value(o.exportTo));
}

int runScreenshot(QCommandLineParser &parser, const Options &o, const QString &fileName,
                  const QString &shownName)
{
    ChartExporter::Options options;
    if (const QString problem = readImageOptions(parser, o, &options); !problem.isEmpty())
        return usageError(problem);
    const TimelineLoader::Result result = TimelineLoader::loadFile(fileName);
    if (!result.ok()) {
        printTo(stderr, result.errorText() + u'\n');
        return Failure;
    }
    QApplication::setWindowIcon(QIcon(u":/icons/sourceline.svg"_s));
    MainWindow window(MainWindow::State::Fresh);
    window.setTimeline(result.timeline, fileName);
    window.resize(options.size);
    window.show();
    if (parser.isSet(o.select) && !window.document()->selectEventById(parser.value(o.select)))
        return noSuchEvent(shownName, parser.value(o.select));
    QCoreApplication::processEvents();
    QImage image = window.grab().toImage();
    return saveImage(image, parser.value(o.screenshot));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(u"sourceline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOURCELINE_VERSION));
    QCoreApplication::setOrganizationName(u"Sourceline"_s);
    QGuiApplication::setApplicationDisplayName(u"Sourceline"_s);
    // Ties the window to the installed .desktop file, whose icon and name the desktop shows.
    QGuiApplication::setDesktopFileName(QStringLiteral(SOURCELINE_APP_ID));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sourceline shows dated events on a timeline, each beside the source sentences it rests on.\n"
        "Without FILE it opens the embedded OpenAI\u2013Microsoft timeline (2019\u20132025)."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const Options o;
    parser.addOptions({ o.check, o.dump, o.saveAs, o.to, o.exportTo, o.size, o.scale, o.select, o.screenshot,
                        o.timex, o.draft, o.published, o.title });
    parser.addPositionalArgument(u"FILE"_s, u"A timeline file (format: docs/format.md)."_s, u"[FILE]"_s);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    const QStringList files = parser.positionalArguments();
    // --draft writes a timeline, so with it --save-as says where rather than being a mode.
    const bool drafting = parser.isSet(o.draft);
    const int modes = int(parser.isSet(o.check)) + int(parser.isSet(o.dump))
        + int(parser.isSet(o.saveAs) && !drafting) + int(parser.isSet(o.exportTo))
        + int(parser.isSet(o.screenshot)) + int(parser.isSet(o.timex)) + int(drafting);
    const bool exporting = parser.isSet(o.exportTo) || parser.isSet(o.screenshot);
    const bool window = modes == 0 && !parser.isSet(helpOption) && !parser.isSet(versionOption);
    QString problem;
    if (files.size() > 1)
        problem = u"expected at most one FILE, got %1"_s.arg(files.size());
    else if (modes > 1)
        problem =
            u"use only one of --check, --dump, --save-as, --export, --screenshot, --timex and --draft"_s;
    else if ((parser.isSet(o.timex) || drafting) && !files.isEmpty())
        problem = u"--timex and --draft read the article they name, not a FILE"_s;
    else if (parser.isSet(o.published) && !parser.isSet(o.timex) && !drafting)
        problem = u"--published goes with --timex or --draft"_s;
    else if (parser.isSet(o.title) && !drafting)
        problem = u"--title goes with --draft"_s;
    if (problem.isEmpty() && parser.isSet(o.to) && !parser.isSet(o.saveAs))
        problem = u"--to goes with --save-as"_s;
    if (problem.isEmpty() && parser.isSet(o.to) && !SaveFormat::fromName(parser.value(o.to)))
        problem = u"--to must be one of %1, not %2"_s.arg(SaveFormat::names().join(u", "_s),
                                                          PlainText::quoted(parser.value(o.to)));
    if (problem.isEmpty() && parser.isSet(o.to) && drafting)
        problem = u"--draft writes format v1; --to goes with --save-as FILE"_s;
    for (const QCommandLineOption *option : { &o.size, &o.scale, &o.select }) {
        if (problem.isEmpty() && parser.isSet(*option) && !exporting)
            problem = u"--%1 goes with --export or --screenshot"_s.arg(option->names().constFirst());
    }

    // Only the window needs widgets; an export renders them offscreen, with no display at all.
    if (exporting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const bool noDisplay = qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    std::unique_ptr<QCoreApplication> app;
    if ((window && !noDisplay && problem.isEmpty()) || exporting)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);

    Translations::install(app.get());

    if (!problem.isEmpty())
        return usageError(problem);
    if (parser.isSet(helpOption) || parser.isSet(versionOption)) {
        const QString text = parser.isSet(helpOption)
            ? parser.helpText()
            : u"sourceline "_s + QCoreApplication::applicationVersion() + u'\n';
        if (!writeStdout(text.toLocal8Bit())) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return Success;
    }
    if (window && noDisplay) {
        printTo(stderr,
                u"sourceline: there is no display to open a window on.\n"
                "Use --export OUT.png to render the chart to a file, or --check to validate it.\n"_s);
        return Failure;
    }

    if (parser.isSet(o.timex) || drafting) {
        const ArticleCli::Output out = drafting
            ? ArticleCli::draft(parser.value(o.draft), parser.value(o.published), parser.value(o.title),
                                parser.value(o.saveAs))
            : ArticleCli::timex(parser.value(o.timex), parser.value(o.published));
        printTo(stderr, out.standardError);
        if (!out.standardOutput.isEmpty() && !writeStdout(out.standardOutput)) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return out.exitCode;
    }

    const QString fileName = files.isEmpty() ? TimelineLoader::embeddedPath() : files.first();
    const QString shownName = files.isEmpty() ? u"(embedded) openai-microsoft.json"_s : fileName;
    if (parser.isSet(o.screenshot))
        return runScreenshot(parser, o, fileName, shownName);
    if (!window)
        return runHeadless(parser, o, fileName, shownName);

    QApplication::setWindowIcon(QIcon(u":/icons/sourceline.svg"_s));
    MainWindow mainWindow;
    const TimelineLoader::Result embedded = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    if (embedded.ok())
        mainWindow.setTimeline(embedded.timeline, TimelineLoader::embeddedPath());
    mainWindow.show();
    // A file that does not load leaves the embedded timeline open and says why.
    if (!files.isEmpty())
        mainWindow.openFile(fileName);
    return QApplication::exec();
}
