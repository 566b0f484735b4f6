#pragma once

#include "timeline.h"

#include <QAbstractTableModel>
#include <QColor>

#include <memory>

// The actors of a timeline with their event counts. Each row is checkable: unchecked actors
// are hidden, and every view that draws lanes asks isVisible().
class ActorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, EventsColumn, ColumnCount };
    enum Role {
        ActorIndexRole = Qt::UserRole,
        IdRole,
        ColorRole,
        EventCountRole,
        DescriptionRole,
    };

    explicit ActorModel(QObject *parent = nullptr);

    void setTimeline(std::shared_ptr<const Timeline> timeline);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isVisible(int actor) const { return m_visible.value(actor, false); }
    void setVisible(int actor, bool visible);
    int eventCount(int actor) const { return m_eventCounts.value(actor); }
    // The actor's own colour, or one from a fixed palette when the file gives none.
    QColor color(int actor) const;

Q_SIGNALS:
    void visibilityChanged();

private:
    // The document edits the timeline and tells the views through the model's row signals.
    friend class TimelineDocument;
    void adopt(std::shared_ptr<const Timeline> timeline); // setTimeline() without the reset

    std::shared_ptr<const Timeline> m_timeline;
    QList<int> m_eventCounts;
    QList<bool> m_visible;
};
