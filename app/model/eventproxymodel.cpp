#include "eventproxymodel.h"

#include "eventmodel.h"
#include "eventorder.h"
#include "timelinefilter.h"

#include <QThread>

#include <algorithm>
#include <mutex>
#include <numeric>

using namespace EventOrder;

// A sort on a worker, or the rows of the order in place made anew for a search's answer:
// cancelled by a newer sort, a new timeline or an edit.
struct EventProxyModel::SortJob
{
    std::atomic_bool cancelled { false };
    int column = 0;
    Qt::SortOrder order = Qt::AscendingOrder;
    bool refilter = false; // rows of an order made already, for a search's answer
    std::vector<int> sorted; // that order
    std::vector<std::uint8_t> verdicts; // the filter's, when the job started
    int filterChanges = 0; // EventProxyModel::m_filterChanges, when the job started
};

namespace {
// More rows than this changing at once are shown afresh, with a reset, rather than row by row.
constexpr int s_rowByRow = 64;

// In another order than the events' own, the lists below hold event numbers (or rows) scattered:
// a branch per entry would go the wrong way about every other time, which at a million entries
// costs ten times the work itself (6 ms against 0.5 ms for one sweep, measured on its own). These
// sweeps pick a value instead of branching, which the compiler turns into vector code.

// Every number from `first` on takes `by` more.
void shiftFrom(std::vector<int> &numbers, int first, int by)
{
    for (int &number : numbers)
        number += number >= first ? by : 0;
}

// The event numbered `from` is numbered `to`; those between take one step towards its old number.
void renumberMoved(std::vector<int> &numbers, int from, int to)
{
    const int low = std::min(from, to);
    const auto width = unsigned(std::max(from, to) - low);
    const int step = from < to ? -1 : +1;
    for (int &number : numbers) {
        const int stepped = number + (unsigned(number - low) <= width ? step : 0);
        number = number == from ? to : stepped;
    }
}
} // namespace

EventProxyModel::EventProxyModel(EventModel *events, TimelineFilter *filter, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_events(events)
    , m_filter(filter)
    , m_sortColumn(EventModel::DateColumn)
{
    QAbstractProxyModel::setSourceModel(events);

    // A new timeline arrives in date order, and is shown so: sorting it again is the user's call.
    connect(events, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_sortColumn = EventModel::DateColumn;
        m_sortOrder = Qt::AscendingOrder;
        m_sorted.clear();
        beginSourceChange();
    });
    connect(events, &QAbstractItemModel::modelReset, this, &EventProxyModel::endSourceChange);
    connect(events, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &EventProxyModel::sourceRowsAboutToBeInserted);
    connect(events, &QAbstractItemModel::rowsInserted, this, &EventProxyModel::sourceRowsInserted);
    connect(events, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &EventProxyModel::sourceRowsAboutToBeRemoved);
    connect(events, &QAbstractItemModel::rowsRemoved, this, &EventProxyModel::sourceRowsRemoved);
    connect(events, &QAbstractItemModel::rowsAboutToBeMoved, this, &EventProxyModel::sourceRowsAboutToBeMoved);
    connect(events, &QAbstractItemModel::rowsMoved, this, &EventProxyModel::sourceRowsMoved);
    // The event model never changes its layout; should it, show the rows afresh.
    connect(events, &QAbstractItemModel::layoutAboutToBeChanged, this, &EventProxyModel::beginSourceChange);
    connect(events, &QAbstractItemModel::layoutChanged, this, &EventProxyModel::endSourceChange);
    connect(events, &QAbstractItemModel::dataChanged, this, &EventProxyModel::sourceDataChanged);
    connect(events, &QAbstractItemModel::headerDataChanged, this,
            [this](Qt::Orientation orientation, int first, int last) {
                if (orientation == Qt::Horizontal)
                    Q_EMIT headerDataChanged(orientation, first, last);
            });

    // Which events pass changes wholesale (a search, an actor hidden): show them afresh.
    connect(filter, &TimelineFilter::changed, this, [this] {
        ++m_filterChanges;
        if (!m_resetting)
            followFilter();
    });
    // The timeline is about to be edited: a sorter must stop reading it.
    connect(filter, &TimelineFilter::readingStopped, this, &EventProxyModel::pauseSorting);

    mapRows();
}

QModelIndex EventProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    return hasIndex(row, column, parent) ? createIndex(row, column) : QModelIndex();
}

