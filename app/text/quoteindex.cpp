#include "quoteindex.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace {

// A polynomial hash of gramLength UTF-16 units, rolled one unit at a time: h = Σ c[i]·B^(k-1-i).
constexpr std::uint32_t s_base = 0x0100'0193u;

constexpr std::uint32_t power(std::uint32_t base, qsizetype exponent)
{
    std::uint32_t result = 1;
    for (qsizetype i = 0; i < exponent; ++i)
        result *= base;
    return result;
}

constexpr std::uint32_t s_outgoing = power(s_base, QuoteIndex::gramLength - 1);

std::uint32_t hashAt(const QChar *text)
{
    std::uint32_t h = 0;
    for (qsizetype i = 0; i < QuoteIndex::gramLength; ++i)
        h = h * s_base + text[i].unicode();
    return h;
}

// Calls visit(position, hash) for every gram of `text`, in increasing order of position.
template<typename Visit> void forEachGram(QStringView text, Visit &&visit)
{
    const qsizetype grams = text.size() - QuoteIndex::gramLength + 1;
    if (grams <= 0)
        return;
    const QChar *data = text.data();
    std::uint32_t h = hashAt(data);
    visit(qsizetype(0), h);
    for (qsizetype pos = 1; pos < grams; ++pos) {
        h = (h - data[pos - 1].unicode() * s_outgoing) * s_base
            + data[pos + QuoteIndex::gramLength - 1].unicode();
        visit(pos, h);
    }
}

// How many of a quote's grams are weighed to choose the one to look it up by.
constexpr qsizetype s_sampledGrams = 12;

} // namespace

QuoteIndex::QuoteIndex(QStringView text)
    : m_text(text)
{
    const qsizetype grams = text.size() - gramLength + 1;
    if (grams <= 0)
        return;
    // About two positions a bucket: a bucket is then a cache line or less to read.
    const int bits = std::clamp(int(std::bit_width(std::uint64_t(grams))) - 1, 4, 31);
    m_shift = 32 - bits;
    const std::size_t buckets = std::size_t(1) << bits;
    // Two passes over the text, counting and then filing, so that no hash needs to be kept.
    // m_starts[b + 1] counts bucket b, then holds where b starts and, as b is filed, where it
    // has been filed to: at the end, where b ends and b + 1 starts. No second table of as many
    // buckets (for the text of 100,000 sentences, 16 MB) is needed to file them.
    m_starts.assign(buckets + 1, 0);
    forEachGram(text, [&](qsizetype, std::uint32_t h) { ++m_starts[bucket(h) + 1]; });
    std::uint32_t filed = 0;
    for (std::size_t b = 1; b <= buckets; ++b)
        filed += std::exchange(m_starts[b], filed);
    m_positions.resize(std::size_t(grams));
    forEachGram(text, [&](qsizetype pos, std::uint32_t h) {
        m_positions[m_starts[bucket(h) + 1]++] = std::uint32_t(pos);
    });
}

bool QuoteIndex::worthBuilding(qsizetype quotes, qsizetype textLength)
{
    // Building reads the text twice; a handful of scans cost about as much. Positions are 32 bits.
    constexpr qsizetype quotesWorthAnIndex = 8;
    constexpr qsizetype longestIndexedText = qsizetype(1) << 30;
    return quotes > quotesWorthAnIndex && textLength >= gramLength && textLength <= longestIndexedText;
}

qsizetype QuoteIndex::indexOf(QStringView quote) const
{
    if (quote.size() < gramLength || quote.size() > m_text.size() || m_positions.empty())
        return m_text.indexOf(quote);

    // The quote's rarest gram among a few spread over it, the last one included.
    const qsizetype lastGram = quote.size() - gramLength;
    const qsizetype step = std::max<qsizetype>(1, (lastGram + s_sampledGrams - 1) / s_sampledGrams);
    qsizetype anchor = 0;
    std::uint32_t anchorBucket = 0;
    std::uint32_t fewest = UINT32_MAX;
    for (qsizetype offset = 0;; offset = std::min(offset + step, lastGram)) {
        const std::uint32_t b = bucket(hashAt(quote.data() + offset));
        const std::uint32_t count = m_starts[b + 1] - m_starts[b];
        if (count < fewest) {
            fewest = count;
            anchor = offset;
            anchorBucket = b;
        }
        if (fewest <= 1 || offset == lastGram)
            break;
    }

    // Positions in a bucket increase, so the first that matches is the first occurrence.
    const std::uint32_t *it = m_positions.data() + m_starts[anchorBucket];
    const std::uint32_t *end = m_positions.data() + m_starts[anchorBucket + 1];
    for (; it != end; ++it) {
        const qsizetype start = qsizetype(*it) - anchor;
        if (start >= 0 && start + quote.size() <= m_text.size()
            && m_text.sliced(start, quote.size()) == quote)
            return start;
    }
    return -1;
}
