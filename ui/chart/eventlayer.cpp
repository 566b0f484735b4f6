#include "eventlayer.h"

#include "actormodel.h"
#include "emphasis.h"
#include "eventmodel.h"
#include "markgeometry.h"
#include "markpainter.h"
#include "rowplanner.h"
#include "timelinechart.h"
#include "zoomstate.h"

#include <QFontMetricsF>
#include <QKeySequence>
#include <QPaintEngine>
#include <QPainter>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr int s_labelBudget = 300; // labels placed in one frame, over all lanes
constexpr qsizetype s_maxLaneNames = 4096; // kept layouts of lane names

} // namespace

EventLayer::EventLayer(TimelineChart *chart)
    : QGraphicsObject(chart)
    , m_chart(chart)
    , m_hits(*chart)
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
    // Only the rows in view; when they scroll, their names stay beside them, within the lanes'
    // area.
    const auto [firstRow, endRow] = m_chart->visibleRows();
    if (firstRow == endRow)
        return;
    const qreal laneHeight = m_chart->laneHeight();
    const int every = std::max(1, int(std::ceil(metrics.height() / laneHeight)));
    const qreal nameWidth = area.left() - m_chart->plotArea().left() - 10;
    // The actor's colour marks its lane, beside the name: the file's `color`, or the one the
    // actor list shows for it.
    const QRectF lanesArea = m_chart->lanesArea();
    const qreal nameLeft = m_chart->plotArea().left();
    painter->save();
    if (m_chart->laneLayout().scrolls())
        painter->setClipRect(QRectF(nameLeft, lanesArea.top(), area.left() - nameLeft, lanesArea.height()));
    // Lanes lower than a device pixel share its row: one swatch a row, the lowest lane's (as
    // the density raster shows), not thousands drawn over each other.
    const qreal pixelRatio = painter->device()->devicePixelRatioF() * painter->worldTransform().m11();
    const LaneLayout &layout = m_chart->laneLayout();
    const auto pixelRowOf = [&](int row) {
        return qint64(std::floor((layout.y(row) + layout.laneHeight / 2) * pixelRatio)); // its centre's
    };
    for (int row = endRow - 1; row >= firstRow;) {
        const int actor = m_chart->laneIndex().actorOf(std::size_t(m_chart->shownLanes()[row]));
        if (actor < 0) {
            --row;
            continue;
        }
        const QRectF lane = m_chart->laneRect(row);
        const qreal inset = std::min(2.0, lane.height() / 4);
        painter->fillRect(QRectF(area.left() - 7, lane.top() + inset, 3, lane.height() - 2 * inset),
                          m_chart->actors()->color(actor));
        if (laneHeight * pixelRatio >= 1) {
            --row;
            continue;
        }
        // On to the lanes below the swatch's row of pixels, passing over those above it in it.
        const qint64 pixelRow = pixelRowOf(row);
        int low = firstRow, high = row;
        while (low < high) {
            const int middle = low + (high - low) / 2;
            if (pixelRowOf(middle) < pixelRow)
                low = middle + 1;
            else
                high = middle;
        }
        row = low - 1;
    }
    painter->setPen(text);
    // On a raster device the names are drawn from kept layouts: the overview names dozens of
    // lanes in every frame, and shortening and shaping them anew is most of the axes' cost.
    const bool raster = painter->paintEngine()->type() == QPaintEngine::Raster;
    if (m_laneNamesFont != font) {
        m_laneNames.clear();
        m_laneNamesFont = font;
    }
    for (int row = firstRow - firstRow % every; row < endRow; row += every) {
        const QRectF lane = m_chart->laneRect(row);
        const QRectF name(nameLeft, lane.center().y() - metrics.height() / 2, nameWidth, metrics.height());
        if (!raster) {
            painter->drawText(name, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                              metrics.elidedText(m_chart->laneName(row), Qt::ElideRight, nameWidth));
            continue;
        }
        const QString full = m_chart->laneName(row);
        const int quarters = int(std::ceil(nameWidth * 4)); // up: a name as wide as the room fits
        auto it = m_laneNames.find(std::pair(full, quarters));
        if (it == m_laneNames.end()) {
            if (m_laneNames.size() >= s_maxLaneNames)
                m_laneNames.clear();
            QStaticText shown(metrics.elidedText(full, Qt::ElideRight, quarters / 4.0));
            shown.setTextFormat(Qt::PlainText);
            shown.prepare(QTransform(), font);
            it = m_laneNames.insert(std::pair(full, quarters), shown);
        }
        // Where drawText() puts a line aligned right and centred in `name`.
        painter->drawStaticText(QPointF(name.right() - it->size().width(), name.top()), *it);
    }
    painter->restore();
}

