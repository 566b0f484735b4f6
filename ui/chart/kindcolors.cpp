#include "kindcolors.h"

using namespace Qt::StringLiterals;

namespace KindColors {

QList<QColor> assign(const QStringList &kinds)
{
    // The darker colours first: the pale cyan and sand read less well on white.
    static const QColor palette[] = { QColor(0x33, 0x22, 0x88), QColor(0x44, 0xaa, 0x99),
                                      QColor(0xcc, 0x66, 0x77), QColor(0x11, 0x77, 0x33),
                                      QColor(0x88, 0x22, 0x55), QColor(0x99, 0x99, 0x33),
                                      QColor(0xaa, 0x44, 0x99), QColor(0x88, 0xcc, 0xee),
                                      QColor(0xdd, 0xcc, 0x77) };
    constexpr qsizetype size = qsizetype(std::size(palette));
    QList<QColor> colors;
    colors.reserve(kinds.size());
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        // Past the palette, its colours again, darker each round, so that neighbours still differ.
        QColor color = palette[i % size];
        for (qsizetype round = i / size; round > 0; --round)
            color = color.darker(135);
        colors.append(color);
    }
    return colors;
}

QColor none()
{
    return QColor(0x77, 0x77, 0x77);
}

QString displayName(const QString &kind)
{
    if (kind.isEmpty())
        return u"Other"_s;
    return kind.left(1).toUpper() + kind.mid(1);
}

} // namespace KindColors
