#include "labelplacer.h"

#include "labeloccupancy.h"

#include <QList>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>

namespace {

using LabelGeometry::crosses;
using LabelGeometry::leadersCross;
using LabelGeometry::Occupancy;

using Label = LabelPlacer::Label;
using Placement = LabelPlacer::Placement;

struct Candidate
{
    QRectF rect;
    QLineF leader;
};

constexpr int s_adjacentSlots = 4; // right, above, below, left
constexpr int s_rings = 12; // displaced positions: rows of labels away from the mark
constexpr int s_perRing = 6;
// The slots of a label of its own, by mark: an event drawn in several lanes has a mark in each,
// and its label may stand by any of them.
constexpr int s_slotsPerMark = s_adjacentSlots + s_rings * s_perRing;
constexpr int s_maxMarks = 16;
// The search over the whole picture: positions in steps of this many pixels across, and of half
// a line down.
constexpr qreal s_anywhereStep = 6;
constexpr int s_anywhereSlot = LabelPlacer::s_farSlot + (1 << 23);
// A cluster's column stands beside it, or further out by steps of this many pixels.
constexpr int s_stackShifts = 12;
constexpr qreal s_stackShift = 30;
constexpr int s_farBudget = 300; // positions the far search tries for one label
// Positions the near search tries for one label and width: out to about seven rows or steps.
constexpr int s_nearBudget = 100;
constexpr std::size_t s_maxBlockers = 4; // labels moved to make room for one left out
// Places tried for a label by moving the labels in the way, each set of those once, among the
// nearest places only marks are in the way of.
constexpr std::size_t s_maxTrials = 40;
constexpr std::size_t s_maxCandidates = 2000;
constexpr qreal s_leaderSlack = 8;
// Leaders longer than this many pixels (a few rows) are worth moving other labels for.
constexpr qreal s_longLeader = 60;
constexpr std::size_t s_maxLeaderBlockers = 2; // a leader this much shorter is worth moving a label for
constexpr int s_maxGathered = 2; // labels left out that gatherColumns() tries to place, a frame

// The work that the passes after the first greedy one may do, shared by all of them: a position
// checked costs one, a placer made costs what adding its marks and obstacles to a grid does.
// Counting work rather than time keeps the placement pure.
struct Work
{
    qint64 left;
    bool isSpent() const { return left <= 0; }
};

class Placer
{
public:
    Placer(const QRectF &bounds, std::span<const Label> labels,
           std::span<const LabelPlacer::Obstacle> obstacles, const LabelPlacer::Options &options,
           std::vector<Placement> &out, Work *work = nullptr)
        : m_bounds(bounds)
        , m_labels(labels)
        , m_options(options)
        , m_out(out)
        , m_grid(bounds, 4 * lineHeight(labels), lineHeight(labels))
        , m_budget(options.searchBudget)
        , m_work(work)
    {
        if (m_work)
            m_work->left -= s_placerCost + qint64(labels.size() + obstacles.size());
        for (const auto &obstacle : obstacles)
            m_grid.add(obstacle.rect, -1, Occupancy::Kind::Mark);
        // A label stands beside its marks, never over one (standing by another of its event's
        // marks, it could): that would hide where its event is drawn.
        for (std::size_t i = 0; i < labels.size(); ++i)
            m_grid.add(labels[i].mark, -1, Occupancy::Kind::Mark);
        // A label's other marks, in its event's other lanes, in the obstacles' order.
        m_otherStart.assign(labels.size() + 1, 0);
        for (const auto &obstacle : obstacles) {
            if (obstacle.owner >= 0 && std::size_t(obstacle.owner) < labels.size())
                ++m_otherStart[std::size_t(obstacle.owner) + 1];
        }
        if (std::all_of(m_otherStart.begin(), m_otherStart.end(), [](std::uint32_t n) { return n == 0; }))
            return;
        std::partial_sum(m_otherStart.begin(), m_otherStart.end(), m_otherStart.begin());
        m_otherMarks.resize(m_otherStart.back());
        std::vector<std::uint32_t> next(m_otherStart.begin(), m_otherStart.end() - 1);
        for (const auto &obstacle : obstacles) {
            if (obstacle.owner >= 0 && std::size_t(obstacle.owner) < labels.size())
                m_otherMarks[next[std::size_t(obstacle.owner)]++] = obstacle.rect;
        }
    }

    // Greedy orders, each good where the others wall marks in with their labels: 0 clusters
    // first, the largest first; 1 every label beside its mark where it can be, then the rest
    // as in 0; 2 left to right; 3 as 1, right to left.
    static constexpr int s_strategies = LabelPlacer::s_strategies;
    // What making a placer costs, in positions checked: mostly the grid's allocation.
    static constexpr qint64 s_placerCost = 200;

    void run(int strategy)
    {
        // Last frame's places first, the required label's before the others', in the first
        // order; the other orders look for better places, which the score weighs against them.
        for (const bool required : { true, false }) {
            if (strategy != 0)
                break;
            for (std::size_t i = 0; i < m_labels.size(); ++i) {
                if (m_labels[i].required == required)
                    placeKept(int(i));
            }
        }
        for (std::size_t i = 0; i < m_labels.size(); ++i) {
            if (m_labels[i].required && !m_out[i].isPlaced())
                placeSingle(int(i));
        }
        std::vector<std::vector<int>> clusters = findClusters();
        if (strategy == 3)
            std::reverse(clusters.begin(), clusters.end());
        if (strategy == 1 || strategy == 3) {
            for (std::vector<int> &cluster : clusters) {
                std::erase_if(cluster, [&](int i) { return m_out[std::size_t(i)].isPlaced(); });
                if (cluster.size() > 1)
                    placeAdjacent(cluster);
                else if (cluster.size() == 1)
                    placeBeside(cluster.front());
            }
        }
        // Clusters' columns need the most room.
        if (strategy != 2 && strategy != 3)
            std::stable_sort(clusters.begin(), clusters.end(),
                             [](const auto &a, const auto &b) { return a.size() > b.size(); });
        for (std::vector<int> &cluster : clusters) {
            std::erase_if(cluster, [&](int i) { return m_out[std::size_t(i)].isPlaced(); });
            if (cluster.size() > 1)
                placeCluster(cluster);
            else if (cluster.size() == 1)
                placeSingle(cluster.front());
        }
    }

    // Takes placements made elsewhere as they are.
    void adopt(const std::vector<Placement> &placed)
    {
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (placed[i].isPlaced())
                commit(int(i), { placed[i].rect, placed[i].leader }, placed[i].slot);
        }
    }

