#include "laneindex.h"

#include "systemmemory.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <iterator>
#include <limits>
#include <map>
#include <numeric>
#include <system_error>
#include <thread>

void LaneIndex::build(const Timeline &t, int threads)
{
    // Count first, so that each lane's arrays are allocated once, at their size (or a little
    // more, for an actor named twice by one event). Events are in date order but their actors
    // in file order: count the actors as they lie.
    std::vector<std::size_t> sizes(std::size_t(t.actors.size()) + 1, 0);
    for (const std::int32_t actor : t.eventActors) {
        // Only a size to reserve: entries an edit left unused may name an actor since removed.
        if (std::size_t(actor) < sizes.size() - 1)
            ++sizes[std::size_t(actor)];
    }
    m_extent.reset();
    m_withoutKind = m_ranges = m_approximate = m_uncertain = 0;
    for (const Event &event : t.events) {
        sizes.back() += event.actors.count == 0;
        takeIn(event);
    }
    // Only lanes with events are kept, made one by one in a single pass: with 100,000 actors
    // of an event each the lanes are megabytes, and each further pass over them costs as much
    // as making them. The last lane is that of the events without actors.
    const std::size_t laneCount = std::size_t(t.actors.size()) + 1;
    m_lanes = {};
    m_lanes.m_keptAt.assign(laneCount, -1);
    m_lanes.m_kept.reserve(laneCount - std::size_t(std::count(sizes.begin(), sizes.end(), 0)));
    SystemMemory::preferHugePagesAhead(m_lanes.m_kept, m_lanes.m_kept.capacity());
    for (std::size_t lane = 0; lane < laneCount; ++lane) {
        if (sizes[lane] > 0) {
            m_lanes.m_keptAt[lane] = std::int32_t(m_lanes.m_kept.size());
            m_lanes.m_kept.emplace_back();
        }
    }

    // Each lane is filled and laid out by one thread alone, so the lanes can be shared out
    // between threads: each takes a run of lanes with about as many events as the others, and
    // reads all the events for those of its lanes.
    std::vector<std::size_t> bounds { 0 };
    const std::size_t places = std::accumulate(sizes.begin(), sizes.end(), std::size_t(0));
    threads = int(
        std::clamp<std::size_t>(places / minPlacesAPart, 1, std::size_t(std::clamp(threads, 1, maxThreads))));
    for (std::size_t lane = 0, sum = 0; lane < laneCount; ++lane) {
        sum += sizes[lane];
        const auto part = bounds.size();
        if (part < std::size_t(threads) && sum * std::size_t(threads) >= places * part)
            bounds.push_back(lane + 1);
    }
    if (bounds.back() != laneCount)
        bounds.push_back(laneCount);
    // What a helper thread threw (out of memory) is thrown here, once all are done.
    std::vector<std::exception_ptr> failures(bounds.size() - 1);
    const auto fillPart = [&](std::size_t part) noexcept {
        const std::size_t first = bounds[part], end = bounds[part + 1];
        try {
            for (std::size_t lane = first; lane < end; ++lane) {
                if (sizes[lane] == 0)
                    continue; // not kept: most lanes, when there are many more actors than events
                keptLane(lane).entries.reserve(sizes[lane]);
            }
            if (laneCount >= manyLanes)
                fillManyLanes(t, first, end);
            else
                fillFewLanes(t, first, end);
            for (std::size_t lane = first; lane < end; ++lane) {
                if (sizes[lane] > 0) // one not kept has nothing to lay out
                    layOut(keptLane(lane));
            }
        } catch (...) {
            failures[part] = std::current_exception();
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(bounds.size()); // so that only starting a thread can throw below
    for (std::size_t part = 1; part + 1 < bounds.size(); ++part) {
        try {
            helpers.emplace_back(fillPart, part);
        } catch (...) { // no thread to be had: here
            fillPart(part);
        }
    }
    fillPart(0);
    for (std::thread &helper : helpers)
        helper.join();
    for (const std::exception_ptr &failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
    }

    // The lane of events without actors is there only when it has some.
    m_unattributedLane = -1;
    if (m_lanes.m_keptAt.back() < 0)
        m_lanes.m_keptAt.pop_back();
    else
        m_unattributedLane = int(laneCount) - 1;
}

const LaneIndex::Lane LaneIndex::Lanes::s_none {};

LaneIndex::Lane &LaneIndex::kept(std::size_t lane)
{
    std::int32_t &at = m_lanes.m_keptAt[lane];
    if (at < 0) {
        at = std::int32_t(m_lanes.m_kept.size());
        m_lanes.m_kept.emplace_back();
    }
    return m_lanes.m_kept[std::size_t(at)];
}

void LaneIndex::forget(std::size_t lane)
{
    const std::int32_t at = std::exchange(m_lanes.m_keptAt[lane], -1);
    if (at < 0)
        return;
    // The last kept lane takes its place.
    const auto last = std::int32_t(m_lanes.m_kept.size()) - 1;
    if (at != last) {
        m_lanes.m_kept[std::size_t(at)] = std::move(m_lanes.m_kept.back());
        *std::find(m_lanes.m_keptAt.begin(), m_lanes.m_keptAt.end(), last) = at;
    }
    m_lanes.m_kept.pop_back();
}

void LaneIndex::layOut(Lane &lane) const
{
    updateTotals(lane);
    assignSubRows(lane);
}

// Reading each event's actors is a jump into file order: ask for them this many events ahead.
constexpr std::size_t actorsLookAhead = 16;

void LaneIndex::takeIn(const Event &event)
{
    const Days days { event.range.first, event.range.last };
    m_extent =
        m_extent ? Days { std::min(m_extent->first, days.first), std::max(m_extent->last, days.last) } : days;
    count(event, +1);
}

void LaneIndex::fillFewLanes(const Timeline &t, std::size_t firstLane, std::size_t endLane)
{
    // Each event goes to its actors' lanes as it comes: with few lanes, the ends of their
    // arrays all stay in the cache.
    const std::size_t unattributedLane = m_lanes.size() - 1;
    const auto ours = [&](std::size_t lane) {
        return lane >= firstLane && lane < endLane;
    };
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        if (i + actorsLookAhead < t.events.size())
            __builtin_prefetch(t.eventActors.data() + t.events[i + actorsLookAhead].actors.begin);
        const Event &event = t.events[i];
        const Days days { event.range.first, event.range.last };
        const auto length = event.range.last - event.range.first + 1;
        const std::uint16_t look = Lane::lookOf(event);
        const auto add = [&](std::size_t l) {
            if (!ours(l))
                return;
            Lane &lane = keptLane(l); // made by build(), as is every lane with events
            if (lane.entries.empty() || lane.events().back() != std::int32_t(i)) { // an actor named twice
                lane.entries.push_back(std::int32_t(i), days, look); // its sub-row given out by layOut()
                lane.longest = std::max(lane.longest, length);
            }
        };
        const auto actors = t.actorsOf(event);
        for (const std::int32_t actor : actors)
            add(std::size_t(actor));
        if (actors.empty())
            add(unattributedLane);
    }
}

void LaneIndex::fillManyLanes(const Timeline &t, std::size_t firstLane, std::size_t endLane)
{
    // With thousands of lanes, appending each event to its lanes as it comes writes to four
    // arrays of a different lane each time, and nearly every write misses the cache and the
    // TLB. Instead events come in chunks whose (lane, event) pairs are sorted by lane with a
    // counting sort, in buffers that stay in the cache (about a megabyte); each lane then
    // takes its events of the chunk as one run. The larger the chunk, the longer the runs, but
    // chunks of twice this many pairs built no faster, and their buffers, one set a thread,
    // were a tenth of what a 100,000-event timeline of 2,000 actors added at its peak.
    // Lanes are numbered from `firstLane` here.
    const std::size_t laneCount = endLane - firstLane;
    const std::size_t unattributedLane = m_lanes.size() - 1;
    const std::size_t chunkPairs =
        std::clamp<std::size_t>(32 * laneCount, std::size_t(1) << 14, std::size_t(1) << 15);
    // A chunk also ends after this many events, which its lanes may share only few pairs of.
    const std::size_t chunkEvents = 2 * chunkPairs;
    struct Pair
    {
        std::uint32_t lane;
        std::uint32_t event; // within the chunk
    };
    struct Look
    {
        Days days;
        std::uint16_t look;
    };
    std::vector<Pair> pairs;
    pairs.reserve(chunkPairs + 64);
    std::vector<Look> looks; // of the chunk's events
    std::vector<std::uint32_t> byLane; // the chunk's events, lane by lane
    std::vector<std::uint32_t> inChunk(laneCount, 0); // per lane, its pairs in the chunk
    std::vector<std::uint32_t> runEnd(laneCount, 0); // per lane, where its run in byLane ends
    // The last event each lane took, so that an actor named twice by an event counts once.
    std::vector<std::int64_t> lastEvent(laneCount, -1);
    const std::size_t eventCount = t.events.size();
    for (std::size_t begin = 0; begin < eventCount;) {
        pairs.clear();
        looks.clear();
        std::size_t i = begin;
        for (; i < eventCount && pairs.size() < chunkPairs && i - begin < chunkEvents; ++i) {
            if (i + actorsLookAhead < eventCount)
                __builtin_prefetch(t.eventActors.data() + t.events[i + actorsLookAhead].actors.begin);
            const Event &event = t.events[i];
            looks.push_back({ { event.range.first, event.range.last }, Lane::lookOf(event) });
            const auto add = [&](std::size_t lane) {
                lane -= firstLane; // below the first: wraps past the last
                if (lane >= laneCount || lastEvent[lane] == std::int64_t(i))
                    return; // another thread's, or an actor named twice
                lastEvent[lane] = std::int64_t(i);
                pairs.push_back({ std::uint32_t(lane), std::uint32_t(i - begin) });
                ++inChunk[lane];
            };
            const auto actors = t.actorsOf(event);
            for (const std::int32_t actor : actors)
                add(std::size_t(actor));
            if (actors.empty())
                add(unattributedLane);
        }
        std::uint32_t offset = 0;
        for (std::size_t lane = 0; lane < laneCount; ++lane) {
            runEnd[lane] = offset;
            offset += inChunk[lane];
        }
        byLane.resize(pairs.size());
        for (const Pair &pair : pairs)
            byLane[runEnd[pair.lane]++] = pair.event;
        for (std::size_t l = 0; l < laneCount; ++l) {
            if (inChunk[l] == 0)
                continue;
            Lane &lane = keptLane(firstLane + l); // made by build(), as is every lane with events
            for (std::uint32_t k = runEnd[l] - inChunk[l]; k < runEnd[l]; ++k) {
                const Look &look = looks[byLane[k]];
                // Its sub-row given out by layOut().
                lane.entries.push_back(std::int32_t(begin + byLane[k]), look.days, look.look);
                lane.longest = std::max(lane.longest, look.days.last - look.days.first + 1);
            }
            inChunk[l] = 0;
        }
        begin = i;
    }
}

std::uint64_t LaneIndex::nextRevision()
{
    static std::atomic<std::uint64_t> next { 1 };
    return next.fetch_add(1, std::memory_order_relaxed);
}

void LaneIndex::count(const Event &event, int delta)
{
    const DateRange &range = event.range;
    m_withoutKind += event.kind < 0 ? delta : 0;
    m_ranges += range.precision != DateRange::Precision::Day ? delta : 0;
    m_approximate += range.isApproximate() ? delta : 0;
    m_uncertain += range.isUncertain() ? delta : 0;
}

std::uint16_t LaneIndex::Lane::lookOf(const Event &event)
{
    const DateRange &range = event.range;
    const auto kind = std::uint16_t(std::min<std::int64_t>(std::int64_t(event.kind) + 1, kindLookUp));
    return kind | (range.precision == DateRange::Precision::Day ? pointBit : 0)
        | (range.hasOpenStart() ? openStartBit : 0) | (range.hasOpenEnd() ? openEndBit : 0);
}

void LaneIndex::assignSubRows(Lane &lane)
{
    // Give each range the first sub-row free by its first day (events come by first day), and
    // each point on a day that already has one in this lane the next sub-row, so that no two
    // marks in a lane lie exactly on top of each other.
    Day rowEnds[subRowCount];
    std::fill(std::begin(rowEnds), std::end(rowEnds), std::numeric_limits<Day>::min());
    Day pointDay = std::numeric_limits<Day>::min();
    int pointsThatDay = 0;
    lane.open.clear();
    const LaneDays days = lane.days();
    const std::span<const std::uint16_t> looks = lane.looks();
    const std::span<std::uint8_t> subRows = lane.entries.subRows();
    for (std::size_t i = 0; i < lane.size(); ++i) {
        // An open end holds its sub-row for good. (An open start is placed by its finite first
        // day, as the lane is ordered.)
        const Days range { days[i].first, lane.drawnDays(i).last };
        if (looks[i] & (Lane::openStartBit | Lane::openEndBit))
            lane.open.push_back(std::uint32_t(i));
        if (looks[i] & Lane::pointBit) {
            pointsThatDay = range.first == pointDay ? pointsThatDay + 1 : 0;
            pointDay = range.first;
            subRows[i] = std::uint8_t(pointsThatDay % subRowCount);
            continue;
        }
        const auto free =
            std::find_if(std::begin(rowEnds), std::end(rowEnds), [&](Day end) { return end < range.first; });
        // All taken: share the one that frees first.
        const auto row =
            free != std::end(rowEnds) ? free : std::min_element(std::begin(rowEnds), std::end(rowEnds));
        *row = std::max(*row, range.last);
        subRows[i] = std::uint8_t(row - std::begin(rowEnds));
    }
}

void LaneIndex::updateTotals(Lane &lane) const
{
    const std::int64_t days = m_extent ? std::int64_t(m_extent->last) + 2 - m_extent->first : 0;
    if (m_extent && std::int64_t(lane.size()) >= days) {
        lane.buildTotals(m_extent->first, m_extent->last);
    } else {
        lane.totals.reset();
    }
}

bool LaneIndex::growExtent(Days days)
{
    if (m_extent && days.first >= m_extent->first && days.last <= m_extent->last)
        return false;
    m_extent =
        m_extent ? Days { std::min(m_extent->first, days.first), std::max(m_extent->last, days.last) } : days;
    return true;
}

bool LaneIndex::shrinkExtent(const Timeline &t, Days removed)
{
    if (!m_extent || (removed.first > m_extent->first && removed.last < m_extent->last))
        return false; // it was inside: nothing changes, and no event need be looked at
    const std::optional<Days> before = m_extent;
    m_extent.reset();
    if (!t.events.empty()) {
        // Events are in date order, so the first starts first; the last to end needs a look.
        m_extent = Days { t.events.front().range.first, t.events.front().range.last };
        for (const Event &e : t.events)
            m_extent->last = std::max(m_extent->last, e.range.last);
    }
    return !m_extent || m_extent->first != before->first || m_extent->last != before->last;
}

void LaneIndex::renumber(std::int32_t first, std::int32_t end, int shift)
{
    for (Lane &lane : m_lanes.m_kept) {
        // Lanes hold events in index order: only those from the first at or past `first` move.
        const std::span<std::int32_t> events = lane.entries.events();
        auto it = std::lower_bound(events.begin(), events.end(), first);
        for (; it != events.end() && *it < end; ++it)
            *it += shift;
    }
}

int LaneIndex::laneFor(int actor)
{
    if (actor != unattributed)
        return actor;
    if (m_unattributedLane < 0) {
        m_lanes.m_keptAt.push_back(-1);
        m_unattributedLane = int(m_lanes.size()) - 1;
    }
    return m_unattributedLane;
}

void LaneIndex::attach(const Timeline &t, std::int32_t event, std::vector<int> *touched)
{
    const Event &e = t.events[std::size_t(event)];
    const Days days { e.range.first, e.range.last };
    const std::uint16_t look = Lane::lookOf(e);
    const auto add = [&](int number) {
        Lane &lane = kept(std::size_t(number));
        const std::span<const std::int32_t> events = lane.events();
        const auto at = std::lower_bound(events.begin(), events.end(), event);
        if (at != events.end() && *at == event)
            return; // an actor named twice
        lane.entries.insert(std::size_t(at - events.begin()), event, days, look);
        lane.longest = std::max(lane.longest, e.range.last - e.range.first + 1);
        touched->push_back(number);
    };
    const auto actors = t.actorsOf(e);
    for (const std::int32_t actor : actors)
        add(laneFor(actor));
    if (actors.empty())
        add(laneFor(unattributed));
}

std::optional<LaneIndex::Days> LaneIndex::detach(std::int32_t event, std::span<const std::int32_t> actors,
                                                 std::vector<int> *touched)
{
    std::optional<Days> removed;
    const auto remove = [&](int number) {
        if (m_lanes.m_keptAt[std::size_t(number)] < 0)
            return; // no events
        Lane &lane = kept(std::size_t(number));
        const std::span<const std::int32_t> events = lane.events();
        const auto at = std::lower_bound(events.begin(), events.end(), event);
        if (at == events.end() || *at != event)
            return; // an actor named twice
        const auto pos = std::size_t(at - events.begin());
        removed = lane.days()[pos];
        lane.entries.erase(pos);
        lane.longest = 0;
        for (const Days d : lane.days())
            lane.longest = std::max(lane.longest, d.last - d.first + 1);
        touched->push_back(number);
    };
    for (const std::int32_t actor : actors)
        remove(laneFor(actor));
    if (actors.empty())
        remove(laneFor(unattributed));
    return removed;
}

void LaneIndex::relayOut(std::vector<int> touched, bool extentChanged)
{
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (const int lane : touched) {
        Lane &l = kept(std::size_t(lane));
        assignSubRows(l);
        l.revision = nextRevision();
    }
    // Totals span the whole extent: when it moves, every crowded lane's are counted again.
    if (extentChanged) {
        for (Lane &lane : m_lanes.m_kept)
            updateTotals(lane);
    } else {
        for (const int lane : touched)
            updateTotals(kept(std::size_t(lane)));
    }
    // As after building: the lane of events without actors is there only when it has some.
    if (m_unattributedLane >= 0 && m_lanes[std::size_t(m_unattributedLane)].entries.empty()) {
        forget(std::size_t(m_unattributedLane));
        m_lanes.m_keptAt.pop_back(); // the last lane
        m_unattributedLane = -1;
    }
}

void LaneIndex::insertEvent(const Timeline &t, std::int32_t event)
{
    renumber(event, std::numeric_limits<std::int32_t>::max(), +1);
    std::vector<int> touched;
    attach(t, event, &touched);
    const Event &e = t.events[std::size_t(event)];
    count(e, +1);
    relayOut(std::move(touched), growExtent({ e.range.first, e.range.last }));
}

void LaneIndex::removeEvent(const Timeline &t, std::int32_t event, std::span<const std::int32_t> actors,
                            const Event &gone)
{
    count(gone, -1);
    std::vector<int> touched;
    const std::optional<Days> removed = detach(event, actors, &touched);
    renumber(event + 1, std::numeric_limits<std::int32_t>::max(), -1);
    relayOut(std::move(touched), removed && shrinkExtent(t, *removed));
}

void LaneIndex::replaceEvent(const Timeline &t, std::int32_t event, std::span<const std::int32_t> oldActors,
                             const Event &old)
{
    count(old, -1);
    count(t.events[std::size_t(event)], +1);
    // The same index, so no other event is renumbered.
    std::vector<int> touched;
    const std::optional<Days> removed = detach(event, oldActors, &touched);
    attach(t, event, &touched);
    const Event &e = t.events[std::size_t(event)];
    bool extentChanged = removed && shrinkExtent(t, *removed);
    extentChanged |= growExtent({ e.range.first, e.range.last });
    relayOut(std::move(touched), extentChanged);
}

void LaneIndex::moveEvent(const Timeline &t, std::int32_t from, std::int32_t to,
                          std::span<const std::int32_t> oldActors, const Event &old)
{
    count(old, -1);
    std::vector<int> touched;
    const std::optional<Days> removed = detach(from, oldActors, &touched);
    if (from < to)
        renumber(from + 1, to + 1, -1);
    else
        renumber(to, from, +1);
    attach(t, to, &touched);
    const Event &e = t.events[std::size_t(to)];
    count(e, +1);
    bool extentChanged = removed && shrinkExtent(t, *removed);
    extentChanged |= growExtent({ e.range.first, e.range.last });
    relayOut(std::move(touched), extentChanged);
}

void LaneIndex::replaceActors(const Timeline &t, std::span<const std::int32_t> events,
                              const std::vector<std::vector<std::int32_t>> &oldActors)
{
    const auto lanesOf = [&](std::span<const std::int32_t> actors) {
        std::vector<int> lanes;
        if (actors.empty())
            lanes.push_back(laneFor(unattributed)); // may add the lane
        for (const std::int32_t actor : actors)
            lanes.push_back(actor);
        std::sort(lanes.begin(), lanes.end());
        lanes.erase(std::unique(lanes.begin(), lanes.end()), lanes.end());
        return lanes;
    };
    // Per lane, the events that leave it and those that join it, each in index order.
    std::map<int, std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>>> changes;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::vector<int> before = lanesOf(oldActors[i]);
        const std::vector<int> after = lanesOf(t.actorsOf(t.events[std::size_t(events[i])]));
        std::vector<int> changed;
        std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                            std::back_inserter(changed));
        for (const int lane : changed)
            changes[lane].first.push_back(events[i]);
        changed.clear();
        std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                            std::back_inserter(changed));
        for (const int lane : changed)
            changes[lane].second.push_back(events[i]);
    }

    std::vector<int> touched;
    for (const auto &[index, change] : changes) {
        const auto &[leaving, joining] = change;
        Lane &lane = kept(std::size_t(index));
        LaneEntries merged;
        const std::span<const std::int32_t> events = lane.events();
        const LaneDays days = lane.days();
        const std::span<const std::uint16_t> looks = lane.looks();
        merged.reserve(events.size() - leaving.size() + joining.size());
        std::size_t kept = 0, left = 0, joined = 0;
        while (kept < events.size() || joined < joining.size()) {
            if (joined == joining.size() || (kept < events.size() && events[kept] < joining[joined])) {
                if (left < leaving.size() && leaving[left] == events[kept])
                    ++left;
                else
                    merged.push_back(events[kept], days[kept], looks[kept]);
                ++kept;
                continue;
            }
            const std::int32_t event = joining[joined++];
            const Event &e = t.events[std::size_t(event)];
            merged.push_back(event, { e.range.first, e.range.last }, Lane::lookOf(e));
        }
        lane.entries = std::move(merged);
        lane.longest = 0;
        for (const Days d : lane.days())
            lane.longest = std::max(lane.longest, d.last - d.first + 1);
        touched.push_back(index);
    }
    relayOut(std::move(touched), false);
}

