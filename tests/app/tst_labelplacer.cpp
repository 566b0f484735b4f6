#include "labelplacer.h"
#include "testutils.h"
#include "timeline.h"
#include "timelineloader.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

// The label placer behind the chart and every export: where each event's name goes.
class TestLabelPlacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleLabel_data();
    void singleLabel();
    void nothingOverlaps_data();
    void nothingOverlaps();
    void everyLabelPlacedWhenThereIsRoom_data();
    void everyLabelPlacedWhenThereIsRoom();
    void clusterKeepsDateOrder_data();
    void clusterKeepsDateOrder();
    void requiredLabelAlwaysShows();
    void labelStandsByAnyOfItsMarks_data();
    void labelStandsByAnyOfItsMarks();
    void labelCoversNoneOfItsMarks();
    void hintKeepsThePlace();
    void keptPlaceComesFirst();
    void budgetStopsAndGoesOn();
    void embeddedTimelineIsNamed_data();
    void embeddedTimelineIsNamed();
};

namespace {

using Label = LabelPlacer::Label;
using Obstacle = LabelPlacer::Obstacle;
using Placement = LabelPlacer::Placement;

constexpr qreal s_lineHeight = 15;
constexpr qreal s_charWidth = 6.5; // about DejaVu Sans at 9 pt

Label dot(QPointF centre, qreal width, double date = 0)
{
    Label label;
    label.mark = QRectF(centre - QPointF(5.5, 5.5), QSizeF(11, 11));
    label.size = QSizeF(width, s_lineHeight);
    label.minWidth = std::min(width, 40.0);
    label.date = date;
    return label;
}

// Checks what the placer promises of any placement; returns the first broken promise.
QString brokenPromise(const QRectF &bounds, std::span<const Label> labels,
                      std::span<const Obstacle> obstacles, const std::vector<Placement> &placed)
{
    if (placed.size() != labels.size())
        return u"a placement per label"_s;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const Placement &p = placed[i];
        if (!p.isPlaced())
            continue;
        const QRectF r = p.rect;
        if (!bounds.contains(r))
            return u"label %1 outside the bounds"_s.arg(i);
        if (r.width() > labels[i].size.width() + 0.01
            || r.width() + 0.01 < std::min(labels[i].minWidth, labels[i].size.width()))
            return u"label %1 has a width out of its range"_s.arg(i);
        for (std::size_t j = 0; j < placed.size(); ++j) {
            if (j == i)
                continue;
            if (placed[j].isPlaced() && placed[j].rect.intersects(r))
                return u"labels %1 and %2 overlap"_s.arg(i).arg(j);
            if (labels[j].mark.intersects(r))
                return u"label %1 covers the mark of %2"_s.arg(i).arg(j);
            if (placed[j].isPlaced() && !placed[j].leader.isNull()) {
                // A leader through a label's inside; sampled, the test's own arithmetic.
                const QRectF inner = r.adjusted(0.5, 0.5, -0.5, -0.5);
                for (int s = 0; s <= 64; ++s) {
                    if (inner.contains(placed[j].leader.pointAt(s / 64.0)))
                        return u"the leader of %1 crosses label %2"_s.arg(j).arg(i);
                }
            }
        }
        for (const Obstacle &o : obstacles) {
            if (o.owner != int(i) && o.rect.intersects(r))
                return u"label %1 covers an obstacle"_s.arg(i);
        }
    }
    return {};
}

// `count` dots at random places in `bounds` (seeded), labels of 8 to 30 characters.
std::vector<Label> randomDots(const QRectF &bounds, int count, quint32 seed, qreal clustering)
{
    QRandomGenerator random(seed);
    std::vector<Label> labels;
    QPointF last = bounds.center();
    for (int i = 0; i < count; ++i) {
        QPointF at(bounds.left() + 10 + random.bounded(bounds.width() - 20),
                   bounds.top() + 10 + random.bounded(bounds.height() - 20));
        // Some land near the previous one: clusters.
        if (random.bounded(1.0) < clustering)
            at = last + QPointF(random.bounded(6.0), (random.bounded(3) - 1) * 20.0);
        at.setX(std::clamp(at.x(), bounds.left() + 6, bounds.right() - 6));
        at.setY(std::clamp(at.y(), bounds.top() + 6, bounds.bottom() - 6));
        last = at;
        labels.push_back(dot(at, (8 + random.bounded(23)) * s_charWidth, at.x()));
    }
    return labels;
}

} // namespace

