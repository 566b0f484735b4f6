#include "timelineloader.h"

#include "csvtimelinereader.h"
#include "formatdetector.h"
#include "jsonreader.h"
#include "laneindex.h"
#include "plaintext.h"
#include "quotefinder.h"
#include "quotemismatch.h"
#include "sentencesplitter.h"
#include "systemmemory.h"
#include "timelinejsreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHashFunctions>
#include <QLocale>
#include <QScopeGuard>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <deque>
#include <future>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <span>
#include <stop_token>
#include <string_view>
#include <thread>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using Token = JsonReader::Token;

QString describe(Token token)
{
    switch (token) {
    case Token::BeginObject:
        return QCoreApplication::translate("TimelineLoader", "an object");
    case Token::BeginArray:
        return QCoreApplication::translate("TimelineLoader", "an array");
    case Token::String:
        return QCoreApplication::translate("TimelineLoader", "a string");
    case Token::Number:
        return QCoreApplication::translate("TimelineLoader", "a number");
    case Token::True:
        return QCoreApplication::translate("TimelineLoader", "true");
    case Token::False:
        return QCoreApplication::translate("TimelineLoader", "false");
    case Token::Null:
        return QCoreApplication::translate("TimelineLoader", "null");
    default:
        return QCoreApplication::translate("TimelineLoader", "nothing");
    }
}

