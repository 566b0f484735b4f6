#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <span>
#include <type_traits>

// An array of plain values with the part of std::vector's API that a lane's list of open
// intervals uses (LaneIndex::Lane::open), in 16 bytes rather than 24, keeping as many values as
// fit in a pointer (two 32-bit values, one 64-bit one) in place of that pointer rather than on
// the heap: most lanes have none, and 100,000 lanes of an actor each are 800 KB less.
//
// Iterators are pointers, and any change that adds values may move them all. Sizes are 32-bit.
template<typename T> class SmallArray
{
    static_assert(std::is_trivially_copyable_v<T>, "values are moved as bytes");

public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T *;
    using const_iterator = const T *;
    // How many values are kept in place.
    static constexpr std::uint32_t inPlace = alignof(T) <= alignof(T *) ? sizeof(T *) / sizeof(T) : 0;

    SmallArray() = default;
    SmallArray(const SmallArray &other) { assignFrom(other); }
    SmallArray(SmallArray &&other) noexcept { takeFrom(other); }
    SmallArray &operator=(const SmallArray &other)
    {
        if (this != &other) {
            m_size = 0;
            assignFrom(other);
        }
        return *this;
    }
    SmallArray &operator=(SmallArray &&other) noexcept
    {
        if (this != &other) {
            release();
            takeFrom(other);
        }
        return *this;
    }
    ~SmallArray() { release(); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::size_t capacity() const { return m_capacity; }
    // The bytes held on the heap, for measuring.
    std::size_t heapBytes() const { return onHeap() ? std::size_t(m_capacity) * sizeof(T) : 0; }

    T *data() { return onHeap() ? m_heap : local(); }
    const T *data() const { return onHeap() ? m_heap : local(); }
    T &operator[](std::size_t i) { return data()[i]; }
    const T &operator[](std::size_t i) const { return data()[i]; }
    T &front() { return data()[0]; }
    const T &front() const { return data()[0]; }
    T &back() { return data()[m_size - 1]; }
    const T &back() const { return data()[m_size - 1]; }
    iterator begin() { return data(); }
    iterator end() { return data() + m_size; }
    const_iterator begin() const { return data(); }
    const_iterator end() const { return data() + m_size; }
    operator std::span<const T>() const { return { data(), m_size }; }

    void reserve(std::size_t count)
    {
        if (count > m_capacity)
            reallocate(count);
    }
    void clear() { m_size = 0; }
    void push_back(T value)
    {
        if (m_size == m_capacity)
            reallocate(grown(m_size + 1));
        data()[m_size++] = value;
    }
    iterator insert(const_iterator at, T value)
    {
        const auto pos = std::size_t(at - data());
        if (m_size == m_capacity)
            reallocate(grown(m_size + 1));
        T *values = data();
        std::memmove(values + pos + 1, values + pos, (m_size - pos) * sizeof(T));
        values[pos] = value;
        ++m_size;
        return values + pos;
    }
    iterator erase(const_iterator at)
    {
        const auto pos = std::size_t(at - data());
        T *values = data();
        std::memmove(values + pos, values + pos + 1, (m_size - pos - 1) * sizeof(T));
        --m_size;
        return values + pos;
    }

    friend bool operator==(const SmallArray &a, const SmallArray &b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    bool onHeap() const { return m_capacity > inPlace; }
    T *local() { return reinterpret_cast<T *>(m_local); }
    const T *local() const { return reinterpret_cast<const T *>(m_local); }
    std::size_t grown(std::size_t needed) const
    {
        return std::max<std::size_t>({ needed, std::size_t(m_capacity) * 2, 4 });
    }
    void reallocate(std::size_t capacity)
    {
        if (capacity > UINT32_MAX)
            throw std::bad_alloc();
        T *moved = static_cast<T *>(std::malloc(capacity * sizeof(T)));
        if (!moved)
            throw std::bad_alloc();
        if (m_size > 0)
            std::memcpy(moved, data(), m_size * sizeof(T));
        release();
        m_heap = moved;
        m_capacity = std::uint32_t(capacity);
    }
    void release()
    {
        if (onHeap())
            std::free(m_heap);
        m_capacity = inPlace;
    }
    // Into an empty array whose values are in place.
    void assignFrom(const SmallArray &other)
    {
        reserve(other.m_size);
        if (other.m_size > 0)
            std::memcpy(data(), other.data(), other.m_size * sizeof(T));
        m_size = other.m_size;
    }
    void takeFrom(SmallArray &other)
    {
        std::memcpy(m_local, other.m_local, sizeof m_local);
        m_size = other.m_size;
        m_capacity = other.m_capacity;
        other.m_size = 0;
        other.m_capacity = inPlace;
    }

    union {
        T *m_heap;
        alignas(T *) unsigned char m_local[sizeof(T *)];
    };
    std::uint32_t m_size = 0;
    std::uint32_t m_capacity = inPlace; // more than inPlace: the values are on the heap
};
