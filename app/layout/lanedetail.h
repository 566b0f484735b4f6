#pragma once

#include "laneindex.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

// Days to pixel columns across the plot: column 0 starts at day `first`, each column is
// `daysPerColumn` days wide, and there are `width` of them.
struct ColumnMapping
{
    ColumnMapping(double first, double daysPerColumn, int width)
        : first(first)
        , width(width)
        , columnsPerDay(1 / daysPerColumn)
    { }

    double first;
    int width;
    double columnsPerDay; // a product per event rather than a quotient: frames make millions

    double column(double day) const { return (day - first) * columnsPerDay; }

    // The columns an event covers, clamped to the plot; false when none is in view. A day
    // covers [d, d + 1), so an event ends where its last day does.
    bool columns(LaneIndex::Days days, int *from, int *to) const
    {
        const double start = column(days.first);
        const double end = column(double(days.last) + 1);
        if (end <= 0 || start >= width || width <= 0)
            return false;
        // Clamped before converting: deep in, an event's far end may lie billions of columns away.
        *from = int(std::clamp(std::floor(start), 0.0, double(width - 1)));
        *to = int(std::clamp(std::ceil(end) - 1, double(*from), double(width - 1)));
        return true;
    }
};

// The days where a mapping's columns begin, as whole days found through map.column() itself so
// that every event lands in the column plan() puts it in: starts[c] is the first day that
// starts in column c or later, ends[c] the first day on which an event must end to reach past
// column c. They depend on the mapping alone, and a frame plans every lane with one mapping:
// of() keeps the last mapping's boundaries (per thread) instead of finding them again per lane.
struct ColumnBoundaries
{
    double first = 0;
    double columnsPerDay = 0;
    int width = -1;
    std::vector<double> starts; // width + 1 entries
    std::vector<double> ends; // width entries

    static const ColumnBoundaries &of(const ColumnMapping &map)
    {
        thread_local ColumnBoundaries last;
        if (last.first != map.first || last.columnsPerDay != map.columnsPerDay || last.width != map.width)
            last = ColumnBoundaries(map);
        return last;
    }

    ColumnBoundaries() = default;
    explicit ColumnBoundaries(const ColumnMapping &map)
        : first(map.first)
        , columnsPerDay(map.columnsPerDay)
        , width(map.width)
    {
        const double daysPerColumn = 1 / map.columnsPerDay;
        starts.resize(std::size_t(std::max(0, map.width) + 1));
        for (int c = 0; c <= map.width; ++c) {
            double day = std::ceil(map.first + c * daysPerColumn);
            while (map.column(day - 1) >= c)
                --day;
            while (map.column(day) < c)
                ++day;
            starts[std::size_t(c)] = day;
        }
        ends.resize(std::size_t(std::max(0, map.width)));
        for (int c = 0; c < map.width; ++c) {
            double day = std::floor(map.first + c * daysPerColumn) + 1;
            while (map.column(day - 1) > c)
                --day;
            while (map.column(day) <= c)
                ++day;
            ends[std::size_t(c)] = day;
        }
    }
};

// Per whole day in and around a mapping's view, the columns map.columns() gives an event that
// starts or ends on it, so that planning lanes of thousands of events looks their days up
// rather than working each out. Found with map.columns()'s own arithmetic, so plans are the
// same. Like ColumnBoundaries, of() keeps the last mapping's table (per thread); a view of
// more than maxDays days has none (usable() is false).
struct DayColumns
{
    static constexpr Day maxDays = Day(1) << 18;
    double first = 0;
    double columnsPerDay = 0;
    int width = -1;
    Day low = 0; // the day of entry 0: an event ending on it or before is out of view
    // Per day: the column an event starting on it starts in, -1 when past the view; the column
    // an event ending on it ends in (before clamping to where it starts), -1 when before it.
    std::vector<std::int32_t> starts;
    std::vector<std::int32_t> ends;

    static const DayColumns &of(const ColumnMapping &map)
    {
        thread_local DayColumns last;
        if (last.first != map.first || last.columnsPerDay != map.columnsPerDay || last.width != map.width)
            last = DayColumns(map);
        return last;
    }