bool isHexColor(QByteArrayView text)
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// Ids and member names are short: comparing them a word at a time beats calling memcmp().
inline bool equalBytes(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    qsizetype i = 0;
    for (; i + 8 <= a.size(); i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a.data() + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (x != y)
            return false;
    }
    for (; i < a.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// A seeded hash of an id, a few nanoseconds for the short ids of a file: Qt's qHash of bytes is
// SipHash on a CPU without AES, and it cost a third of a load, once per event and per reference.
// Each 8 bytes are mixed into the state by a 64×64→128-bit multiply folded to 64 bits (as in
// wyhash), with constants drawn from the process's random hash seed, so that ids written to
// collide (ids come from the file) cannot be chosen without knowing it.
class IdHasher
{
public:
    explicit IdHasher(std::uint64_t seed)
        : m_word(mix(seed ^ 0xa076'1d64'78bd'642fu, 0xe703'7ed1'a0b4'28dbu) | 1)
        , m_state(mix(seed ^ 0x8ebc'6af0'9c88'c6e3u, 0x5899'65cc'7537'4cc3u))
    { }

    std::uint64_t operator()(QByteArrayView bytes) const
    {
        const char *p = bytes.data();
        qsizetype n = bytes.size();
        std::uint64_t h = m_state ^ std::uint64_t(n);
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = mix(w ^ m_word, h ^ 0x1d8e'4e27'c47d'124fu);
        }
        if (n > 0) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, std::size_t(n));
            h = mix(w ^ m_word, h ^ 0x1d8e'4e27'c47d'124fu);
        }
        return mix(h ^ m_word, 0xe703'7ed1'a0b4'28dbu);
    }

private:
    static std::uint64_t mix(std::uint64_t a, std::uint64_t b)
    {
        __extension__ typedef unsigned __int128 Wide;
        const Wide product = Wide(a) * b;
        return std::uint64_t(product) ^ std::uint64_t(product >> 64);
    }

    std::uint64_t m_word; // xored into each word, so that no word the file can write zeroes the product
    std::uint64_t m_state;
};

// The members each kind of object has in format version 1, in the order of their names below.
enum class DocumentMember { Format, Version, Title, Description, Sources, Actors, Events, Eras, Kinds };
constexpr std::array<std::string_view, 9> s_documentMembers {
    "format", "version", "title", "description", "sources", "actors", "events", "eras", "kinds",
};
enum class SourceMember { Id, Title, Text, Publisher, PublisherConfirmed, Published, Url };
constexpr std::array<std::string_view, 7> s_sourceMembers {
    "id", "title", "text", "publisher", "publisherConfirmed", "published", "url",
};
enum class ActorMember { Id, Name, Kind, Description, Aliases, Color };
constexpr std::array<std::string_view, 6> s_actorMembers {
    "id", "name", "kind", "description", "aliases", "color",
};
enum class KindMember { Id, Label, Color };
constexpr std::array<std::string_view, 3> s_kindMembers { "id", "label", "color" };
enum class EraMember { Id, Title, When };
constexpr std::array<std::string_view, 3> s_eraMembers { "id", "title", "when" };
enum class EventMember { Id, Title, When, Actors, DateText, Summary, Kind, Evidence, References, Draft };
constexpr std::array<std::string_view, 10> s_eventMembers {
    "id", "title", "when", "actors", "dateText", "summary", "kind", "evidence", "references", "draft",
};
enum class EvidenceMember { Source, Quote };
constexpr std::array<std::string_view, 2> s_evidenceMembers { "source", "quote" };
enum class ReferenceMember { Title, Publisher, Url, Date };
constexpr std::array<std::string_view, 4> s_referenceMembers { "title", "publisher", "url", "date" };

// Ids that other parts of the file refer to: each distinct id gets a number when first seen,
// whether it has been declared yet or not, because the file may list events before actors.
class IdTable
{
public:
    // Where a reference to an id not declared so far first appeared: kept for the error if it
    // never is. Only such ids have one, so that 100,000 declared actors do not carry 100,000.
    struct FirstUse
    {
        qsizetype offset = -1;
        QString path;
        qsizetype event = -1; // file index of the event that used it
    };

    // The number of `id`, adding it if new. `id` must stay valid while the table lives unless
    // `stable` is false, in which case the table keeps a copy.
    qint32 intern(QByteArrayView id, bool stable) { return intern(id, hashOf(id), stable); }
    // The same, with its hash known: ids hashed together can have their slots fetched together.
    std::size_t hashOf(QByteArrayView id) const { return m_hash(id); }
    void prefetch(std::size_t hash) const
    {
        const std::vector<Slot> &table = *m_slots;
        if (!table.empty())
            __builtin_prefetch(&table[hash & (table.size() - 1)]);
    }
    qint32 intern(QByteArrayView id, std::size_t hash, bool stable)
    {
        // Open addressing in a table at most half full: references are looked up once per
        // actor of every event, and QHash's out-of-line hashing and comparing cost most of that.
        if (2 * (m_names.size() + 1) > m_slots->size())
            grow();
        const std::vector<Slot> &table = *m_slots;
        const std::size_t mask = table.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            if (table[i].number < 0) {
                Slot &slot = writableSlots()[i];
                if (!stable)
                    id = m_copies.emplace_back(id.toByteArray());
                slot.hash = hash;
                slot.number = qint32(m_ids.size());
                slot.size = std::uint32_t(id.size());
                if (id.size() <= qsizetype(sizeof slot.bytes))
                    std::memcpy(slot.bytes, id.data(), std::size_t(id.size()));
                m_ids.emplace_back();
                m_names.push_back(id);
                return slot.number;
            }
            const Slot &slot = table[i];
            if (slot.hash == hash && slot.size == std::uint32_t(id.size())
                && (id.size() <= qsizetype(sizeof slot.bytes)
                        ? std::memcmp(slot.bytes, id.data(), std::size_t(id.size())) == 0
                        : equalBytes(m_names[std::size_t(slot.number)], id)))
                return slot.number;
        }
    }
    // The ids so far, numbered as here, with no uses counted: what a second reader of the file
    // starts from, so that the ids it meets are mostly known, and numbered alike, rather than
    // each added anew and numbered again when its part is taken over. It may name ids this
    // table keeps a copy of, and so must not outlive it. The two share the hash table (16 MB
    // for 250,000 sources) rather than copy it: while they do, either copies it before adding
    // an id (writableSlots()), and unshare() or dropHashTable() ends the sharing.
    IdTable snapshot() const
    {
        IdTable copy;
        copy.m_slots = m_slots;
        copy.m_slotsShared = m_slotsShared = true;
        copy.m_ids.reserve(m_ids.size());
        for (const Id &id : m_ids)
            copy.m_ids.push_back({ id.declared, 0, -1 });
        copy.m_names = m_names;
        copy.m_fromSnapshot = size();
        return copy;
    }
    // For the table a snapshot was taken of, once the snapshot is gone: its hash table is its own again.
    void unshare()
    {
        Q_ASSERT(m_slots.use_count() == 1);
        m_slotsShared = false;
    }
    // For a table that will look up no more ids (name() and the rest still answer): lets go
    // of its hash table.
    void dropHashTable()
    {
        m_slots = std::make_shared<std::vector<Slot>>();
        m_slotsShared = false;
    }
    // The ids that came with the snapshot this table started from.
    qsizetype fromSnapshot() const { return m_fromSnapshot; }
    // The index of the element that declares the id, -1 while none has.
    qint32 &declared(qint32 number) { return m_ids[std::size_t(number)].declared; }
    // How many references to the id were read.
    std::uint32_t &uses(qint32 number) { return m_ids[std::size_t(number)].uses; }
    // Counts a reference to `number`; when this is the first, to an id not declared so far,
    // gives the place to fill in where it is.
    FirstUse *use(qint32 number)
    {
        Id &id = m_ids[std::size_t(number)];
        return id.uses++ == 0 && id.declared < 0 ? &keepFirstUse(id) : nullptr;
    }
    // Where the id was first used, when that was before any declaration of it.
    const FirstUse *firstUse(qint32 number) const
    {
        const qint32 at = m_ids[std::size_t(number)].firstUse;
        return at < 0 ? nullptr : &m_firstUses[std::size_t(at)];
    }
    // The same, to fill in: taken over from another table that saw the id's first use.
    FirstUse &keepFirstUse(qint32 number) { return keepFirstUse(m_ids[std::size_t(number)]); }
    // Per id, the index that declares it, -1 if none.
    std::vector<qint32> declarations() const
    {
        std::vector<qint32> out(m_ids.size());
        std::transform(m_ids.begin(), m_ids.end(), out.begin(), [](const Id &id) { return id.declared; });
        return out;
    }
    // Room for `count` ids in all, so that the table need not grow (and copy itself) on the way.
    void reserve(std::size_t count)
    {
        if (2 * count > m_slots->size())
            grow(std::bit_ceil(2 * count));
        m_ids.reserve(count);
        m_names.reserve(count);
    }
    // A copy of `id` that lives as long as the table, for an id that is not the file's own bytes.
    QByteArrayView keepCopy(QByteArrayView id) { return m_copies.emplace_back(id.toByteArray()); }
    // Takes over the copies `other` kept, so that views of them outlive it.
    void takeCopies(IdTable &other)
    {
        std::move(other.m_copies.begin(), other.m_copies.end(), std::back_inserter(m_copies));
        other.m_copies.clear();
    }
    QByteArrayView name(qint32 number) const { return m_names[number]; }
    qsizetype size() const { return qsizetype(m_ids.size()); }

private:
    // A short id is kept in its slot too: with thousands of actors, comparing with the name
    // where the file has it was two more cache misses per reference (its view, its bytes).
    struct alignas(32) Slot
    {
        std::size_t hash = 0;
        qint32 number = -1; // -1: empty
        std::uint32_t size = 0; // of the id
        char bytes[16]; // the id, when it fits
    };

    // Per id, what the file says of it; twelve bytes, so that a reference, which reads them,
    // finds them in the cache more often with 100,000 ids.
    struct Id
    {
        qint32 declared = -1;
        std::uint32_t uses = 0;
        qint32 firstUse = -1; // index into m_firstUses
    };

    FirstUse &keepFirstUse(Id &id)
    {
        if (id.firstUse < 0) {
            id.firstUse = qint32(m_firstUses.size());
            m_firstUses.emplace_back();
        }
        return m_firstUses[std::size_t(id.firstUse)];
    }

    std::vector<Slot> &writableSlots()
    {
        if (m_slotsShared) {
            m_slots = std::make_shared<std::vector<Slot>>(*m_slots);
            m_slotsShared = false;
        }
        return *m_slots;
    }

    void grow(std::size_t size = 0)
    {
        const std::vector<Slot> &table = *m_slots;
        size = std::max({ size, std::size_t(16), 2 * table.size() }); // a power of two
        std::vector<Slot> larger;
        larger.reserve(size);
        SystemMemory::preferHugePagesAhead(larger, size); // written at random
        larger.resize(size);
        const std::size_t mask = larger.size() - 1;
        // Each id lands at random in the larger table: fetched a few ids ahead, their misses overlap.
        constexpr std::size_t ahead = 16;
        for (std::size_t j = 0; j < std::min(ahead, table.size()); ++j)
            __builtin_prefetch(&larger[table[j].hash & mask], 1);
        for (std::size_t j = 0; j < table.size(); ++j) {
            if (j + ahead < table.size())
                __builtin_prefetch(&larger[table[j + ahead].hash & mask], 1);
            const Slot &slot = table[j];
            if (slot.number < 0)
                continue;
            std::size_t i = slot.hash & mask;
            while (larger[i].number >= 0)
                i = (i + 1) & mask;
            larger[i] = slot;
        }
        // A new table, this one's own: one shared stays as the other holder has it.
        m_slots = std::make_shared<std::vector<Slot>>(std::move(larger));
        m_slotsShared = false;
    }

    IdHasher m_hash { QHashSeed::globalSeed() }; // ids come from the file: keep collisions unguessable
    std::shared_ptr<std::vector<Slot>> m_slots =
        std::make_shared<std::vector<Slot>>(); // a power of two in size
    // Whether a snapshot, or the table it was taken of, may be reading m_slots: both only read
    // it until unshare(). Set on the original by snapshot(), which changes no id.
    mutable bool m_slotsShared = false;
    // A reference takes at least three bytes of a file of at most maxFileSize bytes: its uses fit.
    static_assert(TimelineLoader::maxFileSize / 3 <= std::numeric_limits<std::uint32_t>::max());
    std::vector<Id> m_ids;
    std::vector<FirstUse> m_firstUses;
    std::vector<QByteArrayView> m_names;
    std::deque<QByteArray> m_copies;
    qsizetype m_fromSnapshot = 0;
};

// Where an evidence quote stood in the file, kept until quotes are matched after the read.
// 32 bits each: a file is at most maxFileSize bytes, and a million quotes are kept at once.
struct PendingQuote
{
    std::uint32_t event = 0; // file index
    std::uint32_t item = 0; // index within the event's evidence
    std::uint32_t offset = 0;
    std::uint32_t evidence = 0; // index into Timeline::evidence
    TextRef eventId; // set once the whole event is read
};
static_assert(TimelineLoader::maxFileSize <= std::numeric_limits<std::uint32_t>::max());

// A quote that is not in its source, found while the events may be being sorted.
struct QuoteError
{
    qsizetype offset = 0;
    QString path;
    QString eventId;
    QString message;
};

// Wide enough for the product of two spans of days of deep time (each up to 2^50).
__extension__ typedef unsigned __int128 UInt128;

// Where an event goes when events are sorted: by `date`, a number made of its first and last
// day, then by its index in the file. `Date` is 64 bits when the timeline's days allow, as
// they do for any timeline of historical dates, and 128 for deep time.
template<typename Date>
struct EventKey
{
    Date date = 0;
    std::uint32_t fileIndex = 0;
    bool operator<(const EventKey &other) const
    {
        return date != other.date ? date < other.date : fileIndex < other.fileIndex;
    }
    // Bits [shift, shift + width) of the number date << indexBits | fileIndex.
    std::size_t bits(int indexBits, int shift, int width) const
    {
        const Date high = shift >= indexBits ? date >> (shift - indexBits)
                                             : date << (indexBits - shift) | fileIndex >> shift;
        return std::size_t(high & ((Date(1) << width) - 1));
    }
};

// The same key as one number, date << indexBits | fileIndex, for when both fit in 64 bits, as
// they do for a million events of history: half the memory of an EventKey, and half the bytes
// for the sort to move.
struct PackedEventKey
{
    std::uint64_t value = 0;
    bool operator<(const PackedEventKey &other) const { return value < other.value; }
    std::size_t bits(int, int shift, int width) const
    {
        return std::size_t((value >> shift) & ((std::uint64_t(1) << width) - 1));
    }
};

int bitWidth(UInt128 value)
{
    const auto high = std::uint64_t(value >> 64);
    return high ? 64 + std::bit_width(high) : std::bit_width(std::uint64_t(value));
}

// Sorts events and their keys together by key, in place, on the key bits below `top`: an MSD
// radix sort ("American flag sort"). Each pass moves an event about once, to one of at most
// 256 places that advance in order, so memory is read and written in runs; applying a sorted
// permutation in place instead goes from event to event at random, at a cache miss each, and
// a sorted copy would hold the events twice.
//
// One pass of it: puts the events in buckets by the digit of `width` bits below `top`, and
// gives where each bucket starts (and, last, ends).
constexpr int maxDigitBits = 8;
using BucketStarts = std::array<std::uint32_t, (1 << maxDigitBits) + 1>;
template<typename Key>
BucketStarts distribute(std::span<Event> events, std::span<Key> keys, int indexBits, int top, int width)
{
    const std::size_t count = keys.size();
    const int shift = top - width;
    const std::size_t buckets = std::size_t(1) << width;
    const auto digitOf = [&](const Key &key) {
        return key.bits(indexBits, shift, width);
    };
    BucketStarts start {};
    for (const Key &key : keys)
        ++start[digitOf(key) + 1];
    for (std::size_t b = 1; b <= buckets; ++b)
        start[b] += start[b - 1];
    std::array<std::uint32_t, 1 << maxDigitBits> next;
    std::copy_n(start.begin(), buckets, next.begin());
    for (std::size_t b = 0; b < buckets; ++b) {
        // Swap the event at the front of bucket b's unsorted part to where its digit says,
        // until one that belongs in b arrives.
        while (next[b] < start[b + 1]) {
            const std::size_t i = next[b];
            for (std::size_t d = digitOf(keys[i]); d != b; d = digitOf(keys[i])) {
                const std::size_t j = next[d]++;
#if defined(__GNUC__)
                // Bucket d is next written a little further on: fetch that while it is far.
                const std::size_t later = std::min(j + 4, count - 1);
                __builtin_prefetch(&keys[later], 1);
                __builtin_prefetch(&events[later], 1);
                __builtin_prefetch(reinterpret_cast<const char *>(&events[later]) + sizeof(Event) - 1, 1);
#endif
                std::swap(keys[i], keys[j]);
                std::swap(events[i], events[j]);
            }
            ++next[b];
        }
    }
    return start;
}

template<typename Key> void sortByKey(std::span<Event> events, std::span<Key> keys, int indexBits, int top);

// Sorts buckets [first, end) that a pass put the events in, on the bits below `shift`.
template<typename Key>
void sortBuckets(std::span<Event> events, std::span<Key> keys, const BucketStarts &start, std::size_t first,
                 std::size_t end, int indexBits, int shift)
{
    for (std::size_t b = first; b < end; ++b) {
        const std::size_t begin = start[b], size = start[b + 1] - begin;
        if (size > 1)
            sortByKey(events.subspan(begin, size), keys.subspan(begin, size), indexBits, shift);
    }
}

// The width of the digit a pass over `count` events sorts on, below `top`.
int digitWidth(std::size_t count, int top)
{
    return std::min({ maxDigitBits, top, int(std::bit_width(count)) });
}

template<typename Key> void sortByKey(std::span<Event> events, std::span<Key> keys, int indexBits, int top)
{
    const std::size_t count = keys.size();
    if (count < 32 || top <= 0) {
        for (std::size_t i = 1; i < count; ++i) {
            const Key key = keys[i];
            const Event event = events[i];
            std::size_t j = i;
            for (; j > 0 && key < keys[j - 1]; --j) {
                keys[j] = keys[j - 1];
                events[j] = events[j - 1];
            }
            keys[j] = key;
            events[j] = event;
        }
        return;
    }
    const int width = digitWidth(count, top);
    const BucketStarts start = distribute(events, keys, indexBits, top, width);
    sortBuckets(events, keys, start, 0, std::size_t(1) << width, indexBits, top - width);
}

// The same, its buckets after the first pass sorted on two threads when there are many events:
// this one takes those up to about half of the events, another the rest.
template<typename Key>
void sortByKeyOnTwoThreads(std::span<Event> events, std::span<Key> keys, int indexBits, int top)
{
    constexpr std::size_t worthAThread = 64 * 1024;
    const std::size_t count = keys.size();
    if (count < worthAThread || top <= 0 || std::thread::hardware_concurrency() < 2) {
        sortByKey(events, keys, indexBits, top);
        return;
    }
    const int width = digitWidth(count, top);
    const BucketStarts start = distribute(events, keys, indexBits, top, width);
    const std::size_t buckets = std::size_t(1) << width;
    const auto sortPart = [&](std::size_t first, std::size_t end) {
        sortBuckets(events, keys, start, first, end, indexBits, top - width);
    };
    std::size_t half = 0;
    while (half < buckets && start[half + 1] <= count / 2)
        ++half;
    std::thread other;
    try {
        other = std::thread(sortPart, half, buckets);
    } catch (const std::system_error &) {
        sortPart(half, buckets); // no thread to be had: here
    }
    sortPart(0, half);
    if (other.joinable())
        other.join();
}

// Sorts `keys` in place, without a second array of them (8 MB at a million events, and the
// load's peak was while it was held): an MSD radix sort on 8 bits at a time from `shift` down,
// each pass moving each key to its bucket along cycles ("American flag sort"), writing to at
// most 256 places that advance in order; buckets of a few keys go to std::sort.
void sortInPlace(std::span<std::uint64_t> keys, int shift = 56)
{
    if (keys.size() <= 64 || shift < 0) {
        std::sort(keys.begin(), keys.end());
        return;
    }
    constexpr std::size_t digits = 256;
    const auto digitOf = [shift](std::uint64_t key) {
        return std::size_t(key >> shift) & (digits - 1);
    };
    std::array<std::size_t, digits + 1> start {};
    for (const std::uint64_t key : keys)
        ++start[digitOf(key) + 1];
    for (std::size_t d = 1; d <= digits; ++d)
        start[d] += start[d - 1];
    std::array<std::size_t, digits> next;
    std::copy_n(start.begin(), digits, next.begin());
    for (std::size_t d = 0; d < digits; ++d) {
        while (next[d] < start[d + 1]) {
            std::uint64_t key = keys[next[d]];
            for (std::size_t to = digitOf(key); to != d; to = digitOf(key))
                std::swap(key, keys[next[to]++]);
            keys[next[d]++] = key;
        }
    }
    for (std::size_t d = 0; d < digits; ++d)
        sortInPlace(keys.subspan(start[d], start[d + 1] - start[d]), shift - 8);
}

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(TimelineLoader)

public:
    Parser(QByteArray data, const QString &fileName, const TimelineLoader::Progress &progress)
        : m_fileName(fileName)
        , m_progress(progress)
        , m_timeline(std::make_shared<Timeline>())
        , m_reader(m_timeline->setFileBytes(std::move(data)), TimelineLoader::maxDepth)
        , m_writable(m_timeline->writableFileBytes())
    { }

    TimelineLoader::Result run();

private:
    // A parser for the rest of `head`'s events, sources or actors (`array`) from `start` on (see
    // readEvents() and readDeclaring()).
    Parser(const Parser &head, qsizetype start, DocumentMember array);
    // --- reporting
    void error(qsizetype offset, const QString &message);
    void errorAt(qsizetype offset, const QString &path, qsizetype eventFileIndex, const QString &message);
    void errorAt(qsizetype offset, const QString &path, const QString &eventId, const QString &message);
    void typeError(const QString &expected);
    void syntaxError();
    QString pathString() const;

    // --- reading; each starts at the current token (a value) and leaves the reader on its last token
    // `deferred`, when given, is a member whose value, if a long string, is found, not read
    // (JsonReader::deferStringLongerThan()).
    template<typename Member, std::size_t N, typename F>
    bool readObject(const std::array<std::string_view, N> &names, F &&perMember,
                    std::optional<Member> deferred = std::nullopt);
    template<typename F> bool readArray(F &&perElement);
    // A string; when `required`, one with more than spaces in it (else an error, and false).
    bool readString(QByteArrayView *out, bool required = false);
    bool readText(TextRef *out, bool required = false);
    bool readQString(QString *out, bool required = false);
    // A colour written as #rrggbb; anything else is an error and leaves `out` invalid.
    void readColor(QColor *out);
    // true or false; anything else is an error and leaves `out` as it was.
    void readBool(bool *out);
    bool readWhen(QString *text, DateRange *range, TextRef *ref = nullptr);
    TextRef keep();
    // A source's or an actor's short strings as read: slices of the file, or of `decoded` for
    // those that had escapes. Handed to the record as one array (apply()), its PackedText.
    template<std::size_t Count> struct PackedFields
    {
        std::array<TextRef, Count> refs {};
        unsigned decodedMask = 0; // the fields in `decoded`, by bit
        QByteArray decoded;
        template<typename Record> void apply(Record &record, const QByteArray &file) const;
    };
    // The string just read, as `field` of `fields`.
    template<std::size_t Count> void keepField(PackedFields<Count> &fields, std::size_t field);
    void missing(qsizetype objectOffset, std::initializer_list<std::pair<bool, const char *>> fields);
    // Reads the id of an era at `index`, which others refer to, and declares it. `duplicate` is
    // the message (untranslated) for an id declared before, at %2.
    void readDeclaredId(IdTable &table, const char *duplicate, qsizetype index, QString *id);
    // The text of an id that something declares: a string, not empty (else an error, and false).
    bool readIdText(QByteArrayView *out);
    // The id of the actor or source (`array`) at `index`, read as readDeclaredId() does, but
    // declared later with others (declareIds()): like a reference, a declaration into a table
    // of 100,000 ids is a cache miss, and together their misses overlap. True when there was
    // one (a duplicate too: the timeline is not handed out then), the reader still on its text.
    bool readBatchedId(DocumentMember array, qsizetype index);
    void declareIds(DocumentMember array);
    struct PendingIds;
    // The id table of the actors or sources (`array`), and their ids waiting to be declared.
    IdTable &idsOf(DocumentMember array)
    {
        return array == DocumentMember::Actors ? m_actorIds : m_sourceIds;
    }
    PendingIds &declarationsOf(DocumentMember array)
    {
        return array == DocumentMember::Actors ? m_pendingActorIds : m_pendingSourceIds;
    }
    qint32 reference(IdTable &table);
    // An event's actor, referred to by the id just read. A plain id (the file's own bytes) waits
    // with others, to be looked up together (takeReferences()); a table of 100,000 actors
    // is a cache miss a look-up, and together their misses overlap. So does the source of an
    // evidence item (readEvidence()).
    void referToActor();
    // Looks up the actors (`array` Actors) or sources waiting, or both.
    void takeReferences(DocumentMember array);
    void takeReferences()
    {
        takeReferences(DocumentMember::Actors);
        takeReferences(DocumentMember::Sources);
    }

    void readDocument();
    void readSource(qsizetype index);
    void readActor(qsizetype index);
    // Reads the sources or the actors (`array`), a long array on two threads (see the definition).
    void readDeclaring(DocumentMember array);
    // Appends the sources or actors `tail` read, which started just past the head's element
    // `base` - 1, and declares their ids; false, taking nothing, as adoptTail().
    bool adoptDeclaring(DocumentMember array, Parser &tail, qsizetype base);
    void readEra(qsizetype index);
    void readKind();
    void readEvents();
    void readEvent(qsizetype index);
    // On the second thread: reads events from where the constructor put the reader, and stops at
    // the end of the array, at the first problem (the head reads that part again itself) or when
    // asked to.
    void readTail(std::stop_token stop);
    // What the tails of the events, sources and actors share: reads the elements of the
    // document's member `array` by `perElement(index)`, until the array ends, a problem, `stop`,
    // or `perElement` returning false (the head reads that part itself).
    template<typename F> void readTailOf(DocumentMember array, std::stop_token stop, F &&perElement);
    // For a head reader at or past `start`, where `tail` began reading on `thread`: stops the
    // tail unless this reader ended an element exactly there, joins it, and then has
    // `adopt(*tail)` take over what it read; drops the tail either way. Whether it was taken.
    template<typename F>
    bool joinTail(std::unique_ptr<Parser> &tail, std::jthread &thread, qsizetype start, F &&adopt);
    // Appends what `tail` read, which started just past the head's event `base` - 1; false,
    // taking nothing, if the tail did not read its part of the file to the end of the array
    // without a problem.
    bool adoptTail(Parser &tail, qsizetype base);
    void readEvidence(Event &event, qsizetype eventIndex);
    void readReference();

    bool reportProgress(qsizetype done);
    void reserveForEvents(qsizetype eventsRead, qsizetype bytesRead);
    void checkEventIds();
    void sortEventsByDate();
    void resolveReferences();
    struct QuoteErrors
    {
        std::vector<QuoteError> errors; // the first in the file, at most maxErrors
        qsizetype unreported = 0; // the others
    };
    QuoteErrors resolveQuotes();
    QString eventIdAt(qsizetype fileIndex) const;

    struct PathPart
    {
        QByteArrayView key; // empty for an array element
        qsizetype index = -1;
    };
    // The members and elements the reader is in. The format nests them a few deep, and no file
    // takes the reader deeper: an unknown member is skipped, not entered. Parts past the
    // capacity would be left out of messages; a growing array, taken at every member read, was
    // a twentieth of a load.
    class Path
    {
    public:
        void push(PathPart part)
        {
            Q_ASSERT(m_depth < m_parts.size());
            if (m_depth < m_parts.size())
                m_parts[m_depth] = part;
            ++m_depth;
        }
        void pop() { --m_depth; }
        std::span<const PathPart> parts() const
        {
            return std::span(m_parts).first(std::min(m_depth, m_parts.size()));
        }

    private:
        std::array<PathPart, 8> m_parts;
        std::size_t m_depth = 0;
    };
    static QString pathString(std::span<const PathPart> parts);

    // Where a kept error stands in the file, beside m_errors: errors found after the read (ids,
    // quotes) may come before ones kept already, and the errors shown are the first in the file.
    struct ErrorPlace
    {
        qsizetype offset = -1; // -1: no place, listed first
        qsizetype sequence = 0; // order of finding, for errors at one place
        bool operator<(const ErrorPlace &other) const
        {
            return std::pair(offset, sequence) < std::pair(other.offset, other.sequence);
        }
    };

    static inline const TimelineLoader::Progress s_noProgress;

    QString m_fileName;
    const TimelineLoader::Progress &m_progress;
    bool m_cancelled = false;
    std::shared_ptr<Timeline> m_timeline;
    JsonReader m_reader;
    // The file's bytes when this parser alone holds them (not a caller, nor a tail): a long text
    // with escapes is then decoded where it lies, rather than into a copy as large.
    char *m_writable = nullptr;
    Path m_path;
    LoadErrors m_errors;
    std::vector<ErrorPlace> m_errorPlaces; // one per error in m_errors
    qsizetype m_errorsFound = 0; // kept or not
    qsizetype m_lastKept = -1; // the sequence number of the error kept last
    std::size_t m_latestError = 0; // the kept error that comes last in the file
    qsizetype m_unreported = 0;
    IdTable m_actorIds;
    IdTable m_sourceIds;
    // Per event, where its id is written; noIdOffset without one. 32 bits, as a file is at most
    // maxFileSize bytes: 4 MB a million events rather than 8, held while ids are checked.
    std::vector<std::uint32_t> m_eventIdOffsets;
    static constexpr std::uint32_t noIdOffset = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint64_t> m_eventIdHashes; // per event with an id: its hash << 32 | file index
    IdTable m_eraIds;
    IdTable m_kindIds;
    std::vector<PendingQuote> m_quotes;
    // Each source's sentences in byte offsets of its UTF-8, where quotes are found; empty where
    // they are the same as in UTF-16 units (an ASCII text).
    std::vector<std::vector<Sentence>> m_sentenceBytes;
    IdHasher m_idHash { QHashSeed::globalSeed() };
    qsizetype m_currentEvent = -1; // file index of the event being read, for errors
    struct PendingReference
    {
        QByteArrayView id;
        std::uint32_t at; // in Timeline::eventActors, or Timeline::evidence
        std::uint32_t offset; // of the id in the file
        std::uint32_t event; // file index
        std::uint32_t element; // in the event's actors, or evidence
    };
    std::vector<PendingReference> m_pendingActors;
    std::vector<PendingReference> m_pendingSources;
    std::size_t m_pendingReferencesDepth = 0; // of the path to the events array
    std::vector<std::size_t> m_pendingHashes;
    struct PendingDeclaration
    {
        QByteArrayView id;
        std::size_t hash;
        std::uint32_t offset; // of the id in the file
        std::uint32_t index; // of the actor or source
    };
    struct PendingIds
    {
        std::vector<PendingDeclaration> ids;
        std::size_t depth = 0; // of the path to their array
    };
    PendingIds m_pendingActorIds;
    PendingIds m_pendingSourceIds;
    // A tail of the sources or actors array (m_tailStart set) leaves declaring to the head. The
    // head of the sources array, while a tail reads them from here: a long text that reaches
    // past it is not decoded over its bytes, which the tail may be reading.
    qsizetype m_sourcesTailStart = -1;
    bool m_formatSeen = false;
    bool m_formatOk = false;
    bool m_versionOk = false;
    bool m_documentRead = false; // the whole top-level object was read under version 1's rules
    qsizetype m_tailStart = -1; // for a tail: where it started reading
    // A long source's text, its string found but not read by the reader of the file (whose
    // bytes from..to it is, quotes included): read on the thread that splits it, its escapes
    // decoded and its UTF-8 checked, while the file is read on. A text that is not a valid
    // string there has the whole file read again, with nothing put aside, so that its problems
    // are reported as a reading of the file reports them.
    static constexpr qsizetype s_readAside = 256 * 1024; // where a thread costs far less than the work
    struct TextBytes
    {
        qsizetype from;
        qsizetype to;
    };
    struct AsideText
    {
        SourceText text; // null: not a valid string
        bool failed = false; // out of memory: read again where it is taken
        qsizetype decodedInPlace = -1; // the size of its text, when decoded over its bytes
    };
    struct PendingText
    {
        std::future<AsideText> text;
        TextBytes bytes;
    };
    std::vector<PendingText> m_texts; // per source; valid where the text was read aside
    bool m_deferLongTexts = true;
    bool m_readAgain = false;
    // `writable`: the file's bytes, if the text may be decoded over them (m_writable).
    static AsideText readLongText(const QByteArray &file, TextBytes bytes, char *writable);
    void takeText(std::size_t source);
    // Texts decoded over their bytes, by where they start: a second read of the file reads them
    // as they are now.
    std::vector<std::pair<qsizetype, qsizetype>> m_decodedInPlace;
    void keepText(Source &source, const AsideText &read, TextBytes bytes);
    // A long source's sentences, split on a thread of their own while the file is read on and
    // its quotes are found (which needs the text, not the sentences); taken when the quotes
    // are placed in sentences. Per source; not valid where the split was done in place. Last,
    // so that leaving early waits for them before the text they read goes.
    struct Split
    {
        QList<Sentence> sentences;
        std::vector<Sentence> bytes;
        bool failed = false;
    };
    std::vector<std::future<Split>> m_splits;
    void takeSplit(std::size_t source);
};