void LaneIndex::insertActor(int actor)
{
    m_lanes.m_keptAt.insert(m_lanes.m_keptAt.begin() + actor, -1); // empty, so not kept
    if (m_unattributedLane >= 0)
        ++m_unattributedLane;
}

void LaneIndex::removeActor(int actor)
{
    forget(std::size_t(actor));
    m_lanes.m_keptAt.erase(m_lanes.m_keptAt.begin() + actor);
    if (m_unattributedLane >= 0)
        --m_unattributedLane;
}

void LaneIndex::Lane::buildTotals(Day firstDay, Day lastDay)
{
    const std::size_t size = std::size_t(std::int64_t(lastDay) + 2 - firstDay);
    auto built = std::make_shared<Totals>();
    built->origin = firstDay;
    // Counts per day first (an event starting on d counts from d + 1 on; one ending on d, from
    // d + 1 too), then running sums.
    // An open start has started before every day; an open end never ends.
    std::vector<std::uint32_t> starts(size, 0);
    std::vector<std::uint32_t> ends(size, 0);
    const LaneDays days = this->days();
    const std::span<const std::uint16_t> looks = this->looks();
    for (std::size_t i = 0; i < days.size(); ++i) {
        const Days d = days[i];
        ++starts[(looks[i] & openStartBit) ? 0 : std::size_t(d.first - firstDay + 1)];
        if (!(looks[i] & openEndBit))
            ++ends[std::size_t(d.last - firstDay + 1)];
    }
    built->startedBefore.assignRunningSums(starts);
    built->endedBefore.assignRunningSums(ends);
    totals = std::move(built);
}

int LaneIndex::laneOf(int actor) const
{
    if (actor == unattributed)
        return m_unattributedLane;
    const int actors = int(m_lanes.size()) - (m_unattributedLane >= 0);
    return actor >= 0 && actor < actors ? actor : -1;
}

std::pair<std::size_t, std::size_t> LaneIndex::visibleRange(int lane, double first, double last) const
{
    const Lane &l = m_lanes.at(lane);
    // An event overlaps when it starts before `last` ends and ends after `first` starts; no event
    // is longer than `longest`, so none starting before first - longest can reach the view.
    const double from = std::floor(first) - l.longest;
    const LaneDays days = l.days();
    const auto begin = std::lower_bound(days.begin(), days.end(), from,
                                        [](Days days, double day) { return days.first < day; });
    const auto end =
        std::upper_bound(begin, days.end(), last, [](double day, Days days) { return day < days.first; });
    return { std::size_t(begin - days.begin()), std::size_t(end - days.begin()) };
}
