#include "timelinejsreader.h"

#include "htmltext.h"
#include "jsonreader.h"
#include "plaintext.h"
#include "timelinebuilder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QCoreApplication::translate("TimelineJsReader", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("TimelineJsReader", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("TimelineJsReader", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("TimelineJsReader", "an object");
    default:
        return QCoreApplication::translate("TimelineJsReader", "nothing");
    }
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(TimelineJsReader)

public:
    Reader(const QString &fileName)
        : m_builder(fileName)
    { }

    TimelineLoader::Result run(const QByteArray &data, const TimelineLoader::Progress &progress);

private:
    void error(const QString &path, const QString &message)
    {
        LoadError e;
        e.path = path;
        e.message = message;
        m_builder.addError(std::move(e));
    }
    void typeError(const QString &path, const QString &expected, const QJsonValue &found)
    {
        error(path, tr("expected %1, found %2").arg(expected, describe(found)));
    }

    // A member that must be an object, a string (or absent or null, when allowed).
    bool object(const QJsonObject &parent, QString key, const QString &path, QJsonObject *out);
    QString string(const QJsonObject &parent, const QString &key, const QString &path);
    // A date part: TimelineJS writes them as numbers or as strings of digits.
    bool number(const QJsonObject &date, const QString &key, const QString &path, qint64 *out, bool *given);
    bool date(const QJsonObject &parent, const QString &key, const QString &path, bool required,
              TimelineBuilder::DateParts *out, QString *displayDate);
    void slide(const QJsonValue &value, const QString &path);
    void era(const QJsonValue &value, const QString &path, qsizetype index);

    TimelineBuilder m_builder;
};

bool Reader::object(const QJsonObject &parent, QString key, const QString &path, QJsonObject *out)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isObject()) {
        typeError(path, tr("an object"), value);
        return false;
    }
    *out = value.toObject();
    return true;
}

QString Reader::string(const QJsonObject &parent, const QString &key, const QString &path)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (!value.isString()) {
        typeError(path, tr("a string"), value);
        return {};
    }
    return value.toString();
}

bool Reader::number(const QJsonObject &date, const QString &key, const QString &path, qint64 *out,
                    bool *given)
{
    *given = false;
    const QJsonValue value = date.value(key);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty()))
        return true;
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toLongLong(&ok);
        if (!ok) {
            error(path, tr("%1 is not a whole number").arg(PlainText::quoted(value.toString())));
            return false;
        }
    } else {
        typeError(path, tr("a number"), value);
        return false;
    }
    if (!std::isfinite(number) || number != std::floor(number) || std::abs(number) > 1e15) {
        error(path, tr("%1 is not a whole number").arg(number));
        return false;
    }
    *out = qint64(number);
    *given = true;
    return true;
}

bool Reader::date(const QJsonObject &parent, const QString &key, const QString &path, bool required,
                  TimelineBuilder::DateParts *out, QString *displayDate)
{
    QJsonObject date;
    if (!object(parent, key, path, &date)) {
        if (required && !parent.contains(key))
            error(path, tr("a slide needs a start_date"));
        return false;
    }
    bool ok = true, given = false;
    qint64 year = 0, month = 0, day = 0;
    ok &= number(date, u"year"_s, path + u".year"_s, &year, &out->hasYear);
    ok &= number(date, u"month"_s, path + u".month"_s, &month, &given);
    if (given && (month < 1 || month > 12)) {
        error(path + u".month"_s, tr("there is no month %1").arg(month));
        ok = false;
    }
    ok &= number(date, u"day"_s, path + u".day"_s, &day, &given);
    if (given && (day < 1 || day > 31)) {
        error(path + u".day"_s, tr("there is no day %1 in a month").arg(day));
        ok = false;
    }
    if (!ok)
        return false;
    if (!out->hasYear) {
        error(path + u".year"_s, tr("a date needs a year"));
        return false;
    }
    out->year = year;
    // Out-of-range months and days are reported by TimelineBuilder::when().
    out->month = int(std::clamp<qint64>(month, -1, 99));
    out->day = int(std::clamp<qint64>(day, -1, 99));
    *displayDate = HtmlText::toPlainLine(string(date, u"display_date"_s, path + u".display_date"_s));
    return true;
}

