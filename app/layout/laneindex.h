#pragma once

#include "daytotals.h"
#include "lanedays.h"
#include "smallarray.h"
#include "timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

// For each actor, its events in time order, so that what a lane shows between two days is
// found by binary search rather than by looking at every event. Events without actors get a
// lane of their own at the end.
class LaneIndex
{
public:
    static constexpr int unattributed = -1; // the actor of the lane for events without actors
    static constexpr int subRowCount = 3;

    // An event's first and last day (inclusive), kept beside its index so that a frame reads
    // the days of thousands of events from one contiguous array, not from scattered Events.
    using Days = DaySpan;

    struct Lane
    {
        // Per event, in the lane's order (by first day): its index into Timeline::events, its
        // days, how it looks, and the sub-row it is drawn in (see LaneEntries).
        LaneEntries entries;
        std::size_t size() const { return entries.size(); }
        std::span<const std::int32_t> events() const { return entries.events(); }
        LaneDays days() const { return entries.days(); }
        // Per event, the sub-row it is drawn in, so that overlapping ranges, or points on the
        // same day, do not hide each other in one lane: 0 on the centre line, 1 below, 2 above.
        std::span<const std::uint8_t> subRows() const { return entries.subRows(); }
        // Per event, how it looks, so that drawing thousands of plain marks need not visit the
        // events: its kind + 1 (0 for none; kindLookUp when too large to keep here), whether
        // it is a point (dated to the day) and whether its interval is open at either side.
        std::span<const std::uint16_t> looks() const { return entries.looks(); }
        static constexpr std::uint16_t pointBit = 0x8000;
        static constexpr std::uint16_t openStartBit = 0x4000; // `../2019`: runs on into the past
        static constexpr std::uint16_t openEndBit = 0x2000; // `2019/..`: runs on into the future
        static constexpr std::uint16_t kindMask = 0x1fff;
        static constexpr std::uint16_t kindLookUp = kindMask;
        static std::uint16_t lookOf(const Event &event);
        // Positions of the events whose interval is open at a side, in order. `days` keeps such
        // an event's finite end, so that the lane stays sorted and `longest` bounds the search;
        // drawn, the open side reaches past any view (drawnDays), so an event can be in view
        // outside the search's range: a frame adds these few.
        SmallArray<std::uint32_t> open;
        // Beyond any day a view reaches: where an open side is drawn to.
        static constexpr Day openFar = Day(1) << 50;
        // The days event `i` covers as drawn: an open side reaches openFar.
        Days drawnDays(std::size_t i) const
        {
            Days d = days()[i];
            const std::uint16_t look = looks()[i];
            if (look & openStartBit)
                d.first = -openFar;
            if (look & openEndBit)
                d.last = openFar;
            return d;
        }
        Day longest = 0; // the longest event's length in days (finite ends), bounds the search back
        // Given anew, never reused by any lane of any index, whenever the lane's events, their
        // days, looks or sub-rows change (not when events are only renumbered): a plan made of
        // the lane holds while its revision does.
        std::uint64_t revision = nextRevision();

        // For crowded lanes, running totals by day, so that a zoomed-out frame counts a lane's
        // events per pixel column from two look-ups per column instead of a pass over them
        // all: how many events start before a day, and how many have ended before it. None
        // for lanes with fewer events than the timeline has days, which are most: the totals
        // take 4 bytes a day, so they cost at most 4 bytes an event beside the lane's own 15
        // (a quarter as many events had made them cost more than the lane), and a plan of a
        // lane without them passes over fewer events than there are days. Kept apart from
        // the lane, so that 100,000 lanes of an actor or two each do not carry 16 MB of empty
        // totals. Never changed once built, so copies of a lane share them.
        struct Totals
        {
            Day origin = 0; // the day of index 0
            DayTotals startedBefore;
            DayTotals endedBefore;
        };
        std::shared_ptr<const Totals> totals;
        bool hasTotals() const { return totals != nullptr; }
        // Fills the totals over the days [firstDay, lastDay], which hold all of the lane's events.
        void buildTotals(Day firstDay, Day lastDay);
        // Events whose first day is before `day` (fractional: those starting on a day < day).
        std::uint32_t startsBefore(double day) const
        {
            return totals->startedBefore[totalsIndex(std::ceil(day))];
        }
        // Events whose last day ends by `day` (a day d ends at d + 1).
        std::uint32_t endsBy(double day) const { return totals->endedBefore[totalsIndex(std::floor(day))]; }

    private:
        std::size_t totalsIndex(double day) const
        {
            return std::size_t(
                std::clamp(day - totals->origin, 0.0, double(totals->startedBefore.size() - 1)));
        }
    };

    // The lanes by number: one per actor, in the actors' order, then the lane of events without
    // actors while there are such events. Only lanes that have had events are kept; the others
    // read as one empty lane. 100,000 actors of no event, or a few, then cost 4 bytes each
    // rather than a Lane each.
    class Lanes
    {
    public:
        std::size_t size() const { return m_keptAt.size(); }
        bool empty() const { return m_keptAt.empty(); }
        const Lane &operator[](std::size_t lane) const
        {
            const std::int32_t at = m_keptAt[lane];
            return at < 0 ? s_none : m_kept[std::size_t(at)];
        }
        const Lane &at(std::size_t lane) const { return m_keptAt.at(lane) < 0 ? s_none : (*this)[lane]; }
        const Lane &front() const { return (*this)[0]; }
        const Lane &back() const { return (*this)[size() - 1]; }

    private:
        friend class LaneIndex;
        static const Lane s_none; // every lane not kept
        std::vector<Lane> m_kept;
        std::vector<std::int32_t> m_keptAt; // per lane, its index in m_kept; -1: not kept
    };

