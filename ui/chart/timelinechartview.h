#pragma once

#include <QChartView>
#include <QPoint>

class QRubberBand;
class TimelineChart;

// The interactive chart: click selects, wheel zooms around the cursor, drag pans, Shift+drag
// zooms to a rectangle, double-click zooms to an event, hovering shows the event's title and
// date. The keyboard commands live in the main window's menus and call the slots here.
class TimelineChartView : public QChartView
{
    Q_OBJECT
public:
    explicit TimelineChartView(TimelineChart *chart, QWidget *parent = nullptr);

    TimelineChart *timelineChart() const { return m_chart; }
    // Where the chart draws `event`, in this view's coordinates (for clicks, and for tests).
    QPoint eventPosition(int event) const;

public Q_SLOTS:
    void selectPrevious();
    void selectNext();
    void selectFirst();
    void selectLast();
    void zoomToEvent(int event);
    void zoomToCurrent();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void step(int direction);
    void followCurrent();
    int eventUnder(QPoint pos) const;

    TimelineChart *m_chart;
    QRubberBand *m_rubberBand = nullptr;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_pressed = false;
    bool m_dragged = false;
    bool m_zoomingToRect = false;
};
