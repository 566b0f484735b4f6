#pragma once

#include "timeline.h"

#include <QAbstractTableModel>

#include <memory>

// The events of a timeline, one row each, in date order (the order the loader sorts them in),
// so that a row number is also an event's index in Timeline::events.
class EventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, TitleColumn, ActorsColumn, KindColumn, ColumnCount };
    enum Role {
        EventIndexRole = Qt::UserRole,
        IdRole,
        FirstDayRole, // days since 1970-01-01
        LastDayRole,
        PrecisionRole, // DateRange::Precision as int
        DateTextRole, // the source's phrase, e.g. "late 2022"
        KindRole,
        ActorsRole, // QList<int> of actor indices
        SummaryRole,
        SortRole, // what the column sorts by: an EventOrder::DateKey for the date, else the text
        DraftRole, // bool: proposed from an article, not yet reviewed
    };

    explicit EventModel(QObject *parent = nullptr);

    void setTimeline(std::shared_ptr<const Timeline> timeline);
    const std::shared_ptr<const Timeline> &timeline() const { return m_timeline; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Actor names joined with ", ": what the table and the search field see.
    QString actorNames(const Event &event) const;

private:
    // The document edits the timeline and tells the views through the model's row signals.
    friend class TimelineDocument;

    std::shared_ptr<const Timeline> m_timeline;
};