Parser::Parser(const Parser &head, qsizetype start, DocumentMember array)
    : m_fileName(head.m_fileName)
    , m_progress(s_noProgress)
    , m_timeline(std::make_shared<Timeline>())
    , m_reader(m_timeline->setFileBytes(head.m_timeline->fileBytes()), TimelineLoader::maxDepth)
    , m_tailStart(start)
{
    m_reader.resumeAfterValue(start, head.m_reader.openContainers());
    if (array == DocumentMember::Events) {
        // Taken here, before either reads on: the head adds ids as it reads its part. Only ids
        // declared before the events are known by then (none, where the actors come after them).
        m_actorIds = head.m_actorIds.snapshot();
        m_sourceIds = head.m_sourceIds.snapshot();
    } else {
        m_deferLongTexts = false; // read where they are met: only the head reads texts aside
    }
    m_reader.setDeferredStrings(head.m_reader.deferredStrings()); // their bytes may be changing
}

// --- reporting -------------------------------------------------------------------------------

QString Parser::pathString() const
{
    return pathString(m_path.parts());
}

QString Parser::pathString(std::span<const PathPart> parts)
{
    QString out;
    for (const PathPart &part : parts) {
        if (part.key.isNull()) {
            out += u'[' + QString::number(part.index) + u']';
        } else {
            if (!out.isEmpty())
                out += u'.';
            out += QString::fromUtf8(part.key);
        }
    }
    return out;
}

void Parser::errorAt(qsizetype offset, const QString &path, qsizetype eventFileIndex, const QString &message)
{
    errorAt(offset, path, eventFileIndex >= 0 ? eventIdAt(eventFileIndex) : QString(), message);
}

void Parser::errorAt(qsizetype offset, const QString &path, const QString &eventId, const QString &message)
{
    const ErrorPlace place { std::max<qsizetype>(offset, -1), m_errorsFound++ };
    qsizetype slot = m_errors.size();
    if (slot >= TimelineLoader::maxErrors) {
        // Full: the new error replaces the last one in the file, if it comes before it.
        ++m_unreported;
        if (!(place < m_errorPlaces[m_latestError]))
            return;
        slot = qsizetype(m_latestError);
    }
    LoadError e;
    e.file = m_fileName;
    if (offset >= 0) {
        const auto pos = m_reader.position(offset);
        e.line = pos.line;
        e.column = pos.column;
    }
    e.path = path;
    e.eventId = eventId;
    e.message = message;
    m_lastKept = place.sequence;
    if (slot == m_errors.size()) {
        m_errors.append(e);
        m_errorPlaces.push_back(place);
        if (m_latestError >= std::size_t(slot) || m_errorPlaces[m_latestError] < place)
            m_latestError = std::size_t(slot);
    } else {
        m_errors[slot] = e;
        m_errorPlaces[std::size_t(slot)] = place;
        m_latestError =
            std::size_t(std::max_element(m_errorPlaces.begin(), m_errorPlaces.end()) - m_errorPlaces.begin());
    }
}

void Parser::error(qsizetype offset, const QString &message)
{
    // The event's id may come later in its object: readEvent() fills it in at the end.
    errorAt(offset, pathString(), -1, message);
}

void Parser::typeError(const QString &expected)
{
    error(m_reader.tokenOffset(), tr("expected %1, found %2").arg(expected, describe(m_reader.token())));
    m_reader.skipValue();
}

void Parser::syntaxError()
{
    const auto pos = m_reader.position(m_reader.errorOffset());
    LoadError e;
    e.file = m_fileName;
    e.line = pos.line;
    e.column = pos.column;
    e.message = tr("malformed JSON: %1").arg(m_reader.errorString());
    // Reading stopped here, so it is the last problem in the file; listed even when the others
    // fill the list, since nothing after it was checked.
    m_errors.append(e);
    m_errorPlaces.push_back(ErrorPlace { m_reader.errorOffset(), m_errorsFound++ });
}

// --- reading helpers -------------------------------------------------------------------------

// Reads an object whose known members are `names`: calls perMember(Member(i)) on the value of
// the member names[i], and skips the others.
template<typename Member, std::size_t N, typename F>
bool Parser::readObject(const std::array<std::string_view, N> &names, F &&perMember,
                        std::optional<Member> deferred)
{
    static_assert(N <= 32);
    if (m_reader.token() != Token::BeginObject) {
        typeError(tr("an object"));
        return false;
    }
    // A known member given twice is an error: a second "events" array or "evidence" list would
    // mix its entries with the first one's, and the indices kept for later checks would no
    // longer match. Unknown members are skipped however often they appear.
    std::uint32_t seen = 0;
    for (;;) {
        const Token token = m_reader.next();
        if (token == Token::EndObject)
            return true;
        if (token != Token::Key)
            return false;
        const auto known = std::find_if(names.begin(), names.end(), [&](std::string_view name) {
            return equalBytes(QByteArrayView(name.data(), qsizetype(name.size())), m_reader.text());
        });
        const qsizetype keyOffset = m_reader.tokenOffset();
        // Not a second one: a duplicate's value is skipped, and a skipped text is not checked.
        if (deferred && m_deferLongTexts && known != names.end() && Member(known - names.begin()) == *deferred
            && !(seen & (1u << (known - names.begin()))))
            m_reader.deferStringLongerThan(s_readAside);
        if (m_reader.next() == Token::Error) // to the member's value
            return false;
        if (known == names.end()) {
            m_reader.skipValue(); // unknown members are reserved for later versions
        } else {
            // The path names the member by its known name, which outlives the reader's text.
            const auto index = std::size_t(known - names.begin());
            m_path.push({ QByteArrayView(known->data(), qsizetype(known->size())), -1 });
            if (seen & (1u << index)) {
                error(keyOffset,
                      tr("duplicate member %1: a member may appear only once in an object")
                          .arg(PlainText::quoted(QByteArrayView(known->data(), qsizetype(known->size())))));
                m_reader.skipValue();
            } else {
                seen |= 1u << index;
                perMember(Member(index));
            }
            m_path.pop();
        }
        if (m_reader.hasError())
            return false;
    }
}

template<typename F> bool Parser::readArray(F &&perElement)
{
    if (m_reader.token() != Token::BeginArray) {
        typeError(tr("an array"));
        return false;
    }
    for (qsizetype i = 0;; ++i) {
        const Token token = m_reader.next();
        if (token == Token::EndArray)
            return true;
        if (token == Token::Error)
            return false;
        m_path.push({ {}, i });
        perElement(i);
        m_path.pop();
        if (m_reader.hasError())
            return false;
    }
}

bool Parser::readString(QByteArrayView *out, bool required)
{
    if (m_reader.token() != Token::String) {
        typeError(tr("a string"));
        return false;
    }
    if (m_reader.text().size() > TimelineLoader::maxStringBytes) {
        error(m_reader.tokenOffset(),
              tr("this text is %1 MiB long; the longest Sourceline reads is %2 MiB")
                  .arg(m_reader.text().size() >> 20)
                  .arg(TimelineLoader::maxStringBytes >> 20));
        return false;
    }
    if (required && m_reader.text().trimmed().isEmpty()) {
        error(m_reader.tokenOffset(), tr("must not be empty"));
        return false;
    }
    *out = m_reader.text();
    return true;
}

TextRef Parser::keep()
{
    const QByteArrayView text = m_reader.text();
    return m_reader.isRawString() ? Timeline::inFile(m_reader.textOffset(), text.size())
                                  : m_timeline->storeDecoded(text);
}

bool Parser::readText(TextRef *out, bool required)
{
    QByteArrayView text;
    if (!readString(&text, required))
        return false;
    *out = keep();
    return true;
}

bool Parser::readQString(QString *out, bool required)
{
    QByteArrayView text;
    if (!readString(&text, required))
        return false;
    *out = QString::fromUtf8(text);
    return true;
}

bool Parser::readWhen(QString *text, DateRange *range, TextRef *ref)
{
    QByteArrayView when;
    if (!readString(&when))
        return false;
    QString why;
    const auto parsed = DateRange::parse(when, &why);
    if (!parsed) {
        error(m_reader.tokenOffset(), why);
        return false;
    }
    if (range)
        *range = *parsed;
    if (text)
        *text = QString::fromUtf8(when);
    if (ref)
        *ref = keep();
    return true;
}

void Parser::missing(qsizetype objectOffset, std::initializer_list<std::pair<bool, const char *>> fields)
{
    for (const auto &[present, name] : fields) {
        if (!present)
            error(objectOffset, tr("missing \"%1\"").arg(QLatin1StringView(name)));
    }
}

bool Parser::readIdText(QByteArrayView *out)
{
    if (!readString(out))
        return false;
    if (out->isEmpty()) {
        error(m_reader.tokenOffset(), tr("must not be empty"));
        return false;
    }
    return true;
}

