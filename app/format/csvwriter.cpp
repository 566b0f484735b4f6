#include "csvwriter.h"

#include "timeline.h"

#include <QStringList>

using namespace Qt::StringLiterals;

QString CsvWriter::field(const QString &text)
{
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
        || text.contains(u'\r') || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString out = text;
    out.replace(u'"', u"\"\""_s);
    return u'"' + out + u'"';
}

namespace {

// Whether `text`, with `from` apostrophes before it, would start a formula in a spreadsheet.
bool startsAFormula(const QString &text, qsizetype from)
{
    while (from < text.size() && text.at(from) == u'\'')
        ++from;
    if (from >= text.size())
        return false;
    const QChar c = text.at(from);
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

} // namespace

QString CsvWriter::textField(const QString &text)
{
    return startsAFormula(text, 0) ? u'\'' + text : text;
}

QString CsvWriter::fromTextField(const QString &text)
{
    return text.startsWith(u'\'') && startsAFormula(text, 1) ? text.sliced(1) : text;
}

QByteArray CsvWriter::toCsv(const Timeline &timeline)
{
    QString out = u"\ufeffid,start,end,when,dateText,title,kind,actors,summary,evidence\r\n"_s;
    QStringList row;
    for (const Event &event : timeline.events) {
        QStringList actors;
        for (const std::int32_t actor : timeline.actorsOf(event))
            actors.append(timeline.actors.at(actor).name());
        QStringList quotes;
        for (const Evidence &evidence : timeline.evidenceOf(event))
            quotes.append(timeline.text(evidence.quote));
        row = {
            textField(timeline.text(event.id)),       DateRange::isoDay(event.range.first),
            DateRange::isoDay(event.range.last),      timeline.text(event.when),
            textField(timeline.text(event.dateText)), textField(timeline.text(event.title)),
            textField(timeline.kindOf(event)),        textField(actors.join(u"; "_s)),
            textField(timeline.text(event.summary)),  textField(quotes.join(u'\n')),
        };
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                out += u',';
            out += field(row.at(i));
        }
        out += u"\r\n"_s;
    }
    return out.toUtf8();
}
