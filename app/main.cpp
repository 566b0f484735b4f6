#include "cli.h"
#include "plaintext.h"
#include "timelineloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

enum ExitCode { Success = 0, InvalidInput = 1, UsageError = 2 };

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

// Writes to standard output and reports whether every byte arrived (a full disk, a closed pipe).
bool writeStdout(const QByteArray &bytes)
{
    QFile out;
    return out.open(stdout, QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(u"sourceline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOURCELINE_VERSION));
    QCoreApplication::setOrganizationName(u"Sourceline"_s);
    QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sourceline shows dated events on a timeline, each beside the source sentences it rests on.\n"
        "Without FILE it opens the embedded OpenAI\u2013Microsoft timeline (2019\u20132025)."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption checkOption(u"check"_s,
                                         u"Validate the timeline and print a one-line summary, or its errors."_s);
    const QCommandLineOption dumpOption(u"dump"_s, u"Print the loaded timeline as JSON, with resolved dates "
                                                   "and evidence sentences."_s);
    parser.addOptions({checkOption, dumpOption});
    parser.addPositionalArgument(u"FILE"_s, u"A timeline file (format: docs/format.md)."_s, u"[FILE]"_s);

    const auto usageError = [](const QString &message) {
        printTo(stderr, u"sourceline: "_s + message + u"\nTry 'sourceline --help' for more information.\n"_s);
        return UsageError;
    };
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(PlainText::escapeControls(parser.errorText()));
    if (parser.isSet(helpOption)) {
        printTo(stdout, parser.helpText());
        return Success;
    }
    if (parser.isSet(versionOption)) {
        printTo(stdout, u"sourceline "_s + QCoreApplication::applicationVersion() + u'\n');
        return Success;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return usageError(u"expected at most one FILE, got %1"_s.arg(files.size()));
    if (parser.isSet(checkOption) && parser.isSet(dumpOption))
        return usageError(u"--check and --dump cannot be used together"_s);

    const QString fileName = files.isEmpty() ? TimelineLoader::embeddedPath() : files.first();
    const TimelineLoader::Result result = TimelineLoader::loadFile(fileName);
    if (!result.ok()) {
        printTo(stderr, result.errorText() + u'\n');
        return InvalidInput;
    }
    const QString shownName = files.isEmpty() ? u"(embedded) openai-microsoft.json"_s : fileName;

    if (parser.isSet(dumpOption)) {
        if (!writeStdout(Cli::dump(*result.timeline))) {
            printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
            return InvalidInput;
        }
        return Success;
    }
    if (!writeStdout((Cli::summary(*result.timeline, shownName) + u'\n').toLocal8Bit())) {
        printTo(stderr, u"sourceline: cannot write to standard output\n"_s);
        return InvalidInput;
    }
    return Success;
}
