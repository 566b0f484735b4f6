#pragma once

#include <QColor>
#include <QRgb>

#include <cstdint>
#include <memory>
#include <vector>

struct Emphasis;
struct Event;
struct Timeline;

// The chart's colours of a timeline's event kinds (KindColors), looked up once a timeline
// rather than per mark: a frame may colour thousands of marks, and a density raster millions
// of pixels.
class KindPalette
{
public:
    // Looks the colours up again when `timeline` is not the one they were for, or an edit
    // gave it another kind.
    void follow(const std::shared_ptr<const Timeline> &timeline);
    // Changes whenever the colours are looked up again.
    std::uint64_t revision() const { return m_revision; }

    // The event's colour, faded when the frame dims it.
    QColor colorOf(const Event &event, std::int32_t e, const Emphasis &emphasis) const;
    // The same as plain pixels, for compact marks: by (kind + 1) * 4 + variant, where the
    // variant is 1 for a prominent event plus 2 for a point.
    const std::vector<QRgb> &pixels() const { return m_pixels; }

    static QRgb premultiplied(QColor color, qreal alpha);

private:
    std::weak_ptr<const Timeline> m_of; // the timeline whose kinds' colours these are
    std::vector<QColor> m_colors; // by kind + 1
    std::vector<QRgb> m_pixels;
    std::uint64_t m_revision = 0;
};
