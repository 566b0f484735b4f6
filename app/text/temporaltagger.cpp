#include "temporaltagger.h"

#include "timexresolver.h"
#include "timexrules.h"

#include <algorithm>

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

struct RuleSpec
{
    Rule rule;
    QString pattern;
};

} // namespace

const std::vector<std::pair<Rule, QRegularExpression>> &rules()
{
    static const std::vector<std::pair<Rule, QRegularExpression>> compiled = [] {
        const RuleSpec specs[] = {
            { Rule::IsoDate,
              uR"(\b(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)(?:T(?<hour>\d\d):(?<minute>\d\d))?\b)"_s },
            { Rule::NumericDate,
              uR"((?<![\d/.])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<year>\d{4}|\d\d)(?![\d/]))"_s },
            { Rule::MonthDay,
              uR"(\b(?:)"_s + s_weekday + uR"(\s*,?\s+)?)"_s + s_month + uR"(\s+)"_s + s_day
                  + uR"((?:(?:\s*,\s*|\s+)(?:of\s+)?)"_s + s_year + u")?"_s },
            { Rule::DayMonth,
              uR"(\b(?:)"_s + s_weekday + uR"(\s*,?\s+)?(?:the\s+)?)"_s + s_day + uR"(\s+(?:of\s+)?)"_s
                  + s_month + uR"((?:\s*,?\s+)"_s + s_year + u")?"_s },
            { Rule::MonthYear, u"\\b"_s + s_part + u"?"_s + s_month + uR"((?:\s+of)?\s*,?\s+)"_s + s_year },
            { Rule::Month, u"\\b"_s + s_part + u"?(?:"_s + s_rel + uR"(\s+)?)"_s + s_month },
            { Rule::Weekday,
              uR"(\b(?:)"_s + s_rel + uR"(\s+)?)"_s + s_weekday
                  + uR"((?:\s+(?i:(?<tod>morning|afternoon|evening|night)))?\b)"_s },
            { Rule::Season,
              uR"(\b(?i:)"_s + s_part
                  + uR"(?(?:(?<rel>this|last|next|coming|past|previous|the)\s+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?)"_s
                  + s_year + uR"()?)\b)"_s },
            { Rule::Quarter,
              uR"(\b(?i:(?:the\s+)?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|next|this|current|previous|past|latest|coming)\s+(?:fiscal\s+|financial\s+|calendar\s+)?quarter|Q(?<q>[1-4]))(?:\s*,?\s+(?:of\s+)?(?:(?:fiscal\s+|financial\s+)?)"_s
                  + s_year + uR"(|(?<yrel>this|last|next)\s+year))?)\b)"_s },
            { Rule::Half,
              uR"(\b(?i:(?:the\s+)?(?<ord>first|second|latter)\s+half\s+of\s+(?:)"_s + s_year
                  + uR"(|(?<yrel>this|last|next)\s+year|the\s+year))\b)"_s },
            { Rule::Decade,
              uR"(\b(?i:(?:the\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?:(?<full>1[1-9]\d|20\d)0|'(?<short>\d)0)'?s)\b)"_s },
            { Rule::Century,
              uR"(\b(?i:(?:the\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?<c>1\d|20|21|[1-9])(?:st|nd|rd|th)[\s-]+century)\b)"_s },
            { Rule::Year,
              uR"((?<![\d$€£#.,]|\$\s|€\s|£\s)\b)"_s + s_part
                  + u"?(?i:(?<fiscal>fiscal|financial)\\s+(?:year\\s+)?)?"_s + s_year
                  + uR"((?!\s*%|\s*percent|[.,]\d|-\d))"_s },
            { Rule::RelativeDay,
              uR"(\b(?i:(?<rd>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this(?=\s+(?:morning|afternoon|evening)))(?:\s+(?<tod>morning|afternoon|evening|night))?)\b)"_s },
            { Rule::RelativePeriod,
              u"\\b"_s + s_part + uR"(?(?i:(?:the\s+)?)"_s + s_rel
                  + uR"(\s+(?<unit>week|weekend|month|year|quarter|decade|century))\b)"_s },
            { Rule::PartOfPeriod, u"\\b"_s + s_part + uR"((?i:the\s+(?<unit>year|month|week|decade))\b)"_s },
            { Rule::Ago,
              u"\\b(?i:"_s + s_number
                  + uR"(\s+(?<unit>day|week|month|year|decade)s?\s+(?<dir>ago|from\s+now|hence|earlier|later))\b)"_s },
            { Rule::PresentRef,
              uR"(\b(?i:(?:right\s+)?now|currently|presently|nowadays|at\s+present|at\s+the\s+moment|these\s+days|the\s+present(?:\s+day)?)\b)"_s },
            { Rule::PastRef,
              uR"(\b(?i:(?:more\s+|most\s+|until\s+)?recently|lately|in\s+the\s+past(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|centur)))\b)"_s },
            { Rule::FutureRef,
              uR"(\b(?i:in\s+the\s+(?:near\s+|distant\s+)?future|in\s+the\s+coming\s+(?:days|weeks|months|years)|in\s+the\s+years\s+to\s+come)\b)"_s },
            { Rule::ClockTime,
              uR"((?<![\d:.,])(?<hour>[01]?\d|2[0-3]):(?<minute>[0-5]\d)(?::[0-5]\d)?(?![\d:]|\.\d)(?:\s*(?<ampm>(?i:a\.m\.|p\.m\.|am|pm))(?![A-Za-z]))?)"_s
                  + s_zone },
            { Rule::HourTime,
              uR"((?<![\d:.,])(?<hour>1[0-2]|0?[1-9])\s*(?<ampm>(?i:a\.m\.|p\.m\.|am|pm))(?![A-Za-z]))"_s
                  + s_zone },
            { Rule::NamedTime, uR"(\b(?i:(?<word>noon|midday|midnight))\b)"_s },
            { Rule::Duration,
              u"\\b(?i:"_s + s_number
                  + uR"([\s-]+(?<unit>second|minute|hour|day|week|month|year|decade|century|centuries)s?(?:[\s-]+(?:long|old))?)\b)"_s },
            { Rule::Set,
              uR"(\b(?i:(?:every|each)\s+(?<unit>day|week|month|year|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?<adverb>annually|yearly))\b)"_s },
        };
        std::vector<std::pair<Rule, QRegularExpression>> out;
        for (const RuleSpec &spec : specs) {
            QRegularExpression re(spec.pattern);
            Q_ASSERT_X(re.isValid(), "TemporalTagger", qPrintable(re.errorString() + u": "_s + spec.pattern));
            re.optimize();
            out.emplace_back(spec.rule, std::move(re));
        }
        return out;
    }();
    return compiled;
}

} // namespace TimexRules

using TimexRules::Candidate;

TemporalTagger::TemporalTagger(std::optional<QDate> published)
    : m_published(published && published->isValid() ? published : std::nullopt)
{ }

QList<Timex> TemporalTagger::tag(const QString &text) const
{
    std::vector<Candidate> candidates;
    for (const auto &[rule, re] : TimexRules::rules()) {
        QRegularExpressionMatchIterator it = re.globalMatch(text);
        while (it.hasNext()) {
            QRegularExpressionMatch match = it.next();
            if (match.capturedLength() == 0)
                continue;
            candidates.push_back({ match.capturedStart(), match.capturedEnd(), rule, std::move(match) });
        }
    }
    // Leftmost first, then longest, then the rule listed first.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.begin != b.begin)
            return a.begin < b.begin;
        return a.end > b.end;
    });

    TimexResolver resolver(text, m_published);
    QList<Timex> found;
    qsizetype taken = 0;
    for (const Candidate &c : candidates) {
        if (c.begin < taken)
            continue;
        if (std::optional<Timex> timex = resolver.resolve(c)) {
            found.append(std::move(*timex));
            taken = c.end;
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
