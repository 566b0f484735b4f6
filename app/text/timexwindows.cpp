#include "timexwindows.h"

#include "timexrules.h"

#include <algorithm>
#include <array>
#include <bit>

namespace {

// Words of up to twelve letters a-z packed five bits a letter, so that finding one is a few
// integer comparisons; dropping the last letter is a shift.
using Key = quint64;
constexpr qsizetype s_longestKey = 12;

Key keyOf(QStringView word)
{
    Key key = 0;
    for (const QChar c : word)
        key = key << 5 | Key(c.toLower().unicode() - u'a' + 1);
    return key;
}

// The rules each trigger word starts, and those each length of a run of digits starts, from
// the rules' table.
struct Triggers
{
    std::vector<std::pair<Key, quint32>> words; // sorted by key
    std::array<quint32, 8> digitRuns {}; // by the run's length in digits; longer runs start none

    Triggers()
    {
        const auto &rules = TimexRules::rules();
        Q_ASSERT(rules.size() <= 32);
        for (std::size_t r = 0; r < rules.size(); ++r) {
            const quint32 bit = quint32(1) << r;
            for (std::size_t length = 1; length < digitRuns.size(); ++length) {
                if (rules[r].digitRuns & (1u << length))
                    digitRuns[length] |= bit;
            }
            for (const QString &word : rules[r].words) {
                Q_ASSERT(word.size() <= s_longestKey - 1);
                words.emplace_back(keyOf(word), bit);
            }
        }
        std::sort(words.begin(), words.end());
        // One entry a word, with all the rules it starts.
        std::vector<std::pair<Key, quint32>> merged;
        for (const auto &[key, bits] : words) {
            if (!merged.empty() && merged.back().first == key)
                merged.back().second |= bits;
            else
                merged.emplace_back(key, bits);
        }
        words = std::move(merged);
    }

    quint32 word(Key key) const
    {
        const auto found = std::lower_bound(words.begin(), words.end(), key,
                                            [](const auto &entry, Key k) { return entry.first < k; });
        return found != words.end() && found->first == key ? found->second : 0;
    }

    quint32 ofWord(Key key) const
    {
        // A plural too: "years", or "centuriess" for "centuries" and a rule's optional "s".
        constexpr Key s = u's' - u'a' + 1;
        return word(key) | ((key & 31) == s ? word(key >> 5) : 0);
    }
};

const Triggers &triggers()
{
    static const Triggers table;
    return table;
}

// A letter folded to the lowercase ASCII letter that a rule's case-insensitive match takes it
// for ('K' and the Kelvin sign are 'k'), or 0 when it is none; other letters end a word.
char16_t folded(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128) {
        if (u >= u'A' && u <= u'Z')
            return char16_t(u - u'A' + u'a');
        return u >= u'a' && u <= u'z' ? u : 0;
    }
    if (!c.isLetter())
        return 0;
    const char16_t f = c.toCaseFolded().unicode();
    return f >= u'a' && f <= u'z' ? f : 0;
}

} // namespace

TimexWindows::TimexWindows(QStringView text)
    : m_size(text.size())
    , m_windows(TimexRules::rules().size())
{
    const Triggers &table = triggers();
    const qsizetype n = text.size();
    const auto isDigit = [&](qsizetype i) {
        return text[i] >= u'0' && text[i] <= u'9';
    }; // the rules' \d
    std::vector<qsizetype> breaks;
    qsizetype i = 0;
    while (i < n) {
        if (isDigit(i)) {
            const qsizetype begin = i;
            while (i < n && isDigit(i))
                ++i;
            const auto digits = std::size_t(i - begin);
            if (digits < table.digitRuns.size() && table.digitRuns[digits] != 0)
                add(begin, i, table.digitRuns[digits]);
            continue;
        }
        char16_t f = folded(text[i]);
        if (f == 0) {
            ++i;
            continue;
        }
        const qsizetype begin = i;
        qsizetype letters = 0;
        Key key = 0;
        bool onlyAscii = true;
        do {
            key = key << 5 | Key(f - u'a' + 1);
            onlyAscii = onlyAscii && text[i].unicode() < 128;
            ++letters;
            ++i;
        } while (i < n && (f = folded(text[i])) != 0);
        if (letters <= s_longestKey) {
            if (const quint32 rules = table.ofWord(key))
                add(begin, i, rules);
        }
        if (onlyAscii)
            continue;
        // A letter outside ASCII that a case-insensitive rule reads as one inside it (the
        // Kelvin sign, "k") is no word character to the rules' \b: a word may start or end on
        // either side of it, as "wee\u212a" does in "two wee\u212aTuesday".
        breaks.clear();
        breaks.push_back(begin);
        for (qsizetype k = begin; k < i; ++k) {
            if (text[k].unicode() >= 128) {
                breaks.push_back(k);
                breaks.push_back(k + 1);
            }
        }
        breaks.push_back(i);
        for (std::size_t a = 0; a < breaks.size(); ++a) {
            for (std::size_t b = a + 1; b < breaks.size() && breaks[b] - breaks[a] <= s_longestKey; ++b) {
                if (breaks[a] == begin && breaks[b] == i)
                    continue; // the whole word, looked up above
                Key part = 0;
                for (qsizetype k = breaks[a]; k < breaks[b]; ++k)
                    part = part << 5 | Key(folded(text[k]) - u'a' + 1);
                if (const quint32 rules = table.ofWord(part))
                    add(breaks[a], breaks[b], rules);
            }
        }
    }
}

void TimexWindows::add(qsizetype begin, qsizetype end, quint32 rules)
{
    const Window window { std::max<qsizetype>(0, begin - reach), end, std::min(m_size, end + reach) };
    while (rules != 0) {
        const int r = std::countr_zero(rules);
        rules &= rules - 1;
        std::vector<Window> &windows = m_windows[std::size_t(r)];
        if (!windows.empty() && window.from <= windows.back().end) {
            windows.back().to = std::max(windows.back().to, window.to);
            windows.back().end = std::max(windows.back().end, window.end);
        } else {
            windows.push_back(window);
        }
    }
}
