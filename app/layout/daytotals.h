#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// A running total by day: how many of a lane's events started, or ended, before each day of the
// timeline, so that a zoomed-out frame counts a lane's events per pixel column from two look-ups
// a column. Each day keeps what the total rose by since the start of its block of 64 days in 16
// bits, each block its total in 32: about 2 bytes a day, not 4. A lane in which more than 65535
// events start (or end) within one block keeps 32 bits a day instead.
class DayTotals
{
public:
    // Total of day d: the sum of perDay[0..d].
    void assignRunningSums(const std::vector<std::uint32_t> &perDay)
    {
        clear();
        m_size = perDay.size();
        m_blocks.reserve((m_size >> s_blockBits) + 1);
        m_within.reserve(m_size);
        std::uint32_t total = 0, blockStart = 0;
        for (std::size_t d = 0; d < m_size; ++d) {
            if ((d & s_blockMask) == 0) {
                m_blocks.push_back(total);
                blockStart = total;
            }
            total += perDay[d];
            if (total - blockStart > 0xffff) {
                m_blocks = {};
                m_within = {};
                m_wide.resize(m_size);
                std::uint32_t sum = 0;
                for (std::size_t e = 0; e < m_size; ++e)
                    m_wide[e] = sum += perDay[e];
                return;
            }
            m_within.push_back(std::uint16_t(total - blockStart));
        }
    }
    std::uint32_t operator[](std::size_t day) const
    {
        if (m_wide.empty()) [[likely]]
            return m_blocks[day >> s_blockBits] + m_within[day];
        return m_wide[day];
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    void clear()
    {
        m_size = 0;
        m_blocks = {};
        m_within = {};
        m_wide = {};
    }
    // The bytes held, for measuring.
    std::size_t capacityBytes() const
    {
        return (m_blocks.capacity() + m_wide.capacity()) * sizeof(std::uint32_t)
            + m_within.capacity() * sizeof(std::uint16_t);
    }
    // Whether the totals take 32 bits a day (a block's total rose by more than 16 bits hold).
    bool isWide() const { return !m_wide.empty(); }

    // Equal when they hold the same totals, however they hold them.
    friend bool operator==(const DayTotals &a, const DayTotals &b)
    {
        if (a.size() != b.size())
            return false;
        for (std::size_t d = 0; d < a.size(); ++d) {
            if (a[d] != b[d])
                return false;
        }
        return true;
    }

private:
    static constexpr int s_blockBits = 6;
    static constexpr std::size_t s_blockMask = (std::size_t(1) << s_blockBits) - 1;

    std::size_t m_size = 0;
    std::vector<std::uint32_t> m_blocks; // the total before each block's first day
    std::vector<std::uint16_t> m_within; // per day, its total less its block's
    std::vector<std::uint32_t> m_wide; // per day, its total, when a block rises too far
};
