#include "timelinechartview.h"

#include "eventmodel.h"
#include "plaintooltips.h"
#include "timelinechart.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScrollBar>
#include <QToolTip>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr double s_lanesPerNotch = 3; // as a text view scrolls three lines a wheel notch

} // namespace

TimelineChartView::TimelineChartView(TimelineChart *chart, QWidget *parent)
    : QChartView(chart, parent)
    , m_chart(chart)
    , m_laneBar(new QScrollBar(Qt::Vertical, this))
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand); // ours zooms in time only
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setDragMode(QGraphicsView::NoDrag);
    setAccessibleName(tr("Timeline chart"));
    setAccessibleDescription(
        tr("Events by date, one lane per actor. The event table lists the same events."));
    connect(chart->selection(), &QItemSelectionModel::currentChanged, this,
            &TimelineChartView::followCurrent);
    m_chart->applyTheme(palette().color(QPalette::Window).lightness() < 128);

    // The scroll bar stands beside the lanes only, right of the chart, in a margin of the view's
    // own: the time axis below it does not scroll.
    m_laneBar->setObjectName(u"laneScrollBar"_s);
    m_laneBar->setAccessibleName(tr("Lanes"));
    m_laneBar->setCursor(Qt::ArrowCursor);
    m_laneBar->hide();
    connect(m_laneBar, &QScrollBar::valueChanged, this, [this](int value) {
        // A pixel of the bar is a pixel of the lanes.
        const qreal height = m_chart->laneHeight();
        if (height > 0 && value != qRound(m_chart->zoom()->topLane() * height))
            m_chart->zoom()->setTopLane(value / height);
    });
    connect(m_chart, &TimelineChart::laneLayoutChanged, this, &TimelineChartView::updateLaneBar);

    const auto addLaneAction = [this](const QString &text, QKeySequence key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_laneActions.append(action);
    };
    addLaneAction(tr("Lane &Up"), QKeySequence(Qt::Key_Up), [this] { stepLanes(-1); });
    addLaneAction(tr("Lane &Down"), QKeySequence(Qt::Key_Down), [this] { stepLanes(+1); });
    addLaneAction(tr("Lanes Page U&p"), QKeySequence(Qt::Key_PageUp), [this] { pageLanes(-1); });
    addLaneAction(tr("Lanes Page Do&wn"), QKeySequence(Qt::Key_PageDown), [this] { pageLanes(+1); });
    updateLaneBar();
}

void TimelineChartView::updateLaneBar()
{
    const LaneLayout &layout = m_chart->laneLayout();
    const bool needed = layout.scrolls() && !m_chart->zoom()->lanesOverview();
    const int extent = needed ? m_laneBar->sizeHint().width() : 0;
    if (viewportMargins().right() != extent)
        setViewportMargins(0, 0, extent, 0); // the chart then lays out again, narrower
    m_laneBar->setVisible(needed);
    if (!needed)
        return;
    const QSignalBlocker blocker(m_laneBar);
    const qreal height = layout.laneHeight;
    m_laneBar->setRange(0, int(std::ceil(layout.maxTopRow * height)));
    m_laneBar->setPageStep(std::max(1, int(layout.height)));
    m_laneBar->setSingleStep(std::max(1, int(height)));
    m_laneBar->setValue(qRound(layout.topRow * height));
    // Beside the lanes' area, as the chart maps it into the view.
    const QRectF lanes = m_chart->lanesArea();
    const QPoint topLeft = viewport()->mapTo(this, mapFromScene(m_chart->mapToScene(lanes.topLeft())));
    const QPoint bottom = viewport()->mapTo(this, mapFromScene(m_chart->mapToScene(lanes.bottomLeft())));
    m_laneBar->setGeometry(viewport()->geometry().right() + 1, topLeft.y(), extent,
                           std::max(1, bottom.y() - topLeft.y()));
}

void TimelineChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateLaneBar();
}

void TimelineChartView::scrollLanes(double rows)
{
    if (!m_chart->zoom()->lanesOverview())
        m_chart->zoom()->scrollLanes(rows);
}

void TimelineChartView::stepLanes(int direction)
{
    // From a lane part-way scrolled, to the edge of the next whole one.
    const double top = m_chart->zoom()->topLane();
    const double next = direction > 0 ? std::floor(top + 1e-6) + 1 : std::ceil(top - 1e-6) - 1;
    if (!m_chart->zoom()->lanesOverview())
        m_chart->zoom()->setTopLane(next);
}

void TimelineChartView::pageLanes(int direction)
{
    // A page less one lane, so that a lane of the last page is still in sight.
    const double page = std::max(1.0, std::floor(m_chart->laneLayout().rowsInView()) - 1);
    scrollLanes(direction * page);
}

void TimelineChartView::changeEvent(QEvent *event)
{
    // Follow the system's light or dark palette when it changes under us.
    if (event->type() == QEvent::PaletteChange)
        m_chart->applyTheme(palette().color(QPalette::Window).lightness() < 128);
    QChartView::changeEvent(event);
}

QPoint TimelineChartView::eventPosition(int event) const
{
    const QPointF pos = m_chart->eventPosition(event);
    if (pos.isNull())
        return {};
    return mapFromScene(m_chart->mapToScene(pos));
}

