#include "rowplanner.h"

#include "eventmodel.h"
#include "markgeometry.h"
#include "timelinechart.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <algorithm>

namespace {

// Outlined marks drawn in one frame, over all lanes: past this a frame no longer fits in 16 ms.
constexpr std::size_t s_markBudget = 2500;

// How a lane's plan asks the filter.
enum class FilterUse {
    Totals, // not at all, counting from the lane's running totals
    All, // not at all: every event passes
    Each, // event by event
};

// `searching`: the filter has search text; `acceptsAll`: it accepts every event.
FilterUse filterUse(const LaneIndex::Lane &lane, bool searching, bool acceptsAll)
{
    // Without search text every event of a shown lane passes the filter.
    if (lane.hasTotals() && !searching)
        return FilterUse::Totals;
    if (acceptsAll)
        return FilterUse::All;
    return FilterUse::Each;
}

FilterUse filterUse(const TimelineChart &chart, const LaneIndex::Lane &lane)
{
    const TimelineFilter *filter = chart.filter();
    return filterUse(lane, !filter->text().isEmpty(),
                     filter->acceptedCount() == qsizetype(chart.events()->timeline()->events.size()));
}

void planLane(const TimelineChart &chart, int laneNumber, FilterUse use, std::size_t room,
              double daysPerColumn, int columns, LaneDetail *detail)
{
    const ZoomState *zoom = chart.zoom();
    const LaneIndex &index = chart.laneIndex();
    const auto [begin, end] = index.visibleRange(laneNumber, zoom->first(), zoom->last());
    const TimelineFilter *filter = chart.filter();
    const ColumnMapping columnMap { zoom->first(), daysPerColumn, columns };
    const std::int32_t current = chart.currentEvent();
    const LaneIndex::Lane &lane = index.lanes()[laneNumber];
    switch (use) {
    case FilterUse::Totals:
        detail->planFromTotals(lane, begin, end, columnMap, current, room);
        break;
    case FilterUse::All:
        detail->plan(
            lane, begin, end, columnMap, [](std::int32_t) { return true; }, current, room);
        break;
    case FilterUse::Each:
        detail->plan(
            lane, begin, end, columnMap, [filter](std::int32_t e) { return filter->accepts(e); }, current,
            room);
        break;
    }
}

} // namespace

namespace RowPlanner {

std::size_t room(const TimelineChart &chart)
{
    // Plain marks are cheap, drawn per pixel: a lane shows one per few pixels. Outlined ones
    // share a budget over the lanes in view.
    const qreal width = chart.eventArea().width();
    if (MarkGeometry::of(chart).compact)
        return std::size_t(std::max(0.0, width / 3));
    const auto [first, end] = chart.visibleRows();
    const std::size_t lanes = std::max<std::size_t>(1, std::size_t(end - first));
    return std::min(std::size_t(std::max(0.0, width / 10)), std::max<std::size_t>(8, s_markBudget / lanes));
}

void plan(const TimelineChart &chart, int row, double daysPerColumn, int columns, LaneDetail *detail)
{
    const int laneNumber = chart.shownLanes()[row];
    const LaneIndex::Lane &lane = chart.laneIndex().lanes()[laneNumber];
    planLane(chart, laneNumber, filterUse(chart, lane), room(chart), daysPerColumn, columns, detail);
}

} // namespace RowPlanner

void LanePlans::beginFrame(const TimelineChart &chart, double daysPerColumn, int columns)
{
    const ZoomState *zoom = chart.zoom();
    const TimelineFilter *filter = chart.filter();
    m_frame.first = zoom->first();
    m_frame.last = zoom->last();
    m_frame.daysPerColumn = daysPerColumn;
    m_frame.columns = columns;
    m_frame.room = RowPlanner::room(chart);
    m_frame.filterRevision = filter->revision();
    m_searching = !filter->text().isEmpty();
    m_acceptsAll = filter->acceptedCount() == qsizetype(chart.events()->timeline()->events.size());
    m_current = chart.currentEvent();
    if (m_lanes.size() < chart.laneIndex().lanes().size())
        m_lanes.resize(chart.laneIndex().lanes().size());
}

const LanePlans::Plan &LanePlans::of(const TimelineChart &chart, int row)
{
    const int laneNumber = chart.shownLanes()[row];
    const LaneIndex::Lane &lane = chart.laneIndex().lanes()[laneNumber];
    const FilterUse use = filterUse(lane, m_searching, m_acceptsAll);
    Key key = m_frame;
    key.laneRevision = lane.revision;
    key.filterUse = int(use);
    if (use != FilterUse::Each)
        key.filterRevision = 0;
    // Lanes hold their events in index order.
    if (m_current >= 0) {
        const std::span<const std::int32_t> events = lane.events();
        const auto at = std::lower_bound(events.begin(), events.end(), m_current);
        if (at != events.end() && *at == m_current)
            key.selectedAt = at - events.begin();
    }
    Entry &entry = m_lanes[std::size_t(laneNumber)];
    if (!(entry.key == key)) {
        planLane(chart, laneNumber, use, key.room, key.daysPerColumn, key.columns, &entry.plan.detail);
        entry.key = key;
        entry.plan.revision = ++m_revisions;
        ++m_planned;
    }
    return entry.plan;
}