QModelIndex EventProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex EventProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int EventProxyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_identity ? m_identityCount : int(m_rows.size());
}

int EventProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_events->columnCount();
}

bool EventProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex EventProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    const int event = eventAt(proxyIndex.row());
    return event < 0 ? QModelIndex() : m_events->index(event, proxyIndex.column());
}

QModelIndex EventProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_events)
        return {};
    const int row = rowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

int EventProxyModel::rowOf(int event) const
{
    if (m_identity)
        return event >= 0 && event < m_identityCount ? event : -1;
    return event >= 0 && event < int(m_rowOfEvent.size()) ? m_rowOfEvent[event] : -1;
}

int EventProxyModel::eventAt(int row) const
{
    if (m_identity)
        return row >= 0 && row < m_identityCount ? row : -1;
    return row >= 0 && row < int(m_rows.size()) ? m_rows[row] : -1;
}

EventProxyModel::~EventProxyModel()
{
    // A sorter posts its result here: it must be done before this object goes.
    stopSorting();
    for (const QPointer<QThread> &sorter : std::as_const(m_sorters)) {
        if (sorter) {
            sorter->wait();
            delete sorter.data();
        }
    }
}

void EventProxyModel::stopSorting()
{
    if (m_cancelSort)
        m_cancelSort->cancelled = true;
    m_cancelSort.reset();
    m_pausedColumn = -1;
    m_sorters.removeAll(nullptr);
}

void EventProxyModel::pauseSorting()
{
    // Sorters read the timeline only while they gather keys, and look at their flag every few
    // thousand events; one that has gathered them reads nothing more, so the wait is short.
    const std::shared_ptr<SortJob> job = m_cancelSort;
    if (job) {
        stopSorting();
        m_pausedColumn = job->column;
        m_pausedOrder = job->order;
        m_pausedRefilter = job->refilter;
        // Made again on the edited timeline, once the edit is done.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_pausedColumn < 0)
                    return; // a newer sort or timeline came first
                const int column = std::exchange(m_pausedColumn, -1);
                // A sort is made again, even by the column in place (its keys changed); rows
                // for a search's answer only when they are still to be made.
                if (!m_pausedRefilter || column != m_sortColumn || m_pausedOrder != m_sortOrder)
                    startSort(column, m_pausedOrder);
                else if (m_rowsFilterChanges != m_filterChanges)
                    followFilter();
            },
            Qt::QueuedConnection);
    }
    const std::lock_guard waitForReaders(m_reading);
}

void EventProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount()) {
        column = EventModel::DateColumn;
        order = Qt::AscendingOrder;
    }
    stopSorting();
    if (column == m_sortColumn && order == m_sortOrder) {
        // A search's answer the stopped job was to show still needs its rows.
        if (m_rowsFilterChanges != m_filterChanges)
            followFilter();
        return;
    }
    startSort(column, order);
}

void EventProxyModel::startSort(int column, Qt::SortOrder order)
{
    const std::shared_ptr<const Timeline> timeline = m_events->timeline();
    const bool ownOrder = column == EventModel::DateColumn && order == Qt::AscendingOrder;
    if (ownOrder || !timeline || m_events->rowCount() <= sortedAtOnce) {
        applyOrder(column, order, sortedEvents(column, order));
        return;
    }

    auto job = std::make_shared<SortJob>();
    job->column = column;
    job->order = order;
    startJob(std::move(job), timeline);
}

void EventProxyModel::followFilter()
{
    // A job under way, or one to be made again after an edit, looks at the filter when done.
    if (m_cancelSort || m_pausedColumn >= 0)
        return;
    if (m_sorted.empty() || int(m_sorted.size()) <= sortedAtOnce) {
        // The events' own order is walked in order, which takes milliseconds at a million.
        beginResetModel();
        mapRows();
        endResetModel();
        return;
    }
    auto job = std::make_shared<SortJob>();
    job->column = m_sortColumn;
    job->order = m_sortOrder;
    job->refilter = true;
    job->sorted = m_sorted;
    startJob(std::move(job), nullptr);
}

