#pragma once

#include <QChartView>
#include <QPoint>

class QAction;
class QRubberBand;
class QScrollBar;
class TimelineChart;

// The interactive chart: click selects, wheel zooms around the cursor, drag pans, Shift+drag
// zooms to a rectangle, double-click zooms to an event, hovering shows the event's title and
// date. When the lanes do not fit at a readable height, a scroll bar beside them, Shift+wheel
// and the lane actions (Up, Down, Page Up, Page Down while the chart has the focus) scroll
// them, under the pinned time axis and beside the pinned lane names. The other keyboard
// commands live in the main window's menus and call the slots here.
class TimelineChartView : public QChartView
{
    Q_OBJECT
public:
    explicit TimelineChartView(TimelineChart *chart, QWidget *parent = nullptr);

    TimelineChart *timelineChart() const { return m_chart; }
    QScrollBar *laneScrollBar() const { return m_laneBar; }
    // Lane Up, Lane Down, Page of Lanes Up and Down: for a menu; their keys work while the chart
    // has the focus, so that the event table and the actor list keep theirs.
    QList<QAction *> laneActions() const { return m_laneActions; }
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
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateLaneBar();
    void scrollLanes(double rows);
    void stepLanes(int direction); // to the next whole lane
    void pageLanes(int direction);
    void step(int direction);
    void followCurrent();
    int eventUnder(QPoint pos) const;

    TimelineChart *m_chart;
    QScrollBar *m_laneBar;
    QList<QAction *> m_laneActions;
    QRubberBand *m_rubberBand = nullptr;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_pressed = false;
    bool m_dragged = false;
    bool m_zoomingToRect = false;
};
