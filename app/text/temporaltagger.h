#pragma once

#include "timex.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// Finds the dates, times, durations and sets in English news text and normalises each
// against the day the article appeared, as TimeML's TIMEX3 does. Rules are regular
// expressions over the language (month names, weekdays, "late 2022", "two years ago"),
// each run only near the words that every one of its matches holds (TimexWindows), so the
// work grows linearly with the text.
class TemporalTagger
{
public:
    // Without a publication date, relative expressions keep unresolved values (XXXX-XX-XX).
    explicit TemporalTagger(std::optional<QDate> published = std::nullopt);

    QList<Timex> tag(const QString &text) const;

    // The article's own date line: one of the first lines that is nothing but a full date
    // ("March 01, 2008", "Tuesday, 6 May 2008", "2008-03-06"), as a Timex; nullopt if none.
    static std::optional<Timex> dateLine(const QString &text);

private:
    std::optional<QDate> m_published;
};
