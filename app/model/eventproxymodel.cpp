#include "eventproxymodel.h"

#include "eventmodel.h"
#include "timelinefilter.h"

#include <QHash>
#include <QThread>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

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

// EventModel::SortRole's key of an event, read from the timeline itself so that a worker thread
// can read it while the model is the UI thread's.
QVariant sortKey(const Timeline &t, const Event &event, int column)
{
    switch (column) {
    case EventModel::DateColumn:
        return qlonglong(event.range.first) * (qlonglong(1) << 32)
            + (qlonglong(event.range.last) - std::numeric_limits<std::int32_t>::min());
    case EventModel::TitleColumn:
        return t.text(event.title);
    case EventModel::ActorsColumn: {
        QStringList names;
        for (const std::int32_t actor : t.actorsOf(event))
            names.append(t.actors.at(actor).name);
        return names.join(u", "_s);
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
        beginSourceChange();
    });
    connect(events, &QAbstractItemModel::modelReset, this, &EventProxyModel::endSourceChange);
    // The event model only ever resets; should rows change otherwise, show them afresh too.
    connect(events, &QAbstractItemModel::rowsAboutToBeInserted, this, &EventProxyModel::beginSourceChange);
    connect(events, &QAbstractItemModel::rowsInserted, this, &EventProxyModel::endSourceChange);
    connect(events, &QAbstractItemModel::rowsAboutToBeRemoved, this, &EventProxyModel::beginSourceChange);
    connect(events, &QAbstractItemModel::rowsRemoved, this, &EventProxyModel::endSourceChange);
    connect(events, &QAbstractItemModel::rowsAboutToBeMoved, this, &EventProxyModel::beginSourceChange);
    connect(events, &QAbstractItemModel::rowsMoved, this, &EventProxyModel::endSourceChange);
    connect(events, &QAbstractItemModel::layoutAboutToBeChanged, this, &EventProxyModel::beginSourceChange);
    connect(events, &QAbstractItemModel::layoutChanged, this, &EventProxyModel::endSourceChange);
    connect(events, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                // Rows of a range need not be adjacent here: say all rows, in those columns.
                if (rowCount() > 0)
                    Q_EMIT dataChanged(index(0, topLeft.column()),
                                       index(rowCount() - 1, bottomRight.column()), roles);
            });
    connect(events, &QAbstractItemModel::headerDataChanged, this,
            [this](Qt::Orientation orientation, int first, int last) {
                if (orientation == Qt::Horizontal)
                    Q_EMIT headerDataChanged(orientation, first, last);
            });

    // Which events pass changes wholesale (a search, an actor hidden): show them afresh.
    connect(filter, &TimelineFilter::changed, this, [this] {
        if (m_resetting)
            return;
        beginResetModel();
        mapRows();
        endResetModel();
    });

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
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_events->columnCount();
}

bool EventProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
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
    return event >= 0 && event < int(m_rowOfEvent.size()) ? m_rowOfEvent[event] : -1;
}

int EventProxyModel::eventAt(int row) const
{
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
        *m_cancelSort = true;
    m_cancelSort.reset();
    m_sorters.removeAll(nullptr);
}

void EventProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount()) {
        column = EventModel::DateColumn;
        order = Qt::AscendingOrder;
    }
    stopSorting();
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    const std::shared_ptr<const Timeline> timeline = m_events->timeline();
    const bool ownOrder = column == EventModel::DateColumn && order == Qt::AscendingOrder;
    if (ownOrder || !timeline || m_events->rowCount() <= sortedAtOnce) {
        applyOrder(column, order, sortedEvents(column, order));
        return;
    }

    // Reading a million keys and ordering them takes seconds: a worker does it, and the rows
    // keep their order meanwhile. A newer sort or a new timeline makes its answer stale.
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancelSort = cancel;
    QThread *sorter = QThread::create([this, timeline, column, order, cancel] {
        std::vector<QVariant> keys(timeline->events.size());
        for (std::size_t event = 0; event < keys.size(); ++event) {
            if (event % 4096 == 0 && *cancel)
                return;
            keys[event] = sortKey(*timeline, timeline->events[event], column);
        }
        std::vector<int> events = orderByKeys(keys, column, order);
        if (*cancel)
            return;
        QMetaObject::invokeMethod(
            this,
            [this, column, order, cancel, events = std::move(events)]() mutable {
                if (*cancel)
                    return;
                m_cancelSort.reset();
                applyOrder(column, order, std::move(events));
                Q_EMIT sorted();
            },
            Qt::QueuedConnection);
    });
    connect(sorter, &QThread::finished, sorter, &QObject::deleteLater);
    m_sorters.append(sorter);
    sorter->start();
}

void EventProxyModel::applyOrder(int column, Qt::SortOrder order, std::vector<int> sorted)
{
    Q_EMIT layoutAboutToBeChanged({}, VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> events;
    events.reserve(before.size());
    for (const QModelIndex &index : before)
        events.push_back(eventAt(index.row()));

    m_sorted = std::move(sorted);
    m_sortColumn = column;
    m_sortOrder = order;
    mapRows();

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
    const int count = m_events->rowCount();
    if (m_sorted.empty() && m_filter->eventCount() == count && m_filter->acceptedCount() == count) {
        // Every event, in its own order: as a timeline is first shown.
        m_rows.resize(count);
        std::iota(m_rows.begin(), m_rows.end(), 0);
        m_rowOfEvent = m_rows;
        return;
    }
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