void EventProxyModel::startJob(std::shared_ptr<SortJob> job, std::shared_ptr<const Timeline> timeline)
{
    Q_ASSERT(bool(timeline) == job->sorted.empty());
    // Reading a million keys and ordering them takes seconds: a worker does it, and the rows
    // keep their order meanwhile. A newer sort or a new timeline makes its answer stale; an
    // edit stops it and makes it again (pauseSorting()).
    job->verdicts = verdicts();
    job->filterChanges = m_filterChanges;
    m_cancelSort = job;
    QThread *sorter = QThread::create([this, timeline, job] {
        std::vector<int> events = std::move(job->sorted);
        if (timeline) { // to be sorted, rather than given its order
            std::vector<QVariant> keys(timeline->events.size());
            {
                const std::lock_guard reading(m_reading);
                for (std::size_t event = 0; event < keys.size(); ++event) {
                    if (event % 4096 == 0 && job->cancelled)
                        return;
                    keys[event] = sortKey(*timeline, timeline->events[event], job->column);
                }
            }
            events = orderByKeys(keys, job->column, job->order);
        }
        if (job->cancelled)
            return;
        Rows rows = rowsOf(events, job->verdicts);
        if (job->cancelled)
            return;
        QMetaObject::invokeMethod(
            this,
            [this, job, events = std::move(events), rows = std::move(rows)]() mutable {
                if (!job->cancelled)
                    finishJob(job, std::move(events), std::move(rows));
            },
            Qt::QueuedConnection);
    });
    connect(sorter, &QThread::finished, sorter, &QObject::deleteLater);
    m_sorters.append(sorter);
    sorter->start();
}

void EventProxyModel::finishJob(const std::shared_ptr<SortJob> &job, std::vector<int> events, Rows rows)
{
    m_cancelSort.reset();
    if (job->filterChanges != m_filterChanges) {
        // A search's answer came while the worker made these rows: made again for it, in this
        // job's order, which waits till then.
        auto again = std::make_shared<SortJob>();
        again->column = job->column;
        again->order = job->order;
        again->refilter = true;
        again->sorted = std::move(events);
        startJob(std::move(again), nullptr);
        return;
    }
    if (m_rowsFilterChanges == job->filterChanges) {
        applyOrder(job->column, job->order, std::move(events), std::move(rows));
    } else {
        // Other events pass than those shown: the rows are shown afresh.
        beginResetModel();
        m_sorted = std::move(events);
        m_sortColumn = job->column;
        m_sortOrder = job->order;
        m_identity = false;
        m_rows = std::move(rows.rows);
        m_rowOfEvent = std::move(rows.rowOfEvent);
        m_rowsFilterChanges = job->filterChanges;
        endResetModel();
    }
    Q_EMIT sorted();
}

std::vector<std::uint8_t> EventProxyModel::verdicts() const
{
    const int count = m_events->rowCount();
    if (m_filter->passesEverything() && m_filter->eventCount() == count && m_filter->acceptedCount() == count)
        return {};
    std::vector<std::uint8_t> verdicts(std::size_t(count), 0);
    for (int event = 0; event < count; ++event)
        verdicts[std::size_t(event)] = m_filter->accepts(event);
    return verdicts;
}

EventProxyModel::Rows EventProxyModel::rowsOf(const std::vector<int> &order,
                                              const std::vector<std::uint8_t> &verdicts)
{
    Rows rows;
    rows.rowOfEvent.assign(order.size(), -1);
    if (verdicts.empty()) {
        rows.rows = order;
        for (std::size_t row = 0; row < order.size(); ++row)
            rows.rowOfEvent[std::size_t(order[row])] = int(row);
        return rows;
    }
    for (const int event : order) {
        if (verdicts[std::size_t(event)]) {
            rows.rowOfEvent[std::size_t(event)] = int(rows.rows.size());
            rows.rows.push_back(event);
        }
    }
    return rows;
}

