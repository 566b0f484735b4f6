#include "commandline.h"

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
#include <QFile>
#include <QIcon>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

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
    return CommandLine::UsageError;
}

// Parses --size and --scale; on a bad value returns the usage message.
QString readImageOptions(const QCommandLineParser &parser, const QCommandLineOption &size,
                         const QCommandLineOption &scale, ChartExporter::Options *options)
{
    const QStringList sizeParts = parser.value(size).split(u'x');
    bool widthOk = false, heightOk = false, scaleOk = false;
    if (sizeParts.size() == 2)
        options->size = QSize(sizeParts[0].toInt(&widthOk), sizeParts[1].toInt(&heightOk));
    options->scale = parser.value(scale).toDouble(&scaleOk);
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
        return CommandLine::Failure;
    }
    printTo(stdout,
            u"sourceline: wrote %1 (%2\u00d7%3 pixels)\n"_s.arg(PlainText::escapeControls(out, false))
                .arg(image.width())
                .arg(image.height()));
    return CommandLine::Success;
}

int noSuchEvent(const QString &shownName, const QString &id)
{
    printTo(stderr,
            u"sourceline: %1: no event has the id %2\n"_s.arg(PlainText::escapeControls(shownName, false),
                                                              PlainText::quoted(id)));
    return CommandLine::Failure;
}

} // namespace

CommandLine::CommandLine(int &argc, char **argv)
    : m_help(m_parser.addHelpOption())
    , m_version(m_parser.addVersionOption())
    , m_check(u"check"_s, u"Validate the timeline and print a one-line summary, or its errors."_s)
    , m_dump(u"dump"_s, u"Print the loaded timeline as JSON, with resolved dates and evidence sentences."_s)
    , m_saveAs(
          u"save-as"_s,
          u"Load the timeline and write it to OUT.json in the canonical form of format version 1 (stable "
          "order, indented), as File \u25b8 Save As does."_s,
          u"OUT.json"_s)
    , m_to(u"to"_s,
           u"The format --save-as writes: timelinejs (TimelineJS JSON), csv (a CSV of events) or sourceline. "
           "Default: csv for a .csv file, else sourceline."_s,
           u"FORMAT"_s)
    , m_export(u"export"_s,
               u"Render the chart to a PNG, SVG or PDF file, by OUT's extension, without opening a window."_s,
               u"OUT"_s)
    , m_format(u"format"_s, u"Write the export as png, svg or pdf, whatever OUT's extension."_s, u"FORMAT"_s)
    , m_noTitle(u"no-title"_s, u"Leave the timeline's title out of the export."_s)
    , m_subtitle(u"subtitle"_s, u"Put TEXT under the export's title."_s, u"TEXT"_s)
    , m_noCredit(u"no-credit"_s, u"Leave out the credit line that names the timeline's sources."_s)
    , m_lanes(u"lanes"_s,
              u"all: every lane squeezed into the figure, as the window's overview (the default). view: "
              "the lanes in view at a readable height, with their labels; without a window that is the "
              "first lanes that fit, or with --select those around the selected event's lane."_s,
              u"all|view"_s, u"all"_s)
    , m_size(u"size"_s, u"Size of the exported chart in pixels before scaling (default 1600x900)."_s,
             u"WxH"_s, u"1600x900"_s)
    , m_scale(u"scale"_s,
              u"Scale of the exported chart: the PNG is W\u00b7F \u00d7 H\u00b7F pixels (default 1)."_s,
              u"F"_s, u"1"_s)
    , m_select(u"select"_s, u"Select (highlight) this event in the export or screenshot."_s, u"EVENT_ID"_s)
    , m_screenshot(u"screenshot"_s,
                   u"Render the whole window offscreen to a PNG file (at --size, default 1600x900), as the "
                   "README's pictures are made."_s,
                   u"OUT.png"_s)
    , m_timex(u"timex"_s,
              u"Print the dates and times found in a plain-text article as JSON (TIMEX3 values and EDTF "
              "dates)."_s,
              u"ARTICLE"_s)
    , m_draft(u"draft"_s,
              u"Write a timeline of draft events from a plain-text article: its dated sentences, with their "
              "actors (to standard output, or to --save-as)."_s,
              u"ARTICLE"_s)
    , m_published(
          u"published"_s,
          u"With --timex or --draft: the day the article appeared, which relative dates (\"yesterday\") "
          "are resolved against. Default: the article's date line."_s,
          u"YYYY-MM-DD"_s)
    , m_title(u"title"_s, u"With --draft: the timeline's title (default: the headline)."_s, u"TEXT"_s)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    m_parser.setApplicationDescription(
        u"Sourceline shows dated events on a timeline, each beside the source sentences it rests on.\n"
        "Without FILE it opens the embedded OpenAI\u2013Microsoft timeline (2019\u20132025)."_s);
    m_parser.addOptions({ m_check, m_dump, m_saveAs, m_to, m_export, m_format, m_noTitle, m_subtitle,
                          m_noCredit, m_lanes, m_size, m_scale, m_select, m_screenshot, m_timex, m_draft,
                          m_published, m_title });
    m_parser.addPositionalArgument(u"FILE"_s, u"A timeline file (format: docs/format.md)."_s, u"[FILE]"_s);
    if (!m_parser.parse(arguments))
        m_problem = m_parser.errorText();
    m_files = m_parser.positionalArguments();
    // --draft writes a timeline, so with it --save-as says where rather than being a mode.
    const bool drafting = m_parser.isSet(m_draft);
    const int modes = int(m_parser.isSet(m_check)) + int(m_parser.isSet(m_dump))
        + int(m_parser.isSet(m_saveAs) && !drafting) + int(m_parser.isSet(m_export))
        + int(m_parser.isSet(m_screenshot)) + int(m_parser.isSet(m_timex)) + int(drafting);
    const bool exporting = m_parser.isSet(m_export) || m_parser.isSet(m_screenshot);
    m_window = modes == 0 && !m_parser.isSet(m_help) && !m_parser.isSet(m_version);
    if (m_problem.isEmpty() && m_files.size() > 1)
        m_problem = u"expected at most one FILE, got %1"_s.arg(m_files.size());
    else if (m_problem.isEmpty() && modes > 1)
        m_problem =
            u"use only one of --check, --dump, --save-as, --export, --screenshot, --timex and --draft"_s;
    else if (m_problem.isEmpty() && (m_parser.isSet(m_timex) || drafting) && !m_files.isEmpty())
        m_problem = u"--timex and --draft read the article they name, not a FILE"_s;
    else if (m_problem.isEmpty() && m_parser.isSet(m_published) && !m_parser.isSet(m_timex) && !drafting)
        m_problem = u"--published goes with --timex or --draft"_s;
    else if (m_problem.isEmpty() && m_parser.isSet(m_title) && !drafting)
        m_problem = u"--title goes with --draft"_s;
    if (m_problem.isEmpty() && m_parser.isSet(m_to) && drafting)
        m_problem = u"--draft writes format v1; --to goes with --save-as FILE"_s;
    if (m_problem.isEmpty() && m_parser.isSet(m_to) && !m_parser.isSet(m_saveAs))
        m_problem = u"--to goes with --save-as"_s;
    if (m_problem.isEmpty() && m_parser.isSet(m_to) && !SaveFormat::fromName(m_parser.value(m_to)))
        m_problem = u"--to must be one of %1, not %2"_s.arg(SaveFormat::names().join(u", "_s),
                                                            PlainText::quoted(m_parser.value(m_to)));
    for (const QCommandLineOption *option : { &m_size, &m_scale, &m_select }) {
        if (m_problem.isEmpty() && m_parser.isSet(*option) && !exporting)
            m_problem = u"--%1 goes with --export or --screenshot"_s.arg(option->names().constFirst());
    }
    for (const QCommandLineOption *option : { &m_format, &m_noTitle, &m_subtitle, &m_noCredit, &m_lanes }) {
        if (m_problem.isEmpty() && m_parser.isSet(*option) && !m_parser.isSet(m_export))
            m_problem = u"--%1 goes with --export"_s.arg(option->names().constFirst());
    }

    // Only the window needs widgets; an export renders them offscreen, with no display at all.
    if (exporting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    m_noDisplay = qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if ((m_window && !m_noDisplay && m_problem.isEmpty()) || exporting)
        m_app = std::make_unique<QApplication>(argc, argv);
    else
        m_app = std::make_unique<QCoreApplication>(argc, argv);
    Translations::install(m_app.get());
}

