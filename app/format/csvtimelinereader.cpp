#include "csvtimelinereader.h"

#include "csvparser.h"
#include "csvwriter.h"
#include "daterange.h"
#include "htmltext.h"
#include "plaintext.h"
#include "timelinebuilder.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

// The columns either flavour knows; a header names one by any of its spellings.
enum Column {
    Year,
    Month,
    Day,
    Time,
    EndYear,
    EndMonth,
    EndDay,
    EndTime,
    DisplayDate,
    Headline,
    Text,
    Media,
    MediaCredit,
    MediaCaption,
    Type,
    Group,
    StartDate,
    EndDate, // TimelineJS
    Id,
    Start,
    End,
    When,
    DateText,
    Title,
    Kind,
    Actors,
    Summary,
    Evidence, // Sourceline
    ColumnCount
};

const QHash<QString, Column> &timelineJsHeaders()
{
    static const QHash<QString, Column> headers {
        { u"year"_s, Year },
        { u"month"_s, Month },
        { u"day"_s, Day },
        { u"time"_s, Time },
        { u"end year"_s, EndYear },
        { u"end month"_s, EndMonth },
        { u"end day"_s, EndDay },
        { u"end time"_s, EndTime },
        { u"display date"_s, DisplayDate },
        { u"headline"_s, Headline },
        { u"text"_s, Text },
        { u"media"_s, Media },
        { u"media credit"_s, MediaCredit },
        { u"media caption"_s, MediaCaption },
        { u"type"_s, Type },
        { u"group"_s, Group },
        { u"tag"_s, Group },
        { u"start date"_s, StartDate },
        { u"end date"_s, EndDate },
    };
    return headers;
}

const QHash<QString, Column> &sourcelineHeaders()
{
    static const QHash<QString, Column> headers {
        { u"id"_s, Id },
        { u"start"_s, Start },
        { u"end"_s, End },
        { u"when"_s, When },
        { u"datetext"_s, DateText },
        { u"title"_s, Title },
        { u"kind"_s, Kind },
        { u"actors"_s, Actors },
        { u"summary"_s, Summary },
        { u"evidence"_s, Evidence },
    };
    return headers;
}

QString normalizedHeader(const QString &header)
{
    return header.simplified().toLower();
}

CsvTimelineReader::Flavour flavourOf(const QStringList &header)
{
    bool headline = false, year = false, title = false, when = false;
    for (const QString &h : header) {
        const QString name = normalizedHeader(h);
        headline |= name == u"headline"_s;
        year |= name == u"year"_s || name == u"start date"_s;
        title |= name == u"title"_s;
        when |= name == u"when"_s || name == u"start"_s;
    }
    if (headline || year)
        return CsvTimelineReader::Flavour::TimelineJs;
    if (title && when)
        return CsvTimelineReader::Flavour::Sourceline;
    return CsvTimelineReader::Flavour::None;
}

QByteArrayView withoutBom(QByteArrayView data)
{
    return data.startsWith("\xef\xbb\xbf") ? data.sliced(3) : data;
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(CsvTimelineReader)

public:
    Reader(const QString &fileName)
        : m_builder(fileName, u"group"_s)
    { }

    TimelineLoader::Result run(QByteArrayView data, const TimelineLoader::Progress &progress);

private:
    QString cell(Column column) const
    {
        const qsizetype index = m_index[column];
        return index >= 0 && index < m_record.fields.size() ? m_record.fields.at(index).trimmed() : QString();
    }
    void error(Column column, const QString &message)
    {
        LoadError e;
        e.line = m_record.line;
        const qsizetype index = m_index[column];
        if (index >= 0 && index < m_record.columns.size())
            e.column = m_record.columns.at(index);
        e.path = tr("row %1, column %2").arg(m_row).arg(PlainText::quoted(m_header.value(index)));
        e.message = message;
        m_builder.addError(std::move(e));
    }
    void rowError(const QString &message)
    {
        LoadError e;
        e.line = m_record.line;
        e.column = 1;
        e.path = tr("row %1").arg(m_row);
        e.message = message;
        m_builder.addError(std::move(e));
    }

    bool part(Column column, qint64 *out, bool *given);
    bool parts(Column year, Column month, Column day, TimelineBuilder::DateParts *out);
    bool legacyDate(Column column, TimelineBuilder::DateParts *out);
    std::optional<QString> timelineJsWhen(bool *hasDate);
    void timelineJsRow();
    void sourcelineRow();

    TimelineBuilder m_builder;
    CsvTimelineReader::Flavour m_flavour = CsvTimelineReader::Flavour::None;
    QStringList m_header;
    std::array<qsizetype, ColumnCount> m_index {};
    CsvParser::Record m_record;
    qsizetype m_row = 0; // as a spreadsheet numbers it: the header is row 1
};