void TestLabelPlacer::singleLabel_data()
{
    QTest::addColumn<QPointF>("centre");
    QTest::addColumn<QList<QRectF>>("walls");
    QTest::addColumn<int>("side"); // 1 right of the mark, -1 left of it, 0 over or under it
    QTest::addColumn<bool>("leader");
    // In 800×400 bounds from (0, 0); a 100-pixel label.
    QTest::newRow("room on the right") << QPointF(100, 200) << QList<QRectF>() << 1 << false;
    QTest::newRow("at the right edge") << QPointF(790, 200) << QList<QRectF>() << 0 << false;
    QTest::newRow("a neighbour's mark on the right")
        << QPointF(100, 200) << QList<QRectF> { QRectF(112, 195, 10, 10) } << 0 << false;
    QTest::newRow("marks on the right, above and below")
        << QPointF(300, 200)
        << QList<QRectF> { QRectF(312, 195, 10, 10), QRectF(260, 176, 200, 10), QRectF(260, 214, 200, 10) }
        << -1 << false;
    QTest::newRow("walled in close on every side")
        << QPointF(400, 200)
        << QList<QRectF> { QRectF(200, 150, 190, 100), QRectF(410, 150, 190, 100), QRectF(390, 150, 20, 40),
                           QRectF(390, 210, 20, 40) }
        << 0 << true;
}

void TestLabelPlacer::singleLabel()
{
    QFETCH(QPointF, centre);
    QFETCH(QList<QRectF>, walls);
    QFETCH(int, side);
    QFETCH(bool, leader);
    const QRectF bounds(0, 0, 800, 400);
    const std::vector<Label> labels { dot(centre, 100) };
    std::vector<Obstacle> obstacles;
    for (const QRectF &wall : std::as_const(walls))
        obstacles.push_back({ wall });
    const auto placed = LabelPlacer::place(bounds, labels, obstacles);
    QVERIFY(placed[0].isPlaced());
    QCOMPARE(brokenPromise(bounds, labels, obstacles, placed), QString());
    const QRectF r = placed[0].rect;
    QCOMPARE(r.width(), 100.0);
    if (side > 0)
        QVERIFY(r.left() >= centre.x());
    else if (side < 0)
        QVERIFY(r.right() <= centre.x());
    else
        QVERIFY(r.bottom() <= centre.y() - 5.5 || r.top() >= centre.y() + 5.5);
    QCOMPARE(!placed[0].leader.isNull(), leader);
}

void TestLabelPlacer::nothingOverlaps_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("clustering");
    QTest::addColumn<int>("obstacles");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 12; ++seed) {
        QTest::addRow("20 spread, seed %u", seed) << 20 << 0.0 << 0 << seed;
        QTest::addRow("300 crowded, seed %u", seed) << 300 << 0.5 << 20 << seed;
        QTest::addRow("60 in clusters with obstacles, seed %u", seed) << 60 << 0.8 << 40 << seed;
    }
}

void TestLabelPlacer::nothingOverlaps()
{
    QFETCH(int, count);
    QFETCH(double, clustering);
    QFETCH(int, obstacles);
    QFETCH(quint32, seed);
    const QRectF bounds(150, 40, 1380, 640);
    std::vector<Label> labels = randomDots(bounds, count, seed, clustering);
    QRandomGenerator random(seed * 7 + 1);
    std::vector<Obstacle> walls;
    for (int i = 0; i < obstacles; ++i)
        walls.push_back({ QRectF(bounds.left() + random.bounded(bounds.width()),
                                 bounds.top() + random.bounded(bounds.height()), 10 + random.bounded(120.0),
                                 4 + random.bounded(30.0)) });
    // Leave the marks clear of the walls, as a chart draws them.
    std::erase_if(labels, [&](const Label &l) {
        return std::any_of(walls.begin(), walls.end(),
                           [&](const Obstacle &o) { return o.rect.intersects(l.mark); });
    });
    labels.front().required = true;
    const auto placed = LabelPlacer::place(bounds, labels, walls);
    QCOMPARE(brokenPromise(bounds, labels, walls, placed), QString());
    QVERIFY(placed.front().isPlaced());
}

