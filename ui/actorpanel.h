#pragma once

#include <QWidget>

class ActorModel;
class EventModel;
class QItemSelectionModel;
class QTreeView;

// The actors of the timeline with their colour, kind and event count; a check box shows or
// hides each actor's lane. It marks the actors of the current event, and reports the actor a
// person picks so that the chart can highlight that actor's events.
class ActorPanel : public QWidget
{
    Q_OBJECT
public:
    ActorPanel(ActorModel *actors, EventModel *events, QItemSelectionModel *eventSelection,
               QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }

public Q_SLOTS:
    // Selects the actor as if the person had picked it, and so emits actorHighlighted().
    void highlightActor(int actor);

Q_SIGNALS:
    // The actor a person selected in the list, or -1 when they cleared the selection.
    void actorHighlighted(int actor);

private:
    void followCurrentEvent();
    void onActorSelectionChanged();

    ActorModel *m_actors;
    EventModel *m_events;
    QItemSelectionModel *m_eventSelection;
    QTreeView *m_view;
    bool m_following = false; // set while the view's selection is changed by the code, not a person
};
