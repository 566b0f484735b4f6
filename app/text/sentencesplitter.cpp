#include "sentencesplitter.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace {

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

bool SentenceSplitter::isAbbreviationWord(QStringView word)
{
    if (word.isEmpty())
        return false;

    // An initialism: "U.S", "e.g", "Ph.D" (the final dot is the one at `dot`), or one capital
    // letter, as in a middle initial.
    if (std::find(word.begin(), word.end(), u'.') != word.end()) {
        const auto parts = word.split(u'.');
        return std::all_of(parts.begin(), parts.end(), [](QStringView part) { return part.size() <= 2; });
    }
    if (word.size() == 1 && word[0].isUpper())
        return true;

    if (word.size() > 6)
        return false;
    const auto listed = [](std::u16string_view key) {
        return std::find(std::begin(s_abbreviations), std::end(s_abbreviations), key)
            != std::end(s_abbreviations);
    };
    // This runs at nearly every sentence's end: the word is lowered on the stack. Beyond ASCII,
    // only the Kelvin sign lowers to an ASCII letter (k, as QString::toLower() has it), and a word
    // with any other letter beyond ASCII is in no list, all of whose words are ASCII.
    char16_t lower[6];
    for (qsizetype i = 0; i < word.size(); ++i) {
        char16_t c = word[i].unicode();
        if (c == u'\u212a')
            c = u'k';
        else if (c >= 0x80)
            return false;
        lower[i] = c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
    }
    return listed(std::u16string_view(lower, std::size_t(word.size())));
}

QList<Sentence> SentenceSplitter::split(QStringView text)
{
    // One set of rules, read from UTF-8; its sentences come out in UTF-16 offsets.
    return split(QByteArrayView(text.toUtf8()));
}

namespace {

// The sentences from `first`, the first one ending after a range's start, to the last one that
// starts before its end. A quote spans a sentence or two: the end is looked for a step, two,
// four and so on from the first before it is searched for between two of them.
std::optional<std::pair<qsizetype, qsizetype>>
coveringFrom(std::span<const Sentence> sentences, std::span<const Sentence>::iterator first, qsizetype end)
{
    if (first == sentences.end() || first->start >= end)
        return std::nullopt;
    const auto startsBefore = [](const Sentence &s, qsizetype pos) {
        return s.start < pos;
    };
    auto from = first; // starts before the end
    std::ptrdiff_t step = 1;
    while (sentences.end() - from > step && from[step].start < end) {
        from += step;
        step *= 2;
    }
    // The first that does not start before the end is after `from`, and no later than a step on.
    const auto to = sentences.end() - from > step ? from + step : sentences.end();
    const auto last = std::lower_bound(from + 1, to, end, startsBefore);
    return std::pair(first - sentences.begin(), (last - sentences.begin()) - 1);
}

const auto s_endsAfter = [](qsizetype pos, const Sentence &s) {
    return pos < s.end;
};

} // namespace

std::optional<std::pair<qsizetype, qsizetype>> SentenceSplitter::covering(std::span<const Sentence> sentences,
                                                                          qsizetype start, qsizetype end)
{
    // Sentences are sorted and disjoint: the first candidate is the first one ending after start.
    return coveringFrom(sentences, std::upper_bound(sentences.begin(), sentences.end(), start, s_endsAfter),
                        end);
}

SentenceIndex::SentenceIndex(std::span<const Sentence> sentences)
    : m_sentences(sentences)
{
    if (sentences.empty())
        return;
    // About one block a sentence.
    const qsizetype length = sentences.back().end;
    const qsizetype perSentence = std::max<qsizetype>(1, length / qsizetype(sentences.size()));
    m_shift = int(std::bit_width(std::uint64_t(perSentence))) - 1;
    const qsizetype blocks = (length >> m_shift) + 1;
    m_firstEndingAfter.resize(std::size_t(blocks) + 1);
    std::size_t i = 0;
    for (qsizetype block = 0; block <= blocks; ++block) {
        const qsizetype from = block << m_shift;
        while (i < sentences.size() && sentences[i].end <= from)
            ++i;
        m_firstEndingAfter[std::size_t(block)] = std::uint32_t(i);
    }
}

