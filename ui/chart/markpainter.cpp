#include "markpainter.h"

#include "emphasis.h"
#include "eventmodel.h"
#include "kindpalette.h"
#include "markgeometry.h"
#include "timelinechart.h"

#include <QPainter>

MarkPainter::MarkPainter(QPainter *painter, const TimelineChart &chart, const MarkGeometry &geometry,
                         const KindPalette &palette, const Emphasis &emphasis)
    : m_painter(painter)
    , m_chart(chart)
    , m_geometry(geometry)
    , m_palette(palette)
    , m_emphasis(emphasis)
    , m_timeline(*emphasis.timeline)
    , m_rowOfActor(m_timeline.actors.size(), -1)
    , m_firstRow(chart.visibleRows().first)
{
    const QList<int> &lanes = chart.shownLanes();
    for (int row = 0; row < lanes.size(); ++row) {
        const int actor = chart.laneIndex().lanes()[lanes[row]].actor;
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
            m_connector = QLineF(centre, QPointF(centre.x(), m_chart.laneRect(bottomRow).center().y()));
            m_painter->setPen(QPen(color, e == current ? 2 : 1.2));
            m_painter->drawLine(m_connector);
        }
        // A draft, not yet reviewed, is hollow: a ring in its colour.
        if (event.draft) {
            m_painter->setPen(QPen(color, 2));
            m_painter->setBrush(Qt::NoBrush);
        } else {
            m_painter->setPen(QPen(m_chart.isDark() ? QColor(20, 20, 20) : Qt::white, 1.5));
            m_painter->setBrush(color);
        }
        m_painter->drawEllipse(mark);
    } else {
        QColor fill = color;
        fill.setAlphaF(color.alphaF() * 0.35f);
        QPen outline(color, e == current ? 2.2 : 1.3);
        // The outline says how sure the date is: dashed approximate, dotted uncertain.
        if (event.range.isUncertain())
            outline.setStyle(Qt::DotLine);
        else if (event.range.isApproximate())
            outline.setStyle(Qt::DashLine);
        m_painter->setPen(outline);
        m_painter->setBrush(event.draft ? QBrush(Qt::NoBrush) : QBrush(fill)); // drafts hollow
        m_painter->drawRoundedRect(mark, 3, 3);
        // An open side runs on past the edge of the view: a chevron there says so.
        const auto chevron = [&](qreal x, qreal direction) {
            const qreal h = std::min(mark.height() / 2 - 1, 4.0);
            if (h < 1.5)
                return;
            const qreal y = mark.center().y();
            m_painter->setPen(QPen(color, 1.5));
            m_painter->drawPolyline(QList<QPointF> { { x - direction * h, y - h }, { x, y }, { x - direction * h, y + h } });
        };
        if (event.range.hasOpenEnd() && mark.right() >= m_geometry.right - 0.5)
            chevron(mark.right() - 3, 1);
        if (event.range.hasOpenStart() && mark.left() <= m_geometry.left + 0.5)
            chevron(mark.left() + 3, -1);
        if (row == topRow && bottomRow > topRow) {
            m_connector = QLineF(QPointF(mark.left(), mark.bottom()),
                                 QPointF(mark.left(), m_chart.laneRect(bottomRow).center().y()));
            m_painter->setPen(QPen(color, 1, Qt::DotLine));
            m_painter->drawLine(m_connector);
        }
    }
    return mark;
}
