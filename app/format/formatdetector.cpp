#include "formatdetector.h"

#include "csvparser.h"
#include "csvtimelinereader.h"
#include "jsonreader.h"

#include <algorithm>

using Token = JsonReader::Token;

namespace {

// Decides from the members of the first events: ours have `when`, TimelineJS slides have
// `start_date` and `text`. Called after the array's '['; leaves the reader after its ']'
// when the events say nothing either way (an empty array, empty objects).
std::optional<FormatDetector::Format> fromEvents(JsonReader &reader)
{
    const int depth = reader.depth();
    for (int looked = 0; looked < 16 && reader.next() != Token::EndArray && !reader.hasError(); ++looked) {
        if (reader.token() != Token::BeginObject) {
            reader.skipValue();
            continue;
        }
        while (reader.next() == Token::Key) {
            const QByteArrayView key = reader.text();
            if (key == "start_date" || key == "end_date" || key == "display_date" || key == "unique_id"
                || key == "media" || key == "background" || key == "group")
                return FormatDetector::Format::TimelineJs;
            if (key == "when" || key == "id" || key == "actors" || key == "evidence" || key == "dateText")
                return FormatDetector::Format::Sourceline;
            reader.skipValue();
        }
    }
    while (reader.depth() >= depth && !reader.hasError() && reader.token() != Token::EndOfDocument)
        reader.next();
    return std::nullopt;
}

// Whether the first rows of `data` (no byte-order mark) read as a table: two records of the same
// number of comma-separated fields, at least two, within the first few kilobytes.
bool looksLikeCsv(QByteArrayView data)
{
    CsvParser parser(data.first(std::min<qsizetype>(data.size(), 8192)));
    CsvParser::Record header, row;
    return parser.next(&header) && header.fields.size() >= 2 && parser.next(&row)
        && row.fields.size() == header.fields.size();
}

} // namespace

FormatDetector::Format FormatDetector::detect(QByteArrayView data, QStringView fileName)
{
    QByteArrayView rest = data.startsWith("\xef\xbb\xbf") ? data.sliced(3) : data;
    while (!rest.isEmpty()
           && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n' || rest.front() == '\r'))
        rest = rest.sliced(1);
    if (rest.isEmpty())
        return Format::Sourceline;
    if (rest.front() != '{' && rest.front() != '[') {
        const bool csv = CsvTimelineReader::detect(data) != CsvTimelineReader::Flavour::None
            || fileName.endsWith(u".csv", Qt::CaseInsensitive) || looksLikeCsv(rest);
        return csv ? Format::Csv : Format::Sourceline;
    }
    if (rest.front() == '[')
        return Format::Sourceline;

    JsonReader reader(data);
    if (reader.next() != Token::BeginObject)
        return Format::Sourceline;
    while (reader.next() == Token::Key) {
        const QByteArrayView key = reader.text();
        if (key == "format" || key == "version" || key == "sources")
            return Format::Sourceline;
        if (key == "scale")
            return Format::TimelineJs;
        if (key == "title") {
            // Our title is a string, TimelineJS's a slide.
            const Token value = reader.next();
            if (value == Token::BeginObject)
                return Format::TimelineJs;
            if (value == Token::String)
                return Format::Sourceline;
            reader.skipValue();
            continue;
        }
        if (key == "events") {
            if (reader.next() != Token::BeginArray)
                return Format::Sourceline;
            if (const auto format = fromEvents(reader))
                return *format;
            continue;
        }
        reader.skipValue();
    }
    return Format::Sourceline;
}
