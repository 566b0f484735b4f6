#include "timelinebuilder.h"

#include "daterange.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

// A readable id from a title: lowercase ASCII letters and digits joined by hyphens.
QString slug(const QString &text)
{
    QString out;
    bool hyphen = false;
    for (const QChar c : text) {
        if (out.size() >= 40)
            break;
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            if (hyphen && !out.isEmpty())
                out += u'-';
            out += c.toLower();
            hyphen = false;
        } else {
            hyphen = true;
        }
    }
    return out;
}

QString fourDigits(qint64 year)
{
    return QString::number(year).rightJustified(4, u'0');
}

QString datePart(const TimelineBuilder::DateParts &d)
{
    QString out = fourDigits(d.year);
    if (d.month > 0)
        out += u'-' + QString::number(d.month).rightJustified(2, u'0');
    if (d.day > 0)
        out += u'-' + QString::number(d.day).rightJustified(2, u'0');
    return out;
}

QString checkParts(const TimelineBuilder::DateParts &d)
{
    if (!d.hasYear)
        return QCoreApplication::translate("TimelineBuilder", "the date has no year");
    if (d.year < 1)
        return QCoreApplication::translate(
                   "TimelineBuilder", "year %1 is before year 1, and Sourceline cannot show such years yet")
            .arg(d.year);
    if (d.year > 9999)
        return QCoreApplication::translate("TimelineBuilder",
                                           "year %1 is after 9999, the latest year Sourceline shows")
            .arg(d.year);
    if (d.month < 0 || d.month > 12)
        return QCoreApplication::translate("TimelineBuilder", "there is no month %1").arg(d.month);
    if (d.day < 0 || d.day > 31)
        return QCoreApplication::translate("TimelineBuilder", "there is no day %1 in a month").arg(d.day);
    if (d.day > 0 && d.month == 0)
        return QCoreApplication::translate("TimelineBuilder", "the date has a day but no month");
    return {};
}

} // namespace

TimelineBuilder::TimelineBuilder(QString fileName, QString actorKind)
    : m_fileName(std::move(fileName))
    , m_actorKind(std::move(actorKind))
{ }

std::optional<QString> TimelineBuilder::when(const DateParts &start, const DateParts *end, QString *error)
{
    QString problem = checkParts(start);
    if (problem.isEmpty() && end)
        problem = checkParts(*end);
    QString text;
    if (problem.isEmpty()) {
        text = datePart(start);
        if (end && datePart(*end) != text)
            text += u'/' + datePart(*end);
        QString parseError;
        if (!DateRange::parse(text.toUtf8(), &parseError))
            problem = parseError;
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return text;
}

QString TimelineBuilder::uniqueId(QSet<QString> &taken, const QString &wish, const QString &fallback) const
{
    QString base = wish.trimmed();
    if (base.isEmpty())
        base = slug(fallback);
    if (base.isEmpty())
        base = u"item"_s;
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + u'-' + QString::number(n);
    taken.insert(id);
    return id;
}

void TimelineBuilder::addEvent(const EventData &event)
{
    QJsonObject e {
        { u"id"_s, uniqueId(m_eventIdsTaken, event.id, event.title) },
        { u"title"_s, event.title },
        { u"when"_s, event.when },
    };
    if (!event.dateText.isEmpty())
        e.insert(u"dateText"_s, event.dateText);
    if (!event.summary.isEmpty())
        e.insert(u"summary"_s, event.summary);
    if (!event.kind.isEmpty())
        e.insert(u"kind"_s, event.kind);
    QJsonArray actors;
    QSet<QString> seen;
    for (const QString &name : event.actors) {
        const QString trimmed = name.trimmed();
        if (trimmed.isEmpty())
            continue;
        QString &id = m_actorIds[trimmed];
        if (id.isEmpty()) {
            id = uniqueId(m_actorIdsTaken, {}, trimmed);
            m_actors.append(
                QJsonObject { { u"id"_s, id }, { u"name"_s, trimmed }, { u"kind"_s, m_actorKind } });
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            actors.append(id);
        }
    }
    e.insert(u"actors"_s, actors);
    QJsonArray references;
    for (const ReferenceData &r : event.references) {
        QJsonObject reference { { u"title"_s, r.title.isEmpty() ? r.url : r.title } };
        if (!r.publisher.isEmpty())
            reference.insert(u"publisher"_s, r.publisher);
        if (!r.url.isEmpty())
            reference.insert(u"url"_s, r.url);
        references.append(reference);
    }
    if (!references.isEmpty())
        e.insert(u"references"_s, references);
    m_events.append(e);
}

void TimelineBuilder::addEra(const QString &title, const QString &when)
{
    m_eras.append(QJsonObject {
        { u"id"_s, uniqueId(m_eraIdsTaken, {}, title) },
        { u"title"_s, title },
        { u"when"_s, when },
    });
}

void TimelineBuilder::addError(LoadError error)
{
    if (m_errors.size() >= TimelineLoader::maxErrors) {
        ++m_unreported;
        return;
    }
    error.file = m_fileName;
    m_errors.append(std::move(error));
}

TimelineLoader::Result TimelineBuilder::finish(const TimelineLoader::Progress &progress)
{
    if (!m_errors.isEmpty()) {
        TimelineLoader::Result result;
        result.errors = m_errors;
        result.unreportedErrors = m_unreported;
        return result;
    }
    QString title = m_title;
    if (title.isEmpty())
        title = QFileInfo(m_fileName).completeBaseName();
    QJsonObject document {
        { u"format"_s, u"sourceline"_s },
        { u"version"_s, 1 },
        { u"title"_s, title },
        { u"sources"_s, QJsonArray() },
        { u"actors"_s, m_actors },
        { u"events"_s, m_events },
        { u"eras"_s, m_eras },
    };
    if (!m_description.isEmpty())
        document.insert(u"description"_s, m_description);
    TimelineLoader::Result result = TimelineLoader::loadSourceline(
        QJsonDocument(document).toJson(QJsonDocument::Compact), m_fileName, progress);
    // The positions would be in the converted text, which the user never sees.
    for (LoadError &e : result.errors) {
        e.line = 0;
        e.column = 0;
    }
    return result;
}