    // Positions near a label's marks, whole width, in the order they are preferred.
    std::vector<std::pair<Candidate, int>> nearCandidates(int i) const
    {
        std::vector<std::pair<Candidate, int>> result;
        const qreal width = std::min(label(i).size.width(), m_bounds.width());
        for (int m = 0; m < markCount(i); ++m) {
            for (int k = 0; k < s_adjacentSlots; ++k) {
                const int slot = m * s_slotsPerMark + adjacentOrder(markOf(i, m))[k];
                result.emplace_back(*single(i, slot, width), slot);
            }
        }
        for (int m = 0; m < markCount(i); ++m) {
            for (int slot = s_adjacentSlots; slot < s_slotsPerMark; ++slot) {
                if (const auto c = single(i, m * s_slotsPerMark + slot, width))
                    result.emplace_back(*c, m * s_slotsPerMark + slot);
            }
        }
        return result;
    }

    // The position `code` of placeAnywhere(): a column and row of the picture, and a mark.
    std::optional<Candidate> anywhere(int i, std::uint32_t code, qreal width) const
    {
        const qreal h = label(i).size.height();
        const qreal g = m_options.gap;
        const qreal stepY = (h + g) / 2;
        const int columns = int((m_bounds.width() - width) / s_anywhereStep) + 1;
        if (columns <= 0)
            return std::nullopt;
        const int m = int(code % std::uint32_t(markCount(i)));
        const int cell = int(code / std::uint32_t(markCount(i)));
        const QRectF mark = markOf(i, m);
        const QRectF rect(m_bounds.left() + (cell % columns) * s_anywhereStep,
                          m_bounds.top() + (cell / columns) * stepY, width, h);
        const qreal cy = mark.center().y();
        if (rect.left() >= mark.right() + g)
            return Candidate { rect,
                               QLineF(QPointF(mark.right(), cy), QPointF(rect.left(), rect.center().y())) };
        if (rect.right() <= mark.left() - g)
            return Candidate { rect,
                               QLineF(QPointF(mark.left(), cy), QPointF(rect.right(), rect.center().y())) };
        const qreal x = std::clamp(mark.center().x(), rect.left(), rect.right());
        if (rect.bottom() <= mark.top() - g)
            return Candidate { rect,
                               QLineF(QPointF(mark.center().x(), mark.top()), QPointF(x, rect.bottom())) };
        if (rect.top() >= mark.bottom() + g)
            return Candidate { rect,
                               QLineF(QPointF(mark.center().x(), mark.bottom()), QPointF(x, rect.top())) };
        return std::nullopt; // over its own mark
    }

    // The first `count` places of placeAnywhere(), in its order, that only marks are in the way of.
    std::vector<std::pair<Candidate, int>>
    anywhereCandidates(int i, qreal width, std::size_t count,
                       qreal maxLeader = std::numeric_limits<qreal>::infinity())
    {
        std::vector<std::pair<Candidate, int>> result;
        const qreal h = label(i).size.height();
        const qreal stepY = (h + m_options.gap) / 2;
        const int columns = int((m_bounds.width() - width) / s_anywhereStep) + 1;
        const int rows = int((m_bounds.height() - h) / stepY) + 1;
        if (columns <= 0 || rows <= 0)
            return result;
        std::vector<std::pair<qreal, std::uint32_t>> order;
        for (std::uint32_t code = 0; code < std::uint32_t(columns * rows * markCount(i)); ++code) {
            if (const auto c = anywhere(i, code, width))
                order.emplace_back(c->leader.length(), code);
        }
        charge(qint64(order.size() / 8));
        std::sort(order.begin(), order.end());
        for (const auto &[cost, code] : order) {
            if (result.size() >= count || cost >= maxLeader || isExhausted())
                break;
            const Candidate c = *anywhere(i, code, width);
            if (fits(c, i))
                result.emplace_back(c, s_anywhereSlot + int(code));
        }
        return result;
    }

    // The label whole, or else `width` wide, wherever on the picture it fits with the shortest
    // leader from any of its marks: the free space of lanes further away, which the searches
    // near the mark do not reach.
    bool placeAnywhere(int i, qreal width, qreal maxLeader = std::numeric_limits<qreal>::infinity())
    {
        const Label &l = label(i);
        const qreal h = l.size.height();
        const qreal g = m_options.gap;
        const qreal stepY = (h + g) / 2;
        const int columns = int((m_bounds.width() - width) / s_anywhereStep) + 1;
        const int rows = int((m_bounds.height() - h) / stepY) + 1;
        if (columns <= 0 || rows <= 0)
            return false;
        // Only the positions a leader no longer than maxLeader reaches from some mark.
        int c0 = 0, c1 = columns - 1, r0 = 0, r1 = rows - 1;
        if (std::isfinite(maxLeader)) {
            QRectF reach;
            for (int m = 0; m < markCount(i); ++m)
                reach = reach.united(markOf(i, m));
            reach.adjust(-maxLeader - width, -maxLeader - h, maxLeader, maxLeader);
            c0 = std::max(c0, int(std::floor((reach.left() - m_bounds.left()) / s_anywhereStep)));
            c1 = std::min(c1, int(std::ceil((reach.right() - m_bounds.left()) / s_anywhereStep)));
            r0 = std::max(r0, int(std::floor((reach.top() - m_bounds.top()) / stepY)));
            r1 = std::min(r1, int(std::ceil((reach.bottom() - m_bounds.top()) / stepY)));
        }
        std::vector<std::pair<qreal, std::uint32_t>> order; // cost, and which position
        const auto candidate = [&](std::uint32_t code) {
            return anywhere(i, code, width);
        };
        for (int r = r0; r <= r1; ++r) {
            for (int col = c0; col <= c1; ++col) {
                const int cell = r * columns + col;
                for (int m = 0; m < markCount(i); ++m) {
                    const auto code = std::uint32_t(cell * markCount(i) + m);
                    if (const auto c = candidate(code); c && c->leader.length() < maxLeader)
                        order.emplace_back(c->leader.length(), code);
                }
            }
        }
        // Making the positions is work too, if less than checking them.
        charge(qint64(order.size() / 8));
        std::sort(order.begin(), order.end());
        for (const auto &[cost, code] : order) {
            if (isExhausted())
                return false;
            const Candidate c = *candidate(code);
            if (fits(c, i)) {
                commit(i, c, s_anywhereSlot + int(code));
                return true;
            }
        }
        return false;
    }

    bool placeBesideAnyMark(int i) { return placeBeside(i); }

    // The label's widths, widest first: whole, halved, its recognisable start.
    QVarLengthArray<qreal, 3> widthsOf(int i) const { return widths(i); }

    // Whether a label could stand at `c` were no other label placed.
    bool fitsAlone(const Candidate &c, int owner)
    {
        return within(c.rect) && m_grid.isFree(widened(c.rect), owner, c.leader);
    }

    bool place(int i)
    {
        placeSingle(i);
        return m_out[std::size_t(i)].isPlaced();
    }

