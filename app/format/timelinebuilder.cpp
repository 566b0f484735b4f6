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

// TimelineJS shows year -44 as "44 BCE", so that is what its authors mean by it; EDTF counts
// years astronomically, where 44 BC is -0043 and year 0 is 1 BC.
qint64 astronomicalYear(qint64 year)
{
    return year < 0 ? year + 1 : year;
}

QString datePart(const TimelineBuilder::DateParts &d)
{
    const qint64 year = astronomicalYear(d.year);
    // Years past four digits are written Y12000 and hold no month or day: at that distance
    // TimelineJS itself counts in years.
    if (year < -9999 || year > 9999)
        return u"Y"_s + QString::number(year);
    QString out = QString::number(qAbs(year)).rightJustified(4, u'0');
    if (year < 0)
        out.prepend(u'-');
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
    const qint64 year = astronomicalYear(d.year);
    if (year < DateRange::s_minYear || year > DateRange::s_maxYear)
        return QCoreApplication::translate("TimelineBuilder",
                                           "year %1 is outside the years Sourceline reads, %2 to %3")
            .arg(d.year)
            .arg(DateRange::yearWords(DateRange::s_minYear), DateRange::yearWords(DateRange::s_maxYear));
    if (d.month < 0 || d.month > 12)
        return QCoreApplication::translate("TimelineBuilder", "there is no month %1").arg(d.month);
    if (d.day < 0 || d.day > 31)
        return QCoreApplication::translate("TimelineBuilder", "there is no day %1 in a month").arg(d.day);
    if (d.day > 0 && d.month == 0)
        return QCoreApplication::translate("TimelineBuilder", "the date has a day but no month");
    return {};
}

// `text` as a JSON string: quotes, backslashes and control characters escaped.
void appendJsonString(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    qsizetype plain = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + plain, i - plain);
        plain = i + 1;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(utf8.constData() + plain, utf8.size() - plain);
    out += '"';
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
    // Events are most of an imported file: they are written as JSON text straight away, which
    // costs a fraction of building a QJsonObject for each.
    QByteArray &out = m_eventsJson;
    out += m_eventsJson.isEmpty() ? "{" : ",{";
    const auto member = [&out](const char *name, const QString &value, bool first = false) {
        out += first ? "\"" : ",\"";
        out += name;
        out += "\":";
        appendJsonString(out, value);
    };
    member("id", uniqueId(m_eventIdsTaken, event.id, event.title), true);
    member("title", event.title);
    member("when", event.when);
    if (!event.dateText.isEmpty())
        member("dateText", event.dateText);
    if (!event.summary.isEmpty())
        member("summary", event.summary);
    if (!event.kind.isEmpty())
        member("kind", event.kind);
    out += ",\"actors\":[";
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
            if (!seen.isEmpty())
                out += ',';
            seen.insert(id);
            appendJsonString(out, id);
        }
    }
    out += ']';
    if (!event.references.isEmpty()) {
        out += ",\"references\":[";
        for (qsizetype i = 0; i < event.references.size(); ++i) {
            const ReferenceData &r = event.references.at(i);
            out += i == 0 ? "{" : ",{";
            member("title", r.title.isEmpty() ? r.url : r.title, true);
            if (!r.publisher.isEmpty())
                member("publisher", r.publisher);
            if (!r.url.isEmpty())
                member("url", r.url);
            out += '}';
        }
        out += ']';
    }
    out += '}';
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
    QJsonObject header {
        { u"format"_s, u"sourceline"_s }, { u"version"_s, 1 },       { u"title"_s, title },
        { u"sources"_s, QJsonArray() },   { u"actors"_s, m_actors }, { u"eras"_s, m_eras },
    };
    if (!m_description.isEmpty())
        header.insert(u"description"_s, m_description);
    QByteArray document = QJsonDocument(header).toJson(QJsonDocument::Compact);
    document.chop(1); // the closing brace: the events follow
    document.reserve(document.size() + m_eventsJson.size() + 16);
    document += ",\"events\":[";
    document += m_eventsJson;
    document += "]}";
    m_eventsJson.clear();
    TimelineLoader::Result result = TimelineLoader::loadSourceline(std::move(document), m_fileName, progress);
    // The positions would be in the converted text, which the user never sees.
    for (LoadError &e : result.errors) {
        e.line = 0;
        e.column = 0;
    }
    return result;
}