CommandLine::~CommandLine() = default;

bool CommandLine::opensWindow() const
{
    return m_window && !m_noDisplay && m_problem.isEmpty();
}

QString CommandLine::fileToOpen() const
{
    return m_files.isEmpty() ? QString() : m_files.first();
}

int CommandLine::run()
{
    if (!m_problem.isEmpty())
        return usageError(m_problem);
    if (m_parser.isSet(m_help) || m_parser.isSet(m_version)) {
        const QString text = m_parser.isSet(m_help)
            ? m_parser.helpText()
            : u"sourceline "_s + QCoreApplication::applicationVersion() + u'\n';
        if (!writeStdout(text.toLocal8Bit())) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return Success;
    }
    if (m_window) {
        printTo(stderr,
                u"sourceline: there is no display to open a window on.\n"
                "Use --export OUT.png to render the chart to a file, or --check to validate it.\n"_s);
        return Failure;
    }
    if (m_parser.isSet(m_screenshot))
        return runScreenshot();
    if (m_parser.isSet(m_timex) || m_parser.isSet(m_draft))
        return runArticle();
    return runHeadless();
}

int CommandLine::runArticle()
{
    const ArticleCli::Output out = m_parser.isSet(m_draft)
        ? ArticleCli::draft(m_parser.value(m_draft), m_parser.value(m_published), m_parser.value(m_title),
                            m_parser.value(m_saveAs))
        : ArticleCli::timex(m_parser.value(m_timex), m_parser.value(m_published));
    printTo(stderr, out.standardError);
    if (!out.standardOutput.isEmpty() && !writeStdout(out.standardOutput)) {
        printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
        return Failure;
    }
    return out.exitCode;
}