    // Anywhere, but only whole.
    bool placeWhole(int i)
    {
        placeSingle(i, false);
        return m_out[std::size_t(i)].isPlaced();
    }

    // At `p`, when that is still free.
    bool placeAt(int i, const Placement &p)
    {
        if (!fits({ p.rect, p.leader }, i))
            return false;
        commit(i, { p.rect, p.leader }, p.slot);
        return true;
    }

    // The labels in one column beside their marks, in date order, whole or else shortened.
    bool placeColumn(std::vector<int> members)
    {
        sortByDate(members);
        return placeStackInOrder(members, false) || placeStackInOrder(members, true);
    }

    static qreal anchorX(const QRectF &mark)
    {
        return std::min(mark.center().x(), mark.left() + mark.height());
    }

private:
    static qreal lineHeight(std::span<const Label> labels)
    {
        return labels.empty() ? 16 : std::max<qreal>(4, labels.front().size.height());
    }

    const Label &label(int i) const { return m_labels[std::size_t(i)]; }
    // The label's own mark (0), then its event's marks in other lanes.
    int markCount(int i) const
    {
        if (m_otherMarks.empty())
            return 1;
        return 1
            + int(std::min<std::uint32_t>(m_otherStart[std::size_t(i) + 1] - m_otherStart[std::size_t(i)],
                                          s_maxMarks - 1));
    }
    QRectF markOf(int i, int m) const
    {
        return m == 0 ? label(i).mark : m_otherMarks[m_otherStart[std::size_t(i)] + std::uint32_t(m - 1)];
    }
    bool isExhausted() const { return m_budget < 0 || (m_work && m_work->isSpent()); }

    // As m_bounds.contains(rect), inlined: the search asks it for every position it tries.
    bool within(const QRectF &rect) const
    {
        return rect.width() > 0 && rect.height() > 0 && rect.left() >= m_bounds.left()
            && rect.right() <= m_bounds.right() && rect.top() >= m_bounds.top()
            && rect.bottom() <= m_bounds.bottom();
    }
    static bool isWide(const QRectF &mark) { return mark.width() > 2 * mark.height(); }

