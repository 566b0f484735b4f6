#pragma once

#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <string_view>
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

// The named groups of the rules' patterns, which TimexResolver reads.
enum class Group : quint8 {
    A,
    Adverb,
    Ampm,
    B,
    C,
    Day,
    Dir,
    Fiscal,
    Full,
    Hour,
    Minute,
    Month,
    N,
    Ord,
    Part,
    PartOf,
    Q,
    Rd,
    Rel,
    Season,
    Short,
    Tod,
    Unit,
    Weekday,
    Word,
    Year,
    Yrel,
    Zone,
};
inline constexpr std::array<std::u16string_view, 28> s_groupNames {
    u"a",      u"adverb", u"ampm", u"b",       u"c",    u"day",    u"dir",  u"fiscal", u"full", u"hour",
    u"minute", u"month",  u"n",    u"ord",     u"part", u"partof", u"q",    u"rd",     u"rel",  u"season",
    u"short",  u"tod",    u"unit", u"weekday", u"word", u"year",   u"yrel", u"zone",
};
static_assert(s_groupNames.size() == std::size_t(Group::Zone) + 1, "a name for every group, in order");

struct Candidate
{
    qsizetype begin = 0;
    qsizetype end = 0;
    Rule rule = Rule::Year;
    QRegularExpressionMatch match;
};

// A rule and what every one of its matches holds: a run of exactly n digits for a bit n set in
// `digitRuns` (a year's four, a day's one or two), or one of `words` (lowercase; matched in
// any case, and with a plural's "s"); and how many words the match reads at most before and
// after the word that holds it, a word being what lies between white space and hyphens
// ("the first half of" are four words before "2008"; a look-ahead's words count). The tagger
// runs a rule only that near its triggers (TimexWindows), so a rule's triggers and words must
// cover all that it can match.
struct CompiledRule
{
    Rule rule;
    QRegularExpression re;
    quint8 digitRuns = 0;
    QStringList words;
    quint8 wordsBefore = 0;
    quint8 wordsAfter = 0;
};

// The most words any rule reads before or after its trigger's word.
constexpr int s_mostWords = 6;

// digitRuns for runs of one or two digits (days, months, hours) and of four (years).
constexpr quint8 s_shortRuns = 1 << 1 | 1 << 2;
constexpr quint8 s_fourDigits = 1 << 4;

// In the order of precedence: of two matches that start and end alike, the earlier rule's wins.
const std::vector<CompiledRule> &rules();

// What a group of the candidate's match holds; empty when it took no part or its rule has none.
// Faster than QRegularExpressionMatch::captured() by name, which searches the names each time.
QStringView captured(const Candidate &c, Group group);

} // namespace TimexRules
