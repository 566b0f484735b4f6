#include "quotefinder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

namespace {

constexpr std::uint64_t s_base = 0x9e37'79b9'7f4a'7c15u | 1;

// A random number for each byte value, from SplitMix64.
constexpr auto s_gear = [] {
    std::array<std::uint64_t, 256> table {};
    std::uint64_t state = 0x5eed'11e5;
    for (std::uint64_t &value : table) {
        std::uint64_t z = (state += 0x9e37'79b9'7f4a'7c15u);
        z = (z ^ (z >> 30)) * 0xbf58'476d'1ce4'e5b9u;
        z = (z ^ (z >> 27)) * 0x94d0'49bb'1331'11ebu;
        value = z ^ (z >> 31);
    }
    return table;
}();

// What a unit of the text adds to a window's hash: a UTF-16 unit, or a byte of UTF-8.
std::uint64_t gear(QChar c)
{
    const char16_t u = c.unicode();
    return s_gear[u & 0xff] ^ (s_gear[u >> 8] >> 1 | s_gear[u >> 8] << 63);
}
std::uint64_t gear(char c)
{
    return s_gear[static_cast<unsigned char>(c)];
}

// A window's hash is a gear hash: each unit shifts the hash left by 64 / window bits and adds
// its own random number, so that a unit has left the hash, shifted out, once a window of units
// has come after it. Rolled along the text, it is a shift and an add a unit, where a polynomial
// hash took a multiplication on the chain from one unit to the next.
int gearShift(qsizetype window)
{
    // A unit leaves the hash after exactly `window` shifts only if they add up to 64.
    static_assert(64 % QuoteFinder::shortestWindow == 0 && 64 % QuoteFinder::longestWindow == 0);
    return int(64 / window);
}

template<typename View> std::uint64_t windowHash(View window)
{
    const int shift = gearShift(window.size());
    std::uint64_t h = 0;
    for (const auto c : window)
        h = (h << shift) + gear(c);
    return h;
}

// A hash of a whole quote, by which copies of one quote are brought together.
template<typename View> std::uint64_t hashOf(View text)
{
    std::uint64_t h = 0;
    for (const auto c : text)
        h = h * s_base + gear(c);
    return h;
}

// The quotes whose first `window` characters have one hash, in a table that a rolling hash
// of the text probes at every position: a bit filter first, which says "no" at nearly all of
// them from a few KB, then an open-addressed table of hashes, each with its chain of quotes.
class WindowTable
{
public:
    WindowTable(qsizetype window, qsizetype quotes)
        : m_window(window)
    {
        const int filterBits = std::clamp(int(std::bit_width(std::uint64_t(quotes))) + 5, 10, 26);
        m_filterShift = 64 - filterBits;
        m_filter.assign((std::size_t(1) << filterBits) / 64, 0);
        const int slotBits = std::max(4, int(std::bit_width(std::uint64_t(quotes))) + 1);
        m_slots.assign(std::size_t(1) << slotBits, Slot {});
        m_slotShift = 64 - slotBits;
    }

    void add(std::uint64_t hash, std::uint32_t quote, std::vector<std::int32_t> &next)
    {
        const std::uint64_t f = filterIndex(hash);
        m_filter[f / 64] |= std::uint64_t(1) << (f % 64);
        Slot &slot = find(hash);
        slot.hash = hash;
        next[quote] = slot.head;
        slot.head = std::int32_t(quote);
        ++m_pending;
    }

    // The head of the chain of quotes filed under `hash`, or -1.
    std::int32_t *chain(std::uint64_t hash)
    {
        const std::uint64_t f = filterIndex(hash);
        if (!(m_filter[f / 64] >> (f % 64) & 1))
            return nullptr;
        Slot &slot = find(hash);
        return slot.head >= 0 && slot.hash == hash ? &slot.head : nullptr;
    }

    qsizetype window() const { return m_window; }
    qsizetype &pending() { return m_pending; }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::int32_t head = -1; // -1: empty, or all its quotes found
    };

    std::uint64_t filterIndex(std::uint64_t hash) const { return (hash * 0xbf58'476d'1ce4'e5b9u) >> m_filterShift; }

    Slot &find(std::uint64_t hash)
    {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = std::size_t((hash * 0x94d0'49bb'1331'11ebu) >> m_slotShift);; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.head < 0 && slot.hash == 0)
                return slot; // never used
            if (slot.hash == hash)
                return slot;
        }
    }

    qsizetype m_window;
    int m_filterShift;
    int m_slotShift;
    std::vector<std::uint64_t> m_filter;
    std::vector<Slot> m_slots;
    qsizetype m_pending = 0; // quotes not found yet
};

template<typename View> std::vector<qsizetype> findAllIn(View text, std::span<const View> quotes)
{
    constexpr qsizetype shortestWindow = QuoteFinder::shortestWindow;
    constexpr qsizetype longestWindow = QuoteFinder::longestWindow;
    const auto count = qsizetype(quotes.size());
    const auto quoteAt = [&](qsizetype i) {
        return quotes[std::size_t(i)];
    };
    std::vector<qsizetype> found(std::size_t(count), -1);
    // Each quote goes to the longest window it fills: a longer one tells more quotes apart.
    constexpr int windows = 3;
    std::vector<std::uint8_t> windowOf(std::size_t(count), windows);
    std::vector<std::uint64_t> hashes(std::size_t(count), 0);
    qsizetype inWindow[windows] = {};
    // Many events may quote one passage, or one common phrase: each text is looked for once,
    // so that a chain holds no copies, which every occurrence of their window would compare.
    std::vector<std::int32_t> sameAs(std::size_t(count), -1);
    std::vector<std::uint64_t> suffixes(std::size_t(count), 0);
    std::vector<std::uint64_t> wholes(std::size_t(count), 0);
    std::vector<qsizetype> lengths(std::size_t(count), 0);
    std::vector<std::uint32_t> order; // the quotes long enough to file
    order.reserve(std::size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        const View quote = quoteAt(i);
        if (quote.size() < shortestWindow || quote.size() > text.size()) {
            found[std::size_t(i)] = text.indexOf(quote);
            continue;
        }
        const int w = quote.size() >= longestWindow ? 2 : quote.size() >= 2 * shortestWindow ? 1 : 0;
        windowOf[std::size_t(i)] = std::uint8_t(w);
        hashes[std::size_t(i)] = windowHash(quote.first(shortestWindow << w));
        suffixes[std::size_t(i)] = windowHash(quote.last(shortestWindow << w));
        wholes[std::size_t(i)] = hashOf(quote);
        lengths[std::size_t(i)] = quote.size();
        order.push_back(std::uint32_t(i));
    }
    // Sorted by their hashes, copies are neighbours; the first of each run stands for the rest.
    const auto key = [&](std::uint32_t i) {
        return std::pair(wholes[i], lengths[i]);
    };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::pair(key(a), a) < std::pair(key(b), b);
    });
    std::vector<std::uint64_t> windowKeys; // the first and last window of every distinct quote
    windowKeys.reserve(2 * order.size());
    const auto windowKey = [](std::uint64_t hash, int w) {
        return hash ^ std::uint64_t(w) * 0x9e37'79b9'7f4a'7c15u;
    };
    for (std::size_t r = 0; r < order.size();) {
        std::size_t end = r + 1;
        while (end < order.size() && key(order[end]) == key(order[r]))
            ++end;
        const View first = quoteAt(order[r]);
        for (std::size_t k = r; k < end; ++k) {
            const std::uint32_t i = order[k];
            if (k > r && quoteAt(i) == first) {
                sameAs[i] = std::int32_t(order[r]);
                windowOf[i] = windows;
                continue;
            }
            windowKeys.push_back(windowKey(hashes[i], windowOf[i]));
            windowKeys.push_back(windowKey(suffixes[i], windowOf[i]));
            ++inWindow[windowOf[i]];
        }
        r = end;
    }
    wholes = {};
    std::sort(windowKeys.begin(), windowKeys.end());
    const auto shared = [&](std::uint64_t windowKey) {
        const auto [from, to] = std::equal_range(windowKeys.begin(), windowKeys.end(), windowKey);
        return to - from;
    };
    // A quote is filed by its first window or by its last, whichever fewer quotes share: quotes
    // that start alike (a common phrase, then different words) are told apart by their ends,
    // and every occurrence of a shared window costs a comparison with each quote filed by it.
    std::vector<qsizetype> offsets(std::size_t(count), 0);
    for (qsizetype i = 0; i < count; ++i) {
        const int w = windowOf[std::size_t(i)];
        if (w == windows)
            continue;
        if (shared(windowKey(suffixes[std::size_t(i)], w)) < shared(windowKey(hashes[std::size_t(i)], w))) {
            hashes[std::size_t(i)] = suffixes[std::size_t(i)];
            offsets[std::size_t(i)] = lengths[std::size_t(i)] - (shortestWindow << w);
        }
    }

    std::vector<std::int32_t> next(std::size_t(count), -1);
    const auto *data = text.data();
    const qsizetype length = text.size();
    for (int w = 0; w < windows; ++w) {
        if (inWindow[w] == 0)
            continue;
        WindowTable table(shortestWindow << w, inWindow[w]);
        for (qsizetype i = 0; i < count; ++i) {
            if (windowOf[std::size_t(i)] == w)
                table.add(hashes[std::size_t(i)], std::uint32_t(i), next);
        }
        const qsizetype window = table.window();
        const int shift = gearShift(window);
        std::uint64_t h = windowHash(text.first(window));
        for (qsizetype start = 0;; ++start) {
            if (std::int32_t *head = table.chain(h)) {
                // Compare each quote filed here; one found leaves its chain.
                for (std::int32_t *link = head; *link >= 0;) {
                    const std::int32_t quote = *link;
                    // A quote filed by its last window starts that far before it.
                    const qsizetype at = start - offsets[std::size_t(quote)];
                    const qsizetype size = lengths[std::size_t(quote)];
                    if (at >= 0 && at + size <= length && text.sliced(at, size) == quoteAt(quote)) {
                        found[std::size_t(quote)] = at;
                        *link = next[std::size_t(quote)];
                        --table.pending();
                    } else {
                        link = &next[std::size_t(quote)];
                    }
                }
                if (table.pending() == 0)
                    break;
            }
            if (start + window >= length)
                break;
            h = (h << shift) + gear(data[start + window]);
        }
    }
    for (std::size_t i = 0; i < sameAs.size(); ++i) {
        if (sameAs[i] >= 0)
            found[i] = found[std::size_t(sameAs[i])];
    }
    return found;
}

} // namespace

std::vector<qsizetype> QuoteFinder::findAll(QStringView text, std::span<const QStringView> quotes)
{
    return findAllIn(text, quotes);
}

std::vector<qsizetype> QuoteFinder::findAll(QByteArrayView text, std::span<const QByteArrayView> quotes)
{
    return findAllIn(text, quotes);
}

bool QuoteFinder::worthAPass(qsizetype quotes, qsizetype quoteUnits)
{
    // A pass costs about as much as scans that read the text a few times over in all: scans
    // of Σ 2 / m texts, at least 2 · quotes² / quoteUnits.
    constexpr double scansWorthAPass = 3;
    if (quotes <= 0)
        return false;
    return 2 * double(quotes) * double(quotes) / double(std::max<qsizetype>(quoteUnits, 1)) > scansWorthAPass;
}
