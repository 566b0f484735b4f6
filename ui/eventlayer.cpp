#include "eventlayer.h"

#include "actormodel.h"
#include "eventmodel.h"
#include "kindcolors.h"
#include "timelinechart.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal s_markerRadius = 5.5;
constexpr qreal s_barHeight = 12;
constexpr qreal s_hitSlop = 4;
constexpr qreal s_labelGap = 4;
constexpr qreal s_maxLabelWidth = 220;
constexpr qreal s_slotOffset = 14; // between the sub-rows of a lane
constexpr std::size_t s_maxLabelledPerLane = 400; // more than this in view: too dense to label

qreal slotOffset(int slot)
{
    return slot == 0 ? 0 : (slot % 2 ? 1 : -1) * s_slotOffset * ((slot + 1) / 2);
}

bool isPoint(const Event &event)
{
    return event.range.precision == DateRange::Precision::Day;
}

} // namespace

// The linear map from days to x, taken from the chart's axis once per paint.
struct EventLayer::Mapping
{
    qreal x0 = 0; // x of day 0
    qreal scale = 1; // pixels per day
    qreal x(double day) const { return x0 + day * scale; }
    double day(qreal x) const { return (x - x0) / scale; }
};

QRectF EventLayer::markRect(const Mapping &map, const Event &event, int slot, qreal laneCentre, bool current)
{
    const qreal x1 = map.x(event.range.first);
    if (isPoint(event)) {
        const qreal r = current ? s_markerRadius + 2 : s_markerRadius;
        const QPointF centre(x1 + map.scale / 2, laneCentre + slotOffset(slot));
        return QRectF(centre - QPointF(r, r), QSizeF(2 * r, 2 * r));
    }
    const qreal x2 = std::max(map.x(event.range.last + 1), x1 + 3);
    return QRectF(x1, laneCentre + slotOffset(slot) - s_barHeight / 2, x2 - x1, s_barHeight);
}

EventLayer::EventLayer(TimelineChart *chart)
    : QGraphicsObject(chart)
    , m_chart(chart)
{
    setZValue(10); // above the axes' grid, below the legend
    setAcceptedMouseButtons(Qt::NoButton); // the view handles clicks, through eventAt()
    updateGeometry();
}

QRectF EventLayer::boundingRect() const
{
    return m_rect;
}

void EventLayer::updateGeometry()
{
    const QRectF plot = m_chart->plotArea();
    // Labels of eras sit just above the plot; leave room for them.
    const QRectF rect = plot.adjusted(0, -2, 0, 0);
    if (rect != m_rect) {
        prepareGeometryChange();
        m_rect = rect;
    }
    update();
}

EventLayer::Mapping EventLayer::mapping() const
{
    const ZoomState *zoom = m_chart->zoom();
    const qreal xa = m_chart->xOf(zoom->first());
    const qreal xb = m_chart->xOf(zoom->last());
    Mapping m;
    m.scale = (xb - xa) / (zoom->last() - zoom->first());
    m.x0 = xa - zoom->first() * m.scale;
    return m;
}

void EventLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const auto &timeline = m_chart->events()->timeline();
    const QRectF plot = m_chart->plotArea();
    if (!timeline || plot.isEmpty())
        return;
    const Timeline &t = *timeline;
    const Mapping map = mapping();
    const ZoomState *zoom = m_chart->zoom();
    const TimelineFilter *filter = m_chart->filter();
    const int current = m_chart->currentEvent();
    const int highlightedActor = m_chart->highlightedActor();
    const bool dimOthers = current >= 0 || highlightedActor >= 0;
    const QColor text = m_chart->titleBrush().color();
    const bool dark = m_chart->isDark();
    const QColor background = dark ? QColor(0x2e, 0x2e, 0x2e) : QColor(Qt::white);
    const double first = zoom->first();
    const double last = zoom->last();

    painter->save();
    painter->setClipRect(plot);
    painter->setRenderHint(QPainter::Antialiasing);

    // Lanes: alternate rows faintly, so a marker is easy to follow to its actor.
    const QList<int> &lanes = m_chart->shownLanes();
    for (int row = 0; row < lanes.size(); ++row) {
        if (row % 2)
            painter->fillRect(m_chart->laneRect(row), dark ? QColor(255, 255, 255, 10) : QColor(0, 0, 0, 9));
    }

    // Eras: shaded bands behind everything, named at the top.
    QFont eraFont = m_chart->titleFont();
    eraFont.setPointSizeF(eraFont.pointSizeF() * 0.62);
    eraFont.setBold(false);
    eraFont.setItalic(true);
    painter->setFont(eraFont);
    for (const Era &era : t.eras) {
        const QRectF band(QPointF(map.x(era.range.first), plot.top()),
                          QPointF(map.x(era.range.last + 1), plot.bottom()));
        if (!band.intersects(plot))
            continue;
        painter->fillRect(band, dark ? QColor(120, 160, 255, 26) : QColor(40, 90, 200, 16));
        painter->setPen(QPen(dark ? QColor(140, 170, 255, 110) : QColor(40, 90, 200, 90), 1, Qt::DashLine));
        painter->drawLine(band.topLeft(), band.bottomLeft());
        painter->drawLine(band.topRight(), band.bottomRight());
        const QRectF visibleBand = band.intersected(plot);
        painter->setPen(dark ? QColor(170, 190, 255) : QColor(40, 80, 170));
        painter->drawText(
            visibleBand.adjusted(6, 2, -6, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
            QFontMetricsF(eraFont).elidedText(era.title, Qt::ElideRight, visibleBand.width() - 12));
    }

    // Which shown row each actor is in, for connectors and for labelling an event once.
    QList<int> rowOfActor(t.actors.size(), -1);
    for (int row = 0; row < lanes.size(); ++row) {
        const int actor = m_chart->laneIndex().lanes()[lanes[row]].actor;
        if (actor >= 0)
            rowOfActor[actor] = row;
    }
    const auto eventRows = [&](const Event &event, int fallbackRow) {
        int top = fallbackRow, bottom = fallbackRow;
        for (const std::int32_t actor : t.actorsOf(event)) {
            const int row = rowOfActor[actor];
            if (row >= 0) {
                top = std::min(top, row);
                bottom = std::max(bottom, row);
            }
        }
        return std::pair(top, bottom);
    };

    struct Label
    {
        int event;
        QRectF mark; // the marker or bar, which the label goes above or below
        int row;
    };
    std::vector<Label> labels;
    std::vector<QRectF> obstacles; // every mark drawn: labels must not cover them

    for (int row = 0; row < lanes.size(); ++row) {
        const int laneNumber = lanes[row];
        const LaneIndex::Lane &laneData = m_chart->laneIndex().lanes()[laneNumber];
        const QRectF lane = m_chart->laneRect(row);
        const qreal cy = lane.center().y();
        const auto [begin, end] = m_chart->laneIndex().visibleRange(laneNumber, first, last, t);

        // More events than pixels: draw how many fall in each pixel column instead.
        if (end - begin > std::size_t(plot.width()) * 2) {
            std::vector<int> counts(std::size_t(plot.width()) + 1, 0);
            for (std::size_t i = begin; i < end; ++i) {
                const std::int32_t e = laneData.events[i];
                if (!filter->accepts(e))
                    continue;
                const Event &event = t.events[e];
                const qreal mid = map.x((event.range.first + event.range.last + 1) / 2.0) - plot.left();
                if (mid >= 0 && mid < counts.size())
                    ++counts[std::size_t(mid)];
            }
            const int peak = std::max(1, *std::max_element(counts.begin(), counts.end()));
            for (std::size_t px = 0; px < counts.size(); ++px) {
                if (!counts[px])
                    continue;
                QColor c = text;
                c.setAlphaF(0.15 + 0.85 * std::log1p(counts[px]) / std::log1p(peak));
                painter->fillRect(QRectF(plot.left() + px, cy - s_barHeight / 2, 1, s_barHeight), c);
            }
            continue;
        }

        for (std::size_t i = begin; i < end; ++i) {
            const std::int32_t e = laneData.events[i];
            if (!filter->accepts(e))
                continue;
            const Event &event = t.events[e];
            const bool prominent = e == current
                || (highlightedActor >= 0 && std::ranges::count(t.actorsOf(event), highlightedActor) > 0);
            QColor color = KindColors::color(t.kindOf(event));
            if (dimOthers && !prominent)
                color.setAlphaF(0.28);
            const auto [topRow, bottomRow] = eventRows(event, row);
            const QRectF mark = markRect(map, event, laneData.subRows[i], cy, e == current);

            if (isPoint(event)) {
                const QPointF centre = mark.center();
                // One connector per event, drawn from its top lane down through the lanes it spans.
                if (row == topRow && bottomRow > topRow) {
                    painter->setPen(QPen(color, e == current ? 2 : 1.2));
                    painter->drawLine(centre, QPointF(centre.x(), m_chart->laneRect(bottomRow).center().y()));
                }
                painter->setPen(QPen(dark ? QColor(20, 20, 20) : Qt::white, 1.5));
                painter->setBrush(color);
                painter->drawEllipse(mark);
            } else {
                QColor fill = color;
                fill.setAlphaF(color.alphaF() * 0.35);
                QPen outline(color, e == current ? 2.2 : 1.3);
                // The outline says how sure the date is: dashed approximate, dotted uncertain.
                if (event.range.isUncertain())
                    outline.setStyle(Qt::DotLine);
                else if (event.range.isApproximate())
                    outline.setStyle(Qt::DashLine);
                painter->setPen(outline);
                painter->setBrush(fill);
                painter->drawRoundedRect(mark, 3, 3);
                if (row == topRow && bottomRow > topRow) {
                    painter->setPen(QPen(color, 1, Qt::DotLine));
                    painter->drawLine(QPointF(mark.left(), mark.bottom()),
                                      QPointF(mark.left(), m_chart->laneRect(bottomRow).center().y()));
                }
            }
            obstacles.push_back(mark);
            if (row == topRow && (end - begin <= s_maxLabelledPerLane || e == current))
                labels.push_back({ e, mark, row });
        }
    }

    // Labels go just above or below their mark, inside its lane, where they cover neither
    // another label nor a mark; one that fits nowhere is left out, except the current event's,
    // which is always drawn, last, on a plate of its own.
    const QFont labelFont = m_chart->labelFont();
    painter->setFont(labelFont);
    const QFontMetricsF fm(labelFont);
    const qreal lineHeight = fm.height();
    std::vector<QRectF> placed;
    std::optional<std::pair<QRectF, QString>> currentLabel;
    QFont bold = labelFont;
    bold.setBold(true);
    // The current event's label first, so that the others keep clear of it.
    std::stable_partition(labels.begin(), labels.end(),
                          [&](const Label &label) { return label.event == current; });
    for (const Label &label : labels) {
        const Event &event = t.events[label.event];
        const QRectF lane = m_chart->laneRect(label.row);
        // The current event's label may take more room: it is the one being read.
        const QString title = fm.elidedText(t.text(event.title), Qt::ElideRight,
                                            label.event == current ? 2 * s_maxLabelWidth : s_maxLabelWidth);
        const qreal width = fm.horizontalAdvance(title);
        const qreal x = std::max(label.mark.left(), plot.left() + 2);
        const QRectF above(x, label.mark.top() - 1 - lineHeight, width, lineHeight);
        const QRectF below(x, label.mark.bottom() + 1, width, lineHeight);
        const auto fits = [&](const QRectF &rect) {
            return rect.top() >= lane.top() && rect.bottom() <= lane.bottom() && rect.right() <= plot.right();
        };
        if (label.event == current) {
            QRectF rect = fits(above) || !fits(below) ? above : below;
            rect.moveTop(std::max(rect.top(), plot.top()));
            rect.setWidth(QFontMetricsF(bold).horizontalAdvance(title));
            if (rect.right() > plot.right() - 4)
                rect.moveRight(plot.right() - 4);
            currentLabel = std::pair(rect, title);
            placed.push_back(rect.adjusted(-4, -1, 4, 1));
            continue;
        }
        for (const QRectF &rect : { above, below }) {
            const auto clashes = [&](const QRectF &other) {
                return other.adjusted(-3, 0, 3, 0).intersects(rect);
            };
            if (!fits(rect) || std::any_of(placed.begin(), placed.end(), clashes)
                || std::any_of(obstacles.begin(), obstacles.end(), clashes))
                continue;
            placed.push_back(rect);
            QColor color = text;
            if (dimOthers)
                color.setAlphaF(0.45);
            painter->setPen(color);
            painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, title);
            break;
        }
    }
    if (currentLabel) {
        painter->setFont(bold);
        const QRectF rect = currentLabel->first;
        const QRectF plate = rect.adjusted(-4, -1, 4, 1);
        painter->setPen(QPen(text, 1));
        painter->setBrush(background);
        painter->drawRoundedRect(plate, 3, 3);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, currentLabel->second);
    }
    painter->restore();
}

