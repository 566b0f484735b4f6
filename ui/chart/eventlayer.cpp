#include "eventlayer.h"

#include "actormodel.h"
#include "eventmodel.h"
#include "kindcolors.h"
#include "labelplacer.h"
#include "timelinechart.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal s_hitSlop = 4;
constexpr qreal s_maxLabelWidth = 220;
// Lanes lower than this have no room for outlined marks and labels: their marks are plain
// blocks drawn per pixel.
constexpr qreal s_compactLaneHeight = 16;
// Outlined marks drawn in one frame, over all lanes: past this a frame no longer fits in 16 ms.
constexpr std::size_t s_markBudget = 2500;
constexpr int s_labelBudget = 300; // labels placed in one frame, over all lanes

bool isPoint(const Event &event)
{
    return event.range.precision == DateRange::Precision::Day;
}

QRgb premultiplied(QColor color, qreal alpha)
{
    color.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return qPremultiply(color.rgba());
}

} // namespace

// The linear map from days to x, taken from the chart once per paint.
struct EventLayer::Mapping
{
    qreal x0 = 0; // x of day 0
    qreal scale = 1; // pixels per day
    qreal x(double day) const { return x0 + day * scale; }
    double day(qreal x) const { return (x - x0) / scale; }
};

// The size of marks in lanes of a given height: full size in tall lanes, shrinking with them.
struct EventLayer::MarkStyle
{
    qreal radius = 5.5;
    qreal barHeight = 12;
    qreal slotStep = 14; // between the sub-rows of a lane
    bool compact = false;

    static MarkStyle forLane(qreal height)
    {
        MarkStyle style;
        style.compact = height < s_compactLaneHeight;
        style.radius = std::clamp(height * 0.3, 1.5, 5.5);
        style.barHeight = std::clamp(height * 0.6, 2.0, 12.0);
        style.slotStep = style.compact ? 0 : std::min(14.0, height * 0.28);
        return style;
    }
    qreal offset(int slot) const { return slot == 0 ? 0 : (slot % 2 ? 1 : -1) * slotStep * ((slot + 1) / 2); }
};

QRectF EventLayer::markRect(const Mapping &map, const MarkStyle &style, const Event &event, int slot,
                            qreal laneCentre, bool current)
{
    const qreal x1 = map.x(event.range.first);
    if (isPoint(event)) {
        const qreal r = current ? std::max(style.radius, 5.5) + 2 : style.radius;
        const QPointF centre(x1 + map.scale / 2, laneCentre + style.offset(slot));
        return QRectF(centre - QPointF(r, r), QSizeF(2 * r, 2 * r));
    }
    const qreal height = current ? std::max(style.barHeight, 8.0) : style.barHeight;
    const qreal x2 = std::max(map.x(event.range.last + 1), x1 + 3);
    return QRectF(x1, laneCentre + style.offset(slot) - height / 2, x2 - x1, height);
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
    // The axes' labels lie around the event area, within the plot area.
    const QRectF rect = m_chart->plotArea().adjusted(0, -2, 0, 0);
    if (rect != m_rect) {
        prepareGeometryChange();
        m_rect = rect;
    }
    update();
}

EventLayer::Mapping EventLayer::mapping() const
{
    const ZoomState *zoom = m_chart->zoom();
    const QRectF area = m_chart->eventArea();
    Mapping m;
    m.scale = area.width() / zoom->span();
    m.x0 = area.left() - zoom->first() * m.scale;
    return m;
}

EventLayer::MarkStyle EventLayer::markStyle() const
{
    const qsizetype rows = std::max<qsizetype>(1, m_chart->shownLanes().size());
    return MarkStyle::forLane(m_chart->lanesArea().height() / qreal(rows));
}

std::size_t EventLayer::room() const
{
    // Plain marks are cheap, drawn per pixel: a lane shows one per few pixels. Outlined ones
    // share a budget over all lanes.
    const qreal width = m_chart->eventArea().width();
    if (markStyle().compact)
        return std::size_t(std::max(0.0, width / 3));
    const std::size_t lanes = std::max<std::size_t>(1, std::size_t(m_chart->shownLanes().size()));
    return std::min(std::size_t(std::max(0.0, width / 10)), std::max<std::size_t>(8, s_markBudget / lanes));
}

