#include "densityraster.h"

#include "emphasis.h"
#include "eventmodel.h"
#include "kindpalette.h"
#include "markgeometry.h"
#include "timelinechart.h"
#include "zoomstate.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstring>

DensityRaster::Rows::Rows(const TimelineChart &chart, const QRectF &area, qreal pixelRatio,
                          const MarkGeometry &geometry, int height)
    : areaTop(area.top())
    , pixelRatio(pixelRatio)
    , half(std::max(0.5, geometry.barHeight * pixelRatio / 2))
    , height(height)
    , layout(chart.laneLayout())
{ }

int DensityRaster::Rows::lastStartingAbove(int y, int first, int before) const
{
    // Strips start lower the lower their lane: the first row starting at y or below, less one.
    int low = first, high = before;
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (of(middle).first < y)
            low = middle + 1;
        else
            high = middle;
    }
    return low - 1;
}

void DensityRaster::paint(QPainter *painter, const TimelineChart &chart, const QRectF &area, const Rows &rows,
                          const std::vector<Lane> &planned, std::uint32_t peak, const MarkGeometry &geometry,
                          const KindPalette &palette, const Emphasis &emphasis)
{
    const Timeline &t = *chart.events()->timeline();
    const qreal pixelRatio = rows.pixelRatio;
    const int columns = std::max(1, int(std::lround(area.width() * pixelRatio)));
    const double daysPerColumn = chart.zoom()->span() / columns;
    const std::vector<QRgb> &kindPixels = palette.pixels();
    const int current = emphasis.current;
    const QSize pixelSize(columns, rows.height);
    const bool dimOthers = emphasis.dimOthers();
    const Key key { pixelSize,
                    pixelRatio,
                    chart.zoom()->first(),
                    daysPerColumn,
                    peak,
                    chart.isDark(),
                    geometry.compact,
                    dimOthers,
                    emphasis.highlightedActor,
                    palette.revision(),
                    emphasis.timeline };
    const auto writes = [&](const LaneDetail &detail) {
        return detail.aggregated || (geometry.compact && !detail.marks.empty());
    };
    // Each row of pixels shows the last lane whose strip takes it: found from the bottom up, each
    // lane writes only the rows it keeps, and lanes lower than a pixel cost a row of pixels each,
    // not the two or three their bars take.
    m_next.clear();
    int nextTop = pixelSize.height();
    for (auto lane = planned.rbegin(); lane != planned.rend(); ++lane) {
        if (!writes(*lane->detail))
            continue;
        const auto [y0, y1] = rows.of(lane->row);
        const int kept = std::min(y1, nextTop - 1);
        nextTop = std::min(nextTop, y0);
        if (kept >= y0)
            m_next.push_back({ lane->row, lane->lane, lane->plan, y0, kept });
    }
    std::reverse(m_next.begin(), m_next.end());

    // What to write: every lane when anything they all depend on changed, else the lanes whose
    // rows or plans did, after clearing the rows that the last frame's of those lanes wrote.
    const std::size_t rowBytes = std::size_t(columns) * sizeof(QRgb);
    const auto clear = [&](const Written &w) {
        for (int y = w.y0; y <= w.y1; ++y)
            std::memset(m_pixels.scanLine(y), 0, rowBytes);
    };
    std::vector<const Written *> toWrite;
    const bool anew = m_pixels.size() != pixelSize || !(key == m_key); // and transparent throughout
    if (anew) {
        if (m_pixels.size() != pixelSize)
            m_pixels = QImage(pixelSize, QImage::Format_ARGB32_Premultiplied);
        m_pixels.fill(Qt::transparent);
        m_key = key;
        toWrite.reserve(m_next.size());
        for (const Written &w : m_next)
            toWrite.push_back(&w);
    } else {
        auto old = m_written.cbegin();
        for (const Written &w : m_next) {
            for (; old != m_written.cend() && old->row < w.row; ++old)
                clear(*old);
            if (old != m_written.cend() && old->row == w.row) {
                if (*old == w) {
                    ++old;
                    continue;
                }
                clear(*old++);
            }
            toWrite.push_back(&w);
        }
        for (; old != m_written.cend(); ++old)
            clear(*old);
    }

    // Opacity by how many events overlap a column, on a log scale: one event shows, and a
    // thousand do not drown the rest. One hue, unlike any kind's, says "many events here".
    const QColor density = chart.isDark() ? QColor(150, 180, 240) : QColor(35, 65, 130);
    const double logPeak = std::log1p(double(peak));
    const auto shade = [&](std::uint32_t n) {
        return n == 0 ? QRgb(0)
                      : KindPalette::premultiplied(
                          density, (0.2 + 0.8 * std::log1p(double(n)) / logPeak) * (dimOthers ? 0.5 : 1));
    };
    // Counts up to a few thousand from a table; a lane may hold millions overlapping.
    std::vector<QRgb> shades;
    const ColumnMapping columnMap { chart.zoom()->first(), daysPerColumn, columns };
    const QList<int> &lanes = chart.shownLanes();
    const auto detailOf = [&](int row) {
        const auto at = std::lower_bound(planned.begin(), planned.end(), row,
                                         [](const Lane &lane, int r) { return lane.row < r; });
        return at->detail;
    };
    m_writtenRows = 0;
    for (const Written *w : toWrite) {
        const LaneDetail &detail = *detailOf(w->row);
        QRgb *target = reinterpret_cast<QRgb *>(m_pixels.scanLine(w->y0));
        if (detail.aggregated) {
            if (shades.empty()) {
                shades.resize(std::size_t(std::min<std::uint32_t>(peak, 4096)) + 1);
                for (std::uint32_t n = 0; n < shades.size(); ++n)
                    shades[n] = shade(n);
            }
            for (int c = 0; c < columns; ++c) {
                const std::uint32_t n = detail.coverage[std::size_t(c)];
                target[c] = n < shades.size() ? shades[n] : shade(n);
            }
        } else {
            if (!anew)
                std::memset(target, 0, rowBytes);
            const LaneIndex::Lane &laneData = chart.laneIndex().lanes()[lanes[w->row]];
            const std::span<const std::int32_t> laneEvents = laneData.events();
            const std::span<const std::uint16_t> laneLooks = laneData.looks();
            // Ranges first, paler, each pixel written once (the earliest range keeps a
            // pixel that later ones also cover: long ranges may overlap by hundreds); then
            // points, two pixels wide at least, over them.
            const int wide = std::max(1, int(pixelRatio * 2));
            int filled = -1; // the last column a range has written
            for (const bool points : { false, true }) {
                for (const std::uint32_t i : detail.marks) {
                    const std::int32_t e = laneEvents[i];
                    const std::uint16_t look = laneLooks[i];
                    if (e == current || bool(look & LaneIndex::Lane::pointBit) != points)
                        continue; // the current event is drawn on top, outlined
                    int from = 0, to = 0;
                    columnMap.columns(laneData.drawnDays(i), &from, &to);
                    to = std::min(std::max(to, from + wide - 1), columns - 1);
                    if (!points) {
                        from = std::max(from, filled + 1);
                        filled = std::max(filled, to);
                    }
                    const int variant = (emphasis.isProminent(e) ? 1 : 0) | (points ? 2 : 0);
                    std::size_t kind = look & LaneIndex::Lane::kindMask;
                    if (kind == LaneIndex::Lane::kindLookUp)
                        kind = std::size_t(t.events[e].kind + 1);
                    const QRgb pixel = kindPixels[kind * 4 + std::size_t(variant)];
                    if (from <= to)
                        std::fill(target + from, target + to + 1, pixel);
                }
            }
        }
        for (int y = w->y0 + 1; y <= w->y1; ++y)
            std::memcpy(m_pixels.scanLine(y), target, rowBytes);
        m_writtenRows += w->y1 - w->y0 + 1;
    }
    std::swap(m_written, m_next);
    m_pixels.setDevicePixelRatio(pixelRatio);
    painter->drawImage(area.topLeft(), m_pixels);
}