void TestLabelPlacer::everyLabelPlacedWhenThereIsRoom_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("clustering");
    QTest::addColumn<quint32>("seed");
    // 40 labels of at most 195×15 pixels take under a tenth of the 1380×640 bounds.
    // Clustered rows belong here too, but the greedy placer can still wall a mark in with its
    // neighbours' labels (two seeds in twenty at clustering 0.2): not yet promised.
    for (quint32 seed = 1; seed <= 20; ++seed)
        QTest::addRow("40 spread, seed %u", seed) << 40 << 0.0 << seed;
}

void TestLabelPlacer::everyLabelPlacedWhenThereIsRoom()
{
    QFETCH(int, count);
    QFETCH(double, clustering);
    QFETCH(quint32, seed);
    const QRectF bounds(150, 40, 1380, 640);
    const std::vector<Label> labels = randomDots(bounds, count, seed, clustering);
    const auto placed = LabelPlacer::place(bounds, labels, {});
    QCOMPARE(brokenPromise(bounds, labels, {}, placed), QString());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        QVERIFY2(placed[i].isPlaced(), qPrintable(u"label %1 left out"_s.arg(i)));
        QCOMPARE(placed[i].rect.width(), labels[i].size.width());
    }
}

void TestLabelPlacer::clusterKeepsDateOrder_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<qreal>("x"); // of the cluster, in 1380-pixel-wide bounds from 150
    // The marks spread over this many lanes 50 pixels apart, the earliest in the top lane.
    QTest::addColumn<int>("lanes");
    QTest::newRow("5 in one lane at the right edge") << 5 << 1525.0 << 1;
    QTest::newRow("5 over 5 lanes at the right edge") << 5 << 1525.0 << 5;
    QTest::newRow("12 in one lane in the middle") << 12 << 800.0 << 1;
    QTest::newRow("20 over 3 lanes at the left edge") << 20 << 155.0 << 3;
    QTest::newRow("30 over 8 lanes in the middle") << 30 << 700.0 << 8;
}

void TestLabelPlacer::clusterKeepsDateOrder()
{
    QFETCH(int, count);
    QFETCH(qreal, x);
    QFETCH(int, lanes);
    const QRectF bounds(150, 40, 1380, 640);
    std::vector<Label> labels;
    // Marks within 8 pixels, in one day or a few, listed out of date order.
    for (int i = 0; i < count; ++i) {
        const int order = (i * 7) % count;
        const QPointF at(std::min(x + order * 8.0 / count, bounds.right() - 6),
                         300 + (order * lanes / count) * 50);
        labels.push_back(dot(at, (10 + (i * 5) % 20) * s_charWidth, order));
    }
    const auto placed = LabelPlacer::place(bounds, labels, {});
    QCOMPARE(brokenPromise(bounds, labels, {}, placed), QString());
    std::vector<std::size_t> byDate(labels.size());
    std::iota(byDate.begin(), byDate.end(), 0);
    std::sort(byDate.begin(), byDate.end(), [&](auto a, auto b) { return labels[a].date < labels[b].date; });
    // Labels beside their own marks follow the marks; those in a column, the dates.
    const Placement *above = nullptr;
    for (std::size_t k = 0; k < byDate.size(); ++k) {
        const Placement &p = placed[byDate[k]];
        QVERIFY2(p.isPlaced(), qPrintable(u"label %1 left out"_s.arg(k)));
        if (p.leader.isNull())
            continue;
        if (above)
            QVERIFY2(above->rect.bottom() <= p.rect.top(),
                     qPrintable(u"label %1 above the one before it"_s.arg(k)));
        above = &p;
    }
    for (std::size_t a = 0; a < placed.size(); ++a) {
        for (std::size_t b = a + 1; b < placed.size(); ++b) {
            QPointF at;
            if (placed[a].leader.isNull() || placed[b].leader.isNull()
                || placed[a].leader.intersects(placed[b].leader, &at) != QLineF::BoundedIntersection)
                continue;
            const bool atStart = QLineF(at, placed[a].leader.p1()).length() < 0.5
                && QLineF(at, placed[b].leader.p1()).length() < 0.5;
            QVERIFY2(atStart, qPrintable(u"the leaders of %1 and %2 cross"_s.arg(a).arg(b)));
        }
    }
}