    std::vector<std::vector<int>> findClusters() const
    {
        std::vector<int> order(m_labels.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return anchorX(label(a).mark) < anchorX(label(b).mark); });
        std::vector<std::vector<int>> clusters;
        qreal last = 0;
        for (const int i : order) {
            const qreal x = anchorX(label(i).mark);
            if (clusters.empty() || x - last >= m_options.clusterDistance)
                clusters.emplace_back();
            clusters.back().push_back(i);
            last = x;
        }
        return clusters;
    }

    // The space a label at `rect` keeps to itself. Text has room above and below its glyphs:
    // half the gap is enough between lines.
    QRectF widened(const QRectF &rect) const
    {
        const qreal g = m_options.gap - 0.01;
        return rect.adjusted(-g, -g / 2, g, g / 2);
    }

    // Counts positions checked against both budgets.
    void charge(qint64 positions)
    {
        m_budget -= int(positions);
        if (m_work)
            m_work->left -= positions;
    }

    bool fits(const Candidate &c, int owner)
    {
        charge(1);
        return within(c.rect) && m_grid.isFree(widened(c.rect), owner, c.leader);
    }

    void commit(int i, const Candidate &c, int slot)
    {
        m_out[std::size_t(i)] = { c.rect, c.leader, slot };
        m_grid.add(c.rect, i, Occupancy::Kind::Label);
        if (!c.leader.isNull())
            m_grid.add(QRectF(c.leader.p1(), c.leader.p2()).normalized(), i, Occupancy::Kind::Leader,
                       c.leader);
    }

    // Moves a label sideways into the bounds, as far as it still stands over or under its mark.
    QRectF keepInside(QRectF rect) const
    {
        if (rect.right() > m_bounds.right())
            rect.moveRight(m_bounds.right());
        if (rect.left() < m_bounds.left())
            rect.moveLeft(m_bounds.left());
        return rect;
    }

    // The position `slot` of a label of its own: beside its mark, or displaced with a leader.
    std::optional<Candidate> single(int i, int slot, qreal width) const
    {
        if (slot < 0 || slot / s_slotsPerMark >= markCount(i))
            return std::nullopt;
        const QRectF m = markOf(i, slot / s_slotsPerMark);
        slot %= s_slotsPerMark;
        const qreal h = label(i).size.height();
        const qreal g = m_options.gap;
        const qreal cy = m.center().y();
        switch (slot) {
        case 0:
            return Candidate { QRectF(m.right() + g, cy - h / 2, width, h), {} };
        case 1:
            return Candidate { keepInside(QRectF(m.left(), m.top() - g - h, width, h)), {} };
        case 2:
            return Candidate { keepInside(QRectF(m.left(), m.bottom() + g, width, h)), {} };
        case 3:
            return Candidate { QRectF(m.left() - g - width, cy - h / 2, width, h), {} };
        default:
            break;
        }
        const int ring = (slot - s_adjacentSlots) / s_perRing;
        const int kind = (slot - s_adjacentSlots) % s_perRing;
        if (ring < 0 || ring >= s_rings)
            return std::nullopt;
        const qreal dy = ring * (h + g);
        const qreal run = m_options.leaderRun;
        const auto sideways = [&](bool right, qreal shift) {
            const QRectF rect(right ? m.right() + g + run : m.left() - g - run - width, cy - h / 2 + shift,
                              width, h);
            const QPointF from(right ? m.right() : m.left(), cy);
            return Candidate { rect,
                               QLineF(from, QPointF(right ? rect.left() : rect.right(), rect.center().y())) };
        };
        switch (kind) {
        case 0:
            return ring == 0 ? std::optional(sideways(true, 0)) : std::optional(sideways(true, -dy));
        case 1:
            return ring == 0 ? std::nullopt : std::optional(sideways(true, dy));
        case 2:
            return ring == 0 ? std::optional(sideways(false, 0)) : std::optional(sideways(false, -dy));
        case 3:
            return ring == 0 ? std::nullopt : std::optional(sideways(false, dy));
        default: {
            if (ring == 0)
                return std::nullopt;
            const bool up = kind == 4;
            const QRectF rect =
                keepInside(QRectF(m.left(), up ? m.top() - g - h - dy : m.bottom() + g + dy, width, h));
            const qreal x = std::clamp(m.center().x(), rect.left(), rect.right());
            const QPointF from(m.center().x(), up ? m.top() : m.bottom());
            return Candidate { rect, QLineF(from, QPointF(x, up ? rect.bottom() : rect.top())) };
        }
        }
    }

    // At the place the label had in the last frame, when it stood there whole and it is free.
    void placeKept(int i)
    {
        const Label &l = label(i);
        if (l.kept.isNull() || l.hint < 0
            || std::abs(l.kept.width() - std::min(l.size.width(), m_bounds.width())) > 0.5
            || std::abs(l.kept.height() - l.size.height()) > 0.5)
            return;
        const Candidate c { l.kept, l.keptLeader };
        if (fits(c, i))
            commit(i, c, l.hint);
    }

    bool trySingle(int i, int slot, qreal width)
    {
        const std::optional<Candidate> c = single(i, slot, width);
        if (!c || !fits(*c, i))
            return false;
        commit(i, *c, slot);
        return true;
    }

    // Searches outwards from the mark, row by row, for any free place, within the budget.
    // Near: sideways in steps about as long as a row is high, so that the search goes out as
    // far across as down, nearest first, and no further than a few rows; far: in steps of half
    // the label's width, which reach across the chart but jump over a gap between two
    // obstacles that the whole label fits in (it was shortened there instead).
    bool searchFar(int i, qreal width, bool near, int markIndex = 0)
    {
        const QRectF m = markOf(i, markIndex);
        const qreal h = label(i).size.height();
        const qreal g = m_options.gap;
        const qreal run = m_options.leaderRun;
        const qreal step = near ? std::max<qreal>(8, h + g) : std::max<qreal>(16, width / 2);
        int budget = near ? s_nearBudget : s_farBudget;
        const int rows = int(m_bounds.height() / (h + g)) + 1;
        const int columns = int(m_bounds.width() / step) + 1;
        int slot = LabelPlacer::s_farSlot + markIndex * (1 << 18);
        for (int distance = 0; distance <= rows + columns; ++distance) {
            bool inside = false;
            for (int k = 0; k <= std::min(distance, rows); ++k) {
                const int j = distance - k;
                for (const int sign : { -1, 1 }) {
                    if (k == 0 && sign > 0)
                        continue;
                    const qreal top = m.center().y() - h / 2 + sign * k * (h + g);
                    if (top < m_bounds.top() - h || top > m_bounds.bottom())
                        continue;
                    for (const bool right : { true, false }) {
                        const qreal left =
                            right ? m.right() + g + run + j * step : m.left() - g - run - width - j * step;
                        const QRectF rect(left, top, width, h);
                        ++slot;
                        if (rect.left() < m_bounds.left() - width || rect.right() > m_bounds.right() + width)
                            continue;
                        inside = true;
                        if (isExhausted() || --budget < 0)
                            return false;
                        const QPointF from(right ? m.right() : m.left(), m.center().y());
                        const Candidate c {
                            rect, QLineF(from, QPointF(right ? rect.left() : rect.right(), rect.center().y()))
                        };
                        if (fits(c, i)) {
                            commit(i, c, slot);
                            return true;
                        }
                    }
                }
            }
            if (!inside && distance > rows)
                return false;
        }
        return false;
    }

    // Whole, then halved, then shortened to a dozen characters; no allocation: asked per label.
    QVarLengthArray<qreal, 3> widths(int i) const
    {
        const Label &l = label(i);
        const qreal full = std::min(l.size.width(), m_bounds.width());
        QVarLengthArray<qreal, 3> result { full };
        if (l.minWidth > 0 && l.minWidth < full)
            result.append(std::max(l.minWidth, full * 0.5));
        // As a last resort, shortened to its recognisable start.
        if (l.minWidth > 0 && l.minWidth < result.back() - 1)
            result.append(l.minWidth);
        return result;
    }

    void placeSingle(int i, bool mayShorten = true)
    {
        const Label &l = label(i);
        auto widthsToTry = widths(i);
        if (!mayShorten)
            widthsToTry.resize(1);
        const int marks = markCount(i);
        const int slotCount = marks * s_slotsPerMark;
        for (const qreal width : widthsToTry) {
            if (l.hint >= 0 && l.hint < slotCount && trySingle(i, l.hint, width))
                return;
            if (l.hint >= s_anywhereSlot && width == widthsToTry.front()) {
                const auto c = anywhere(i, std::uint32_t(l.hint - s_anywhereSlot), width);
                if (c && fits(*c, i)) {
                    commit(i, *c, l.hint);
                    return;
                }
            }
            // Beside any of its marks before away from one.
            for (int m = 0; m < marks; ++m) {
                const int *adjacent = adjacentOrder(markOf(i, m));
                for (int k = 0; k < s_adjacentSlots; ++k) {
                    if (trySingle(i, m * s_slotsPerMark + adjacent[k], width))
                        return;
                }
            }
            for (int m = 0; m < marks; ++m) {
                for (int slot = s_adjacentSlots; slot < s_slotsPerMark && !isExhausted(); ++slot) {
                    if (trySingle(i, m * s_slotsPerMark + slot, width))
                        return;
                }
            }
            // Whole, in the free space nearby before any further away.
            for (int m = 0; m < marks; ++m) {
                if (width == widthsToTry.front() && searchFar(i, width, true, m))
                    return;
            }
            for (int m = 0; m < marks; ++m) {
                if (searchFar(i, width, false, m))
                    return;
            }
        }
        if (l.required && mayShorten) {
            // No room anywhere: it shows all the same, beside its mark.
            const auto c = single(i, 0, widthsToTry.back());
            QRectF rect = keepInside(c->rect);
            rect.moveTop(std::clamp(rect.top(), m_bounds.top(), m_bounds.bottom() - rect.height()));
            commit(i, { rect, {} }, 0);
        }
    }

    bool placeBeside(int i)
    {
        const Label &l = label(i);
        const qreal width = std::min(l.size.width(), m_bounds.width());
        if (l.hint >= 0 && l.hint % s_slotsPerMark < s_adjacentSlots && l.hint < markCount(i) * s_slotsPerMark
            && trySingle(i, l.hint, width))
            return true;
        for (int m = 0; m < markCount(i); ++m) {
            for (int k = 0; k < s_adjacentSlots; ++k) {
                if (trySingle(i, m * s_slotsPerMark + adjacentOrder(markOf(i, m))[k], width))
                    return true;
            }
        }
        return false;
    }

    // A bar's label reads best over or under its start; a dot's to its right.
    static const int *adjacentOrder(const QRectF &mark)
    {
        static constexpr int barOrder[] = { 1, 2, 0, 3 };
        static constexpr int dotOrder[] = { 0, 1, 2, 3 };
        return isWide(mark) ? barOrder : dotOrder;
    }

    // Every label of the cluster beside its own mark, or none.
    bool placeAdjacent(const std::vector<int> &members)
    {
        std::vector<std::pair<Candidate, int>> chosen;
        for (const int i : members) {
            const qreal width = std::min(label(i).size.width(), m_bounds.width());
            bool found = false;
            for (int k = 0; k < s_adjacentSlots * markCount(i) && !found; ++k) {
                const int m = k / s_adjacentSlots;
                const int slot = m * s_slotsPerMark + adjacentOrder(markOf(i, m))[k % s_adjacentSlots];
                const std::optional<Candidate> c = single(i, slot, width);
                if (!c || !fits(*c, i))
                    continue;
                const QRectF widened = c->rect.adjusted(-m_options.gap, 0, m_options.gap, 0);
                const bool clashes = std::any_of(chosen.begin(), chosen.end(), [&](const auto &other) {
                    return other.first.rect.intersects(widened);
                });
                if (!clashes) {
                    chosen.emplace_back(*c, slot);
                    found = true;
                }
            }
            if (!found)
                return false;
        }
        for (std::size_t k = 0; k < members.size(); ++k)
            commit(members[k], chosen[k].first, chosen[k].second);
        return true;
    }

    // The cluster's labels in one column, in date order from the top, beside the cluster.
    bool placeStack(const std::vector<int> &members, bool shortened)
    {
        const qreal g = m_options.gap;
        QRectF extent;
        qreal centre = 0;
        std::vector<qreal> widthOf;
        qreal height = -g / 2;
        for (const int i : members) {
            extent = extent.isNull() ? label(i).mark : extent.united(label(i).mark);
            centre += label(i).mark.center().y();
            const auto w = widths(i);
            widthOf.push_back(shortened ? w[std::min<qsizetype>(1, w.size() - 1)] : w.front());
            height += label(i).size.height() + g / 2;
        }
        centre /= qreal(members.size());
        if (height > m_bounds.height())
            return false;
        const qreal step = (label(members.front()).size.height() + g) / 2;
        const int reach = int(m_bounds.height() / step) + 1;

        std::vector<Candidate> rows(members.size());
        const auto tryAt = [&](int offset, bool right, int shift) {
            const qreal top = centre - height / 2 + offset * step;
            if (top < m_bounds.top() || top + height > m_bounds.bottom())
                return false;
            if (isExhausted())
                return false;
            qreal y = top;
            for (std::size_t k = 0; k < members.size(); ++k) {
                const Label &l = label(members[k]);
                const qreal w = widthOf[k];
                const qreal run = m_options.leaderRun + shift * s_stackShift;
                const qreal x = right ? extent.right() + g + run : extent.left() - g - run - w;
                rows[k].rect = QRectF(x, y, w, l.size.height());
                const QPointF from(right ? l.mark.right() : l.mark.left(), l.mark.center().y());
                rows[k].leader = QLineF(from, QPointF(right ? x : x + w, y + l.size.height() / 2));
                // The leaders, the dearest test, only once every row has room.
                charge(1);
                if (!within(rows[k].rect) || !m_grid.isFree(widened(rows[k].rect), members[k], {}))
                    return false;
                y += l.size.height() + g / 2;
            }
            for (std::size_t k = 0; k < members.size(); ++k) {
                if (!m_grid.leaderIsFree(rows[k].leader, members[k]))
                    return false;
            }
            // Marks in different lanes can make a fan of leaders cross: try another place.
            for (std::size_t a = 0; a < rows.size(); ++a) {
                for (std::size_t b = a + 1; b < rows.size(); ++b) {
                    if (leadersCross(rows[a].leader, rows[b].leader))
                        return false;
                }
            }
            const int slot =
                LabelPlacer::s_stackSlot + ((offset + reach) * s_stackShifts + shift) * 2 + (right ? 0 : 1);
            for (std::size_t k = 0; k < members.size(); ++k)
                commit(members[k], rows[k], slot);
            return true;
        };
        // Last frame's place first, then outwards from the cluster's middle, right before left.
        const int hint = label(members.front()).hint;
        if (hint >= LabelPlacer::s_stackSlot && hint < LabelPlacer::s_farSlot) {
            const int code = hint - LabelPlacer::s_stackSlot;
            if (tryAt(code / 2 / s_stackShifts - reach, code % 2 == 0, code / 2 % s_stackShifts))
                return true;
        }
        for (int shift = 0; shift < s_stackShifts; ++shift) {
            for (int distance = 0; distance <= reach && !isExhausted(); ++distance) {
                for (const bool right : { true, false }) {
                    if (tryAt(distance, right, shift) || (distance > 0 && tryAt(-distance, right, shift)))
                        return true;
                }
            }
        }
        return false;
    }

    // The column in date order; failing that, when the marks lie in several lanes (whose
    // leaders would cross in date order), lane by lane from the top, in date order within each.
    bool placeStackInOrder(const std::vector<int> &byDate, bool shortened)
    {
        if (placeStack(byDate, shortened))
            return true;
        std::vector<int> byLane = byDate;
        std::stable_sort(byLane.begin(), byLane.end(), [&](int a, int b) {
            return label(a).mark.center().y() < label(b).mark.center().y();
        });
        return byLane != byDate && placeStack(byLane, shortened);
    }

    void sortByDate(std::vector<int> &members) const
    {
        std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
            const Label &la = label(a), &lb = label(b);
            return la.date != lb.date ? la.date < lb.date : la.mark.center().y() < lb.mark.center().y();
        });
    }

    void placeCluster(std::vector<int> members)
    {
        sortByDate(members);
        if (placeAdjacent(members) || placeStackInOrder(members, false))
            return;
        // No column fits: each label on its own, whole, and only then shortened.
        for (const int i : members)
            placeSingle(i, false);
        std::erase_if(members, [&](int i) { return m_out[std::size_t(i)].isPlaced(); });
        if (members.size() > 1 && placeStackInOrder(members, true))
            return;
        for (const int i : members)
            placeSingle(i);
    }

    QRectF m_bounds;
    std::span<const Label> m_labels;
    LabelPlacer::Options m_options;
    std::vector<Placement> &m_out;
    Occupancy m_grid;
    int m_budget;
    Work *m_work; // shared with the other passes; null in the first, which is not bounded by it
    // Each label's other marks: those of m_otherMarks from m_otherStart[i] to m_otherStart[i + 1].
    std::vector<std::uint32_t> m_otherStart;
    std::vector<QRectF> m_otherMarks;
};

} // namespace

