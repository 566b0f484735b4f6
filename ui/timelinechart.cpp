#include "timelinechart.h"

#include "actormodel.h"
#include "eventlayer.h"
#include "eventmodel.h"
#include "kindcolors.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QCategoryAxis>
#include <QItemSelectionModel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

using namespace Qt::StringLiterals;

namespace {

// QCategoryAxis keys categories by label, so equal labels ("Feb" in two years, two actors of
// the same name) would be dropped: make each unique with invisible zero-width spaces.
QString uniqueLabel(const QString &label, QSet<QString> &used)
{
    QString unique = label;
    while (used.contains(unique))
        unique += QChar(0x200b);
    used.insert(unique);
    return unique;
}

void clearCategories(QCategoryAxis *axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString &label : labels)
        axis->remove(label);
}

} // namespace

TimelineChart::TimelineChart(EventModel *events, ActorModel *actors, TimelineFilter *filter, ZoomState *zoom,
                             QItemSelectionModel *selection, QGraphicsItem *parent)
    : QChart(parent)
    , m_events(events)
    , m_actors(actors)
    , m_filter(filter)
    , m_zoom(zoom)
    , m_selection(selection)
    , m_timeAxis(new QCategoryAxis(this))
    , m_laneAxis(new QCategoryAxis(this))
    , m_anchor(new QLineSeries(this))
{
    setAnimationOptions(QChart::NoAnimation);
    legend()->setAlignment(Qt::AlignBottom);
    legend()->setShowToolTips(true);

    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setStartValue(0);
    m_laneAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_laneAxis->setStartValue(0);
    m_laneAxis->setGridLineVisible(false);
    m_laneAxis->setLineVisible(false);
    addAxis(m_timeAxis, Qt::AlignBottom);
    addAxis(m_laneAxis, Qt::AlignLeft);
    addSeries(m_anchor);
    m_anchor->attachAxis(m_timeAxis);
    m_anchor->attachAxis(m_laneAxis);

    m_layer = new EventLayer(this);
    applyTheme(false);

    connect(m_events, &QAbstractItemModel::modelReset, this, &TimelineChart::rebuild);
    connect(m_actors, &ActorModel::visibilityChanged, this, &TimelineChart::relayoutLanes);
    connect(m_filter, &TimelineFilter::changed, m_layer, [this] { m_layer->update(); });
    connect(m_zoom, &ZoomState::rangeChanged, this, &TimelineChart::updateTimeAxis);
    connect(this, &QChart::plotAreaChanged, this, [this] {
        updateTimeAxis();
        m_layer->updateGeometry();
    });
    connect(m_selection, &QItemSelectionModel::currentChanged, m_layer, [this] { m_layer->update(); });
    rebuild();
}

TimelineChart::~TimelineChart() = default;

void TimelineChart::rebuild()
{
    const auto &timeline = m_events->timeline();
    if (timeline)
        m_laneIndex.build(*timeline);
    else
        m_laneIndex = {};
    if (const auto extent = timeline ? timeline->extent() : std::nullopt)
        m_zoom->setExtent(extent->first, extent->last);
    // Qt Charts renders titles, axis labels and legend names as HTML: escape the file's text.
    setTitle(timeline ? timeline->title.toHtmlEscaped() : QString());
    updateLegend();
    relayoutLanes();
    updateTimeAxis();
}

void TimelineChart::applyTheme(bool dark)
{
    m_dark = dark;
    setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    QFont titleFont = font();
    titleFont.setPointSizeF(13);
    titleFont.setBold(true);
    setTitleFont(titleFont);
    QFont labels = font();
    labels.setPointSizeF(9);
    m_timeAxis->setLabelsFont(labels);
    m_laneAxis->setLabelsFont(labels);
    legend()->setFont(labels);
    // The theme resets series colours: paint the legend's kinds again.
    updateLegend();
    m_layer->update();
}

