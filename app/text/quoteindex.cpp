#include "quoteindex.h"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

namespace {

// A polynomial hash of gramLength UTF-16 units: h = Σ c[i]·B^(k-1-i).
constexpr std::uint32_t s_base = 0x0100'0193u;

std::uint32_t hashAt(const QChar *text)
{
    std::uint32_t h = 0;
    for (qsizetype i = 0; i < QuoteIndex::gramLength; ++i)
        h = h * s_base + text[i].unicode();
    return h;
}

// How many runs of a quote's grams are weighed to choose the one to look it up by.
constexpr qsizetype s_sampledRuns = 12;

} // namespace

QuoteIndex::QuoteIndex(QStringView text)
    : m_text(text)
{
    const qsizetype grams = text.size() - gramLength + 1;
    if (grams <= 0)
        return;
    const qsizetype filed = (grams + stride - 1) / stride;
    // About two positions a bucket: a bucket is then a cache line or less to read.
    const int bits = std::clamp(int(std::bit_width(std::uint64_t(filed))) - 1, 4, 31);
    m_shift = 32 - bits;
    const std::size_t buckets = std::size_t(1) << bits;
    // Two passes over the text, counting and then filing, so that no hash needs to be kept.
    // m_starts[b + 1] counts bucket b, then holds where b starts and, as b is filed, where it
    // has been filed to: at the end, where b ends and b + 1 starts.
    m_starts.assign(buckets + 1, 0);
    const QChar *data = text.data();
    for (qsizetype pos = 0; pos < grams; pos += stride)
        ++m_starts[bucket(hashAt(data + pos)) + 1];
    std::uint32_t sum = 0;
    for (std::size_t b = 1; b <= buckets; ++b)
        sum += std::exchange(m_starts[b], sum);
    m_positions.resize(std::size_t(filed));
    for (qsizetype pos = 0; pos < grams; pos += stride)
        m_positions[m_starts[bucket(hashAt(data + pos)) + 1]++] = std::uint32_t(pos);
}

bool QuoteIndex::worthBuilding(qsizetype quotes, qsizetype quoteUnits, qsizetype textLength)
{
    // Building reads the text twice, at about a unit a step; a scan for a quote of m units steps
    // about m / 2 units at a time (Qt's Boyer-Moore search), each step costing about as much as
    // a unit of building. So the index pays when the quotes' scans, Σ 2n / m, come to more than
    // a few times n: when Σ 1 / m, at least quotes² / quoteUnits, exceeds that few. Measured on
    // texts of 0.2 to 10 MB, quotes of 20 to 60 units.
    constexpr double scansWorthAnIndex = 1.5;
    constexpr qsizetype longestIndexedText = qsizetype(1) << 30; // positions are 32 bits
    if (quotes <= 0 || textLength < gramLength || textLength > longestIndexedText)
        return false;
    return double(quotes) * double(quotes) / double(std::max<qsizetype>(quoteUnits, 1)) > scansWorthAnIndex;
}

qsizetype QuoteIndex::indexOf(QStringView quote) const
{
    if (quote.size() < shortestIndexedQuote || quote.size() > m_text.size() || m_positions.empty())
        return m_text.indexOf(quote);

    // The run of `stride` grams whose buckets are smallest, among a few spread over the quote,
    // the last one included.
    std::array<std::uint32_t, stride> runBuckets {};
    const auto bucketsAt = [&](qsizetype first, std::array<std::uint32_t, stride> &out) {
        std::uint32_t size = 0;
        for (qsizetype o = 0; o < stride; ++o) {
            out[std::size_t(o)] = bucket(hashAt(quote.data() + first + o));
            size += bucketSize(out[std::size_t(o)]);
        }
        return size;
    };
    const qsizetype lastRun = quote.size() - shortestIndexedQuote;
    const qsizetype step = std::max<qsizetype>(stride, (lastRun + s_sampledRuns - 1) / s_sampledRuns);
    qsizetype anchor = 0;
    std::uint32_t fewest = UINT32_MAX;
    for (qsizetype first = 0;; first = std::min(first + step, lastRun)) {
        std::array<std::uint32_t, stride> here;
        const std::uint32_t size = bucketsAt(first, here);
        if (size < fewest) {
            fewest = size;
            anchor = first;
            runBuckets = here;
        }
        if (fewest <= stride / 2 || first == lastRun)
            break;
    }

    // Each occurrence is found through exactly one of the run's grams; positions in a bucket
    // increase, so each bucket's first match is its earliest, and the earliest of those is the
    // first occurrence.
    qsizetype best = -1;
    for (qsizetype o = 0; o < stride; ++o) {
        const std::uint32_t b = runBuckets[std::size_t(o)];
        const std::uint32_t *it = m_positions.data() + m_starts[b];
        const std::uint32_t *end = m_positions.data() + m_starts[b + 1];
        for (; it != end; ++it) {
            const qsizetype start = qsizetype(*it) - anchor - o;
            if (best >= 0 && start >= best)
                break;
            if (start >= 0 && start + quote.size() <= m_text.size()
                && m_text.sliced(start, quote.size()) == quote) {
                best = start;
                break;
            }
        }
    }
    return best;
}
