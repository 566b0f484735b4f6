#pragma once

#include <QLineF>
#include <QPointF>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

// The spatial index behind LabelPlacer: what is already on the picture, and whether a label
// may stand somewhere. Header-only so that the placer's hot loop inlines it.
namespace LabelGeometry {

// Whether a segment passes through the inside of a rectangle (Liang–Barsky clipping).
inline bool crosses(const QLineF &line, const QRectF &rect)
{
    double t0 = 0, t1 = 1;
    const double p[4] = { -line.dx(), line.dx(), -line.dy(), line.dy() };
    const double q[4] = { line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                          rect.bottom() - line.y1() };
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] <= 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
    }
    return t1 - t0 > 1e-9;
}

// Whether two leaders cross; leaders from one spot (marks drawn at one place) only meet.
inline bool leadersCross(const QLineF &a, const QLineF &b)
{
    QPointF at;
    if (a.intersects(b, &at) != QLineF::BoundedIntersection)
        return false;
    return QLineF(at, a.p1()).length() > 0.5 || QLineF(at, b.p1()).length() > 0.5;
}

// What is already on the picture, in buckets of a uniform grid so that a candidate position is
// checked against what lies near it only.
class Occupancy
{
public:
    enum class Kind : std::uint8_t { Mark, Label, Leader };

    Occupancy(const QRectF &bounds, qreal cellWidth, qreal cellHeight)
        : m_origin(bounds.topLeft())
        , m_cellWidth(cellWidth)
        , m_cellHeight(cellHeight)
        , m_columns(std::clamp(int(std::ceil(bounds.width() / cellWidth)), 1, 512))
        , m_rows(std::clamp(int(std::ceil(bounds.height() / cellHeight)), 1, 512))
        , m_cells(std::size_t(m_columns) * std::size_t(m_rows))
        , m_fineColumns(std::clamp(int(std::ceil(bounds.width() / s_fine)), 1, 4096))
        , m_fineRows(std::clamp(int(std::ceil(bounds.height() / s_fine)), 1, 4096))
        , m_words((m_fineColumns + 63) / 64)
        , m_full(std::size_t(m_words) * std::size_t(m_fineRows))
    { }

    void add(const QRectF &rect, int owner, Kind kind, const QLineF &line = {})
    {
        const auto index = std::uint32_t(m_items.size());
        const QRectF r = rect.normalized();
        m_items.push_back({ line, r.left(), r.top(), r.right(), r.bottom(), owner, kind });
        m_seen.push_back(0);
        if (kind == Kind::Leader) {
            // Only the cells the line passes through.
            forLineCells(line, [&](std::vector<std::uint32_t> &items) {
                if (items.empty() || items.back() != index)
                    items.push_back(index);
            });
            return;
        }
        forCells(rect, [&](std::vector<std::uint32_t> &cell) { cell.push_back(index); });
        // A mark of a label may be touched by that label: only what blocks everyone fills.
        if (kind == Kind::Label || owner < 0)
            fill(rect);
    }

    // Whether a label of `owner` may stand at `rect` (already widened by the gap), with `leader`
    // (when not null) joining it to its mark.
    bool isFree(const QRectF &rect, int owner, const QLineF &leader)
    {
        if (touchesFull(rect))
            return false;
        ++m_query;
        bool free = true;
        // Positions are built with positive sizes: no need to normalise them.
        const double ql = std::min(rect.left(), rect.right()), qr = std::max(rect.left(), rect.right());
        const double qt = std::min(rect.top(), rect.bottom()), qb = std::max(rect.top(), rect.bottom());
        const bool queryEmpty = ql == qr || qt == qb;
        forCells(rect, [&](std::vector<std::uint32_t> &cell) {
            for (const std::uint32_t i : cell) {
                if (!free)
                    return;
                if (m_seen[i] == m_query)
                    continue;
                m_seen[i] = m_query;
                const Item &item = m_items[i];
                if (item.kind == Kind::Mark && item.owner == owner && owner >= 0)
                    continue; // its own mark
                if (item.kind == Kind::Leader ? crosses(item.line, rect)
                                              : !queryEmpty && item.overlaps(ql, qt, qr, qb))
                    free = false;
            }
        });
        if (!free || leader.isNull())
            return free;
        // A leader may pass over marks, never through another label's text.
        ++m_query;
        forLineCells(leader, [&](std::vector<std::uint32_t> &cell) {
            for (const std::uint32_t i : cell) {
                if (!free)
                    return;
                if (m_seen[i] == m_query)
                    continue;
                m_seen[i] = m_query;
                const Item &item = m_items[i];
                if (item.owner == owner)
                    continue;
                if (item.kind == Kind::Label && crosses(leader, item.rect()))
                    free = false;
                else if (item.kind == Kind::Leader && leadersCross(leader, item.line))
                    free = false;
            }
        });
        return free;
    }

private:
    // Cells of s_fine pixels wholly covered by a label or obstacle, one bit each: a position
    // that overlaps one is taken, found without looking at any item. Most positions tried in a
    // crowded picture are, and this is what keeps the search within its time.
    static constexpr qreal s_fine = 4;

    int cellIndex(QPointF at) const
    {
        const int c = std::clamp(int(std::floor((at.x() - m_origin.x()) / m_cellWidth)), 0, m_columns - 1);
        const int r = std::clamp(int(std::floor((at.y() - m_origin.y()) / m_cellHeight)), 0, m_rows - 1);
        return r * m_columns + c;
    }

