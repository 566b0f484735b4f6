#include "commandline.h"

#include "articlecli.h"
#include "chartexporter.h"
#include "cli.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "saveformat.h"
#include "timelinechart.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelineloader.h"
#include "translations.h"

#include <QApplication>
#include <QFile>
#include <QIcon>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Frames a screenshot waits at most for the chart's labels to settle.
constexpr int s_maxScreenshotFrames = 100;

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
            u"sourceline: "_s + PlainText::escapeControls(message) + u'\n'
                + CommandLine::tr("Try 'sourceline --help' for more information.") + u'\n');
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
        return CommandLine::tr("--size must be WIDTHxHEIGHT, each from 100 to 16384, e.g. 1600x900");
    if (!scaleOk || options->scale < 0.5 || options->scale > 4)
        return CommandLine::tr("--scale must be a number from 0.5 to 4, e.g. 2");
    const double pixels = options->size.width() * options->scale * options->size.height() * options->scale;
    if (pixels > 16384.0 * 16384.0)
        return CommandLine::tr("the image would have %1 million pixels; at most 268 are allowed")
            .arg(qint64(pixels / 1e6));
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
            u"sourceline: "_s
                + CommandLine::tr("wrote %1 (%2×%3 pixels)")
                      .arg(PlainText::escapeControls(out, false))
                      .arg(image.width())
                      .arg(image.height())
                + u'\n');
    return CommandLine::Success;
}

// How messages name the embedded timeline, which has no file of its own.
QString embeddedName()
{
    return CommandLine::tr("(embedded) %1").arg(u"openai-microsoft.json"_s);
}

int noSuchEvent(const QString &shownName, const QString &id)
{
    printTo(stderr,
            u"sourceline: "_s
                + CommandLine::tr("%1: no event has the id %2")
                      .arg(PlainText::escapeControls(shownName, false), PlainText::quoted(id))
                + u'\n');
    return CommandLine::Failure;
}

} // namespace

CommandLine::CommandLine(int &argc, char **argv)
    : m_check(u"check"_s)
    , m_dump(u"dump"_s)
    , m_saveAs(u"save-as"_s, QString(), u"OUT.json"_s)
    , m_to(u"to"_s, QString(), u"FORMAT"_s)
    , m_export(u"export"_s, QString(), u"OUT"_s)
    , m_format(u"format"_s, QString(), u"FORMAT"_s)
    , m_noTitle(u"no-title"_s)
    , m_subtitle(u"subtitle"_s, QString(), u"TEXT"_s)
    , m_noCredit(u"no-credit"_s)
    , m_lanes(u"lanes"_s, QString(), u"all|view"_s, u"all"_s)
    , m_size(u"size"_s, QString(), u"WxH"_s, u"1600x900"_s)
    , m_scale(u"scale"_s, QString(), u"F"_s, u"1"_s)
    , m_select(u"select"_s, QString(), u"EVENT_ID"_s)
    , m_screenshot(u"screenshot"_s, QString(), u"OUT.png"_s)
    , m_timex(u"timex"_s, QString(), u"ARTICLE"_s)
    , m_draft(u"draft"_s, QString(), u"ARTICLE"_s)
    , m_published(u"published"_s, QString(), u"YYYY-MM-DD"_s)
    , m_title(u"title"_s, QString(), u"TEXT"_s)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    setUpParser(&m_parser);
    const bool parsed = m_parser.parse(arguments);
    m_files = m_parser.positionalArguments();
    const bool exporting = m_parser.isSet(m_export) || m_parser.isSet(m_screenshot);
    m_window = modeCount() == 0 && !helpAsked() && !m_parser.isSet(u"version"_s);
    // Which application object to make depends on whether the arguments are usable; the
    // message that says why not is made again below, once the translator is installed.
    const bool usable = parsed && usageProblem().isEmpty();

    // Only the window needs widgets; an export renders them offscreen, with no display at all.
    if (exporting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    m_noDisplay = qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if ((m_window && !m_noDisplay && usable) || exporting)
        m_app = std::make_unique<QApplication>(argc, argv);
    else
        m_app = std::make_unique<QCoreApplication>(argc, argv);
    Translations::install(m_app.get());
    m_problem = parsed ? usageProblem() : m_parser.errorText();
}

// --help-all, which Qt's help option lists, gets the same text: the window's Qt options (-style
// and the like) are not ours to document.
bool CommandLine::helpAsked() const
{
    return m_parser.isSet(u"help"_s) || m_parser.isSet(u"help-all"_s);
}

