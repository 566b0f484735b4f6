#pragma once

#include <QObject>

// The visible part of a timeline, shared by every view of it: the stretch of time, in days since
// 1970-01-01 (fractional, so that a view can show part of a day), and the lanes in view. The
// chart draws it, the status bar names it, an export of the view copies it, and zoom, pan and
// lane scrolling go through it (after hotspot's FilterAndZoomStack).
class ZoomState : public QObject
{
    Q_OBJECT
public:
    static constexpr double minimumSpan = 3.0; // days: closer than this a day has nothing more to show

    explicit ZoomState(QObject *parent = nullptr);

    double first() const { return m_first; }
    double last() const { return m_last; }
    double span() const { return m_last - m_first; }
    // The whole timeline's days, with a margin so its first and last events are not on the edge.
    double extentFirst() const { return m_extentFirst; }
    double extentLast() const { return m_extentLast; }

    // Sets the timeline's extent (inclusive days) and shows all of it.
    void setExtent(double firstDay, double lastDay);

    // Lanes: the shown lane (a row, fractional while scrolled by pixels) at the top of the view,
    // up to the most the view that lays lanes out allows. In the overview every lane is in view.
    double topLane() const { return m_topLane; }
    double maxTopLane() const { return m_maxTopLane; }
    void setMaxTopLane(double row);
    bool lanesOverview() const { return m_lanesOverview; }

public Q_SLOTS:
    void setRange(double first, double last);
    void fit();
    // factor > 1 zooms in; `anchor` (a day) stays where it is on screen.
    void zoom(double factor, double anchor);
    void zoomIn();
    void zoomOut();
    void pan(double days);
    // Brings [first, last] into view, zooming out if it is wider than the view, else panning.
    void reveal(double first, double last);

    void setTopLane(double row);
    void scrollLanes(double rows); // positive: down, towards the last lane
    void setLanesOverview(bool on);

Q_SIGNALS:
    void rangeChanged(double first, double last);
    // The top lane, its limit or the overview changed.
    void lanesChanged();

private:
    double m_extentFirst = 0;
    double m_extentLast = 365;
    double m_first = 0;
    double m_last = 365;
    double m_topLane = 0;
    double m_maxTopLane = 0;
    bool m_lanesOverview = false;
};