void TestLabelPlacer::requiredLabelAlwaysShows()
{
    // Walled in on every side, with no room anywhere.
    const QRectF bounds(0, 0, 200, 40);
    std::vector<Label> labels { dot(QPointF(100, 20), 150) };
    labels[0].required = true;
    const std::vector<Obstacle> walls { { QRectF(0, 0, 94, 40) },
                                        { QRectF(106, 0, 94, 40) },
                                        { QRectF(94, 0, 12, 14) },
                                        { QRectF(94, 26, 12, 14) } };
    const auto placed = LabelPlacer::place(bounds, labels, walls);
    QVERIFY(placed[0].isPlaced());
    QVERIFY(bounds.contains(placed[0].rect));
    labels[0].required = false;
    QVERIFY(!LabelPlacer::place(bounds, labels, walls)[0].isPlaced());
}

void TestLabelPlacer::labelStandsByAnyOfItsMarks_data()
{
    // An event drawn in two lanes: its label's own mark at (100, 60), its other mark (an
    // obstacle it owns) at (100, 300). Walls fill the first lane's row or not.
    QTest::addColumn<bool>("walled");
    QTest::addColumn<QPointF>("near"); // the mark the label is to stand by
    QTest::newRow("first lane free") << false << QPointF(100, 60);
    QTest::newRow("first lane full") << true << QPointF(100, 300);
}

void TestLabelPlacer::labelStandsByAnyOfItsMarks()
{
    QFETCH(bool, walled);
    QFETCH(QPointF, near);
    const QRectF bounds(0, 0, 800, 400);
    std::vector<Label> labels { dot(QPointF(100, 60), 300) };
    std::vector<Obstacle> obstacles { { QRectF(94.5, 294.5, 11, 11), 0 } };
    if (walled) {
        // Everything a leader of the first mark could reach: the rows of the first half.
        obstacles.push_back({ QRectF(0, 0, 94, 200) });
        obstacles.push_back({ QRectF(106, 0, 694, 200) });
        obstacles.push_back({ QRectF(94, 0, 12, 54) });
        obstacles.push_back({ QRectF(94, 66, 12, 134) });
    }
    const auto placed = LabelPlacer::place(bounds, labels, obstacles);
    QCOMPARE(brokenPromise(bounds, labels, obstacles, placed), QString());
    QVERIFY(placed[0].isPlaced());
    QCOMPARE(placed[0].rect.width(), labels[0].size.width()); // whole
    // Beside its other mark, not over it: that would hide where the event is drawn.
    QVERIFY(!placed[0].rect.intersects(obstacles[0].rect));
    // Beside that mark, with no leader: the label names the event where it is drawn.
    QVERIFY2(placed[0].leader.isNull(),
             qPrintable(u"a leader from (%1, %2)"_s.arg(placed[0].leader.x1()).arg(placed[0].leader.y1())));
    QVERIFY2(std::abs(placed[0].rect.center().y() - near.y()) <= labels[0].size.height(),
             qPrintable(u"at y %1"_s.arg(placed[0].rect.center().y())));
}

