#include "daterange.h"

#include "plaintext.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

bool isLeapYear(std::int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(std::int64_t year, int month)
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
    Day first = 0;
    Day last = 0;
    DateRange::Precision precision = DateRange::Precision::Day;
    DateRange::Form form = DateRange::Form::Exact;
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

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// `Thh:mm:ss` with an optional `Z` or `±hh[:mm]`: the day is what counts, the time is checked.
bool skipTime(QByteArrayView text, qsizetype &pos)
{
    if (pos >= text.size() || text[pos] != 'T')
        return false;
    qsizetype p = pos + 1;
    const int hour = readDigits(text, p, 2);
    if (hour < 0 || hour > 23 || p >= text.size() || text[p++] != ':')
        return false;
    const int minute = readDigits(text, p, 2);
    if (minute < 0 || minute > 59 || p >= text.size() || text[p++] != ':')
        return false;
    const int second = readDigits(text, p, 2);
    if (second < 0 || second > 59)
        return false;
    if (p < text.size() && text[p] == 'Z') {
        ++p;
    } else if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
        ++p;
        const int zoneHour = readDigits(text, p, 2);
        if (zoneHour < 0 || zoneHour > 14)
            return false;
        if (p < text.size() && text[p] == ':') {
            ++p;
            const int zoneMinute = readDigits(text, p, 2);
            if (zoneMinute < 0 || zoneMinute > 59)
                return false;
        }
    }
    pos = p;
    return true;
}

constexpr int seasonFirstMonth(int season)
{
    return 3 * (season - 21) + 3; // spring from March, ..., winter from December
}

