#pragma once

#include <QSortFilterProxyModel>

class EventModel;

// The draft events of a timeline (proposed from an article, not yet reviewed), in date order,
// for the Drafts review: one row each, with the columns a reviewer reads — the source's phrase
// for the date, the date it was resolved to, the title and the sentence it cites. A row leaves
// as soon as its event stops being a draft (accepted) or is removed (rejected).
class DraftModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Column { PhraseColumn, DateColumn, TitleColumn, SentenceColumn, ColumnCount };

    explicit DraftModel(EventModel *events, QObject *parent = nullptr);

    // The event's row in the EventModel, or -1.
    int eventRow(int draftRow) const;
    // The draft's row here, or -1 when the event is not a draft.
    int draftRow(int eventRow) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    EventModel *m_events;
};