void EventProxyModel::applyOrder(int column, Qt::SortOrder order, std::vector<int> sorted,
                                 std::optional<Rows> rows)
{
    if (!rows && m_rowsFilterChanges != m_filterChanges) {
        // A search's answer is not shown yet (a stopped job was to): other events pass than
        // those shown, so the rows are shown afresh.
        beginResetModel();
        m_sorted = std::move(sorted);
        m_sortColumn = column;
        m_sortOrder = order;
        mapRows();
        endResetModel();
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> events;
    events.reserve(before.size());
    for (const QModelIndex &index : before)
        events.push_back(eventAt(index.row()));

    m_sorted = std::move(sorted);
    m_sortColumn = column;
    m_sortOrder = order;
    if (rows) {
        m_identity = false;
        m_rows = std::move(rows->rows);
        m_rowOfEvent = std::move(rows->rowOfEvent);
    } else {
        mapRows();
    }

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOf(events[i]);
        after.append(row < 0 ? QModelIndex() : createIndex(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, VerticalSortHint);
}

std::vector<int> EventProxyModel::sortedEvents(int column, Qt::SortOrder order) const
{
    if (column == EventModel::DateColumn && order == Qt::AscendingOrder)
        return {};
    const int count = m_events->rowCount();
    std::vector<QVariant> keys(count);
    for (int event = 0; event < count; ++event)
        keys[event] = m_events->data(m_events->index(event, column), EventModel::SortRole);
    return orderByKeys(keys, column, order);
}

void EventProxyModel::mapRows()
{
    m_rowsFilterChanges = m_filterChanges;
    const int count = m_events->rowCount();
    if (m_sorted.empty() && m_filter->passesEverything() && m_filter->eventCount() == count
        && m_filter->acceptedCount() == count) {
        // Every event, in its own order: as a timeline is first shown. Events added later pass
        // too, so the rows can stay the events through edits.
        m_identity = true;
        m_identityCount = count;
        m_rows = {};
        m_rowOfEvent = {};
        return;
    }
    m_identity = false;
    m_rows.clear();
    m_rows.reserve(std::min<qsizetype>(count, m_filter->acceptedCount()));
    m_rowOfEvent.assign(count, -1);
    const auto add = [this](int event) {
        if (m_filter->accepts(event)) {
            m_rowOfEvent[event] = int(m_rows.size());
            m_rows.push_back(event);
        }
    };
    if (m_sorted.empty()) {
        for (int event = 0; event < count; ++event)
            add(event);
    } else {
        for (const int event : m_sorted)
            add(event);
    }
}

void EventProxyModel::materialize()
{
    if (!m_identity)
        return;
    m_rows.resize(std::size_t(m_identityCount));
    std::iota(m_rows.begin(), m_rows.end(), 0);
    m_rowOfEvent = m_rows;
    m_identity = false;
}

void EventProxyModel::beginSourceChange()
{
    stopSorting(); // of rows that are going
    m_resetting = true;
    beginResetModel();
}

void EventProxyModel::endSourceChange()
{
    m_sorted = sortedEvents(m_sortColumn, m_sortOrder);
    mapRows();
    m_resetting = false;
    endResetModel();
}

// Edits, row by row ---------------------------------------------------------------------------
//
// The proxy is consistent with the event model at every signal it sends: rows go while the
// events are still there (in rowsAboutToBeRemoved) and come once they are (in rowsInserted),
// and the event numbers it holds are shifted before any signal of its own. Without a mapping
// (m_identity), rows are events: its bracket then wraps the event model's.

bool EventProxyModel::openBracket(int first, int last, bool inserting)
{
    if (m_identity) {
        if (inserting)
            beginInsertRows({}, first, last);
        else
            beginRemoveRows({}, first, last);
    } else if (last - first + 1 > s_rowByRow) {
        m_resetting = true;
        beginResetModel();
    } else {
        return false;
    }
    m_bracketOpen = true;
    return true;
}

bool EventProxyModel::closeBracket(int shift)
{
    if (!m_bracketOpen)
        return false;
    m_bracketOpen = false;
    if (m_identity) {
        m_identityCount += shift;
        if (shift > 0)
            endInsertRows();
        else
            endRemoveRows();
        return true;
    }
    mapRows();
    m_resetting = false;
    endResetModel();
    return true;
}

void EventProxyModel::sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last)
{
    if (!parent.isValid())
        openBracket(first, last, true);
}

void EventProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    shiftFrom(m_sorted, first, count);
    for (int event = first; event <= last && !m_sorted.empty(); ++event)
        m_sorted.insert(m_sorted.begin() + std::ptrdiff_t(sortedPosition(m_sorted, event)), event);
    if (closeBracket(count))
        return;
    shiftFrom(m_rows, first, count);
    m_rowOfEvent.insert(m_rowOfEvent.begin() + first, std::size_t(count), -1);
    for (int event = first; event <= last; ++event) {
        if (m_filter->accepts(event))
            insertRow(event);
    }
}

void EventProxyModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || openBracket(first, last, false))
        return;
    for (int event = last; event >= first; --event) {
        if (const int row = rowOf(event); row >= 0)
            removeRow(row);
    }
}