void EventLayer::planRow(int row, double daysPerColumn, int columns, LaneDetail *detail) const
{
    const auto &timeline = m_chart->events()->timeline();
    const ZoomState *zoom = m_chart->zoom();
    const int laneNumber = m_chart->shownLanes()[row];
    const LaneIndex &index = m_chart->laneIndex();
    const auto [begin, end] = index.visibleRange(laneNumber, zoom->first(), zoom->last());
    const TimelineFilter *filter = m_chart->filter();
    const ColumnMapping columnMap { zoom->first(), daysPerColumn, columns };
    const std::int32_t current = m_chart->currentEvent();
    const LaneIndex::Lane &lane = index.lanes()[laneNumber];
    // Without search text every event of a shown lane passes the filter.
    if (lane.hasTotals() && filter->text().isEmpty()) {
        detail->planFromTotals(lane, begin, end, columnMap, current, room());
    } else if (filter->acceptedCount() == qsizetype(timeline->events.size())) {
        detail->plan(
            lane, begin, end, columnMap, [](std::int32_t) { return true; }, current, room());
    } else {
        detail->plan(
            index.lanes()[laneNumber], begin, end, columnMap,
            [filter](std::int32_t e) { return filter->accepts(e); }, current, room());
    }
}

int EventLayer::aggregatedAt(QPointF pos) const
{
    const QRectF area = m_chart->eventArea();
    const int row = m_chart->rowAt(pos.y());
    if (!m_chart->events()->timeline() || row < 0 || !area.contains(pos))
        return 0;
    const int columns = std::max(1, int(area.width()));
    LaneDetail detail;
    planRow(row, m_chart->zoom()->span() / columns, columns, &detail);
    if (!detail.aggregated)
        return 0;
    const int column = std::clamp(int(pos.x() - area.left()), 0, columns - 1);
    return int(detail.coverage[std::size_t(column)]);
}

void EventLayer::paintAxes(QPainter *painter, const QRectF &area)
{
    const QColor text = m_chart->titleBrush().color();
    QColor grid = text;
    const QFont font = m_chart->labelFont();
    const QFontMetricsF metrics(font);
    painter->setFont(font);

    // Time: a grid line at each tick, stronger at years, the label centred under it.
    for (const CalendarTick &tick : m_chart->ticks()) {
        const qreal x = m_chart->xOf(tick.day);
        if (x < area.left() - 0.5 || x > area.right() + 0.5)
            continue;
        grid.setAlphaF(tick.major ? 0.22f : 0.12f);
        painter->setPen(QPen(grid, 1));
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom() + 4));
        const qreal width = metrics.horizontalAdvance(tick.label);
        const QRectF label(x - width / 2, area.bottom() + 5, width, metrics.height());
        painter->setPen(text);
        painter->drawText(label, Qt::AlignCenter | Qt::TextSingleLine, tick.label);
    }
    grid.setAlphaF(0.45f);
    painter->setPen(QPen(grid, 1));
    painter->drawLine(area.bottomLeft(), area.bottomRight());

    // Lanes: each actor's name beside its lane; when lanes are lower than a line, every n-th.
    const qsizetype rows = m_chart->shownLanes().size();
    if (rows == 0)
        return;
    const qreal laneHeight = m_chart->lanesArea().height() / qreal(rows);
    const int every = std::max(1, int(std::ceil(metrics.height() / laneHeight)));
    const qreal nameWidth = area.left() - m_chart->plotArea().left() - 10;
    // An actor's own colour (the file's `color`) marks its lane, beside the name.
    const Timeline &t = *m_chart->events()->timeline();
    for (int row = 0; row < rows; ++row) {
        const int actor = m_chart->laneIndex().lanes()[m_chart->shownLanes()[row]].actor;
        if (actor < 0 || !t.actors.at(actor).color.isValid())
            continue;
        const QRectF lane = m_chart->laneRect(row);
        const qreal inset = std::min(2.0, lane.height() / 4);
        painter->fillRect(QRectF(area.left() - 7, lane.top() + inset, 3, lane.height() - 2 * inset),
                          t.actors.at(actor).color);
    }
    painter->setPen(text);
    for (int row = 0; row < rows; row += every) {
        const QRectF lane = m_chart->laneRect(row);
        const QRectF name(m_chart->plotArea().left(), lane.center().y() - metrics.height() / 2, nameWidth,
                          metrics.height());
        painter->drawText(name, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                          metrics.elidedText(m_chart->laneName(row), Qt::ElideRight, nameWidth));
    }
}

void EventLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const auto &timeline = m_chart->events()->timeline();
    const QRectF area = m_chart->eventArea();
    if (!timeline || area.width() < 2 || area.height() < 2)
        return;
    const Timeline &t = *timeline;
    const Mapping map = mapping();
    const MarkStyle style = markStyle();
    const int current = m_chart->currentEvent();
    const int highlightedActor = m_chart->highlightedActor();
    const bool dimOthers = current >= 0 || highlightedActor >= 0;
    const QColor text = m_chart->titleBrush().color();
    const bool dark = m_chart->isDark();
    const QColor background = dark ? QColor(0x2e, 0x2e, 0x2e) : QColor(Qt::white);

    painter->save();
    paintAxes(painter, area);
    painter->setClipRect(area);
    painter->setRenderHint(QPainter::Antialiasing);

    // Lanes: alternate rows faintly, so a marker is easy to follow to its actor.
    const QList<int> &lanes = m_chart->shownLanes();
    for (int row = 1; row < lanes.size(); row += 2)
        painter->fillRect(m_chart->laneRect(row), dark ? QColor(255, 255, 255, 10) : QColor(0, 0, 0, 9));

    // Eras: shaded bands behind everything, named in their own band at the top, each title
    // within its era and clear of the next era's.
    const QFont eraFont = m_chart->eraFont();
    const QFontMetricsF eraMetrics(eraFont);
    std::vector<std::pair<QRectF, QString>> eraTitles;
    for (qsizetype k = 0; k < t.eras.size(); ++k) {
        const Era &era = t.eras[k];
        const QRectF band(QPointF(map.x(era.range.first), area.top()),
                          QPointF(map.x(era.range.last + 1), area.bottom()));
        if (!band.intersects(area))
            continue;
        painter->fillRect(band, dark ? QColor(120, 160, 255, 26) : QColor(40, 90, 200, 16));
        painter->setPen(QPen(dark ? QColor(140, 170, 255, 110) : QColor(40, 90, 200, 90), 1, Qt::DashLine));
        painter->drawLine(band.topLeft(), band.bottomLeft());
        painter->drawLine(band.topRight(), band.bottomRight());
        QRectF title = band.intersected(area).adjusted(6, 2, -6, 0);
        title.setHeight(eraMetrics.height());
        for (qsizetype next = k + 1; next < t.eras.size(); ++next) {
            const qreal start = map.x(t.eras[next].range.first);
            if (start > title.left())
                title.setRight(std::min(title.right(), start - 6));
        }
        const QString text = eraMetrics.elidedText(era.title, Qt::ElideRight, title.width());
        if (!text.isEmpty())
            eraTitles.emplace_back(
                QRectF(title.topLeft(), QSizeF(eraMetrics.horizontalAdvance(text), title.height())), text);
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
    // Colours by kind, looked up once a timeline: a frame may colour thousands of marks.
    if (m_kindsOf.lock() != timeline) {
        m_kindColors.clear();
        m_kindColors.reserve(std::size_t(t.kinds.size()) + 1);
        m_kindColors.push_back(KindColors::none());
        for (const QColor &color : KindColors::assign(t.kinds, t.kindStyles))
            m_kindColors.push_back(color);
        // The same as plain pixels, for compact marks: by kind, prominence and shape.
        m_kindPixels.resize(m_kindColors.size() * 4);
        for (std::size_t k = 0; k < m_kindColors.size(); ++k) {
            for (int variant = 0; variant < 4; ++variant) {
                const qreal alpha = (variant & 1 ? 1.0 : 0.28) * (variant & 2 ? 1.0 : 0.75);
                m_kindPixels[k * 4 + std::size_t(variant)] = premultiplied(m_kindColors[k], alpha);
            }
        }
        m_kindsOf = timeline;
    }
    const std::vector<QColor> &kindColors = m_kindColors;
    const std::vector<QRgb> &kindPixels = m_kindPixels;
    const auto isProminent = [&](std::int32_t e) {
        return !dimOthers || e == current
            || (highlightedActor >= 0 && std::ranges::count(t.actorsOf(t.events[e]), highlightedActor) > 0);
    };
    const auto colorOf = [&](const Event &event, std::int32_t e) {
        QColor color = kindColors[std::size_t(event.kind + 1)];
        if (!isProminent(e))
            color.setAlphaF(0.28f);
        return color;
    };

    // Plan every lane first: the density strips share one scale, the busiest column's.
    // Columns are device pixels, so that an export at 2x has twice the detail.
    const qreal pixelRatio = painter->device()->devicePixelRatioF() * painter->worldTransform().m11();
    const int columns = std::max(1, int(std::lround(area.width() * pixelRatio)));
    const double daysPerColumn = m_chart->zoom()->span() / columns;
    m_details.resize(std::size_t(lanes.size()));
    std::uint32_t peak = 1;
    bool anyPixels = false;
    for (int row = 0; row < lanes.size(); ++row) {
        LaneDetail &detail = m_details[std::size_t(row)];
        planRow(row, daysPerColumn, columns, &detail);
        peak = std::max(peak, detail.peakCoverage);
        anyPixels |= detail.aggregated || (style.compact && !detail.marks.empty());
    }

    // What is drawn per pixel: density strips, and the plain marks of low lanes. Each lane's
    // strip is one line of pixels, copied into the rows the lane's marks would take.
    if (anyPixels) {
        const QSize pixelSize(columns, std::max(1, int(std::lround(area.height() * pixelRatio))));
        if (m_pixels.size() != pixelSize)
            m_pixels = QImage(pixelSize, QImage::Format_ARGB32_Premultiplied);
        m_pixels.fill(Qt::transparent);
        // Opacity by how many events overlap a column, on a log scale: one event shows, and a
        // thousand do not drown the rest. One hue, unlike any kind's, says "many events here".
        const QColor density = dark ? QColor(150, 180, 240) : QColor(35, 65, 130);
        const double logPeak = std::log1p(double(peak));
        const auto shade = [&](std::uint32_t n) {
            return n == 0 ? QRgb(0)
                          : premultiplied(
                              density, (0.2 + 0.8 * std::log1p(double(n)) / logPeak) * (dimOthers ? 0.5 : 1));
        };
        // Counts up to a few thousand from a table; a lane may hold millions overlapping.
        std::vector<QRgb> shades(std::size_t(std::min<std::uint32_t>(peak, 4096)) + 1);
        for (std::uint32_t n = 0; n < shades.size(); ++n)
            shades[n] = shade(n);
        std::vector<QRgb> line(static_cast<std::size_t>(columns));
        const ColumnMapping columnMap { m_chart->zoom()->first(), daysPerColumn, columns };
        for (int row = 0; row < lanes.size(); ++row) {
            const LaneDetail &detail = m_details[std::size_t(row)];
            if (!detail.aggregated && (!style.compact || detail.marks.empty()))
                continue;
            if (detail.aggregated) {
                for (int c = 0; c < columns; ++c) {
                    const std::uint32_t n = detail.coverage[std::size_t(c)];
                    line[std::size_t(c)] = n < shades.size() ? shades[n] : shade(n);
                }
            } else {
                std::fill(line.begin(), line.end(), QRgb(0));
                const LaneIndex::Lane &laneData = m_chart->laneIndex().lanes()[lanes[row]];
                // Ranges first, paler, each pixel written once (the earliest range keeps a
                // pixel that later ones also cover: long ranges may overlap by hundreds); then
                // points, two pixels wide at least, over them.
                const int wide = std::max(1, int(pixelRatio * 2));
                int filled = -1; // the last column a range has written
                for (const bool points : { false, true }) {
                    for (const std::uint32_t i : detail.marks) {
                        const std::int32_t e = laneData.events[i];
                        const std::uint16_t look = laneData.looks[i];
                        if (e == current || bool(look & LaneIndex::Lane::pointBit) != points)
                            continue; // the current event is drawn on top, outlined
                        int from = 0, to = 0;
                        columnMap.columns(laneData.days[i], &from, &to);
                        to = std::min(std::max(to, from + wide - 1), columns - 1);
                        if (!points) {
                            from = std::max(from, filled + 1);
                            filled = std::max(filled, to);
                        }
                        const int variant = (isProminent(e) ? 1 : 0) | (points ? 2 : 0);
                        std::size_t kind = look & ~LaneIndex::Lane::pointBit;
                        if (kind == LaneIndex::Lane::kindLookUp)
                            kind = std::size_t(t.events[e].kind + 1);
                        const QRgb pixel = kindPixels[kind * 4 + std::size_t(variant)];
                        if (from <= to)
                            std::fill(line.begin() + from, line.begin() + to + 1, pixel);
                    }
                }
            }
            const QRectF lane = m_chart->laneRect(row);
            const qreal centre = (lane.center().y() - area.top()) * pixelRatio;
            const qreal half = std::max(0.5, style.barHeight * pixelRatio / 2);
            const int y0 = std::max(0, int(std::lround(centre - half)));
            const int y1 =
                std::min(pixelSize.height() - 1, std::max(y0, int(std::lround(centre + half)) - 1));
            for (int y = y0; y <= y1; ++y)
                std::copy(line.begin(), line.end(), reinterpret_cast<QRgb *>(m_pixels.scanLine(y)));
        }
        m_pixels.setDevicePixelRatio(pixelRatio);
        painter->drawImage(area.topLeft(), m_pixels);
    }

    // Outlined marks: every mark of tall lanes, and the current event wherever it is, drawn
    // last so that no neighbour covers it. Each mark is an obstacle to the labels but its
    // own event's; an event is labelled once, in its top lane.
    std::vector<LabelPlacer::Label> labels;
    std::vector<int> labelEvent;
    std::vector<LabelPlacer::Obstacle> obstacles;
    QHash<int, int> labelOf; // event → index into labels
    const QFont labelFont = m_chart->labelFont();
    const QFontMetricsF fm(labelFont);
    QFont bold = labelFont;
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const auto drawMark = [&](int row, std::int32_t e, int slot) {
        const Event &event = t.events[e];
        const QColor color = colorOf(event, e);
        const auto [topRow, bottomRow] = eventRows(event, row);
        const QRectF mark =
            markRect(map, style, event, slot, m_chart->laneRect(row).center().y(), e == current);
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
            fill.setAlphaF(color.alphaF() * 0.35f);
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
        return mark;
    };
    const auto request = [&](std::int32_t e, const QRectF &mark) {
        const Event &event = t.events[e];
        const QString title = t.text(event.title);
        const bool isCurrent = e == current;
        const QFontMetricsF &metrics = isCurrent ? boldMetrics : fm;
        const qreal limit = isCurrent ? 2 * s_maxLabelWidth : s_maxLabelWidth;
        LabelPlacer::Label label;
        label.mark = mark;
        label.size =
            QSizeF(std::min(limit, std::ceil(metrics.horizontalAdvance(title))) + 1, std::ceil(fm.height()));
        // Shortened, a label keeps a recognisable start: about a dozen characters.
        label.minWidth = std::min(label.size.width(), 12 * metrics.averageCharWidth());
        label.date = event.range.first;
        label.required = isCurrent;
        label.hint = m_labelSlots.value(e, -1);
        labelOf.insert(e, int(labels.size()));
        labels.push_back(label);
        labelEvent.push_back(e);
    };
    std::optional<std::pair<int, std::int32_t>> currentMark; // row and slot of the current's top mark
    std::vector<std::pair<int, int>> currentOthers; // its marks in other lanes
    for (int row = 0; row < lanes.size(); ++row) {
        const LaneDetail &detail = m_details[std::size_t(row)];
        const LaneIndex::Lane &laneData = m_chart->laneIndex().lanes()[lanes[row]];
        if (style.compact || detail.aggregated) {
            // A strip or a row of plain marks: no label stands on it.
            const QRectF lane = m_chart->laneRect(row);
            const qreal half = std::max(0.5, style.barHeight / 2);
            obstacles.push_back({ QRectF(area.left(), lane.center().y() - half, area.width(), 2 * half) });
        }
        for (const std::uint32_t i : detail.marks) {
            const std::int32_t e = laneData.events[i];
            if ((style.compact || detail.aggregated) && e != current)
                continue;
            const int slot = style.compact ? 0 : laneData.subRows[i];
            if (e == current) {
                if (!currentMark)
                    currentMark = std::pair(row, slot);
                else
                    currentOthers.emplace_back(row, slot);
                continue;
            }
            const QRectF mark = drawMark(row, e, slot);
            // Its marks in other lanes are obstacles even to its own label, which would
            // otherwise seem to name another lane's event.
            if (!labelOf.contains(e) && row == eventRows(t.events[e], row).first
                && int(labels.size()) < s_labelBudget)
                request(e, mark);
            else
                obstacles.push_back({ mark, -1 });
        }
    }
    if (currentMark) {
        for (const auto &[row, slot] : currentOthers)
            drawMark(row, current, slot);
        request(current, drawMark(currentMark->first, current, currentMark->second));
        for (const auto &[row, slot] : currentOthers)
            obstacles.push_back(
                { markRect(map, style, t.events[current], slot, m_chart->laneRect(row).center().y(), true),
                  -1 });
    }

    painter->setFont(eraFont);
    painter->setPen(dark ? QColor(170, 190, 255) : QColor(40, 80, 170));
    for (const auto &[rect, title] : eraTitles)
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine, title);

    // Labels: placed all at once where they cover nothing, each joined to its mark by a leader
    // when it had to move away; last frame's places are kept where they still fit.
    const std::vector<LabelPlacer::Placement> placed =
        LabelPlacer::place(m_chart->lanesArea().adjusted(2, 1, -2, -1), labels, obstacles);
    m_labelSlots.clear();
    QColor leaderColor = text;
    leaderColor.setAlphaF(dimOthers ? 0.3f : 0.5f);
    QColor labelColor = text;
    if (dimOthers)
        labelColor.setAlphaF(0.45f);
    m_labelled = 0;
    for (std::size_t k = 0; k < placed.size(); ++k) {
        const LabelPlacer::Placement &p = placed[k];
        if (!p.isPlaced())
            continue;
        const std::int32_t e = labelEvent[k];
        m_labelSlots.insert(e, p.slot);
        ++m_labelled;
        if (e == current)
            continue; // drawn last, on top
        if (!p.leader.isNull()) {
            painter->setPen(QPen(leaderColor, 0.8));
            painter->drawLine(p.leader);
        }
        painter->setFont(labelFont);
        painter->setPen(labelColor);
        painter->drawText(p.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          fm.elidedText(t.text(t.events[e].title), Qt::ElideRight, p.rect.width()));
    }
    if (const auto it = labelOf.constFind(current);
        it != labelOf.cend() && placed[std::size_t(*it)].isPlaced()) {
        const LabelPlacer::Placement &p = placed[std::size_t(*it)];
        if (!p.leader.isNull()) {
            painter->setPen(QPen(text, 1));
            painter->drawLine(p.leader);
        }
        painter->setFont(bold);
        painter->setPen(QPen(text, 1));
        painter->setBrush(background);
        painter->drawRoundedRect(p.rect.adjusted(-3, 0, 2, 0), 3, 3);
        painter->drawText(
            p.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            boldMetrics.elidedText(t.text(t.events[current].title), Qt::ElideRight, p.rect.width()));
    }
    painter->restore();
}

