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
    std::array<quint32, 26> lengths {}; // by first letter: bit n for the words of n letters

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
        for (const TimexRules::CompiledRule &rule : rules) {
            for (const QString &word : rule.words) {
                const auto first = std::size_t(word.front().unicode() - u'a');
                lengths[first] |= 1u << word.size() | 1u << (word.size() + 1); // and a plural
            }
        }
    }

    quint32 word(Key key) const
    {
        const auto found = std::lower_bound(words.begin(), words.end(), key,
                                            [](const auto &entry, Key k) { return entry.first < k; });
        return found != words.end() && found->first == key ? found->second : 0;
    }

    // Whether a trigger word, or its plural, has this first letter and this many letters: most
    // words are none, and this answers for them without a search.
    bool mayBe(char16_t first, qsizetype letters) const
    {
        return letters < 32 && (lengths[first - u'a'] >> letters & 1) != 0;
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

// A letter outside ASCII folded as folded() says.
char16_t foldedOutsideAscii(QChar c)
{
    if (!c.isLetter())
        return 0;
    const char16_t f = c.toCaseFolded().unicode();
    return f >= u'a' && f <= u'z' ? f : 0;
}

// A letter folded to the lowercase ASCII letter that a rule's case-insensitive match takes it
// for ('K' and the Kelvin sign are 'k'), or 0 when it is none; other letters end a word.
inline char16_t folded(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128) {
        const char16_t lower = u | 0x20; // 'A'..'Z' to 'a'..'z', and 'a'..'z' as they are
        return lower >= u'a' && lower <= u'z' ? lower : 0;
    }
    return foldedOutsideAscii(c);
}

// What separates the words that TimexRules::CompiledRule counts: the rules' \s, and the hyphen
// of "mid-2008". A word of the rules may hold other characters, which only makes ours longer.
inline bool separates(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || (u >= u'\t' && u <= u'\r') || u == u'-';
}

} // namespace

// The words around the triggers, for positions that come in text order: the starts of the
// last few words before the scan, and the ends of the next few after it, each character looked
// at once.
class TimexWindows::Words
{
public:
    static constexpr int most = TimexRules::s_mostWords;

    explicit Words(QStringView text)
        : m_text(text)
    { }

    // Reads up to `begin` and `end`, the start and end of a trigger: then start(k) is where
    // the word holding `begin` starts (k = 0) or the k-th word before it, 0 when there is none,
    // and end(k) where the word holding the character before `end` ends, or the k-th after it,
    // the text's end when there is none.
    void around(qsizetype begin, qsizetype end)
    {
        // No window reaches further back than `reach`: the words before that need not be read.
        if (m_startScan < begin - reach) {
            m_startScan = begin - reach;
            m_afterSeparator = separates(m_text[m_startScan - 1]);
            m_count = 0;
        }
        for (; m_startScan <= begin; ++m_startScan) {
            const bool separator = separates(m_text[m_startScan]);
            if (!separator && m_afterSeparator) {
                m_starts[m_count % m_starts.size()] = m_startScan;
                ++m_count;
            }
            m_afterSeparator = separator;
        }
        while (m_head < m_ends.size() && m_ends[m_head] < end)
            ++m_head;
        if (m_head == m_ends.size()) {
            m_ends.clear();
            m_head = 0;
            m_endScan = std::max(m_endScan, begin); // the text between triggers need not be read
        } else if (m_head > 4096) {
            m_ends.erase(m_ends.begin(), m_ends.begin() + qsizetype(m_head));
            m_head = 0;
        }
        while (m_ends.size() - m_head <= std::size_t(most) && m_endScan < m_text.size()) {
            while (m_endScan < m_text.size() && separates(m_text[m_endScan]))
                ++m_endScan;
            if (m_endScan == m_text.size())
                break;
            while (m_endScan < m_text.size() && !separates(m_text[m_endScan]))
                ++m_endScan;
            if (m_endScan >= end)
                m_ends.push_back(m_endScan);
        }
    }

    qsizetype start(int k) const
    {
        return std::size_t(k) < m_count ? m_starts[(m_count - 1 - std::size_t(k)) % m_starts.size()] : 0;
    }

    qsizetype end(int k) const
    {
        const std::size_t i = m_head + std::size_t(k);
        return i < m_ends.size() ? m_ends[i] : m_text.size();
    }

private:
    QStringView m_text;
    qsizetype m_startScan = 0;
    bool m_afterSeparator = true; // the text's start counts as one
    std::array<qsizetype, std::bit_ceil(unsigned(most + 1))> m_starts {}; // a ring, indexed cheaply
    std::size_t m_count = 0; // word starts seen
    qsizetype m_endScan = 0;
    std::vector<qsizetype> m_ends; // from m_head on: ends at or after the last `end`, in order
    std::size_t m_head = 0;
};

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
    Words words(text);
    qsizetype i = 0;
    while (i < n) {
        if (isDigit(i)) {
            const qsizetype begin = i;
            while (i < n && isDigit(i))
                ++i;
            const auto digits = std::size_t(i - begin);
            if (digits < table.digitRuns.size() && table.digitRuns[digits] != 0)
                add(words, begin, i, table.digitRuns[digits]);
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
        if (letters <= s_longestKey && table.mayBe(folded(text[begin]), letters)) {
            if (const quint32 rules = table.ofWord(key))
                add(words, begin, i, rules);
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
                    add(words, breaks[a], breaks[b], rules);
            }
        }
    }
}

void TimexWindows::add(Words &words, qsizetype begin, qsizetype end, quint32 rules)
{
    const auto &all = TimexRules::rules();
    words.around(begin, end);
    while (rules != 0) {
        const int r = std::countr_zero(rules);
        rules &= rules - 1;
        const TimexRules::CompiledRule &rule = all[std::size_t(r)];
        // The character after the last word too: a look-ahead or \b reads it.
        const qsizetype after = words.end(rule.wordsAfter) + 1;
        const Window window { std::max({ qsizetype(0), begin - reach, words.start(rule.wordsBefore) }), end,
                              std::min({ m_size, end + reach, after }) };
        std::vector<Window> &windows = m_windows[std::size_t(r)];
        // Each window costs a search of its own, which costs as much as reading a few dozen
        // characters: windows closer than that are read as one. No match starts in the text
        // between them, which holds no trigger's words.
        constexpr qsizetype cheaperToRead = 64;
        if (!windows.empty() && window.from <= windows.back().end + cheaperToRead) {
            windows.back().to = std::max(windows.back().to, window.to);
            windows.back().end = std::max(windows.back().end, window.end);
        } else {
            windows.push_back(window);
        }
    }
}
