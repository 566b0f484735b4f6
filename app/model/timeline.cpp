#include "timeline.h"

#include <algorithm>

qsizetype Timeline::indexOfEvent(QByteArrayView id) const
{
    const auto it =
        std::find_if(events.begin(), events.end(), [&](const Event &e) { return utf8(e.id) == id; });
    return it == events.end() ? -1 : it - events.begin();
}

std::optional<DateRange> Timeline::extent() const
{
    if (events.empty())
        return std::nullopt;
    DateRange range = events.front().range;
    range.precision = DateRange::Precision::Interval;
    range.qualifiers = 0;
    for (const Event &e : events) {
        range.first = std::min(range.first, e.range.first);
        range.last = std::max(range.last, e.range.last);
    }
    return range;
}

QString Timeline::kindLabel(const QString &kind, const QList<KindStyle> &styles)
{
    for (const KindStyle &style : styles) {
        if (style.id == kind && !style.label.isEmpty())
            return style.label;
    }
    return kind.left(1).toUpper() + kind.mid(1);
}
