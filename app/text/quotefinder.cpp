#include "quotefinder.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace {

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
// Eight bytes at a time: copies are then compared whole, so a collision costs a comparison.
template<typename View> std::uint64_t hashOf(View text)
{
    constexpr std::uint64_t multiplier = 0x9e37'79b9'7f4a'7c15u;
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    auto left = std::size_t(text.size()) * sizeof(*text.data());
    std::uint64_t h = left;
    for (; left >= 8; left -= 8, bytes += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes, 8);
        h = (h ^ word) * multiplier;
        h ^= h >> 29;
    }
    std::uint64_t last = 0;
    std::memcpy(&last, bytes, left);
    h = (h ^ last) * multiplier;
    return h ^ h >> 32;
}

// About how many times each key was added: a counter for each of twice as many slots as keys,
// shared by the keys that fall in one slot. The counts only choose the window a quote is filed
// by, where one a little high costs a comparison or two at worst; exact counts, in a table of
// the keys themselves, were eight times the size and a cache miss at every look-up.
class KeyCounts
{
public:
    explicit KeyCounts(std::size_t keys)
    {
        const int bits = std::max(4, int(std::bit_width(keys)) + 1);
        m_counts.assign(std::size_t(1) << bits, 0);
        m_shift = 64 - bits;
    }