namespace {

// Whether a placed label is in the way of a candidate place.
bool isInTheWay(const Placement &p, const Candidate &c, qreal gap)
{
    if (!p.isPlaced())
        return false;
    const QRectF widened = c.rect.adjusted(-gap, -gap / 2, gap, gap / 2);
    if (p.rect.intersects(widened) || (!p.leader.isNull() && crosses(p.leader, widened)))
        return true;
    return !c.leader.isNull()
        && (crosses(c.leader, p.rect) || (!p.leader.isNull() && leadersCross(c.leader, p.leader)));
}

// A label left out takes a place near its mark that a few placed labels are in the way of,
// when those find other places: a greedy order walls marks in with their neighbours' labels.
void makeRoom(const QRectF &bounds, std::span<const Label> labels,
              std::span<const LabelPlacer::Obstacle> obstacles, const LabelPlacer::Options &options,
              std::vector<Placement> &out, Work &work)
{
    if (work.isSpent())
        return;
    std::vector<Placement> none(labels.size());
    Placer alone(bounds, labels, obstacles, options, none, &work);
    for (std::size_t u = 0; u < labels.size(); ++u) {
        if (out[u].isPlaced())
            continue;
        for (const auto &[c, slot] : alone.nearCandidates(int(u))) {
            if (work.isSpent())
                return;
            if (!alone.fitsAlone(c, int(u)))
                continue;
            std::vector<int> blockers;
            for (std::size_t j = 0; j < labels.size() && blockers.size() <= s_maxBlockers; ++j) {
                if (isInTheWay(out[j], c, options.gap))
                    blockers.push_back(int(j));
            }
            if (blockers.empty() || blockers.size() > s_maxBlockers
                || std::any_of(blockers.begin(), blockers.end(),
                               [&](int j) { return labels[std::size_t(j)].required; }))
                continue;
            std::vector<Placement> trial = out;
            for (const int j : blockers)
                trial[std::size_t(j)] = {};
            trial[u] = { c.rect, c.leader, slot };
            std::vector<Placement> result(labels.size());
            Placer again(bounds, labels, obstacles, options, result, &work);
            again.adopt(trial);
            if (std::all_of(blockers.begin(), blockers.end(), [&](int j) { return again.place(j); })) {
                out = std::move(result);
                break;
            }
        }
    }
}

// A label left out joins its neighbours' labels, the marks within `reach` of its own, in one
// column: marks a little further apart than a cluster wall each other in with their labels
// and leaders, where one column of them, in date order, fans its leaders out without crossing.
// The column may stand where a few other labels were, when those find other places.
void gatherColumns(const QRectF &bounds, std::span<const Label> labels,
                   std::span<const LabelPlacer::Obstacle> obstacles, const LabelPlacer::Options &options,
                   std::vector<Placement> &out, Work &work)
{
    const auto placedCount = [](const std::vector<Placement> &placed) {
        return std::count_if(placed.begin(), placed.end(), [](const Placement &p) { return p.isPlaced(); });
    };
    const qreal line = labels.front().size.height() + options.gap;
    int tries = 0;
    for (std::size_t u = 0; u < labels.size() && tries < s_maxGathered; ++u) {
        if (out[u].isPlaced())
            continue;
        ++tries;
        const qreal x = Placer::anchorX(labels[u].mark);
        const qreal y = labels[u].mark.center().y();
        for (const qreal reach : { 2 * line, 4 * line, 8 * line }) {
            if (work.isSpent())
                return;
            std::vector<int> members;
            bool movesRequired = false;
            for (std::size_t j = 0; j < labels.size(); ++j) {
                if (std::abs(Placer::anchorX(labels[j].mark) - x) <= reach
                    && std::abs(labels[j].mark.center().y() - y) <= reach) {
                    members.push_back(int(j));
                    movesRequired |= labels[j].required;
                }
            }
            if (members.size() < 2 || movesRequired)
                continue;
            // First among the labels as they are; failing that, where only marks are in the way.
            std::vector<Placement> trial = out;
            for (const int j : members)
                trial[std::size_t(j)] = {};
            std::vector<Placement> result(labels.size());
            Placer again(bounds, labels, obstacles, options, result, &work);
            again.adopt(trial);
            if (again.placeColumn(members) && placedCount(result) > placedCount(out)) {
                out = std::move(result);
                break;
            }
            std::vector<Placement> column(labels.size());
            if (!Placer(bounds, labels, obstacles, options, column, &work).placeColumn(members))
                continue;
            std::vector<int> displaced;
            for (std::size_t j = 0; j < labels.size(); ++j) {
                if (!trial[j].isPlaced())
                    continue;
                for (const int m : members) {
                    const Placement &p = column[std::size_t(m)];
                    if (isInTheWay(trial[j], { p.rect, p.leader }, options.gap)) {
                        displaced.push_back(int(j));
                        trial[j] = {};
                        break;
                    }
                }
            }
            if (std::any_of(displaced.begin(), displaced.end(),
                            [&](int j) { return labels[std::size_t(j)].required; }))
                continue;
            for (const int m : members)
                trial[std::size_t(m)] = column[std::size_t(m)];
            std::vector<Placement> moved(labels.size());
            Placer third(bounds, labels, obstacles, options, moved, &work);
            third.adopt(trial);
            for (const int j : displaced)
                third.place(j);
            if (placedCount(moved) <= placedCount(out))
                makeRoom(bounds, labels, obstacles, options, moved, work);
            if (placedCount(moved) > placedCount(out)) {
                out = std::move(moved);
                break;
            }
        }
    }
}

// Labels shortened by the greedy passes get their whole width where the passes left room for it:
// a label shortened early walls in a place that only the later labels' places show to be free.
void lengthenShortened(const QRectF &bounds, std::span<const Label> labels,
                       std::span<const LabelPlacer::Obstacle> obstacles, const LabelPlacer::Options &options,
                       std::vector<Placement> &out, Work &work)
{
    const auto isShortened = [&](const std::vector<Placement> &placed, std::size_t i) {
        return placed[i].isPlaced()
            && placed[i].rect.width() < std::min(labels[i].size.width(), bounds.width()) - 0.5;
    };
    const auto count = [&](const std::vector<Placement> &placed, auto &&predicate) {
        std::ptrdiff_t n = 0;
        for (std::size_t i = 0; i < placed.size(); ++i)
            n += predicate(placed, i) ? 1 : 0;
        return n;
    };
    const auto isPlaced = [](const std::vector<Placement> &placed, std::size_t i) {
        return placed[i].isPlaced();
    };
    std::vector<int> shortened;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (isShortened(out, i) && !labels[i].required)
            shortened.push_back(int(i));
    }
    if (shortened.empty() || work.isSpent())
        return;
    std::vector<Placement> trial = out;
    for (const int i : shortened)
        trial[std::size_t(i)] = {};
    std::vector<Placement> result(labels.size());
    Placer again(bounds, labels, obstacles, options, result, &work);
    again.adopt(trial);
    for (const int i : shortened) {
        if (!again.placeWhole(i) && !again.placeAt(i, out[std::size_t(i)]))
            again.place(i);
    }
    if (count(result, isPlaced) >= count(out, isPlaced)
        && count(result, isShortened) < count(out, isShortened))
        out = std::move(result);
}

