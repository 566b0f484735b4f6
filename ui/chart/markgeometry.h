#pragma once

#include <QRectF>

class TimelineChart;
struct Event;

// Where a frame draws an event's mark: the linear map from days to x, and the size of marks in
// lanes of the chart's height, full size in tall lanes and shrinking with them. Taken from the
// chart once per paint or hit test, so that drawing and clicking agree.
struct MarkGeometry
{
    qreal x0 = 0; // x of day 0
    qreal scale = 1; // pixels per day
    qreal radius = 5.5;
    qreal barHeight = 12;
    qreal slotStep = 14; // between the sub-rows of a lane
    bool compact = false; // marks are plain blocks drawn per pixel, without outline or label
    // The plot's edges, which an interval open at a side (`2019/..`) is drawn to.
    qreal left = -1e9;
    qreal right = 1e9;

    static MarkGeometry of(const TimelineChart &chart);
    // The sizes for lanes of `height`, on a mapping of `x0` and `scale`.
    static MarkGeometry forLane(qreal height, qreal x0 = 0, qreal scale = 1);
    static bool isPoint(const Event &event);

    qreal x(double day) const { return x0 + day * scale; }
    double day(qreal x) const { return (x - x0) / scale; }
    qreal offset(int slot) const { return slot == 0 ? 0 : (slot % 2 ? 1 : -1) * slotStep * ((slot + 1) / 2); }
    // Where an event is drawn in a lane: its marker's circle, or its bar in its slot.
    QRectF markRect(const Event &event, int slot, qreal laneCentre, bool current) const;
};
