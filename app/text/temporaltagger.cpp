#include "temporaltagger.h"

#include "timexresolver.h"
#include "timexrules.h"
#include "timexwindows.h"

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace TimexRules {

namespace {

// Fragments the rules share. Month and weekday names are matched with their capital, so that
// "may" the verb and "march" the verb are not months; the other words in any case.
const QString s_month =
    uR"((?<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![A-Za-z]))"_s;
const QString s_weekday = uR"((?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"_s;
const QString s_day = uR"((?<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))"_s;
const QString s_year = uR"((?<year>(?:1[1-9]|20)\d\d)(?![\d]))"_s;
const QString s_part =
    uR"((?:(?i:(?<part>early|late|mid|earlier|later))[\s-]+|(?i:(?<partof>(?:the\s+)?(?:end|beginning|start|middle|turn|close|rest|remainder|first\s+half|second\s+half))\s+of)\s+))"_s;
const QString s_number =
    uR"((?<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+few|few|several|many|some))"_s;
const QString s_zone =
    uR"((?:\s*\(?\s*(?<zone>UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|JST)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\s*\)?)?)"_s;
const QString s_rel = uR"((?i:(?<rel>last|next|this|coming|past|previous|current|following)))"_s;

// Their trigger words: every match of a rule that uses them holds one of the names.
const QString s_monthWords =
    u"january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"_s;
const QString s_weekdayWords = u"monday tuesday wednesday thursday friday saturday sunday"_s;

struct RuleSpec
{
    Rule rule;
    QString pattern;
    quint8 digitRuns; // every match holds a run of digits of one of these lengths, or else
    QString words; // one of these words
    // and no more than these words before and after the word holding it (TimexWindows counts
    // words between white space and hyphens; what a look-ahead reads counts too)
    quint8 wordsBefore;
    quint8 wordsAfter;
};

} // namespace

const std::vector<CompiledRule> &rules()
{
    static const std::vector<CompiledRule> compiled = [] {
        const RuleSpec specs[] = {
            { Rule::IsoDate,
              uR"(\b(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)(?:T(?<hour>\d\d):(?<minute>\d\d))?\b)"_s,
              s_fourDigits, QString(), 0, 2 },
            { Rule::NumericDate, uR"((?<![\d/.])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<year>\d{4}|\d\d)(?![\d/]))"_s,
              s_shortRuns, QString(), 0, 0 },
            { Rule::MonthDay,
              uR"(\b(?:)"_s + s_weekday + uR"(\s*,?\s+)?)"_s + s_month + uR"(\s+)"_s + s_day
                  + uR"((?:(?:\s*,\s*|\s+)(?:of\s+)?)"_s + s_year + u")?"_s,
              0, s_monthWords, 2, 4 },
            { Rule::DayMonth,
              uR"(\b(?:)"_s + s_weekday + uR"(\s*,?\s+)?(?:the\s+)?)"_s + s_day + uR"(\s+(?:of\s+)?)"_s
                  + s_month + uR"((?:\s*,?\s+)"_s + s_year + u")?"_s,
              0, s_monthWords, 5, 2 },
            { Rule::MonthYear, u"\\b"_s + s_part + u"?"_s + s_month + uR"((?:\s+of)?\s*,?\s+)"_s + s_year, 0,
              s_monthWords, 4, 3 },
            { Rule::Month, u"\\b"_s + s_part + u"?(?:"_s + s_rel + uR"(\s+)?)"_s + s_month, 0, s_monthWords,
              5, 0 },
            { Rule::Weekday,
              uR"(\b(?:)"_s + s_rel + uR"(\s+)?)"_s + s_weekday
                  + uR"((?:\s+(?i:(?<tod>morning|afternoon|evening|night)))?\b)"_s,
              0, s_weekdayWords, 1, 1 },
            { Rule::Season,
              uR"(\b(?i:)"_s + s_part
                  + uR"(?(?:(?<rel>this|last|next|coming|past|previous|the)\s+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?)"_s
                  + s_year + uR"()?)\b)"_s,
              0, u"spring summer autumn fall winter"_s, 5, 2 },
            { Rule::Quarter,
              uR"(\b(?i:(?:the\s+)?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|next|this|current|previous|past|latest|coming)\s+(?:fiscal\s+|financial\s+|calendar\s+)?quarter|Q(?<q>[1-4]))(?:\s*,?\s+(?:of\s+)?(?:(?:fiscal\s+|financial\s+)?)"_s
                  + s_year + uR"(|(?<yrel>this|last|next)\s+year))?)\b)"_s,
              1 << 1, u"quarter"_s, 3, 4 },
            { Rule::Half,
              uR"(\b(?i:(?:the\s+)?(?<ord>first|second|latter)\s+half\s+of\s+(?:)"_s + s_year
                  + uR"(|(?<yrel>this|last|next)\s+year|the\s+year))\b)"_s,
              0, u"half"_s, 2, 3 },
            { Rule::Decade,
              uR"(\b(?i:(?:the\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?:(?<full>1[1-9]\d|20\d)0|'(?<short>\d)0)'?s)\b)"_s,
              s_fourDigits | 1 << 2, QString(), 2, 0 },
            { Rule::Century,
              uR"(\b(?i:(?:the\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?<c>1\d|20|21|[1-9])(?:st|nd|rd|th)[\s-]+century)\b)"_s,
              0, u"century"_s, 3, 0 },
            { Rule::Year,
              uR"((?<![\d$€£#.,]|\$\s|€\s|£\s)\b)"_s + s_part
                  + u"?(?i:(?<fiscal>fiscal|financial)\\s+(?:year\\s+)?)?"_s + s_year
                  + uR"((?!\s*%|\s*percent|[.,]\d|-\d))"_s,
              s_fourDigits, QString(), 6, 1 },
            { Rule::RelativeDay,
              uR"(\b(?i:(?<rd>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this(?=\s+(?:morning|afternoon|evening)\b))(?:\s+(?<tod>morning|afternoon|evening|night))?)\b)"_s,
              0, u"today tonight yesterday tomorrow morning afternoon evening"_s, 4, 1 },
            { Rule::RelativePeriod,
              u"\\b"_s + s_part + uR"(?(?i:(?:the\s+)?)"_s + s_rel
                  + uR"(\s+(?<unit>week|weekend|month|year|quarter|decade|century))\b)"_s,
              0, u"week weekend month year quarter decade century"_s, 6, 0 },
            { Rule::PartOfPeriod, u"\\b"_s + s_part + uR"((?i:the\s+(?<unit>year|month|week|decade))\b)"_s, 0,
              u"year month week decade"_s, 5, 0 },
            { Rule::Ago,
              u"\\b(?i:"_s + s_number
                  + uR"(\s+(?<unit>day|week|month|year|decade)s?\s+(?<dir>ago|from\s+now|hence|earlier|later))\b)"_s,
              0, u"day week month year decade"_s, 2, 2 },
            { Rule::PresentRef,
              uR"(\b(?i:(?:right\s+)?now|currently|presently|nowadays|at\s+present|at\s+the\s+moment|these\s+days|the\s+present(?:\s+day)?)\b)"_s,
              0, u"now currently presently nowadays present moment days"_s, 2, 1 },
            { Rule::PastRef,
              uR"(\b(?i:(?:more\s+|most\s+|until\s+)?recently|lately|in\s+the\s+past(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|centur)))\b)"_s,
              0, u"recently lately past"_s, 2, 2 },
            { Rule::FutureRef,
              uR"(\b(?i:in\s+the\s+(?:near\s+|distant\s+)?future|in\s+the\s+coming\s+(?:days|weeks|months|years)|in\s+the\s+years\s+to\s+come)\b)"_s,
              0, u"future coming years"_s, 3, 2 },
            { Rule::ClockTime,
              uR"((?<![\d:.,])(?<hour>[01]?\d|2[0-3]):(?<minute>[0-5]\d)(?::[0-5]\d)?(?![\d:]|\.\d)(?:\s*(?<ampm>(?i:a\.m\.|p\.m\.|am|pm))(?![A-Za-z]))?)"_s
                  + s_zone,
              s_shortRuns, QString(), 0, 6 },
            { Rule::HourTime,
              uR"((?<![\d:.,])(?<hour>1[0-2]|0?[1-9])\s*(?<ampm>(?i:a\.m\.|p\.m\.|am|pm))(?![A-Za-z]))"_s
                  + s_zone,
              s_shortRuns, QString(), 0, 6 },
            { Rule::NamedTime, uR"(\b(?i:(?<word>noon|midday|midnight))\b)"_s, 0, u"noon midday midnight"_s,
              0, 0 },
            { Rule::Duration,
              u"\\b(?i:"_s + s_number
                  + uR"([\s-]+(?<unit>second|minute|hour|day|week|month|year|decade|century|centuries)s?(?:[\s-]+(?:long|old))?)\b)"_s,
              0, u"second minute hour day week month year decade century centuries"_s, 2, 1 },
            { Rule::Set,
              uR"(\b(?i:(?:every|each)\s+(?<unit>day|week|month|year|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?<adverb>annually|yearly))\b)"_s,
              0, u"every each annually yearly"_s, 0, 1 },
        };
        std::vector<CompiledRule> out;
        for (const RuleSpec &spec : specs) {
            QRegularExpression re(spec.pattern);
            Q_ASSERT_X(re.isValid(), "TemporalTagger", qPrintable(re.errorString() + u": "_s + spec.pattern));
            Q_ASSERT(spec.wordsBefore <= s_mostWords && spec.wordsAfter <= s_mostWords);
            re.optimize();
            out.push_back({ spec.rule, std::move(re), spec.digitRuns,
                            spec.words.split(u' ', Qt::SkipEmptyParts), spec.wordsBefore, spec.wordsAfter });
        }
        return out;
    }();
    return compiled;
}

QStringView captured(const Candidate &c, Group group)
{
    // Each rule's group numbers by name, found once.
    using Numbers = std::array<qint8, s_groupNames.size()>;
    static const std::vector<Numbers> numbers = [] {
        std::vector<Numbers> out;
        for (const CompiledRule &rule : rules()) {
            const auto index = std::size_t(rule.rule);
            if (out.size() <= index)
                out.resize(index + 1);
            out[index].fill(-1);
            const QStringList names = rule.re.namedCaptureGroups();
            for (qsizetype i = 0; i < names.size(); ++i) {
                const auto found = std::find(s_groupNames.begin(), s_groupNames.end(), QStringView(names[i]));
                if (found != s_groupNames.end())
                    out[index][std::size_t(found - s_groupNames.begin())] = qint8(i);
            }
        }
        return out;
    }();
    const qint8 number = numbers[std::size_t(c.rule)][std::size_t(group)];
    return number < 0 ? QStringView() : c.match.capturedView(number);
}

} // namespace TimexRules

