#include "densityraster.h"

#include "emphasis.h"
#include "eventmodel.h"
#include "kindpalette.h"
#include "markgeometry.h"
#include "timelinechart.h"
#include "zoomstate.h"

#include <QPainter>

#include <cmath>

void DensityRaster::paint(QPainter *painter, const TimelineChart &chart, const QRectF &area, qreal pixelRatio,
                          const std::vector<const LaneDetail *> &details, std::uint32_t peak,
                          const MarkGeometry &geometry, const KindPalette &palette, const Emphasis &emphasis)
{
    const Timeline &t = *chart.events()->timeline();
    const QList<int> &lanes = chart.shownLanes();
    const int columns = std::max(1, int(std::lround(area.width() * pixelRatio)));
    const double daysPerColumn = chart.zoom()->span() / columns;
    const std::vector<QRgb> &kindPixels = palette.pixels();
    const int current = emphasis.current;
    const QSize pixelSize(columns, std::max(1, int(std::lround(area.height() * pixelRatio))));
    if (m_pixels.size() != pixelSize)
        m_pixels = QImage(pixelSize, QImage::Format_ARGB32_Premultiplied);
    m_pixels.fill(Qt::transparent);
    // Opacity by how many events overlap a column, on a log scale: one event shows, and a
    // thousand do not drown the rest. One hue, unlike any kind's, says "many events here".
    const QColor density = chart.isDark() ? QColor(150, 180, 240) : QColor(35, 65, 130);
    const double logPeak = std::log1p(double(peak));
    const bool dimOthers = emphasis.dimOthers();
    const auto shade = [&](std::uint32_t n) {
        return n == 0 ? QRgb(0)
                      : KindPalette::premultiplied(
                          density, (0.2 + 0.8 * std::log1p(double(n)) / logPeak) * (dimOthers ? 0.5 : 1));
    };
    // Counts up to a few thousand from a table; a lane may hold millions overlapping.
    std::vector<QRgb> shades(std::size_t(std::min<std::uint32_t>(peak, 4096)) + 1);
    for (std::uint32_t n = 0; n < shades.size(); ++n)
        shades[n] = shade(n);
    const ColumnMapping columnMap { chart.zoom()->first(), daysPerColumn, columns };
    const auto [firstRow, endRow] = chart.visibleRows(); // the only rows planned
    const auto writes = [&](int row) {
        const LaneDetail *detail = details[std::size_t(row)]; // none: drawn over by the lanes below
        return detail && (detail->aggregated || (geometry.compact && !detail->marks.empty()));
    };
    // Each row of pixels shows the last lane whose strip takes it: found from the bottom up, each
    // lane writes only the rows it keeps, straight into the image (still transparent there),
    // and lanes lower than a pixel cost a row of pixels each, not the two or three their bars take.
    std::vector<int> keptTo(std::size_t(std::max(0, endRow - firstRow)), -1);
    for (int row = endRow - 1, nextTop = pixelSize.height(); row >= firstRow; --row) {
        if (!writes(row))
            continue;
        const auto [y0, y1] = pixelRows(chart, area, pixelRatio, geometry, row, pixelSize.height());
        keptTo[std::size_t(row - firstRow)] = std::min(y1, nextTop - 1);
        nextTop = std::min(nextTop, y0);
    }
    for (int row = firstRow; row < endRow; ++row) {
        if (!writes(row))
            continue;
        const LaneDetail &detail = *details[std::size_t(row)];
        const int y0 = pixelRows(chart, area, pixelRatio, geometry, row, pixelSize.height()).first;
        const int y1 = keptTo[std::size_t(row - firstRow)];
        if (y1 < y0)
            continue;
        QRgb *target = reinterpret_cast<QRgb *>(m_pixels.scanLine(y0));
        if (detail.aggregated) {
            for (int c = 0; c < columns; ++c) {
                const std::uint32_t n = detail.coverage[std::size_t(c)];
                target[c] = n < shades.size() ? shades[n] : shade(n);
            }
        } else {
            const LaneIndex::Lane &laneData = chart.laneIndex().lanes()[lanes[row]];
            // Ranges first, paler, each pixel written once (the earliest range keeps a
            // pixel that later ones also cover: long ranges may overlap by hundreds); then
            // points, two pixels wide at least, over them.
            const int wide = std::max(1, int(pixelRatio * 2));
            int filled = -1; // the last column a range has written
            for (const bool points : { false, true }) {
                for (const std::uint32_t i : detail.marks) {
                    const std::int32_t e = laneData.events[i];
                    const std::uint16_t look = laneData.looks[i];
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
        for (int y = y0 + 1; y <= y1; ++y)
            std::copy(target, target + columns, reinterpret_cast<QRgb *>(m_pixels.scanLine(y)));
    }
    m_pixels.setDevicePixelRatio(pixelRatio);
    painter->drawImage(area.topLeft(), m_pixels);
}

std::pair<int, int> DensityRaster::pixelRows(const TimelineChart &chart, const QRectF &area, qreal pixelRatio,
                                             const MarkGeometry &geometry, int row, int height)
{
    const QRectF lane = chart.laneRect(row);
    const qreal centre = (lane.center().y() - area.top()) * pixelRatio;
    const qreal half = std::max(0.5, geometry.barHeight * pixelRatio / 2);
    const int y0 = std::max(0, int(std::lround(centre - half)));
    const int y1 = std::min(height - 1, std::max(y0, int(std::lround(centre + half)) - 1));
    return { y0, y1 };
}