void Parser::readDeclaredId(IdTable &table, const char *duplicate, qsizetype index, QString *id)
{
    QByteArrayView text;
    if (!readIdText(&text))
        return;
    qint32 &declared = table.declared(table.intern(text, m_reader.isRawString()));
    if (declared >= 0) {
        error(m_reader.tokenOffset(), tr(duplicate).arg(PlainText::quoted(text), QString::number(declared)));
        return;
    }
    declared = qint32(index);
    *id = QString::fromUtf8(text);
}

bool Parser::readBatchedId(DocumentMember array, qsizetype index)
{
    QByteArrayView text;
    if (!readIdText(&text))
        return false;
    IdTable &table = idsOf(array);
    PendingIds &pending = declarationsOf(array);
    if (!m_reader.isRawString())
        text = table.keepCopy(text);
    pending.depth = m_path.parts().size() - 2; // ..., actors or sources, [index], id
    pending.ids.push_back(
        { text, table.hashOf(text), std::uint32_t(m_reader.tokenOffset()), std::uint32_t(index) });
    if (pending.ids.size() >= 64 && m_tailStart < 0)
        declareIds(array);
    return true;
}

void Parser::declareIds(DocumentMember array)
{
    IdTable &table = idsOf(array);
    PendingIds &waiting = declarationsOf(array);
    std::vector<PendingDeclaration> &ids = waiting.ids;
    constexpr std::size_t ahead = 16;
    for (std::size_t i = 0; i < std::min(ahead, ids.size()); ++i)
        table.prefetch(ids[i].hash);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i + ahead < ids.size())
            table.prefetch(ids[i + ahead].hash);
        const PendingDeclaration &pending = ids[i];
        // A table that grew since the prefetch is missed once per id: it grows seldom.
        qint32 &declared = table.declared(table.intern(pending.id, pending.hash, true));
        if (declared < 0) {
            declared = qint32(pending.index);
            continue;
        }
        const std::string_view id = s_actorMembers[std::size_t(ActorMember::Id)]; // a source's too
        std::array<PathPart, 8 + 2> parts;
        const std::span<const PathPart> prefix = m_path.parts().first(waiting.depth);
        PathPart *end = std::copy(prefix.begin(), prefix.end(), parts.begin());
        *end++ = { {}, qsizetype(pending.index) };
        *end++ = { QByteArrayView(id.data(), qsizetype(id.size())), -1 };
        const QString quoted = PlainText::quoted(pending.id), first = QString::number(declared);
        errorAt(pending.offset, pathString(std::span<const PathPart>(parts.begin(), end)), -1,
                array == DocumentMember::Actors
                    ? tr("duplicate actor id %1: actors[%2] has it too").arg(quoted, first)
                    : tr("duplicate source id %1: sources[%2] has it too").arg(quoted, first));
    }
    ids.clear();
}

qint32 Parser::reference(IdTable &table)
{
    const qint32 number = table.intern(m_reader.text(), m_reader.isRawString());
    if (IdTable::FirstUse *first = table.use(number)) {
        first->offset = m_reader.tokenOffset();
        first->path = pathString();
        first->event = m_currentEvent;
    }
    return number;
}

void Parser::referToActor()
{
    Timeline &t = *m_timeline;
    if (!m_reader.isRawString()) {
        takeReferences(DocumentMember::Actors); // those before it are first
        t.eventActors.push_back(reference(m_actorIds));
        return;
    }
    const std::span<const PathPart> path = m_path.parts(); // ..., events, [event], actors, [element]
    Q_ASSERT(path.size() >= 4);
    m_pendingReferencesDepth = path.size() - 3;
    m_pendingActors.push_back({ m_reader.text(), std::uint32_t(t.eventActors.size()),
                                std::uint32_t(m_reader.tokenOffset()), std::uint32_t(m_currentEvent),
                                std::uint32_t(path.back().index) });
    t.eventActors.push_back(-1);
}

void Parser::takeReferences(DocumentMember array)
{
    const bool actors = array == DocumentMember::Actors;
    IdTable &table = idsOf(array);
    std::vector<PendingReference> &pending = actors ? m_pendingActors : m_pendingSources;
    std::vector<std::size_t> &hashes = m_pendingHashes;
    hashes.clear();
    for (const PendingReference &reference : pending) {
        hashes.push_back(table.hashOf(reference.id));
        table.prefetch(hashes.back());
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const PendingReference &reference = pending[i];
        const qint32 number = table.intern(reference.id, hashes[i], true);
        if (actors)
            m_timeline->eventActors[reference.at] = number;
        else
            m_timeline->evidence[reference.at].source = number;
        if (IdTable::FirstUse *first = table.use(number)) {
            // As reference() would have: where it is, and its path.
            const std::string_view member =
                s_eventMembers[std::size_t(actors ? EventMember::Actors : EventMember::Evidence)];
            const std::string_view source = s_evidenceMembers[std::size_t(EvidenceMember::Source)];
            std::array<PathPart, 8 + 4> path;
            const std::span<const PathPart> prefix = m_path.parts().first(m_pendingReferencesDepth);
            auto end = std::copy(prefix.begin(), prefix.end(), path.begin());
            *end++ = { {}, qsizetype(reference.event) };
            *end++ = { QByteArrayView(member.data(), qsizetype(member.size())), -1 };
            *end++ = { {}, qsizetype(reference.element) };
            if (!actors)
                *end++ = { QByteArrayView(source.data(), qsizetype(source.size())), -1 };
            first->offset = reference.offset;
            first->path = pathString(std::span(path.begin(), end));
            first->event = reference.event;
        }
    }
    pending.clear();
}

// --- the document ----------------------------------------------------------------------------

TimelineLoader::Result Parser::run()
{
    readDocument();
    if (m_cancelled) {
        TimelineLoader::Result result;
        result.cancelled = true;
        return result;
    }
    if (m_reader.hasError()) {
        syntaxError();
    } else if (m_documentRead) {
        // Unknown ids and quotes that are not found are reported together with the other
        // problems, so that one run shows everything there is to fix.
        checkEventIds();
        resolveReferences();
        // Quotes are matched on a second thread while this one sorts the events. Neither
        // touches what the other writes; the sort is wasted if a quote is not found. A small
        // file's are matched here: starting a thread would cost more than the whole match.
        QuoteErrors quoteErrors;
        constexpr qsizetype quotesAside = 256 * 1024; // bytes of file
        std::thread quotes;
        if (m_timeline->fileBytes().size() >= quotesAside)
            quotes = std::thread([&] { quoteErrors = resolveQuotes(); });
        else
            quoteErrors = resolveQuotes();
        const bool sorting = m_errors.isEmpty() && m_unreported == 0;
        if (sorting) {
            sortEventsByDate();
            // The lane index reads the events' days, actors and kinds, none of which the
            // quotes touch: it is built here too, while they are matched.
            auto lanes = std::make_shared<LaneIndex>();
            lanes->build(*m_timeline, int(std::max(1u, std::thread::hardware_concurrency())));
            m_timeline->laneIndex = std::move(lanes);
        }
        if (quotes.joinable())
            quotes.join();
        for (const QuoteError &e : quoteErrors.errors)
            errorAt(e.offset, e.path, e.eventId, e.message);
        m_unreported += quoteErrors.unreported;
    }
    for (std::size_t s = 0; s < m_texts.size(); ++s)
        takeText(s); // of a file that stopped before its quotes were matched: still checked
    if (m_readAgain) {
        // A text read aside was not a valid string: everything is read again, here, so that
        // its problem is reported where it is, and nothing after it is.
        Parser again(m_timeline->fileBytes(), m_fileName, m_progress);
        again.m_deferLongTexts = false;
        // Texts decoded where they lay are read as they now are.
        std::vector<JsonReader::DeferredString> decoded;
        for (JsonReader::DeferredString string : m_reader.deferredStrings()) {
            const auto inPlace = std::find_if(m_decodedInPlace.begin(), m_decodedInPlace.end(),
                                              [&](const auto &text) { return text.first == string.from; });
            if (inPlace != m_decodedInPlace.end()) {
                string.decodedSize = inPlace->second;
                decoded.push_back(string);
            }
        }
        again.m_reader.setDeferredStrings(std::move(decoded));
        // Splits still running read this timeline's texts: they end before it goes.
        for (const std::future<Split> &split : m_splits) {
            if (split.valid())
                split.wait();
        }
        m_timeline.reset();
        return again.run();
    }
    // Checks that run after the read (ids, quotes) found their problems late, and a full list
    // keeps the first ones by replacing: list them all as a person reads the file, from the top.
    std::vector<qsizetype> order(m_errors.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return m_errorPlaces[std::size_t(a)] < m_errorPlaces[std::size_t(b)];
    });
    LoadErrors sorted;
    sorted.reserve(m_errors.size());
    for (const qsizetype i : order)
        sorted.append(std::move(m_errors[i]));
    m_errors = std::move(sorted);

    TimelineLoader::Result result;
    if (m_errors.isEmpty() && m_unreported == 0)
        result.timeline = std::move(m_timeline);
    result.errors = std::move(m_errors);
    result.unreportedErrors = m_unreported;
    return result;
}

void Parser::readDocument()
{
    if (m_reader.next() == Token::Error)
        return;
    if (m_reader.token() != Token::BeginObject) {
        error(m_reader.tokenOffset(),
              tr("the file must hold a JSON object with \"format\": \"sourceline\", but it holds %1")
                  .arg(describe(m_reader.token())));
        return;
    }
    const qsizetype topOffset = m_reader.tokenOffset();
    bool title = false, sources = false, actors = false, events = false, version = false;
    Timeline &t = *m_timeline;
    readObject<DocumentMember>(s_documentMembers, [&](DocumentMember member) {
        if (member == DocumentMember::Format) {
            m_formatSeen = true;
            QByteArrayView format;
            if (readString(&format)) {
                m_formatOk = format == "sourceline";
                if (!m_formatOk)
                    error(m_reader.tokenOffset(),
                          tr("this is not a Sourceline timeline: the format is %1, not \"sourceline\"")
                              .arg(PlainText::quoted(format)));
            }
        } else if (member == DocumentMember::Version) {
            version = true;
            if (m_reader.token() != Token::Number) {
                typeError(tr("the number 1"));
            } else if (m_reader.text() != "1") {
                error(m_reader.tokenOffset(),
                      tr("version %1 is not supported: this Sourceline reads version 1")
                          .arg(PlainText::quoted(m_reader.text(), 20)));
            } else {
                m_versionOk = true;
            }
        } else if (member == DocumentMember::Title) {
            title = true;
            readQString(&t.title);
        } else if (member == DocumentMember::Description) {
            readQString(&t.description);
        } else if (member == DocumentMember::Sources) {
            sources = true;
            readDeclaring(DocumentMember::Sources);
        } else if (member == DocumentMember::Actors) {
            actors = true;
            readDeclaring(DocumentMember::Actors);
        } else if (member == DocumentMember::Events) {
            events = true;
            readEvents();
        } else if (member == DocumentMember::Eras) {
            readArray([&](qsizetype i) { readEra(i); });
        } else if (member == DocumentMember::Kinds) {
            readArray([&](qsizetype) { readKind(); });
        }
    });
    if (m_reader.hasError())
        return;
    if (m_reader.next() == Token::Error)
        return;

    if (!m_formatSeen) {
        // Whatever else is wrong, the file is not ours: say only that.
        m_errors.clear();
        m_errorPlaces.clear();
        m_unreported = 0;
        error(topOffset, tr("this is not a Sourceline timeline: \"format\": \"sourceline\" is missing"));
        return;
    }
    if (!m_formatOk || (version && !m_versionOk)) {
        // Another format or version: the rest cannot be judged by version 1's rules.
        LoadErrors kept;
        std::vector<ErrorPlace> keptPlaces;
        for (qsizetype i = 0; i < m_errors.size(); ++i) {
            if (m_errors[i].path == u"format"_s || m_errors[i].path == u"version"_s) {
                kept.append(m_errors[i]);
                keptPlaces.push_back(m_errorPlaces[std::size_t(i)]);
            }
        }
        m_errors = kept;
        m_errorPlaces = std::move(keptPlaces);
        m_unreported = 0;
        return;
    }
    missing(topOffset,
            { { version, "version" },
              { title, "title" },
              { sources, "sources" },
              { actors, "actors" },
              { events, "events" } });
    m_documentRead = true;
}

template<std::size_t Count> void Parser::keepField(PackedFields<Count> &fields, std::size_t field)
{
    const QByteArrayView text = m_reader.text();
    if (m_reader.isRawString()) {
        fields.refs[field] = Timeline::inFile(m_reader.textOffset(), text.size());
    } else {
        fields.refs[field] = { std::uint32_t(fields.decoded.size()), std::uint32_t(text.size()) };
        fields.decodedMask |= 1u << field;
        fields.decoded.append(text);
    }
}

template<std::size_t Count>
template<typename Record>
void Parser::PackedFields<Count>::apply(Record &record, const QByteArray &file) const
{
    if (decodedMask == 0) {
        record.setFields(file, refs); // a share of the file's bytes, not a copy
        return;
    }
    // Those with escapes were decoded here; the others join them, so that one array holds all.
    QByteArray packed = decoded;
    std::array<TextRef, Count> moved = refs;
    for (std::size_t f = 0; f < refs.size(); ++f) {
        if (!(decodedMask & (1u << f))) {
            moved[f] = { std::uint32_t(packed.size()), refs[f].size };
            packed.append(QByteArrayView(file).sliced(refs[f].offset, refs[f].size));
        }
    }
    record.setFields(std::move(packed), moved);
}

