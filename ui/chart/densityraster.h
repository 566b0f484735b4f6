#pragma once

#include "lanedetail.h"

#include <QImage>

#include <utility>
#include <vector>

class KindPalette;
class QPainter;
class TimelineChart;
struct Emphasis;
struct MarkGeometry;

// What the chart draws per pixel: the density strips of lanes with more events in view than
// room for their marks, and the plain marks of lanes too low for outlined ones. Each lane's
// strip is one line of device pixels, written straight into an image and copied into the rows
// the lane's marks would take: a frame's cost follows the screen's size, not the events'.
class DensityRaster
{
public:
    // Draws the lanes' strips over `area` (chart coordinates) at `pixelRatio` device pixels a
    // point; `details` are the shown lanes' plans, `peak` the busiest column over all of them.
    void paint(QPainter *painter, const TimelineChart &chart, const QRectF &area, qreal pixelRatio,
               const std::vector<const LaneDetail *> &details, std::uint32_t peak,
               const MarkGeometry &geometry, const KindPalette &palette, const Emphasis &emphasis);

    // The rows of device pixels [first, last] that the strip of the lane at `row` is copied
    // into, in an image of `height` rows over `area`; none when last < first.
    static std::pair<int, int> pixelRows(const TimelineChart &chart, const QRectF &area, qreal pixelRatio,
                                         const MarkGeometry &geometry, int row, int height);

private:
    QImage m_pixels; // kept between frames for its memory
};
