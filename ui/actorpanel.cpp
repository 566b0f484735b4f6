#include "actorpanel.h"

#include "actormodel.h"
#include "eventmodel.h"
#include "plaintooltips.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScopedValueRollback>
#include <QTreeView>
#include <QVBoxLayout>

ActorPanel::ActorPanel(ActorModel *actors, EventModel *events, QItemSelectionModel *eventSelection,
                       QWidget *parent)
    : QWidget(parent)
    , m_actors(actors)
    , m_events(events)
    , m_eventSelection(eventSelection)
    , m_view(new QTreeView(this))
{
    Q_ASSERT(eventSelection->model() == events);

    m_view->setModel(m_actors);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // A person picks one actor; the code may still mark all the actors of an event.
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Actors"));
    PlainToolTips::install(m_view);

    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ActorModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ActorModel::KindColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ActorModel::EventsColumn, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_eventSelection, &QItemSelectionModel::currentChanged, this, &ActorPanel::followCurrentEvent);
    connect(m_events, &QAbstractItemModel::modelReset, this, &ActorPanel::followCurrentEvent);
    connect(m_actors, &QAbstractItemModel::modelReset, this, &ActorPanel::followCurrentEvent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActorPanel::onActorSelectionChanged);
    followCurrentEvent();
}

void ActorPanel::highlightActor(int actor)
{
    QItemSelectionModel *selection = m_view->selectionModel();
    if (actor < 0 || actor >= m_actors->rowCount()) {
        selection->clear();
        return;
    }
    const QModelIndex index = m_actors->index(actor, ActorModel::NameColumn);
    selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ActorPanel::followCurrentEvent()
{
    const QScopedValueRollback following(m_following, true);
    QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = m_eventSelection->currentIndex();
    if (!current.isValid() || current.model() != m_events) {
        selection->clearSelection();
        return;
    }

    QItemSelection actors;
    const QList<int> indices = current.siblingAtColumn(0).data(EventModel::ActorsRole).value<QList<int>>();
    for (const int actor : indices) {
        const QModelIndex index = m_actors->index(actor, 0);
        if (index.isValid()) // invalid while the other model is not yet reset to the same timeline
            actors.select(index, index);
    }
    selection->select(actors, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!actors.isEmpty()) {
        const QModelIndex first = actors.first().topLeft();
        selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
}

void ActorPanel::onActorSelectionChanged()
{
    if (m_following)
        return;
    const QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    if (rows.isEmpty()) {
        Q_EMIT actorHighlighted(-1);
        return;
    }
    const QModelIndex current = selection->currentIndex();
    Q_EMIT actorHighlighted(
        current.isValid() && selection->isRowSelected(current.row()) ? current.row() : rows.first().row());
}
