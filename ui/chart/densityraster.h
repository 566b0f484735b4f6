#pragma once

#include "lanedetail.h"
#include "lanelayout.h"

#include <QImage>

#include <cmath>
#include <cstdint>
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
// the lane's marks would take: a frame's cost follows the screen's size, not the events'. The
// image is kept between frames: when only some lanes' plans changed (an edit), only the rows
// of pixels those lanes write are written again.
class DensityRaster
{
public:
    // Where the lanes' strips lie in an image of `height` rows of device pixels over an area
    // whose top is at `areaTop` (chart coordinates), worked out per row without asking the chart.
    struct Rows
    {
        qreal areaTop = 0;
        qreal pixelRatio = 1;
        qreal half = 0.5; // half a strip's height, in device pixels
        int height = 1;
        LaneLayout layout;

        Rows(const TimelineChart &chart, const QRectF &area, qreal pixelRatio, const MarkGeometry &geometry,
             int height);
        // The rows of device pixels [first, last] that the strip of the lane at `row` is copied
        // into; none when last < first. The first is never less than the row above's.
        std::pair<int, int> of(int row) const
        {
            const qreal centre = (layout.y(row) + layout.laneHeight / 2 - areaTop) * pixelRatio;
            const int y0 = std::max(0, int(std::lround(centre - half)));
            const int y1 = std::min(height - 1, std::max(y0, int(std::lround(centre + half)) - 1));
            return { y0, y1 };
        }
        // The last row in [first, before) whose strip starts above the row of pixels `y`, or
        // first - 1 when there is none.
        int lastStartingAbove(int y, int first, int before) const;
    };

    // A lane that the frame planned, in row order.
    struct Lane
    {
        int row = 0;
        int lane = 0; // its number in the lane index
        const LaneDetail *detail = nullptr;
        std::uint64_t plan = 0; // the plan's revision
    };

    // Draws the lanes' strips over `area` (chart coordinates) at `rows.pixelRatio` device pixels
    // a point; `planned` are the shown lanes' plans (a lane without one is drawn over by those
    // below it), `peak` the busiest column over all of them.
    void paint(QPainter *painter, const TimelineChart &chart, const QRectF &area, const Rows &rows,
               const std::vector<Lane> &planned, std::uint32_t peak, const MarkGeometry &geometry,
               const KindPalette &palette, const Emphasis &emphasis);

    // How many rows of pixels the last frame wrote (the others were kept).
    int writtenRows() const { return m_writtenRows; }

private:
    // What every lane's line of pixels depends on besides its plan.
    struct Key
    {
        QSize size;
        qreal pixelRatio = 0;
        double first = 0;
        double daysPerColumn = 0;
        std::uint32_t peak = 0;
        bool dark = false;
        bool compact = false;
        bool dimOthers = false;
        int highlightedActor = -1;
        std::uint64_t palette = 0;
        const void *timeline = nullptr;
        bool operator==(const Key &) const = default;
    };
    // The rows of pixels [y0, y1] that a lane wrote, from which plan.
    struct Written
    {
        int row = 0;
        int lane = 0;
        std::uint64_t plan = 0;
        int y0 = 0;
        int y1 = -1;
        bool operator==(const Written &) const = default;
    };

    QImage m_pixels; // kept between frames, as m_written and m_key say
    Key m_key;
    std::vector<Written> m_written; // by row
    std::vector<Written> m_next; // this frame's, kept for its memory
    int m_writtenRows = 0;
};
