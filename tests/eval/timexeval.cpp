// Scores the temporal tagger against gold TIMEX3 annotations the way TempEval-3 does: strict
// (same span) and relaxed (overlapping span) extraction precision, recall and F1, and value F1
// (relaxed matches whose value equals the gold one), for DATE and TIME expressions other than
// the article's own date line. Each article DIR/NAME.txt has its gold in DIR/NAME.json (the
// MEANTIME corpus, CC BY 4.0; see that folder's README).
#include "temporaltagger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QString text;
    QString type;
    QString value;
    bool overlaps(const Span &o) const { return begin < o.end && o.begin < end; }
};

struct Counts
{
    int gold = 0;
    int system = 0;
    int strictGold = 0; // gold spans found exactly
    int strictSystem = 0;
    int relaxedGold = 0; // gold spans overlapped by a system span
    int relaxedSystem = 0;
    int valueGold = 0; // of the relaxed matches, those with the gold value
    int valueSystem = 0;
};

double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

double ratio(int a, int b)
{
    return b > 0 ? double(a) / b : 0;
}

bool scored(const QString &type)
{
    return type == u"DATE"_s || type == u"TIME"_s;
}

// Code points to UTF-16 offsets, for gold offsets given in code points.
QList<qsizetype> utf16Offsets(const QString &text)
{
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < text.size(); ++i) {
        offsets.append(i);
        if (text[i].isHighSurrogate() && i + 1 < text.size())
            ++i;
    }
    offsets.append(text.size());
    return offsets;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Scores the temporal tagger against gold TIMEX3 annotations."_s);
    parser.addHelpOption();
    const QCommandLineOption verbose(u"verbose"_s,
                                     u"List every miss: gold not found, wrong values, extra spans."_s);
    parser.addOption(verbose);
    parser.addPositionalArgument(u"DIR"_s, u"Folder of NAME.txt articles with NAME.json gold."_s);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    QTextStream out(stdout);
    const QDir dir(parser.positionalArguments().constFirst());
    const QStringList names = dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
    if (names.isEmpty()) {
        std::fprintf(stderr, "timexeval: no NAME.json files in %s\n", qPrintable(dir.path()));
        return 1;
    }
    Counts n;
    QMap<QString, int> missKinds;
    for (const QString &jsonName : names) {
        QFile jsonFile(dir.filePath(jsonName));
        QFile textFile(dir.filePath(QString(jsonName).replace(u".json"_s, u".txt"_s)));
        if (!jsonFile.open(QIODevice::ReadOnly) || !textFile.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "timexeval: cannot read %s\n", qPrintable(jsonName));
            return 1;
        }
        const QJsonObject gold = QJsonDocument::fromJson(jsonFile.readAll()).object();
        const QString text = QString::fromUtf8(textFile.readAll());
        const QList<qsizetype> at = utf16Offsets(text);
        const auto offset = [&](qint64 codePoint) {
            return at.value(qsizetype(codePoint), text.size());
        };
        const qsizetype annotatedEnd = offset(gold[u"annotatedEnd"_s].toInteger(text.size()));
        const QDate published = QDate::fromString(gold[u"published"_s].toString(), Qt::ISODate);

        QList<Span> goldSpans;
        QList<Span> creation;
        for (const QJsonValue &v : gold[u"timex"_s].toArray()) {
            const QJsonObject o = v.toObject();
            const Span s { offset(o[u"begin"_s].toInteger()), offset(o[u"end"_s].toInteger()),
                           o[u"text"_s].toString(), o[u"type"_s].toString(), o[u"value"_s].toString() };
            if (o[u"creationTime"_s].toBool())
                creation.append(s);
            else if (scored(s.type))
                goldSpans.append(s);
        }
        QList<Span> systemSpans;
        for (const Timex &t : TemporalTagger(published).tag(text)) {
            const Span s { t.begin, t.end, t.text, t.type, t.value };
            const bool onDateLine =
                std::any_of(creation.begin(), creation.end(), [&](const Span &c) { return c.overlaps(s); });
            if (scored(s.type) && s.begin < annotatedEnd && !onDateLine)
                systemSpans.append(s);
        }

        n.gold += int(goldSpans.size());
        n.system += int(systemSpans.size());
        const QString article = jsonName.chopped(5);
        for (const Span &g : goldSpans) {
            const Span *match = nullptr;
            for (const Span &s : systemSpans) {
                if (s.overlaps(g) && (!match || (s.begin == g.begin && s.end == g.end)))
                    match = &s;
            }
            if (!match) {
                missKinds[u"not found"_s]++;
                if (parser.isSet(verbose))
                    out << u"missed   "_s << article << u": \""_s << g.text << u"\" "_s << g.value << u'\n';
                continue;
            }
            n.relaxedGold++;
            if (match->begin == g.begin && match->end == g.end)
                n.strictGold++;
            if (match->value == g.value) {
                n.valueGold++;
            } else {
                missKinds[u"wrong value"_s]++;
                if (parser.isSet(verbose))
                    out << u"value    "_s << article << u": \""_s << g.text << u"\" "_s << g.value
                        << u", found \""_s << match->text << u"\" "_s << match->value << u'\n';
            }
            if (match->begin != g.begin || match->end != g.end) {
                missKinds[u"span differs"_s]++;
                if (parser.isSet(verbose))
                    out << u"span     "_s << article << u": \""_s << g.text << u"\", found \""_s
                        << match->text << u"\"\n"_s;
            }
        }
        for (const Span &s : systemSpans) {
            const Span *match = nullptr;
            for (const Span &g : goldSpans) {
                if (s.overlaps(g) && (!match || (s.begin == g.begin && s.end == g.end)))
                    match = &g;
            }
            if (!match) {
                missKinds[u"extra"_s]++;
                if (parser.isSet(verbose))
                    out << u"extra    "_s << article << u": \""_s << s.text << u"\" "_s << s.value << u'\n';
                continue;
            }
            n.relaxedSystem++;
            if (match->begin == s.begin && match->end == s.end)
                n.strictSystem++;
            if (match->value == s.value)
                n.valueSystem++;
        }
    }

    const auto line = [&](const QString &name, int systemHits, int goldHits) {
        const double p = ratio(systemHits, n.system);
        const double r = ratio(goldHits, n.gold);
        out << name.leftJustified(10) << u"  P "_s << QString::number(p, 'f', 3) << u"  R "_s
            << QString::number(r, 'f', 3) << u"  F1 "_s << QString::number(f1(p, r), 'f', 3) << u'\n';
    };
    out << names.size() << u" articles, "_s << n.gold << u" gold and "_s << n.system
        << u" found DATE/TIME expressions (without the date line)\n"_s;
    line(u"strict"_s, n.strictSystem, n.strictGold);
    line(u"relaxed"_s, n.relaxedSystem, n.relaxedGold);
    line(u"value"_s, n.valueSystem, n.valueGold);
    out << u"misses:"_s;
    for (auto it = missKinds.cbegin(); it != missKinds.cend(); ++it)
        out << u' ' << it.key() << u' ' << it.value() << u';';
    out << u"\nData: MEANTIME (NewsReader), CC BY 4.0, from Wikinews articles (CC BY 2.5).\n"_s;
    return 0;
}