    DayColumns() = default;
    explicit DayColumns(const ColumnMapping &map)
        : first(map.first)
        , columnsPerDay(map.columnsPerDay)
        , width(map.width)
    {
        if (map.width <= 0 || !std::isfinite(map.first) || !(map.columnsPerDay > 0))
            return;
        const double span = map.width / map.columnsPerDay;
        if (!(span < double(maxDays)))
            return;
        // Below `low` every event has ended before the view; from `high` on, all start past it.
        low = Day(std::floor(map.first)) - 1;
        Day high = Day(std::ceil(map.first + span)) + 1;
        while (map.column(double(high)) < map.width)
            ++high;
        const std::size_t size = std::size_t(high - low + 1);
        starts.resize(size);
        ends.resize(size);
        for (std::size_t i = 0; i < size; ++i) {
            const double day = double(low + Day(i));
            const double start = map.column(day);
            starts[i] = start >= map.width ? -1 : std::int32_t(std::clamp(std::floor(start), 0.0, double(map.width - 1)));
            const double end = map.column(day + 1);
            ends[i] = end <= 0 ? -1 : std::int32_t(std::min(std::ceil(end) - 1, double(map.width - 1)));
        }
    }

    bool usable() const { return !starts.empty(); }
    // As ColumnMapping::columns(), when usable().
    bool columns(DaySpan days, int *from, int *to) const
    {
        const auto at = [&](Day day) {
            return std::size_t(std::clamp<Day>(day - low, 0, Day(starts.size()) - 1));
        };
        const std::int32_t start = starts[at(days.first)];
        if (start < 0)
            return false;
        const std::int32_t end = ends[at(days.last)];
        if (end < 0)
            return false;
        *from = start;
        *to = std::max(start, end);
        return true;
    }
};

// How one lane is drawn at one zoom (level of detail). When no more events are in view than
// the lane has room for, each gets its own mark. Otherwise they are aggregated per pixel
// column, as Qwt filters a curve's points per pixel: `counts` says how many events start in
// each column (the sum is the number aggregated) and `coverage` how many overlap it, which
// the chart draws as a density strip. The selected event is always drawn on its own.
struct LaneDetail
{
    bool aggregated = false;
    std::vector<std::uint32_t> marks; // positions in the lane's events drawn one by one
    std::vector<std::uint32_t> counts; // per column, when aggregated
    std::vector<std::uint32_t> coverage; // per column, when aggregated
    std::uint32_t aggregatedCount = 0;
    std::uint32_t peakCoverage = 0;

    // Plans positions [begin, end) of `lane` (a visibleRange, which may hold events just out
    // of view), and the lane's open intervals outside them, which reach into every view on their
    // open side. `accepts(event)` is the filter; `selected` an event index or -1; `room` how
    // many marks the lane can show. The vectors keep their capacity from frame to frame.
    template<typename Accepts>
    void plan(const LaneIndex::Lane &lane, std::size_t begin, std::size_t end, const ColumnMapping &map,
              Accepts &&accepts, std::int32_t selected, std::size_t room)
    {
        // Lanes without open intervals, nearly all, read no more than the days of their events.
        if (lane.open.empty())
            planPositions<false>(lane, begin, end, map, accepts, selected, room);
        else
            planPositions<true>(lane, begin, end, map, accepts, selected, room);
    }

