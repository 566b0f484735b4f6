#include "eventorder.h"

#include "eventmodel.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
// The events ordered by string keys, stably, as std::stable_sort with keyLess would order them,
// but by way of the distinct keys: a column of a million events holds far fewer distinct
// titles, kinds or lists of actors, and comparing the strings of every pair of events that a
// sort meets took seconds. Each distinct key is ranked once; the events are then placed by rank
// in one counting pass, which keeps events of equal keys in their own order.
std::vector<int> orderByDistinctStrings(const std::vector<QVariant> &keys, Qt::SortOrder order)
{
    QHash<QString, int> distinct;
    std::vector<int> keyOf(keys.size());
    for (std::size_t event = 0; event < keys.size(); ++event) {
        const QString &key = *static_cast<const QString *>(keys[event].constData());
        auto found = distinct.constFind(key);
        if (found == distinct.cend())
            found = distinct.insert(key, int(distinct.size()));
        keyOf[event] = found.value();
    }

    std::vector<const QString *> values(distinct.size());
    for (auto it = distinct.cbegin(); it != distinct.cend(); ++it)
        values[it.value()] = &it.key();
    std::vector<int> byValue(values.size());
    std::iota(byValue.begin(), byValue.end(), 0);
    std::sort(byValue.begin(), byValue.end(),
              [&](int a, int b) { return QString::compare(*values[a], *values[b]) < 0; });
    std::vector<int> rank(values.size());
    for (std::size_t i = 0; i < byValue.size(); ++i)
        rank[byValue[i]] = int(order == Qt::AscendingOrder ? i : byValue.size() - 1 - i);

    std::vector<int> start(values.size() + 1, 0);
    for (const int key : keyOf)
        ++start[rank[key] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<int> events(keys.size());
    for (std::size_t event = 0; event < keys.size(); ++event)
        events[start[rank[keyOf[event]]]++] = int(event);
    return events;
}

// The two days as 32 hexadecimal digits, each offset to be unsigned: in the order of the keys.
QString sortableText(const EventOrder::DateKey &key)
{
    const auto hex = [](Day day) {
        const auto offset = std::uint64_t(day) ^ (std::uint64_t(1) << 63);
        return QString::number(offset, 16).rightJustified(16, u'0');
    };
    return hex(key.first) + hex(key.last);
}

} // namespace

namespace EventOrder {

QVariant dateKey(const DateRange &range)
{
    static const bool textRegistered = QMetaType::registerConverter<DateKey, QString>(sortableText);
    Q_UNUSED(textRegistered);
    return QVariant::fromValue(DateKey { range.first, range.last });
}

// How QSortFilterProxyModel compares sort keys by default (case-sensitive, not locale-aware),
// without copying the strings that most columns sort by.
bool keyLess(const QVariant &left, const QVariant &right)
{
    const int leftType = left.userType();
    const int rightType = right.userType();
    if (leftType == QMetaType::QString && rightType == QMetaType::QString) {
        return QString::compare(*static_cast<const QString *>(left.constData()),
                                *static_cast<const QString *>(right.constData()))
            < 0;
    }
    static const int dateKeyType = qMetaTypeId<DateKey>();
    if (leftType == dateKeyType && rightType == dateKeyType)
        return *static_cast<const DateKey *>(left.constData()) < *static_cast<const DateKey *>(right.constData());
    if (leftType == QMetaType::LongLong && rightType == QMetaType::LongLong)
        return *static_cast<const qlonglong *>(left.constData())
            < *static_cast<const qlonglong *>(right.constData());
    if (leftType == QMetaType::UnknownType)
        return false;
    if (rightType == QMetaType::UnknownType)
        return true;
    const QPartialOrdering order = QVariant::compare(left, right);
    if (order == QPartialOrdering::Unordered)
        return left.toString() < right.toString();
    return order == QPartialOrdering::Less;
}

// EventModel::SortRole's key of an event, read from the timeline itself so that a worker thread
// can read it while the model is the UI thread's.
QVariant sortKey(const Timeline &t, const Event &event, int column)
{
    switch (column) {
    case EventModel::DateColumn:
        return dateKey(event.range);
    case EventModel::TitleColumn:
        return t.text(event.title);
    case EventModel::ActorsColumn: {
        // Joined as the names are kept, in UTF-8, and widened once.
        QByteArray names;
        const auto actors = t.actorsOf(event);
        for (std::size_t i = 0; i < actors.size(); ++i) {
            if (i > 0)
                names.append(", ");
            names.append(t.actors.at(actors[i]).utf8(Actor::Name));
        }
        return QString::fromUtf8(names);
    }
    case EventModel::KindColumn:
        return t.kindLabelOf(event); // as the table shows it
    }
    return {};
}

// The events in the order of their keys, stably.
std::vector<int> orderByKeys(const std::vector<QVariant> &keys, int column, Qt::SortOrder order)
{
    const int count = int(keys.size());
    std::vector<int> events(count);
    if (column == EventModel::DateColumn) {
        // The events' own order reversed, but events of equal dates kept in their order, as a
        // stable sort would.
        auto out = events.begin();
        for (int end = count; end > 0;) {
            int begin = end - 1;
            while (begin > 0 && !keyLess(keys[begin - 1], keys[begin]))
                --begin;
            std::iota(out, out + (end - begin), begin);
            out += end - begin;
            end = begin;
        }
        return events;
    }
    const bool allStrings = std::all_of(
        keys.begin(), keys.end(), [](const QVariant &key) { return key.userType() == QMetaType::QString; });
    if (allStrings)
        return orderByDistinctStrings(keys, order);
    std::iota(events.begin(), events.end(), 0);
    if (order == Qt::AscendingOrder)
        std::stable_sort(events.begin(), events.end(),
                         [&](int a, int b) { return keyLess(keys[a], keys[b]); });
    else
        std::stable_sort(events.begin(), events.end(),
                         [&](int a, int b) { return keyLess(keys[b], keys[a]); });
    return events;
}

} // namespace EventOrder
