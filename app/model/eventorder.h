#pragma once

#include "timeline.h"

#include <QVariant>

#include <vector>

// How the event table orders events by a column, shared by the proxy on the UI thread and its
// sorter on a worker: the keys, their comparison, and a stable order of many keys.
namespace EventOrder {

// How QSortFilterProxyModel compares sort keys by default (case-sensitive, not locale-aware).
bool keyLess(const QVariant &left, const QVariant &right);

// EventModel::SortRole's key of an event, read from the timeline itself so that a worker thread
// can read it while the model is the UI thread's.
QVariant sortKey(const Timeline &t, const Event &event, int column);

// The events in the order of their keys, stably.
std::vector<int> orderByKeys(const std::vector<QVariant> &keys, int column, Qt::SortOrder order);

} // namespace EventOrder
