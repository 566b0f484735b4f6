#include "kindpalette.h"

#include "emphasis.h"
#include "kindcolors.h"
#include "timeline.h"

void KindPalette::follow(const std::shared_ptr<const Timeline> &timeline)
{
    const Timeline &t = *timeline;
    // An edit adds a kind to the timeline it edits in place.
    if (m_of.lock() == timeline && m_colors.size() == std::size_t(t.kinds.size()) + 1)
        return;
    m_colors.clear();
    m_colors.reserve(std::size_t(t.kinds.size()) + 1);
    m_colors.push_back(KindColors::none());
    for (const QColor &color : KindColors::assign(t.kinds, t.kindStyles))
        m_colors.push_back(color);
    m_pixels.resize(m_colors.size() * 4);
    for (std::size_t k = 0; k < m_colors.size(); ++k) {
        for (int variant = 0; variant < 4; ++variant) {
            const qreal alpha = (variant & 1 ? 1.0 : 0.28) * (variant & 2 ? 1.0 : 0.75);
            m_pixels[k * 4 + std::size_t(variant)] = premultiplied(m_colors[k], alpha);
        }
    }
    m_of = timeline;
    ++m_revision;
}

QColor KindPalette::colorOf(const Event &event, std::int32_t e, const Emphasis &emphasis) const
{
    QColor color = m_colors[std::size_t(event.kind + 1)];
    if (!emphasis.isProminent(e))
        color.setAlphaF(0.28f);
    return color;
}

QRgb KindPalette::premultiplied(QColor color, qreal alpha)
{
    color.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return qPremultiply(color.rgba());
}
