#pragma once

#include "calendarticks.h"
#include "laneindex.h"

#include <QChart>
#include <QPointer>

#include <memory>

class ActorModel;
class EventLayer;
class EventModel;
class QCategoryAxis;
class QItemSelectionModel;
class QLineSeries;
class TimelineFilter;
class ZoomState;

// The timeline as a Qt chart: Qt Charts gives the frame, the axes (with ticks we place on
// calendar boundaries), the theme, the legend of event kinds and the layout; the events
// themselves are painted by one EventLayer item that draws only what is visible, because Qt
// Charts' own series make a graphics item per point and crawl past a few thousand.
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
    const LaneIndex &laneIndex() const { return m_laneIndex; }

    // Lanes shown, top to bottom, as indices into laneIndex().lanes().
    const QList<int> &shownLanes() const { return m_shownLanes; }
    // The row of `lane` among the shown lanes, or -1 when it is hidden.
    int rowOfLane(int lane) const;
    QRectF laneRect(int row) const; // in chart coordinates
    int rowAt(qreal y) const;

    // Chart x of a day (the start of it), and the day at a chart x, by the axis's own mapping.
    qreal xOf(double day) const;
    double dayAt(qreal x) const;
    const QList<CalendarTick> &ticks() const { return m_ticks; }
    QFont labelFont() const;

    // The event drawn under `pos` (chart coordinates), or -1.
    int eventAt(QPointF pos) const;
    // Where the event's marker is drawn in its top-most shown lane (chart coordinates); a null
    // point when it is not shown.
    QPointF eventPosition(int event) const;

    int highlightedActor() const { return m_highlightedActor; }
    void setHighlightedActor(int actor);

    // Light or dark colours (Qt Charts' own themes) with our fonts and kind colours on top.
    void applyTheme(bool dark);
    bool isDark() const { return m_dark; }

    // Selects `event` (−1 clears) through the shared selection model.
    void selectEvent(int event);
    int currentEvent() const;

private:
    // QChart's value-to-position mapping is not const, though it changes nothing.
    TimelineChart *mutableSelf() const { return const_cast<TimelineChart *>(this); }
    void rebuild();
    void relayoutLanes();
    void updateTimeAxis();
    void updateLegend();

    EventModel *m_events;
    ActorModel *m_actors;
    TimelineFilter *m_filter;
    ZoomState *m_zoom;
    QItemSelectionModel *m_selection;
    QCategoryAxis *m_timeAxis;
    QCategoryAxis *m_laneAxis;
    QLineSeries *m_anchor; // empty: only there so that the axes map values to positions
    EventLayer *m_layer;
    LaneIndex m_laneIndex;
    QList<int> m_shownLanes;
    QList<int> m_rowOfLane;
    QList<CalendarTick> m_ticks;
    int m_highlightedActor = -1;
    bool m_dark = false;
};
