#pragma once

#include <QPointF>

class TimelineChart;

// Finds what a frame of the chart drew where: the event under a click, the spot where a click
// selects an event, the number of events a density strip stands for. It plans each lane as the
// frame does (RowPlanner) and places marks with the same MarkGeometry.
class EventHitTester
{
public:
    explicit EventHitTester(const TimelineChart &chart)
        : m_chart(chart)
    { }

    // The event drawn under `pos` (chart coordinates), or -1.
    int eventAt(QPointF pos) const;
    // Where a click on the event's mark selects it; a null point when it is not shown.
    QPointF markerPosition(int event) const;
    // How many events in view of the lane at `pos` are aggregated in its pixel column; 0 where
    // the lane shows its events one by one.
    int aggregatedAt(QPointF pos) const;

private:
    const TimelineChart &m_chart;
};
