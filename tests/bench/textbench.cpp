// Times the article pipeline's linear parts, the sentence splitter and the temporal tagger, on
// 10 MB texts of several shapes, beside a baseline from the same run (decoding the bytes and
// one pass counting letters). The budget is 2 s for splitter and tagger together on 10 MB.
#include "sentencesplitter.h"
#include "temporaltagger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdlib>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QByteArray repeatTo(const QByteArray &unit, qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes)
        out += unit;
    out.truncate(bytes);
    return out;
}

// News prose: sentences of ordinary words with a date now and then.
QByteArray prose(qsizetype bytes)
{
    return repeatTo(
        "The company said on Tuesday that its third-quarter profit rose, and analysts at the bank "
        "expect more growth next year. Shares closed higher in New York.\n"
        "Since 2019, when Microsoft invested $1 billion in OpenAI, the relationship has changed. "
        "The release of ChatGPT in late 2022 was followed by delays.\n",
        bytes);
}

// Dates everywhere: every few words an expression the tagger must resolve.
QByteArray dense(qsizetype bytes)
{
    return repeatTo(
        "On March 6, 2008, at 18:00 UTC, two years ago, in Q3 2024, last week, mid-2023, the 1990s, "
        "yesterday, 7/8/07, early this year, every week, five years. ",
        bytes);
}

// No sentence ends and no dates: one line of random lowercase words and numbers.
QByteArray wordSoup(qsizetype bytes)
{
    QRandomGenerator random(12);
    QByteArray out;
    out.reserve(bytes);
    while (out.size() < bytes) {
        const int length = 1 + int(random.bounded(9));
        for (int i = 0; i < length; ++i)
            out += char(random.bounded(3) == 0 ? '0' + random.bounded(10) : 'a' + random.bounded(26));
        out += ' ';
    }
    out.truncate(bytes);
    return out;
}

// A table of numbers: years, money and percentages the tagger must look at and mostly reject.
QByteArray numbers(qsizetype bytes)
{
    return repeatTo("2000 jobs, $2010, 1999.5 points, 2008%, 12,345.67, 3-1, 4:30, 19X5, 2020-13-45 | ",
                    bytes);
}

double seconds(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e9;
}

// The processor time the process spent: on a shared machine the wall clock also counts the
// time other programs had the processor.
double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times the sentence splitter and the temporal tagger on large texts."_s);
    parser.addHelpOption();
    const QCommandLineOption megabytes(u"megabytes"_s, u"Size of each text in MB (default 10)."_s, u"N"_s,
                                       u"10"_s);
    const QCommandLineOption shapeOption(
        u"shape"_s, u"Time only this generated shape (prose, dense, soup, numbers); may be repeated."_s,
        u"NAME"_s);
    const QCommandLineOption fileOption(
        u"file"_s, u"Time this UTF-8 text as it is, after the generated shapes; may be repeated."_s,
        u"PATH"_s);
    parser.addOptions({ megabytes, shapeOption, fileOption });
    parser.process(app);
    const qsizetype bytes = qsizetype(parser.value(megabytes).toDouble() * 1024 * 1024);

    // Real text too, not only the generators' repeated units: a corpus of articles, text with
    // no dates, one long line.
    std::vector<std::pair<QString, std::function<QByteArray()>>> texts;
    const std::pair<QString, QByteArray (*)(qsizetype)> shapes[] = {
        { u"prose"_s, prose }, { u"dense"_s, dense }, { u"soup"_s, wordSoup }, { u"numbers"_s, numbers }
    };
    const QStringList only = parser.values(shapeOption);
    for (const auto &[name, make] : shapes) {
        if (only.isEmpty() || only.contains(name))
            texts.emplace_back(name, [make, bytes] { return make(bytes); });
    }
    for (const QString &path : parser.values(fileOption)) {
        texts.emplace_back(QFileInfo(path).completeBaseName(), [path] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                QTextStream(stderr) << u"textbench: cannot read "_s << path << u'\n';
                std::exit(2);
            }
            return file.readAll();
        });
    }

    QTextStream out(stdout);
    out << u"shape        MB  decode+count s  split s  tag s  split+tag s  (cpu s)  expressions  budget 2 s\n"_s;
    bool withinBudget = true;
    for (const auto &[name, make] : texts) {
        const QByteArray utf8 = make();
        QString text;
        qsizetype letters = 0;
        const double baseline = seconds([&] {
            text = QString::fromUtf8(utf8);
            for (const QChar c : std::as_const(text))
                letters += c.isLetter();
        });
        qsizetype sentences = 0;
        const double cpuBefore = cpuSeconds();
        const double split = seconds([&] { sentences = SentenceSplitter::split(text).size(); });
        qsizetype found = 0;
        const double tag = seconds([&] { found = TemporalTagger(QDate(2025, 1, 22)).tag(text).size(); });
        const double cpu = cpuSeconds() - cpuBefore;
        // The budget is for 10 MB: a text of another size gets its share.
        const double budget = 2.0 * double(utf8.size()) / (10 * 1024 * 1024);
        const bool ok = split + tag < budget;
        withinBudget = withinBudget && ok;
        out << name.left(11).leftJustified(11)
            << QString::number(double(utf8.size()) / (1024 * 1024), 'f', 1).rightJustified(4)
            << QString::number(baseline, 'f', 3).rightJustified(15)
            << QString::number(split, 'f', 3).rightJustified(9)
            << QString::number(tag, 'f', 3).rightJustified(7)
            << QString::number(split + tag, 'f', 3).rightJustified(13)
            << QString::number(cpu, 'f', 3).rightJustified(9) << QString::number(found).rightJustified(13)
            << (ok ? u"  ok"_s : u"  OVER"_s) << u'\n';
        out.flush();
        Q_UNUSED(sentences);
        Q_UNUSED(letters);
    }
    return withinBudget ? 0 : 1;
}
