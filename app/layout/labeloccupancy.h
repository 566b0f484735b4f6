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
        , m_perCellWidth(1 / cellWidth)
        , m_perCellHeight(1 / cellHeight)
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
        m_items.push_back({ r.left(), r.top(), r.right(), r.bottom(), owner, kind });
        m_lines.push_back(line);
        if (kind == Kind::Leader) {
            // Only the cells the line passes through.
            forLineCells(line, [&](std::vector<std::uint32_t> &items) {
                if (items.empty() || items.back() != index)
                    items.push_back(index);
                return true;
            });
            return;
        }
        forCells(rect, [&](std::vector<std::uint32_t> &cell) {
            cell.push_back(index);
            return true;
        });
        // A mark of a label may be touched by that label: only what blocks everyone fills.
        if (kind == Kind::Label || owner < 0)
            fill(covered(rect));
    }

    // Whether a label of `owner` may stand at `rect` (already widened by the gap), with `leader`
    // (when not null) joining it to its mark.
    bool isFree(const QRectF &rect, int owner, const QLineF &leader)
    {
        return !touchesFull(rect) && isFreeOfItems(rect, owner)
            && (leader.isNull() || leaderIsFree(leader, owner));
    }

    // Whether no item is in the way of a label of `owner` at `rect`; as isFree() without the
    // fine cells and the leader, which a caller testing many positions at once asks first.
    bool isFreeOfItems(const QRectF &rect, int owner)
    {
        // Positions are built with positive sizes: no need to normalise them.
        const double ql = std::min(rect.left(), rect.right()), qr = std::max(rect.left(), rect.right());
        const double qt = std::min(rect.top(), rect.bottom()), qb = std::max(rect.top(), rect.bottom());
        const bool queryEmpty = ql == qr || qt == qb;
        // An item met in several cells is tested again: cheaper than remembering which were.
        return forCells(rect, [&](const std::vector<std::uint32_t> &cell) {
            for (const std::uint32_t i : cell) {
                const Item &item = m_items[i];
                if (item.kind == Kind::Leader) {
                    if (item.touches(ql, qt, qr, qb) && crosses(m_lines[i], rect))
                        return false;
                } else if (!queryEmpty && item.overlaps(ql, qt, qr, qb)
                           && !(item.kind == Kind::Mark && item.owner == owner && owner >= 0)) {
                    return false; // anything but its own mark
                }
            }
            return true;
        });
    }

    // Whether a leader of `owner` passes through no other label's text and across no other
    // leader; it may pass over marks.
    bool leaderIsFree(const QLineF &leader, int owner)
    {
        const double ll = std::min(leader.x1(), leader.x2()), lr = std::max(leader.x1(), leader.x2());
        const double lt = std::min(leader.y1(), leader.y2()), lb = std::max(leader.y1(), leader.y2());
        return forLineCells(leader, [&](const std::vector<std::uint32_t> &cell) {
            for (const std::uint32_t i : cell) {
                const Item &item = m_items[i];
                if (item.kind == Kind::Mark || item.owner == owner || !item.touches(ll, lt, lr, lb))
                    continue;
                if (item.kind == Kind::Label ? crosses(leader, item.rect())
                                             : leadersCross(leader, m_lines[i]))
                    return false;
            }
            return true;
        });
    }

    // Whether the rectangle overlaps, with some area, a fine cell wholly covered by a label or an
    // obstacle: then it is taken, found without looking at any item.
    bool touchesFull(const QRectF &rect) const
    {
        const auto [c0, c1, r0, r1] = overlapped(rect);
        if (c0 > c1 || r0 > r1)
            return false;
        const int w0 = c0 / 64, w1 = c1 / 64;
        const std::uint64_t first = ~std::uint64_t(0) << (c0 % 64);
        const std::uint64_t last =
            c1 % 64 == 63 ? ~std::uint64_t(0) : (std::uint64_t(1) << (c1 % 64 + 1)) - 1;
        const std::uint64_t *row = &m_full[std::size_t(r0) * std::size_t(m_words)];
        if (w0 == w1) {
            const std::uint64_t mask = first & last;
            for (int r = r0; r <= r1; ++r, row += m_words) {
                if (row[w0] & mask)
                    return true;
            }
            return false;
        }
        for (int r = r0; r <= r1; ++r, row += m_words) {
            if ((row[w0] & first) || (row[w1] & last))
                return true;
            for (int w = w0 + 1; w < w1; ++w) {
                if (row[w])
                    return true;
            }
        }
        return false;
    }