void Reader::slide(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        typeError(path, tr("an object (a slide)"), value);
        return;
    }
    const QJsonObject slide = value.toObject();
    TimelineBuilder::EventData event;
    TimelineBuilder::DateParts start, end;
    QString startDisplay, endDisplay;
    const bool hasStart = date(slide, u"start_date"_s, path + u".start_date"_s, true, &start, &startDisplay);
    const bool hasEnd = date(slide, u"end_date"_s, path + u".end_date"_s, false, &end, &endDisplay);
    if (hasStart) {
        // The start is checked alone first, so that a problem is put where it is.
        QString problem;
        if (!TimelineBuilder::when(start, nullptr, &problem))
            error(path + u".start_date"_s, problem);
        else if (const auto when = TimelineBuilder::when(start, hasEnd ? &end : nullptr, &problem))
            event.when = *when;
        else
            error(path + u".end_date"_s, problem);
    }

    QJsonObject text;
    if (object(slide, u"text"_s, path + u".text"_s, &text)) {
        event.title = HtmlText::toPlainLine(string(text, u"headline"_s, path + u".text.headline"_s));
        event.summary = HtmlText::toPlainText(string(text, u"text"_s, path + u".text.text"_s));
    }
    event.dateText = HtmlText::toPlainLine(string(slide, u"display_date"_s, path + u".display_date"_s));
    if (event.dateText.isEmpty())
        event.dateText = endDisplay.isEmpty() ? startDisplay : startDisplay + u" \u2013 "_s + endDisplay;
    const QString group = HtmlText::toPlainLine(string(slide, u"group"_s, path + u".group"_s));
    if (!group.isEmpty())
        event.actors.append(group);
    event.id = string(slide, u"unique_id"_s, path + u".unique_id"_s).trimmed();

    QJsonObject media;
    if (object(slide, u"media"_s, path + u".media"_s, &media)) {
        TimelineBuilder::ReferenceData reference;
        reference.url = string(media, u"url"_s, path + u".media.url"_s).trimmed();
        reference.publisher = HtmlText::toPlainLine(string(media, u"credit"_s, path + u".media.credit"_s));
        reference.title = HtmlText::toPlainLine(string(media, u"caption"_s, path + u".media.caption"_s));
        if (reference.title.isEmpty())
            reference.title = HtmlText::toPlainLine(string(media, u"title"_s, path + u".media.title"_s));
        if (reference.title.isEmpty())
            reference.title = reference.publisher;
        // The url of embedded media may be a whole HTML snippet; only an address is a reference.
        if (reference.url.startsWith(u'<'))
            reference.url.clear();
        if (!reference.url.isEmpty() || !reference.title.isEmpty())
            event.references.append(reference);
    }

    // Every event is named on the chart: a slide without a headline gets its text's start.
    if (event.title.isEmpty())
        event.title = event.summary.section(u'\n', 0, 0).left(80);
    if (event.title.isEmpty() && !event.references.isEmpty())
        event.title = event.references.constFirst().title;
    if (event.title.isEmpty())
        event.title = tr("Untitled event");
    if (!event.when.isEmpty())
        m_builder.addEvent(event);
}

void Reader::era(const QJsonValue &value, const QString &path, qsizetype index)
{
    if (!value.isObject()) {
        typeError(path, tr("an object (an era)"), value);
        return;
    }
    const QJsonObject era = value.toObject();
    TimelineBuilder::DateParts start, end;
    QString display;
    const bool hasStart = date(era, u"start_date"_s, path + u".start_date"_s, true, &start, &display);
    const bool hasEnd = date(era, u"end_date"_s, path + u".end_date"_s, false, &end, &display);
    if (!era.contains(u"end_date"_s))
        error(path + u".end_date"_s, tr("an era needs an end_date"));
    QString title;
    QJsonObject text;
    if (object(era, u"text"_s, path + u".text"_s, &text))
        title = HtmlText::toPlainLine(string(text, u"headline"_s, path + u".text.headline"_s));
    if (title.isEmpty())
        title = tr("Era %1").arg(index + 1);
    if (!hasStart || !hasEnd)
        return;
    QString problem;
    if (const auto when = TimelineBuilder::when(start, &end, &problem))
        m_builder.addEra(title, *when);
    else
        error(path, problem);
}

TimelineLoader::Result Reader::run(const QByteArray &data, const TimelineLoader::Progress &progress)
{
    // Our own reader checks the syntax first: its messages and places match those of
    // Sourceline files, and its depth limit keeps QJsonDocument's recursion shallow.
    JsonReader syntax(data, TimelineLoader::maxDepth);
    for (JsonReader::Token token = syntax.next(); token != JsonReader::Token::EndOfDocument;
         token = syntax.next()) {
        if (token == JsonReader::Token::Error) {
            const JsonReader::Position place = syntax.position(syntax.errorOffset());
            m_builder.addError(
                { {}, place.line, place.column, {}, {}, tr("malformed JSON: %1").arg(syntax.errorString()) });
            return m_builder.finish();
        }
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        LoadError e;
        const QByteArrayView before =
            QByteArrayView(data).first(qBound(0, parseError.offset, int(data.size())));
        e.line = before.count('\n') + 1;
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        e.column = QString::fromUtf8(before.sliced(lineStart)).size() + 1;
        e.message = tr("malformed JSON: %1").arg(parseError.errorString());
        m_builder.addError(std::move(e));
        return m_builder.finish();
    }
    if (!document.isObject()) {
        error({}, tr("a TimelineJS file holds one JSON object"));
        return m_builder.finish();
    }
    const QJsonObject root = document.object();

    QJsonObject title;
    if (object(root, u"title"_s, u"title"_s, &title)) {
        QJsonObject text;
        if (object(title, u"text"_s, u"title.text"_s, &text)) {
            m_builder.setTitle(HtmlText::toPlainLine(string(text, u"headline"_s, u"title.text.headline"_s)));
            m_builder.setDescription(HtmlText::toPlainText(string(text, u"text"_s, u"title.text.text"_s)));
        }
    }
    const QJsonValue events = root.value(u"events"_s);
    if (events.isUndefined()) {
        error(u"events"_s, tr("a TimelineJS file needs an \"events\" array"));
    } else if (!events.isArray()) {
        typeError(u"events"_s, tr("an array"), events);
    } else {
        const QJsonArray array = events.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            slide(array.at(i), u"events[%1]"_s.arg(i));
    }
    const QJsonValue eras = root.value(u"eras"_s);
    if (eras.isArray()) {
        const QJsonArray array = eras.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            era(array.at(i), u"eras[%1]"_s.arg(i), i);
    } else if (!eras.isUndefined() && !eras.isNull()) {
        typeError(u"eras"_s, tr("an array"), eras);
    }
    return m_builder.finish(progress);
}

} // namespace

TimelineLoader::Result TimelineJsReader::read(const QByteArray &data, const QString &fileName,
                                              const TimelineLoader::Progress &progress)
{
    Reader reader(fileName);
    return reader.run(data, progress);
}
