#pragma once

#include "timeline.h"

#include <cstdint>
#include <optional>
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
    struct Days
    {
        std::int32_t first = 0;
        std::int32_t last = 0;
    };

    struct Lane
    {
        int actor = unattributed;
        std::vector<std::int32_t> events; // indices into Timeline::events, by first day
        std::vector<Days> days; // per event, its days
        // Per event, the sub-row it is drawn in, so that overlapping ranges, or points on the
        // same day, do not hide each other in one lane: 0 on the centre line, 1 below, 2 above.
        std::vector<std::uint8_t> subRows;
        std::int32_t longest = 0; // the longest event's length in days, bounds the search back
    };

    void build(const Timeline &timeline);
    const std::vector<Lane> &lanes() const { return m_lanes; }
    // Found while building, so that showing a timeline needs no pass over its events: the first
    // and last day of all events (nullopt when there are none), and whether any has no kind.
    std::optional<Days> extent() const { return m_extent; }
    bool anyWithoutKind() const { return m_anyWithoutKind; }
    // The lane of `actor`, or of the unattributed events for LaneIndex::unattributed; -1 if none.
    int laneOf(int actor) const;

    // The events of `lane` that may overlap the days [first, last] (fractional days: a day d
    // covers [d, d + 1)), as positions [begin, end) in Lane::events and Lane::subRows. Found by
    // binary search; it may include a few events that end before `first`, never miss one.
    std::pair<std::size_t, std::size_t> visibleRange(int lane, double first, double last) const;

private:
    std::vector<Lane> m_lanes;
    std::vector<int> m_laneOfActor;
    int m_unattributedLane = -1;
    std::optional<Days> m_extent;
    bool m_anyWithoutKind = false;
};
