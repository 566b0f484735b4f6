#pragma once

#include <QObject>

// The visible stretch of time, in days since 1970-01-01 (fractional, so that a view can show
// part of a day), shared by every view of a timeline: the chart draws it, the status bar
// names it, and zoom and pan go through it (after hotspot's FilterAndZoomStack).
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

Q_SIGNALS:
    void rangeChanged(double first, double last);

private:
    double m_extentFirst = 0;
    double m_extentLast = 365;
    double m_first = 0;
    double m_last = 365;
};