std::optional<std::pair<qsizetype, qsizetype>> SentenceIndex::covering(qsizetype start, qsizetype end) const
{
    const auto block = std::size_t(start >> m_shift);
    if (start < 0 || block + 1 >= m_firstEndingAfter.size())
        return SentenceSplitter::covering(m_sentences, start, end);
    // The first sentence ending after `start` is no earlier than the first ending after its
    // block's start, and no later than the first ending after the next block's.
    const auto from = m_sentences.begin() + m_firstEndingAfter[block];
    const auto to = m_sentences.begin() + m_firstEndingAfter[block + 1];
    return coveringFrom(m_sentences, std::upper_bound(from, to, start, s_endsAfter), end);
}

namespace {

// The bytes at which a sentence may end or break: the ASCII terminators and line breaks, and
// the lead bytes of '…', U+2028 and U+2029 (E2), '。' (E3) and '！' '？' (EF). All others are
// passed over without decoding.
constexpr auto s_mayEnd = [] {
    std::array<bool, 256> table {};
    for (const unsigned char c : { '.', '!', '?', '\n', '\r' })
        table[c] = true;
    for (const unsigned char lead : { 0xe2, 0xe3, 0xef })
        table[lead] = true;
    return table;
}();

// Reads valid UTF-8 a code point at a time, and classifies each as split(QStringView) does its
// UTF-16 units: a code point past U+FFFF is two surrogates there, which are nothing it looks for.
class Utf8Text
{
public:
    explicit Utf8Text(QByteArrayView utf8)
        : m_data(reinterpret_cast<const unsigned char *>(utf8.data()))
        , m_size(utf8.size())
    { }

    qsizetype size() const { return m_size; }
    unsigned char byte(qsizetype i) const { return m_data[i]; }

    struct CodePoint
    {
        char32_t value;
        int bytes;
    };
    CodePoint at(qsizetype i) const
    {
        const unsigned char lead = m_data[i];
        if (lead < 0x80)
            return { lead, 1 };
        const int bytes = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        if (m_size - i < bytes)
            return { QChar::ReplacementCharacter, 1 }; // not valid UTF-8, which callers promise
        char32_t value = lead & (0x7f >> bytes);
        for (int k = 1; k < bytes; ++k)
            value = value << 6 | (m_data[i + k] & 0x3f);
        return { value, bytes };
    }
    // The start of the code point that ends at byte `i`.
    qsizetype before(qsizetype i) const
    {
        do
            --i;
        while (i > 0 && (m_data[i] & 0xc0) == 0x80);
        return i;
    }

    // How many bytes of a word have bit 7 set in `highBits` (which has no other bits): summed
    // by one multiplication, as std::popcount is a call without -mpopcnt.
    static qsizetype marks(std::uint64_t highBits)
    {
        return qsizetype(((highBits >> 7) * 0x0101'0101'0101'0101u) >> 56);
    }

    // UTF-16 units in the bytes [from, to): a lead byte is one, a four-byte sequence's is two.
    // Eight bytes at a time, and no more than a test for an ASCII word.
    qsizetype units(qsizetype from, qsizetype to) const
    {
        constexpr std::uint64_t highs = 0x8080'8080'8080'8080u;
        qsizetype units = to - from;
        qsizetype i = from;
#if defined(__SSE2__)
        // Sixteen at a time: as signed bytes, a continuation is below -64 (0xC0), the lead of
        // four bytes from -16 (0xF0) to -1.
        __m128i sums = _mm_setzero_si128();
        for (; i + 16 <= to; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_data + i));
            const __m128i continuations = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
            const __m128i fourByteLeads =
                _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-17)), _mm_cmplt_epi8(v, _mm_setzero_si128()));
            // Each byte of a compare is 0 or 0xFF: 0xFF - 0 counts one, summed by psadbw.
            sums = _mm_add_epi64(sums,
                                 _mm_sub_epi64(_mm_sad_epu8(fourByteLeads, _mm_setzero_si128()),
                                               _mm_sad_epu8(continuations, _mm_setzero_si128())));
        }
        // Each sum is 255 for a byte counted.
        units += (std::int64_t(_mm_cvtsi128_si64(sums))
                  + std::int64_t(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums))))
            / 255;
