#include "eventlabels.h"

#include "timeline.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

// The widest a label may be: a share of the chart's width, so that a wide picture names long
// titles whole, while a narrow one leaves room for their neighbours. A label too long for its
// room is shortened by the placer all the same; this bounds what one label may take first.
constexpr qreal s_maxLabelShare = 0.4;
constexpr qreal s_minLabelCap = 220;
// The label placer's work a window's frame may spend past its first greedy pass, in positions
// checked: a few milliseconds, so that a frame stays within 16 ms (`./dev bench`, edit_frame).
constexpr qint64 s_frameRefineBudget = 30000;
constexpr int s_maxDoublings = 3;
// A connector's width under a label: its pen's, and a pixel of the text's antialiasing.
constexpr qreal s_connectorWidth = 3;
// Laid-out titles kept between frames: more than a frame shows, fewer than a million.
constexpr qsizetype s_maxTitleTexts = 4096;

bool sameInput(const LabelPlacer::Label &a, const LabelPlacer::Label &b)
{
    // Not the hint: it is the last frame's answer, not the question.
    return a.mark == b.mark && a.size == b.size && a.minWidth == b.minWidth && a.date == b.date
        && a.required == b.required;
}

bool sameInput(const LabelPlacer::Obstacle &a, const LabelPlacer::Obstacle &b)
{
    return a.rect == b.rect && a.owner == b.owner;
}

template<typename T> bool sameInputs(const std::vector<T> &a, const std::vector<T> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const T &x, const T &y) { return sameInput(x, y); });
}

} // namespace

void EventLabels::begin(const std::shared_ptr<const Timeline> &timeline, const QFont &font, int current,
                        const QRectF &bounds)
{
    if (m_measuredOf.lock() != timeline || m_measuredFont != font) {
        m_titleWidths.clear();
        m_boldTitleWidths.clear();
        m_titleTexts.clear();
        m_measuredOf = timeline;
        m_measuredFont = font;
    }
    m_timeline = timeline.get();
    m_current = current;
    m_maxWidth = std::max(s_minLabelCap, s_maxLabelShare * bounds.width());
    m_font = font;
    m_bold = font;
    m_bold.setBold(true);
    m_metrics = QFontMetricsF(m_font);
    m_boldMetrics = QFontMetricsF(m_bold);
    m_labels.clear();
    m_labelEvent.clear();
    m_labelWidth.clear();
    m_obstacles.clear();
    m_otherMarks.clear();
    m_connectors.clear();
    m_labelOf.clear();
}

void EventLabels::request(std::int32_t e, const QRectF &mark)
{
    const Timeline &t = *m_timeline;
    const Event &event = t.events[e];
    const bool isCurrent = e == m_current;
    const QFontMetricsF &metrics = isCurrent ? m_boldMetrics : m_metrics;
    const qreal limit = isCurrent ? 2 * m_maxWidth : m_maxWidth;
    // Measuring text is most of a label's cost: a title is measured once while the
    // timeline and the font stay, not on every zoom and pan step.
    const QString title = t.text(event.title);
    QHash<QString, qreal> &widths = isCurrent ? m_boldTitleWidths : m_titleWidths;
    auto width = widths.constFind(title);
    if (width == widths.cend())
        width = widths.insert(title, std::ceil(metrics.horizontalAdvance(title)));
    LabelPlacer::Label label;
    label.mark = mark;
    label.size = QSizeF(std::min(limit, *width) + 1, std::ceil(m_metrics.height()));
    // Shortened, a label keeps a recognisable start: about a dozen characters.
    label.minWidth = std::min(label.size.width(), 12 * metrics.averageCharWidth());
    label.date = event.range.first;
    label.required = isCurrent;
    if (const auto kept = m_kept.constFind(t.text(event.id)); kept != m_kept.cend()) {
        // Moved as its mark moved since: with the mark's end that it stands right of, else
        // with its start (a bar grows as the view zooms in).
        const bool right = kept->rect.left() >= kept->mark.right();
        const QPointF moved((right ? mark.right() - kept->mark.right() : mark.left() - kept->mark.left()),
                            mark.center().y() - kept->mark.center().y());
        label.hint = kept->slot;
        label.kept = kept->rect.translated(moved);
        label.keptLeader = kept->leader.isNull() ? QLineF() : kept->leader.translated(moved);
    }
    m_labelOf.insert(e, int(m_labels.size()));
    m_labels.push_back(label);
    m_labelEvent.push_back(e);
    m_labelWidth.push_back(*width);
}

void EventLabels::addConnector(const QLineF &line)
{
    const qreal half = s_connectorWidth / 2;
    m_connectors.push_back(QRectF(line.p1(), line.p2()).normalized().adjusted(-half, 0, half, 0));
}