    // On `threads` threads (this one and more) when the timeline is large enough to be worth it.
    void build(const Timeline &timeline, int threads = 1);
    const Lanes &lanes() const { return m_lanes; }
    // The actor whose lane is `lane`, or LaneIndex::unattributed.
    int actorOf(std::size_t lane) const { return int(lane) == m_unattributedLane ? unattributed : int(lane); }
    // Found while building, so that showing a timeline needs no pass over its events: the first
    // and last day of all events (nullopt when there are none), and whether any has no kind.
    std::optional<Days> extent() const { return m_extent; }
    bool anyWithoutKind() const { return m_withoutKind > 0; }
    // Whether any event has no kind, is a range (not a single day), approximate, or uncertain: what the
    // chart's legend explains. Counted as events come and go, so an edit need not look at all.
    bool anyRange() const { return m_ranges > 0; }
    bool anyApproximate() const { return m_approximate > 0; }
    bool anyUncertain() const { return m_uncertain > 0; }
    // The lane of `actor`, or of the unattributed events for LaneIndex::unattributed; -1 if none.
    int laneOf(int actor) const;

    // The events of `lane` that may overlap the days [first, last] (fractional days: a day d
    // covers [d, d + 1)), as positions [begin, end) in Lane::events and Lane::subRows. Found by
    // binary search; it may include a few events that end before `first`, never miss one.
    std::pair<std::size_t, std::size_t> visibleRange(int lane, double first, double last) const;

    // Kept up to date while the timeline is edited, an event or an actor at a time: the lanes
    // of the event are laid out again, the others only renumber the events after it. Each is
    // called after the Timeline itself changed.
    void insertEvent(const Timeline &t, std::int32_t event);
    // The removed event was `gone`, with `actors`.
    void removeEvent(const Timeline &t, std::int32_t event, std::span<const std::int32_t> actors,
                     const Event &gone);
    // The event at `event` changed in place (its date order kept); it was `old`, with `oldActors`.
    void replaceEvent(const Timeline &t, std::int32_t event, std::span<const std::int32_t> oldActors,
                      const Event &old);
    // The event at `from` changed and moved to `to` (its new date's place), the events between
    // moving one place towards `from`; it was `old`, with `oldActors`. Only the events between
    // are renumbered, not every event after the lower of the two.
    void moveEvent(const Timeline &t, std::int32_t from, std::int32_t to,
                   std::span<const std::int32_t> oldActors, const Event &old);
    // The actors of many events changed at once (an actor deleted or merged); `events` in index
    // order, each of which had `oldActors` at the same position. Each touched lane is merged
    // anew in one pass, so an actor of 100k events costs a pass over the lanes it touches, not
    // 100k inserts into them.
    void replaceActors(const Timeline &t, std::span<const std::int32_t> events,
                       const std::vector<std::vector<std::int32_t>> &oldActors);
    void insertActor(int actor);
    void removeActor(int actor); // its lane must have no events

private:
    static std::uint64_t nextRevision();
    // From this many lanes on, build() fills them chunk by chunk (see fillManyLanes()).
    static constexpr std::size_t manyLanes = 512;
    // Below this many (lane, event) places a part, build() stays on one thread; it takes at
    // most maxThreads, as each of them reads every event.
    static constexpr std::size_t minPlacesAPart = 32 * 1024;
    static constexpr int maxThreads = 4;
    // Fill the lanes [firstLane, endLane) that build() made with their events.
    void fillFewLanes(const Timeline &t, std::size_t firstLane, std::size_t endLane);
    void fillManyLanes(const Timeline &t, std::size_t firstLane, std::size_t endLane);
    void layOut(Lane &lane) const; // its totals and sub-rows, once filled
    void takeIn(const Event &event); // into the extent and what the legend explains
    static void assignSubRows(Lane &lane);
    void count(const Event &event, int delta); // into what the legend explains
    void updateTotals(Lane &lane) const;
    // Each true when the extent changed. Growing looks at no event; shrinking scans them only
    // when the removed one was on the extent's edge.
    bool growExtent(Days days);
    bool shrinkExtent(const Timeline &t, Days removed);
    // Adds `shift` to the events numbered [first, end) in every lane.
    void renumber(std::int32_t first, std::int32_t end, int shift);
    // The number of the lane of `actor`; makes the unattributed lane when needed.
    int laneFor(int actor);
    // The lane numbered `lane`, kept from now on if it was not; references to other kept lanes
    // may then no longer hold.
    Lane &kept(std::size_t lane);
    // The lane numbered `lane`, which must be kept: as kept(), but without the check, for the
    // loops that fill the lanes build() made, on any thread.
    Lane &keptLane(std::size_t lane) { return m_lanes.m_kept[std::size_t(m_lanes.m_keptAt[lane])]; }
    // Stops keeping the lane numbered `lane`, which has no events (it reads as empty).
    void forget(std::size_t lane);
    // Adds the event to, or takes it from, the lanes of its actors; collects the lanes touched.
    void attach(const Timeline &t, std::int32_t event, std::vector<int> *touched);
    std::optional<Days> detach(std::int32_t event, std::span<const std::int32_t> actors,
                               std::vector<int> *touched);
    // Sub-rows and totals of the touched lanes again (of all, when the extent moved).
    void relayOut(std::vector<int> touched, bool extentChanged);

    Lanes m_lanes;
    int m_unattributedLane = -1;
    std::optional<Days> m_extent;
    std::int64_t m_withoutKind = 0;
    std::int64_t m_ranges = 0;
    std::int64_t m_approximate = 0;
    std::int64_t m_uncertain = 0;
};
