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

void Source::setField(Field field, const QString &value)
{
    // The fields are packed afresh into an array of the source's own: the one they were in may
    // be the file's, shared with the timeline and every other source.
    const QByteArray changed = value.toUtf8();
    std::array<QByteArrayView, 4> parts;
    qsizetype size = 0;
    for (std::size_t f = 0; f < parts.size(); ++f) {
        parts[f] = f == std::size_t(field) ? QByteArrayView(changed) : utf8(Field(f));
        size += parts[f].size();
    }
    QByteArray packed;
    packed.reserve(size);
    std::array<TextRef, 4> fields;
    for (std::size_t f = 0; f < parts.size(); ++f) {
        fields[f] = { std::uint32_t(packed.size()), std::uint32_t(parts[f].size()) };
        packed.append(parts[f]);
    }
    setFields(std::move(packed), fields);
}