void Parser::readSource(qsizetype index)
{
    const qsizetype offset = m_reader.tokenOffset();
    Source source;
    PackedFields<Source::FieldCount> fields;
    bool id = false, title = false, text = false;
    std::optional<TextBytes> deferred; // the text's string, found but not read
    const bool isObject = readObject<SourceMember>(
        s_sourceMembers,
        [&](SourceMember member) {
            if (member == SourceMember::Id) {
                id = true;
                if (readBatchedId(DocumentMember::Sources, index))
                    source.id = QString::fromUtf8(m_reader.text());
            } else if (member == SourceMember::Title) {
                title = true;
                if (QByteArrayView text; readString(&text, true))
                    keepField(fields, Source::Title);
            } else if (member == SourceMember::Text) {
                text = true;
                if (m_reader.isDeferredString()) { // a long text: read below
                    deferred = { m_reader.tokenOffset(), m_reader.endOffset() };
                    // Room to note it once decoded, kept now: nothing may fail after its bytes change.
                    m_decodedInPlace.reserve(m_reader.deferredStrings().size());
                    return;
                }
                // Kept as the file's UTF-8, and widened only when something shows it.
                QByteArrayView utf8;
                if (readString(&utf8))
                    source.setText(m_reader.isRawString()
                                       ? SourceText::fromUtf8(m_timeline->fileBytes(), m_reader.textOffset(),
                                                              utf8.size())
                                       : SourceText::fromUtf8(utf8.toByteArray(), 0, utf8.size()));
            } else if (member == SourceMember::Publisher) {
                if (QByteArrayView text; readString(&text))
                    keepField(fields, Source::Publisher);
            } else if (member == SourceMember::PublisherConfirmed) {
                readBool(&source.publisherConfirmed);
            } else if (member == SourceMember::Published) {
                if (readWhen(nullptr, nullptr))
                    keepField(fields, Source::Published);
            } else if (member == SourceMember::Url) {
                if (QByteArrayView text; readString(&text))
                    keepField(fields, Source::Url);
            }
        },
        SourceMember::Text);
    fields.apply(source, m_timeline->fileBytes());
    if (!isObject) {
        // A problem after a text put aside: the text, not read, may have come first.
        m_readAgain = m_readAgain || deferred.has_value();
        m_timeline->sources.append(Source()); // keeps indices equal to positions in the file
        m_sentenceBytes.emplace_back();
        return;
    }
    missing(offset, { { id, "id" }, { title, "title" }, { text, "text" } });
    constexpr std::size_t mostAside = 2; // threads beside the reading ones: later long sources
                                         // are read and split where they are read
    const auto aside =
        std::count_if(m_splits.begin(), m_splits.end(), [](const auto &f) { return f.valid(); });
    // Not over bytes a tail of the sources may be reading (a text it began in, by a wrong guess).
    char *const writable =
        deferred && m_sourcesTailStart >= 0 && deferred->to > m_sourcesTailStart ? nullptr : m_writable;
    if (deferred && std::size_t(aside) < mostAside) {
        // Read and split on a thread of its own while the file is read on: the text is taken
        // when its quotes are found, its sentences when they are placed.
        try {
            auto read = std::make_shared<std::promise<AsideText>>();
            std::future<AsideText> text = read->get_future();
            std::future<Split> split = std::async(
                std::launch::async, [file = m_timeline->fileBytes(), bytes = *deferred, read, writable] {
                    AsideText text;
                    try {
                        text = readLongText(file, bytes, writable);
                    } catch (...) { // out of memory: read again where it is taken, or fail there
                        text.failed = true;
                    }
                    read->set_value(text);
                    Split result;
                    result.failed = text.failed; // split where the text is read again
                    if (text.text.utf8().isNull())
                        return result;
                    try {
                        result.sentences = SentenceSplitter::split(text.text.utf8(), &result.bytes);
                    } catch (...) {
                        result.failed = true;
                    }
                    return result;
                });
            m_splits.resize(std::size_t(m_timeline->sources.size()));
            m_splits.push_back(std::move(split));
            m_texts.resize(std::size_t(m_timeline->sources.size()));
            m_texts.push_back({ std::move(text), *deferred });
            m_sentenceBytes.emplace_back();
            m_timeline->sources.append(std::move(source));
            return;
        } catch (const std::system_error &) { } // no thread to be had: read here
    }
    if (deferred)
        keepText(source, readLongText(m_timeline->fileBytes(), *deferred, writable), *deferred);
    // The text's bytes stay where they are as the source moves: the file's, or its own copy's.
    const QByteArrayView utf8 = source.storedText().utf8();
    std::future<Split> split;
    const bool tail = m_tailStart >= 0; // on a thread of its own already: splits here
    if (utf8.size() >= s_readAside && std::size_t(aside) < mostAside && !tail) {
        try {
            split = std::async(std::launch::async, [utf8] {
                Split result;
                try {
                    result.sentences = SentenceSplitter::split(utf8, &result.bytes);
                } catch (...) { // out of memory: split again where it is taken, or fail there
                    result.failed = true;
                }
                return result;
            });
        } catch (const std::system_error &) { } // no thread to be had: split here
    }
    if (split.valid()) {
        m_splits.resize(std::size_t(m_timeline->sources.size()));
        m_splits.push_back(std::move(split));
        m_sentenceBytes.emplace_back();
    } else {
        std::vector<Sentence> bytes; // stays empty for an ASCII text
        source.sentences = SentenceSplitter::split(utf8, &bytes);
        m_sentenceBytes.push_back(std::move(bytes));
    }
    m_timeline->sources.append(std::move(source));
}

Parser::AsideText Parser::readLongText(const QByteArray &file, TextBytes bytes, char *writable)
{
    JsonReader reader(QByteArrayView(file).sliced(bytes.from, bytes.to - bytes.from));
    // Over its bytes, a text is checked first and decoded after: one that is not a valid string
    // keeps them as they are, for the file to be read again.
    reader.setCounting(writable);
    if (!writable)
        reader.reserveDecodedText(bytes.to - bytes.from);
    if (reader.next() != Token::String)
        return {};
    const qsizetype size = writable ? reader.countedSize() : reader.text().size();
    if (size > TimelineLoader::maxStringBytes)
        return {};
    AsideText read;
    if (reader.isRawString()) {
        read.text = SourceText::fromUtf8(file, bytes.from + reader.textOffset(), size);
    } else if (writable) {
        // Made before the bytes change, so that nothing after can fail and leave them half done.
        read.text = SourceText::fromUtf8(file, bytes.from + 1, size);
        [[maybe_unused]] const qsizetype decoded =
            JsonReader::decodeInPlace(writable + bytes.from + 1, bytes.to - bytes.from - 2);
        Q_ASSERT(decoded == size);
        read.decodedInPlace = size;
    } else {
        read.text = SourceText::fromUtf8(reader.takeDecodedText(), 0, size);
    }
    return read;
}

void Parser::keepText(Source &source, const AsideText &read, TextBytes bytes)
{
    m_readAgain = m_readAgain || read.text.utf8().isNull();
    if (read.decodedInPlace >= 0)
        m_decodedInPlace.emplace_back(bytes.from, read.decodedInPlace);
    source.setText(read.text);
}

void Parser::takeText(std::size_t source)
{
    if (source >= m_texts.size() || !m_texts[source].text.valid())
        return;
    AsideText read = m_texts[source].text.get();
    if (read.failed)
        read = readLongText(m_timeline->fileBytes(), m_texts[source].bytes, m_writable);
    keepText(m_timeline->sources[qsizetype(source)], read, m_texts[source].bytes);
}

void Parser::takeSplit(std::size_t source)
{
    if (source >= m_splits.size() || !m_splits[source].valid())
        return;
    Split split = m_splits[source].get();
    Source &taken = m_timeline->sources[qsizetype(source)];
    if (split.failed)
        split.sentences = SentenceSplitter::split(taken.storedText().utf8(), &split.bytes);
    taken.sentences = std::move(split.sentences);
    m_sentenceBytes[source] = std::move(split.bytes);
}

void Parser::readBool(bool *out)
{
    if (m_reader.token() == Token::True || m_reader.token() == Token::False)
        *out = m_reader.token() == Token::True;
    else
        typeError(tr("true or false"));
}

void Parser::readColor(QColor *out)
{
    QByteArrayView color;
    if (!readString(&color))
        return;
    if (isHexColor(color))
        *out = QColor::fromString(color);
    else
        error(m_reader.tokenOffset(),
              tr("%1 is not a colour: write it as #rrggbb, e.g. \"#1f77b4\"").arg(PlainText::quoted(color)));
}

void Parser::readActor(qsizetype index)
{
    const qsizetype offset = m_reader.tokenOffset();
    // Made where it stays, and filled there: nothing else is added to the actors meanwhile.
    QList<Actor> &actors = m_timeline->actors;
    const qsizetype capacity = actors.capacity();
    Actor &actor = actors.emplaceBack();
    if (actors.capacity() != capacity) // grown: the room ahead is written next
        SystemMemory::preferHugePagesAhead(actors, std::size_t(actors.capacity()));
    PackedFields<Actor::FieldCount> fields;
    bool id = false, name = false, kind = false;
    const bool isObject = readObject<ActorMember>(s_actorMembers, [&](ActorMember member) {
        if (member == ActorMember::Id) {
            id = true;
            if (readBatchedId(DocumentMember::Actors, index))
                keepField(fields, Actor::Id);
        } else if (member == ActorMember::Name) {
            name = true;
            if (QByteArrayView text; readString(&text, true))
                keepField(fields, Actor::Name);
        } else if (member == ActorMember::Kind) {
            kind = true;
            if (QByteArrayView text; readString(&text, true))
                keepField(fields, Actor::Kind);
        } else if (member == ActorMember::Description) {
            if (QByteArrayView text; readString(&text))
                keepField(fields, Actor::Description);
        } else if (member == ActorMember::Aliases) {
            readArray([&](qsizetype) {
                QString alias;
                if (readQString(&alias))
                    actor.aliases.append(alias);
            });
        } else if (member == ActorMember::Color) {
            readColor(&actor.color);
        }
    });
    if (!isObject) {
        actor = Actor(); // still kept: keeps indices equal to positions in the file
        return;
    }
    fields.apply(actor, m_timeline->fileBytes());
    missing(offset, { { id, "id" }, { name, "name" }, { kind, "kind" } });
}

// The end of the element that ends first at or after `at`, where another element follows: past
// a '}' that is followed by ',' and '{'. Found from those bytes alone, so it may lie in a string
// that holds them; the reader that reaches the place checks it. -1 if none is before `limit`.
qsizetype elementEndAfter(QByteArrayView file, qsizetype at, qsizetype limit)
{
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    };
    const char *const end = file.data() + std::min(limit, file.size());
    for (const char *p = file.data() + at; p < end; ++p) {
        p = static_cast<const char *>(std::memchr(p, '}', std::size_t(end - p)));
        if (!p)
            break;
        const char *q = p + 1;
        while (q < end && isSpace(*q))
            ++q;
        if (q == end || *q != ',')
            continue;
        ++q;
        while (q < end && isSpace(*q))
            ++q;
        if (q < end && *q == '{')
            return p + 1 - file.data();
    }
    return -1;
}

// What tells an element of the sources or actors array from the other objects of the format: a
// member only it has, and none of two that others have and it has not.
struct ElementShape
{
    std::string_view has;
    std::array<std::string_view, 2> lacks;
};
// An actor has a name; events, sources and eras have a title or a date, actors neither.
constexpr ElementShape s_actorShape {
    s_actorMembers[std::size_t(ActorMember::Name)],
    { s_eventMembers[std::size_t(EventMember::Title)], s_eventMembers[std::size_t(EventMember::When)] },
};
// A source has a text; events and eras have a date, actors a name, sources neither.
constexpr ElementShape s_sourceShape {
    s_sourceMembers[std::size_t(SourceMember::Text)],
    { s_eventMembers[std::size_t(EventMember::When)], s_actorMembers[std::size_t(ActorMember::Name)] },
};

// Whether what follows offset `at`, an element's end in an array of sources or actors (with the
// reader's `containers` open there), reads as another of them: an object of that `shape`.
bool elementFollows(QByteArrayView file, qsizetype at, QByteArrayView containers, const ElementShape &shape)
{
    JsonReader reader(file, TimelineLoader::maxDepth);
    reader.resumeAfterValue(at, containers);
    if (reader.next() != Token::BeginObject)
        return false;
    const auto is = [&](std::string_view key) {
        return reader.text() == QByteArrayView(key.data(), qsizetype(key.size()));
    };
    bool has = false;
    for (int member = 0; member < 32; ++member) {
        const Token token = reader.next();
        if (token == Token::EndObject)
            return has;
        if (token != Token::Key || is(shape.lacks[0]) || is(shape.lacks[1]))
            return false;
        has = has || is(shape.has);
        reader.next();
        reader.skipValue();
    }
    return has;
}

// About where an array of sources or actors ends, from `from`, just past one of them: the last
// one's end found by halving what is left of the file (what follows an element's end in the
// middle of the bytes left is another of that `shape`, or not), to within closeToArrayEnd bytes.
// `from` if none seems to follow. An element's end is looked for only that far past the middle,
// so that a long text there is not searched through: where sources are longer, their end comes
// out short, and the array is read on one thread, or split short of its middle.
constexpr qsizetype closeToArrayEnd = qsizetype(64) << 10;
qsizetype arrayEnd(QByteArrayView file, qsizetype from, QByteArrayView containers, const ElementShape &shape)
{
    qsizetype known = from, beyond = file.size(); // an element's end known, a place past them
    while (beyond - known > closeToArrayEnd) {
        const qsizetype middle = known + (beyond - known) / 2;
        const qsizetype at = elementEndAfter(file, middle, std::min(beyond, middle + closeToArrayEnd));
        if (at >= 0 && elementFollows(file, at, containers, shape))
            known = at;
        else
            beyond = middle;
    }
    return known;
}

// Once a few sources or actors are read, where their array ends is looked for, so that they and
// their ids have room for as many as the rest holds at the density seen so far, and a long
// array is read on two threads, as the events are (readEvents()): a second thread reads from an
// element's end near the middle of the part left, while this one reads up to there and then
// takes what the other read. The tail's ids wait for this thread to declare them after its own,
// so that a duplicate is reported as one reader reports it; a long text in the tail is read and
// split where it is met, not put aside.
void Parser::readDeclaring(DocumentMember array)
{
    if (m_reader.token() != Token::BeginArray) {
        typeError(tr("an array"));
        return;
    }
    const bool actors = array == DocumentMember::Actors;
    const auto declare = qScopeGuard([this, array] {
        declareIds(array);
        m_sourcesTailStart = -1;
    });
    const auto readElement = [actors](Parser &parser, qsizetype i) {
        if (actors)
            parser.readActor(i);
        else
            parser.readSource(i);
    };
    constexpr qsizetype readAlone = 64; // elements read before the end is looked for
    constexpr qsizetype shortest = qsizetype(512) << 10; // ~6,000 actors: fewer are not worth a thread
    std::unique_ptr<Parser> tail;
    qsizetype tailStart = -1;
    // Declared after `tail`, so that leaving early stops and joins the thread before the tail goes.
    std::jthread tailThread;
    const QByteArrayView file = m_timeline->fileBytes();
    const qsizetype arrayStart = m_reader.tokenOffset();
    for (qsizetype i = 0;; ++i) {
        if (tail && m_reader.endOffset() >= tailStart) {
            const bool adopted = joinTail(tail, tailThread, tailStart,
                                          [&](Parser &read) { return adoptDeclaring(array, read, i); });
            m_sourcesTailStart = -1;
            if (adopted)
                return;
        } else if (i == readAlone) {
            const ElementShape &shape = actors ? s_actorShape : s_sourceShape;
            const qsizetype from = m_reader.endOffset();
            const qsizetype end = arrayEnd(file, from, m_reader.openContainers(), shape);
            // No actor or source is shorter than {"id":"a","name":"b","kind":"c"}: however short
            // the first are, the room asked for stays in proportion to the bytes left.
            const double perElement = std::max(double(from - arrayStart) / double(i), 32.0);
            const double left = double(end + closeToArrayEnd - from) / perElement;
            const auto expected = std::size_t(double(i) + 1.05 * left);
            if (end - from >= shortest && std::thread::hardware_concurrency() >= 2) {
                tailStart = elementEndAfter(file, from + (end - from) / 2, end + closeToArrayEnd);
                if (tailStart >= 0 && elementFollows(file, tailStart, m_reader.openContainers(), shape)) {
                    tail.reset(new Parser(*this, tailStart, array));
                    if (!actors)
                        m_sourcesTailStart = tailStart;
                    // The tail's room too: grown by doubling, a list of 50,000 actors was copied
                    // and faulted in again and again.
                    const auto theirs =
                        std::size_t(1.05 * double(end + closeToArrayEnd - tailStart) / perElement);
                    tailThread = std::jthread([tail = tail.get(), array, theirs,
                                               readElement](std::stop_token stop) {
                        if (array == DocumentMember::Actors) {
                            tail->m_timeline->actors.reserve(qsizetype(theirs));
                        } else {
                            tail->m_timeline->sources.reserve(qsizetype(theirs));
                            tail->m_sentenceBytes.reserve(theirs);
                        }
                        tail->readTailOf(array, stop, [&](qsizetype i) {
                            readElement(*tail, i);
                            return true;
                        });
                    });
                }
            }
            // Room here is made once the second parser is under way: the id table of 100,000
            // actors is 8 MB to write, which it need not wait for. The table's is the guess
            // without its margin: a table of a power of two slots doubled for the last
            // twentieth, and a tail of the events copies it whole.
            const auto ids = std::size_t(double(i) + left);
            if (actors) {
                m_timeline->actors.reserve(qsizetype(expected));
                SystemMemory::preferHugePagesAhead(m_timeline->actors,
                                                   std::size_t(m_timeline->actors.capacity()));
                m_actorIds.reserve(std::size_t(m_actorIds.size()) + ids);
            } else {
                m_timeline->sources.reserve(qsizetype(expected));
                m_sentenceBytes.reserve(expected);
                m_sourceIds.reserve(std::size_t(m_sourceIds.size()) + ids);
            }
        }
        const Token token = m_reader.next();
        if (token == Token::EndArray || token == Token::Error)
            return;
        m_path.push({ {}, i });
        readElement(*this, i);
        m_path.pop();
        if (m_reader.hasError())
            return;
    }
}