int TimelineChartView::eventUnder(QPoint pos) const
{
    return m_chart->eventAt(m_chart->mapFromScene(mapToScene(pos)));
}

void TimelineChartView::step(int direction)
{
    // Through the events that pass the filter, in time order (the model's order).
    const TimelineFilter *filter = m_chart->filter();
    const int count = m_chart->events()->rowCount();
    int current = m_chart->currentEvent();
    if (current < 0)
        current = direction > 0 ? -1 : count;
    for (int e = current + direction; e >= 0 && e < count; e += direction) {
        if (filter->accepts(e)) {
            m_chart->selectEvent(e);
            return;
        }
    }
}

void TimelineChartView::selectPrevious()
{
    step(-1);
}

void TimelineChartView::selectNext()
{
    step(+1);
}

void TimelineChartView::selectFirst()
{
    m_chart->selectEvent(-1);
    step(+1);
}

void TimelineChartView::selectLast()
{
    m_chart->selectEvent(-1);
    step(-1);
}

void TimelineChartView::followCurrent()
{
    const int current = m_chart->currentEvent();
    const auto &timeline = m_chart->events()->timeline();
    if (current < 0 || !timeline)
        return;
    const Event &event = timeline->events[current];
    m_chart->zoom()->reveal(event.range.first, event.range.last + 1);
    m_chart->revealEvent(current);
}

void TimelineChartView::zoomToEvent(int event)
{
    const auto &timeline = m_chart->events()->timeline();
    if (!timeline || event < 0 || event >= int(timeline->events.size()))
        return;
    const DateRange &range = timeline->events[event].range;
    // Enough around it to see its neighbours: a month either side of a day, a tenth of a range.
    const double length = range.last + 1 - range.first;
    const double pad = std::max(30.0, length * 0.15);
    m_chart->zoom()->setRange(range.first - pad, range.last + 1 + pad);
}

void TimelineChartView::zoomToCurrent()
{
    zoomToEvent(m_chart->currentEvent());
}

void TimelineChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressed = true;
    m_dragged = false;
    m_pressPos = m_lastPos = event->position().toPoint();
    m_zoomingToRect = event->modifiers() & Qt::ShiftModifier;
    event->accept();
}

void TimelineChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_pressed) {
        const int under = eventUnder(pos);
        if (under >= 0) {
            PlainToolTips::show(event->globalPosition().toPoint(),
                                m_chart->events()->index(under, 0).data(Qt::ToolTipRole).toString(), this);
            viewport()->setCursor(Qt::PointingHandCursor);
        } else if (const int many = m_chart->aggregatedAt(m_chart->mapFromScene(mapToScene(pos)))) {
            // A density strip: say how many, and how to see them.
            PlainToolTips::show(event->globalPosition().toPoint(),
                                tr("%n event(s) here\nScroll or double-click to zoom in", nullptr, many),
                                this);
            viewport()->unsetCursor();
        } else {
            QToolTip::hideText();
            viewport()->unsetCursor();
        }
        return;
    }
    if (!m_dragged && (pos - m_pressPos).manhattanLength() < 4)
        return;
    m_dragged = true;
    if (m_zoomingToRect) {
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_rubberBand->setGeometry(QRect(m_pressPos, pos).normalized());
        m_rubberBand->show();
    } else {
        const double days = m_chart->dayAt(m_lastPos.x()) - m_chart->dayAt(pos.x());
        m_chart->zoom()->pan(days);
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    m_lastPos = pos;
}

void TimelineChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    viewport()->unsetCursor();
    const QPoint pos = event->position().toPoint();
    if (m_zoomingToRect && m_dragged) {
        if (m_rubberBand)
            m_rubberBand->hide();
        const QPointF a = m_chart->mapFromScene(mapToScene(m_pressPos));
        const QPointF b = m_chart->mapFromScene(mapToScene(pos));
        const double first = m_chart->dayAt(std::min(a.x(), b.x()));
        const double last = m_chart->dayAt(std::max(a.x(), b.x()));
        m_chart->zoom()->setRange(first, last);
    } else if (!m_dragged) {
        const int under = eventUnder(pos);
        if (under >= 0)
            m_chart->selectEvent(under);
    }
    m_dragged = false;
    event->accept();
}

void TimelineChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const int under = eventUnder(pos);
    const QPointF inChart = m_chart->mapFromScene(mapToScene(pos));
    if (under >= 0) {
        m_chart->selectEvent(under);
        zoomToEvent(under);
    } else if (m_chart->aggregatedAt(inChart) > 0) {
        m_chart->zoom()->zoom(4, m_chart->dayAt(inChart.x())); // into the crowd, until it parts
    }
    event->accept();
}

void TimelineChartView::wheelEvent(QWheelEvent *event)
{
    // Shift turns the wheel to the lanes; some systems send a Shift+wheel as a horizontal one.
    if (event->modifiers() & Qt::ShiftModifier) {
        const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
        scrollLanes(-delta / 120.0 * s_lanesPerNotch);
        event->accept();
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const QPointF pos = m_chart->mapFromScene(mapToScene(event->position().toPoint()));
    // One notch (120) zooms by a fifth; trackpads send smaller steps that add up the same.
    m_chart->zoom()->zoom(std::pow(1.2, delta / 120.0), m_chart->dayAt(pos.x()));
    event->accept();
}
