#pragma once

#include <QAbstractProxyModel>
#include <QList>
#include <QPointer>

#include <atomic>
#include <memory>
#include <vector>

class EventModel;
class QThread;
class TimelineFilter;

// The events that the filter passes, as a flat table for the event table. The event model's rows
// are already in date order, so the default sort (date, ascending) maps rows as they are and
// sorts nothing: installing a timeline of a million events costs a pass over the filter, not
// a sort. Any other column is sorted, by EventModel::SortRole, only when the view asks; a large
// timeline on a worker thread, the rows keeping their order until sorted() says the new one is in.
class EventProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    // Timelines of up to this many events are sorted at once, on the calling thread.
    static constexpr int sortedAtOnce = 20000;

    EventProxyModel(EventModel *events, TimelineFilter *filter, QObject *parent = nullptr);
    ~EventProxyModel() override; // stops a sort under way, silently

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    // A column out of range means the events' own order, which is the date's.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; } // of the order in place, not of one being made
    bool isSorting() const { return bool(m_cancelSort); }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The row showing `event` (a row of the event model), or -1 when the filter hides it.
    int rowOf(int event) const;
    // The event (a row of the event model) at `row`, or -1.
    int eventAt(int row) const;

Q_SIGNALS:
    // A sort made on a worker is in place.
    void sorted();

private:
    void applyOrder(int column, Qt::SortOrder order, std::vector<int> sorted);
    void stopSorting();
    void beginSourceChange();
    void endSourceChange();
    std::vector<int> sortedEvents(int column, Qt::SortOrder order) const;
    void mapRows();

    EventModel *m_events;
    TimelineFilter *m_filter;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_sorted; // the events in sort order; empty for their own (date) order
    std::vector<int> m_rows; // row -> event, for the events the filter passes
    std::vector<int> m_rowOfEvent; // event -> row, -1 when filtered out
    bool m_resetting = false;
    std::shared_ptr<std::atomic_bool> m_cancelSort; // of the sort under way
    QList<QPointer<QThread>> m_sorters; // a cancelled one may still be finishing
};