int CommandLine::modeCount() const
{
    // --draft writes a timeline, so with it --save-as says where rather than being a mode.
    const bool drafting = m_parser.isSet(m_draft);
    return int(m_parser.isSet(m_check)) + int(m_parser.isSet(m_dump))
        + int(m_parser.isSet(m_saveAs) && !drafting) + int(m_parser.isSet(m_export))
        + int(m_parser.isSet(m_screenshot)) + int(m_parser.isSet(m_timex)) + int(drafting);
}

QString CommandLine::usageProblem() const
{
    const bool drafting = m_parser.isSet(m_draft);
    const bool exporting = m_parser.isSet(m_export) || m_parser.isSet(m_screenshot);
    if (m_files.size() > 1)
        return tr("expected at most one FILE, got %1").arg(m_files.size());
    if (modeCount() > 1)
        return tr("use only one of --check, --dump, --save-as, --export, --screenshot, --timex and --draft");
    if ((m_parser.isSet(m_timex) || drafting) && !m_files.isEmpty())
        return tr("--timex and --draft read the article they name, not a FILE");
    if (m_parser.isSet(m_published) && !m_parser.isSet(m_timex) && !drafting)
        return tr("--published goes with --timex or --draft");
    if (m_parser.isSet(m_title) && !drafting)
        return tr("--title goes with --draft");
    if (m_parser.isSet(m_to) && drafting)
        return tr("--draft writes format v1; --to goes with --save-as FILE");
    if (m_parser.isSet(m_to) && !m_parser.isSet(m_saveAs))
        return tr("--to goes with --save-as");
    if (m_parser.isSet(m_to) && !SaveFormat::fromName(m_parser.value(m_to)))
        return tr("--to must be one of %1, not %2")
            .arg(SaveFormat::names().join(u", "_s), PlainText::quoted(m_parser.value(m_to)));
    for (const QCommandLineOption *option : { &m_size, &m_scale, &m_select }) {
        if (m_parser.isSet(*option) && !exporting)
            return tr("--%1 goes with --export or --screenshot").arg(option->names().constFirst());
    }
    for (const QCommandLineOption *option : { &m_format, &m_noTitle, &m_subtitle, &m_noCredit, &m_lanes }) {
        if (m_parser.isSet(*option) && !m_parser.isSet(m_export))
            return tr("--%1 goes with --export").arg(option->names().constFirst());
    }
    return {};
}

void CommandLine::setUpParser(QCommandLineParser *parser) const
{
    parser->addHelpOption();
    parser->addVersionOption();
    parser->setApplicationDescription(
        tr("Sourceline shows dated events on a timeline, each beside the source sentences it rests on.\n"
           "Without FILE it opens the embedded OpenAI–Microsoft timeline (2019–2025)."));
    parser->addOptions({ m_check, m_dump, m_saveAs, m_to, m_export, m_format, m_noTitle, m_subtitle,
                         m_noCredit, m_lanes, m_size, m_scale, m_select, m_screenshot, m_timex, m_draft,
                         m_published, m_title });
    parser->addPositionalArgument(u"FILE"_s, tr("A timeline file (format: docs/format.md)."), u"[FILE]"_s);
}

void CommandLine::describeOptions()
{
    m_check.setDescription(tr("Validate the timeline and print a one-line summary, or its errors."));
    m_dump.setDescription(
        tr("Print the loaded timeline as JSON, with resolved dates and evidence sentences."));
    m_saveAs.setDescription(tr("Load the timeline and write it to OUT.json in the canonical form of format "
                               "version 1 (stable order, indented), as File ▸ Save As does."));
    m_to.setDescription(tr("The format --save-as writes: timelinejs (TimelineJS JSON), csv (a CSV of events) "
                           "or sourceline. Default: csv for a .csv file, else sourceline."));
    m_export.setDescription(
        tr("Render the chart to a PNG, SVG or PDF file, by OUT's extension, without opening a window."));
    m_format.setDescription(tr("Write the export as png, svg or pdf, whatever OUT's extension."));
    m_noTitle.setDescription(tr("Leave the timeline's title out of the export."));
    m_subtitle.setDescription(tr("Put TEXT under the export's title."));
    m_noCredit.setDescription(tr("Leave out the credit line that names the timeline's sources."));
    m_lanes.setDescription(
        tr("all: every lane squeezed into the figure, as the window's overview (the default). "
           "view: the lanes in view at a readable height, with their labels; without a "
           "window that is the first lanes that fit, or with --select those around the "
           "selected event's lane."));
    m_size.setDescription(tr("Size of the exported chart in pixels before scaling (default 1600x900)."));
    m_scale.setDescription(tr("Scale of the exported chart: the PNG is W·F × H·F pixels (default 1)."));
    m_select.setDescription(tr("Select (highlight) this event in the export or screenshot."));
    m_screenshot.setDescription(tr("Render the whole window offscreen to a PNG file (at --size, default "
                                   "1600x900), as the README's pictures are made."));
    m_timex.setDescription(
        tr("Print the dates and times found in a plain-text article as JSON (TIMEX3 values "
           "and EDTF dates)."));
    m_draft.setDescription(tr("Write a timeline of draft events from a plain-text article: its dated "
                              "sentences, with their actors (to standard output, or to --save-as)."));
    m_published.setDescription(
        tr("With --timex or --draft: the day the article appeared, which relative dates "
           "(\"yesterday\") are resolved against. Default: the article's date line."));
    m_title.setDescription(tr("With --draft: the timeline's title (default: the headline)."));
}

