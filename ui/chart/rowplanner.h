#pragma once

#include <cstddef>

class TimelineChart;
struct LaneDetail;

// What a frame of the chart draws in each shown lane, at which level of detail: planned the
// same way for painting and for hit tests, so that a click finds what was drawn.
namespace RowPlanner {
// How many marks a lane shows one by one before it becomes a density strip.
std::size_t room(const TimelineChart &chart);
// Plans the lane at `row` over the whole view, as a frame draws it.
void plan(const TimelineChart &chart, int row, double daysPerColumn, int columns, LaneDetail *detail);
} // namespace RowPlanner
