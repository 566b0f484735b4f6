#pragma once

#include <QColor>
#include <QLineF>
#include <QList>
#include <QRectF>

#include <cstdint>
#include <utility>

class KindPalette;
class MarkSprites;
class QPainter;
class Timeline;
class TimelineChart;
struct Emphasis;
struct Event;
struct MarkGeometry;

// Draws events' outlined marks for one frame: a dot for a day, a bar for a longer range with
// an outline that says how sure its date is, drafts hollow, and a connector from an event's
// top lane down through the other lanes it is in.
class MarkPainter
{
public:
    MarkPainter(QPainter *painter, const TimelineChart &chart, const MarkGeometry &geometry,
                const KindPalette &palette, const Emphasis &emphasis, MarkSprites &sprites);

    // The top shown row in view and the bottom shown row of the event's lanes; `fallbackRow`
    // for either when there is none.
    std::pair<int, int> rowsOf(const Event &event, int fallbackRow) const;
    // Draws event `e`'s mark in the lane at `row` in sub-row `slot`, and returns where.
    QRectF draw(int row, std::int32_t e, int slot);
    // The connector that the last draw() drew down through the event's other lanes; null when
    // it drew none.
    QLineF lastConnector() const { return m_connector; }

private:
    // Where a connector down to the lane at `bottomRow` ends: there, or at the bottom of the
    // lanes' area when that lane is scrolled out of view below it.
    qreal connectorEnd(int bottomRow) const;
    // Draws m_connector in the event's colour; `current` for the selected event's.
    void drawConnector(QColor color, qreal width, Qt::PenStyle style, bool current);

    QPainter *m_painter;
    const TimelineChart &m_chart;
    const MarkGeometry &m_geometry;
    const KindPalette &m_palette;
    const Emphasis &m_emphasis;
    MarkSprites &m_sprites;
    const Timeline &m_timeline;
    QList<int> m_rowOfActor; // which shown row each actor is in, or -1
    int m_firstRow; // the first row in view
    qreal m_lanesBottom;
    QLineF m_connector;
};
