#include "daterange.h"

#include "plaintext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

QString monthName(int month)
{
    return QLocale::c().standaloneMonthName(month, QLocale::LongFormat);
}

struct Endpoint
{
    std::int32_t first = 0;
    std::int32_t last = 0;
    DateRange::Precision precision = DateRange::Precision::Day;
    bool uncertain = false;
    bool approximate = false;
};

// Reads exactly `count` ASCII digits at `pos`; -1 if they are not there.
int readDigits(QByteArrayView text, qsizetype &pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

std::optional<Endpoint> parseEndpoint(QByteArrayView whole, QByteArrayView text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<Endpoint> {
        if (error)
            *error = PlainText::quoted(whole) + u" is not a date: "_s + why;
        return std::nullopt;
    };
    const QString expected = u"expected YYYY, YYYY-MM or YYYY-MM-DD"_s;

    if (text.isEmpty())
        return fail(expected);
    if (text == "..")
        return fail(u"open-ended intervals are not supported"_s);

    Endpoint result;
    switch (text.back()) {
    case '?':
        result.uncertain = true;
        break;
    case '~':
        result.approximate = true;
        break;
    case '%':
        result.uncertain = result.approximate = true;
        break;
    default:
        break;
    }
    if (result.uncertain || result.approximate)
        text.chop(1);

    qsizetype pos = 0;
    const int year = readDigits(text, pos, 4);
    if (year < 0)
        return fail(expected);
    if (year == 0)
        return fail(u"years run from 0001 to 9999"_s);
    if (pos == text.size()) {
        result.first = DateRange::dayFromCivil(year, 1, 1);
        result.last = DateRange::dayFromCivil(year, 12, 31);
        result.precision = DateRange::Precision::Year;
        return result;
    }
    if (text[pos] != '-')
        return fail(expected);
    ++pos;
    const int month = readDigits(text, pos, 2);
    if (month < 0)
        return fail(expected);
    if (month < 1 || month > 12)
        return fail(u"there is no month %1"_s.arg(month));
    if (pos == text.size()) {
        result.first = DateRange::dayFromCivil(year, month, 1);
        result.last = DateRange::dayFromCivil(year, month, daysInMonth(year, month));
        result.precision = DateRange::Precision::Month;
        return result;
    }
    if (text[pos] != '-')
        return fail(expected);
    ++pos;
    const int day = readDigits(text, pos, 2);
    if (day < 0 || pos != text.size())
        return fail(expected);
    const int monthDays = daysInMonth(year, month);
    if (day == 0)
        return fail(u"days of the month start at 01"_s);
    if (day > monthDays) {
        return fail(u"%1 %2 has %3 days"_s.arg(monthName(month)).arg(year).arg(monthDays));
    }
    result.first = result.last = DateRange::dayFromCivil(year, month, day);
    result.precision = DateRange::Precision::Day;
    return result;
}

} // namespace

std::optional<DateRange> DateRange::parse(QByteArrayView text, QString *error)
{
    const qsizetype slash = text.indexOf('/');
    if (slash < 0) {
        const auto point = parseEndpoint(text, text, error);
        if (!point)
            return std::nullopt;
        DateRange range;
        range.first = point->first;
        range.last = point->last;
        range.precision = range.startPrecision = range.endPrecision = point->precision;
        range.qualifiers = (point->uncertain ? StartUncertain | EndUncertain : 0)
            | (point->approximate ? StartApproximate | EndApproximate : 0);
        return range;
    }

    const auto start = parseEndpoint(text, text.first(slash), error);
    if (!start)
        return std::nullopt;
    const auto end = parseEndpoint(text, text.sliced(slash + 1), error);
    if (!end)
        return std::nullopt;
    if (end->last < start->first) {
        if (error) {
            *error = PlainText::quoted(text) + u" is a reversed interval: it ends before it starts"_s;
        }
        return std::nullopt;
    }
    DateRange range;
    range.first = start->first;
    range.last = end->last;
    range.precision = Precision::Interval;
    range.startPrecision = start->precision;
    range.endPrecision = end->precision;
    range.qualifiers = (start->uncertain ? StartUncertain : 0) | (start->approximate ? StartApproximate : 0)
        | (end->uncertain ? EndUncertain : 0) | (end->approximate ? EndApproximate : 0);
    return range;
}

QString DateRange::precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Day:
        return u"day"_s;
    case Precision::Month:
        return u"month"_s;
    case Precision::Year:
        return u"year"_s;
    case Precision::Interval:
        return u"interval"_s;
    }
    return {};
}

namespace {

QString formatPoint(std::int32_t day, DateRange::Precision precision, bool approximate, bool uncertain)
{
    const QDate date = DateRange::dateFromDay(day);
    const QLocale c = QLocale::c();
    QString text;
    switch (precision) {
    case DateRange::Precision::Year:
        text = QString::number(date.year());
        break;
    case DateRange::Precision::Month:
        text = c.toString(date, u"MMM yyyy");
        break;
    default:
        text = c.toString(date, u"d MMM yyyy");
        break;
    }
    if (approximate)
        text.prepend(u"c. "_s);
    if (uncertain)
        text += u'?';
    return text;
}

} // namespace

QString DateRange::toDisplayString() const
{
    const QString start =
        formatPoint(first, startPrecision, qualifiers & StartApproximate, qualifiers & StartUncertain);
    if (precision != Precision::Interval)
        return start;
    return start + u" – "_s
        + formatPoint(last, endPrecision, qualifiers & EndApproximate, qualifiers & EndUncertain);
}
