#pragma once

#include "lanedetail.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>

class TimelineChart;

// What a frame of the chart draws in each shown lane, at which level of detail: planned the
// same way for painting and for hit tests, so that a click finds what was drawn.
namespace RowPlanner {
// How many marks a lane shows one by one before it becomes a density strip.
std::size_t room(const TimelineChart &chart);
// Plans the lane at `row` over the whole view, as a frame draws it.
void plan(const TimelineChart &chart, int row, double daysPerColumn, int columns, LaneDetail *detail);
} // namespace RowPlanner

// The lanes' plans, kept from frame to frame: a lane is planned again only when something its
// plan depends on changed (its events, the view's days or columns, the room, the filter's
// verdicts, or where the selected event lies in it), so that the frame after an edit plans the
// few lanes the edit touched rather than every lane on screen.
class LanePlans
{
public:
    // A lane's plan, and a number that changes whenever the plan is made anew.
    struct Plan
    {
        LaneDetail detail;
        std::uint64_t revision = 0;
    };

    // Starts a frame over `columns` of `daysPerColumn` days: what every lane's plan shares is
    // found once, so that a frame of thousands of lanes costs little per lane it keeps.
    void beginFrame(const TimelineChart &chart, double daysPerColumn, int columns);
    // The plan of the lane at `row` in this frame, the same as RowPlanner::plan() would make now.
    const Plan &of(const TimelineChart &chart, int row);
    // How many lanes were planned anew since the last call.
    std::size_t takePlannedCount() { return std::exchange(m_planned, 0); }

private:
    // All a plan depends on besides the lane's number.
    struct Key
    {
        std::uint64_t laneRevision = 0;
        double first = 0;
        double last = 0;
        double daysPerColumn = 0;
        int columns = -1;
        std::size_t room = 0;
        std::uint64_t filterRevision = 0; // when the plan asked the filter
        int filterUse = -1; // RowPlanner's way of asking it
        std::int64_t selectedAt = -1; // the selected event's position in the lane
        bool operator==(const Key &) const = default;
    };
    struct Entry
    {
        Key key;
        Plan plan;
    };
    std::deque<Entry> m_lanes; // by lane number; growing keeps the plans handed out in place
    Key m_frame; // this frame's part of every key
    bool m_searching = false; // this frame's filter has search text
    bool m_acceptsAll = false; // and accepts every event
    std::int32_t m_current = -1;
    std::uint64_t m_revisions = 0;
    std::size_t m_planned = 0;
};