std::optional<Endpoint> parseEndpoint(QByteArrayView whole, QByteArrayView text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<Endpoint> {
        if (error)
            *error = QCoreApplication::translate("DateRange", "%1 is not a date: %2")
                         .arg(PlainText::quoted(whole), why);
        return std::nullopt;
    };
    // Made only when a date fails: every event's date comes through here.
    const auto expected = [] {
        return QCoreApplication::translate("DateRange", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    };
    const auto outOfRange = [] {
        return QCoreApplication::translate("DateRange", "years run from %1 to %2")
            .arg(DateRange::s_minYear)
            .arg(DateRange::s_maxYear);
    };

    if (text.isEmpty())
        return fail(expected());

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
    const auto setYears = [&](std::int64_t firstYear, std::int64_t lastYear, DateRange::Form form) {
        result.first = DateRange::dayFromCivil(firstYear, 1, 1);
        result.last = DateRange::dayFromCivil(lastYear, 12, 31);
        result.precision = DateRange::Precision::Year;
        result.form = form;
        return result;
    };

    // `Y` years: more than four digits, a year only.
    if (!text.isEmpty() && text.front() == 'Y') {
        pos = 1;
        const bool negative = pos < text.size() && text[pos] == '-';
        if (negative)
            ++pos;
        const qsizetype digits = text.size() - pos;
        if (digits < 5 || !std::all_of(text.begin() + pos, text.end(), isDigit))
            return fail(QCoreApplication::translate(
                "DateRange", "a year after Y has more than four digits and nothing else"));
        if (text[pos] == '0')
            return fail(QCoreApplication::translate("DateRange", "a year after Y has no leading zeros"));
        constexpr qsizetype maxDigits = std::numeric_limits<decltype(DateRange::s_maxYear)>::digits10;
        if (digits > maxDigits) // before adding them up, which could overflow
            return fail(outOfRange());
        std::int64_t magnitude = 0;
        for (; pos < text.size(); ++pos)
            magnitude = magnitude * 10 + (text[pos] - '0');
        const std::int64_t year = negative ? -magnitude : magnitude;
        if (year < DateRange::s_minYear || year > DateRange::s_maxYear)
            return fail(outOfRange());
        return setYears(year, year, DateRange::Form::Exact);
    }

    const bool negative = !text.isEmpty() && text.front() == '-';
    if (negative)
        pos = 1;
    // Four characters of year: digits, of which the last one or two may be `X`.
    if (text.size() < pos + 4)
        return fail(expected());
    int unspecified = 0;
    int year = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = text[pos + i];
        if (c == 'X' && i >= 2) {
            ++unspecified;
        } else if (isDigit(c) && unspecified == 0) {
            year = year * 10 + (c - '0');
        } else {
            return fail(expected());
        }
    }
    pos += 4;
    if (negative && year == 0 && unspecified == 0)
        return fail(QCoreApplication::translate("DateRange", "year 0 has no sign"));
    if (unspecified) {
        if (pos != text.size())
            return fail(QCoreApplication::translate(
                "DateRange", "a year with unspecified digits (X) has no month or day"));
        int scale = unspecified == 1 ? 10 : 100;
        year *= scale;
        // -019X is -199 to -190: the unspecified digits count away from zero.
        const int low = negative ? -(year + scale - 1) : year;
        const int high = negative ? -year : year + scale - 1;
        return setYears(low, high, unspecified == 1 ? DateRange::Form::Decade : DateRange::Form::Century);
    }
    if (negative)
        year = -year;
    if (pos == text.size())
        return setYears(year, year, DateRange::Form::Exact);

    if (text[pos] != '-')
        return fail(expected());
    ++pos;
    if (text.sliced(pos).startsWith("XX")) {
        pos += 2;
        if (pos == text.size()) {
            setYears(year, year, DateRange::Form::SomeMonth);
            return result;
        }
        if (text.sliced(pos) != "-XX")
            return fail(QCoreApplication::translate("DateRange",
                                                    "when the month is unspecified (XX), so is the day"));
        return setYears(year, year, DateRange::Form::SomeDay);
    }
    const int month = readDigits(text, pos, 2);
    if (month < 0)
        return fail(expected());
    if (month >= 21 && month <= 24) {
        if (pos != text.size())
            return fail(QCoreApplication::translate("DateRange", "a season (21 to 24) has no day"));
        const int firstMonth = seasonFirstMonth(month);
        const int endYear = year + (firstMonth + 2 > 12 ? 1 : 0);
        const int endMonth = (firstMonth + 1) % 12 + 1;
        result.first = DateRange::dayFromCivil(year, firstMonth, 1);
        result.last = DateRange::dayFromCivil(endYear, endMonth, daysInMonth(endYear, endMonth));
        result.precision = DateRange::Precision::Month;
        result.form = DateRange::Form::Season;
        return result;
    }
    if (month < 1 || month > 12)
        return fail(QCoreApplication::translate("DateRange", "there is no month %1").arg(month));
    if (pos == text.size()) {
        result.first = DateRange::dayFromCivil(year, month, 1);
        result.last = DateRange::dayFromCivil(year, month, daysInMonth(year, month));
        result.precision = DateRange::Precision::Month;
        return result;
    }
    if (text[pos] != '-')
        return fail(expected());
    ++pos;
    if (text.sliced(pos) == "XX") {
        result.first = DateRange::dayFromCivil(year, month, 1);
        result.last = DateRange::dayFromCivil(year, month, daysInMonth(year, month));
        result.precision = DateRange::Precision::Month;
        result.form = DateRange::Form::SomeDay;
        return result;
    }
    const int day = readDigits(text, pos, 2);
    if (day < 0)
        return fail(expected());
    if (pos != text.size()
        && !(skipTime(text, pos) && pos == text.size() && !result.uncertain && !result.approximate))
        return fail(expected());
    const int monthDays = daysInMonth(year, month);
    if (day == 0)
        return fail(QCoreApplication::translate("DateRange", "days of the month start at 01"));
    if (day > monthDays)
        return fail(QCoreApplication::translate("DateRange", "%1 %2 has %3 days")
                        .arg(monthName(month))
                        .arg(year)
                        .arg(monthDays));
    result.first = result.last = DateRange::dayFromCivil(year, month, day);
    result.precision = DateRange::Precision::Day;
    return result;
}

std::uint8_t qualifierBits(const Endpoint &point, std::uint8_t uncertain, std::uint8_t approximate)
{
    return (point.uncertain ? uncertain : 0) | (point.approximate ? approximate : 0);
}

} // namespace

