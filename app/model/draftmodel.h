#pragma once

#include <QAbstractProxyModel>

#include <vector>

class EventModel;

// The draft events of a timeline (proposed from an article, not yet reviewed), in date order,
// for the Drafts review: one row each, with the columns a reviewer reads — the source's phrase
// for the date, the date it was resolved to, the title and the sentence it cites. A row leaves
// as soon as its event stops being a draft (accepted) or is removed (rejected).
//
// It follows the event model's edits by its list of draft events alone, never by a pass over
// every event: an event inserted, removed or moved (its date changed) costs a binary search and
// a renumbering of the drafts after it. (QSortFilterProxyModel maps every row afresh when a row
// moves: at a million events, tens of milliseconds an edit.)
class DraftModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    enum Column { PhraseColumn, DateColumn, TitleColumn, SentenceColumn, ColumnCount };

    explicit DraftModel(EventModel *events, QObject *parent = nullptr);

    // The event's row in the EventModel, or -1.
    int eventRow(int draftRow) const;
    // The draft's row here, or -1 when the event is not a draft.
    int draftRow(int eventRow) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isDraft(int event) const;
    // The first row whose event is at or after `event`.
    int lowerRow(int event) const;
    void rebuild();
    void beginAfresh();
    void endAfresh();
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeMoved(const QModelIndex &parent, int first, int last, const QModelIndex &destination,
                                  int row);
    void sourceRowsMoved(const QModelIndex &parent, int first, int last, const QModelIndex &destination, int row);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    EventModel *m_events;
    std::vector<int> m_drafts; // row -> event, ascending
    bool m_afresh = false; // a change is shown as a reset
};
