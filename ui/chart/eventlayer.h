#pragma once

#include "densityraster.h"
#include "eventhittester.h"
#include "eventlabels.h"
#include "kindpalette.h"
#include "lanedetail.h"
#include "marksprites.h"
#include "rowplanner.h"

#include <QFont>
#include <QGraphicsObject>
#include <QHash>
#include <QPointF>
#include <QStaticText>

#include <vector>

class TimelineChart;

// Paints a timeline inside the chart's plot area: the time axis and the lanes' names, eras,
// events and their labels. One item for all events: each paint asks the lane index for what is
// visible and draws only that, at a level of detail (LaneDetail) that keeps a frame's cost to
// what fits on screen: marks one by one while a lane has room for them (MarkPainter), else a
// density strip per pixel column (DensityRaster); then the labels (EventLabels).
class EventLayer : public QGraphicsObject
{
    Q_OBJECT
public:
    explicit EventLayer(TimelineChart *chart);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void updateGeometry();
    int eventAt(QPointF pos) const { return m_hits.eventAt(pos); }
    QPointF markerPosition(int event) const { return m_hits.markerPosition(event); }

    // How many events in view of the lane at `row` are aggregated in the pixel column at `pos`
    // (chart coordinates); 0 where the lane shows its events one by one.
    int aggregatedAt(QPointF pos) const { return m_hits.aggregatedAt(pos); }

    // How many events the last frame named.
    int labelledCount() const { return m_labels.labelledCount(); }
    // How many lanes the last frame planned anew.
    int plannedLaneCount() const { return m_plannedLanes; }
    // How many rows of device pixels the last frame wrote into its density raster (not kept).
    int writtenPixelRows() const { return m_raster.writtenRows(); }
    bool labelsSettled() const { return !m_labels.wantsAnotherFrame(); }
    void setStill(bool still) { m_labels.setStill(still); }
    // Where the last frame put the event's label (chart coordinates); null when it had none.
    QRectF labelRect(int event) const { return m_labels.labelRect(event); }
    bool labelIsWhole(int event) const { return m_labels.labelIsWhole(event); }

private:
    void paintAxes(QPainter *painter, const QRectF &area);
    void paintFirstSteps(QPainter *painter, const QRectF &area, QColor text);

    TimelineChart *m_chart;
    EventHitTester m_hits;
    QRectF m_rect;
    LanePlans m_plans;
    std::vector<DensityRaster::Lane> m_planned; // this frame's plans, by row
    int m_plannedLanes = 0;
    DensityRaster m_raster;
    KindPalette m_palette;
    MarkSprites m_sprites; // kept between frames
    // Lane names as drawn, by name and the width they were shortened to (in quarter pixels).
    QHash<std::pair<QString, int>, QStaticText> m_laneNames;
    QFont m_laneNamesFont;
    EventLabels m_labels;
};