using TimexRules::Candidate;

TemporalTagger::TemporalTagger(std::optional<QDate> published)
    : m_published(published && published->isValid() ? published : std::nullopt)
{ }

namespace {

// One rule's matches in text order, found only in the rule's windows.
class RuleMatches
{
public:
    RuleMatches(const TimexRules::CompiledRule &rule, const std::vector<TimexWindows::Window> &windows,
                QStringView text)
        : m_rule(rule)
        , m_windows(windows)
        , m_text(text)
    { }

    // The next match if it starts before `limit`; it is kept for a later call otherwise.
    std::optional<Candidate> takeBefore(qsizetype limit)
    {
        if (!m_next)
            m_next = find();
        if (!m_next || m_next->begin >= limit)
            return std::nullopt;
        return std::exchange(m_next, std::nullopt);
    }

private:
    std::optional<Candidate> find()
    {
        while (m_window < m_windows.size()) {
            const TimexWindows::Window &w = m_windows[m_window];
            const qsizetype from = std::max(w.from, m_from);
            if (from < w.to) {
                // The text before `from` stays in view for the rules' look-behinds. The text is
                // valid UTF-16 (see tag()): checking it again at each match would read it whole.
                QRegularExpressionMatch match =
                    m_rule.re.match(m_text.first(w.end), from, QRegularExpression::NormalMatch,
                                    QRegularExpression::DontCheckSubjectStringMatchOption);
                if (match.hasMatch() && match.capturedStart() < w.to) {
                    const qsizetype begin = match.capturedStart();
                    const qsizetype end = match.capturedEnd();
                    m_from = end > begin ? end : begin + 1;
                    if (end > begin)
                        return Candidate { begin, end, m_rule.rule, std::move(match) };
                    continue;
                }
            }
            ++m_window;
        }
        return std::nullopt;
    }