int EventLayer::eventAt(QPointF pos) const
{
    const auto &timeline = m_chart->events()->timeline();
    if (!timeline || !m_chart->eventArea().contains(pos))
        return -1;
    const int row = m_chart->rowAt(pos.y());
    if (row < 0)
        return -1;
    const Timeline &t = *timeline;
    const Mapping map = mapping();
    const MarkStyle style = markStyle();
    const LaneIndex::Lane &lane = m_chart->laneIndex().lanes()[m_chart->shownLanes()[row]];
    const qreal cy = m_chart->laneRect(row).center().y();
    const int current = m_chart->currentEvent();
    // What the frame draws one by one: an aggregated lane shows only the current event so.
    const int columns = std::max(1, int(m_chart->eventArea().width()));
    LaneDetail detail;
    planRow(row, m_chart->zoom()->span() / columns, columns, &detail);

    // The nearest marker wins; a bar counts when the cursor is on it, after any marker there.
    int best = -1;
    qreal bestDistance = std::numeric_limits<qreal>::max();
    for (const std::uint32_t i : detail.marks) {
        const std::int32_t e = lane.events[i];
        const QRectF mark =
            markRect(map, style, t.events[e], style.compact ? 0 : lane.subRows[i], cy, e == current);
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
    const MarkStyle style = markStyle();
    const QRectF plot = m_chart->eventArea();
    // Spots on the event's mark in a lane: a dot's centre; along a bar's visible part.
    const auto spotsIn = [&](int laneNumber) {
        const LaneIndex::Lane &lane = index.lanes()[laneNumber];
        const auto it = std::find(lane.events.begin(), lane.events.end(), event);
        const int subRow = it == lane.events.end() ? 0 : lane.subRows[std::size_t(it - lane.events.begin())];
        const QRectF mark = markRect(map, style, e, style.compact ? 0 : subRow,
                                     m_chart->laneRect(m_chart->rowOfLane(laneNumber)).center().y(),
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
