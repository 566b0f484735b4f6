#pragma once

#include <algorithm>
#include <cassert>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

// A sequence with the vector API the timeline uses whose insert and erase in the middle move
// O(block) elements, not O(size): a million 96-byte events shift no 96 MB per edit.
//
// It starts flat, one std::vector, so that a loader fills and sorts it as contiguous memory
// (flat()) at a vector's speed and peak. The first insert or erase before the end makes it
// tiered, without copying: fixed blocks of 2^BlockBits elements, the full ones left where they
// are in the flat vector, each block a circular buffer. Every block but the last is full, so
// element i is in block i >> BlockBits and operator[] stays O(1); an insertion shifts within its
// block and then carries one element into each later block (a push at its front, a pop at its
// back: O(1) each for a circular buffer), an erasure the reverse.
template<typename T, int BlockBits = 10> class TieredVector
{
    static_assert(std::is_trivially_copyable_v<T>, "blocks move elements as plain values");

public:
    using value_type = T;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using reference = T &;
    using const_reference = const T &;
    static constexpr std::size_t blockSize = std::size_t(1) << BlockBits;

    template<bool Const> class Iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using reference = std::conditional_t<Const, const T &, T &>;
        using pointer = std::conditional_t<Const, const T *, T *>;
        using Owner = std::conditional_t<Const, const TieredVector, TieredVector>;

        Iterator() = default;
        Iterator(Owner *owner, difference_type index)
            : m_owner(owner)
            , m_index(index)
        { }
        template<bool C = Const, typename = std::enable_if_t<C>>
        Iterator(const Iterator<false> &other)
            : m_owner(other.owner())
            , m_index(other.index())
        { }

        reference operator*() const { return (*m_owner)[std::size_t(m_index)]; }
        pointer operator->() const { return &**this; }
        reference operator[](difference_type n) const { return (*m_owner)[std::size_t(m_index + n)]; }
        Iterator &operator++() { return ++m_index, *this; }
        Iterator &operator--() { return --m_index, *this; }
        Iterator operator++(int) { return { m_owner, m_index++ }; }
        Iterator operator--(int) { return { m_owner, m_index-- }; }
        Iterator &operator+=(difference_type n) { return m_index += n, *this; }
        Iterator &operator-=(difference_type n) { return m_index -= n, *this; }
        friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
        friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
        friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iterator &a, const Iterator &b) { return a.m_index - b.m_index; }
        friend bool operator==(const Iterator &a, const Iterator &b) { return a.m_index == b.m_index; }
        friend auto operator<=>(const Iterator &a, const Iterator &b) { return a.m_index <=> b.m_index; }
        difference_type index() const { return m_index; }
        Owner *owner() const { return m_owner; }

    private:
        Owner *m_owner = nullptr;
        difference_type m_index = 0;
    };
    using iterator = Iterator<false>;
    using const_iterator = Iterator<true>;

    TieredVector() = default;
    TieredVector(std::initializer_list<T> items)
        : m_flat(items)
    { }
    // A copy is flat, whatever the original was.
    TieredVector(const TieredVector &other)
    {
        if (!other.isTiered()) {
            m_flat = other.m_flat;
            return;
        }
        m_flat.reserve(other.size());
        for (const Block &block : other.m_blocks) {
            for (std::uint32_t i = 0; i < block.count; ++i)
                m_flat.push_back(block.data[(block.head + i) & s_mask]);
        }
    }
    TieredVector &operator=(const TieredVector &other)
    {
        if (this != &other)
            *this = TieredVector(other);
        return *this;
    }
    TieredVector(TieredVector &&) noexcept = default;
    TieredVector &operator=(TieredVector &&) noexcept = default;

    std::size_t size() const { return isTiered() ? m_size : m_flat.size(); }
    bool empty() const { return size() == 0; }
    bool isTiered() const { return !m_blocks.empty(); }

    const T &operator[](std::size_t i) const
    {
        if (!isTiered())
            return m_flat[i];
        const Block &block = m_blocks[i >> BlockBits];
        return block.data[(block.head + i) & s_mask];
    }
    T &operator[](std::size_t i) { return const_cast<T &>(std::as_const(*this)[i]); }
    const T &at(std::size_t i) const
    {
        assert(i < size());
        return (*this)[i];
    }
    T &at(std::size_t i)
    {
        assert(i < size());
        return (*this)[i];
    }
    const T &front() const { return (*this)[0]; }
    T &front() { return (*this)[0]; }
    const T &back() const { return (*this)[size() - 1]; }
    T &back() { return (*this)[size() - 1]; }

    iterator begin() { return { this, 0 }; }
    iterator end() { return { this, difference_type(size()) }; }
    const_iterator begin() const { return { this, 0 }; }
    const_iterator end() const { return { this, difference_type(size()) }; }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

    // The elements as one vector, for a loader that fills and sorts them in place. Only while
    // the sequence is flat: before any insertion or erasure in the middle.
    std::vector<T> &flat()
    {
        assert(!isTiered());
        return m_flat;
    }

    void reserve(std::size_t count)
    {
        if (!isTiered())
            m_flat.reserve(count);
    }
    void clear() { *this = TieredVector(); }

    void push_back(const T &value)
    {
        if (!isTiered()) {
            m_flat.push_back(value);
            return;
        }
        Block &last = roomAtEnd();
        last.data[(last.head + last.count) & s_mask] = value;
        ++last.count;
        ++m_size;
    }
    void pop_back() { erase(end() - 1); }

    iterator insert(const_iterator position, const T &value)
    {
        const auto index = std::size_t(position.index());
        assert(index <= size());
        if (index == size()) {
            push_back(value);
            return { this, difference_type(index) };
        }
        makeTiered();
        roomAtEnd();
        const std::size_t first = index >> BlockBits;
        const std::size_t offset = index & s_mask;
        T carry = value;
        for (std::size_t b = first; b < m_blocks.size(); ++b) {
            Block &block = m_blocks[b];
            if (b == first) {
                // Room at `offset` by shifting the block's later elements one place back; a
                // full block passes its last element on to the next.
                const bool full = block.count == blockSize;
                T last = block.at(block.count - 1);
                for (std::size_t i = block.count - 1; i > offset; --i)
                    block.at(i) = block.at(i - 1);
                block.at(offset) = carry;
                if (!full) { // the last block: it grows
                    block.at(block.count) = last;
                    ++block.count;
                    break;
                }
                carry = last;
            } else if (block.count == blockSize) {
                // Full: its last element leaves for the next block, the carried one enters at
                // its front, in the slot the last one had.
                block.head = (block.head - 1) & s_mask;
                std::swap(carry, block.data[block.head]);
            } else {
                block.head = (block.head - 1) & s_mask;
                block.data[block.head] = carry;
                ++block.count;
                break;
            }
        }
        ++m_size;
        return { this, difference_type(index) };
    }

    iterator erase(const_iterator position)
    {
        const auto index = std::size_t(position.index());
        assert(index < size());
        if (!isTiered() && index + 1 == m_flat.size()) {
            m_flat.pop_back();
            return end();
        }
        makeTiered();
        const std::size_t first = index >> BlockBits;
        Block &block = m_blocks[first];
        for (std::size_t i = index & s_mask; i + 1 < block.count; ++i)
            block.at(i) = block.at(i + 1);
        // Each later block gives its first element to the end of the block before it.
        for (std::size_t b = first + 1; b < m_blocks.size(); ++b) {
            Block &next = m_blocks[b];
            m_blocks[b - 1].at(blockSize - 1) = next.data[next.head];
            next.head = (next.head + 1) & s_mask;
        }
        --m_blocks.back().count;
        if (m_blocks.back().count == 0)
            m_blocks.pop_back();
        --m_size;
        if (m_blocks.empty()) // nothing left: flat and empty again
            *this = TieredVector();
        return { this, difference_type(index) };
    }