void TimelineChart::updateLegend()
{
    const auto all = series();
    for (QAbstractSeries *s : all) {
        if (s != m_anchor) {
            removeSeries(s);
            delete s;
        }
    }
    const auto &timeline = m_events->timeline();
    if (timeline) {
        QStringList kinds = timeline->kinds;
        const bool anyWithout = std::any_of(timeline->events.begin(), timeline->events.end(),
                                            [](const Event &e) { return e.kind < 0; });
        if (anyWithout)
            kinds.append(QString());
        // An empty series per kind: the legend shows its colour, and nothing is drawn.
        for (const QString &kind : std::as_const(kinds)) {
            auto *entry = new QScatterSeries(this);
            entry->setName(KindColors::displayName(kind).toHtmlEscaped());
            entry->setColor(KindColors::color(kind));
            entry->setBorderColor(KindColors::color(kind));
            entry->setMarkerSize(10);
            addSeries(entry);
            entry->attachAxis(m_timeAxis);
            entry->attachAxis(m_laneAxis);
        }
    }
    const auto markers = legend()->markers(m_anchor);
    for (QLegendMarker *marker : markers)
        marker->setVisible(false);
}

void TimelineChart::relayoutLanes()
{
    m_shownLanes.clear();
    const auto &lanes = m_laneIndex.lanes();
    m_rowOfLane = QList<int>(qsizetype(lanes.size()), -1);
    for (int lane = 0; lane < int(lanes.size()); ++lane) {
        const int actor = lanes[lane].actor;
        if (actor == LaneIndex::unattributed || m_actors->isVisible(actor)) {
            m_rowOfLane[lane] = int(m_shownLanes.size());
            m_shownLanes.append(lane);
        }
    }

    clearCategories(m_laneAxis);
    const int rows = std::max<int>(1, int(m_shownLanes.size()));
    m_laneAxis->setRange(0, rows);
    QSet<QString> used;
    // Categories run bottom-up; lanes are listed top-down.
    for (int row = int(m_shownLanes.size()) - 1; row >= 0; --row) {
        const int actor = lanes[m_shownLanes[row]].actor;
        const QString name =
            actor == LaneIndex::unattributed ? tr("(no actor)") : m_events->timeline()->actors.at(actor).name;
        m_laneAxis->append(uniqueLabel(name.toHtmlEscaped(), used), rows - row);
    }
    m_layer->update();
}

void TimelineChart::updateTimeAxis()
{
    const double first = m_zoom->first();
    const double last = m_zoom->last();
    const qreal width = plotArea().width() > 0 ? plotArea().width() : size().width();
    m_ticks = CalendarTicks::compute(first, last, width, 84);

    clearCategories(m_timeAxis);
    m_timeAxis->setRange(first, last);
    QSet<QString> used;
    for (const CalendarTick &tick : std::as_const(m_ticks))
        m_timeAxis->append(uniqueLabel(tick.label, used), tick.day);
    m_layer->update();
}

QFont TimelineChart::labelFont() const
{
    return m_timeAxis->labelsFont();
}

int TimelineChart::rowOfLane(int lane) const
{
    return m_rowOfLane.value(lane, -1);
}

QRectF TimelineChart::laneRect(int row) const
{
    const QRectF plot = plotArea();
    const int rows = std::max<int>(1, int(m_shownLanes.size()));
    const qreal top = mutableSelf()->mapToPosition(QPointF(m_zoom->first(), rows - row), m_anchor).y();
    const qreal bottom = mutableSelf()->mapToPosition(QPointF(m_zoom->first(), rows - row - 1), m_anchor).y();
    return QRectF(plot.left(), top, plot.width(), bottom - top);
}

int TimelineChart::rowAt(qreal y) const
{
    const qreal value = mutableSelf()->mapToValue(QPointF(plotArea().left(), y), m_anchor).y();
    const int row = int(m_shownLanes.size()) - 1 - int(std::floor(value));
    return row >= 0 && row < m_shownLanes.size() ? row : -1;
}

qreal TimelineChart::xOf(double day) const
{
    return mutableSelf()->mapToPosition(QPointF(day, 0), m_anchor).x();
}

double TimelineChart::dayAt(qreal x) const
{
    return mutableSelf()->mapToValue(QPointF(x, plotArea().top()), m_anchor).x();
}

int TimelineChart::eventAt(QPointF pos) const
{
    return m_layer->eventAt(pos);
}

QPointF TimelineChart::eventPosition(int event) const
{
    return m_layer->markerPosition(event);
}

void TimelineChart::setHighlightedActor(int actor)
{
    if (m_highlightedActor == actor)
        return;
    m_highlightedActor = actor;
    m_layer->update();
}

void TimelineChart::selectEvent(int event)
{
    if (event < 0) {
        m_selection->clear();
        return;
    }
    m_selection->setCurrentIndex(m_events->index(event, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int TimelineChart::currentEvent() const
{
    const QModelIndex current = m_selection->currentIndex();
    return current.isValid() ? current.row() : -1;
}
