#pragma once

#include <QByteArrayView>
#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>

// Days since 1970-01-01 in the proleptic Gregorian calendar. 64 bits, so that a date of any
// age is a day: the Big Bang is about -5·10^12.
using Day = std::int64_t;

// An inclusive range of days parsed from EDTF Level 1 (ISO 8601-2): days, months, years,
// seasons, unspecified digits, negative and long years, intervals with open or unknown ends,
// each optionally `?`, `~` or `%`. Days count from 1970-01-01 so that a range is two plain
// integers, cheap to sort and index.
struct DateRange
{
    // The granularity of the range (a season counts as months, `196X` as years).
    enum class Precision : std::uint8_t { Day, Month, Year, Interval };
    // How an endpoint was written, for saying it in words.
    enum class Form : std::uint8_t {
        Exact, // a day, month or year
        Season, // 2022-21 (spring) to 2022-24 (winter)
        Decade, // 196X
        Century, // 19XX
        SomeMonth, // 2004-XX
        SomeDay, // 2004-06-XX, 2004-XX-XX
        Open, // `..`: the interval runs on; drawn to the edge of the view
        Unknown, // empty: the interval has an end, but it is not known
    };
    // Years of up to twelve digits, a trillion years either way (70 times the age of the
    // universe): their days, about 3.7·10^14, stay well inside the 2^53 that the chart's
    // doubles hold exactly, with room for fractions of a day. EDTF itself has no limit.
    static constexpr std::int64_t s_minYear = -999'999'999'999;
    static constexpr std::int64_t s_maxYear = 999'999'999'999;
    enum Qualifier : std::uint8_t {
        StartUncertain = 1,
        StartApproximate = 2,
        EndUncertain = 4,
        EndApproximate = 8,
    };

    Day first = 0; // first day, inclusive
    Day last = 0; // last day, inclusive
    // The rest in bits, in 3 bytes: an Event (which has a range) places its smallest members
    // in the rest of the 8 that the days round a DateRange up to, and a million events then
    // take 8 MB less.
    Precision precision = Precision::Day;
    std::uint8_t qualifiers : 4 = 0;
    Precision startPrecision : 2 = Precision::Day; // of the interval's endpoints; equal to
    Precision endPrecision : 2 = Precision::Day; // `precision` for a single date
    Form startForm : 3 = Form::Exact; // of an open or unknown end, `first` and `last` are the
    Form endForm : 3 = Form::Exact; // other end's, so that the range stays finite

    bool hasOpenStart() const { return startForm == Form::Open; }
    bool hasOpenEnd() const { return endForm == Form::Open; }

    bool isApproximate() const { return qualifiers & (StartApproximate | EndApproximate); }
    bool isUncertain() const { return qualifiers & (StartUncertain | EndUncertain); }
    Day lengthInDays() const { return last - first + 1; }

    // For people: "30 Nov 2022", "Nov 2022", "2019", "c. Jan 2023 – c. 31 Oct 2024", "2019?",
    // "the 1960s", "autumn 2022", "since 2019", "15 Mar 45 BC" (for `-0044-03-15`: year 0 is 1 BC).
    QString toDisplayString() const;

    struct Civil
    {
        std::int64_t year; // astronomical: 0 is 1 BC
        int month;
        int day;
    };
    static Civil civilFromDay(Day day);
    // `2022-11-30`, `-0044-03-15`, `12000-01-01`: the ISO 8601 form of any day in range.
    static QString isoDay(Day day);
    // "2019", "45 BC", "12,000 BC", "13.8 billion years ago": a year for people. Years from a
    // million years ago on are counted back from 1950, as "before present" is, to three
    // significant digits.
    static QString yearWords(std::int64_t year);

    QDate firstDate() const { return dateFromDay(first); }
    QDate lastDate() const { return dateFromDay(last); }

    // Parses `text`; on failure returns nullopt and, if `error` is given, a sentence that says
    // what is wrong ("February 2023 has 28 days").
    static std::optional<DateRange> parse(QByteArrayView text, QString *error = nullptr);

    static constexpr Day dayFromCivil(std::int64_t year, int month, int day);
    // QDate holds years of 32 bits: beyond them, an invalid date.
    static QDate dateFromDay(Day day) { return QDate::fromJulianDay(day + s_julianDayOfEpoch); }
    static Day dayFromDate(QDate date) { return date.toJulianDay() - s_julianDayOfEpoch; }
    static QString precisionName(Precision precision);

    friend bool operator==(const DateRange &, const DateRange &) = default;

private:
    static constexpr qint64 s_julianDayOfEpoch = 2440588; // 1970-01-01
};

// Days since 1970-01-01 in the proleptic Gregorian calendar, by counting whole 400-year eras
// (146097 days each) with March as the first month, so that leap days fall at an era's end.
constexpr Day DateRange::dayFromCivil(std::int64_t year, int month, int day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = int(year - era * 400);
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

// Each of DateRange's bit-fields holds all of its values.
static_assert(int(DateRange::Form::Unknown) < (1 << 3) && int(DateRange::Precision::Interval) < (1 << 2)
              && (DateRange::StartUncertain | DateRange::StartApproximate | DateRange::EndUncertain
                  | DateRange::EndApproximate)
                  < (1 << 4));
