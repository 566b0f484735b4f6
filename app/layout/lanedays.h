#pragma once

#include "daterange.h"
#include "smallarray.h"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>

// An event's first and last day, inclusive.
struct DaySpan
{
    Day first = 0;
    Day last = 0;
};

// The days of a lane's events, in the lane's order, read by value. Held as 32-bit offsets from
// the lane's first day while they fit, as any lane of history does (2^31 days are 5.8 million
// years), else as 64-bit days: a lane entry then takes 8 bytes, not 16, which at a million
// events in a few hundred lanes is most of what the days cost. Either way in one SmallArray, so
// that a lane of one event keeps its days in place (a 64-bit day as two cells).
class LaneDays
{
public:
    DaySpan operator[](std::size_t i) const
    {
        if (!m_wide) [[likely]]
            return { m_origin + m_cells[i].first, m_origin + m_cells[i].last };
        DaySpan days;
        std::memcpy(static_cast<void *>(&days), m_cells.data() + 2 * i, sizeof days);
        return days;
    }
    std::size_t size() const { return m_wide ? m_cells.size() / 2 : m_cells.size(); }
    bool empty() const { return m_cells.empty(); }
    DaySpan front() const { return (*this)[0]; }
    DaySpan back() const { return (*this)[size() - 1]; }
    // Whether the days are held as 64-bit days (some lie more than 2^31 days from the first).
    bool isWide() const { return m_wide; }

    void reserve(std::size_t count) { m_cells.reserve(m_wide ? 2 * count : count); }
    void push_back(DaySpan days)
    {
        if (!m_wide && fits(days))
            m_cells.push_back(narrowed(days));
        else
            insert(size(), days);
    }
    void insert(std::size_t at, DaySpan days)
    {
        if (!m_wide && !fits(days))
            widen();
        if (m_wide) {
            Narrow cells[2];
            std::memcpy(cells, &days, sizeof cells);
            m_cells.insert(m_cells.begin() + 2 * at, cells[1]);
            m_cells.insert(m_cells.begin() + 2 * at, cells[0]);
        } else {
            m_cells.insert(m_cells.begin() + at, narrowed(days));
        }
    }
    void erase(std::size_t at)
    {
        if (m_wide)
            m_cells.erase(m_cells.begin() + 2 * at);
        m_cells.erase(m_cells.begin() + (m_wide ? 2 * at : at));
    }

    // The bytes held on the heap, for measuring.
    std::size_t capacityBytes() const { return m_cells.heapBytes(); }

    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = DaySpan;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = DaySpan;

        const_iterator() = default;
        const_iterator(const LaneDays *days, std::size_t at)
            : m_days(days)
            , m_at(difference_type(at))
        { }
        DaySpan operator*() const { return (*m_days)[std::size_t(m_at)]; }
        DaySpan operator[](difference_type n) const { return (*m_days)[std::size_t(m_at + n)]; }
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
        const LaneDays *m_days = nullptr;
        difference_type m_at = 0;
    };
    const_iterator begin() const { return { this, 0 }; }
    const_iterator end() const { return { this, size() }; }

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
    struct Narrow
    {
        std::int32_t first;
        std::int32_t last;
    };
    static_assert(sizeof(DaySpan) == 2 * sizeof(Narrow));

    // The first days a list holds is its origin.
    bool fits(DaySpan days)
    {
        if (m_cells.empty())
            m_origin = days.first;
        constexpr Day low = std::numeric_limits<std::int32_t>::min();
        constexpr Day high = std::numeric_limits<std::int32_t>::max();
        return days.first - m_origin >= low && days.first - m_origin <= high && days.last - m_origin >= low
            && days.last - m_origin <= high;
    }
    Narrow narrowed(DaySpan days) const
    {
        return { std::int32_t(days.first - m_origin), std::int32_t(days.last - m_origin) };
    }
    void widen()
    {
        SmallArray<Narrow> wide;
        wide.reserve(2 * std::max(m_cells.capacity(), m_cells.size() + 1));
        for (const Narrow n : m_cells) {
            const DaySpan days { m_origin + n.first, m_origin + n.last };
            Narrow cells[2];
            std::memcpy(cells, &days, sizeof cells);
            wide.push_back(cells[0]);
            wide.push_back(cells[1]);
        }
        m_cells = std::move(wide);
        m_wide = true;
    }

    // Offsets from m_origin; when m_wide, each DaySpan as two cells.
    SmallArray<Narrow> m_cells;
    Day m_origin = 0;
    bool m_wide = false;
};