std::optional<DateRange> DateRange::parse(QByteArrayView text, QString *error)
{
    const qsizetype slash = text.indexOf('/');
    if (slash < 0) {
        if (text == "..") {
            if (error)
                *error = QCoreApplication::translate("DateRange",
                                                     "%1 is not a date: `..` is only an end of an interval")
                             .arg(PlainText::quoted(text));
            return std::nullopt;
        }
        const auto point = parseEndpoint(text, text, error);
        if (!point)
            return std::nullopt;
        DateRange range;
        range.first = point->first;
        range.last = point->last;
        range.precision = range.startPrecision = range.endPrecision = point->precision;
        range.startForm = range.endForm = point->form;
        range.qualifiers =
            qualifierBits(*point, StartUncertain | EndUncertain, StartApproximate | EndApproximate);
        return range;
    }

    const QByteArrayView startText = text.first(slash);
    const QByteArrayView endText = text.sliced(slash + 1);
    const auto openOrUnknown = [](QByteArrayView side) {
        return side.isEmpty() ? Form::Unknown : side == ".." ? Form::Open : Form::Exact;
    };
    const Form startSide = openOrUnknown(startText);
    const Form endSide = openOrUnknown(endText);
    if (startSide != Form::Exact && endSide != Form::Exact) {
        if (error)
            *error = QCoreApplication::translate("DateRange",
                                                 "%1 is not a date: an interval needs at least one date")
                         .arg(PlainText::quoted(text));
        return std::nullopt;
    }
    std::optional<Endpoint> start;
    std::optional<Endpoint> end;
    if (startSide == Form::Exact && !(start = parseEndpoint(text, startText, error)))
        return std::nullopt;
    if (endSide == Form::Exact && !(end = parseEndpoint(text, endText, error)))
        return std::nullopt;
    if (start && end && end->last < start->first) {
        if (error) {
            *error = QCoreApplication::translate("DateRange",
                                                 "%1 is a reversed interval: it ends before it starts")
                         .arg(PlainText::quoted(text));
        }
        return std::nullopt;
    }
    // An open or unknown end takes the known end's days, so that sorting and extents stay finite.
    const Endpoint &known = start ? *start : *end;
    DateRange range;
    range.first = start ? start->first : known.first;
    range.last = end ? end->last : known.last;
    range.precision = Precision::Interval;
    range.startPrecision = start ? start->precision : known.precision;
    range.endPrecision = end ? end->precision : known.precision;
    range.startForm = start ? start->form : startSide;
    range.endForm = end ? end->form : endSide;
    range.qualifiers = (start ? qualifierBits(*start, StartUncertain, StartApproximate) : 0)
        | (end ? qualifierBits(*end, EndUncertain, EndApproximate) : 0);
    return range;
}

DateRange::Civil DateRange::civilFromDay(Day day)
{
    // The inverse of dayFromCivil, by the same 400-year eras that begin in March.
    const std::int64_t z = day + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int dayOfEra = int(z - era * 146097);
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int mp = (5 * dayOfYear + 2) / 153;
    const int d = dayOfYear - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return { yearOfEra + era * 400 + (m <= 2), m, d };
}