    const TimexRules::CompiledRule &m_rule;
    const std::vector<TimexWindows::Window> &m_windows;
    QStringView m_text;
    std::size_t m_window = 0;
    qsizetype m_from = 0; // where the next match may start: after the last one
    std::optional<Candidate> m_next; // found, not yet taken
};

// `text` with every lone surrogate replaced by U+FFFD, which keeps every offset: valid UTF-16,
// which the regular expression engine may then be spared from checking at every match.
QString validUtf16(const QString &text)
{
    QString valid = text;
    for (qsizetype i = 0; i < valid.size(); ++i) {
        const QChar c = valid.at(i);
        if (!c.isSurrogate())
            continue;
        if (c.isHighSurrogate() && i + 1 < valid.size() && valid.at(i + 1).isLowSurrogate())
            ++i;
        else
            valid[i] = QChar::ReplacementCharacter; // detaches only here, for a broken text
    }
    return valid;
}

} // namespace

QList<Timex> TemporalTagger::tag(const QString &text) const
{
    const auto &rules = TimexRules::rules();
    const QString valid = validUtf16(text);
    const TimexWindows windows(valid);
    std::vector<RuleMatches> matches;
    matches.reserve(rules.size());
    for (std::size_t r = 0; r < rules.size(); ++r)
        matches.emplace_back(rules[r], windows.of(r), valid);

    // A block of text at a time, so that only its matches are held: every rule's matches that
    // start in the block, leftmost first, then longest, then the rule listed first.
    constexpr qsizetype blockSize = 4096;
    TimexResolver resolver(text, m_published);
    QList<Timex> found;
    std::vector<Candidate> candidates;
    qsizetype taken = 0;
    for (qsizetype blockStart = 0; blockStart < text.size(); blockStart += blockSize) {
        const qsizetype blockEnd = std::min(text.size(), blockStart + blockSize);
        const qsizetype limit = blockEnd == text.size() ? std::numeric_limits<qsizetype>::max() : blockEnd;
        candidates.clear();
        for (RuleMatches &rule : matches) {
            while (std::optional<Candidate> c = rule.takeBefore(limit))
                candidates.push_back(std::move(*c));
        }
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
            if (a.begin != b.begin)
                return a.begin < b.begin;
            return a.end > b.end;
        });
        for (const Candidate &c : candidates) {
            if (c.begin < taken)
                continue;
            if (std::optional<Timex> timex = resolver.resolve(c)) {
                found.append(std::move(*timex));
                taken = c.end;
            }
        }
    }
    return found;
}

std::optional<Timex> TemporalTagger::dateLine(const QString &text)
{
    // Only the first few lines: the headline, perhaps a byline, then the date.
    qsizetype lineStart = 0;
    for (int line = 0; line < 4 && lineStart < text.size(); ++line) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QString lineText = text.sliced(lineStart, lineEnd - lineStart);
        const QString trimmed = lineText.trimmed();
        if (!trimmed.isEmpty() && trimmed.size() < 60) {
            const QList<Timex> found = TemporalTagger().tag(trimmed);
            if (found.size() == 1 && found.front().value.size() == 10
                && !found.front().value.contains(u'X')) {
                const Timex &t = found.front();
                const QString rest = trimmed.left(t.begin) + trimmed.mid(t.end);
                static const QRegularExpression filler(uR"(^[\s,.\-–—|:]*$)"_s);
                if (filler.match(rest).hasMatch()) {
                    Timex line = t;
                    const qsizetype offset = lineStart + lineText.indexOf(trimmed);
                    line.begin += offset;
                    line.end += offset;
                    return line;
                }
            }
        }
        lineStart = lineEnd + 1;
    }
    return std::nullopt;
}