private:
    // Fine cells, from column c0 to c1 and row r0 to r1.
    struct Span
    {
        int c0 = 1, c1 = 0, r0 = 1, r1 = 0;
        bool isEmpty() const { return c0 > c1 || r0 > r1; }
    };

    // The fine cells a rectangle overlaps with some area.
    Span overlapped(const QRectF &rect) const
    {
        return { std::max(0, floorOf((rect.left() - m_origin.x()) * s_perFine)),
                 std::min(m_fineColumns, ceilOf((rect.right() - m_origin.x()) * s_perFine)) - 1,
                 std::max(0, floorOf((rect.top() - m_origin.y()) * s_perFine)),
                 std::min(m_fineRows, ceilOf((rect.bottom() - m_origin.y()) * s_perFine)) - 1 };
    }

    // The fine cells wholly inside a rectangle.
    Span covered(const QRectF &rect) const
    {
        return { std::max(0, ceilOf((rect.left() - m_origin.x()) * s_perFine)),
                 std::min(m_fineColumns, floorOf((rect.right() - m_origin.x()) * s_perFine)) - 1,
                 std::max(0, ceilOf((rect.top() - m_origin.y()) * s_perFine)),
                 std::min(m_fineRows, floorOf((rect.bottom() - m_origin.y()) * s_perFine)) - 1 };
    }

    void fill(const Span &span)
    {
        for (int r = span.r0; r <= span.r1; ++r) {
            std::uint64_t *row = &m_full[std::size_t(r) * std::size_t(m_words)];
            for (int c = span.c0; c <= span.c1; ++c)
                row[c / 64] |= std::uint64_t(1) << (c % 64);
        }
    }

    // Cells of s_fine pixels wholly covered by a label or obstacle, one bit each: a position
    // that overlaps one is taken, found without looking at any item. Most positions tried in a
    // crowded picture are, and this is what keeps the search within its time.
    static constexpr qreal s_fine = 4;
    static constexpr qreal s_perFine = 1 / s_fine;

    // std::floor and std::ceil for grid coordinates, which the callers clamp to the grid; a
    // conversion and a comparison instead of the library's general rounding.
    static int floorOf(double v)
    {
        v = std::clamp(v, -1.0, 1e6);
        const int i = int(v);
        return i - (v < i ? 1 : 0);
    }
    static int ceilOf(double v)
    {
        v = std::clamp(v, -1.0, 1e6);
        const int i = int(v);
        return i + (v > i ? 1 : 0);
    }

    // What the tests read first; a leader's line is in m_lines, beside.
    struct Item
    {
        double left, top, right, bottom; // normalised
        int owner;
        Kind kind;

        QRectF rect() const { return QRectF(QPointF(left, top), QPointF(right, bottom)); }
        // As QRectF::intersects, without the call: an empty rectangle meets nothing.
        bool overlaps(double l, double t, double r, double b) const
        {
            return left != right && top != bottom && left < r && l < right && top < b && t < bottom;
        }
        // Whether the closed boxes meet: a segment through a rectangle's inside, or across
        // another segment, lies in a box that meets the other's.
        bool touches(double l, double t, double r, double b) const
        {
            return left <= r && l <= right && top <= b && t <= bottom;
        }
    };

    // Calls `f` with the items of every cell the segment passes through, walking the grid
    // from cell to cell (Amanatides and Woo), and both neighbours where it passes a corner;
    // stops, and returns false, when `f` does.
    template<typename F> bool forLineCells(const QLineF &line, F &&f)
    {
        const double x0 = (line.x1() - m_origin.x()) * m_perCellWidth,
                     y0 = (line.y1() - m_origin.y()) * m_perCellHeight;
        const double x1 = (line.x2() - m_origin.x()) * m_perCellWidth,
                     y1 = (line.y2() - m_origin.y()) * m_perCellHeight;
        const auto column = [&](double x) {
            return std::clamp(floorOf(x), 0, m_columns - 1);
        };
        const auto row = [&](double y) {
            return std::clamp(floorOf(y), 0, m_rows - 1);
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
            return f(m_cells[std::size_t(rr) * std::size_t(m_columns) + std::size_t(cc)]);
        };
        if (!visit(c, r))
            return false;
        while (c != c1 || r != r1) {
            if (c != c1 && (r == r1 || nextC < nextR)) {
                c += stepC;
                nextC += deltaC;
            } else if (r != r1 && (c == c1 || nextR < nextC)) {
                r += stepR;
                nextR += deltaR;
            } else {
                // Through a corner: the cells on both sides of it too.
                if (!visit(c + stepC, r) || !visit(c, r + stepR))
                    return false;
                c += stepC;
                r += stepR;
                nextC += deltaC;
                nextR += deltaR;
            }
            if (!visit(c, r))
                return false;
        }
        return true;
    }

    // Calls `f` with the items of every cell the rectangle meets; stops, and returns false,
    // when `f` does.
    template<typename F> bool forCells(const QRectF &rect, F &&f)
    {
        const int c0 = std::min(floorOf((rect.left() - m_origin.x()) * m_perCellWidth), m_columns - 1);
        const int c1 = std::min(floorOf((rect.right() - m_origin.x()) * m_perCellWidth), m_columns - 1);
        const int r0 = std::min(floorOf((rect.top() - m_origin.y()) * m_perCellHeight), m_rows - 1);
        const int r1 = std::min(floorOf((rect.bottom() - m_origin.y()) * m_perCellHeight), m_rows - 1);
        for (int r = std::max(r0, 0); r <= r1; ++r) {
            for (int c = std::max(c0, 0); c <= c1; ++c) {
                if (!f(m_cells[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)]))
                    return false;
            }
        }
        return true;
    }

    QPointF m_origin;
    qreal m_cellWidth;
    qreal m_cellHeight;
    qreal m_perCellWidth;
    qreal m_perCellHeight;
    int m_columns;
    int m_rows;
    std::vector<std::vector<std::uint32_t>> m_cells;
    std::vector<Item> m_items;
    std::vector<QLineF> m_lines; // a leader's, by item; null for the others
    int m_fineColumns;
    int m_fineRows;
    int m_words; // 64-bit words per row of fine cells
    std::vector<std::uint64_t> m_full;
};

} // namespace LabelGeometry
