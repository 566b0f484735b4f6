#pragma once

#include <QGraphicsObject>
#include <QPointF>

class TimelineChart;
struct Event;

// Paints a timeline's events, eras and labels inside the chart's plot area. One item for all
// events: each paint asks the lane index for what is visible and draws only that; where a lane
// has more events than pixels, it draws them as a density strip per pixel column.
class EventLayer : public QGraphicsObject
{
    Q_OBJECT
public:
    explicit EventLayer(TimelineChart *chart);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void updateGeometry();
    int eventAt(QPointF pos) const;
    QPointF markerPosition(int event) const;

private:
    struct Mapping;
    Mapping mapping() const;
    // Where an event is drawn in a lane: its marker's circle, or its bar in its slot.
    static QRectF markRect(const Mapping &map, const Event &event, int slot, qreal laneCentre, bool current);

    TimelineChart *m_chart;
    QRectF m_rect;
};
