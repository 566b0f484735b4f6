#include "markgeometry.h"

#include "timeline.h"
#include "timelinechart.h"
#include "zoomstate.h"

namespace {

// Lanes lower than this have no room for outlined marks and labels: their marks are plain
// blocks drawn per pixel.
constexpr qreal s_compactLaneHeight = 16;

} // namespace

MarkGeometry MarkGeometry::of(const TimelineChart &chart)
{
    const ZoomState *zoom = chart.zoom();
    const QRectF area = chart.eventArea();
    const qreal scale = area.width() / zoom->span();
    MarkGeometry g = forLane(chart.laneHeight(), area.left() - zoom->first() * scale, scale);
    g.left = area.left();
    g.right = area.right();
    return g;
}

MarkGeometry MarkGeometry::forLane(qreal height, qreal x0, qreal scale)
{
    MarkGeometry g;
    g.x0 = x0;
    g.scale = scale;
    g.compact = height < s_compactLaneHeight;
    g.radius = std::clamp(height * 0.3, 1.5, 5.5);
    g.barHeight = std::clamp(height * 0.6, 2.0, 12.0);
    g.slotStep = g.compact ? 0 : std::min(14.0, height * 0.28);
    return g;
}

bool MarkGeometry::isPoint(const Event &event)
{
    return event.range.precision == DateRange::Precision::Day && !event.range.hasOpenStart()
        && !event.range.hasOpenEnd();
}

QRectF MarkGeometry::markRect(const Event &event, int slot, qreal laneCentre, bool current) const
{
    const DateRange &range = event.range;
    const qreal x1 = range.hasOpenStart() ? std::min(left, x(range.last + 1) - 3) : x(range.first);
    if (isPoint(event)) {
        const qreal r = current ? std::max(radius, 5.5) + 2 : radius;
        const QPointF centre(x1 + scale / 2, laneCentre + offset(slot));
        return QRectF(centre - QPointF(r, r), QSizeF(2 * r, 2 * r));
    }
    const qreal height = current ? std::max(barHeight, 8.0) : barHeight;
    const qreal x2 = std::max(range.hasOpenEnd() ? std::max(right, x1 + 3) : x(range.last + 1), x1 + 3);
    return QRectF(x1, laneCentre + offset(slot) - height / 2, x2 - x1, height);
}
