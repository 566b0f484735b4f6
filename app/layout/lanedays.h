#pragma once

#include "daterange.h"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <vector>

// An event's first and last day, inclusive.
struct DaySpan
{
    Day first = 0;
    Day last = 0;
};

// The days of a lane's events, in the lane's order, read by value. Held as 32-bit offsets from
// the lane's first day while they fit, as any lane of history does (2^31 days are 5.8 million
// years), else as 64-bit days: a lane entry then takes 8 bytes, not 16, which at a million
// events in a few hundred lanes is most of what the days cost.
class LaneDays
{
public:
    DaySpan operator[](std::size_t i) const
    {
        if (!m_wide) [[likely]]
            return { m_origin + m_narrow[i].first, m_origin + m_narrow[i].last };
        return m_days[i];
    }
    std::size_t size() const { return m_wide ? m_days.size() : m_narrow.size(); }
    bool empty() const { return size() == 0; }
    DaySpan front() const { return (*this)[0]; }
    DaySpan back() const { return (*this)[size() - 1]; }
    // Whether the days are held as 64-bit days (some lie more than 2^31 days from the first).
    bool isWide() const { return m_wide; }

    void reserve(std::size_t count)
    {
        if (m_wide)
            m_days.reserve(count);
        else
            m_narrow.reserve(count);
    }
    void push_back(DaySpan days)
    {
        if (!m_wide && fits(days))
            m_narrow.push_back(narrowed(days));
        else
            insert(size(), days);
    }
    void insert(std::size_t at, DaySpan days)
    {
        if (!m_wide && !fits(days))
            widen();
        if (m_wide)
            m_days.insert(m_days.begin() + std::ptrdiff_t(at), days);
        else
            m_narrow.insert(m_narrow.begin() + std::ptrdiff_t(at), narrowed(days));
    }
    void erase(std::size_t at)
    {
        if (m_wide)
            m_days.erase(m_days.begin() + std::ptrdiff_t(at));
        else
            m_narrow.erase(m_narrow.begin() + std::ptrdiff_t(at));
    }

    // The bytes held, for measuring.
    std::size_t capacityBytes() const
    {
        return m_narrow.capacity() * sizeof(Narrow) + m_days.capacity() * sizeof(DaySpan);
    }

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

    // The first days a list holds is its origin.
    bool fits(DaySpan days)
    {
        if (m_narrow.empty())
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
        m_days.reserve(std::max(m_narrow.capacity(), m_narrow.size() + 1));
        for (const Narrow n : m_narrow)
            m_days.push_back({ m_origin + n.first, m_origin + n.last });
        m_narrow = {};
        m_wide = true;
    }

    std::vector<Narrow> m_narrow; // offsets from m_origin, while not m_wide
    std::vector<DaySpan> m_days; // when m_wide
    Day m_origin = 0;
    bool m_wide = false;
};