    void add(std::uint64_t key)
    {
        std::uint16_t &count = m_counts[slot(key)];
        count += count < std::numeric_limits<std::uint16_t>::max();
    }
    qsizetype count(std::uint64_t key) const { return m_counts[slot(key)]; }

private:
    std::size_t slot(std::uint64_t key) const
    {
        return std::size_t((key * 0x94d0'49bb'1331'11ebu) >> m_shift);
    }

    std::vector<std::uint16_t> m_counts;
    int m_shift;
};

// A window table's bit filter, a Bloom filter of two bits a hash: a hash's top bits name one
// bit, and the top bits of its product with an odd constant the other. Every unit of a window
// reaches the top bits of a gear hash, the newest through all 64 bits of its random number and
// the oldest through its lowest bits shifted to the top. A text that repeats a phrase repeats
// its windows' hashes: a window that passed a filter of one bit by chance would pass at every
// repetition.
struct Filter
{
    const std::uint64_t *bits = nullptr;
    int shift = 64;

    static constexpr std::uint64_t mixer = 0xbf58'476d'1ce4'e5b9u;

    bool has(std::uint64_t bit) const { return bits[bit / 64] >> (bit % 64) & 1; }
    bool mayHave(std::uint64_t hash) const { return has(hash >> shift) && has(hash * mixer >> shift); }
};

constexpr int s_windows = 3; // of 8, 16 and 32 units

// Rolls the hashes of the three windows, each ending at the unit just read, from `end` on to the
// first end at which a window in `Active` (a bit for each) may have quotes, and returns that
// end, or the text's length. This loop is all a pass does at nearly every unit of the text:
// what it needs stays in registers.
template<unsigned Active, typename Unit>
qsizetype rollToCandidate(const Unit *data, qsizetype end, qsizetype length,
                          std::array<std::uint64_t, s_windows> &hashes,
                          const std::array<Filter, s_windows> &filters)
{
    static_assert(s_windows == 3 && QuoteFinder::longestWindow == 4 * QuoteFinder::shortestWindow);
    constexpr int shift = 64 / QuoteFinder::shortestWindow;
    auto [h0, h1, h2] = hashes;
    const auto [f0, f1, f2] = filters;
    while (end < length) {
        const std::uint64_t g = gear(data[end]);
        ++end;
        if constexpr ((Active & 1) != 0)
            h0 = (h0 << shift) + g;
        if constexpr ((Active & 2) != 0)
            h1 = (h1 << shift / 2) + g;
        if constexpr ((Active & 4) != 0)
            h2 = (h2 << shift / 4) + g;
        if (((Active & 1) != 0 && f0.mayHave(h0)) || ((Active & 2) != 0 && f1.mayHave(h1))
            || ((Active & 4) != 0 && f2.mayHave(h2)))
            break;
    }
    hashes = { h0, h1, h2 };
    return end;
}

// Picks the loop made for the windows in `active`.
template<typename Unit>
qsizetype rollToCandidate(unsigned active, const Unit *data, qsizetype end, qsizetype length,
                          std::array<std::uint64_t, s_windows> &hashes,
                          const std::array<Filter, s_windows> &filters)
{
    qsizetype result = length;
    [&]<unsigned... A>(std::integer_sequence<unsigned, A...>)
    {
        ((active == A + 1 && (result = rollToCandidate<A + 1>(data, end, length, hashes, filters), true))
         || ...);
    }
    (std::make_integer_sequence<unsigned, (1u << s_windows) - 1>());
    return result;
}

// A few items waiting their turn, first in, first out.
template<typename T> class Ring
{
public:
    bool empty() const { return m_pushed == m_popped; }
    bool full() const { return m_pushed - m_popped == m_items.size(); }
    void push(const T &item) { m_items[m_pushed++ % m_items.size()] = item; }
    T pop() { return m_items[m_popped++ % m_items.size()]; }

private:
    std::array<T, 8> m_items;
    std::size_t m_pushed = 0;
    std::size_t m_popped = 0;
};

inline void prefetch([[maybe_unused]] const void *address)
{
#if defined(__GNUC__)
    __builtin_prefetch(address);
#endif
}

template<typename View> std::uint64_t firstEightBytes(View text)
{
    std::uint64_t bytes;
    std::memcpy(&bytes, text.data(), 8);
    return bytes;
}
template<typename View> std::uint64_t lastEightBytes(View text)
{
    std::uint64_t bytes;
    std::memcpy(&bytes, reinterpret_cast<const char *>(text.data() + text.size()) - 8, 8);
    return bytes;
}

// What a chain holds of a quote, in one record: a walk along a chain reads nothing else until
// eight bytes of the quote away from its window are those of the text. Kept in arrays of their
// own, the next quote, the length, the offset and the bytes cost a cache miss each at each link.
struct Link
{
    std::int32_t next = -1; // the next quote filed under the same window hash, or -1
    std::uint32_t length : 31 = 0; // in units
    std::uint32_t byLastWindow : 1 = 0; // filed by its last window, not its first
    std::uint64_t check = 0; // its last eight bytes, or its first when filed by its last window

    static constexpr qsizetype longest = (qsizetype(1) << 31) - 1;
    static_assert(QuoteFinder::shortestWindow >= 8, "a quote filed by a window has eight bytes to check");

    template<typename View> void fileBy(View quote, bool lastWindow)
    {
        length = std::uint32_t(quote.size());
        byLastWindow = lastWindow;
        check = lastWindow ? firstEightBytes(quote) : lastEightBytes(quote);
    }
    // Where the quote would start in a text whose window at `start` has the hash it is filed by.
    qsizetype startAt(qsizetype start, qsizetype window) const
    {
        return byLastWindow ? start - (qsizetype(length) - window) : start;
    }
    // Whether it fits in the text from `at`, with the eight bytes it checks there.
    template<typename View> bool mayStartAt(View text, qsizetype at) const
    {
        return at >= 0 && at + length <= text.size()
            && (byLastWindow ? firstEightBytes(text.sliced(at)) : lastEightBytes(text.first(at + length)))
            == check;
    }
};

// The quotes whose first or last `window` characters have one hash, in a table that a rolling
// hash of the text probes at every position: the bit filter first, which says "no" at nearly all of
// them, then an open-addressed table of hashes, each with its chain of quotes.
class WindowTable
{
public:
    WindowTable(qsizetype window, qsizetype quotes)
        : m_window(window)
    {
        const int filterBits = std::clamp(int(std::bit_width(std::uint64_t(quotes))) + 7, 10, 26);
        m_filterShift = 64 - filterBits;
        m_filter.assign((std::size_t(1) << filterBits) / 64, 0);
        const int slotBits = std::max(4, int(std::bit_width(std::uint64_t(quotes))) + 1);
        m_slots.assign(std::size_t(1) << slotBits, Slot {});
        m_slotShift = 64 - slotBits;
        // A pass that finds nothing costs a cache miss or two; filling reads every slot.
        m_refillAfter = qsizetype(m_filter.size() + m_slots.size()) / 16 + 64;
    }

    void add(std::uint64_t hash, std::uint32_t quote, std::vector<Link> &links)
    {
        addToFilter(hash);
        Slot &slot = find(hash);
        slot.hash = hash;
        links[quote].next = slot.head;
        slot.head = std::int32_t(quote);
        ++m_pending;
    }

    // The head of the chain of quotes filed under `hash`, or null.
    std::int32_t *chain(std::uint64_t hash)
    {
        if (!filter().mayHave(hash))
            return nullptr;
        Slot &slot = find(hash);
        if (slot.head >= 0 && slot.hash == hash)
            return &slot.head;
        // The filter still has the windows of quotes found, and a text repeats its phrases: a
        // window found early passes it at every later repetition. Once such passes cost about
        // as much as filling the filter again, it is filled again with the windows still sought.
        if (++m_deadPasses >= m_refillAfter)
            refill();
        return nullptr;
    }

    // Asks for the slot where `hash` is looked for first, to be read a little later.
    void prefetchSlot(std::uint64_t hash) const { prefetch(&m_slots[firstSlot(hash)]); }

    qsizetype window() const { return m_window; }
    qsizetype &pending() { return m_pending; }
    Filter filter() const { return { m_filter.data(), m_filterShift }; }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::int32_t head = -1; // -1: empty, or all its quotes found
    };

    std::size_t firstSlot(std::uint64_t hash) const
    {
        return std::size_t((hash * 0x94d0'49bb'1331'11ebu) >> m_slotShift);
    }

    Slot &find(std::uint64_t hash)
    {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = firstSlot(hash);; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.head < 0 && slot.hash == 0)
                return slot; // never used
            if (slot.hash == hash)
                return slot;
        }
    }

    void addToFilter(std::uint64_t hash)
    {
        for (const std::uint64_t bit : { hash >> m_filterShift, hash * Filter::mixer >> m_filterShift })
            m_filter[bit / 64] |= std::uint64_t(1) << (bit % 64);
    }

    void refill()
    {
        std::fill(m_filter.begin(), m_filter.end(), 0);
        for (const Slot &slot : m_slots) {
            if (slot.head >= 0)
                addToFilter(slot.hash);
        }
        m_deadPasses = 0;
    }

    qsizetype m_window;
    qsizetype m_deadPasses = 0; // passes of the filter since it was filled, with no quote to find
    qsizetype m_refillAfter = 0;
    int m_filterShift;
    int m_slotShift;
    std::vector<std::uint64_t> m_filter;
    std::vector<Slot> m_slots;
    qsizetype m_pending = 0; // quotes not found yet
};

// `stop`, when given, ends the pass early once it is set: its results are not needed then.
template<typename View>
std::vector<qsizetype> findAllIn(View text, std::span<const View> quotes,
                                 const std::atomic<bool> *stop = nullptr)
{
    constexpr qsizetype shortestWindow = QuoteFinder::shortestWindow;
    constexpr qsizetype longestWindow = QuoteFinder::longestWindow;
    const auto count = qsizetype(quotes.size());
    const auto quoteAt = [&](qsizetype i) {
        return quotes[std::size_t(i)];
    };
    std::vector<qsizetype> found(std::size_t(count), -1);
    // Each quote goes to the longest window it fills: a longer one tells more quotes apart.
    constexpr int windows = s_windows;
    std::vector<std::uint8_t> windowOf(std::size_t(count), windows);
    std::vector<std::uint64_t> hashes(std::size_t(count), 0);
    qsizetype inWindow[windows] = {};
    // Many events may quote one passage, or one common phrase: each text is looked for once,
    // so that a chain holds no copies, which every occurrence of their window would compare.
    std::vector<std::int32_t> sameAs(std::size_t(count), -1);
    std::vector<std::uint64_t> suffixes(std::size_t(count), 0);
    std::vector<std::uint64_t> wholes(std::size_t(count), 0);
    // A quote too long for a link is looked for on its own.
    std::vector<Link> links(std::size_t(count), Link {});
    std::vector<std::uint32_t> order; // the quotes long enough to file
    order.reserve(std::size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        // Quotes read where they lie are far apart: a few ahead are asked for meanwhile.
        constexpr qsizetype ahead = 4;
        if (i + ahead < count) {
            if (const View later = quoteAt(i + ahead); !later.isEmpty()) {
                prefetch(later.data());
                prefetch(later.data() + later.size() - 1);
            }
        }
        const View quote = quoteAt(i);
        if (quote.size() < shortestWindow || quote.size() > text.size() || quote.size() > Link::longest) {
            found[std::size_t(i)] = text.indexOf(quote);
            continue;
        }
        const int w = quote.size() >= longestWindow ? 2 : quote.size() >= 2 * shortestWindow ? 1 : 0;
        windowOf[std::size_t(i)] = std::uint8_t(w);
        hashes[std::size_t(i)] = windowHash(quote.first(shortestWindow << w));
        suffixes[std::size_t(i)] = windowHash(quote.last(shortestWindow << w));
        wholes[std::size_t(i)] = hashOf(quote);
        order.push_back(std::uint32_t(i));
    }
    // Copies are brought together by a table of the quotes' hashes: the first of each text
    // stands for the rest.
    {
        const int bits = std::max(4, int(std::bit_width(order.size())) + 1);
        std::vector<std::int32_t> firsts(std::size_t(1) << bits, -1);
        const std::size_t mask = firsts.size() - 1;
        for (const std::uint32_t i : order) {
            for (std::size_t slot = std::size_t((wholes[i] * 0x94d0'49bb'1331'11ebu) >> (64 - bits));;
                 slot = (slot + 1) & mask) {
                const std::int32_t first = firsts[slot];
                if (first < 0) {
                    firsts[slot] = std::int32_t(i);
                    ++inWindow[windowOf[i]];
                    break;
                }
                if (wholes[std::size_t(first)] == wholes[i] && quoteAt(first) == quoteAt(i)) {
                    sameAs[i] = first;
                    windowOf[i] = windows;
                    break;
                }
            }
        }
    }
    wholes = {};
    order = {};
    // A quote is filed by its first window or by its last, whichever fewer quotes share: quotes
    // that start alike (a common phrase, then different words) are told apart by their ends,
    // and every occurrence of a shared window costs a comparison with each quote filed by it.
    {
        const auto windowKey = [](std::uint64_t hash, int w) {
            return hash ^ std::uint64_t(w) * 0x9e37'79b9'7f4a'7c15u;
        };
        // The first and last windows of the distinct quotes.
        KeyCounts shared(
            2 * std::size_t(std::accumulate(std::begin(inWindow), std::end(inWindow), qsizetype(0))));
        for (qsizetype i = 0; i < count; ++i) {
            if (const int w = windowOf[std::size_t(i)]; w != windows) {
                shared.add(windowKey(hashes[std::size_t(i)], w));
                shared.add(windowKey(suffixes[std::size_t(i)], w));
            }
        }
        for (qsizetype i = 0; i < count; ++i) {
            const int w = windowOf[std::size_t(i)];
            if (w == windows)
                continue;
            const bool byLast = shared.count(windowKey(suffixes[std::size_t(i)], w))
                < shared.count(windowKey(hashes[std::size_t(i)], w));
            if (byLast)
                hashes[std::size_t(i)] = suffixes[std::size_t(i)];
            links[std::size_t(i)].fileBy(quoteAt(i), byLast);
        }
    }
    suffixes = {};

    std::array<std::optional<WindowTable>, windows> tables;
    std::array<Filter, windows> filters;
    unsigned active = 0; // a bit for each window with quotes still to find
    for (int w = 0; w < windows; ++w) {
        if (inWindow[w] == 0)
            continue;
        WindowTable &table = tables[std::size_t(w)].emplace(shortestWindow << w, inWindow[w]);
        for (qsizetype i = 0; i < count; ++i) {
            if (windowOf[std::size_t(i)] == w)
                table.add(hashes[std::size_t(i)], std::uint32_t(i), links);
        }
        filters[std::size_t(w)] = table.filter();
        active |= 1u << w;
    }
    // Compares each quote filed under the window that starts at `start`, the eight bytes its link
    // keeps first; one found leaves its chain. False once the window's quotes are all found.
    const auto probe = [&](WindowTable &table, std::int32_t *head, qsizetype start) {
        for (std::int32_t *link = head; *link >= 0;) {
            const std::int32_t quote = *link;
            Link &node = links[std::size_t(quote)];
            const qsizetype at = node.startAt(start, table.window());
            if (node.mayStartAt(text, at) && text.sliced(at, node.length) == quoteAt(quote)) {
                found[std::size_t(quote)] = at;
                *link = node.next;
                --table.pending();
            } else {
                link = &node.next;
            }
        }
        return table.pending() > 0;
    };
    // A window that passed the filter goes through three stages, a few candidates apart, in the
    // order found: its slot in the table is read, then the first quote filed there, then the
    // quotes are compared. Each stage asks for what the next one reads, so that the reads of
    // several candidates overlap: quotes lie far apart (in the file, or in a buffer as large),
    // and waiting for each read in turn was most of a pass with many quotes.
    struct Hit
    {
        int window;
        std::uint64_t hash;
        qsizetype start;
    };
    struct Chain
    {
        int window;
        std::int32_t *head;
        qsizetype start;
    };
    Ring<Hit> hits;
    Ring<Chain> chains, fetched;
    const auto compare = [&](const Chain &c) {
        if ((active >> c.window & 1) && !probe(*tables[std::size_t(c.window)], c.head, c.start))
            active &= ~(1u << c.window);
    };
    const auto fetch = [&](const Chain &c) {
        const std::int32_t quote = *c.head;
        if (quote < 0)
            return; // all found meanwhile
        if (fetched.full())
            compare(fetched.pop());
        const View first = quoteAt(quote);
        prefetch(first.data());
        prefetch(first.data() + first.size() - 1);
        if (const std::int32_t second = links[std::size_t(quote)].next; second >= 0)
            prefetch(&links[std::size_t(second)]);
        fetched.push(c);
    };
    const auto readSlot = [&](const Hit &hit) {
        if (!(active >> hit.window & 1))
            return;
        std::int32_t *head = tables[std::size_t(hit.window)]->chain(hit.hash);
        if (!head)
            return;
        if (chains.full())
            fetch(chains.pop());
        prefetch(&links[std::size_t(*head)]);
        prefetch(&quotes[std::size_t(*head)]);
        chains.push({ hit.window, head, hit.start });
    };
    // One pass over the text rolls the hashes of all three windows, each ending at the unit just
    // read, and looks up each window that may have quotes there.
    std::array<std::uint64_t, windows> rolled {};
    constexpr qsizetype stopCheckedEvery = 64 * 1024; // units
    for (qsizetype end = 0; active != 0 && end < text.size();) {
        const qsizetype until = stop ? std::min(text.size(), end + stopCheckedEvery) : text.size();
        end = rollToCandidate(active, text.data(), end, until, rolled, filters);
        if (stop && stop->load(std::memory_order_relaxed))
            return found; // not needed
        for (int w = 0; w < windows; ++w) {
            const qsizetype window = shortestWindow << w;
            const std::uint64_t hash = rolled[std::size_t(w)];
            if (!(active >> w & 1) || end < window || !filters[std::size_t(w)].mayHave(hash))
                continue;
            if (hits.full())
                readSlot(hits.pop());
            tables[std::size_t(w)]->prefetchSlot(hash);
            hits.push({ w, hash, end - window });
        }
    }
    while (!hits.empty())
        readSlot(hits.pop());
    while (!chains.empty())
        fetch(chains.pop());
    while (!fetched.empty())
        compare(fetched.pop());
    for (std::size_t i = 0; i < sameAs.size(); ++i) {
        if (sameAs[i] >= 0)
            found[i] = found[std::size_t(sameAs[i])];
    }
    return found;
}

// The searches are cut into parts, read on this thread and one more, each taking the next part
// not read yet, longest texts first. A long text that is more than half of them all is two
// parts: its halves, when it is long beside its quotes, else its quotes' halves, each looked
// for in the whole text. Of text halves, a quote is where the first half finds it, else where
// the second does. The first half runs on past its middle by as much as the longest quote, so
// that a quote across the middle is found there; the second half stops as soon as the first
// has found every quote.
template<typename View>
std::vector<std::vector<qsizetype>> findAllOf(std::span<const QuoteFinder::Search<View>> searches)
{
    constexpr qsizetype halvedFrom = 1 << 20; // units: below, a thread costs more than it saves
    constexpr qsizetype quotesHalvedFrom = 8192; // fewer cost less than a second pass over the text
    enum class Kind { Whole, FirstHalf, SecondHalf, FirstQuotes, LastQuotes };
    struct Part
    {
        std::size_t search;
        Kind kind;
        View text;
        std::span<const View> quotes;
    };
    std::vector<Part> parts;
    qsizetype units = 0;
    for (const auto &search : searches)
        units += search.text.size();
    for (std::size_t i = 0; i < searches.size(); ++i) {
        const View text = searches[i].text;
        const qsizetype middle = text.size() / 2;
        qsizetype longest = 0;
        for (const View quote : searches[i].quotes)
            longest = std::max(longest, quote.size());
        // Halved only when it is more than half of all there is to read (else the two threads
        // share the texts whole): the text when it is long beside its quotes, which each half
        // files; the quotes when they are many beside the text, which each half reads (filing
        // a quote costs about as much as reading 64 units, and the second read must be worth
        // its while).
        const std::span<const View> all = searches[i].quotes;
        const auto quotes = qsizetype(all.size());
        const bool halved = text.size() >= halvedFrom && 2 * text.size() > units;
        if (halved && text.size() >= 64 * quotes && longest <= middle / 4) {
            parts.push_back({ i, Kind::FirstHalf, text.first(middle + longest - 1), all });
            parts.push_back({ i, Kind::SecondHalf, text.sliced(middle), all });
        } else if (halved && quotes >= quotesHalvedFrom && text.size() <= 32 * quotes) {
            parts.push_back({ i, Kind::FirstQuotes, text, all.first(all.size() / 2) });
            parts.push_back({ i, Kind::LastQuotes, text, all.subspan(all.size() / 2) });
        } else {
            parts.push_back({ i, Kind::Whole, text, all });
        }
    }
    std::stable_sort(parts.begin(), parts.end(), [&](const Part &a, const Part &b) {
        return searches[a.search].text.size() > searches[b.search].text.size();
    });

    std::vector<std::vector<qsizetype>> found(parts.size());
    const auto firstFoundAll = std::make_unique<std::atomic<bool>[]>(searches.size());
    std::atomic<std::size_t> next = 0;
    const auto read = [&] {
        for (std::size_t k; (k = next++) < parts.size();) {
            const Part &part = parts[k];
            std::atomic<bool> &done = firstFoundAll[part.search];
            if (part.kind == Kind::SecondHalf && done)
                continue;
            found[k] = findAllIn(part.text, part.quotes, part.kind == Kind::SecondHalf ? &done : nullptr);
            if (part.kind == Kind::FirstHalf && std::find(found[k].begin(), found[k].end(), -1) == found[k].end())
                done = true;
        }
    };
    std::thread helper;
    std::exception_ptr helperFailed;
    if (parts.size() > 1 && units >= halvedFrom) {
        try {
            helper = std::thread([&] {
                try {
                    read();
                } catch (...) { // out of memory: the part it had is read again here
                    helperFailed = std::current_exception();
                }
            });
        } catch (const std::system_error &) { } // no thread to be had: all are read here
    }
    try {
        read();
    } catch (...) {
        next = parts.size();
        if (helper.joinable())
            helper.join();
        throw;
    }
    if (helper.joinable())
        helper.join();
    if (helperFailed) {
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const Part &part = parts[k];
            if (found[k].empty() && !part.quotes.empty()
                && !(part.kind == Kind::SecondHalf && firstFoundAll[part.search]))
                found[k] = findAllIn(part.text, part.quotes);
        }
    }

    std::vector<std::vector<qsizetype>> results(searches.size());
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (parts[k].kind != Kind::SecondHalf && parts[k].kind != Kind::LastQuotes)
            results[parts[k].search] = std::move(found[k]);
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const Part &part = parts[k];
        if (part.kind == Kind::LastQuotes) // after the first quotes' results, placed above
            results[part.search].insert(results[part.search].end(), found[k].begin(), found[k].end());
        if (part.kind != Kind::SecondHalf || firstFoundAll[part.search])
            continue;
        const qsizetype middle = searches[part.search].text.size() / 2;
        std::vector<qsizetype> &result = results[part.search];
        for (std::size_t i = 0; i < result.size(); ++i) {
            if (result[i] < 0 && found[k][i] >= 0)
                result[i] = middle + found[k][i];
        }
    }
    return results;
}

} // namespace

std::vector<std::vector<qsizetype>> QuoteFinder::findAll(std::span<const Search<QByteArrayView>> searches)
{
    return findAllOf(searches);
}

std::vector<qsizetype> QuoteFinder::findAll(QStringView text, std::span<const QStringView> quotes)
{
    const Search<QStringView> search { text, quotes };
    return std::move(findAllOf(std::span(&search, 1)).front());
}

std::vector<qsizetype> QuoteFinder::findAll(QByteArrayView text, std::span<const QByteArrayView> quotes)
{
    const Search<QByteArrayView> search { text, quotes };
    return std::move(findAllOf(std::span(&search, 1)).front());
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
