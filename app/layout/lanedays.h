#pragma once

#include "daterange.h"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <new>
#include <span>

// An event's first and last day, inclusive.
struct DaySpan
{
    Day first = 0;
    Day last = 0;
};

// The days of a lane's events (see LaneEntries), in the lane's order, read by value: a view,
// valid while the lane is not changed.
class LaneDays
{
public:
    LaneDays() = default;
    LaneDays(const unsigned char *cells, std::size_t size, Day origin, bool wide)
        : m_cells(cells)
        , m_size(size)
        , m_origin(origin)
        , m_wide(wide)
    { }

    DaySpan operator[](std::size_t i) const { return read(m_cells, m_origin, m_wide, i); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    DaySpan front() const { return (*this)[0]; }
    DaySpan back() const { return (*this)[m_size - 1]; }
    // Whether the days are held as 64-bit days (some lie more than 2^31 days from the first).
    bool isWide() const { return m_wide; }

    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = DaySpan;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = DaySpan;

        const_iterator() = default;
        // Holds what the view holds, so that an iterator outlives the view it came from.
        const_iterator(const LaneDays &days, std::size_t at)
            : m_cells(days.m_cells)
            , m_origin(days.m_origin)
            , m_wide(days.m_wide)
            , m_at(difference_type(at))
        { }
        DaySpan operator*() const { return read(m_cells, m_origin, m_wide, std::size_t(m_at)); }
        DaySpan operator[](difference_type n) const
        {
            return read(m_cells, m_origin, m_wide, std::size_t(m_at + n));
        }
        const_iterator &operator++() { return ++m_at, *this; }
        const_iterator operator++(int)
        {
            const_iterator was = *this;
            ++m_at;
            return was;
        }
        const_iterator &operator--() { return --m_at, *this; }
        const_iterator operator--(int)
        {
            const_iterator was = *this;
            --m_at;
            return was;
        }
        const_iterator &operator+=(difference_type n) { return m_at += n, *this; }
        const_iterator &operator-=(difference_type n) { return m_at -= n, *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const_iterator a, const_iterator b) { return a.m_at - b.m_at; }
        friend bool operator==(const_iterator a, const_iterator b) { return a.m_at == b.m_at; }
        friend auto operator<=>(const_iterator a, const_iterator b) { return a.m_at <=> b.m_at; }

    private:
        const unsigned char *m_cells = nullptr;
        Day m_origin = 0;
        bool m_wide = false;
        difference_type m_at = 0;
    };
    const_iterator begin() const { return { *this, 0 }; }
    const_iterator end() const { return { *this, size() }; }

    // Equal when they hold the same days, however they hold them.
    friend bool operator==(const LaneDays &a, const LaneDays &b)
    {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i].first != b[i].first || a[i].last != b[i].last)
                return false;
        }
        return true;
    }

private:
    static DaySpan read(const unsigned char *cells, Day origin, bool wide, std::size_t i)
    {
        if (!wide) [[likely]] {
            const std::int32_t *offsets = reinterpret_cast<const std::int32_t *>(cells) + 2 * i;
            return { origin + offsets[0], origin + offsets[1] };
        }
        DaySpan days;
        std::memcpy(static_cast<void *>(&days), cells + i * sizeof days, sizeof days);
        return days;
    }

    const unsigned char *m_cells = nullptr;
    std::size_t m_size = 0;
    Day m_origin = 0;
    bool m_wide = false;
};

