#include "articlecli.h"

#include "articlereader.h"
#include "drafter.h"
#include "plaintext.h"
#include "temporaltagger.h"
#include "timelineloader.h"
#include "timelinewriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ArticleCli {

namespace {

// The messages of --timex and --draft.
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(ArticleCli)
};

// --published: a day, or the article's own date line, or nothing (relative dates stay open).
bool readPublished(const QString &option, const QString &text, std::optional<QDate> *published, Output *out)
{
    if (!option.isEmpty()) {
        static const QRegularExpression day(u"^\\d{4}-\\d\\d-\\d\\d$"_s);
        const QDate date = QDate::fromString(option, Qt::ISODate);
        if (!day.match(option).hasMatch() || !date.isValid()) {
            out->exitCode = 2;
            out->standardError = u"sourceline: "_s
                + Words::tr("--published must be a day written YYYY-MM-DD, e.g. 2025-01-22") + u'\n';
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

// Reads the article and the publication date it is resolved against (given, or its date line);
// on a problem, says it in `out` and returns nothing. A warning (Latin-1) goes to `out` too.
std::optional<ArticleReader::Article> readArticle(const QString &articlePath, const QString &published,
                                                  Output *out, std::optional<QDate> *day)
{
    QString error;
    auto article = ArticleReader::read(articlePath, &error);
    if (!article) {
        out->exitCode = 1;
        out->standardError = u"sourceline: "_s + error + u'\n';
        return std::nullopt;
    }
    if (!article->warning.isEmpty())
        out->standardError += u"sourceline: "_s + Words::tr("warning: %1").arg(article->warning) + u'\n';
    if (!readPublished(published, article->text, day, out))
        return std::nullopt;
    return article;
}

Output timex(const QString &articlePath, const QString &published)
{
    Output out;
    std::optional<QDate> day;
    const auto article = readArticle(articlePath, published, &out, &day);
    if (!article)
        return out;
    out.standardOutput = timexJson(article->text, TemporalTagger(day).tag(article->text));
    return out;
}

Output draft(const QString &articlePath, const QString &published, const QString &title,
             const QString &saveAs)
{
    Output out;
    std::optional<QDate> day;
    const auto article = readArticle(articlePath, published, &out, &day);
    if (!article)
        return out;
    Drafter::Options options;
    options.published = day;
    options.title = title;
    const std::shared_ptr<Timeline> timeline = Drafter::draft(article->text, options);
    const QByteArray json = TimelineWriter::toJson(*timeline);

    // What we write must load: check it as --check would, so that a fault here is never a file.
    const TimelineLoader::Result check = TimelineLoader::loadData(json, u"(drafts)"_s);
    if (!check.ok()) {
        out.exitCode = 1;
        out.standardError += u"sourceline: "_s + Words::tr("internal error: the drafts do not load:") + u'\n'
            + check.errorText() + u'\n';
        return out;
    }
    if (!day)
        out.standardError += u"sourceline: "_s
            + Words::tr("note: no --published and no date line, so relative dates (\"yesterday\", "
                        "\"last year\") were left out")
            + u'\n';
    const qsizetype events = qsizetype(timeline->events.size());
    if (saveAs.isEmpty()) {
        out.standardOutput = json;
        return out;
    }
    if (QString error; !TimelineWriter::save(*timeline, saveAs, &error)) {
        out.exitCode = 1;
        out.standardError += u"sourceline: "_s + PlainText::escapeControls(error, false) + u'\n';
        return out;
    }
    out.standardError += u"sourceline: "_s
        + Words::tr("wrote %n draft event(s) to %1", nullptr, int(events))
              .arg(PlainText::escapeControls(saveAs, false))
        + u'\n';
    return out;
}

} // namespace ArticleCli
