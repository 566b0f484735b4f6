#include "lanelayout.h"

#include <algorithm>
#include <cmath>

namespace {

// Rounding in y(), rowAt() and the scroll bar's whole pixels must not make a row that ends on
// the area's edge count as showing a sliver beyond it.
constexpr double s_epsilon = 1e-6;

} // namespace

LaneLayout LaneLayout::compute(int rows, qreal top, qreal height, qreal readableHeight, bool overview,
                               double requestedTop)
{
    LaneLayout layout;
    layout.rows = std::max(0, rows);
    layout.top = top;
    layout.height = std::max<qreal>(0, height);
    const qreal fitted = layout.height / std::max(1, layout.rows);
    if (overview || layout.rows == 0 || fitted >= readableHeight) {
        layout.laneHeight = fitted;
        return layout;
    }
    layout.laneHeight = readableHeight;
    layout.maxTopRow = std::max(0.0, layout.rows - layout.height / readableHeight);
    if (std::isfinite(requestedTop))
        layout.topRow = std::clamp(requestedTop, 0.0, layout.maxTopRow);
    return layout;
}

qreal LaneLayout::readableHeight(qreal labelLineHeight)
{
    // A full-size mark is 12 pixels high (a bar; a dot is 11 across) and wants a little air.
    constexpr qreal markLine = 16;
    return std::ceil(markLine + std::max<qreal>(0, labelLineHeight));
}

int LaneLayout::rowAt(qreal y) const
{
    if (rows == 0 || laneHeight <= 0 || y < top || y >= top + height)
        return -1;
    const int row = int(std::floor(topRow + (y - top) / laneHeight + s_epsilon));
    return row >= 0 && row < rows ? row : -1;
}

std::pair<int, int> LaneLayout::visibleRows() const
{
    if (rows == 0 || laneHeight <= 0)
        return { 0, 0 };
    const int first = std::clamp(int(std::floor(topRow + s_epsilon)), 0, rows);
    const int end = std::clamp(int(std::ceil(topRow + rowsInView() - s_epsilon)), first, rows);
    return { first, end };
}

bool LaneLayout::isWhollyVisible(int row) const
{
    return row >= 0 && row < rows && y(row) >= top - s_epsilon
        && y(row) + laneHeight <= top + height + s_epsilon;
}

double LaneLayout::topToShow(int row) const
{
    if (row < 0 || row >= rows || !scrolls() || isWhollyVisible(row))
        return topRow;
    // Above the area, or the area is lower than one lane: the row goes to the top.
    if (y(row) < top || laneHeight > height)
        return std::clamp(double(row), 0.0, maxTopRow);
    // Below: the row comes up to the bottom edge, or a little above it so that the top lane is
    // a whole one (the last lanes end on the bottom edge).
    return std::clamp(std::ceil(row + 1 - rowsInView() - s_epsilon), 0.0, maxTopRow);
}
