#include "kindcolors.h"

#include "timeline.h"

using namespace Qt::StringLiterals;

#include <QCoreApplication>

namespace KindColors {

namespace {

const KindStyle *styleOf(const QString &kind, const QList<KindStyle> &styles)
{
    for (const KindStyle &style : styles) {
        if (style.id == kind)
            return &style;
    }
    return nullptr;
}

} // namespace

QList<QColor> assign(const QStringList &kinds, const QList<KindStyle> &styles)
{
    // The darker colours first: the pale cyan and sand read less well on white.
    static const QColor palette[] = { QColor(0x33, 0x22, 0x88), QColor(0x44, 0xaa, 0x99),
                                      QColor(0xcc, 0x66, 0x77), QColor(0x11, 0x77, 0x33),
                                      QColor(0x88, 0x22, 0x55), QColor(0x99, 0x99, 0x33),
                                      QColor(0xaa, 0x44, 0x99), QColor(0x88, 0xcc, 0xee),
                                      QColor(0xdd, 0xcc, 0x77) };
    constexpr qsizetype size = qsizetype(std::size(palette));
    QList<QColor> colors(kinds.size());
    QList<QColor> taken;
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        if (const KindStyle *style = styleOf(kinds[i], styles); style && style->color.isValid()) {
            colors[i] = style->color;
            taken.append(style->color);
        }
    }
    qsizetype next = 0;
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        if (colors[i].isValid())
            continue;
        // Past the palette, its colours again, darker each round, so that neighbours still differ.
        QColor color;
        do {
            color = palette[next % size];
            for (qsizetype round = next / size; round > 0; --round)
                color = color.darker(135);
            ++next;
        } while (taken.contains(color) && next < 4 * size);
        colors[i] = color;
    }
    return colors;
}

QColor none()
{
    return QColor(0x77, 0x77, 0x77);
}

QString displayName(const QString &kind, const QList<KindStyle> &styles)
{
    if (kind.isEmpty())
        return QCoreApplication::translate("KindColors", "Other");
    return Timeline::kindLabel(kind, styles);
}

} // namespace KindColors
