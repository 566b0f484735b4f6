#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

// The colours of a timeline's event kinds, the same in the chart, its legend and the export:
// Paul Tol's "muted" qualitative palette, which stays distinct to colour-blind readers, given
// to the kinds in order of first appearance, so that no two kinds of one timeline share a
// colour while the palette's nine last.
namespace KindColors {
QList<QColor> assign(const QStringList &kinds); // one colour per kind, in the same order
QColor none(); // for events without a kind
QString displayName(const QString &kind); // "investment" → "Investment"; empty → "Other"
} // namespace KindColors
