#pragma once

#include "labelplacer.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QSet>
#include <QStaticText>

#include <memory>
#include <vector>

class QPainter;
class Timeline;

// The events' labels of one chart: asked for while a frame draws its marks, then placed all at
// once by LabelPlacer where they cover nothing and drawn, each joined to its mark by a leader
// when it had to move away. Last frame's places are tried first, so that labels stay put while
// the view zooms and pans; titles are measured once while the timeline and the font stay.
class EventLabels
{
public:
    // Starts a frame of `timeline` in `font`, `current` the selected event (or -1), in bold,
    // whose labels are to lie within `bounds` (paint()'s).
    void begin(const std::shared_ptr<const Timeline> &timeline, const QFont &font, int current,
               const QRectF &bounds);
    // Asks for a label for event `e` beside its `mark`, once a frame per event.
    void request(std::int32_t e, const QRectF &mark);
    void addObstacle(const QRectF &rect) { m_obstacles.push_back({ rect, -1 }); }
    // Another mark of event `e` (in another of its lanes), by which its label may stand; an
    // obstacle to every other label, and to its own when `e` gets no label this frame.
    void addOtherMark(std::int32_t e, const QRectF &rect) { m_otherMarks.emplace_back(e, rect); }
    // A connector between an event's marks in several lanes, which labels may stand over: it
    // passes under them, not through their text.
    void addConnector(const QLineF &line);
    bool isRequested(std::int32_t e) const { return m_labelOf.contains(e); }
    int requestedCount() const { return int(m_labels.size()); }

    // Places the requested labels within `bounds` and draws them; dimmed when the frame dims
    // other events than the current, whose label is drawn last, in a box of `background`.
    void paint(QPainter *painter, const QRectF &bounds, const QColor &text, const QColor &background,
               bool dimOthers);

    // Whether the labels are placed in one frame whatever it takes (a still picture: an export),
    // or within a frame's time, going on in the next frames where a frame stopped (a window).
    void setStill(bool still) { m_still = still; }
    // Whether the last frame's placement was cut short and the next frame would improve it.
    bool wantsAnotherFrame() const { return m_wantsAnotherFrame; }

    // How many events the last frame named.
    int labelledCount() const { return m_labelled; }
    // Where the last frame put the event's label; null when it had none.
    QRectF labelRect(int event) const { return m_labelRects.value(event); }
    // Whether the last frame showed the event's title whole (not shortened with an ellipsis).
    bool labelIsWhole(int event) const { return m_wholeLabels.contains(event); }

private:
    // Draws a label's title, shortened to `width` unless it is shown whole.
    void drawTitle(QPainter *painter, const QRectF &rect, const QString &title, bool whole);

    // This frame's.
    const Timeline *m_timeline = nullptr;
    int m_current = -1;
    qreal m_maxWidth = 0; // the widest a label may be, shortened beyond that
    QFont m_font;
    QFont m_bold;
    QFontMetricsF m_metrics { QFont() };
    QFontMetricsF m_boldMetrics { QFont() };
    std::vector<LabelPlacer::Label> m_labels;
    std::vector<int> m_labelEvent;
    std::vector<qreal> m_labelWidth; // the whole title's, by label
    std::vector<LabelPlacer::Obstacle> m_obstacles;
    std::vector<std::pair<std::int32_t, QRectF>> m_otherMarks; // by event, until paint() knows its label
    std::vector<QRectF> m_connectors;
    QHash<int, int> m_labelOf; // event → index into m_labels

    // Kept between frames.
    // Keyed by text, not by event number: an edit renumbers the events after it and retitles
    // in place, and neither may leave a label the width or the place of another title.
    std::weak_ptr<const Timeline> m_measuredOf; // the timeline whose titles the widths are of
    QFont m_measuredFont;
    QHash<QString, qreal> m_titleWidths; // by title
    QHash<QString, qreal> m_boldTitleWidths; // by title, for the current event
    // Titles laid out for drawing, by title and the width they were shortened to (in quarter
    // pixels; -1 whole): shaping text anew is most of what drawing a label costs.
    QHash<std::pair<QString, int>, QStaticText> m_titleTexts;
    // Where a label stood in the last frame, by event id, to be tried first in the next.
    struct Kept
    {
        int slot = -1;
        QRectF rect;
        QLineF leader;
        QRectF mark;
    };
    QHash<QString, Kept> m_kept;
    QHash<int, QRectF> m_labelRects; // event → its label's place in the last frame
    QSet<int> m_wholeLabels; // events whose titles the last frame showed whole
    int m_labelled = 0;
    bool m_still = false;
    // The last placement and what it was of: a frame that asks for the same labels with the same
    // obstacles (a repaint, or the frame after one that was cut short) starts from it.
    QRectF m_placedBounds;
    std::vector<LabelPlacer::Label> m_placedLabels;
    std::vector<LabelPlacer::Obstacle> m_placedObstacles;
    LabelPlacer::Result m_placed;
    int m_goneOn = 0; // frames that went on with the placement of the same input
    bool m_wantsAnotherFrame = false;
};