int CommandLine::runHeadless()
{
    const QString fileName = m_files.isEmpty() ? TimelineLoader::embeddedPath() : m_files.first();
    const QString shownName = m_files.isEmpty() ? u"(embedded) openai-microsoft.json"_s : fileName;
    // Usage errors first: a wrong option is worth knowing before a large file is read.
    ChartExporter::Options options;
    ChartExporter::Format format = ChartExporter::Format::Png;
    if (m_parser.isSet(m_export)) {
        if (const QString problem = readExportOptions(&options, &format); !problem.isEmpty())
            return usageError(problem);
    }
    const TimelineLoader::Result result = TimelineLoader::loadFile(fileName);
    if (!result.ok()) {
        printTo(stderr, result.errorText() + u'\n');
        return Failure;
    }
    if (m_parser.isSet(m_dump)) {
        if (!writeStdout(Cli::dump(*result.timeline))) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return Success;
    }
    if (m_parser.isSet(m_saveAs)) {
        const QString out = m_parser.value(m_saveAs);
        QString error;
        const SaveFormat::Format format = m_parser.isSet(m_to) ? *SaveFormat::fromName(m_parser.value(m_to))
                                                               : SaveFormat::fromFileName(out);
        if (!SaveFormat::save(*result.timeline, format, out, &error)) {
            printTo(stderr, u"sourceline: "_s + PlainText::escapeControls(error, false) + u'\n');
            return Failure;
        }
        printTo(stdout, u"sourceline: wrote %1\n"_s.arg(PlainText::escapeControls(out, false)));
        return Success;
    }
    if (!m_parser.isSet(m_export)) {
        if (!writeStdout((Cli::summary(*result.timeline, shownName) + u'\n').toLocal8Bit())) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return Failure;
        }
        return Success;
    }

    TimelineDocument document;
    document.setTimeline(result.timeline, fileName);
    if (m_parser.isSet(m_select) && !document.selectEventById(m_parser.value(m_select)))
        return noSuchEvent(shownName, m_parser.value(m_select));
    const QString out = m_parser.value(m_export);
    if (format == ChartExporter::Format::Png)
        return saveImage(ChartExporter::render(&document, options), out);
    QString error;
    if (!ChartExporter::write(&document, options, format, out, &error)) {
        printTo(stderr, u"sourceline: "_s + PlainText::escapeControls(error, false) + u'\n');
        return Failure;
    }
    printTo(stdout,
            u"sourceline: wrote %1 (%2, %3\u00d7%4)\n"_s
                .arg(PlainText::escapeControls(out, false), ChartExporter::formatName(format).toUpper())
                .arg(options.size.width())
                .arg(options.size.height()));
    return Success;
}

QString CommandLine::readExportOptions(ChartExporter::Options *options, ChartExporter::Format *format) const
{
    if (const QString problem = readImageOptions(m_parser, m_size, m_scale, options); !problem.isEmpty())
        return problem;
    const QString out = m_parser.value(m_export);
    if (m_parser.isSet(m_format)) {
        const auto named = ChartExporter::formatNamed(m_parser.value(m_format));
        if (!named)
            return u"--format must be png, svg or pdf, not %1"_s.arg(
                PlainText::quoted(m_parser.value(m_format)));
        *format = *named;
    } else if (const auto byName = ChartExporter::formatOfFile(out)) {
        *format = *byName;
    } else {
        return u"cannot tell which format to write %1 in: name it .png, .svg or .pdf, or give --format "
               "png|svg|pdf"_s.arg(PlainText::quoted(out));
    }
    if (*format != ChartExporter::Format::Png && m_parser.isSet(m_scale))
        return u"--scale is for PNG only: SVG and PDF are drawn as vectors"_s;
    options->title = !m_parser.isSet(m_noTitle);
    options->subtitle = m_parser.value(m_subtitle);
    options->credit = !m_parser.isSet(m_noCredit);
    const auto lanes = ChartExporter::lanesNamed(m_parser.value(m_lanes));
    if (!lanes)
        return u"--lanes must be all or view, not %1"_s.arg(PlainText::quoted(m_parser.value(m_lanes)));
    options->lanes = *lanes;
    options->revealSelected = m_parser.isSet(m_select);
    return {};
}

int CommandLine::runScreenshot()
{
    const QString fileName = m_files.isEmpty() ? TimelineLoader::embeddedPath() : m_files.first();
    const QString shownName = m_files.isEmpty() ? u"(embedded) openai-microsoft.json"_s : fileName;
    ChartExporter::Options options;
    if (const QString problem = readImageOptions(m_parser, m_size, m_scale, &options); !problem.isEmpty())
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
    if (m_parser.isSet(m_select) && !window.document()->selectEventById(m_parser.value(m_select)))
        return noSuchEvent(shownName, m_parser.value(m_select));
    QCoreApplication::processEvents();
    QImage image = window.grab().toImage();
    return saveImage(image, m_parser.value(m_screenshot));
}
