#pragma once

#include "timeline.h"

#include <QVariant>

#include <vector>

// How the event table orders events by a column, shared by the proxy on the UI thread and its
// sorter on a worker: the keys, their comparison, and a stable order of many keys.
namespace EventOrder {

// The date column's key: the first day, then the last, as the loader orders events. Two days of
// 64 bits do not pack into one number, so the key is a pair that QVariant holds in place. Views
// that compare keys of types they do not know by their text (QSortFilterProxyModel) get a text
// that orders as the keys do.
struct DateKey
{
    Day first = 0;
    Day last = 0;
    friend bool operator==(const DateKey &, const DateKey &) = default;
    friend bool operator<(const DateKey &a, const DateKey &b)
    {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    }
};

// An event's DateKey as a sort key.
QVariant dateKey(const DateRange &range);

// How QSortFilterProxyModel compares sort keys by default (case-sensitive, not locale-aware).
bool keyLess(const QVariant &left, const QVariant &right);

// EventModel::SortRole's key of an event, read from the timeline itself so that a worker thread
// can read it while the model is the UI thread's.
QVariant sortKey(const Timeline &t, const Event &event, int column);

// The events in the order of their keys, stably.
std::vector<int> orderByKeys(const std::vector<QVariant> &keys, int column, Qt::SortOrder order);

} // namespace EventOrder

Q_DECLARE_METATYPE(EventOrder::DateKey)
