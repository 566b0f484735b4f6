#include "kindcolors.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace KindColors {

QColor color(const QString &kind)
{
    static const QHash<QString, QColor> known = {
        { u"investment"_s, QColor(0x2e, 0x7d, 0x32) }, { u"partnership"_s, QColor(0x15, 0x65, 0xc0) },
        { u"product"_s, QColor(0xef, 0x6c, 0x00) },    { u"people"_s, QColor(0x8e, 0x24, 0xaa) },
        { u"statement"_s, QColor(0x00, 0x83, 0x8f) },  { u"report"_s, QColor(0x6d, 0x4c, 0x41) },
        { u"dispute"_s, QColor(0xc6, 0x28, 0x28) },    { u"organization"_s, QColor(0x45, 0x5a, 0x64) },
    };
    const auto it = known.constFind(kind);
    if (it != known.cend())
        return *it;
    if (kind.isEmpty())
        return QColor(0x75, 0x75, 0x75);
    return QColor::fromHsl(int(qHash(kind, 0) % 360), 150, 95);
}

QString displayName(const QString &kind)
{
    if (kind.isEmpty())
        return u"Other"_s;
    return kind.left(1).toUpper() + kind.mid(1);
}

} // namespace KindColors