// The options' text is translated only now: when the parser that read the arguments was made,
// there was no application object yet, and so no translator.
QString CommandLine::helpText()
{
    describeOptions();
    QCommandLineParser parser;
    setUpParser(&parser);
    return parser.helpText();
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
    if (helpAsked() || m_parser.isSet(u"version"_s)) {
        const QString text =
            helpAsked() ? helpText() : u"sourceline "_s + QCoreApplication::applicationVersion() + u'\n';
        if (!writeStdout(text.toLocal8Bit())) {
            printTo(stderr, u"sourceline: "_s + tr("cannot write to standard output") + u'\n');
            return Failure;
        }
        return Success;
    }
    if (m_window) {
        printTo(stderr,
                u"sourceline: "_s
                    + tr("there is no display to open a window on.\n"
                         "Use --export OUT.png to render the chart to a file, or --check to validate it.")
                    + u'\n');
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
        printTo(stderr, u"sourceline: "_s + tr("cannot write to standard output") + u'\n');
        return Failure;
    }
    return out.exitCode;
}

int CommandLine::runHeadless()
{
    const QString fileName = m_files.isEmpty() ? TimelineLoader::embeddedPath() : m_files.first();
    const QString shownName = m_files.isEmpty() ? embeddedName() : fileName;
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
            printTo(stderr, u"sourceline: "_s + tr("cannot write to standard output") + u'\n');
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
        printTo(stdout,
                u"sourceline: "_s + tr("wrote %1").arg(PlainText::escapeControls(out, false)) + u'\n');
        return Success;
    }
    if (!m_parser.isSet(m_export)) {
        if (!writeStdout((Cli::summary(*result.timeline, shownName) + u'\n').toLocal8Bit())) {
            printTo(stderr, u"sourceline: "_s + tr("cannot write to standard output") + u'\n');
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
            u"sourceline: "_s
                + tr("wrote %1 (%2, %3×%4)")
                      .arg(PlainText::escapeControls(out, false), ChartExporter::formatName(format).toUpper())
                      .arg(options.size.width())
                      .arg(options.size.height())
                + u'\n');
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
            return tr("--format must be png, svg or pdf, not %1")
                .arg(PlainText::quoted(m_parser.value(m_format)));
        *format = *named;
    } else if (const auto byName = ChartExporter::formatOfFile(out)) {
        *format = *byName;
    } else {
        return tr("cannot tell which format to write %1 in: name it .png, .svg or .pdf, or give --format "
                  "png|svg|pdf")
            .arg(PlainText::quoted(out));
    }
    if (*format != ChartExporter::Format::Png && m_parser.isSet(m_scale))
        return tr("--scale is for PNG only: SVG and PDF are drawn as vectors");
    options->title = !m_parser.isSet(m_noTitle);
    options->subtitle = m_parser.value(m_subtitle);
    options->credit = !m_parser.isSet(m_noCredit);
    const auto lanes = ChartExporter::lanesNamed(m_parser.value(m_lanes));
    if (!lanes)
        return tr("--lanes must be all or view, not %1").arg(PlainText::quoted(m_parser.value(m_lanes)));
    options->lanes = *lanes;
    options->revealSelected = m_parser.isSet(m_select);
    return {};
}

int CommandLine::runScreenshot()
{
    const QString fileName = m_files.isEmpty() ? TimelineLoader::embeddedPath() : m_files.first();
    const QString shownName = m_files.isEmpty() ? embeddedName() : fileName;
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
    // The chart places its labels over a few frames, each within a frame's time: the picture
    // is taken once the placer has finished and a frame changes nothing. (A frame of the placer's
    // work can change nothing on screen and still leave work for the next.)
    const TimelineChart *chart = window.chartView()->timelineChart();
    QImage image;
    for (int frame = 0; frame < s_maxScreenshotFrames; ++frame) {
        QCoreApplication::processEvents();
        QImage next = window.grab().toImage();
        const bool settled = next == image && chart->labelsSettled();
        image = std::move(next);
        if (settled)
            break;
    }
    return saveImage(image, m_parser.value(m_screenshot));
}
