#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

struct KindStyle;

// The colours of a timeline's event kinds, the same in the chart, its legend and the export:
// the colour the file gives a kind (its "kinds" array), else one of Paul Tol's "muted"
// qualitative palette, which stays distinct to colour-blind readers, given to the kinds in
// order of first appearance, skipping colours the file took, so that no two kinds of one
// timeline share a colour while the palette's nine last.
namespace KindColors {
// One colour per kind, in the same order.
QList<QColor> assign(const QStringList &kinds, const QList<KindStyle> &styles = {});
QColor none(); // for events without a kind
// The file's label for the kind, else "investment" → "Investment"; empty → "Other".
QString displayName(const QString &kind, const QList<KindStyle> &styles = {});
} // namespace KindColors