bool Parser::adoptDeclaring(DocumentMember array, Parser &tail, qsizetype base)
{
    if (tail.m_reader.token() != Token::EndArray || tail.m_errorsFound > 0)
        return false;
    const bool actors = array == DocumentMember::Actors;
    declareIds(array); // this part's, which come first
    // The tail's elements are moved over on a thread of their own while their ids are declared
    // here, into room made first: for 50,000 actors each took 2 ms. Nothing else touches them.
    Timeline &from = *tail.m_timeline;
    const auto moveOver = [this, actors, &from, &tail] {
        if (actors) {
            m_timeline->actors.append(std::move(from.actors));
        } else {
            m_timeline->sources.append(std::move(from.sources));
            m_sentenceBytes.insert(m_sentenceBytes.end(),
                                   std::make_move_iterator(tail.m_sentenceBytes.begin()),
                                   std::make_move_iterator(tail.m_sentenceBytes.end()));
        }
    };
    if (actors) {
        QList<Actor> &list = m_timeline->actors;
        list.reserve(list.size() + from.actors.size());
        SystemMemory::preferHugePagesAhead(list, std::size_t(list.capacity()));
    } else {
        m_timeline->sources.reserve(m_timeline->sources.size() + from.sources.size());
        m_sentenceBytes.reserve(m_sentenceBytes.size() + tail.m_sentenceBytes.size());
    }
    idsOf(array).takeCopies(tail.idsOf(array)); // of escaped ids, which the declarations name
    std::jthread mover; // joined on leaving, however that is
    try {
        mover = std::jthread(moveOver);
    } catch (const std::system_error &) { // no thread to be had: moved here
        moveOver();
    }
    PendingIds &pending = declarationsOf(array);
    pending.ids.swap(tail.declarationsOf(array).ids);
    pending.depth = m_path.parts().size(); // ..., actors or sources
    for (PendingDeclaration &id : pending.ids)
        id.index += std::uint32_t(base);
    declareIds(array);
    m_reader.continueFrom(tail.m_reader);
    return true;
}

void Parser::readEra(qsizetype index)
{
    const qsizetype offset = m_reader.tokenOffset();
    Era era;
    bool id = false, title = false, when = false;
    const bool isObject = readObject<EraMember>(s_eraMembers, [&](EraMember member) {
        if (member == EraMember::Id) {
            id = true;
            readDeclaredId(m_eraIds,
                           QT_TRANSLATE_NOOP("TimelineLoader", "duplicate era id %1: eras[%2] has it too"),
                           index, &era.id);
        } else if (member == EraMember::Title) {
            title = true;
            readQString(&era.title, true);
        } else if (member == EraMember::When) {
            when = true;
            readWhen(&era.when, &era.range);
        }
    });
    if (!isObject)
        return;
    missing(offset, { { id, "id" }, { title, "title" }, { when, "when" } });
    m_timeline->eras.append(std::move(era));
}

void Parser::readKind()
{
    const qsizetype offset = m_reader.tokenOffset();
    KindStyle style;
    bool id = false;
    const bool isObject = readObject<KindMember>(s_kindMembers, [&](KindMember member) {
        if (member == KindMember::Id) {
            id = true;
            const qsizetype at = m_reader.tokenOffset();
            if (readQString(&style.id, true)) {
                const auto &styles = m_timeline->kindStyles;
                if (std::any_of(styles.begin(), styles.end(),
                                [&](const KindStyle &k) { return k.id == style.id; }))
                    error(at, tr("kind %1 is listed twice").arg(PlainText::quoted(style.id)));
            }
        } else if (member == KindMember::Label) {
            readQString(&style.label, true);
        } else if (member == KindMember::Color) {
            readColor(&style.color);
        }
    });
    if (!isObject)
        return;
    missing(offset, { { id, "id" } });
    m_timeline->kindStyles.append(std::move(style));
}

// Where a second thread may start reading the rest of an array of events whose elements
// begin after `from`: just past the '}' of an element near the middle of the bytes left,
// found by looking for "},{" (whitespace allowed between) without reading the JSON; -1 when
// what is left is too short to share. It is a guess, which may even lie inside a string: the
// tail read from there is kept only if the first thread, reading on, finishes an element there.
qsizetype splitPoint(QByteArrayView file, qsizetype from)
{
    constexpr qsizetype shortest = qsizetype(1) << 20; // ~7,000 events: a thread costs far less
    constexpr qsizetype searched = qsizetype(1) << 20;
    if (file.size() - from < shortest || std::thread::hardware_concurrency() < 2)
        return -1;
    const qsizetype middle = from + (file.size() - from) / 2;
    return elementEndAfter(file, middle, middle + searched);
}

// Gives the memory of the whole pages in [begin, end) back to the system, on Linux, where their
// contents are no longer needed but the block they are part of is not freed yet: a tail's
// events are copied over part after part, and each part's pages go back before the next is
// written, so that the events are not held twice at the end.
void releasePages([[maybe_unused]] const void *begin, [[maybe_unused]] const void *end)
{
#if defined(Q_OS_LINUX)
    static const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const std::uintptr_t first = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) & ~(page - 1);
    const std::uintptr_t last = reinterpret_cast<std::uintptr_t>(end) & ~(page - 1);
    if (page > 0 && first < last)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED);
#endif
}

// Appends `from` to `to`, changed by `change`, and empties `from`, giving its pages back as it goes.
template<typename T, typename F> void moveOver(std::vector<T> &from, std::vector<T> &to, F &&change)
{
    constexpr std::size_t part = (std::size_t(1) << 20) / sizeof(T);
    to.reserve(to.size() + from.size());
    for (std::size_t begin = 0; begin < from.size(); begin += part) {
        const std::size_t end = std::min(from.size(), begin + part);
        for (std::size_t i = begin; i < end; ++i)
            to.push_back(change(from[i]));
        releasePages(from.data() + begin, from.data() + end);
    }
    from = {};
}

// "events[i]…" written by a tail, which counts i from where it started, as counted from the
// array's start.
QString rebasedPath(const QString &path, qsizetype base)
{
    const qsizetype open = path.indexOf(u'[');
    const qsizetype close = path.indexOf(u']');
    bool ok = false;
    const qsizetype index =
        open >= 0 && close > open ? QStringView(path).sliced(open + 1, close - open - 1).toLongLong(&ok) : 0;
    return ok ? path.first(open + 1) + QString::number(index + base) + path.sliced(close) : path;
}

void Parser::readEvents()
{
    if (m_reader.token() != Token::BeginArray) {
        typeError(tr("an array"));
        return;
    }
    const qsizetype eventsOffset = m_reader.tokenOffset();
    const auto takeWaiting = qScopeGuard([this] { takeReferences(); });
    // A long array is read on two threads: a tail parser reads from an element's end near the
    // middle of the bytes left, while this one reads up to there and then takes what the tail
    // read. Strings stay slices of the one file's bytes either way; only the tail's numbering of
    // ids and its indices into the flat arrays change as they are taken over.
    // The tail starts from this reader's ids as a snapshot, which shares their hash tables
    // while both read: they are this reader's alone again once the tail is gone (declared
    // before it, so that this runs after).
    const auto ownIds = qScopeGuard([this] {
        m_actorIds.unshare();
        m_sourceIds.unshare();
    });
    std::unique_ptr<Parser> tail;
    const qsizetype tailStart = splitPoint(m_timeline->fileBytes(), m_reader.endOffset());
    if (tailStart >= 0)
        tail.reset(new Parser(*this, tailStart, DocumentMember::Events));
    // Declared after `tail`, so that leaving early stops and joins the thread before the tail goes.
    std::jthread tailThread;
    if (tail)
        tailThread = std::jthread([tail = tail.get()](std::stop_token stop) { tail->readTail(stop); });

    for (qsizetype i = 0;; ++i) {
        if (tail && m_reader.endOffset() >= tailStart) {
            const bool adopted = joinTail(tail, tailThread, tailStart, [&](Parser &read) {
                takeReferences(); // before the tail's, which come after them
                return adoptTail(read, i);
            });
            if (adopted) {
                // Told so far only of this half: the tail's is read too.
                reportProgress(m_reader.endOffset());
                return;
            }
        }
        const Token token = m_reader.next();
        if (token == Token::EndArray || token == Token::Error)
            return;
        if (i % 4096 == 0 && !reportProgress(m_reader.tokenOffset()))
            return;
        m_path.push({ {}, i });
        if (i == 4096)
            reserveForEvents(i, m_reader.tokenOffset() - eventsOffset);
        if (i < TimelineLoader::maxEvents) {
            readEvent(i);
        } else {
            if (i == TimelineLoader::maxEvents)
                error(m_reader.tokenOffset(),
                      tr("more than %1 events: Sourceline reads at most %1")
                          .arg(QLocale(QLocale::English).toString(TimelineLoader::maxEvents)));
            m_reader.skipValue();
        }
        m_path.pop();
        if (m_reader.hasError())
            return;
    }
}

template<typename F>
bool Parser::joinTail(std::unique_ptr<Parser> &tail, std::jthread &thread, qsizetype start, F &&adopt)
{
    // Here exactly, the tail began where an element ends, as this reader would have read on;
    // past it, the guess was wrong and this thread reads on alone.
    const bool atTail = m_reader.endOffset() == start;
    if (!atTail)
        thread.request_stop();
    thread.join();
    const bool adopted = atTail && adopt(*tail);
    tail.reset();
    return adopted;
}

void Parser::readTail(std::stop_token stop)
{
    const auto takeWaiting = qScopeGuard([this] { takeReferences(); });
    readTailOf(DocumentMember::Events, stop, [&](qsizetype i) {
        if (i >= TimelineLoader::maxEvents)
            return false;
        if (i == 4096)
            reserveForEvents(i, m_reader.tokenOffset() - m_tailStart);
        readEvent(i);
        return true;
    });
}

template<typename F> void Parser::readTailOf(DocumentMember array, std::stop_token stop, F &&perElement)
{
    const std::string_view name = s_documentMembers[std::size_t(array)];
    m_path.push({ QByteArrayView(name.data(), qsizetype(name.size())), -1 });
    for (qsizetype i = 0;; ++i) {
        const Token token = m_reader.next();
        if (token == Token::EndArray || token == Token::Error)
            return;
        if (stop.stop_requested()) {
            m_reader.stop(tr("cancelled"));
            return;
        }
        m_path.push({ {}, i });
        const bool read = perElement(i);
        m_path.pop();
        if (!read) {
            m_reader.stop(tr("cancelled"));
            return;
        }
        if (m_reader.hasError() || m_errorsFound > 0)
            return;
    }
}

