#pragma once

#include <QAbstractProxyModel>
#include <QList>
#include <QPointer>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class EventModel;
class QThread;
class Timeline;
class TimelineFilter;

// The events that the filter passes, as a flat table for the event table. The event model's rows
// are already in date order, so the default sort (date, ascending) maps rows as they are and
// sorts nothing: installing a timeline of a million events costs a pass over the filter, not
// a sort. Any other column is sorted, by EventModel::SortRole, only when the view asks; a large
// timeline on a worker thread, the rows keeping their order until sorted() says the new one is in.
// The worker makes the rows too, so that putting the order in place swaps vectors: walking a
// million events in a random order costs the UI thread a third of a second. A search's answer
// for a large table sorted by another column than the date is mapped to rows there as well.
//
// An edit of the events is followed row by row, never by a reset: an inserted event is placed by
// binary search in the order in place, a removed one leaves its row, and one whose sort key or
// filter verdict changed moves, comes or goes. In the usual state (the events' own order, every
// event shown) rows are events and nothing is mapped at all, so an edit at a million events
// costs the proxy nothing but its signals.
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
    // Whether rows are being made on a worker: a sort, or a search's answer in the order in place.
    bool isSorting() const { return bool(m_cancelSort) || m_pausedColumn >= 0; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The row showing `event` (a row of the event model), or -1 when the filter hides it.
    int rowOf(int event) const;
    // The event (a row of the event model) at `row`, or -1.
    int eventAt(int row) const;

Q_SIGNALS:
    // Rows made on a worker are in place: a sort's, or a search's answer in the sort's order.
    void sorted();

private:
    struct SortJob;
    // Which rows show which events.
    struct Rows
    {
        std::vector<int> rows; // row -> event
        std::vector<int> rowOfEvent; // event -> row, -1 when filtered out
    };

    // Sorts by `column` even when that is the order in place: its keys may have changed.
    void startSort(int column, Qt::SortOrder order);
    // What the filter says of each event, for a worker to read; empty when every event passes.
    std::vector<std::uint8_t> verdicts() const;
    // The rows showing `order`'s events (all of them, in the order to show) that `verdicts`
    // passes. Reads nothing else, so that it can run on a worker.
    static Rows rowsOf(const std::vector<int> &order, const std::vector<std::uint8_t> &verdicts);
    // Shows what the filter passes now, in the order in place; on a worker for a large table
    // sorted by another column than the date.
    void followFilter();
    // Sorts `timeline`'s events on a worker, or takes the job's order when it has no timeline,
    // and makes the rows there.
    void startJob(std::shared_ptr<SortJob> job, std::shared_ptr<const Timeline> timeline);
    void finishJob(const std::shared_ptr<SortJob> &job, std::vector<int> events, Rows rows);
    // Puts `sorted` in place, with `rows` when a worker made them already.
    void applyOrder(int column, Qt::SortOrder order, std::vector<int> sorted, std::optional<Rows> rows = {});
    void stopSorting();
    void pauseSorting();
    void beginSourceChange();
    void endSourceChange();
    std::vector<int> sortedEvents(int column, Qt::SortOrder order) const;
    void mapRows();
    // Leaves the mapping-free state (rows are events) for explicit rows, as they are now.
    void materialize();

    // Opens the proxy's own bracket around the event model's insertion or removal of events
    // [first, last], when its rows are the events (the same rows come or go) or too many change
    // to follow one by one (a reset); false when neither, and rows are followed one by one.
    bool openBracket(int first, int last, bool inserting);
    // Closes that bracket, if open, once the events are in or out: `shift` rows more or fewer
    // without a mapping, else rows mapped afresh.
    bool closeBracket(int shift);
    // Following the event model's row signals; see the class comment.
    void sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    // One event moved (its date changed): the rows keep their events, the moved one's row moves
    // to its place, and the numbers of the events between shift. Several at once: shown afresh.
    void sourceRowsAboutToBeMoved(const QModelIndex &parent, int first, int last, const QModelIndex &destination,
                                  int row);
    void sourceRowsMoved(const QModelIndex &parent, int first, int last, const QModelIndex &destination, int row);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);
    // Whether `a` (whose key is `aKey`) comes before `b` in the sort in place: by key, then by
    // event, as a stable sort of the events' own order puts them.
    // After data changed in many rows: the rows as the filter passes them now, by a reset when
    // that changed which pass, else by one dataChanged over every row.
    void showAfresh(int firstColumn, int lastColumn, const QList<int> &roles);
    bool before(int a, const QVariant &aKey, int b) const;
    // The same for the order in place, the events' own when nothing is sorted.
    bool comesBefore(int a, int b) const;
    QVariant sortKeyOf(int event) const;
    // Where `event` goes among `events` (sorted), which must not hold it.
    std::size_t sortedPosition(const std::vector<int> &events, int event) const;
    // The row `event` is shown at from now on: inserted, removed or moved as the filter and
    // the sort say.
    void placeRow(int event);
    void insertRow(int event);
    void removeRow(int row);
    void renumberRows(std::size_t from, std::size_t to);
    // The rows from `from` on moved by `shift` (an insertion just before them: +1; a removal: -1).
    void shiftRowsFrom(std::size_t from, int shift);

    EventModel *m_events;
    TimelineFilter *m_filter;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_sorted; // the events in sort order; empty for their own (date) order
    std::vector<int> m_rows; // row -> event, for the events the filter passes
    std::vector<int> m_rowOfEvent; // event -> row, -1 when filtered out
    // Rows are events, 0 .. m_identityCount - 1, and m_rows and m_rowOfEvent are unused: the
    // events' own order with nothing filtered out.
    bool m_identity = true;
    int m_identityCount = 0;
    bool m_resetting = false;
    bool m_bracketOpen = false; // a proxy bracket spans the event model's (identity, bulk)
    bool m_movingAfresh = false; // several events move: shown afresh
    std::shared_ptr<SortJob> m_cancelSort; // of the sort under way
    int m_pausedColumn = -1; // a sort stopped by an edit, made again after it
    Qt::SortOrder m_pausedOrder = Qt::AscendingOrder;
    bool m_pausedRefilter = false; // the paused job made rows for a search's answer
    // Counts the filter's changes: rows a worker made for older verdicts are not put in place.
    int m_filterChanges = 0;
    int m_rowsFilterChanges = 0; // the count the rows in place were made for
    QList<QPointer<QThread>> m_sorters; // a cancelled one may still be finishing
    std::mutex m_reading; // held by a sorter while it reads the timeline
};