QString DateRange::isoDay(Day day)
{
    const Civil c = civilFromDay(day);
    const QString year = QString::number(std::abs(c.year)).rightJustified(4, u'0');
    return (c.year < 0 ? u"-"_s : QString()) + year + u'-' + QString::number(c.month).rightJustified(2, u'0')
        + u'-' + QString::number(c.day).rightJustified(2, u'0');
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

// Words of dates go through the translator like every message; month names stay the C locale's
// until the app chooses a locale for its dates as a whole.
QString dateWords(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("DateRange", text, disambiguation);
}

// Years as far back as this are counted in millions and billions of years ago.
constexpr std::int64_t s_deepYearsBC = 1'000'000;

bool isDeepPast(std::int64_t year)
{
    return 1 - year >= s_deepYearsBC;
}

// 12,000 rather than 12000: long numbers in groups, short ones (years as people write them) not.
QString yearNumber(std::int64_t years)
{
    if (years < 10000)
        return QString::number(years);
    QLocale grouped = QLocale::c();
    grouped.setNumberOptions({});
    return grouped.toString(qlonglong(years));
}

// "13.8 billion years ago": three significant digits, in millions, billions or trillions.
QString yearsAgoWords(std::int64_t years)
{
    double value = double(years) / 1e6;
    int scale = 0;
    while (true) {
        const double digits = std::floor(std::log10(value)) + 1; // before the decimal point
        const double unit = std::pow(10.0, digits - 3);
        value = std::round(value / unit) * unit;
        if (value < 1000 || scale == 2)
            break;
        value /= 1000;
        ++scale;
    }
    const QString number = QString::number(value, 'g', 3); // 13.8, 65.5, 250
    switch (scale) {
    case 0:
        return dateWords("%1 million years ago").arg(number);
    case 1:
        return dateWords("%1 billion years ago").arg(number);
    default:
        return dateWords("%1 trillion years ago").arg(number);
    }
}

QString yearWords(std::int64_t year)
{
    return DateRange::yearWords(year);
}

QString seasonWords(int firstMonth, std::int64_t year)
{
    switch (firstMonth) {
    case 3:
        return dateWords("spring %1").arg(yearWords(year));
    case 6:
        return dateWords("summer %1").arg(yearWords(year));
    case 9:
        return dateWords("autumn %1").arg(yearWords(year));
    default:
        return dateWords("winter %1\u2013%2").arg(yearWords(year), yearWords(year + 1));
    }
}

// The first day of the endpoint that ends on `last`, as year, month and day.
DateRange::Civil startOfEndpoint(Day last, DateRange::Form form)
{
    DateRange::Civil c = DateRange::civilFromDay(last);
    switch (form) {
    case DateRange::Form::Season:
        c.month = c.month >= 3 ? c.month - 2 : 12;
        c.year -= c.month == 12;
        break;
    case DateRange::Form::Decade:
        c.year -= 9;
        break;
    case DateRange::Form::Century:
        c.year -= 99;
        break;
    default:
        break;
    }
    return c;
}

// One end of a range in words, from the endpoint's first day `c` (the day itself for a day).
QString formatPoint(DateRange::Civil c, DateRange::Precision precision, DateRange::Form form,
                    bool approximate, bool uncertain)
{
    const QString month = QLocale::c().monthName(c.month, QLocale::ShortFormat);
    // Millions of years ago, a month or a day says nothing more than the year does.
    if (isDeepPast(c.year) && form == DateRange::Form::Exact)
        precision = DateRange::Precision::Year;
    QString text;
    switch (form) {
    case DateRange::Form::Season:
        text = seasonWords(c.month, c.year);
        break;
    case DateRange::Form::Decade:
        if (c.year >= 0)
            text = dateWords("the %1s", "a decade").arg(c.year);
        else
            text = dateWords("%1\u2013%2", "years").arg(yearWords(c.year), yearWords(c.year + 9));
        break;
    case DateRange::Form::Century:
        text = dateWords("%1\u2013%2", "years").arg(yearWords(c.year), yearWords(c.year + 99));
        break;
    case DateRange::Form::SomeMonth:
        text = dateWords("a month in %1").arg(yearWords(c.year));
        break;
    case DateRange::Form::SomeDay:
        text = precision == DateRange::Precision::Month
            ? dateWords("a day in %1 %2", "month, year").arg(month, yearWords(c.year))
            : dateWords("a day in %1").arg(yearWords(c.year));
        break;
    default:
        switch (precision) {
        case DateRange::Precision::Year:
            text = yearWords(c.year);
            break;
        case DateRange::Precision::Month:
            text = dateWords("%1 %2", "month, year").arg(month, yearWords(c.year));
            break;
        default:
            text = dateWords("%1 %2 %3", "day, month, year")
                       .arg(QString::number(c.day), month, yearWords(c.year));
            break;
        }
    }
    if (approximate)
        text = dateWords("c. %1", "circa").arg(text);
    if (uncertain)
        text = dateWords("%1?", "uncertain").arg(text);
    return text;
}

} // namespace

QString DateRange::yearWords(std::int64_t year)
{
    if (year > 0)
        return yearNumber(year);
    if (!isDeepPast(year))
        return dateWords("%1 BC").arg(yearNumber(1 - year));
    // "Before present" counts from 1950; at a million years the difference from today is below
    // the three digits shown.
    return yearsAgoWords(1950 - year);
}

QString DateRange::toDisplayString() const
{
    const auto startPoint = [this] {
        return formatPoint(civilFromDay(first), startPrecision, startForm, qualifiers & StartApproximate,
                           qualifiers & StartUncertain);
    };
    const auto endPoint = [this] {
        const Civil c = endPrecision == Precision::Day ? civilFromDay(last) : startOfEndpoint(last, endForm);
        return formatPoint(c, endPrecision, endForm, qualifiers & EndApproximate, qualifiers & EndUncertain);
    };
    if (precision != Precision::Interval)
        return startPoint();
    switch (endForm) {
    case Form::Open:
        return dateWords("since %1").arg(startPoint());
    case Form::Unknown:
        return dateWords("from %1, end unknown").arg(startPoint());
    default:
        break;
    }
    switch (startForm) {
    case Form::Open:
        return dateWords("until %1").arg(endPoint());
    case Form::Unknown:
        return dateWords("until %1, start unknown").arg(endPoint());
    default:
        return dateWords("%1 \u2013 %2", "range").arg(startPoint(), endPoint());
    }
}
