#pragma once

#include <QtGlobal>

#include <utility>

// How the shown lanes share the height the chart has for them. In the overview every lane is
// squeezed in, however low that makes it; otherwise a lane is never lower than a readable
// height, and when the lanes do not fit at that height a window's worth of them is in view,
// from `topRow` down, and the rest is scrolled to. Rows count from 0 at the top.
struct LaneLayout
{
    int rows = 0;
    qreal top = 0; // y of the lanes' area
    qreal height = 0; // of the lanes' area
    qreal laneHeight = 0;
    double topRow = 0; // the row at the area's top edge; fractional while scrolled by pixels
    double maxTopRow = 0; // 0 when every lane is in view

    // `requestedTop` is clamped so that the area stays full of lanes.
    static LaneLayout compute(int rows, qreal top, qreal height, qreal readableHeight, bool overview,
                              double requestedTop);
    // The lowest a lane may be outside the overview: a line for its marks and one for a label.
    static qreal readableHeight(qreal labelLineHeight);

    bool scrolls() const { return maxTopRow > 0; }
    double rowsInView() const { return laneHeight > 0 ? height / laneHeight : 0; }
    qreal y(int row) const { return top + (row - topRow) * laneHeight; } // the row's top edge
    // The row at `y`, or -1 outside the area or below the last row.
    int rowAt(qreal y) const;
    // The rows with any part in the area, as [first, end).
    std::pair<int, int> visibleRows() const;
    bool isWhollyVisible(int row) const;
    // The top row nearest the current one at which `row` is wholly in view (or, in an area lower
    // than a lane, at the top), a whole row unless that is past maxTopRow.
    double topToShow(int row) const;
};