// Labels still shortened or left out get their whole width anywhere on the picture where it is
// free, with the shortest leader from any of their marks; failing that, where one label near
// their mark stood, when that one finds another whole place. Lanes far from the crowd are often
// empty: a whole label with a leader reads better than a shortened one beside its mark.
void placeWholeAnywhere(const QRectF &bounds, std::span<const Label> labels,
                        std::span<const LabelPlacer::Obstacle> obstacles, const LabelPlacer::Options &options,
                        std::vector<Placement> &out, Work &work)
{
    const auto isWhole = [&](const std::vector<Placement> &placed, std::size_t i) {
        return placed[i].isPlaced()
            && placed[i].rect.width() >= std::min(labels[i].size.width(), bounds.width()) - 0.5;
    };
    const auto leaderLength = [](const Placement &p) {
        return p.leader.isNull() ? 0 : p.leader.length();
    };
    const auto mayMove = [&](std::size_t j) {
        const bool inColumn = out[j].slot >= LabelPlacer::s_stackSlot && out[j].slot < LabelPlacer::s_farSlot;
        return isWhole(out, j) && !inColumn && !labels[j].required && out[j].slot != labels[j].hint;
    };
    // The labels as they are, but `u` at candidate `c` and the labels in `blockers` moved to
    // whole places of their own (beside any of their marks, else anywhere); none when one of
    // them finds no such place.
    const auto moveAside = [&](int u, const auto &c, int slot,
                               const std::vector<int> &blockers) -> std::optional<std::vector<Placement>> {
        std::vector<Placement> trial = out;
        trial[std::size_t(u)] = {};
        for (const int j : blockers)
            trial[std::size_t(j)] = {};
        std::vector<Placement> result(labels.size());
        Placer again(bounds, labels, obstacles, options, result, &work);
        again.adopt(trial);
        if (!again.placeAt(u, { c.rect, c.leader, slot }))
            return std::nullopt;
        const bool moved = std::all_of(blockers.begin(), blockers.end(), [&](int j) {
            return again.placeBesideAnyMark(j)
                || again.placeAnywhere(j, std::min(labels[std::size_t(j)].size.width(), bounds.width()));
        });
        if (!moved)
            return std::nullopt;
        return result;
    };
    // A long leader gets shorter where one or two labels stand in the way, when those stand whole
    // elsewhere and the leaders of all of them come to less than before.
    const auto shortenByMoving = [&](int u) {
        const auto i = std::size_t(u);
        const qreal whole = std::min(labels[i].size.width(), bounds.width());
        std::vector<Placement> none(labels.size());
        Placer alone(bounds, labels, obstacles, options, none, &work);
        std::vector<std::vector<int>> tried;
        for (const auto &[c, slot] :
             alone.anywhereCandidates(u, whole, s_maxCandidates, leaderLength(out[i]) - s_leaderSlack)) {
            if (work.isSpent() || tried.size() >= s_maxTrials)
                return;
            std::vector<int> blockers;
            for (std::size_t j = 0; j < labels.size() && blockers.size() <= s_maxLeaderBlockers; ++j) {
                if (j != i && isInTheWay(out[j], c, options.gap))
                    blockers.push_back(int(j));
            }
            if (blockers.empty() || blockers.size() > s_maxLeaderBlockers
                || !std::all_of(blockers.begin(), blockers.end(),
                                [&](int j) { return mayMove(std::size_t(j)); })
                || std::find(tried.begin(), tried.end(), blockers) != tried.end())
                continue;
            tried.push_back(blockers);
            qreal before = leaderLength(out[i]);
            for (const int j : blockers)
                before += leaderLength(out[std::size_t(j)]);
            std::optional<std::vector<Placement>> result = moveAside(u, c, slot, blockers);
            if (!result)
                continue;
            qreal after = leaderLength((*result)[i]);
            for (const int j : blockers)
                after += leaderLength((*result)[std::size_t(j)]);
            if (after < before - s_leaderSlack) {
                out = std::move(*result);
                return;
            }
        }
    };
    // Long leaders first: each takes the shortest free leader, or none, when that is shorter.
    const auto shortenLeaders = [&] {
        std::vector<std::pair<qreal, int>> leadered;
        for (std::size_t i = 0; i < out.size(); ++i) {
            // Not a label of a cluster's column, whose leaders fan out in date order, nor one
            // standing where it stood in the last frame, unless its leader is long: labels stay
            // put while the view moves, but not across the chart.
            const bool inColumn =
                out[i].slot >= LabelPlacer::s_stackSlot && out[i].slot < LabelPlacer::s_farSlot;
            if (isWhole(out, i) && !out[i].leader.isNull() && out[i].leader.length() > s_leaderSlack
                && !inColumn && (out[i].slot != labels[i].hint || out[i].leader.length() > s_longLeader))
                leadered.emplace_back(-out[i].leader.length(), int(i));
        }
        std::sort(leadered.begin(), leadered.end());
        for (const auto &[negative, u] : leadered) {
            if (work.isSpent())
                return;
            const auto i = std::size_t(u);
            const qreal length = out[i].leader.isNull() ? 0 : out[i].leader.length();
            std::vector<Placement> trial = out;
            trial[i] = {};
            std::vector<Placement> result(labels.size());
            Placer again(bounds, labels, obstacles, options, result, &work);
            again.adopt(trial);
            if (again.placeBesideAnyMark(u)
                || again.placeAnywhere(u, std::min(labels[i].size.width(), bounds.width()),
                                       length - s_leaderSlack)) {
                out = std::move(result);
                continue;
            }
            if (length > s_longLeader)
                shortenByMoving(u);
        }
    };
    shortenLeaders();
    std::vector<int> wanting;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!isWhole(out, i))
            wanting.push_back(int(i));
    }
    if (wanting.empty() || work.isSpent())
        return;
    // The required label first, then in date order.
    std::stable_sort(wanting.begin(), wanting.end(), [&](int a, int b) {
        const Label &la = labels[std::size_t(a)], &lb = labels[std::size_t(b)];
        return la.required != lb.required ? la.required : la.date < lb.date;
    });
    for (const int u : wanting) {
        if (work.isSpent())
            return;
        const auto i = std::size_t(u);
        const qreal whole = std::min(labels[i].size.width(), bounds.width());
        {
            std::vector<Placement> trial = out;
            trial[i] = {};
            std::vector<Placement> result(labels.size());
            Placer again(bounds, labels, obstacles, options, result, &work);
            again.adopt(trial);
            if (again.placeAnywhere(u, whole)) {
                out = std::move(result);
                continue;
            }
        }
        // One placed label near its mark steps aside, when it too stands whole elsewhere.
        const QPointF at = labels[i].mark.center();
        std::vector<std::pair<qreal, int>> near;
        for (std::size_t j = 0; j < out.size(); ++j) {
            if (j != i && isWhole(out, j) && !labels[j].required)
                near.emplace_back(QLineF(out[j].rect.center(), at).length(), int(j));
        }
        std::sort(near.begin(), near.end());
        near.resize(std::min<std::size_t>(near.size(), s_maxBlockers * 2));
        bool done = false;
        for (const auto &[distance, j] : near) {
            if (work.isSpent())
                return;
            std::vector<Placement> trial = out;
            trial[i] = {};
            trial[std::size_t(j)] = {};
            std::vector<Placement> result(labels.size());
            Placer again(bounds, labels, obstacles, options, result, &work);
            again.adopt(trial);
            if (again.placeAnywhere(u, whole)
                && again.placeAnywhere(j, std::min(labels[std::size_t(j)].size.width(), bounds.width()))) {
                out = std::move(result);
                done = true;
                break;
            }
        }
        // Failing that, a free place among the marks that a few labels stand in the way of, when
        // each of those stands whole elsewhere.
        if (!done) {
            std::vector<Placement> none(labels.size());
            Placer alone(bounds, labels, obstacles, options, none, &work);
            std::vector<std::vector<int>> tried; // the sets of labels in the way, each tried once
            for (const auto &[c, slot] : alone.anywhereCandidates(u, whole, s_maxCandidates)) {
                if (work.isSpent())
                    return;
                if (tried.size() >= s_maxTrials)
                    break;
                std::vector<int> blockers;
                for (std::size_t j = 0; j < labels.size() && blockers.size() <= s_maxBlockers; ++j) {
                    if (j != i && isInTheWay(out[j], c, options.gap))
                        blockers.push_back(int(j));
                }
                if (blockers.empty() || blockers.size() > s_maxBlockers
                    || std::any_of(blockers.begin(), blockers.end(),
                                   [&](int j) {
                                       return labels[std::size_t(j)].required
                                           || !isWhole(out, std::size_t(j));
                                   })
                    || std::find(tried.begin(), tried.end(), blockers) != tried.end())
                    continue;
                tried.push_back(blockers);
                if (std::optional<std::vector<Placement>> result = moveAside(u, c, slot, blockers)) {
                    out = std::move(*result);
                    done = true;
                    break;
                }
            }
        }
        if (done || out[i].isPlaced())
            continue;
        // Left out even so: shortened anywhere rather than not at all.
        std::vector<Placement> result(labels.size());
        Placer again(bounds, labels, obstacles, options, result, &work);
        again.adopt(out);
        const auto widths = again.widthsOf(u);
        for (qsizetype w = 1; w < widths.size(); ++w) {
            if (again.placeAnywhere(u, widths[w])) {
                out = std::move(result);
                break;
            }
        }
    }
    shortenLeaders();
}

} // namespace

