#pragma once

#include <QList>
#include <QString>

#include <cstdint>

// A tick on the time axis, at the start of a calendar unit (a day, month, quarter or year).
struct CalendarTick
{
    double day = 0; // days since 1970-01-01
    QString label;
    bool major = false; // a year boundary, or a month boundary when ticks are days
};

// Ticks at calendar boundaries rather than at even multiples of milliseconds (which is what
// QDateTimeAxis does, so its year labels drift into March and skip): the coarsest unit whose
// ticks are no closer than `minSpacing` pixels, from billions of years down to single days.
// Years are labelled as DateRange::yearWords says them: "2019", "500 BC", "4 billion years ago".
class CalendarTicks
{
public:
    enum class Unit { Day, Month, Year };
    struct Step
    {
        Unit unit = Unit::Year;
        std::int64_t count = 1; // days 1, 2, 7 (on the 1st, 8th, 15th, 22nd); months 1, 3, 6; years 1, 2, 5, …
    };

    static Step chooseStep(double daysPerPixel, double minSpacing);
    static QList<CalendarTick> compute(double firstDay, double lastDay, double pixelWidth,
                                       double minSpacing = 64);
};
