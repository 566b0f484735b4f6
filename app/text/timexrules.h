#pragma once

#include <QRegularExpression>

#include <utility>
#include <vector>

// The temporal tagger's rules, one regular expression per kind of expression, and a match of
// one of them: shared by TemporalTagger, which finds them, and TimexResolver, which gives each
// its value.
namespace TimexRules {

enum class Rule {
    IsoDate,
    NumericDate,
    MonthDay,
    DayMonth,
    MonthYear,
    Month,
    Weekday,
    Season,
    Quarter,
    Half,
    Decade,
    Century,
    Year,
    RelativeDay,
    RelativePeriod,
    PartOfPeriod,
    Ago,
    PresentRef,
    PastRef,
    FutureRef,
    ClockTime,
    HourTime,
    NamedTime,
    Duration,
    Set,
};

struct Candidate
{
    qsizetype begin = 0;
    qsizetype end = 0;
    Rule rule = Rule::Year;
    QRegularExpressionMatch match;
};

const std::vector<std::pair<Rule, QRegularExpression>> &rules();

} // namespace TimexRules
