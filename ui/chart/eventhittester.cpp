#include "eventhittester.h"

#include "eventmodel.h"
#include "lanedetail.h"
#include "markgeometry.h"
#include "rowplanner.h"
#include "timelinechart.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QLineF>

#include <limits>

namespace {

constexpr qreal s_hitSlop = 4;

} // namespace

int EventHitTester::aggregatedAt(QPointF pos) const
{
    const QRectF area = m_chart.eventArea();
    const int row = m_chart.rowAt(pos.y());
    if (!m_chart.events()->timeline() || row < 0 || !area.contains(pos))
        return 0;
    const int columns = std::max(1, int(area.width()));
    LaneDetail detail;
    RowPlanner::plan(m_chart, row, m_chart.zoom()->span() / columns, columns, &detail);
    if (!detail.aggregated)
        return 0;
    const int column = std::clamp(int(pos.x() - area.left()), 0, columns - 1);
    return int(detail.coverage[std::size_t(column)]);
}

int EventHitTester::eventAt(QPointF pos) const
{
    const auto &timeline = m_chart.events()->timeline();
    if (!timeline || !m_chart.eventArea().contains(pos))
        return -1;
    const int row = m_chart.rowAt(pos.y());
    if (row < 0)
        return -1;
    const Timeline &t = *timeline;
    const MarkGeometry geometry = MarkGeometry::of(m_chart);
    const LaneIndex::Lane &lane = m_chart.laneIndex().lanes()[m_chart.shownLanes()[row]];
    const qreal cy = m_chart.laneRect(row).center().y();
    const int current = m_chart.currentEvent();
    // What the frame draws one by one: an aggregated lane shows only the current event so.
    const int columns = std::max(1, int(m_chart.eventArea().width()));
    LaneDetail detail;
    RowPlanner::plan(m_chart, row, m_chart.zoom()->span() / columns, columns, &detail);

    // The nearest marker wins; a bar counts when the cursor is on it, after any marker there.
    int best = -1;
    qreal bestDistance = std::numeric_limits<qreal>::max();
    for (const std::uint32_t i : detail.marks) {
        const std::int32_t e = lane.events()[i];
        const QRectF mark =
            geometry.markRect(t.events[e], geometry.compact ? 0 : lane.subRows()[i], cy, e == current);
        if (!mark.adjusted(-s_hitSlop, -s_hitSlop, s_hitSlop, s_hitSlop).contains(pos))
            continue;
        const qreal distance =
            MarkGeometry::isPoint(t.events[e]) ? QLineF(mark.center(), pos).length() : mark.width() + 1000;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = e;
        }
    }
    return best;
}

QPointF EventHitTester::markerPosition(int event) const
{
    const auto &timeline = m_chart.events()->timeline();
    if (!timeline || event < 0 || event >= int(timeline->events.size()) || !m_chart.filter()->accepts(event))
        return {};
    const Timeline &t = *timeline;
    const Event &e = t.events[event];
    const LaneIndex &index = m_chart.laneIndex();
    // Its lanes, top first; events without actors have a lane of their own.
    QList<int> lanes;
    for (const std::int32_t actor : t.actorsOf(e))
        lanes.append(index.laneOf(actor));
    if (t.actorsOf(e).empty())
        lanes.append(index.laneOf(LaneIndex::unattributed));
    lanes.removeIf([&](int lane) { return m_chart.rowOfLane(lane) < 0; });
    std::sort(lanes.begin(), lanes.end(),
              [&](int a, int b) { return m_chart.rowOfLane(a) < m_chart.rowOfLane(b); });

    const MarkGeometry geometry = MarkGeometry::of(m_chart);
    const QRectF plot = m_chart.eventArea();
    // Spots on the event's mark in a lane: a dot's centre; along a bar's visible part.
    const auto spotsIn = [&](int laneNumber) {
        const LaneIndex::Lane &lane = index.lanes()[laneNumber];
        const std::span<const std::int32_t> events = lane.events();
        const auto it = std::find(events.begin(), events.end(), event);
        const int subRow = it == events.end() ? 0 : lane.subRows()[std::size_t(it - events.begin())];
        const QRectF mark = geometry.markRect(e, geometry.compact ? 0 : subRow,
                                              m_chart.laneRect(m_chart.rowOfLane(laneNumber)).center().y(),
                                              event == m_chart.currentEvent());
        const QRectF shown = mark.intersected(plot);
        QList<QPointF> spots { shown.isEmpty() ? mark.center() : shown.center() };
        if (!MarkGeometry::isPoint(e) && !shown.isEmpty()) {
            for (const qreal f : { 0.3, 0.7, 0.1, 0.9, 0.2, 0.8, 0.4, 0.6 })
                spots.append(QPointF(shown.left() + f * shown.width(), shown.center().y()));
        }
        return spots;
    };
    // Where a click selects this event: a spot where it is the one hit, even a pixel off (a
    // click lands on whole pixels), in its top-most such lane; failing that, where it is hit.
    const auto hitsAround = [&](QPointF spot) {
        for (const QPointF offset :
             { QPointF(0, 0), QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1) }) {
            if (eventAt(spot + offset) != event)
                return false;
        }
        return true;
    };
    QPointF fallback;
    for (const int lane : std::as_const(lanes)) {
        for (const QPointF spot : spotsIn(lane)) {
            if (hitsAround(spot))
                return spot;
            if (fallback.isNull() && eventAt(spot) == event)
                fallback = spot;
        }
    }
    if (fallback.isNull() && !lanes.isEmpty())
        fallback = spotsIn(lanes.first()).first();
    return fallback;
}