bool Reader::part(Column column, qint64 *out, bool *given)
{
    const QString text = cell(column);
    *given = !text.isEmpty();
    if (text.isEmpty())
        return true;
    bool ok = false;
    *out = text.toLongLong(&ok);
    // Deep time has years of eleven digits; TimelineBuilder says which years are too far.
    if (!ok || *out < -1'000'000'000'000'000 || *out > 1'000'000'000'000'000) {
        error(column, tr("%1 is not a whole number").arg(PlainText::quoted(text)));
        return false;
    }
    return true;
}

bool Reader::parts(Column year, Column month, Column day, TimelineBuilder::DateParts *out)
{
    qint64 y = 0, m = 0, d = 0;
    bool given = false;
    bool ok = part(year, &y, &out->hasYear);
    ok &= part(month, &m, &given);
    if (given && (m < 1 || m > 12)) {
        error(month, tr("there is no month %1").arg(m));
        ok = false;
    }
    ok &= part(day, &d, &given);
    if (given && (d < 1 || d > 31)) {
        error(day, tr("there is no day %1 in a month").arg(d));
        ok = false;
    }
    out->year = y;
    out->month = int(std::clamp<qint64>(m, -1, 99));
    out->day = int(std::clamp<qint64>(d, -1, 99));
    return ok;
}

// The older template's "Start Date" and "End Date": 2012, 2012-05-01, 2012/05/01, 2012,5,1 or
// the United States' 5/1/2012, each optionally followed by a time.
bool Reader::legacyDate(Column column, TimelineBuilder::DateParts *out)
{
    const QString text = cell(column);
    if (text.isEmpty())
        return true;
    static const QRegularExpression yearFirst(
        u"^(-?\\d{1,15})(?:[-/,.](\\d{1,2})(?:[-/,.](\\d{1,2}))?)?(?:[ T].*)?$"_s);
    static const QRegularExpression monthFirst(u"^(\\d{1,2})/(\\d{1,2})/(-?\\d{1,15})(?: .*)?$"_s);
    QRegularExpressionMatch match = yearFirst.match(text);
    if (match.hasMatch()) {
        out->year = match.captured(1).toLongLong();
        out->month = match.captured(2).toInt();
        out->day = match.captured(3).toInt();
    } else if ((match = monthFirst.match(text)).hasMatch()) {
        out->month = match.captured(1).toInt();
        out->day = match.captured(2).toInt();
        out->year = match.captured(3).toLongLong();
    } else {
        error(column,
              tr("%1 is not a date: write it as 2012-05-01, 2012 or 5/1/2012").arg(PlainText::quoted(text)));
        return false;
    }
    out->hasYear = true;
    return true;
}

std::optional<QString> Reader::timelineJsWhen(bool *hasDate)
{
    TimelineBuilder::DateParts start, end;
    bool ok = m_index[Year] >= 0 ? parts(Year, Month, Day, &start) : true;
    if (!start.hasYear && m_index[StartDate] >= 0)
        ok &= legacyDate(StartDate, &start);
    ok &= m_index[EndYear] >= 0 ? parts(EndYear, EndMonth, EndDay, &end) : true;
    if (!end.hasYear && m_index[EndDate] >= 0)
        ok &= legacyDate(EndDate, &end);
    *hasDate = start.hasYear || end.hasYear;
    if (!ok)
        return std::nullopt;
    const Column startColumn = m_index[Year] >= 0 ? Year : StartDate;
    const Column endColumn = m_index[EndYear] >= 0 ? EndYear : EndDate;
    if (!start.hasYear) {
        if (*hasDate)
            error(startColumn, tr("the row has an end date but no start: give the Year"));
        return std::nullopt;
    }
    QString problem;
    if (!TimelineBuilder::when(start, nullptr, &problem)) {
        error(startColumn, problem);
        return std::nullopt;
    }
    const auto when = TimelineBuilder::when(start, end.hasYear ? &end : nullptr, &problem);
    if (!when)
        error(endColumn, problem);
    return when;
}

void Reader::timelineJsRow()
{
    const QString type = cell(Type).toLower();
    bool hasDate = false;
    if (type == u"title"_s) {
        m_builder.setTitle(HtmlText::toPlainLine(cell(Headline)));
        m_builder.setDescription(HtmlText::toPlainText(cell(Text)));
        return;
    }
    const std::optional<QString> when = timelineJsWhen(&hasDate);
    if (type == u"era"_s) {
        if (when)
            m_builder.addEra(HtmlText::toPlainLine(cell(Headline)), *when);
        else if (!hasDate)
            rowError(tr("an era needs a start (Year) and an end (End Year)"));
        return;
    }
    if (!when) {
        if (!hasDate)
            rowError(tr("the event has no date: give at least its Year"));
        return;
    }
    TimelineBuilder::EventData event;
    event.when = *when;
    event.title = HtmlText::toPlainLine(cell(Headline));
    event.summary = HtmlText::toPlainText(cell(Text));
    event.dateText = HtmlText::toPlainLine(cell(DisplayDate));
    if (const QString group = HtmlText::toPlainLine(cell(Group)); !group.isEmpty())
        event.actors.append(group);
    TimelineBuilder::ReferenceData reference;
    reference.url = cell(Media);
    if (reference.url.startsWith(u'<'))
        reference.url.clear();
    reference.publisher = HtmlText::toPlainLine(cell(MediaCredit));
    reference.title = HtmlText::toPlainLine(cell(MediaCaption));
    if (reference.title.isEmpty())
        reference.title = reference.publisher;
    if (!reference.url.isEmpty() || !reference.title.isEmpty())
        event.references.append(reference);
    if (event.title.isEmpty())
        event.title = event.summary.section(u'\n', 0, 0).left(80);
    if (event.title.isEmpty())
        event.title = tr("Untitled event");
    m_builder.addEvent(event);
}

