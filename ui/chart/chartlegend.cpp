#include "chartlegend.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace {

constexpr qreal s_swatchGap = 5; // between a swatch and its name
constexpr qreal s_entryGap = 16; // between entries in a row
constexpr qreal s_rowGap = 3;

} // namespace

ChartLegend::ChartLegend(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setZValue(11); // above the event layer
    setAcceptedMouseButtons(Qt::NoButton);
}

void ChartLegend::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    layOut(m_width);
}

void ChartLegend::setFont(const QFont &font)
{
    m_font = font;
    layOut(m_width);
}

void ChartLegend::setTextColor(const QColor &color)
{
    m_text = color;
    update();
}

qreal ChartLegend::swatchWidth(const Entry &entry) const
{
    return entry.swatch == Swatch::Line ? 22 : 12;
}

qreal ChartLegend::layOut(qreal width)
{
    prepareGeometryChange();
    m_width = width;
    m_nameRects.clear();
    m_rows = 0;
    m_height = 0;
    if (m_entries.isEmpty() || width <= 0)
        return 0;
    const QFontMetricsF metrics(m_font);
    const qreal lineHeight = std::max<qreal>(12, std::ceil(metrics.height()));
    // Rows filled greedily in order; each row centred. An entry wider than the whole width
    // stands alone in its row and is shortened when drawn.
    QList<std::pair<int, int>> rows; // [first, end) entries
    QList<qreal> rowWidths;
    qreal x = 0;
    for (int k = 0; k < m_entries.size(); ++k) {
        const qreal w =
            swatchWidth(m_entries[k]) + s_swatchGap + std::ceil(metrics.horizontalAdvance(m_entries[k].name));
        if (rows.isEmpty() || (x > 0 && x + s_entryGap + w > width)) {
            rows.append({ k, k });
            rowWidths.append(0);
            x = 0;
        }
        x += (x > 0 ? s_entryGap : 0) + w;
        rows.last().second = k + 1;
        rowWidths.last() = std::min(x, width);
    }
    m_nameRects.resize(m_entries.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        qreal left = (width - rowWidths[r]) / 2;
        const qreal top = r * (lineHeight + s_rowGap);
        for (int k = rows[r].first; k < rows[r].second; ++k) {
            const qreal nameLeft = left + swatchWidth(m_entries[k]) + s_swatchGap;
            const qreal nameWidth =
                std::min(std::ceil(metrics.horizontalAdvance(m_entries[k].name)), width - nameLeft);
            m_nameRects[k] = QRectF(nameLeft, top, std::max<qreal>(0, nameWidth), lineHeight);
            left = nameLeft + nameWidth + s_entryGap;
        }
    }
    m_rows = int(rows.size());
    m_height = m_rows * lineHeight + (m_rows - 1) * s_rowGap;
    update();
    return m_height;
}

QRectF ChartLegend::boundingRect() const
{
    return QRectF(0, 0, m_width, m_height);
}

void ChartLegend::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QFontMetricsF metrics(m_font);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(m_font);
    for (qsizetype k = 0; k < m_entries.size() && k < m_nameRects.size(); ++k) {
        const Entry &entry = m_entries[k];
        const QRectF name = m_nameRects[k];
        const qreal cy = name.center().y();
        const qreal right = name.left() - s_swatchGap;
        switch (entry.swatch) {
        case Swatch::Dot:
            painter->setPen(QPen(entry.border, 1));
            painter->setBrush(entry.color);
            painter->drawEllipse(QPointF(right - 6, cy), 5, 5);
            break;
        case Swatch::Band:
            painter->setPen(QPen(entry.border, 1));
            painter->setBrush(entry.color);
            painter->drawRect(QRectF(right - 12, cy - 6, 12, 12));
            break;
        case Swatch::Line:
            painter->setPen(QPen(entry.color, 2, entry.style));
            painter->drawLine(QPointF(right - 22, cy), QPointF(right, cy));
            break;
        }
        painter->setPen(m_text);
        painter->drawText(name, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          metrics.elidedText(entry.name, Qt::ElideRight, name.width()));
    }
    painter->restore();
}