bool Parser::adoptTail(Parser &tail, qsizetype base)
{
    Timeline &t = *m_timeline;
    Timeline &u = *tail.m_timeline;
    if (tail.m_reader.token() != Token::EndArray || tail.m_errorsFound > 0
        || base + qsizetype(u.events.size()) > TimelineLoader::maxEvents)
        return false;

    // The tail has stopped reading, and looks up no more ids: the hash tables it shared are
    // this parser's alone again, to add the tail's new ids to without a copy.
    for (IdTable *ids : { &tail.m_actorIds, &tail.m_sourceIds })
        ids->dropHashTable();
    m_actorIds.unshare();
    m_sourceIds.unshare();

    // The tail numbered ids as it met them; they get this parser's numbers, and the first use
    // of an id not declared so far is this parser's if it had one.
    const QByteArrayView file = t.fileBytes();
    const auto inFile = [&](QByteArrayView name) {
        return name.data() >= file.data() && name.data() < file.data() + file.size();
    };
    const auto renumbered = [&](IdTable &mine, IdTable &theirs) {
        // Those of the snapshot the tail began with keep their numbers; the others are looked
        // up, hashed first so that each look-up can ask a few ahead for their slots.
        std::vector<qint32> number(std::size_t(theirs.size()));
        const qint32 known = qint32(theirs.fromSnapshot());
        std::vector<std::size_t> hashes(std::size_t(theirs.size()));
        for (qint32 n = known; n < theirs.size(); ++n)
            hashes[std::size_t(n)] = mine.hashOf(theirs.name(n));
        constexpr qint32 ahead = 8;
        for (qint32 n = 0; n < theirs.size(); ++n) {
            if (n >= known && n + ahead < theirs.size())
                mine.prefetch(hashes[std::size_t(n + ahead)]);
            const QByteArrayView name = theirs.name(n);
            number[std::size_t(n)] = n < known ? n : mine.intern(name, hashes[std::size_t(n)], inFile(name));
            const qint32 ours = number[std::size_t(n)];
            std::uint32_t &uses = mine.uses(ours);
            const IdTable::FirstUse *their = theirs.firstUse(n);
            if (uses == 0 && their && mine.declared(ours) < 0) {
                IdTable::FirstUse &first = mine.keepFirstUse(ours);
                first.offset = their->offset;
                first.path = rebasedPath(their->path, base);
                first.event = their->event + base;
            }
            uses += theirs.uses(n);
        }
        return number;
    };
    const std::vector<qint32> actors = renumbered(m_actorIds, tail.m_actorIds);
    const std::vector<qint32> sources = renumbered(m_sourceIds, tail.m_sourceIds);
    std::vector<qint32> kinds(std::size_t(tail.m_kindIds.size()));
    for (qint32 n = 0; n < tail.m_kindIds.size(); ++n) {
        const QByteArrayView name = tail.m_kindIds.name(n);
        kinds[std::size_t(n)] = m_kindIds.intern(name, inFile(name));
        if (kinds[std::size_t(n)] == t.kinds.size())
            t.kinds.append(u.kinds.at(n));
    }

    const std::uint32_t shift = t.appendDecoded(u);
    const auto moved = [&](TextRef ref) {
        return Timeline::moved(ref, shift);
    };
    // Empty spans, which point nowhere, stay as they are.
    const auto shifted = [](Span span, std::size_t by) {
        if (span.count > 0)
            span.begin += std::uint32_t(by);
        return span;
    };
    const std::size_t actorBase = t.eventActors.size();
    const std::size_t evidenceBase = t.evidence.size();
    const std::size_t referenceBase = t.references.size();
    moveOver(u.eventActors, t.eventActors, [&](std::int32_t actor) { return actors[std::size_t(actor)]; });
    moveOver(u.evidence, t.evidence, [&](Evidence evidence) {
        if (evidence.source >= 0)
            evidence.source = sources[std::size_t(evidence.source)];
        evidence.quote = moved(evidence.quote);
        return evidence;
    });
    moveOver(u.references, t.references, [&](Reference reference) {
        reference.title = moved(reference.title);
        reference.publisher = moved(reference.publisher);
        reference.url = moved(reference.url);
        reference.date = moved(reference.date);
        return reference;
    });
    moveOver(u.events.flat(), t.events.flat(), [&](Event event) {
        event.id = moved(event.id);
        event.title = moved(event.title);
        event.when = moved(event.when);
        event.dateText = moved(event.dateText);
        event.summary = moved(event.summary);
        if (event.kind >= 0)
            event.kind = kinds[std::size_t(event.kind)];
        event.actors = shifted(event.actors, actorBase);
        event.evidence = shifted(event.evidence, evidenceBase);
        event.references = shifted(event.references, referenceBase);
        return event;
    });
    moveOver(tail.m_quotes, m_quotes, [&](PendingQuote quote) {
        quote.event += std::uint32_t(base);
        quote.evidence += std::uint32_t(evidenceBase);
        quote.eventId = moved(quote.eventId);
        return quote;
    });
    moveOver(tail.m_eventIdOffsets, m_eventIdOffsets, [](std::uint32_t offset) { return offset; });
    // The low 32 bits of these are the event's index.
    moveOver(tail.m_eventIdHashes, m_eventIdHashes, [&](std::uint64_t hash) { return hash + std::uint64_t(base); });
    m_reader.continueFrom(tail.m_reader);
    return true;
}

void Parser::readEvent(qsizetype index)
{
    Timeline &t = *m_timeline;
    const qsizetype offset = m_reader.tokenOffset();
    const qsizetype firstError = m_errorsFound;
    m_currentEvent = index;
    const std::size_t firstQuote = m_quotes.size();
    Event event;
    bool id = false, title = false, when = false, actors = false;
    qsizetype idOffset = -1;
    const bool isObject = readObject<EventMember>(s_eventMembers, [&](EventMember member) {
        if (member == EventMember::Id) {
            id = true;
            if (!readText(&event.id, true))
                return;
            idOffset = m_reader.tokenOffset();
        } else if (member == EventMember::Title) {
            title = true;
            readText(&event.title, true);
        } else if (member == EventMember::When) {
            when = true;
            readWhen(nullptr, &event.range, &event.when);
        } else if (member == EventMember::Actors) {
            actors = true;
            event.actors.begin = std::uint32_t(t.eventActors.size());
            readArray([&](qsizetype) {
                QByteArrayView actorId;
                if (readString(&actorId))
                    referToActor();
            });
            event.actors.count = std::uint32_t(t.eventActors.size() - event.actors.begin);
        } else if (member == EventMember::DateText) {
            readText(&event.dateText);
        } else if (member == EventMember::Summary) {
            readText(&event.summary);
        } else if (member == EventMember::Kind) {
            QByteArrayView kind;
            if (readString(&kind) && !kind.isEmpty()) {
                event.kind = m_kindIds.intern(kind, m_reader.isRawString());
                if (event.kind == t.kinds.size())
                    t.kinds.append(QString::fromUtf8(kind));
            }
        } else if (member == EventMember::Evidence) {
            event.evidence.begin = std::uint32_t(t.evidence.size());
            readArray([&](qsizetype) { readEvidence(event, index); });
            event.evidence.count = std::uint32_t(t.evidence.size() - event.evidence.begin);
        } else if (member == EventMember::References) {
            event.references.begin = std::uint32_t(t.references.size());
            readArray([&](qsizetype) { readReference(); });
            event.references.count = std::uint32_t(t.references.size() - event.references.begin);
        } else if (member == EventMember::Draft) {
            readBool(&event.draft);
        }
    });
    m_currentEvent = -1;
    if (!isObject) {
        t.events.push_back(Event()); // keeps indices equal to positions in the file
        m_eventIdOffsets.push_back(noIdOffset);
        return;
    }
    missing(offset, { { id, "id" }, { title, "title" }, { when, "when" }, { actors, "actors" } });
    if (id && !event.id.isEmpty() && m_lastKept >= firstError) {
        const QString eventId = t.text(event.id);
        for (std::size_t i = 0; i < m_errorPlaces.size(); ++i) {
            if (m_errorPlaces[i].sequence >= firstError)
                m_errors[qsizetype(i)].eventId = eventId;
        }
    }
    for (std::size_t i = firstQuote; i < m_quotes.size(); ++i)
        m_quotes[i].eventId = event.id;
    t.events.push_back(event);
    if (m_pendingActors.size() >= 64)
        takeReferences(DocumentMember::Actors);
    if (m_pendingSources.size() >= 64)
        takeReferences(DocumentMember::Sources);
    m_eventIdOffsets.push_back(event.id.isEmpty() ? noIdOffset : std::uint32_t(idOffset));
    if (!event.id.isEmpty()) // hashed now, while its bytes are in the cache
        m_eventIdHashes.push_back((m_idHash(t.utf8(event.id)) >> 32 << 32) | std::uint64_t(index));
}

bool Parser::reportProgress(qsizetype done)
{
    if (!m_progress || m_cancelled)
        return !m_cancelled;
    if (!m_progress(done, m_timeline->fileBytes().size())) {
        m_cancelled = true;
        m_reader.stop(tr("cancelled"));
    }
    return !m_cancelled;
}

void Parser::reserveForEvents(qsizetype eventsRead, qsizetype bytesRead)
{
    // Room for as many more events as the rest of the file holds at the density seen so far,
    // and a little over: growing a vector of a million events by doubling copies it again
    // and again, and holds it twice while it does. Nothing changes if the guess is wrong.
    Timeline &t = *m_timeline;
    const double perByte = double(eventsRead) / double(std::max<qsizetype>(bytesRead, 1));
    const auto rest = double(t.fileBytes().size() - m_reader.tokenOffset());
    const auto expected =
        std::size_t(std::min(double(TimelineLoader::maxEvents), eventsRead + 1.05 * perByte * rest));
    const auto scaled = [&](std::size_t soFar) {
        return std::size_t(double(soFar) / double(eventsRead) * double(expected));
    };
    t.events.reserve(expected);
    m_eventIdOffsets.reserve(expected);
    m_eventIdHashes.reserve(expected);
    t.eventActors.reserve(scaled(t.eventActors.size()));
    t.evidence.reserve(scaled(t.evidence.size()));
    t.references.reserve(scaled(t.references.size()));
    m_quotes.reserve(scaled(m_quotes.size()));
    // Written from here on, in order: the room ahead, in huge pages where the system allows,
    // up to where the guess without its margin ends. A huge page is taken whole at its first
    // write, and the margin, mostly never written, would have taken a last one for nothing.
    const double likely = (eventsRead + perByte * rest) / double(expected);
    const auto ahead = [&](auto &v) {
        SystemMemory::preferHugePagesAhead(v, std::size_t(double(v.capacity()) * likely));
    };
    ahead(t.events.flat());
    ahead(m_eventIdOffsets);
    ahead(m_eventIdHashes);
    ahead(t.eventActors);
    ahead(t.evidence);
    ahead(t.references);
    ahead(m_quotes);
}

void Parser::sortEventsByDate()
{
    std::vector<Event> &events = m_timeline->events.flat(); // fresh from the file: flat
    const std::size_t count = events.size();
    if (count < 2)
        return;
    Day minFirst = events[0].range.first, maxFirst = minFirst;
    Day minLast = events[0].range.last, maxLast = minLast;
    bool inOrder = true;
    for (std::size_t i = 1; i < count; ++i) {
        const DateRange &range = events[i].range;
        const DateRange &before = events[i - 1].range;
        inOrder =
            inOrder && (before.first != range.first ? before.first < range.first : before.last <= range.last);
        minFirst = std::min(minFirst, range.first);
        maxFirst = std::max(maxFirst, range.first);
        minLast = std::min(minLast, range.last);
        maxLast = std::max(maxLast, range.last);
    }
    if (inOrder)
        return;

    // Events are ordered by first day, then last day, then file index: by the number
    // (first - minFirst) * lastDays + (last - minLast), whose largest value is `largest`.
    const auto lastDays = std::uint64_t(maxLast - minLast) + 1;
    const UInt128 largest = UInt128(std::uint64_t(maxFirst - minFirst)) * lastDays + lastDays - 1;
    const int dateBits = bitWidth(largest);
    const int indexBits = std::bit_width(count - 1);
    const auto sortBy = [&]<typename Date>(Date) {
        std::vector<EventKey<Date>> keys(count);
        for (std::size_t i = 0; i < count; ++i) {
            const DateRange &range = events[i].range;
            keys[i] = { Date(std::uint64_t(range.first - minFirst)) * lastDays + std::uint64_t(range.last - minLast),
                        std::uint32_t(i) };
        }
        sortByKeyOnTwoThreads<EventKey<Date>>(events, keys, indexBits, dateBits + indexBits);
    };
    if (dateBits + indexBits <= 64) {
        std::vector<PackedEventKey> keys(count);
        for (std::size_t i = 0; i < count; ++i) {
            const DateRange &range = events[i].range;
            const std::uint64_t date =
                std::uint64_t(range.first - minFirst) * lastDays + std::uint64_t(range.last - minLast);
            keys[i] = { date << indexBits | i };
        }
        sortByKeyOnTwoThreads<PackedEventKey>(events, keys, indexBits, dateBits + indexBits);
    } else if (dateBits <= 64) { // the file index has bits of its own
        sortBy(std::uint64_t());
    } else {
        sortBy(UInt128());
    }
}

void Parser::checkEventIds()
{
    // Events are many and nothing refers to them by id, so rather than a hash table of every id
    // (which cost a fifth of the load and ~100 bytes an event), sort the ids' hashes and compare
    // only the ids whose hashes are equal. The hashes were taken as the events were read.
    const Timeline &t = *m_timeline;
    std::vector<std::uint64_t> hashes = std::move(m_eventIdHashes);
    // By hash, and events of equal hashes in file order: the index is the low 32 bits.
    sortInPlace(hashes);
    const auto eventOf = [](std::uint64_t entry) {
        return std::uint32_t(entry);
    };
    const auto idOf = [&](std::uint64_t entry) {
        return t.utf8(t.events[eventOf(entry)].id);
    };

    std::vector<std::pair<std::uint32_t, std::uint32_t>> duplicates; // (event, the first with its id)
    for (std::size_t run = 0; run < hashes.size();) {
        std::size_t end = run + 1;
        while (end < hashes.size() && hashes[end] >> 32 == hashes[run] >> 32)
            ++end;
        for (std::size_t i = run + 1; i < end; ++i) {
            const QByteArrayView id = idOf(hashes[i]);
            for (std::size_t j = run; j < i; ++j) {
                if (idOf(hashes[j]) == id) {
                    duplicates.emplace_back(eventOf(hashes[i]), eventOf(hashes[j]));
                    break;
                }
            }
        }
        run = end;
    }
    std::sort(duplicates.begin(), duplicates.end()); // in file order, as the other errors are
    for (const auto &[event, first] : duplicates) {
        errorAt(m_eventIdOffsets[event] == noIdOffset ? -1 : qsizetype(m_eventIdOffsets[event]),
                u"events[%1].id"_s.arg(event), event,
                tr("duplicate event id %1: events[%2] has it too")
                    .arg(PlainText::quoted(t.utf8(t.events[event].id)), QString::number(first)));
    }
    m_eventIdOffsets = {};
}

void Parser::readEvidence(Event &event, qsizetype eventIndex)
{
    const qsizetype offset = m_reader.tokenOffset();
    Evidence evidence;
    bool source = false, quote = false;
    qsizetype quoteOffset = -1;
    std::optional<PendingReference> pendingSource; // a plain id, looked up with others (referToActor())
    const bool isObject = readObject<EvidenceMember>(s_evidenceMembers, [&](EvidenceMember member) {
        if (member == EvidenceMember::Source) {
            QByteArrayView sourceId;
            if (!(source = readString(&sourceId)))
                return;
            if (!m_reader.isRawString()) {
                takeReferences(DocumentMember::Sources); // those before it are first
                evidence.source = reference(m_sourceIds);
                return;
            }
            // ..., events, [event], evidence, [item], source
            const std::span<const PathPart> path = m_path.parts();
            Q_ASSERT(path.size() >= 5);
            m_pendingReferencesDepth = path.size() - 4;
            pendingSource = { sourceId, std::uint32_t(m_timeline->evidence.size()),
                              std::uint32_t(m_reader.tokenOffset()), std::uint32_t(eventIndex),
                              std::uint32_t(path[path.size() - 2].index) };
        } else if (member == EvidenceMember::Quote) {
            quote = true;
            if (readText(&evidence.quote, true))
                quoteOffset = m_reader.tokenOffset();
        }
    });
    if (!isObject)
        return;
    missing(offset, { { source, "source" }, { quote, "quote" } });
    if (pendingSource)
        m_pendingSources.push_back(*pendingSource);
    if (quoteOffset >= 0 && (evidence.source >= 0 || pendingSource))
        m_quotes.push_back({ std::uint32_t(eventIndex),
                             std::uint32_t(m_timeline->evidence.size() - event.evidence.begin),
                             std::uint32_t(quoteOffset),
                             std::uint32_t(m_timeline->evidence.size()),
                             {} });
    m_timeline->evidence.push_back(evidence);
}

