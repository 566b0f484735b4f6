#include "laneindex.h"

#include <algorithm>
#include <cmath>
#include <limits>

void LaneIndex::build(const Timeline &t)
{
    m_lanes.assign(t.actors.size(), {});
    m_laneOfActor.resize(t.actors.size());
    for (qsizetype a = 0; a < t.actors.size(); ++a) {
        m_lanes[a].actor = int(a);
        m_laneOfActor[a] = int(a);
    }
    Lane unattributedLane;
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const Event &event = t.events[i];
        const auto actors = t.actorsOf(event);
        const auto length = event.range.last - event.range.first + 1;
        for (const std::int32_t actor : actors) {
            Lane &lane = m_lanes[actor];
            if (lane.events.empty() || lane.events.back() != std::int32_t(i)) { // an actor named twice
                lane.events.push_back(std::int32_t(i));
                lane.longest = std::max(lane.longest, length);
            }
        }
        if (actors.empty()) {
            unattributedLane.events.push_back(std::int32_t(i));
            unattributedLane.longest = std::max(unattributedLane.longest, length);
        }
    }
    m_unattributedLane = -1;
    if (!unattributedLane.events.empty()) {
        m_unattributedLane = int(m_lanes.size());
        m_lanes.push_back(std::move(unattributedLane));
    }

    // Give each range the first sub-row free by its first day (events come by first day), and
    // each point on a day that already has one in this lane the next sub-row, so that no two
    // marks in a lane lie exactly on top of each other.
    for (Lane &lane : m_lanes) {
        lane.subRows.assign(lane.events.size(), 0);
        std::int32_t rowEnds[subRowCount];
        std::fill(std::begin(rowEnds), std::end(rowEnds), std::numeric_limits<std::int32_t>::min());
        std::int32_t pointDay = std::numeric_limits<std::int32_t>::min();
        int pointsThatDay = 0;
        for (std::size_t i = 0; i < lane.events.size(); ++i) {
            const DateRange &range = t.events[lane.events[i]].range;
            if (range.precision == DateRange::Precision::Day) {
                pointsThatDay = range.first == pointDay ? pointsThatDay + 1 : 0;
                pointDay = range.first;
                lane.subRows[i] = std::uint8_t(pointsThatDay % subRowCount);
                continue;
            }
            const auto free = std::find_if(std::begin(rowEnds), std::end(rowEnds),
                                           [&](std::int32_t end) { return end < range.first; });
            // All taken: share the one that frees first.
            const auto row =
                free != std::end(rowEnds) ? free : std::min_element(std::begin(rowEnds), std::end(rowEnds));
            *row = std::max(*row, range.last);
            lane.subRows[i] = std::uint8_t(row - std::begin(rowEnds));
        }
    }
}

int LaneIndex::laneOf(int actor) const
{
    if (actor == unattributed)
        return m_unattributedLane;
    return actor >= 0 && actor < int(m_laneOfActor.size()) ? m_laneOfActor[actor] : -1;
}

std::pair<std::size_t, std::size_t> LaneIndex::visibleRange(int lane, double first, double last,
                                                            const Timeline &t) const
{
    const Lane &l = m_lanes.at(lane);
    // An event overlaps when it starts before `last` ends and ends after `first` starts; no event
    // is longer than `longest`, so none starting before first - longest can reach the view.
    const double from = std::floor(first) - l.longest;
    const auto begin =
        std::lower_bound(l.events.begin(), l.events.end(), from,
                         [&](std::int32_t e, double day) { return t.events[e].range.first < day; });
    const auto end = std::upper_bound(begin, l.events.end(), last, [&](double day, std::int32_t e) {
        return day < t.events[e].range.first;
    });
    return { std::size_t(begin - l.events.begin()), std::size_t(end - l.events.begin()) };
}