void TestLabelPlacer::labelCoversNoneOfItsMarks()
{
    // Two lanes close together, the event in both: the only free room wide enough for the whole
    // title lies over its own first mark, as a label standing on its other mark would. It
    // stands beside them instead, shortened.
    const QRectF bounds(0, 0, 800, 200);
    std::vector<Label> labels { dot(QPointF(100, 60), 300) };
    const std::vector<Obstacle> obstacles { { QRectF(94.5, 74.5, 11, 11), 0 },
                                            { QRectF(0, 0, 800, 56) },
                                            { QRectF(0, 88, 800, 112) },
                                            { QRectF(0, 56, 94, 32) },
                                            { QRectF(405, 56, 395, 32) } };
    const auto placed = LabelPlacer::place(bounds, labels, obstacles);
    QCOMPARE(brokenPromise(bounds, labels, obstacles, placed), QString());
    QVERIFY(placed[0].isPlaced());
    QVERIFY(!placed[0].rect.intersects(labels[0].mark));
    QVERIFY(!placed[0].rect.intersects(obstacles[0].rect));
}

void TestLabelPlacer::hintKeepsThePlace()
{
    // A label that took its second choice keeps it when its first is free again, and lets go
    // only when the hint's place is taken.
    const QRectF bounds(0, 0, 800, 400);
    std::vector<Label> labels { dot(QPointF(100, 200), 100) };
    const std::vector<Obstacle> wall { { QRectF(110, 190, 120, 20) } };
    const Placement first = LabelPlacer::place(bounds, labels, wall)[0];
    QVERIFY(first.isPlaced());
    const Placement free = LabelPlacer::place(bounds, labels, {})[0];
    QVERIFY(free.slot != first.slot);
    labels[0].hint = first.slot;
    QCOMPARE(LabelPlacer::place(bounds, labels, {})[0].rect, first.rect);
}

void TestLabelPlacer::keptPlaceComesFirst()
{
    // The place a label had in the last frame, moved with its mark, is taken before any the
    // greedy order would choose, leader and all, while it is free; taken, the label goes
    // where it would have gone without it.
    const QRectF bounds(0, 0, 800, 400);
    std::vector<Label> labels { dot(QPointF(100, 200), 100) };
    const Placement usual = LabelPlacer::place(bounds, labels, {})[0];
    QVERIFY(usual.isPlaced());
    labels[0].kept = QRectF(QPointF(130, 150), labels[0].size);
    labels[0].keptLeader = QLineF(QPointF(104, 200), QPointF(130, 157.5));
    labels[0].hint = LabelPlacer::s_farSlot + 7;
    const Placement kept = LabelPlacer::place(bounds, labels, {})[0];
    QCOMPARE(kept.rect, labels[0].kept);
    QCOMPARE(kept.leader, labels[0].keptLeader);
    QCOMPARE(kept.slot, labels[0].hint);
    const std::vector<Obstacle> taken { { QRectF(150, 140, 20, 30) } };
    const Placement moved = LabelPlacer::place(bounds, labels, taken)[0];
    QVERIFY(moved.isPlaced());
    QCOMPARE(moved.rect, usual.rect);
    // A label that was shortened, or retitled since, is placed afresh.
    labels[0].kept.setWidth(labels[0].size.width() / 2);
    QCOMPARE(LabelPlacer::place(bounds, labels, {})[0].rect, usual.rect);
}

void TestLabelPlacer::budgetStopsAndGoesOn()
{
    // A crowded small picture: the first greedy pass leaves labels out, and the passes after it
    // would take long. Within a frame's budget they stop, say so, and the next call goes on from
    // there, never losing a label it had.
    const QRectF bounds(0, 0, 700, 300);
    const std::vector<Label> labels = randomDots(bounds, 40, 7, 0.5);
    LabelPlacer::Options options;
    options.refineBudget = 3000;
    const auto placedCount = [](const std::vector<Placement> &placed) {
        return std::count_if(placed.begin(), placed.end(), [](const Placement &p) { return p.isPlaced(); });
    };
    LabelPlacer::Result result = LabelPlacer::placeWithin(bounds, labels, {}, options);
    QVERIFY(!result.complete);
    QCOMPARE(brokenPromise(bounds, labels, {}, result.placements), QString());
    const auto whole = LabelPlacer::place(bounds, labels, {});
    QVERIFY(placedCount(whole) > placedCount(result.placements));
    for (int frame = 0; frame < 200 && !result.complete; ++frame) {
        const auto before = placedCount(result.placements);
        result = LabelPlacer::placeWithin(bounds, labels, {}, options, result.placements);
        QCOMPARE(brokenPromise(bounds, labels, {}, result.placements), QString());
        QVERIFY(placedCount(result.placements) >= before);
    }
}

