#pragma once

#include "calendarticks.h"
#include "laneindex.h"
#include "lanelayout.h"

#include <QChart>
#include <QFont>
#include <QHash>
#include <QStringList>

#include <memory>

class ActorModel;
class ChartLegend;
class EventLayer;
class EventModel;
class QItemSelectionModel;
class TimelineFilter;
class ZoomState;

// The timeline as a Qt chart: Qt Charts gives the frame, the theme and the plot area (no title:
// the window's title bar names the timeline and an export draws its own, so the lanes get the
// room); ChartLegend the legend of event kinds, wrapped into rows when the chart is narrow. One EventLayer
// item paints the rest (the time axis with ticks on calendar boundaries, the lanes' names, eras and events)
// and draws only what is visible: Qt Charts' series make a graphics item per point and crawl past a few
// thousand, and its axes lay the whole chart out again, measuring every label as HTML, on each zoom step.
class TimelineChart : public QChart
{
    Q_OBJECT
public:
    TimelineChart(EventModel *events, ActorModel *actors, TimelineFilter *filter, ZoomState *zoom,
                  QItemSelectionModel *selection, QGraphicsItem *parent = nullptr);
    ~TimelineChart() override;

    EventModel *events() const { return m_events; }
    ActorModel *actors() const { return m_actors; }
    TimelineFilter *filter() const { return m_filter; }
    ZoomState *zoom() const { return m_zoom; }
    QItemSelectionModel *selection() const { return m_selection; }
    const LaneIndex &laneIndex() const { return *m_laneIndex; }

    // Lanes shown, top to bottom, as indices into laneIndex().lanes().
    const QList<int> &shownLanes() const { return m_shownLanes; }
    // The row of `lane` among the shown lanes, or -1 when it is hidden.
    int rowOfLane(int lane) const;
    // How the rows share the lanes' area: all of them in the overview, else at a readable
    // height, scrolled to the zoom's top lane.
    const LaneLayout &laneLayout() const { return m_laneLayout; }
    qreal laneHeight() const { return m_laneLayout.laneHeight; }
    // The rows with any part in view, as [first, end): the only ones a frame draws.
    std::pair<int, int> visibleRows() const { return m_laneLayout.visibleRows(); }
    QRectF laneRect(int row) const; // in chart coordinates; outside lanesArea() when scrolled away
    int rowAt(qreal y) const;
    // The shown rows the event is drawn in, top first.
    QList<int> rowsOfEvent(int event) const;
    // Scrolls the lanes (through the zoom, which every view shares) as little as brings the row,
    // or the event's top row unless one of its rows is already wholly in view, into view.
    void revealRow(int row);
    void revealEvent(int event);
    // The name shown beside a lane: its actor's, as plain text.
    QString laneName(int row) const;

    // Where events are drawn: the plot area less the lane names on the left and the time
    // axis's labels below (chart coordinates).
    QRectF eventArea() const;
    // The width lane names are given left of the event area; longer ones are shortened.
    qreal laneNameWidth() const;
    // Where lanes are: the event area less the band at its top where eras are named, so that
    // an era's title never meets an event's label.
    QRectF lanesArea() const;
    QFont eraFont() const;
    // Chart x of a day (the start of it), and the day at a chart x.
    qreal xOf(double day) const;
    double dayAt(qreal x) const;
    const QList<CalendarTick> &ticks() const { return m_ticks; }
    QFont labelFont() const { return m_labelFont; }

    // The event drawn under `pos` (chart coordinates), or -1.
    int eventAt(QPointF pos) const;
    // How many events a density strip stands for under `pos`; 0 where there is none.
    int aggregatedAt(QPointF pos) const;
    // Where the event's marker is drawn in its top-most shown lane (chart coordinates); a null
    // point when it is not shown.
    QPointF eventPosition(int event) const;

    // How many events the last frame named with a label.
    int labelledCount() const;
    // How many lanes the last frame planned anew rather than drew from the plans it kept.
    int plannedLaneCount() const;
    // How many rows of device pixels of density strips and plain marks the last frame drew
    // anew rather than kept from the frame before.
    int writtenPixelRows() const;
    // False while the label placer has work left, which the next frames go on with.
    bool labelsSettled() const;
    // A still picture (an export) places its labels as well as it can in its one frame; a
    // window's chart keeps each frame within its time and improves the labels over the next.
    void setStillPicture(bool still);
    // Where the last frame put the event's label (chart coordinates); null when it had none.
    QRectF labelRect(int event) const;
    // Whether the last frame showed the event's title whole, not shortened.
    bool labelIsWhole(int event) const;

    int highlightedActor() const { return m_highlightedActor; }
    void setHighlightedActor(int actor);

    // Light or dark colours (Qt Charts' own themes) with our fonts and kind colours on top.
    void applyTheme(bool dark);
    bool isDark() const { return m_dark; }

    // Selects `event` (−1 clears) through the shared selection model.
    void selectEvent(int event);
    int currentEvent() const;

    // After an edit of the timeline: the lane index was patched in place, so only the lanes'
    // layout, the legend, the title and perhaps the extent change.
    void followEdit();

    // The legend's rows, below the time axis.
    const ChartLegend *chartLegend() const { return m_legend; }

Q_SIGNALS:
    // The lanes' height, their number in view or their scroll changed.
    void laneLayoutChanged();

protected:
    void resizeEvent(QGraphicsSceneResizeEvent *event) override;

private:
    void placeLegend(QSizeF size);
    void rebuild();
    void relayoutLanes();
    void updateTimeAxis();
    void updateLegend();
    void updateLaneLayout();

    EventModel *m_events;
    ActorModel *m_actors;
    TimelineFilter *m_filter;
    ZoomState *m_zoom;
    QItemSelectionModel *m_selection;
    EventLayer *m_layer;
    ChartLegend *m_legend;
    QMargins m_baseMargins; // Qt Charts' own, before the legend's rows are added below
    std::shared_ptr<const LaneIndex> m_laneIndex;
    QList<int> m_shownLanes;
    QList<int> m_rowOfLane;
    QList<CalendarTick> m_ticks;
    QFont m_labelFont;
    qreal m_labelHeight = 0; // of a line in m_labelFont
    qreal m_widestLaneName = 0; // of the lanes shown
    qreal m_laneNameLimit = 0; // a dozen characters
    QHash<QString, qreal> m_nameWidths; // lane names' widths in m_nameWidthsFont
    QFont m_nameWidthsFont;
    // By shown row, the name measured last (UTF-8, as actors keep it) and its width, so that
    // the next layout finds an unchanged name without making a string of it.
    QList<QByteArray> m_measuredNames;
    QList<qreal> m_measuredWidths;
    qreal m_eraBand = 0; // height of the eras' band; 0 when the timeline has no eras
    LaneLayout m_laneLayout;
    int m_highlightedActor = -1;
    bool m_dark = false;
    // What the legend shows (names and colours, in order): an edit that changes none of it
    // leaves the legend's series alone rather than making them again.
    QStringList m_legendShown;
};
