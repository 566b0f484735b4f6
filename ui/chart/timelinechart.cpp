#include "timelinechart.h"

#include "actormodel.h"
#include "chartlegend.h"
#include "eventlayer.h"
#include "eventmodel.h"
#include "kindcolors.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QDate>
#include <QFontMetricsF>
#include <QGraphicsSceneResizeEvent>
#include <QItemSelectionModel>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>

using namespace Qt::StringLiterals;

TimelineChart::TimelineChart(EventModel *events, ActorModel *actors, TimelineFilter *filter, ZoomState *zoom,
                             QItemSelectionModel *selection, QGraphicsItem *parent)
    : QChart(parent)
    , m_events(events)
    , m_actors(actors)
    , m_filter(filter)
    , m_zoom(zoom)
    , m_selection(selection)
    , m_laneIndex(std::make_shared<LaneIndex>())
{
    setAnimationOptions(QChart::NoAnimation);
    // The series stay the legend's data; ChartLegend draws it.
    legend()->hide();
    m_baseMargins = margins();

    m_layer = new EventLayer(this);
    m_legend = new ChartLegend(this);
    applyTheme(false);

    connect(m_events, &QAbstractItemModel::modelReset, this, &TimelineChart::rebuild);
    connect(m_actors, &ActorModel::visibilityChanged, this, &TimelineChart::relayoutLanes);
    connect(m_filter, &TimelineFilter::changed, m_layer, [this] { m_layer->update(); });
    connect(m_zoom, &ZoomState::rangeChanged, this, &TimelineChart::updateTimeAxis);
    connect(m_zoom, &ZoomState::lanesChanged, this, &TimelineChart::updateLaneLayout);
    connect(this, &QChart::plotAreaChanged, this, [this] {
        updateLaneLayout();
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
    // The loader indexes what it loads; a timeline made some other way is indexed here.
    if (timeline && timeline->laneIndex) {
        m_laneIndex = timeline->laneIndex;
    } else {
        auto index = std::make_shared<LaneIndex>();
        if (timeline)
            index->build(*timeline);
        m_laneIndex = std::move(index);
    }
    if (const auto extent = m_laneIndex->extent()) {
        m_zoom->setExtent(extent->first, extent->last);
    } else {
        // Nothing dated yet (a new timeline): this year, not the days of the timeline before.
        const int year = QDate::currentDate().year();
        m_zoom->setExtent(DateRange::dayFromDate(QDate(year, 1, 1)),
                          DateRange::dayFromDate(QDate(year, 12, 31)));
    }
    m_zoom->setTopLane(0); // another timeline's lanes: start from the first
    updateLegend();
    relayoutLanes();
}

void TimelineChart::followEdit()
{
    // An event outside the days the zoom knows (the first of a new timeline, say): take them in.
    if (const auto extent = m_laneIndex->extent();
        extent && (extent->first < m_zoom->extentFirst() || extent->last + 1 > m_zoom->extentLast()))
        m_zoom->setExtent(extent->first, extent->last);
    updateLegend();
    relayoutLanes();
}

void TimelineChart::applyTheme(bool dark)
{
    m_dark = dark;
    setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    QFont titleFont = font();
    titleFont.setPointSizeF(13);
    titleFont.setBold(true);
    setTitleFont(titleFont);
    m_labelFont = font();
    m_labelFont.setPointSizeF(9);
    m_labelHeight = QFontMetricsF(m_labelFont).height();
    legend()->setFont(m_labelFont);
    m_legend->setFont(m_labelFont);
    m_legend->setTextColor(legend()->labelColor());
    updateLaneLayout(); // a readable lane is as high as a line of labels
    // The theme resets series colours: paint the legend's kinds again.
    updateLegend();
    m_layer->update();
}

void TimelineChart::updateLegend()
{
    const auto &timeline = m_events->timeline();
    QStringList kinds = timeline ? timeline->kinds : QStringList();
    QList<QColor> colors = timeline ? KindColors::assign(kinds, timeline->kindStyles) : QList<QColor>();
    if (timeline && m_laneIndex->anyWithoutKind()) {
        kinds.append(QString());
        colors.append(KindColors::none());
    }
    // What the outlines and bands mean, for those the timeline has; the lane index counts them.
    const bool ranges = timeline && m_laneIndex->anyRange();
    const bool approximate = timeline && m_laneIndex->anyApproximate();
    const bool uncertain = timeline && m_laneIndex->anyUncertain();
    const bool eras = timeline && !timeline->eras.isEmpty();
    QStringList shown;
    for (qsizetype k = 0; k < kinds.size(); ++k)
        shown << KindColors::displayName(kinds[k], timeline->kindStyles) << colors[k].name();
    shown << QString::number(int(ranges) | int(approximate) << 1 | int(uncertain) << 2 | int(eras) << 3)
          << QString::number(int(m_dark)) << (timeline ? u"timeline"_s : QString());
    if (shown == m_legendShown && !series().isEmpty())
        return;
    m_legendShown = shown;
    QList<ChartLegend::Entry> entries;

    const auto all = series();
    for (QAbstractSeries *s : all) {
        removeSeries(s);
        delete s;
    }
    if (!timeline) {
        m_legend->setEntries({});
        placeLegend(size());
        return;
    }
    // An empty series per kind: the legend shows its colour, and nothing is drawn.
    for (qsizetype k = 0; k < kinds.size(); ++k) {
        auto *entry = new QScatterSeries(this);
        entry->setName(KindColors::displayName(kinds[k], timeline->kindStyles).toHtmlEscaped());
        entry->setColor(colors[k]);
        entry->setBorderColor(colors[k]);
        entry->setMarkerSize(10);
        addSeries(entry);
        entries.append({ KindColors::displayName(kinds[k], timeline->kindStyles), ChartLegend::Swatch::Dot,
                         colors[k], colors[k] });
    }
    const QColor key = m_dark ? QColor(0xbb, 0xbb, 0xbb) : QColor(0x55, 0x55, 0x55);
    const auto addLine = [&](const QString &name, Qt::PenStyle style) {
        auto *entry = new QLineSeries(this);
        entry->setName(name);
        entry->setPen(QPen(key, 2, style));
        addSeries(entry);
        entries.append({ name, ChartLegend::Swatch::Line, key, key, style });
    };
    if (ranges)
        addLine(tr("exact range"), Qt::SolidLine);
    if (approximate)
        addLine(tr("approximate"), Qt::DashLine);
    if (uncertain)
        addLine(tr("uncertain"), Qt::DotLine);
    if (eras) {
        auto *band = new QScatterSeries(this);
        band->setName(tr("era"));
        band->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        band->setMarkerSize(12);
        band->setColor(m_dark ? QColor(70, 90, 140) : QColor(214, 224, 246));
        band->setBorderColor(m_dark ? QColor(140, 170, 255) : QColor(40, 90, 200));
        addSeries(band);
        entries.append({ tr("era"), ChartLegend::Swatch::Band, band->color(), band->borderColor() });
    }
    legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    m_legend->setEntries(std::move(entries));
    placeLegend(size());
}

void TimelineChart::resizeEvent(QGraphicsSceneResizeEvent *event)
{
    placeLegend(event->newSize());
    QChart::resizeEvent(event);
}

void TimelineChart::placeLegend(QSizeF size)
{
    const qreal height = m_legend->layOut(size.width() - m_baseMargins.left() - m_baseMargins.right());
    m_legend->setPos(m_baseMargins.left(), size.height() - m_baseMargins.bottom() - height);
    QMargins wanted = m_baseMargins;
    if (height > 0)
        wanted.setBottom(m_baseMargins.bottom() + int(std::ceil(height)) + 10);
    if (margins() != wanted)
        setMargins(wanted);
}

void TimelineChart::relayoutLanes()
{
    m_shownLanes.clear();
    const auto &lanes = m_laneIndex->lanes();
    m_rowOfLane = QList<int>(qsizetype(lanes.size()), -1);
    for (int lane = 0; lane < int(lanes.size()); ++lane) {
        const int actor = m_laneIndex->actorOf(std::size_t(lane));
        if (actor == LaneIndex::unattributed || m_actors->isVisible(actor)) {
            m_rowOfLane[lane] = int(m_shownLanes.size());
            m_shownLanes.append(lane);
        }
    }
    // Room for the longest name, up to a limit past which names are elided (laneNameWidth()).
    // Names measured once while the font stays: an edit lays the lanes out again.
    const QFontMetricsF metrics(m_labelFont);
    if (m_nameWidthsFont != m_labelFont) {
        m_nameWidths.clear();
        m_measuredNames.clear();
        m_measuredWidths.clear();
        m_nameWidthsFont = m_labelFont;
    }
    // An edit lays the lanes out again, and seldom renames one: a row whose name is the one it
    // had last time is not looked up again. Compared as the actors keep them, in UTF-8, so that
    // 100,000 lanes are 100,000 short comparisons, not as many strings made.
    const QByteArray noActor = tr("(no actor)").toUtf8();
    const Timeline *shown = m_events->timeline().get();
    m_measuredNames.resize(m_shownLanes.size());
    m_measuredWidths.resize(m_shownLanes.size());
    qreal widest = 0;
    for (int row = 0; row < m_shownLanes.size(); ++row) {
        const int actor = m_laneIndex->actorOf(std::size_t(m_shownLanes[row]));
        const QByteArrayView name = actor == LaneIndex::unattributed
            ? QByteArrayView(noActor)
            : shown->actors.at(actor).utf8(Actor::Name);
        QByteArray &measured = m_measuredNames[row];
        if (measured.isNull() || QByteArrayView(measured) != name) {
            const QString text = QString::fromUtf8(name);
            auto width = m_nameWidths.constFind(text);
            if (width == m_nameWidths.cend())
                width = m_nameWidths.insert(text, metrics.horizontalAdvance(text));
            measured = name.toByteArray();
            m_measuredWidths[row] = *width;
        }
        widest = std::max(widest, m_measuredWidths[row]);
    }
    m_widestLaneName = widest;
    m_laneNameLimit = 12 * metrics.averageCharWidth() + 40;
    const auto &timeline = m_events->timeline();
    m_eraBand = timeline && !timeline->eras.isEmpty() ? QFontMetricsF(eraFont()).height() + 4 : 0;
    updateLaneLayout();
    m_layer->updateGeometry();
    updateTimeAxis();
}

void TimelineChart::updateLaneLayout()
{
    const QRectF area = lanesArea();
    const bool overview = m_zoom->lanesOverview();
    const LaneLayout layout =
        LaneLayout::compute(int(m_shownLanes.size()), area.top(), area.height(),
                            LaneLayout::readableHeight(m_labelHeight), overview, m_zoom->topLane());
    const bool changed = layout.rows != m_laneLayout.rows || layout.top != m_laneLayout.top
        || layout.height != m_laneLayout.height || layout.laneHeight != m_laneLayout.laneHeight
        || layout.topRow != m_laneLayout.topRow || layout.maxTopRow != m_laneLayout.maxTopRow;
    m_laneLayout = layout;
    // The overview leaves the scroll alone, to come back to the same lanes.
    if (!overview)
        m_zoom->setMaxTopLane(layout.maxTopRow);
    if (changed) {
        m_layer->update();
        Q_EMIT laneLayoutChanged();
    }
}

void TimelineChart::updateTimeAxis()
{
    const QRectF area = eventArea();
    m_ticks = CalendarTicks::compute(m_zoom->first(), m_zoom->last(),
                                     area.width() > 0 ? area.width() : size().width(), 84);
    m_layer->update();
}

qreal TimelineChart::laneNameWidth() const
{
    // Names as long as a fifth of the chart stay whole: "Valentina Tereshkova" in a figure,
    // and a dozen characters however narrow the chart.
    return std::min(m_widestLaneName, std::max(m_laneNameLimit, plotArea().width() / 5));
}

QRectF TimelineChart::eventArea() const
{
    return plotArea().adjusted(laneNameWidth() + 10, 0, 0, -(m_labelHeight + 8));
}

QRectF TimelineChart::lanesArea() const
{
    return eventArea().adjusted(0, m_eraBand, 0, 0);
}

QFont TimelineChart::eraFont() const
{
    QFont font = titleFont();
    font.setPointSizeF(font.pointSizeF() * 0.62);
    font.setBold(false);
    font.setItalic(true);
    return font;
}

QString TimelineChart::laneName(int row) const
{
    if (row < 0 || row >= m_shownLanes.size())
        return {};
    const int actor = m_laneIndex->actorOf(std::size_t(m_shownLanes[row]));
    return actor == LaneIndex::unattributed ? tr("(no actor)")
                                            : m_events->timeline()->actors.at(actor).name();
}

int TimelineChart::rowOfLane(int lane) const
{
    return m_rowOfLane.value(lane, -1);
}

QRectF TimelineChart::laneRect(int row) const
{
    const QRectF area = lanesArea();
    return QRectF(area.left(), m_laneLayout.y(row), area.width(), m_laneLayout.laneHeight);
}

int TimelineChart::rowAt(qreal y) const
{
    return m_laneLayout.rowAt(y);
}

QList<int> TimelineChart::rowsOfEvent(int event) const
{
    const auto &timeline = m_events->timeline();
    QList<int> rows;
    if (!timeline || event < 0 || event >= int(timeline->events.size()))
        return rows;
    const auto actors = timeline->actorsOf(timeline->events[event]);
    for (const std::int32_t actor : actors) {
        if (const int row = rowOfLane(m_laneIndex->laneOf(actor)); row >= 0)
            rows.append(row);
    }
    if (actors.empty()) {
        if (const int row = rowOfLane(m_laneIndex->laneOf(LaneIndex::unattributed)); row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TimelineChart::revealRow(int row)
{
    if (m_laneLayout.scrolls())
        m_zoom->setTopLane(m_laneLayout.topToShow(row));
}

void TimelineChart::revealEvent(int event)
{
    const QList<int> rows = rowsOfEvent(event);
    if (rows.isEmpty()
        || std::ranges::any_of(rows, [this](int row) { return m_laneLayout.isWhollyVisible(row); }))
        return;
    revealRow(rows.first());
}

qreal TimelineChart::xOf(double day) const
{
    const QRectF area = eventArea();
    return area.left() + (day - m_zoom->first()) * area.width() / m_zoom->span();
}

double TimelineChart::dayAt(qreal x) const
{
    const QRectF area = eventArea();
    return m_zoom->first() + (x - area.left()) * m_zoom->span() / std::max<qreal>(1, area.width());
}

int TimelineChart::eventAt(QPointF pos) const
{
    return m_layer->eventAt(pos);
}

int TimelineChart::aggregatedAt(QPointF pos) const
{
    return m_layer->aggregatedAt(pos);
}

QPointF TimelineChart::eventPosition(int event) const
{
    return m_layer->markerPosition(event);
}

void TimelineChart::setStillPicture(bool still)
{
    m_layer->setStill(still);
}

int TimelineChart::labelledCount() const
{
    return m_layer->labelledCount();
}

int TimelineChart::plannedLaneCount() const
{
    return m_layer->plannedLaneCount();
}

int TimelineChart::writtenPixelRows() const
{
    return m_layer->writtenPixelRows();
}

bool TimelineChart::labelsSettled() const
{
    return m_layer->labelsSettled();
}

QRectF TimelineChart::labelRect(int event) const
{
    return m_layer->labelRect(event);
}

bool TimelineChart::labelIsWhole(int event) const
{
    return m_layer->labelIsWhole(event);
}

void TimelineChart::setHighlightedActor(int actor)
{
    if (m_highlightedActor == actor)
        return;
    m_highlightedActor = actor;
    if (actor >= 0) // the actor list's choice brings its lane into view
        revealRow(rowOfLane(m_laneIndex->laneOf(actor)));
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