void TestLabelPlacer::embeddedTimelineIsNamed_data()
{
    QTest::addColumn<QSizeF>("area"); // the chart's event area at an export size
    QTest::addColumn<int>("named");
    QTest::addColumn<int>("whole"); // of those, at least this many not shortened
    // Sizes of the real chart are checked on the chart itself (tst_timelinechart); this is
    // the placer alone, on a plainer layout of the same events.
    QTest::newRow("3840×2160") << QSizeF(3620, 1880) << 16 << 16;
    QTest::newRow("2400×1200") << QSizeF(2200, 960) << 16 << 16;
    // Tight widths, where the January 2025 cluster's column has to stand in the lanes below.
    QTest::newRow("1200×600") << QSizeF(1000, 460) << 15 << 13;
    QTest::newRow("1000×540") << QSizeF(820, 400) << 16 << 15;
}

void TestLabelPlacer::embeddedTimelineIsNamed()
{
    QFETCH(QSizeF, area);
    QFETCH(int, named);
    QFETCH(int, whole);
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.timeline);
    const Timeline &t = *result.timeline;
    // Laid out as the chart lays it: a lane per actor in file order, an event labelled in its
    // top lane and marked in all of its lanes, time across the whole timeline.
    const QRectF bounds(QPointF(150, 40), area);
    const double first = t.events.front().range.first;
    double last = first;
    for (const Event &e : t.events)
        last = std::max(last, double(e.range.last + 1));
    const double margin = (last - first) * 0.02;
    const auto x = [&](double day) {
        return bounds.left() + (day - first + margin) * bounds.width() / (last - first + 2 * margin);
    };
    const qreal laneHeight = bounds.height() / qreal(t.actors.size());
    std::vector<Label> labels;
    std::vector<Obstacle> marks;
    for (const Event &e : t.events) {
        const auto actors = t.actorsOf(e);
        const int top = *std::min_element(actors.begin(), actors.end());
        const auto markIn = [&](int lane) {
            const qreal cy = bounds.top() + (lane + 0.5) * laneHeight;
            if (e.range.precision == DateRange::Precision::Day)
                return QRectF(x(e.range.first) - 5.5, cy - 5.5, 11, 11);
            return QRectF(x(e.range.first), cy - 6, std::max(3.0, x(e.range.last + 1) - x(e.range.first)),
                          12);
        };
        Label label;
        label.mark = markIn(top);
        label.size = QSizeF(t.text(e.title).size() * s_charWidth, s_lineHeight);
        label.minWidth = 12 * s_charWidth;
        label.date = e.range.first;
        labels.push_back(label);
        for (const int actor : actors) {
            if (actor != top)
                marks.push_back({ markIn(actor), int(labels.size() - 1) });
        }
    }
    const auto placed = LabelPlacer::place(bounds, labels, marks);
    QCOMPARE(brokenPromise(bounds, labels, marks, placed), QString());
    const auto count =
        std::count_if(placed.begin(), placed.end(), [&](const Placement &p) { return p.isPlaced(); });
    QVERIFY2(count >= named, qPrintable(u"%1 of %2 named"_s.arg(count).arg(labels.size())));
    std::ptrdiff_t wholeCount = 0;
    for (std::size_t i = 0; i < placed.size(); ++i)
        wholeCount += placed[i].isPlaced() && placed[i].rect.width() >= labels[i].size.width() - 0.01 ? 1 : 0;
    QVERIFY2(wholeCount >= whole, qPrintable(u"%1 of %2 whole"_s.arg(wholeCount).arg(labels.size())));
}

SOURCELINE_TEST_MAIN(TestLabelPlacer)
#include "tst_labelplacer.moc"