std::vector<LabelPlacer::Placement> LabelPlacer::place(const QRectF &bounds, std::span<const Label> labels,
                                                       std::span<const Obstacle> obstacles,
                                                       const Options &options)
{
    return placeWithin(bounds, labels, obstacles, options).placements;
}

LabelPlacer::Result LabelPlacer::placeWithin(const QRectF &bounds, std::span<const Label> labels,
                                             std::span<const Obstacle> obstacles, const Options &options,
                                             std::span<const Placement> from)
{
    if (from.size() != labels.size())
        return placeWithin(bounds, labels, obstacles, options, Result { {}, true, 0 });
    // As before passes were numbered: its greedy orders were compared, the later passes go on.
    return placeWithin(bounds, labels, obstacles, options,
                       Result { std::vector<Placement>(from.begin(), from.end()), false, s_strategies });
}

LabelPlacer::Result LabelPlacer::placeWithin(const QRectF &bounds, std::span<const Label> labels,
                                             std::span<const Obstacle> obstacles, const Options &options,
                                             const Result &from)
{
    Result result;
    result.placements.resize(labels.size());
    std::vector<Placement> &out = result.placements;
    if (labels.empty() || bounds.width() <= 0 || bounds.height() <= 0)
        return result;
    // Small pictures (an article's figure) can afford every order and keep the best; a
    // crowded frame takes the first, within the frame's budget.
    const auto score = [&](const std::vector<Placement> &placed) {
        qreal value = 0;
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (!placed[i].isPlaced())
                continue;
            value += 1000;
            if (placed[i].rect.width() < std::min(labels[i].size.width(), bounds.width()))
                value -= 10; // shortened
            if (!placed[i].leader.isNull())
                value -= 1 + placed[i].leader.length() / 1000;
            if (placed[i].slot == labels[i].hint)
                value += 5; // kept its place from the last frame: no flicker
        }
        return value;
    };
    const auto allPlaced = [&] {
        return std::all_of(out.begin(), out.end(), [](const Placement &p) { return p.isPlaced(); });
    };
    Work work { options.refineBudget };
    const bool goesOn = !from.complete && from.placements.size() == labels.size();
    if (goesOn) {
        out = from.placements; // where the last call stopped
    } else if (labels.size() > s_smallPicture) {
        LabelPlacer::Options crowded = options;
        crowded.searchBudget = std::min(options.searchBudget, options.crowdedSearchBudget);
        Placer(bounds, labels, obstacles, crowded, out).run(0);
    } else {
        Placer(bounds, labels, obstacles, options, out).run(0);
    }
    if (labels.size() > s_smallPicture)
        return result;
    if (!goesOn && options.refineBudget <= 0) {
        // No work for the passes after the first: a later call goes on with them.
        result.complete = false;
        result.nextPass = 1;
        return result;
    }
    // The passes after the first greedy one, by number, so that a call cut short by its budget
    // can be gone on with: the other greedy orders, then three rounds of making room (each can
    // free a place that the last could not), gathering columns, lengthening shortened labels.
    const auto runPass = [&](int pass) {
        if (pass < Placer::s_strategies) {
            if (allPlaced() && std::none_of(out.begin(), out.end(), [](const Placement &p) {
                    return !p.leader.isNull();
                }))
                return;
            std::vector<Placement> other(labels.size());
            Placer(bounds, labels, obstacles, options, other, &work).run(pass);
            if (score(other) > score(out))
                out = std::move(other);
        } else if (pass < s_strategies + 3) {
            if (!allPlaced())
                makeRoom(bounds, labels, obstacles, options, out, work);
        } else if (pass == s_strategies + 3) {
            if (!allPlaced())
                gatherColumns(bounds, labels, obstacles, options, out, work);
        } else if (pass == s_strategies + 4) {
            lengthenShortened(bounds, labels, obstacles, options, out, work);
        } else {
            placeWholeAnywhere(bounds, labels, obstacles, options, out, work);
        }
    };
    const int first = goesOn ? std::max(1, from.nextPass) : 1;
    for (int pass = first; pass < s_passes; ++pass) {
        runPass(pass);
        if (work.isSpent()) {
            // Cut short: the next call does this pass again, unless it was already the one a
            // call went on with, which had a whole budget for it; so every call gets further.
            result.nextPass = goesOn && pass == first ? pass + 1 : pass;
            result.complete = result.nextPass >= s_passes;
            return result;
        }
    }
    return result;
}
