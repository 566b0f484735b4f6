#include "calendarticks.h"

#include "daterange.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr double s_daysPerMonth = 30.436875;
constexpr double s_daysPerYear = 365.2425;

QString monthLabel(QDate date, bool withYear)
{
    return QLocale::c().toString(date, withYear ? u"MMM yyyy" : u"MMM");
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
    // 1, 2, 5, 10, 20, 50, … years
    for (int scale = 1;; scale *= 10) {
        for (const int years : { 1, 2, 5 }) {
            if (years * scale * s_daysPerYear >= minDays || scale >= 1000)
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
    const Step step = chooseStep((lastDay - firstDay) / pixelWidth, minSpacing);

    // Keep to the years QDate and the format can hold.
    const double lo = std::max(firstDay, double(DateRange::dayFromCivil(1, 1, 1)));
    const double hi = std::min(lastDay, double(DateRange::dayFromCivil(9999, 12, 31)));
    if (!(hi > lo))
        return ticks;
    const QDate start = DateRange::dateFromDay(std::int32_t(std::floor(lo)));
    const QLocale c = QLocale::c();

    QDate date;
    switch (step.unit) {
    case Unit::Day:
        date = start;
        break;
    case Unit::Month:
        date = QDate(start.year(), ((start.month() - 1) / step.count) * step.count + 1, 1);
        break;
    case Unit::Year: {
        int year = start.year() - start.year() % step.count;
        if (year < 1) // there is no year 0
            year += step.count;
        date = QDate(year, 1, 1);
        break;
    }
    }

    while (date.isValid()) {
        const double day = DateRange::dayFromDate(date);
        if (day > hi)
            break;
        const bool onStep = step.unit != Unit::Day || step.count == 1
            || (step.count == 2 ? date.day() % 2 == 1 && date.day() < 31
                                : (date.day() - 1) % 7 == 0 && date.day() < 29);
        if (day >= lo && onStep) {
            CalendarTick tick;
            tick.day = day;
            switch (step.unit) {
            case Unit::Day:
                tick.major = date.day() == 1;
                tick.label = tick.major ? monthLabel(date, date.month() == 1 || ticks.isEmpty())
                                        : c.toString(date, u"d MMM");
                break;
            case Unit::Month:
                tick.major = date.month() == 1;
                tick.label = step.count == 3 && !tick.major ? u"Q%1"_s.arg((date.month() - 1) / 3 + 1)
                                                            : monthLabel(date, tick.major || ticks.isEmpty());
                if (tick.major)
                    tick.label = QString::number(date.year());
                break;
            case Unit::Year:
                tick.major = true;
                tick.label = QString::number(date.year());
                break;
            }
            ticks.append(tick);
        }
        switch (step.unit) {
        case Unit::Day:
            date = date.addDays(1);
            break;
        case Unit::Month:
            date = date.addMonths(step.count);
            break;
        case Unit::Year:
            date = date.addYears(step.count);
            break;
        }
    }
    return ticks;
}