    void fill(const QRectF &rect)
    {
        const int c0 = std::max(0, int(std::ceil((rect.left() - m_origin.x()) / s_fine)));
        const int c1 = std::min(m_fineColumns, int(std::floor((rect.right() - m_origin.x()) / s_fine))) - 1;
        const int r0 = std::max(0, int(std::ceil((rect.top() - m_origin.y()) / s_fine)));
        const int r1 = std::min(m_fineRows, int(std::floor((rect.bottom() - m_origin.y()) / s_fine))) - 1;
        for (int r = r0; r <= r1; ++r) {
            std::uint64_t *row = &m_full[std::size_t(r) * std::size_t(m_words)];
            for (int c = c0; c <= c1; ++c)
                row[c / 64] |= std::uint64_t(1) << (c % 64);
        }
    }

    bool touchesFull(const QRectF &rect) const
    {
        // Every fine cell the rectangle overlaps with some area.
        const int c0 = std::max(0, int(std::floor((rect.left() - m_origin.x()) / s_fine)));
        const int c1 = std::min(m_fineColumns, int(std::ceil((rect.right() - m_origin.x()) / s_fine))) - 1;
        const int r0 = std::max(0, int(std::floor((rect.top() - m_origin.y()) / s_fine)));
        const int r1 = std::min(m_fineRows, int(std::ceil((rect.bottom() - m_origin.y()) / s_fine))) - 1;
        if (c0 > c1 || r0 > r1)
            return false;
        const int w0 = c0 / 64, w1 = c1 / 64;
        for (int r = r0; r <= r1; ++r) {
            const std::uint64_t *row = &m_full[std::size_t(r) * std::size_t(m_words)];
            for (int w = w0; w <= w1; ++w) {
                std::uint64_t mask = ~std::uint64_t(0);
                if (w == w0)
                    mask &= ~std::uint64_t(0) << (c0 % 64);
                if (w == w1 && c1 % 64 != 63)
                    mask &= (std::uint64_t(1) << (c1 % 64 + 1)) - 1;
                if (row[w] & mask)
                    return true;
            }
        }
        return false;
    }

    struct Item
    {
        QLineF line;
        double left, top, right, bottom; // normalised
        int owner;
        Kind kind;

        QRectF rect() const { return QRectF(QPointF(left, top), QPointF(right, bottom)); }
        // As QRectF::intersects, without the call: an empty rectangle meets nothing.
        bool overlaps(double l, double t, double r, double b) const
        {
            return left != right && top != bottom && left < r && l < right && top < b && t < bottom;
        }
    };

    // Calls `f` with the items of every cell the segment passes through, walking the grid
    // from cell to cell (Amanatides and Woo), and both neighbours where it passes a corner.
    template<typename F> void forLineCells(const QLineF &line, F &&f)
    {
        const double x0 = (line.x1() - m_origin.x()) / m_cellWidth,
                     y0 = (line.y1() - m_origin.y()) / m_cellHeight;
        const double x1 = (line.x2() - m_origin.x()) / m_cellWidth,
                     y1 = (line.y2() - m_origin.y()) / m_cellHeight;
        const auto column = [&](double x) {
            return std::clamp(int(std::floor(x)), 0, m_columns - 1);
        };
        const auto row = [&](double y) {
            return std::clamp(int(std::floor(y)), 0, m_rows - 1);
        };
        int c = column(x0), r = row(y0);
        const int c1 = column(x1), r1 = row(y1);
        const int stepC = c1 > c ? 1 : -1, stepR = r1 > r ? 1 : -1;
        const double dx = x1 - x0, dy = y1 - y0;
        const double inf = std::numeric_limits<double>::infinity();
        const double deltaC = dx != 0 ? std::abs(1 / dx) : inf, deltaR = dy != 0 ? std::abs(1 / dy) : inf;
        double nextC = dx != 0 ? ((stepC > 0 ? c + 1 - x0 : x0 - c) * deltaC) : inf;
        double nextR = dy != 0 ? ((stepR > 0 ? r + 1 - y0 : y0 - r) * deltaR) : inf;
        const auto visit = [&](int cc, int rr) {
            f(m_cells[std::size_t(rr) * std::size_t(m_columns) + std::size_t(cc)]);
        };
        visit(c, r);
        while (c != c1 || r != r1) {
            if (c != c1 && (r == r1 || nextC < nextR)) {
                c += stepC;
                nextC += deltaC;
            } else if (r != r1 && (c == c1 || nextR < nextC)) {
                r += stepR;
                nextR += deltaR;
            } else {
                // Through a corner: the cells on both sides of it too.
                visit(c + stepC, r);
                visit(c, r + stepR);
                c += stepC;
                r += stepR;
                nextC += deltaC;
                nextR += deltaR;
            }
            visit(c, r);
        }
    }

    template<typename F> void forCells(const QRectF &rect, F &&f)
    {
        const int c0 =
            std::clamp(int(std::floor((rect.left() - m_origin.x()) / m_cellWidth)), 0, m_columns - 1);
        const int c1 =
            std::clamp(int(std::floor((rect.right() - m_origin.x()) / m_cellWidth)), 0, m_columns - 1);
        const int r0 = std::clamp(int(std::floor((rect.top() - m_origin.y()) / m_cellHeight)), 0, m_rows - 1);
        const int r1 =
            std::clamp(int(std::floor((rect.bottom() - m_origin.y()) / m_cellHeight)), 0, m_rows - 1);
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c)
                f(m_cells[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)]);
        }
    }

    QPointF m_origin;
    qreal m_cellWidth;
    qreal m_cellHeight;
    int m_columns;
    int m_rows;
    std::vector<std::vector<std::uint32_t>> m_cells;
    std::vector<Item> m_items;
    int m_fineColumns;
    int m_fineRows;
    int m_words; // 64-bit words per row of fine cells
    std::vector<std::uint64_t> m_full;
    std::vector<std::uint32_t> m_seen; // the last query that looked at each item
    std::uint32_t m_query = 0;
};

} // namespace LabelGeometry