void EventLayer::paintFirstSteps(QPainter *painter, const QRectF &area, QColor text)
{
    const QString steps =
        tr("No events yet.\n"
           "Add an article with Timeline \u25B8 Add Source\u2026, select a passage of it "
           "on the right and choose Edit \u25B8 New Event from Selection (%1).")
            .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText));
    QFont font = m_chart->labelFont();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter->setFont(font);
    text.setAlphaF(0.7f);
    painter->setPen(text);
    const qreal width = std::min(area.width() - 24, QFontMetricsF(font).averageCharWidth() * 60);
    const QRectF box(area.center().x() - width / 2, area.top(), width, area.height());
    painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap, steps);
}

void EventLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const auto &timeline = m_chart->events()->timeline();
    const QRectF area = m_chart->eventArea();
    if (!timeline || area.width() < 2 || area.height() < 2)
        return;
    const Timeline &t = *timeline;
    const MarkGeometry geometry = MarkGeometry::of(*m_chart);
    const int current = m_chart->currentEvent();
    const Emphasis emphasis { &t, current, m_chart->highlightedActor() };
    const bool dimOthers = emphasis.dimOthers();
    const QColor text = m_chart->titleBrush().color();
    const bool dark = m_chart->isDark();
    const QColor background = dark ? QColor(0x2e, 0x2e, 0x2e) : QColor(Qt::white);

    painter->save();
    paintAxes(painter, area);
    painter->setClipRect(area);
    painter->setRenderHint(QPainter::Antialiasing);

    // Only the rows in view are planned and drawn: when lanes scroll, a frame costs what the
    // lanes on screen cost, not all of them.
    const QList<int> &lanes = m_chart->shownLanes();
    const auto [firstRow, endRow] = m_chart->visibleRows();
    const bool scrolls = m_chart->laneLayout().scrolls();
    const QRectF lanesArea = m_chart->lanesArea();

    // Lanes: alternate rows faintly, so a marker is easy to follow to its actor. Rows lower than
    // two device pixels cannot be told apart: half their shade over them all, in one fill.
    const qreal devicePixels = painter->device()->devicePixelRatioF() * painter->worldTransform().m11();
    if (m_chart->laneHeight() * devicePixels < 2 && endRow - firstRow > 1) {
        painter->fillRect(
            QRectF(m_chart->laneRect(firstRow).topLeft(), m_chart->laneRect(endRow - 1).bottomRight())
                .intersected(lanesArea),
            dark ? QColor(255, 255, 255, 5) : QColor(0, 0, 0, 5));
    } else {
        for (int row = firstRow + (firstRow + 1) % 2; row < endRow; row += 2)
            painter->fillRect(m_chart->laneRect(row).intersected(lanesArea),
                              dark ? QColor(255, 255, 255, 10) : QColor(0, 0, 0, 9));
    }

    // Eras: shaded bands behind everything, named in their own band at the top, each title
    // within its era and clear of the next era's.
    const QFont eraFont = m_chart->eraFont();
    const QFontMetricsF eraMetrics(eraFont);
    std::vector<std::pair<QRectF, QString>> eraTitles;
    for (qsizetype k = 0; k < t.eras.size(); ++k) {
        const Era &era = t.eras[k];
        const QRectF band(QPointF(geometry.x(era.range.first), area.top()),
                          QPointF(geometry.x(era.range.last + 1), area.bottom()));
        if (!band.intersects(area))
            continue;
        painter->fillRect(band, dark ? QColor(120, 160, 255, 26) : QColor(40, 90, 200, 16));
        painter->setPen(QPen(dark ? QColor(140, 170, 255, 110) : QColor(40, 90, 200, 90), 1, Qt::DashLine));
        painter->drawLine(band.topLeft(), band.bottomLeft());
        painter->drawLine(band.topRight(), band.bottomRight());
        QRectF title = band.intersected(area).adjusted(6, 2, -6, 0);
        title.setHeight(eraMetrics.height());
        for (qsizetype next = k + 1; next < t.eras.size(); ++next) {
            const qreal start = geometry.x(t.eras[next].range.first);
            if (start > title.left())
                title.setRight(std::min(title.right(), start - 6));
        }
        const QString text = eraMetrics.elidedText(era.title, Qt::ElideRight, title.width());
        if (!text.isEmpty())
            eraTitles.emplace_back(
                QRectF(title.topLeft(), QSizeF(eraMetrics.horizontalAdvance(text), title.height())), text);
    }

    m_palette.follow(timeline);
    const QRectF labelBounds = lanesArea.adjusted(2, 1, -2, -1);
    m_labels.begin(timeline, m_chart->labelFont(), current, labelBounds);

    // Plan every lane first: the density strips share one scale, the busiest column's.
    // Columns are device pixels, so that an export at 2x has twice the detail.
    const qreal pixelRatio = painter->device()->devicePixelRatioF() * painter->worldTransform().m11();
    const int columns = std::max(1, int(std::lround(area.width() * pixelRatio)));
    const double daysPerColumn = m_chart->zoom()->span() / columns;
    // Lanes lower than a device pixel share rows of pixels, and each lane's strip is copied over
    // the rows it takes: only the last lane to take a row shows there. Planned from the bottom
    // up, the lanes of plain marks whose rows the lanes below them have all written are passed
    // over, all at once (nor counted in the strips' scale): the overview's cost follows its rows
    // of pixels, not its lanes. The current event's lanes are always planned, to draw it on top.
    std::uint32_t peak = 1;
    bool anyPixels = false;
    const int pixelHeight = std::max(1, int(std::lround(area.height() * pixelRatio)));
    const DensityRaster::Rows pixelRows(*m_chart, area, pixelRatio, geometry, pixelHeight);
    int writtenFrom = std::numeric_limits<int>::max(); // the first row of pixels written below
    m_plans.beginFrame(*m_chart, daysPerColumn, columns);
    m_planned.clear();
    const auto plan = [&](int row) {
        const LanePlans::Plan &planned = m_plans.of(*m_chart, row);
        m_planned.push_back({ row, lanes[row], &planned.detail, planned.revision });
        const LaneDetail &detail = planned.detail;
        peak = std::max(peak, detail.peakCoverage);
        const bool pixels = detail.aggregated || (geometry.compact && !detail.marks.empty());
        anyPixels |= pixels;
        return pixels;
    };
    for (int row = endRow - 1; row >= firstRow;) {
        const auto [top, bottom] = pixelRows.of(row);
        if (geometry.compact && top >= writtenFrom) {
            row = pixelRows.lastStartingAbove(writtenFrom, firstRow, row);
            continue;
        }
        if (plan(row) && bottom >= top)
            writtenFrom = std::min(writtenFrom, top);
        --row;
    }
    if (geometry.compact && current >= 0) {
        for (const int row : m_chart->rowsOfEvent(current)) {
            if (row >= firstRow && row < endRow
                && std::ranges::none_of(m_planned, [row](const auto &p) { return p.row == row; }))
                plan(row);
        }
    }
    std::ranges::sort(m_planned, {}, &DensityRaster::Lane::row);
    m_plannedLanes = int(m_plans.takePlannedCount());
    // Lanes scrolled part-way out of view stop at the lanes' area, short of the eras' titles.
    if (scrolls)
        painter->setClipRect(lanesArea);
    if (anyPixels)
        m_raster.paint(painter, *m_chart, area, pixelRows, m_planned, peak, geometry, m_palette, emphasis);

    // A strip or a row of plain marks: no label stands on it. Those of neighbouring lanes that
    // meet are one obstacle: in the overview, one for all the lanes rather than thousands.
    {
        const LaneLayout &layout = m_chart->laneLayout();
        const qreal half = std::max(0.5, geometry.barHeight / 2);
        const auto centre = [&](int row) {
            return layout.y(row) + layout.laneHeight / 2;
        };
        std::optional<std::pair<qreal, qreal>> run; // the top and bottom of the obstacle being gathered
        const auto add = [&](int row) {
            const qreal top = centre(row) - half, bottom = centre(row) + half;
            if (run && top <= run->second) {
                run->second = bottom;
                return;
            }
            if (run)
                m_labels.addObstacle(QRectF(area.left(), run->first, area.width(), run->second - run->first));
            run = std::pair(top, bottom);
        };
        if (geometry.compact && layout.laneHeight <= 2 * half && firstRow < endRow) {
            run = std::pair(centre(firstRow) - half, centre(endRow - 1) + half); // they all meet
        } else if (geometry.compact) {
            for (int row = firstRow; row < endRow; ++row)
                add(row);
        } else {
            for (const DensityRaster::Lane &planned : m_planned) {
                if (planned.detail->aggregated)
                    add(planned.row);
            }
        }
        if (run)
            m_labels.addObstacle(QRectF(area.left(), run->first, area.width(), run->second - run->first));
    }

    // Outlined marks: every mark of tall lanes, and the current event wherever it is, drawn
    // last so that no neighbour covers it. Each mark is an obstacle to the labels but its
    // own event's; an event is labelled once, in its top lane.
    MarkPainter marks(painter, *m_chart, geometry, m_palette, emphasis, m_sprites);
    std::optional<std::pair<int, std::int32_t>> currentMark; // row and slot of the current's top mark
    std::vector<std::pair<int, int>> currentOthers; // its marks in other lanes
    for (const DensityRaster::Lane &planned : m_planned) {
        const int row = planned.row;
        const LaneIndex::Lane &laneData = m_chart->laneIndex().lanes()[planned.lane];
        const std::span<const std::int32_t> laneEvents = laneData.events();
        const std::span<const std::uint8_t> laneSubRows = laneData.subRows();
        const LaneDetail &detail = *planned.detail;
        for (const std::uint32_t i : detail.marks) {
            const std::int32_t e = laneEvents[i];
            if ((geometry.compact || detail.aggregated) && e != current)
                continue;
            const int slot = geometry.compact ? 0 : laneSubRows[i];
            if (e == current) {
                if (!currentMark)
                    currentMark = std::pair(row, slot);
                else
                    currentOthers.emplace_back(row, slot);
                continue;
            }
            const QRectF mark = marks.draw(row, e, slot);
            if (const QLineF connector = marks.lastConnector(); !connector.isNull())
                m_labels.addConnector(connector);
            // Its marks in other lanes are its label's too: the label may stand by any of them,
            // where that lane has room.
            if (!m_labels.isRequested(e) && row == marks.rowsOf(t.events[e], row).first
                && m_labels.requestedCount() < s_labelBudget)
                m_labels.request(e, mark);
            else
                m_labels.addOtherMark(e, mark);
        }
    }
    if (currentMark) {
        for (const auto &[row, slot] : currentOthers)
            marks.draw(row, current, slot);
        m_labels.request(current, marks.draw(currentMark->first, current, currentMark->second));
        if (const QLineF connector = marks.lastConnector(); !connector.isNull())
            m_labels.addConnector(connector);
        for (const auto &[row, slot] : currentOthers)
            m_labels.addOtherMark(
                current,
                geometry.markRect(t.events[current], slot, m_chart->laneRect(row).center().y(), true));
    }

    if (scrolls)
        painter->setClipRect(area);
    painter->setFont(eraFont);
    painter->setPen(dark ? QColor(170, 190, 255) : QColor(40, 80, 170));
    for (const auto &[rect, title] : eraTitles)
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine, title);

    // Labels: placed all at once where they cover nothing, each joined to its mark by a leader
    // when it had to move away; last frame's places are kept where they still fit.
    m_labels.paint(painter, labelBounds, text, background, dimOthers);
    // A timeline without events yet, in the window: say how one is made. Exports stay bare.
    if (t.events.empty() && widget)
        paintFirstSteps(painter, lanesArea, text);
    painter->restore();
    // The placer stopped at the frame's budget: the next frame goes on from there.
    if (m_labels.wantsAnotherFrame())
        QMetaObject::invokeMethod(
            this, [this] { update(); }, Qt::QueuedConnection);
}
