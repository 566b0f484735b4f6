#include "markpainter.h"

#include "emphasis.h"
#include "eventmodel.h"
#include "kindpalette.h"
#include "markgeometry.h"
#include "marksprites.h"
#include "timelinechart.h"

#include <QPainter>

MarkPainter::MarkPainter(QPainter *painter, const TimelineChart &chart, const MarkGeometry &geometry,
                         const KindPalette &palette, const Emphasis &emphasis, MarkSprites &sprites)
    : m_painter(painter)
    , m_chart(chart)
    , m_geometry(geometry)
    , m_palette(palette)
    , m_emphasis(emphasis)
    , m_sprites(sprites)
    , m_timeline(*emphasis.timeline)
    , m_rowOfActor(m_timeline.actors.size(), -1)
    , m_firstRow(chart.visibleRows().first)
    , m_lanesBottom(chart.lanesArea().bottom())
{
    const QList<int> &lanes = chart.shownLanes();
    for (int row = 0; row < lanes.size(); ++row) {
        const int actor = chart.laneIndex().actorOf(std::size_t(lanes[row]));
        if (actor >= 0)
            m_rowOfActor[actor] = row;
    }
}

std::pair<int, int> MarkPainter::rowsOf(const Event &event, int fallbackRow) const
{
    int top = fallbackRow, bottom = fallbackRow;
    for (const std::int32_t actor : m_timeline.actorsOf(event)) {
        const int row = m_rowOfActor[actor];
        if (row >= 0) {
            if (row >= m_firstRow) // an event is labelled in its top row in view
                top = std::min(top, row);
            bottom = std::max(bottom, row);
        }
    }
    return std::pair(top, bottom);
}

qreal MarkPainter::connectorEnd(int bottomRow) const
{
    // Scrolled lanes: the bottom lane may lie hundreds of lanes below the view, and stroking
    // a line that long costs as much as the frame's marks do.
    return std::min(m_chart.laneRect(bottomRow).center().y(), m_lanesBottom);
}

void MarkPainter::drawConnector(QColor color, qreal width, Qt::PenStyle style, bool current)
{
    // Crisp: a connector is vertical, and an antialiased line runs through the rasterizer a
    // pixel row at a time, as dear as the marks of a frame together. A little lighter than
    // the marks, as the antialiased line was, unless it is the selected event's.
    if (!current)
        color.setAlphaF(color.alphaF() * 0.75f);
    const bool antialiased = m_painter->testRenderHint(QPainter::Antialiasing);
    m_painter->setRenderHint(QPainter::Antialiasing, false);
    m_painter->setPen(QPen(color, width, style));
    m_painter->drawLine(m_connector);
    m_painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

QRectF MarkPainter::draw(int row, std::int32_t e, int slot)
{
    const Event &event = m_timeline.events[e];
    const int current = m_emphasis.current;
    const QColor color = m_palette.colorOf(event, e, m_emphasis);
    const auto [topRow, bottomRow] = rowsOf(event, row);
    const QRectF mark = m_geometry.markRect(event, slot, m_chart.laneRect(row).center().y(), e == current);
    m_connector = QLineF();
    if (MarkGeometry::isPoint(event)) {
        const QPointF centre = mark.center();
        // One connector per event, drawn from its top lane down through the lanes it spans.
        if (row == topRow && bottomRow > topRow) {
            m_connector = QLineF(centre, QPointF(centre.x(), connectorEnd(bottomRow)));
            drawConnector(color, e == current ? 2 : 1, Qt::SolidLine, e == current);
        }
        // A draft, not yet reviewed, is hollow: a ring in its colour.
        if (event.draft)
            m_sprites.drawEllipse(m_painter, mark, QPen(color, 2), Qt::NoBrush);
        else
            m_sprites.drawEllipse(m_painter, mark,
                                  QPen(m_chart.isDark() ? QColor(20, 20, 20) : Qt::white, 1.5), color);
    } else {
        QColor fill = color;
        fill.setAlphaF(color.alphaF() * 0.35f);
        QPen outline(color, e == current ? 2.2 : 1.3);
        // The outline says how sure the date is: dashed approximate, dotted uncertain.
        if (event.range.isUncertain())
            outline.setStyle(Qt::DotLine);
        else if (event.range.isApproximate())
            outline.setStyle(Qt::DashLine);
        // Drafts hollow.
        m_sprites.drawRoundedRect(m_painter, mark, 3, outline, event.draft ? QBrush(Qt::NoBrush) : QBrush(fill));
        // An open side runs on past the edge of the view: a chevron there says so.
        const auto chevron = [&](qreal x, qreal direction) {
            const qreal h = std::min(mark.height() / 2 - 1, 4.0);
            if (h < 1.5)
                return;
            const qreal y = mark.center().y();
            m_painter->setPen(QPen(color, 1.5));
            m_painter->drawPolyline(
                QList<QPointF> { { x - direction * h, y - h }, { x, y }, { x - direction * h, y + h } });
        };
        if (event.range.hasOpenEnd() && mark.right() >= m_geometry.right - 0.5)
            chevron(mark.right() - 3, 1);
        if (event.range.hasOpenStart() && mark.left() <= m_geometry.left + 0.5)
            chevron(mark.left() + 3, -1);
        if (row == topRow && bottomRow > topRow) {
            m_connector =
                QLineF(QPointF(mark.left(), mark.bottom()), QPointF(mark.left(), connectorEnd(bottomRow)));
            drawConnector(color, 1, Qt::DotLine, e == current);
        }
    }
    return mark;
}