void EventProxyModel::sourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    if (!m_sorted.empty()) {
        std::erase_if(m_sorted, [&](int event) { return event >= first && event <= last; });
        shiftFrom(m_sorted, last + 1, -count);
    }
    if (closeBracket(-count))
        return;
    m_rowOfEvent.erase(m_rowOfEvent.begin() + first, m_rowOfEvent.begin() + last + 1);
    shiftFrom(m_rows, last + 1, -count);
}

void EventProxyModel::sourceRowsAboutToBeMoved(const QModelIndex &parent, int first, int last,
                                               const QModelIndex &destination, int row)
{
    if (parent.isValid() || destination.isValid())
        return;
    if (first != last) {
        m_movingAfresh = true;
        beginSourceChange();
    } else if (m_identity) {
        // Rows are events: the same row moves, to the same place.
        beginMoveRows({}, first, first, {}, row);
        m_bracketOpen = true;
    }
}

void EventProxyModel::sourceRowsMoved(const QModelIndex &parent, int first, [[maybe_unused]] int last,
                                      const QModelIndex &destination, int row)
{
    if (parent.isValid() || destination.isValid())
        return;
    if (std::exchange(m_movingAfresh, false)) {
        endSourceChange();
        return;
    }
    const int from = first;
    const int to = row > from ? row - 1 : row;
    if (m_bracketOpen) {
        m_bracketOpen = false;
        endMoveRows();
        return;
    }
    // The events between `from` and `to` take the number one nearer `from`; each row still
    // shows the event it showed, under its new number.
    renumberMoved(m_rows, from, to);
    if (!m_rowOfEvent.empty()) {
        const auto at = [this](int event) { return m_rowOfEvent.begin() + event; };
        if (from < to)
            std::rotate(at(from), at(from + 1), at(to + 1));
        else
            std::rotate(at(to), at(from), at(from + 1));
    }
    if (!m_sorted.empty()) {
        renumberMoved(m_sorted, from, to);
        // Events of equal keys keep the events' own order, in which the moved one has a new place.
        m_sorted.erase(std::find(m_sorted.begin(), m_sorted.end(), to));
        m_sorted.insert(m_sorted.begin() + std::ptrdiff_t(sortedPosition(m_sorted, to)), to);
    }
    placeRow(to);
}

void EventProxyModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                        const QList<int> &roles)
{
    if (!topLeft.isValid() || rowCount() == 0)
        return;
    const int firstColumn = topLeft.column(), lastColumn = bottomRight.column();
    if (m_identity) {
        Q_EMIT dataChanged(index(topLeft.row(), firstColumn), index(bottomRight.row(), lastColumn), roles);
        return;
    }
    const int changed = bottomRight.row() - topLeft.row() + 1;
    const bool keyChanged = !m_sorted.empty() && m_sortColumn >= firstColumn && m_sortColumn <= lastColumn;
    // One event is moved to its place among the others by binary search; several whose keys
    // changed at once (an actor renamed) cannot be, as each search would meet the others' old
    // places: they are sorted again.
    if (changed > s_rowByRow || (keyChanged && changed > 1)) {
        showAfresh(firstColumn, lastColumn, roles);
        if (keyChanged)
            startSort(m_sortColumn, m_sortOrder);
        return;
    }
    for (int event = topLeft.row(); event <= bottomRight.row(); ++event) {
        if (keyChanged) {
            m_sorted.erase(std::find(m_sorted.begin(), m_sorted.end(), event));
            m_sorted.insert(m_sorted.begin() + std::ptrdiff_t(sortedPosition(m_sorted, event)), event);
        }
        placeRow(event);
        if (const int row = rowOf(event); row >= 0)
            Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn), roles);
    }
}

void EventProxyModel::showAfresh(int firstColumn, int lastColumn, const QList<int> &roles)
{
    // With every event passing and shown, the same events pass: only their data changed.
    const int count = m_events->rowCount();
    if (m_filter->passesEverything() && m_filter->eventCount() == count && m_filter->acceptedCount() == count
        && int(m_rows.size()) == count) {
        Q_EMIT dataChanged(index(0, firstColumn), index(rowCount() - 1, lastColumn), roles);
        return;
    }
    // When which events pass is as it was, the rows stay and only their data changed.
    std::vector<int> rows = m_rows, rowOfEvent = m_rowOfEvent;
    mapRows();
    m_identity = false; // kept as it was until the reset below, if any
    if (m_rows == rows) {
        Q_EMIT dataChanged(index(0, firstColumn), index(rowCount() - 1, lastColumn), roles);
        return;
    }
    // Views hear of the reset while the old rows are still in place.
    std::swap(m_rows, rows);
    std::swap(m_rowOfEvent, rowOfEvent);
    beginResetModel();
    std::swap(m_rows, rows);
    std::swap(m_rowOfEvent, rowOfEvent);
    mapRows(); // again, for the mapping-free state when it applies
    endResetModel();
}

