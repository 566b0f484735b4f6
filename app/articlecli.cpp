#include "articlecli.h"

#include "articlereader.h"
#include "temporaltagger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ArticleCli {

namespace {

// --published: a day, or the article's own date line, or nothing (relative dates stay open).
bool readPublished(const QString &option, const QString &text, std::optional<QDate> *published, Output *out)
{
    if (!option.isEmpty()) {
        static const QRegularExpression day(u"^\\d{4}-\\d\\d-\\d\\d$"_s);
        const QDate date = QDate::fromString(option, Qt::ISODate);
        if (!day.match(option).hasMatch() || !date.isValid()) {
            out->exitCode = 2;
            out->standardError =
                u"sourceline: --published must be a day written YYYY-MM-DD, e.g. 2025-01-22\n"_s;
            return false;
        }
        *published = date;
        return true;
    }
    if (const auto line = TemporalTagger::dateLine(text))
        *published = QDate::fromString(line->value, Qt::ISODate);
    return true;
}

} // namespace

QByteArray timexJson(const QString &text, const QList<Timex> &found)
{
    // Offsets in code points: count the surrogate pairs before each offset, in one pass.
    QJsonArray list;
    qsizetype unit = 0;
    qsizetype pairs = 0;
    const auto codePoint = [&](qsizetype offset) {
        for (; unit < offset; ++unit) {
            if (text[unit].isHighSurrogate() && unit + 1 < text.size() && text[unit + 1].isLowSurrogate())
                ++pairs;
        }
        return offset - pairs;
    };
    for (const Timex &t : found) {
        const qsizetype begin = codePoint(t.begin);
        const qsizetype end = codePoint(t.end);
        list.append(QJsonObject { { u"begin"_s, begin },
                                  { u"end"_s, end },
                                  { u"text"_s, t.text },
                                  { u"type"_s, t.type },
                                  { u"value"_s, t.value },
                                  { u"edtf"_s, t.edtf } });
    }
    return QJsonDocument(QJsonObject { { u"timex"_s, list } }).toJson(QJsonDocument::Indented);
}

Output timex(const QString &articlePath, const QString &published)
{
    Output out;
    QString error;
    const auto article = ArticleReader::read(articlePath, &error);
    if (!article) {
        out.exitCode = 1;
        out.standardError = u"sourceline: "_s + error + u'\n';
        return out;
    }
    if (!article->warning.isEmpty())
        out.standardError += u"sourceline: warning: "_s + article->warning + u'\n';
    std::optional<QDate> day;
    if (!readPublished(published, article->text, &day, &out))
        return out;
    out.standardOutput = timexJson(article->text, TemporalTagger(day).tag(article->text));
    return out;
}

} // namespace ArticleCli
