#pragma once

#include <QColor>
#include <QString>

// The colour of an event kind, the same in the chart, its legend and the export. Known kinds
// have fixed colours; any other kind gets a stable one derived from its name.
namespace KindColors {
QColor color(const QString &kind);
QString displayName(const QString &kind); // "investment" → "Investment"; empty → "Other"
} // namespace KindColors
