#include "sentencesplitter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isTerminator(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == u'…';
}

bool isCloser(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'”' || c == u'’' || c == u')' || c == u']' || c == u'»';
}

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator;
}

// Words that are written with a dot and are nearly always followed by more of the sentence:
// titles before a name, and abbreviations before a number or a proper noun. "Inc." and
// "Corp." are left out on purpose: in news text they end sentences as often as not.
constexpr std::u16string_view s_abbreviations[] = {
    u"mr",  u"mrs", u"ms",  u"dr",   u"prof",   u"st",   u"sr",  u"jr",  u"gen", u"sen",  u"rep",
    u"gov", u"lt",  u"col", u"capt", u"sgt",    u"mt",   u"ft",  u"rev", u"hon", u"pres", u"vs",
    u"no",  u"nos", u"vol", u"fig",  u"approx", u"dept", u"est", u"jan", u"feb", u"mar",  u"apr",
    u"jun", u"jul", u"aug", u"sep",  u"sept",   u"oct",  u"nov", u"dec",
};

} // namespace

bool SentenceSplitter::isAbbreviation(QStringView text, qsizetype dot)
{
    qsizetype begin = dot;
    while (begin > 0 && (text[begin - 1].isLetter() || text[begin - 1] == u'.'))
        --begin;
    const QStringView word = text.sliced(begin, dot - begin);
    if (word.isEmpty())
        return false;

    // An initialism: "U.S", "e.g", "Ph.D" (the final dot is the one at `dot`), or one capital
    // letter, as in a middle initial.
    if (word.contains(u'.')) {
        const auto parts = word.split(u'.');
        return std::all_of(parts.begin(), parts.end(), [](QStringView part) { return part.size() <= 2; });
    }
    if (word.size() == 1 && word[0].isUpper())
        return true;

    if (word.size() > 6)
        return false;
    const QString lower = word.toString().toLower();
    const std::u16string_view key(reinterpret_cast<const char16_t *>(lower.utf16()), size_t(lower.size()));
    return std::find(std::begin(s_abbreviations), std::end(s_abbreviations), key)
        != std::end(s_abbreviations);
}

QList<Sentence> SentenceSplitter::split(QStringView text)
{
    QList<Sentence> sentences;
    const qsizetype n = text.size();
    qsizetype start = 0;

    const auto skipSpace = [&](qsizetype i) {
        while (i < n && text[i].isSpace())
            ++i;
        return i;
    };
    const auto finish = [&](qsizetype end) {
        while (end > start && text[end - 1].isSpace())
            --end;
        if (end > start)
            sentences.append({ start, end });
    };

    start = skipSpace(0);
    qsizetype i = start;
    while (i < n) {
        const QChar c = text[i];
        if (isLineBreak(c)) {
            finish(i);
            start = i = skipSpace(i);
            continue;
        }
        if (!isTerminator(c)) {
            ++i;
            continue;
        }

        qsizetype j = i + 1;
        while (j < n && isTerminator(text[j]))
            ++j;
        while (j < n && isCloser(text[j]))
            ++j;
        if (j >= n || !text[j].isSpace()) {
            i = j;
            continue;
        }
        const qsizetype next = skipSpace(j);
        if (next >= n)
            break;
        const QChar following = text[next];
        const bool continues = following.isLower() || following == u',' || following == u';'
            || following == u':' || (c == u'.' && j == i + 1 && isAbbreviation(text, i));
        // A line break inside the white space ends the sentence whatever follows.
        const bool lineBreak = std::any_of(text.begin() + j, text.begin() + next, isLineBreak);
        if (continues && !lineBreak) {
            i = next;
            continue;
        }
        finish(j);
        start = i = next;
    }
    finish(n);
    return sentences;
}

std::optional<std::pair<qsizetype, qsizetype>> SentenceSplitter::covering(const QList<Sentence> &sentences,
                                                                          qsizetype start, qsizetype end)
{
    // Sentences are sorted and disjoint: the first candidate is the first one ending after start.
    const auto first = std::upper_bound(sentences.begin(), sentences.end(), start,
                                        [](qsizetype pos, const Sentence &s) { return pos < s.end; });
    if (first == sentences.end() || first->start >= end)
        return std::nullopt;
    const auto last = std::lower_bound(first, sentences.end(), end,
                                       [](const Sentence &s, qsizetype pos) { return s.start < pos; });
    return std::pair(first - sentences.begin(), (last - sentences.begin()) - 1);
}
