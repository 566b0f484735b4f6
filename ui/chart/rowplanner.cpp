#include "rowplanner.h"

#include "eventmodel.h"
#include "lanedetail.h"
#include "markgeometry.h"
#include "timelinechart.h"
#include "timelinefilter.h"
#include "zoomstate.h"

namespace {

// Outlined marks drawn in one frame, over all lanes: past this a frame no longer fits in 16 ms.
constexpr std::size_t s_markBudget = 2500;

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
    const auto &timeline = chart.events()->timeline();
    const ZoomState *zoom = chart.zoom();
    const int laneNumber = chart.shownLanes()[row];
    const LaneIndex &index = chart.laneIndex();
    const auto [begin, end] = index.visibleRange(laneNumber, zoom->first(), zoom->last());
    const TimelineFilter *filter = chart.filter();
    const ColumnMapping columnMap { zoom->first(), daysPerColumn, columns };
    const std::int32_t current = chart.currentEvent();
    const LaneIndex::Lane &lane = index.lanes()[laneNumber];
    // Without search text every event of a shown lane passes the filter.
    if (lane.hasTotals() && filter->text().isEmpty()) {
        detail->planFromTotals(lane, begin, end, columnMap, current, room(chart));
    } else if (filter->acceptedCount() == qsizetype(timeline->events.size())) {
        detail->plan(
            lane, begin, end, columnMap, [](std::int32_t) { return true; }, current, room(chart));
    } else {
        detail->plan(
            index.lanes()[laneNumber], begin, end, columnMap,
            [filter](std::int32_t e) { return filter->accepts(e); }, current, room(chart));
    }
}

} // namespace RowPlanner