int EventLayer::eventAt(QPointF pos) const
{
    const auto &timeline = m_chart->events()->timeline();
    if (!timeline || !m_chart->plotArea().contains(pos))
        return -1;
    const int row = m_chart->rowAt(pos.y());
    if (row < 0)
        return -1;
    const Timeline &t = *timeline;
    const Mapping map = mapping();
    const int laneNumber = m_chart->shownLanes()[row];
    const LaneIndex::Lane &lane = m_chart->laneIndex().lanes()[laneNumber];
    const qreal cy = m_chart->laneRect(row).center().y();
    const double slopDays = (s_markerRadius + 2 + s_hitSlop) / map.scale;
    const double day = map.day(pos.x());
    const auto [begin, end] =
        m_chart->laneIndex().visibleRange(laneNumber, day - slopDays, day + slopDays, t);
    const int current = m_chart->currentEvent();

    // The nearest marker wins; a bar counts when the cursor is on it, after any marker there.
    int best = -1;
    qreal bestDistance = std::numeric_limits<qreal>::max();
    for (std::size_t i = begin; i < end; ++i) {
        const std::int32_t e = lane.events[i];
        if (!m_chart->filter()->accepts(e))
            continue;
        const QRectF mark = markRect(map, t.events[e], lane.subRows[i], cy, e == current);
        if (!mark.adjusted(-s_hitSlop, -s_hitSlop, s_hitSlop, s_hitSlop).contains(pos))
            continue;
        const qreal distance =
            isPoint(t.events[e]) ? QLineF(mark.center(), pos).length() : mark.width() + 1000;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = e;
        }
    }
    return best;
}

