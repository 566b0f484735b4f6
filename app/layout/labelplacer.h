#pragma once

#include <QLineF>
#include <QRectF>
#include <QSizeF>

#include <span>
#include <vector>

// Places the labels of a chart's marks so that no label covers another label, a leader, an
// obstacle (an era title, a lane name, a density strip) or any mark but its own. A label stands
// beside its mark when there is room there; else in free space nearby, joined to its mark by a
// leader line. Marks a few pixels apart form a cluster, whose labels stand in one column in date
// order, so that the leaders fan out without crossing. Only when nothing fits is a label
// shortened (to no less than its minimum width) and, failing that, left out; a required label
// (the selected event's) is always placed. Pure: the same input gives the same placement.
class LabelPlacer
{
public:
    struct Label
    {
        QRectF mark; // the label's own mark, which it may touch
        QSizeF size; // of the whole text
        qreal minWidth = 0; // the narrowest it may be shortened to; 0 when it may not be
        double date = 0; // orders the labels of a cluster
        bool required = false;
        // The slot this label had in the last frame (Placement::slot), tried first so that
        // labels keep their places while the view zooms and pans; -1 for none.
        int hint = -1;
        // Where the label stood in the last frame, and its leader, moved with its mark: tried
        // before any other place, whatever the greedy order, so that a label stays beside its
        // mark while neighbours join or leave its cluster. Null for none; used only for a label
        // that stood there whole.
        QRectF kept;
        QLineF keptLeader;
    };
    struct Obstacle
    {
        QRectF rect;
        int owner = -1; // the label whose mark this is (a mark in another lane), or -1
    };
    struct Placement
    {
        QRectF rect; // where the text goes; narrower than Label::size when shortened
        QLineF leader; // from the mark to the label; null when the label stands beside its mark
        int slot = -1; // which position it took; -1 when the label is left out
        bool isPlaced() const { return slot >= 0; }
        friend bool operator==(const Placement &, const Placement &) = default;
    };
    struct Options
    {
        qreal gap = 2; // between a label and anything else
        qreal leaderRun = 10; // the shortest horizontal run of a leader
        qreal clusterDistance = 8; // marks closer than this (horizontally) form a cluster
        // Positions checked, over all labels: bounds the time a frame spends on labels that
        // cannot be placed near their marks. Places beside a mark are checked regardless.
        int searchBudget = 12000;
        // As searchBudget, for a picture of more than s_smallPicture labels, which gets its
        // first greedy order and no pass after it: the search is most of its time, and a
        // window's frame of 300 labels takes about 2 ms with this.
        int crowdedSearchBudget = 6000;
        // Work, in positions checked, that the passes after the first may do between them
        // (other greedy orders, moving labels to make room, gathering neighbours in columns),
        // for pictures of up to s_smallPicture labels. A still picture can afford the default;
        // a window's frame gives less, and continues in the next frame where this one stopped.
        // 0: none; the call stops after its first greedy pass, incomplete, for a later call to
        // go on with.
        qint64 refineBudget = 50'000'000;
    };
    struct Result
    {
        std::vector<Placement> placements; // one per label, in the labels' order
        bool complete = true; // false when refineBudget ran out before the passes were done
        // When cut short, the pass after the first greedy one that a call given this result
        // as `from` starts with (see s_passes).
        int nextPass = 0;
    };

    // One placement per label, in the labels' order. Labels lie within `bounds`.
    static std::vector<Placement> place(const QRectF &bounds, std::span<const Label> labels,
                                        std::span<const Obstacle> obstacles, const Options &options);
    static std::vector<Placement> place(const QRectF &bounds, std::span<const Label> labels,
                                        std::span<const Obstacle> obstacles)
    {
        return place(bounds, labels, obstacles, Options());
    }
    // As place(), and says whether the budget cut it short; given `from`, the placement of an
    // earlier call with the same input that was cut short, it goes on improving that one.
    static Result placeWithin(const QRectF &bounds, std::span<const Label> labels,
                              std::span<const Obstacle> obstacles, const Options &options,
                              std::span<const Placement> from = {});
    // As above, going on from `from`, an earlier call's result for the same input, at the pass
    // where its budget cut it short: successive calls, each within its budget, end with the
    // placement one call with a budget large enough would have made. A complete `from` is
    // not gone on with: the call starts afresh.
    static Result placeWithin(const QRectF &bounds, std::span<const Label> labels,
                              std::span<const Obstacle> obstacles, const Options &options,
                              const Result &from);

    // Pictures of up to this many labels get every greedy order and the passes after it.
    static constexpr std::size_t s_smallPicture = 60;
    // The passes over a small picture: the first greedy order (0), the other greedy orders
    // (to s_strategies), three rounds of making room, gathering columns, lengthening, and
    // placing whole anywhere what is still shortened or left out.
    static constexpr int s_strategies = 4;
    static constexpr int s_passes = s_strategies + 6;

    // Slots: below s_stackSlot a label of its own (beside its mark or displaced); from
    // s_stackSlot, one of a cluster's column; from s_farSlot, found by the far search.
    static constexpr int s_stackSlot = 1 << 20;
    static constexpr int s_farSlot = 1 << 24;
};