    // The same plan from the lane's running totals (LaneIndex::Lane::hasTotals()), for when the
    // filter passes all of the lane's events: two look-ups per column, however many events
    // the view holds.
    void planFromTotals(const LaneIndex::Lane &lane, std::size_t begin, std::size_t end, const ColumnMapping &map,
                        std::int32_t selected, std::size_t room)
    {
        const auto all = [](std::int32_t) { return true; };
        if (map.width <= 0 || !lane.hasTotals()) {
            plan(lane, begin, end, map, all, selected, room);
            return;
        }
        const ColumnBoundaries &bounds = ColumnBoundaries::of(map);
        const auto startBoundary = [&](int c) { return bounds.starts[std::size_t(c)]; };
        const auto endBoundary = [&](int c) { return bounds.ends[std::size_t(c)]; };
        // Events end on day `last + 1`; those ending before endBoundary(c) stop short of column c.
        const auto endedShortOf = [&](int c) { return lane.endsBy(endBoundary(c) - 1); };
        const std::uint32_t inView = lane.startsBefore(startBoundary(map.width)) - endedShortOf(0);
        if (inView <= room) {
            plan(lane, begin, end, map, all, selected, room);
            return;
        }
        aggregated = true;
        marks.clear();
        counts.resize(std::size_t(map.width));
        coverage.resize(std::size_t(map.width));
        std::uint32_t startedBefore = 0;
        for (int c = 0; c < map.width; ++c) {
            const std::uint32_t startedBy = lane.startsBefore(startBoundary(c + 1));
            coverage[std::size_t(c)] = startedBy - endedShortOf(c);
            // Those that started before the view are counted where they come into it.
            counts[std::size_t(c)] = c == 0 ? coverage[0] : startedBy - startedBefore;
            startedBefore = startedBy;
        }
        aggregatedCount = inView;
        // The selected event is drawn on its own: take it out of the columns it covers.
        // (Looked for in the whole lane: an open interval reaches the view from anywhere.)
        const std::span<const std::int32_t> events = lane.events();
        const auto it = std::lower_bound(events.begin(), events.end(), selected);
        int from = 0, to = 0;
        if (selected >= 0 && it != events.end() && *it == selected
            && map.columns(lane.drawnDays(std::size_t(it - events.begin())), &from, &to)) {
            const auto i = std::uint32_t(it - events.begin());
            marks.push_back(i);
            --counts[std::size_t(from)];
            for (int c = from; c <= to; ++c)
                --coverage[std::size_t(c)];
            --aggregatedCount;
        }
        peakCoverage = *std::max_element(coverage.begin(), coverage.end());
    }

private:
    template<bool WithOpen, typename Accepts>
    void planPositions(const LaneIndex::Lane &lane, std::size_t begin, std::size_t end, const ColumnMapping &map,
                       Accepts &&accepts, std::int32_t selected, std::size_t room)
    {
        // Read from views taken once: a lane's arrays lie in one block (LaneEntries).
        const LaneDays days = lane.days();
        const std::span<const std::int32_t> events = lane.events();
        const auto daysOf = [&](std::size_t i) {
            if constexpr (WithOpen)
                return lane.drawnDays(i);
            else
                return days[i];
        };
        // The positions to look at: [begin, end) and, with open intervals, those outside it.
        std::size_t outside = 0;
        if constexpr (WithOpen) {
            for (const std::uint32_t p : lane.open)
                outside += p < begin || p >= end;
        }
        const auto forEach = [&](auto &&visit) {
            if constexpr (WithOpen) {
                for (const std::uint32_t p : lane.open) {
                    if (p < begin)
                        visit(std::size_t(p));
                }
            }
            for (std::size_t i = begin; i < end; ++i)
                visit(i);
            if constexpr (WithOpen) {
                for (const std::uint32_t p : lane.open) {
                    if (p >= end)
                        visit(std::size_t(p));
                }
            }
        };
        aggregated = false;
        aggregatedCount = 0;
        peakCoverage = 0;
        marks.clear();
        int from = 0, to = 0;
        const DayColumns &table = DayColumns::of(map);
        const auto columns = [&](LaneIndex::Days days, int *from, int *to) {
            return table.usable() ? table.columns(days, from, to) : map.columns(days, from, to);
        };
        // Few enough that they may all fit: find which are in view.
        if (end - begin + outside <= room) {
            forEach([&](std::size_t i) {
                if (columns(daysOf(i), &from, &to) && accepts(events[i]))
                    marks.push_back(std::uint32_t(i));
            });
            return;
        }

        // Else count them per column in one pass (a frame at a million events makes this pass
        // over all of them), and fall back to marks if, after all, they fit.
        aggregated = true;
        counts.assign(std::size_t(map.width), 0);
        // Coverage through a difference array: +1 where an event starts, -1 after it ends.
        coverage.assign(std::size_t(map.width) + 1, 0);
        std::int64_t kept = -1;
        forEach([&](std::size_t i) {
            if (!columns(daysOf(i), &from, &to) || !accepts(events[i]))
                return;
            if (events[i] == selected) {
                kept = std::int64_t(i);
                return;
            }
            ++counts[std::size_t(from)];
            ++coverage[std::size_t(from)];
            --coverage[std::size_t(to) + 1];
            ++aggregatedCount;
        });
        if (aggregatedCount + (kept >= 0 ? 1 : 0) <= room) {
            plan(lane, begin, end, map, accepts, selected, std::numeric_limits<std::size_t>::max());
            return;
        }
        std::uint32_t running = 0;
        for (std::uint32_t &c : coverage) {
            running += c; // wraps back through the -1s: the running sum is never negative
            c = running;
            peakCoverage = std::max(peakCoverage, running);
        }
        coverage.pop_back();
        if (kept >= 0)
            marks.push_back(std::uint32_t(kept));
    }
};
