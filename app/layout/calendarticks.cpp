#include "calendarticks.h"

#include "daterange.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr double s_daysPerMonth = 30.436875;
constexpr double s_daysPerYear = 365.2425;
// Steps of this many years and more are in the deep past's words, "13 billion years ago",
// about twice as long as a year's number.
constexpr std::int64_t s_deepStep = 1'000'000;

QString monthLabel(const DateRange::Civil &date, bool withYear)
{
    const QString month = QLocale::c().monthName(date.month, QLocale::ShortFormat);
    return withYear ? month + u' ' + DateRange::yearWords(date.year) : month;
}

// Years as people number them, with no year 0: 1 is AD 1, -1 is 1 BC (astronomical year 0).
std::int64_t astronomical(std::int64_t year)
{
    return year < 0 ? year + 1 : year;
}

std::int64_t numbered(std::int64_t astronomicalYear)
{
    return astronomicalYear <= 0 ? astronomicalYear - 1 : astronomicalYear;
}

// The first multiple of `step` at or after `value`.
std::int64_t ceilToMultiple(std::int64_t value, std::int64_t step)
{
    const std::int64_t q = value / step;
    return (q * step < value ? q + 1 : q) * step;
}

} // namespace

CalendarTicks::Step CalendarTicks::chooseStep(double daysPerPixel, double minSpacing)
{
    const double minDays = daysPerPixel * minSpacing;
    for (const int days : { 1, 2, 7 }) {
        if (days >= minDays)
            return { Unit::Day, days };
    }
    for (const int months : { 1, 3, 6 }) {
        if (months * s_daysPerMonth >= minDays)
            return { Unit::Month, months };
    }
    // 1, 2, 5, 10, 20, 50, … years, up to the trillion years a date can be from another.
    const std::int64_t maxScale = (DateRange::s_maxYear + 1) / 10;
    for (std::int64_t scale = 1;; scale *= 10) {
        for (const int years : { 1, 2, 5 }) {
            if (double(years * scale) * s_daysPerYear >= minDays || scale >= maxScale)
                return { Unit::Year, years * scale };
        }
    }
}

QList<CalendarTick> CalendarTicks::compute(double firstDay, double lastDay, double pixelWidth,
                                           double minSpacing)
{
    QList<CalendarTick> ticks;
    if (!(lastDay > firstDay) || !(pixelWidth > 0) || !std::isfinite(firstDay) || !std::isfinite(lastDay))
        return ticks;
    const double daysPerPixel = (lastDay - firstDay) / pixelWidth;
    Step step = chooseStep(daysPerPixel, minSpacing);
    const double lo = std::max(firstDay, double(DateRange::dayFromCivil(DateRange::s_minYear, 1, 1)));
    const double hi = std::min(lastDay, double(DateRange::dayFromCivil(DateRange::s_maxYear, 12, 31)));
    if (!(hi > lo))
        return ticks;
    if (step.unit == Unit::Year && step.count >= s_deepStep && lo < DateRange::dayFromCivil(1 - s_deepStep, 1, 1))
        step = chooseStep(daysPerPixel, minSpacing * 2);
    const DateRange::Civil start = DateRange::civilFromDay(Day(std::floor(lo)));
    const auto add = [&](Day day, QString label, bool major) {
        ticks.append(CalendarTick { double(day), std::move(label), major });
    };

    switch (step.unit) {
    case Unit::Day: {
        const QLocale c = QLocale::c();
        for (Day day = Day(std::ceil(lo)); day <= hi; ++day) {
            const DateRange::Civil date = DateRange::civilFromDay(day);
            const bool onStep = step.count == 1
                || (step.count == 2 ? date.day % 2 == 1 && date.day < 31 : (date.day - 1) % 7 == 0 && date.day < 29);
            if (!onStep)
                continue;
            const bool major = date.day == 1;
            add(day,
                major ? monthLabel(date, date.month == 1 || ticks.isEmpty())
                      : QString::number(date.day) + u' ' + c.monthName(date.month, QLocale::ShortFormat),
                major);
        }
        break;
    }
    case Unit::Month: {
        std::int64_t year = start.year;
        int month = int((start.month - 1) / step.count * step.count + 1);
        for (;; month += int(step.count)) {
            if (month > 12) {
                month -= 12;
                ++year;
            }
            const Day day = DateRange::dayFromCivil(year, month, 1);
            if (day > hi)
                break;
            if (day < lo)
                continue;
            const DateRange::Civil date { year, month, 1 };
            const bool major = month == 1;
            QString label = major ? DateRange::yearWords(year)
                : step.count == 3 ? u"Q%1"_s.arg((month - 1) / 3 + 1)
                                  : monthLabel(date, ticks.isEmpty());
            add(day, std::move(label), major);
        }
        break;
    }
    case Unit::Year: {
        // On multiples of the step as people number years, so that BC ticks read 100 BC, not
        // 101 BC; there is no year 0, so the ticks either side of it are a year closer.
        const std::int64_t lastYear = numbered(DateRange::civilFromDay(Day(std::floor(hi))).year);
        for (std::int64_t year = ceilToMultiple(numbered(start.year), step.count); year <= lastYear;
             year += step.count) {
            if (year == 0)
                continue;
            const Day day = DateRange::dayFromCivil(astronomical(year), 1, 1);
            if (day >= lo && day <= hi)
                add(day, DateRange::yearWords(astronomical(year)), true);
        }
        break;
    }
    }
    return ticks;
}