QVariant EventProxyModel::sortKeyOf(int event) const
{
    return m_events->data(m_events->index(event, m_sortColumn), EventModel::SortRole);
}

bool EventProxyModel::before(int a, const QVariant &aKey, int b) const
{
    const QVariant bKey = sortKeyOf(b);
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    if (keyLess(ascending ? aKey : bKey, ascending ? bKey : aKey))
        return true;
    if (keyLess(ascending ? bKey : aKey, ascending ? aKey : bKey))
        return false;
    return a < b;
}

bool EventProxyModel::comesBefore(int a, int b) const
{
    return m_sorted.empty() ? a < b : before(a, sortKeyOf(a), b);
}

std::size_t EventProxyModel::sortedPosition(const std::vector<int> &events, int event) const
{
    if (m_sorted.empty()) // the events' own order
        return std::size_t(std::lower_bound(events.begin(), events.end(), event) - events.begin());
    const QVariant key = sortKeyOf(event);
    // `other` comes first when `event` does not come before it.
    return std::size_t(std::partition_point(events.begin(), events.end(),
                                            [&](int other) { return !before(event, key, other); })
                       - events.begin());
}

void EventProxyModel::insertRow(int event)
{
    const std::size_t row = sortedPosition(m_rows, event);
    beginInsertRows({}, int(row), int(row));
    m_rows.insert(m_rows.begin() + std::ptrdiff_t(row), event);
    shiftRowsFrom(row + 1, +1);
    m_rowOfEvent[std::size_t(event)] = int(row);
    endInsertRows();
}

void EventProxyModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rowOfEvent[std::size_t(m_rows[std::size_t(row)])] = -1;
    m_rows.erase(m_rows.begin() + row);
    shiftRowsFrom(std::size_t(row), -1);
    endRemoveRows();
}

void EventProxyModel::shiftRowsFrom(std::size_t from, int shift)
{
    // The rows after `from` are events in sort order, scattered over m_rowOfEvent: renumbered
    // through m_rows when they are few, else in one pass along m_rowOfEvent, which at a million
    // events is one sequential sweep instead of as many random writes.
    const std::size_t tail = m_rows.size() - std::min(from, m_rows.size());
    if (tail * 8 < m_rowOfEvent.size()) {
        renumberRows(from, m_rows.size());
        return;
    }
    shiftFrom(m_rowOfEvent, int(from) - (shift > 0 ? shift : 0), shift);
}

void EventProxyModel::placeRow(int event)
{
    const int row = rowOf(event);
    const bool wanted = m_filter->accepts(event);
    if (row < 0) {
        if (wanted)
            insertRow(event);
        return;
    }
    if (!wanted) {
        removeRow(row);
        return;
    }
    // Its place among the others, then as Qt counts a move's destination: in the rows before it.
    const auto at = std::size_t(row);
    const bool early = at > 0 && !comesBefore(m_rows[at - 1], event);
    const bool late = at + 1 < m_rows.size() && !comesBefore(event, m_rows[at + 1]);
    if (!early && !late)
        return;
    m_rows.erase(m_rows.begin() + row);
    const std::size_t place = sortedPosition(m_rows, event);
    m_rows.insert(m_rows.begin() + row, event);
    const int destination = int(place) < row ? int(place) : int(place) + 1;
    beginMoveRows({}, row, row, {}, destination);
    m_rows.erase(m_rows.begin() + row);
    m_rows.insert(m_rows.begin() + std::ptrdiff_t(place), event);
    renumberRows(std::min(at, place), std::max(at, place) + 1);
    endMoveRows();
}

void EventProxyModel::renumberRows(std::size_t from, std::size_t to)
{
    for (std::size_t row = from; row < to; ++row)
        m_rowOfEvent[std::size_t(m_rows[row])] = int(row);
}
