#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>

// The chart's legend. Qt Charts' own keeps its entries on one line and shortens their names
// when the chart is narrow; this one wraps the entries into as many centred rows as they need.
class ChartLegend : public QGraphicsItem
{
public:
    enum class Swatch { Dot, Line, Band };
    struct Entry
    {
        QString name; // plain text
        Swatch swatch = Swatch::Dot;
        QColor color;
        QColor border;
        Qt::PenStyle style = Qt::SolidLine; // of a Line
    };

    explicit ChartLegend(QGraphicsItem *parent);

    void setEntries(QList<Entry> entries);
    void setFont(const QFont &font);
    void setTextColor(const QColor &color);
    // Lays the entries out in rows within `width`; returns the height the rows take.
    qreal layOut(qreal width);
    int rowCount() const { return m_rows; }
    // Where each entry's name stands (item coordinates), in the entries' order.
    const QList<QRectF> &nameRects() const { return m_nameRects; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qreal swatchWidth(const Entry &entry) const;

    QList<Entry> m_entries;
    QList<QRectF> m_nameRects;
    QFont m_font;
    QColor m_text;
    qreal m_width = 0;
    qreal m_height = 0;
    int m_rows = 0;
};