void EventLabels::paint(QPainter *painter, const QRectF &bounds, const QColor &text, const QColor &background,
                        bool dimOthers)
{
    const Timeline &t = *m_timeline;
    // An event's other marks are asked for in lanes drawn before or after its label's.
    for (const auto &[e, rect] : m_otherMarks)
        m_obstacles.push_back({ rect, m_labelOf.value(e, -1) });
    m_otherMarks.clear();
    const bool sameAsLast = bounds == m_placedBounds && sameInputs(m_labels, m_placedLabels)
        && sameInputs(m_obstacles, m_placedObstacles);
    m_wantsAnotherFrame = false;
    if (!sameAsLast || !m_placed.complete) {
        LabelPlacer::Options options;
        // A frame of a new view (a zoom or pan step, an edit) places the labels in one greedy
        // pass, each first where it stood in the last frame, and leaves the passes that improve
        // on it to the frames after: those come once the view stands still, where a longer frame
        // is not felt, and while the view moves no such pass moves labels about. Each of those
        // frames gets twice the budget of the last.
        if (!m_still)
            options.refineBudget = sameAsLast ? s_frameRefineBudget << std::min(m_goneOn, s_maxDoublings) : 0;
        // A frame that was cut short is gone on with in the next, where it stopped: a few frames
        // later the window shows what an export of the same view does.
        LabelPlacer::Result result = sameAsLast
            ? LabelPlacer::placeWithin(bounds, m_labels, m_obstacles, options, m_placed)
            : LabelPlacer::placeWithin(bounds, m_labels, m_obstacles, options);
        m_wantsAnotherFrame = !result.complete;
        m_goneOn = sameAsLast ? m_goneOn + 1 : 0;
        m_placed = std::move(result);
        m_placedBounds = bounds;
        m_placedLabels = m_labels;
        m_placedObstacles = m_obstacles;
    }
    const std::vector<LabelPlacer::Placement> &placed = m_placed.placements;
    m_kept.clear();
    m_labelRects.clear();
    m_wholeLabels.clear();
    QColor leaderColor = text;
    leaderColor.setAlphaF(dimOthers ? 0.3f : 0.5f);
    QColor labelColor = text;
    if (dimOthers)
        labelColor.setAlphaF(0.45f);
    // A connector runs down through lanes where labels stand: a label it would strike through
    // stands on the chart's background, and the line passes under it.
    QColor halo = background;
    halo.setAlphaF(0.85f);
    const auto crossesConnector = [&](const QRectF &rect) {
        return std::any_of(m_connectors.begin(), m_connectors.end(),
                           [&](const QRectF &connector) { return connector.intersects(rect); });
    };
    m_labelled = 0;
    for (std::size_t k = 0; k < placed.size(); ++k) {
        const LabelPlacer::Placement &p = placed[k];
        if (!p.isPlaced())
            continue;
        const std::int32_t e = m_labelEvent[k];
        m_kept.insert(t.text(t.events[e].id), { p.slot, p.rect, p.leader, m_labels[k].mark });
        m_labelRects.insert(e, p.rect);
        const bool whole = p.rect.width() >= m_labelWidth[k] + 1;
        if (whole)
            m_wholeLabels.insert(e);
        ++m_labelled;
        if (e == m_current)
            continue; // drawn last, on top
        if (!p.leader.isNull()) {
            painter->setPen(QPen(leaderColor, 0.8));
            painter->drawLine(p.leader);
        }
        if (crossesConnector(p.rect))
            painter->fillRect(p.rect, halo);
        painter->setFont(m_font);
        painter->setPen(labelColor);
        drawTitle(painter, p.rect, t.text(t.events[e].title), whole);
    }
    if (const auto it = m_labelOf.constFind(m_current);
        it != m_labelOf.cend() && placed[std::size_t(*it)].isPlaced()) {
        const LabelPlacer::Placement &p = placed[std::size_t(*it)];
        if (!p.leader.isNull()) {
            painter->setPen(QPen(text, 1));
            painter->drawLine(p.leader);
        }
        painter->setFont(m_bold);
        painter->setPen(QPen(text, 1));
        painter->setBrush(background);
        painter->drawRoundedRect(p.rect.adjusted(-3, 0, 2, 0), 3, 3);
        painter->drawText(
            p.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            m_boldMetrics.elidedText(t.text(t.events[m_current].title), Qt::ElideRight, p.rect.width()));
    }
}

void EventLabels::drawTitle(QPainter *painter, const QRectF &rect, const QString &title, bool whole)
{
    // SVG and PDF keep the text as it is drawn; only a raster frame gains by a kept layout.
    if (painter->paintEngine()->type() != QPaintEngine::Raster) {
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          whole ? title : m_metrics.elidedText(title, Qt::ElideRight, rect.width()));
        return;
    }
    // Shortened to a whole number of quarter pixels no wider than the rectangle, so that the
    // same key always holds the same text.
    const int quarters = whole ? -1 : int(std::floor(rect.width() * 4));
    auto it = m_titleTexts.find(std::pair(title, quarters));
    if (it == m_titleTexts.end()) {
        if (m_titleTexts.size() >= s_maxTitleTexts)
            m_titleTexts.clear();
        QStaticText text(whole ? title : m_metrics.elidedText(title, Qt::ElideRight, quarters / 4.0));
        text.setTextFormat(Qt::PlainText);
        text.setPerformanceHint(QStaticText::AggressiveCaching);
        it = m_titleTexts.insert(std::pair(title, quarters), text);
    }
    // Where drawText() puts a line centred in `rect`: pixel for pixel the same.
    painter->drawStaticText(QPointF(rect.left(), rect.top() + (rect.height() - m_metrics.height()) / 2), *it);
}