private:
    static constexpr std::size_t s_mask = blockSize - 1;

    struct Block
    {
        std::unique_ptr<T[]> owned; // null for a block inside m_flat
        T *data = nullptr; // blockSize slots
        std::uint32_t head = 0; // the slot of the first element
        std::uint32_t count = 0;
        T &at(std::size_t i) { return data[(head + i) & s_mask]; }
    };

    // Blocks over the flat vector's full blocks, in place; its tail into a block of its own.
    void makeTiered()
    {
        if (isTiered())
            return;
        m_size = m_flat.size();
        const std::size_t full = m_flat.size() >> BlockBits;
        m_blocks.reserve(full + 2);
        for (std::size_t b = 0; b < full; ++b)
            m_blocks.push_back({ nullptr, m_flat.data() + b * blockSize, 0, std::uint32_t(blockSize) });
        if (const std::size_t tail = m_flat.size() & s_mask; tail > 0 || full == 0) {
            Block &last = newBlock();
            std::copy(m_flat.end() - difference_type(tail), m_flat.end(), last.data);
            last.count = std::uint32_t(tail);
        }
    }
    Block &newBlock()
    {
        Block block;
        block.owned = std::make_unique_for_overwrite<T[]>(blockSize);
        block.data = block.owned.get();
        m_blocks.push_back(std::move(block));
        return m_blocks.back();
    }
    // The last block, with room for one more element.
    Block &roomAtEnd()
    {
        if (m_blocks.back().count == blockSize)
            return newBlock();
        return m_blocks.back();
    }

    // Flat: the elements. Tiered: the storage of the blocks without an `owned` one; its size
    // no longer changes, so that they stay where they are.
    std::vector<T> m_flat;
    std::vector<Block> m_blocks; // empty while flat
    std::size_t m_size = 0; // while tiered
};