QPointF EventLayer::markerPosition(int event) const
{
    const auto &timeline = m_chart->events()->timeline();
    if (!timeline || event < 0 || event >= int(timeline->events.size()) || !m_chart->filter()->accepts(event))
        return {};
    const Timeline &t = *timeline;
    const Event &e = t.events[event];
    const LaneIndex &index = m_chart->laneIndex();
    // Its lanes, top first; events without actors have a lane of their own.
    QList<int> lanes;
    for (const std::int32_t actor : t.actorsOf(e))
        lanes.append(index.laneOf(actor));
    if (t.actorsOf(e).empty())
        lanes.append(index.laneOf(LaneIndex::unattributed));
    lanes.removeIf([&](int lane) { return m_chart->rowOfLane(lane) < 0; });
    std::sort(lanes.begin(), lanes.end(),
              [&](int a, int b) { return m_chart->rowOfLane(a) < m_chart->rowOfLane(b); });

    const Mapping map = mapping();
    const QRectF plot = m_chart->plotArea();
    // Spots on the event's mark in a lane: a dot's centre; along a bar's visible part.
    const auto spotsIn = [&](int laneNumber) {
        const LaneIndex::Lane &lane = index.lanes()[laneNumber];
        const auto it = std::find(lane.events.begin(), lane.events.end(), event);
        const int subRow = it == lane.events.end() ? 0 : lane.subRows[std::size_t(it - lane.events.begin())];
        const QRectF mark =
            markRect(map, e, subRow, m_chart->laneRect(m_chart->rowOfLane(laneNumber)).center().y(),
                     event == m_chart->currentEvent());
        const QRectF shown = mark.intersected(plot);
        QList<QPointF> spots { shown.isEmpty() ? mark.center() : shown.center() };
        if (!isPoint(e) && !shown.isEmpty()) {
            for (const qreal f : { 0.3, 0.7, 0.1, 0.9, 0.2, 0.8, 0.4, 0.6 })
                spots.append(QPointF(shown.left() + f * shown.width(), shown.center().y()));
        }
        return spots;
    };
    // Where a click selects this event: a spot where it is the one hit, even a pixel off (a
    // click lands on whole pixels), in its top-most such lane; failing that, where it is hit.
    const auto hitsAround = [&](QPointF spot) {
        for (const QPointF offset :
             { QPointF(0, 0), QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1) }) {
            if (eventAt(spot + offset) != event)
                return false;
        }
        return true;
    };
    QPointF fallback;
    for (const int lane : std::as_const(lanes)) {
        for (const QPointF spot : spotsIn(lane)) {
            if (hitsAround(spot))
                return spot;
            if (fallback.isNull() && eventAt(spot) == event)
                fallback = spot;
        }
    }
    if (fallback.isNull() && !lanes.isEmpty())
        fallback = spotsIn(lanes.first()).first();
    return fallback;
}