// A lane's entries, one per event in the lane's order: the event's index, its days, how it
// looks and its sub-row (see LaneIndex::Lane), as four arrays in one block of the heap, 15
// bytes an entry. A lane of one event keeps its entry in place, in the 16 bytes that otherwise
// hold the block's pointer. 100,000 actors of an event or a few each make as many lanes: four
// arrays of their own had cost such a lane four heap blocks (32 bytes at the least, for 1 to 8
// bytes of entry) and 136 bytes of vectors.
//
// Days are held as 32-bit offsets from the lane's first day while they fit, as any lane of
// history does (2^31 days are 5.8 million years), else as 64-bit days: an entry then takes 8
// bytes for its days, not 16, which at a million events in a few hundred lanes is most of
// what the entries cost.
class LaneEntries
{
public:
    LaneEntries() = default;
    LaneEntries(const LaneEntries &other) { copyFrom(other); }
    LaneEntries(LaneEntries &&other) noexcept { takeFrom(other); }
    LaneEntries &operator=(const LaneEntries &other)
    {
        if (this != &other) {
            release();
            copyFrom(other);
        }
        return *this;
    }
    LaneEntries &operator=(LaneEntries &&other) noexcept
    {
        if (this != &other) {
            release();
            takeFrom(other);
        }
        return *this;
    }
    ~LaneEntries() { release(); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    bool isWide() const { return m_wide; }
    // The bytes held on the heap, for measuring.
    std::size_t heapBytes() const { return m_onHeap ? blockBytes(m_capacity, m_wide) : 0; }

    std::span<const std::int32_t> events() const { return { array<std::int32_t>(eventsAt()), m_size }; }
    std::span<std::int32_t> events() { return { array<std::int32_t>(eventsAt()), m_size }; }
    LaneDays days() const { return { base(), m_size, m_origin, bool(m_wide) }; }
    std::span<const std::uint16_t> looks() const { return { array<std::uint16_t>(looksAt()), m_size }; }
    std::span<const std::uint8_t> subRows() const { return { array<std::uint8_t>(subRowsAt()), m_size }; }
    std::span<std::uint8_t> subRows() { return { array<std::uint8_t>(subRowsAt()), m_size }; }

    void reserve(std::size_t count)
    {
        if (count > m_capacity)
            relayOut(count, m_wide);
    }
    // An entry at the end, or at `at`; its sub-row 0.
    void push_back(std::int32_t event, DaySpan days, std::uint16_t look)
    {
        makeRoomFor(days);
        write(m_size++, event, days, look);
    }
    void insert(std::size_t at, std::int32_t event, DaySpan days, std::uint16_t look)
    {
        makeRoomFor(days);
        shift(at, +1);
        ++m_size;
        write(at, event, days, look);
    }
    void erase(std::size_t at)
    {
        shift(at + 1, -1);
        --m_size;
    }

private:
    static constexpr std::size_t daysBytes(bool wide)
    {
        return wide ? sizeof(DaySpan) : 2 * sizeof(std::int32_t);
    }
    static constexpr std::size_t entryBytes(bool wide)
    {
        return daysBytes(wide) + sizeof(std::int32_t) + sizeof(std::uint16_t) + sizeof(std::uint8_t);
    }
    static constexpr std::size_t blockBytes(std::size_t capacity, bool wide)
    {
        return capacity * entryBytes(wide);
    }
    // Where each array starts, its elements aligned: days, events, looks, sub-rows.
    std::size_t eventsAt() const { return std::size_t(m_capacity) * daysBytes(m_wide); }
    std::size_t looksAt() const { return eventsAt() + std::size_t(m_capacity) * sizeof(std::int32_t); }
    std::size_t subRowsAt() const { return looksAt() + std::size_t(m_capacity) * sizeof(std::uint16_t); }
    static constexpr std::size_t inPlace = 16; // bytes: a narrow entry

    unsigned char *base() { return m_onHeap ? m_heap : m_local; }
    const unsigned char *base() const { return m_onHeap ? m_heap : m_local; }
    template<typename T> T *array(std::size_t at) { return reinterpret_cast<T *>(base() + at); }
    template<typename T> const T *array(std::size_t at) const
    {
        return reinterpret_cast<const T *>(base() + at);
    }

    bool fits(DaySpan days) const
    {
        constexpr Day low = std::numeric_limits<std::int32_t>::min();
        constexpr Day high = std::numeric_limits<std::int32_t>::max();
        return days.first - m_origin >= low && days.first - m_origin <= high && days.last - m_origin >= low
            && days.last - m_origin <= high;
    }
    // Room for one more entry, with days as wide as `days` need.
    void makeRoomFor(DaySpan days)
    {
        if (m_size == 0)
            m_origin = days.first; // the first days a lane holds are its origin
        const bool wide = m_wide || !fits(days);
        if (m_size == m_capacity || wide != m_wide)
            relayOut(std::max<std::size_t>(m_size + 1, std::size_t(m_capacity) * 2), wide);
    }
    void write(std::size_t at, std::int32_t event, DaySpan days, std::uint16_t look)
    {
        // Every place found before the first store, which the compiler could not tell from a
        // change to this object's own fields: a lane of a million events is filled this way.
        unsigned char *block = base();
        std::int32_t *events = reinterpret_cast<std::int32_t *>(block + eventsAt());
        std::uint16_t *looks = reinterpret_cast<std::uint16_t *>(block + looksAt());
        std::uint8_t *subRows = block + subRowsAt();
        writeDays(at, days);
        events[at] = event;
        looks[at] = look;
        subRows[at] = 0;
    }
    void writeDays(std::size_t at, DaySpan days)
    {
        if (m_wide) {
            std::memcpy(base() + at * sizeof days, static_cast<const void *>(&days), sizeof days);
        } else {
            std::int32_t *offsets = array<std::int32_t>(0) + 2 * at;
            offsets[0] = std::int32_t(days.first - m_origin);
            offsets[1] = std::int32_t(days.last - m_origin);
        }
    }
    // Moves the entries from `from` on by `by` places (+1: to make room; -1: over the one before).
    void shift(std::size_t from, int by)
    {
        const std::size_t count = m_size - from;
        if (count == 0)
            return;
        const auto move = [&](std::size_t at, std::size_t bytes) {
            unsigned char *array = base() + at;
            std::memmove(array + std::ptrdiff_t(from + by) * std::ptrdiff_t(bytes), array + from * bytes,
                         count * bytes);
        };
        move(0, daysBytes(m_wide));
        move(eventsAt(), sizeof(std::int32_t));
        move(looksAt(), sizeof(std::uint16_t));
        move(subRowsAt(), sizeof(std::uint8_t));
    }
    // Into room for `capacity` entries, with days as `wide` ones.
    void relayOut(std::size_t capacity, bool wide)
    {
        if (capacity > (std::numeric_limits<std::uint32_t>::max() >> 2))
            throw std::bad_alloc();
        LaneEntries moved;
        moved.m_wide = wide;
        moved.m_capacity = std::uint32_t(capacity);
        if (blockBytes(capacity, wide) > inPlace) {
            moved.m_heap = static_cast<unsigned char *>(std::malloc(blockBytes(capacity, wide)));
            if (!moved.m_heap)
                throw std::bad_alloc();
            moved.m_onHeap = true;
        }
        moved.m_origin = m_origin;
        moved.m_size = m_size;
        const LaneDays days = this->days();
        for (std::size_t i = 0; i < m_size; ++i)
            moved.writeDays(i, days[i]);
        std::memcpy(moved.array<std::int32_t>(moved.eventsAt()), array<std::int32_t>(eventsAt()),
                    m_size * sizeof(std::int32_t));
        std::memcpy(moved.array<std::uint16_t>(moved.looksAt()), array<std::uint16_t>(looksAt()),
                    m_size * sizeof(std::uint16_t));
        std::memcpy(moved.array<std::uint8_t>(moved.subRowsAt()), array<std::uint8_t>(subRowsAt()), m_size);
        *this = std::move(moved);
    }
    void release()
    {
        if (m_onHeap)
            std::free(m_heap);
        m_onHeap = false;
        m_size = m_capacity = 0;
        m_wide = false;
    }
    // Into an empty lane.
    void copyFrom(const LaneEntries &other)
    {
        takeFieldsOf(other);
        if (!m_onHeap)
            return;
        const std::size_t bytes = heapBytes();
        m_onHeap = false; // until the block is this lane's own
        auto *block = static_cast<unsigned char *>(std::malloc(bytes));
        if (!block) {
            m_size = m_capacity = 0;
            throw std::bad_alloc();
        }
        std::memcpy(block, other.m_heap, bytes);
        m_heap = block;
        m_onHeap = true;
    }
    void takeFrom(LaneEntries &other)
    {
        takeFieldsOf(other);
        other.m_onHeap = false; // the block is this lane's now
        other.release();
    }
    // Every field of `other` as it is, its block's pointer or its entry in place.
    void takeFieldsOf(const LaneEntries &other)
    {
        std::memcpy(m_local, other.m_local, sizeof m_local);
        m_onHeap = other.m_onHeap;
        m_size = other.m_size;
        m_capacity = other.m_capacity;
        m_wide = other.m_wide;
        m_origin = other.m_origin;
    }

    union {
        unsigned char *m_heap;
        alignas(8) unsigned char m_local[inPlace];
    };
    Day m_origin = 0;
    std::uint32_t m_size = 0;
    std::uint32_t m_capacity : 30 = 0; // entries
    std::uint32_t m_wide : 1 = false;
    std::uint32_t m_onHeap : 1 = false;
};
static_assert(sizeof(LaneEntries) == 32);