#endif
        for (; i + 8 <= to; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, m_data + i, 8);
            if (!(w & highs))
                continue;
            // Bit 7 of each byte, then its bits 6, 5 and 4 moved up to bit 7: 10xxxxxx is a
            // continuation byte, 1111xxxx the lead of four bytes.
            const std::uint64_t continuations = w & ~(w << 1) & highs;
            const std::uint64_t fourByteLeads = w & (w << 1) & (w << 2) & (w << 3) & highs;
            units += marks(fourByteLeads) - marks(continuations);
        }
        for (; i < to; ++i)
            units += ((m_data[i] & 0xc0) != 0x80) + (m_data[i] >= 0xf0) - 1;
        return units;
    }

    bool isAscii() const
    {
        qsizetype i = 0;
#if defined(__SSE2__)
        __m128i any = _mm_setzero_si128();
        for (; i + 16 <= m_size; i += 16)
            any = _mm_or_si128(any, _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_data + i)));
        if (_mm_movemask_epi8(any))
            return false;
#endif
        for (; i < m_size; ++i) {
            if (m_data[i] >= 0x80)
                return false;
        }
        return true;
    }

    // The first byte at or after `i` at which a sentence may end (s_mayEnd), or size(). Of the
    // leads E3 and EF, only those of U+3000–U+303F (E3 80) and U+FF00–U+FF3F (EF BC) stop the
    // vector scan: kana and fullwidth letters, which share those leads, are passed over.
    qsizetype nextMayEnd(qsizetype i) const
    {
#if defined(__SSE2__)
        const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
        const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), e2 = _mm_set1_epi8(char(0xe2));
        const __m128i e3 = _mm_set1_epi8(char(0xe3)), x80 = _mm_set1_epi8(char(0x80));
        const __m128i ef = _mm_set1_epi8(char(0xef)), xbc = _mm_set1_epi8(char(0xbc));
        for (; i + 17 <= m_size; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_data + i));
            const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_data + i + 1));
            const __m128i fullwidth =
                _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(next, x80)),
                             _mm_and_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(next, xbc)));
            const __m128i hits = _mm_or_si128(
                _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                                          _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, lf))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, e2))),
                fullwidth);
            if (const int mask = _mm_movemask_epi8(hits))
                return i + std::countr_zero(unsigned(mask));
        }
#endif
        while (i < m_size && !s_mayEnd[m_data[i]])
            ++i;
        return i;
    }

private:
    const unsigned char *m_data;
    qsizetype m_size;
};

// What split(QStringView) asks of a UTF-16 unit, asked of a code point.
namespace codePoint {

bool isSpace(char32_t c)
{
    // U+3000 is the last white space in the BMP: CJK text, where nearly every character is past
    // it, is not looked up.
    return c < 0x80 ? (c == u' ' || (c >= u'\t' && c <= u'\r')) : c <= 0x3000 && QChar::isSpace(c);
}

bool isLetter(char32_t c)
{
    return c < 0x10000 && QChar::isLetter(c);
}

bool isLower(char32_t c)
{
    return c < 0x10000 && QChar::isLower(c);
}

bool isTerminator(char32_t c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == u'…';
}

// The full stop, exclamation and question marks of Chinese and Japanese, after which a sentence
// ends with no space. The fullwidth full stop '．' is left out: it is also a decimal point.
bool isFullwidthTerminator(char32_t c)
{
    return c == u'。' || c == u'！' || c == u'？';
}

bool isCloser(char32_t c)
{
    switch (c) {
    case u'"':
    case u'\'':
    case u'”':
    case u'’':
    case u')':
    case u']':
    case u'»':
    case u'」':
    case u'』':
    case u'）':
    case u'］':
    case u'〉':
    case u'》':
    case u'】':
    case u'〕':
        return true;
    default:
        return false;
    }
}

bool isLineBreak(char32_t c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator;
}

} // namespace codePoint

} // namespace