void Parser::readReference()
{
    const qsizetype offset = m_reader.tokenOffset();
    Reference reference;
    bool title = false;
    const bool isObject = readObject<ReferenceMember>(s_referenceMembers, [&](ReferenceMember member) {
        if (member == ReferenceMember::Title) {
            title = true;
            readText(&reference.title, true);
        } else if (member == ReferenceMember::Publisher) {
            readText(&reference.publisher);
        } else if (member == ReferenceMember::Url) {
            readText(&reference.url);
        } else if (member == ReferenceMember::Date) {
            readWhen(nullptr, nullptr, &reference.date);
        }
    });
    if (!isObject)
        return;
    missing(offset, { { title, "title" } });
    m_timeline->references.push_back(reference);
}

// --- after the read --------------------------------------------------------------------------

QString Parser::eventIdAt(qsizetype fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= qsizetype(m_timeline->events.size()))
        return {};
    return m_timeline->text(m_timeline->events[fileIndex].id);
}

void Parser::resolveReferences()
{
    // Ids were numbered as met; now map each number to the index of what declares it.
    // `unknown` and `unknownMany` are messages for an id that nothing declares, used once or
    // %n times.
    const auto resolve = [&](IdTable &table, const char *unknown, const char *unknownMany) {
        std::vector<qint32> target = table.declarations();
        for (qint32 i = 0; i < table.size(); ++i) {
            if (target[std::size_t(i)] < 0) {
                const std::uint32_t uses = table.uses(i);
                const QString message = uses > 1
                    ? tr(unknownMany, nullptr,
                         int(std::min<qsizetype>(uses, std::numeric_limits<int>::max())))
                          .arg(PlainText::quoted(table.name(i)))
                    : tr(unknown).arg(PlainText::quoted(table.name(i)));
                // Used, as an id no element declares is: its first use was kept.
                const IdTable::FirstUse *first = table.firstUse(i);
                Q_ASSERT(first);
                errorAt(first ? first->offset : -1, first ? first->path : QString(),
                        first ? first->event : -1, message);
            }
        }
        return target;
    };
    const std::vector<qint32> actors =
        resolve(m_actorIds, QT_TRANSLATE_NOOP("TimelineLoader", "unknown actor %1"),
                QT_TRANSLATE_N_NOOP("TimelineLoader", "unknown actor %1 (used %n times; this is the first)"));
    for (std::int32_t &actor : m_timeline->eventActors)
        actor = actors[actor];
    const std::vector<qint32> sources =
        resolve(m_sourceIds, QT_TRANSLATE_NOOP("TimelineLoader", "unknown source %1"),
                QT_TRANSLATE_N_NOOP("TimelineLoader", "unknown source %1 (used %n times; this is the first)"));
    for (Evidence &evidence : m_timeline->evidence) {
        if (evidence.source >= 0)
            evidence.source = sources[evidence.source];
    }
    // Nothing looks an id up from here on: the tables (16 MB of slots for 250,000 sources) go
    // before the quotes are matched and the events sorted, where a load's memory peaks.
    m_actorIds = IdTable();
    m_sourceIds = IdTable();
}

// text.indexOf(quote), found as std::string_view finds it: QByteArrayView's search readies a
// table for every call, which cost a sixth of matching a million quotes in short sources.
qsizetype firstIndexOf(QByteArrayView text, QByteArrayView quote)
{
    const std::size_t at = std::string_view(text.data(), std::size_t(text.size()))
                               .find(std::string_view(quote.data(), std::size_t(quote.size())));
    return at == std::string_view::npos ? -1 : qsizetype(at);
}

Parser::QuoteErrors Parser::resolveQuotes()
{
    QuoteErrors result;
    Timeline &t = *m_timeline;
    // Quotes are matched source by source, not in file order, where they would hop between
    // sources: a source's tables stay in the cache while its quotes are looked up.
    const std::size_t sourceCount = std::size_t(t.sources.size());
    std::vector<std::size_t> start(sourceCount + 1, 0);
    std::vector<qsizetype> quoteBytes(sourceCount, 0); // the quotes' length in UTF-8
    for (const PendingQuote &pending : m_quotes) {
        const Evidence &evidence = t.evidence[pending.evidence];
        if (evidence.source >= 0) {
            ++start[std::size_t(evidence.source) + 1];
            quoteBytes[std::size_t(evidence.source)] += evidence.quote.size;
        }
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    // What matching a quote reads, copied in one pass in file order: looked up through the
    // quotes' indices instead, each quote of a source (far apart in the file) cost a cache miss
    // for its PendingQuote and one for its Evidence before its text was even read.
    struct Job
    {
        std::uint32_t pending; // index into m_quotes
        std::uint32_t evidence; // index into Timeline::evidence
        TextRef quote;
    };
    std::vector<Job> bySource(start.back());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < m_quotes.size(); ++i) {
            const Evidence &evidence = t.evidence[m_quotes[i].evidence];
            if (evidence.source >= 0) // an unknown source is reported already
                bySource[next[std::size_t(evidence.source)]++] = { std::uint32_t(i), m_quotes[i].evidence,
                                                                   evidence.quote };
        }
    }

    // Sources are taken in batches of a few MB of quotes, and at least two sources, to share
    // between two threads: a batch's quotes are gathered (short ones copied together), found
    // together (on two threads when its sources are long or its quotes many), and placed in
    // their sentences, before the next batch's are gathered.
    constexpr qsizetype batchBytes = 2 << 20;
    std::vector<char> copies; // the batch's short quotes, of sources read in one pass
    std::vector<QByteArrayView> quotes; // the batch's, source by source, as in bySource
    std::vector<std::size_t> batch; // sources
    std::vector<QuoteFinder::Search<QByteArrayView>> searches;
    std::vector<std::size_t> searchOf; // per source of the batch, its search, if one
    for (std::size_t first = 0; first < sourceCount;) {
        batch.clear();
        const std::size_t begin = start[first]; // the batch's first quote in bySource
        qsizetype bytes = 0;
        for (; first < sourceCount && (batch.size() < 2 || bytes + quoteBytes[first] <= batchBytes); ++first) {
            if (start[first + 1] > start[first]) {
                batch.push_back(first);
                bytes += quoteBytes[first];
            }
        }
        // A source with many quotes is read once for all of them, not scanned once for each.
        // Quotes are found in the source's UTF-8, as bytes: the text need not be widened, nor
        // the quotes decoded. Valid UTF-8 matches where its UTF-16 would, and no earlier. The
        // short quotes of such a source are copied in one pass in file order into one buffer:
        // read where they lie, far apart in the file, each look at one costs a cache miss, and
        // the finder looks at each several times. Quotes that fill a cache line each (whole
        // sentences, passages) gain little from that, and a copy of them costs a third of a file
        // that is mostly quotes; the quotes of a source scanned once for each are read once.
        // Neither is copied: they are read where they lie.
        searches.clear();
        searchOf.assign(batch.size(), std::size_t(-1));
        qsizetype copiedBytes = 0;
        for (std::size_t b = 0; b < batch.size(); ++b) {
            const std::size_t s = batch[b];
            const qsizetype quoteCount = qsizetype(start[s + 1] - start[s]);
            if (QuoteFinder::worthAPass(quoteCount, quoteBytes[s])) {
                searchOf[b] = searches.size();
                searches.emplace_back(); // filled in below
                if (quoteBytes[s] < 64 * quoteCount)
                    copiedBytes += quoteBytes[s];
            }
        }
        copies.resize(std::size_t(copiedBytes)); // not grown below: views of it are kept
        quotes.resize(start[first] - begin);
        char *out = copies.data();
        for (std::size_t b = 0; b < batch.size(); ++b) {
            const std::size_t s = batch[b];
            const qsizetype quoteCount = qsizetype(start[s + 1] - start[s]);
            const bool copied = searchOf[b] != std::size_t(-1) && quoteBytes[s] < 64 * quoteCount;
            for (std::size_t k = start[s]; k < start[s + 1]; ++k) {
#if defined(__GNUC__)
                // The text and the evidence of a quote a few ahead, while this one is taken.
                constexpr std::size_t ahead = 8;
                if (k + ahead < start[s + 1]) {
                    const Job &later = bySource[k + ahead];
                    if (copied)
                        __builtin_prefetch(t.utf8(later.quote).data());
                    __builtin_prefetch(&t.evidence[later.evidence], 1);
                }
#endif
                const QByteArrayView utf8 = t.utf8(bySource[k].quote);
                if (copied) {
                    quotes[k - begin] = QByteArrayView(out, utf8.size());
                    out = std::copy(utf8.begin(), utf8.end(), out);
                } else {
                    quotes[k - begin] = utf8;
                }
            }
            takeText(s); // a long one's, read meanwhile
            if (searchOf[b] != std::size_t(-1))
                searches[searchOf[b]] = { t.sources.at(qsizetype(s)).storedText().utf8(),
                                          std::span(quotes).subspan(start[s] - begin,
                                                                    std::size_t(quoteCount)) };
        }
        const std::vector<std::vector<qsizetype>> found = QuoteFinder::findAll(searches);
        for (std::size_t b = 0; b < batch.size(); ++b) {
            const std::size_t s = batch[b];
            const std::vector<qsizetype> *positions = searchOf[b] < found.size() ? &found[searchOf[b]] : nullptr;
            const QByteArrayView text = t.sources.at(qsizetype(s)).storedText().utf8();
            // Its sentences, once the quotes are found: a long source's are split meanwhile.
            takeSplit(s);
            const Source &placed = t.sources.at(qsizetype(s)); // as takeSplit() left it
            const std::span<const Sentence> sentences = m_sentenceBytes[s].empty()
                ? std::span(placed.sentences.constData(), std::size_t(placed.sentences.size()))
                : std::span<const Sentence>(m_sentenceBytes[s]);
            std::optional<SentenceIndex> index;
            if (start[s + 1] - start[s] >= 64)
                index.emplace(sentences);
            for (std::size_t k = start[s]; k < start[s + 1]; ++k) {
                const Job &job = bySource[k];
                Evidence &evidence = t.evidence[job.evidence];
                const QByteArrayView quote = quotes[k - begin];
                const qsizetype at = positions ? (*positions)[k - start[s]] : firstIndexOf(text, quote);
                const auto covered = at < 0 ? std::nullopt
                    : index                 ? index->covering(at, at + quote.size())
                                            : SentenceSplitter::covering(sentences, at, at + quote.size());
                if (!covered) {
                    const PendingQuote &pending = m_quotes[job.pending];
                    // Only the first errors in the file are shown: one that comes after as many as
                    // are shown is counted, not described (describing it searches the source).
                    std::size_t slot = result.errors.size();
                    if (slot >= std::size_t(TimelineLoader::maxErrors)) {
                        ++result.unreported;
                        const auto latest = std::max_element(
                            result.errors.begin(), result.errors.end(),
                            [](const QuoteError &a, const QuoteError &b) { return a.offset < b.offset; });
                        if (latest->offset < pending.offset)
                            continue;
                        slot = std::size_t(latest - result.errors.begin());
                    }
                    QString message;
                    if (at >= 0)
                        message =
                            tr("the quote is in source %1 but in none of its sentences: %2")
                                .arg(PlainText::quoted(placed.id), PlainText::quoted(QString::fromUtf8(quote)));
                    else
                        message = tr("the quote is not in source %1: %2")
                                      .arg(PlainText::quoted(placed.id),
                                           QuoteMismatch::describe(placed.text(), QString::fromUtf8(quote)));
                    QuoteError error { pending.offset,
                                       u"events[%1].evidence[%2].quote"_s.arg(pending.event).arg(pending.item),
                                       t.text(pending.eventId), message };
                    if (slot == result.errors.size())
                        result.errors.push_back(std::move(error));
                    else
                        result.errors[slot] = std::move(error);
                    continue;
                }
                evidence.firstSentence = std::int32_t(covered->first);
                evidence.lastSentence = std::int32_t(covered->second);
            }
        }
    }
    for (std::size_t s = 0; s < m_splits.size(); ++s) {
        takeText(s); // those of the sources no quote cites
        takeSplit(s);
    }
    return result;
}

} // namespace

QString TimelineLoader::Result::errorText() const
{
    QStringList lines;
    lines.reserve(errors.size() + 1);
    for (const LoadError &e : errors)
        lines.append(e.toString());
    if (unreportedErrors > 0)
        lines.append(
            TimelineLoader::tr("… and %n more problems", nullptr,
                               int(std::min<qsizetype>(unreportedErrors, std::numeric_limits<int>::max()))));
    return lines.join(u'\n');
}

TimelineLoader::Result TimelineLoader::loadFile(const QString &fileName, const Progress &progress)
{
    const auto failure = [&](const QString &message) {
        Result result;
        LoadError e;
        e.file = fileName;
        e.message = message;
        result.errors.append(e);
        return result;
    };

    QFile file(fileName);
    const QFileInfo info(fileName);
    if (info.isDir())
        return failure(tr("is a folder, not a timeline file"));
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("cannot open: %1").arg(file.errorString()));
    if (file.size() > maxFileSize)
        return failure(tr("the file is %1 MiB; Sourceline opens files of up to %2 MiB")
                           .arg(file.size() >> 20)
                           .arg(maxFileSize >> 20));
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(tr("cannot read: %1").arg(file.errorString()));
    const QString displayName = fileName.startsWith(u':') ? info.fileName() : fileName;
    return loadData(std::move(data), displayName, progress);
}

TimelineLoader::Result TimelineLoader::loadData(QByteArray data, const QString &displayName,
                                                const Progress &progress)
{
    // Not for a small file, whose load would pay more for the fresh pages than it frees.
    constexpr qsizetype largeFile = qsizetype(1) << 20;
    if (data.size() >= largeFile)
        SystemMemory::giveBackFreeBlocks();
    switch (FormatDetector::detect(data, displayName)) {
    case FormatDetector::Format::TimelineJs:
        return TimelineJsReader::read(data, displayName, progress);
    case FormatDetector::Format::Csv:
        return CsvTimelineReader::read(data, displayName, progress);
    case FormatDetector::Format::Sourceline:
        break;
    }
    return loadSourceline(std::move(data), displayName, progress);
}

TimelineLoader::Result TimelineLoader::loadSourceline(QByteArray data, const QString &displayName,
                                                      const Progress &progress)
{
    if (data.size() > maxFileSize) {
        Result result;
        result.errors.append(
            { displayName, 0, 0, {}, {}, tr("the data is larger than %1 MiB").arg(maxFileSize >> 20) });
        return result;
    }
    Parser parser(std::move(data), displayName, progress);
    return parser.run();
}