void Reader::sourcelineRow()
{
    TimelineBuilder::EventData event;
    event.when = cell(When);
    Column dateColumn = When;
    if (event.when.isEmpty()) {
        // A spreadsheet may have dropped `when`: the days are enough.
        const QString start = cell(Start), end = cell(End);
        event.when = end.isEmpty() || end == start ? start : start + u'/' + end;
        dateColumn = Start;
    }
    if (event.when.isEmpty()) {
        rowError(tr("the event has no date: give its when, or its start"));
        return;
    }
    QString problem;
    if (!DateRange::parse(event.when.toUtf8(), &problem)) {
        error(dateColumn, problem);
        return;
    }
    event.id = CsvWriter::fromTextField(cell(Id));
    event.title = CsvWriter::fromTextField(cell(Title));
    if (event.title.isEmpty())
        event.title = tr("Untitled event");
    event.dateText = CsvWriter::fromTextField(cell(DateText));
    event.kind = CsvWriter::fromTextField(cell(Kind));
    event.summary = CsvWriter::fromTextField(cell(Summary));
    for (const QString &actor : CsvWriter::fromTextField(cell(Actors)).split(u';', Qt::SkipEmptyParts))
        event.actors.append(actor.trimmed());
    m_builder.addEvent(event);
}

TimelineLoader::Result Reader::run(QByteArrayView data, const TimelineLoader::Progress &progress)
{
    CsvParser parser(withoutBom(data));
    if (!parser.next(&m_record)) {
        if (!parser.hasError())
            rowError(tr("the file is empty"));
    } else {
        m_row = 1;
        m_header = m_record.fields;
        m_flavour = flavourOf(m_header);
        m_index.fill(-1);
        const auto &names =
            m_flavour == CsvTimelineReader::Flavour::Sourceline ? sourcelineHeaders() : timelineJsHeaders();
        for (qsizetype i = 0; i < m_header.size(); ++i) {
            const auto found = names.constFind(normalizedHeader(m_header.at(i)));
            if (found == names.cend())
                continue;
            if (m_index[*found] >= 0) {
                LoadError e { {},
                              m_record.line,
                              m_record.columns.at(i),
                              tr("row 1"),
                              {},
                              tr("the column %1 appears twice").arg(PlainText::quoted(m_header.at(i))) };
                m_builder.addError(std::move(e));
                continue;
            }
            m_index[*found] = i;
        }
        if (m_flavour == CsvTimelineReader::Flavour::None)
            rowError(tr("no Headline or title column: this CSV is not a timeline; a TimelineJS sheet has "
                        "Year and Headline columns, a Sourceline CSV has when and title"));
        while (m_flavour != CsvTimelineReader::Flavour::None && parser.next(&m_record)) {
            ++m_row;
            const bool empty = std::all_of(m_record.fields.cbegin(), m_record.fields.cend(),
                                           [](const QString &f) { return f.trimmed().isEmpty(); });
            if (empty)
                continue;
            if (m_flavour == CsvTimelineReader::Flavour::TimelineJs)
                timelineJsRow();
            else
                sourcelineRow();
        }
    }
    if (parser.hasError()) {
        const CsvParser::Error &e = parser.error();
        m_builder.addError({ {}, e.line, e.column, {}, {}, e.message });
    }
    return m_builder.finish(progress);
}

} // namespace

CsvTimelineReader::Flavour CsvTimelineReader::detect(QByteArrayView data)
{
    // The header row is short: look at the first few kilobytes only.
    data = withoutBom(data);
    qsizetype end = data.indexOf('\n');
    if (end < 0)
        end = data.size();
    CsvParser parser(data.first(qMin<qsizetype>(end, 8192)));
    CsvParser::Record header;
    if (!parser.next(&header))
        return Flavour::None;
    return flavourOf(header.fields);
}

TimelineLoader::Result CsvTimelineReader::read(const QByteArray &data, const QString &fileName,
                                               const TimelineLoader::Progress &progress)
{
    Reader reader(fileName);
    return reader.run(data, progress);
}