QList<Sentence> SentenceSplitter::split(QByteArrayView utf8, std::vector<Sentence> *bytes)
{
    // Sentences hold 32-bit offsets; a loaded text is at most 64 MiB, and no text is shown whole
    // that is 2 GiB.
    Q_ASSERT(utf8.size() <= std::numeric_limits<std::int32_t>::max());
    const Utf8Text text(utf8);
    // Gathered here and then copied once into a list of their number: most texts are a few
    // sentences, and a list grown one at a time was allocated twice or three times over.
    QVarLengthArray<Sentence, 32> sentences, inBytes;
    const qsizetype n = text.size();
    qsizetype start = 0;
    // In ASCII, as most sources are, a byte is a UTF-16 unit. Elsewhere units are counted from
    // the last offset asked for: they are asked in order.
    const bool ascii = text.isAscii();
    qsizetype countedTo = 0, unitsThere = 0;
    const auto unitAt = [&](qsizetype byte) {
        if (ascii)
            return byte;
        unitsThere += text.units(countedTo, byte);
        countedTo = byte;
        return unitsThere;
    };
    if (ascii)
        bytes = nullptr;

    const auto skipSpace = [&](qsizetype i) {
        while (i < n) {
            const auto c = text.at(i);
            if (!codePoint::isSpace(c.value))
                break;
            i += c.bytes;
        }
        return i;
    };
    const auto finish = [&](qsizetype end) {
        while (end > start) {
            const qsizetype last = text.before(end);
            if (!codePoint::isSpace(text.at(last).value))
                break;
            end = last;
        }
        if (end > start) {
            const qsizetype startUnit = unitAt(start);
            // In 32 bits (checked on entry): a text has no more units than bytes.
            sentences.push_back({ std::int32_t(startUnit), std::int32_t(unitAt(end)) });
            if (bytes)
                inBytes.push_back({ std::int32_t(start), std::int32_t(end) });
        }
    };
    const auto isAbbreviationAt = [&](qsizetype dot) {
        qsizetype begin = dot;
        while (begin > 0) {
            const unsigned char last = text.byte(begin - 1);
            if (last < 0x80) { // most words are ASCII: no decoding
                if (!((last | 0x20) >= 'a' && (last | 0x20) <= 'z') && last != '.')
                    break;
                --begin;
                continue;
            }
            const qsizetype previous = text.before(begin);
            const char32_t c = text.at(previous).value;
            if (!codePoint::isLetter(c) && c != u'.')
                break;
            begin = previous;
        }
        // Most words are short: widened on the stack, not in a string of their own, an ASCII
        // one byte by byte. Their letters are all in the BMP (codePoint::isLetter), a UTF-16
        // unit each.
        char16_t units[16];
        const qsizetype bytes = dot - begin;
        bool isAscii = bytes <= qsizetype(std::size(units));
        for (qsizetype k = 0; k < bytes && isAscii; ++k) {
            units[k] = text.byte(begin + k);
            isAscii = units[k] < 0x80;
        }
        if (isAscii)
            return isAbbreviationWord(QStringView(units, bytes));
        qsizetype length = 0;
        for (qsizetype k = begin; k < dot && length < qsizetype(std::size(units)); ++length) {
            const auto c = text.at(k);
            units[length] = char16_t(c.value);
            k += c.bytes;
        }
        if (text.units(begin, dot) == length)
            return isAbbreviationWord(QStringView(units, length));
        return isAbbreviationWord(QString::fromUtf8(utf8.sliced(begin, bytes)));
    };

    start = skipSpace(0);
    qsizetype i = start;
    while (i < n) {
        i = text.nextMayEnd(i);
        if (i >= n)
            break;
        const auto c = text.at(i);
        if (codePoint::isLineBreak(c.value)) {
            finish(i);
            start = i = skipSpace(i);
            continue;
        }
        if (!codePoint::isTerminator(c.value) && !codePoint::isFullwidthTerminator(c.value)) {
            i += c.bytes;
            continue;
        }

        qsizetype j = i;
        bool fullwidth = false;
        for (; j < n; j += text.at(j).bytes) {
            const char32_t d = text.at(j).value;
            if (codePoint::isFullwidthTerminator(d))
                fullwidth = true;
            else if (!codePoint::isTerminator(d))
                break;
        }
        while (j < n && codePoint::isCloser(text.at(j).value))
            j += text.at(j).bytes;
        if (fullwidth) {
            // Chinese and Japanese put no space between sentences, nor have a lower case.
            finish(j);
            start = i = skipSpace(j);
            continue;
        }
        if (j >= n || !codePoint::isSpace(text.at(j).value)) {
            i = j;
            continue;
        }
        const qsizetype next = skipSpace(j);
        if (next >= n)
            break;
        const char32_t following = text.at(next).value;
        const bool continues = codePoint::isLower(following) || following == u',' || following == u';'
            || following == u':' || (c.value == u'.' && j == i + 1 && isAbbreviationAt(i));
        // A line break inside the white space ends the sentence whatever follows.
        bool lineBreak = false;
        for (qsizetype k = j; k < next && !lineBreak; k += text.at(k).bytes)
            lineBreak = codePoint::isLineBreak(text.at(k).value);
        if (continues && !lineBreak) {
            i = next;
            continue;
        }
        finish(j);
        start = i = next;
    }
    finish(n);
    if (bytes)
        bytes->assign(inBytes.begin(), inBytes.end());
    return QList<Sentence>(sentences.begin(), sentences.end());
}
