#pragma once

#include "lanedetail.h"

#include <QFont>
#include <QGraphicsObject>
#include <QHash>
#include <QImage>
#include <QPointF>

#include <memory>
#include <vector>

class Timeline;
class TimelineChart;
struct Event;

// Paints a timeline inside the chart's plot area: the time axis and the lanes' names, eras,
// events and their labels. One item for all events: each paint asks the lane index for what is
// visible and draws only that, at a level of detail (LaneDetail) that keeps a frame's cost to
// what fits on screen: marks one by one while a lane has room for them, else a density strip
// per pixel column, written straight into an image.
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

    // How many events in view of the lane at `row` are aggregated in the pixel column at `pos`
    // (chart coordinates); 0 where the lane shows its events one by one.
    int aggregatedAt(QPointF pos) const;

    // How many events the last frame named.
    int labelledCount() const { return m_labelled; }
    // Where the last frame put the event's label (chart coordinates); null when it had none.
    QRectF labelRect(int event) const { return m_labelRects.value(event); }

private:
    struct Mapping;
    struct MarkStyle;
    Mapping mapping() const;
    MarkStyle markStyle() const;
    std::size_t room() const;
    // Where an event is drawn in a lane: its marker's circle, or its bar in its slot.
    static QRectF markRect(const Mapping &map, const MarkStyle &style, const Event &event, int slot,
                           qreal laneCentre, bool current);
    // Plans the lane at `row` over the whole view, as a frame draws it.
    void planRow(int row, double daysPerColumn, int columns, LaneDetail *detail) const;
    void paintAxes(QPainter *painter, const QRectF &area);

    TimelineChart *m_chart;
    QRectF m_rect;
    std::vector<LaneDetail> m_details; // per shown lane, kept between frames for their memory
    QImage m_pixels; // density strips and plain marks, drawn into directly
    std::weak_ptr<const Timeline> m_kindsOf; // the timeline whose kinds' colours these are
    std::vector<QColor> m_kindColors; // by kind + 1
    std::vector<QRgb> m_kindPixels; // by (kind + 1) * 4 + variant (prominent 1, point 2)
    std::weak_ptr<const Timeline> m_measuredOf; // the timeline whose titles m_titleWidths has
    QFont m_measuredFont;
    QHash<qint64, qreal> m_titleWidths; // by event * 2 + (bold ? 1 : 0)
    QHash<int, int> m_labelSlots;
    QHash<int, QRectF> m_labelRects; // event → its label's slot in the last frame, kept while zooming
    int m_labelled = 0;
};
