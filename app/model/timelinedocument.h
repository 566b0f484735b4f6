#pragma once

#include "actormodel.h"
#include "eventdraft.h"
#include "eventidindex.h"
#include "eventmodel.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QItemSelectionModel>
#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

class LaneIndex;

// One open timeline and everything its views share: the item models, the single selection
// model that says which event is current, the highlighted actor, the filter, the zoom and the
// undo stack. The window and the headless export both build their views on one of these.
//
// It is also the only writer of its timeline. Every change is a command on undoStack() (see
// EditCommand), and the commands change the timeline through apply(), which tells the models
// row by row (insert, remove, dataChanged) and patches the lane index and the filter for the
// touched event only, so that an edit at a million events costs no sort, index or reset. How
// the packed Timeline takes an edit is told in TimelineEdit. Replacing the whole timeline is
// different: one reset bracket around all models, which each view sees once.
class TimelineDocument : public QObject
{
    Q_OBJECT
public:
    explicit TimelineDocument(QObject *parent = nullptr);
    ~TimelineDocument() override;

    // Shows `timeline` and clears the undo stack. The document becomes its only writer: the
    // caller must not change it any more, nor read it from another thread while it is edited.
    void setTimeline(std::shared_ptr<const Timeline> timeline, const QString &fileName);
    // An empty timeline with a title and no file.
    void newTimeline(const QString &title);
    const std::shared_ptr<const Timeline> &timeline() const { return m_events.timeline(); }
    QString fileName() const { return m_fileName; }
    // After a save under a new name; the stack's clean state is the caller's to set.
    void setFileName(const QString &fileName);

    EventModel *events() { return &m_events; }
    ActorModel *actors() { return &m_actors; }
    TimelineFilter *filter() { return &m_filter; }
    ZoomState *zoom() { return &m_zoom; }
    QItemSelectionModel *selection() { return &m_selection; }
    QUndoStack *undoStack() { return &m_undo; }
    bool isModified() const { return !m_undo.isClean(); }

    // The current event's row, or -1.
    int currentEvent() const;
    void selectEvent(int row);
    // Selects the event with this id; false when there is none.
    bool selectEventById(const QString &id);

    // The actor whose lane and events are emphasised everywhere, or -1.
    int highlightedActor() const { return m_highlightedActor; }
    void setHighlightedActor(int actor);

    // Editing, each as one undoable command named for a menu ("Undo Add Event"). To make many
    // changes one step (an imported article: a source and its events), wrap the calls in
    // undoStack()->beginMacro(name) and endMacro().
    EventDraft eventDraft(int event) const;
    // Whether an event has this id: a look-up in the id index, not a scan of the events.
    bool hasEventId(QByteArrayView id) const;
    QStringList problems(const EventDraft &draft, int editing = -1) const;
    // Returns the new event's row; the draft must have no problems(). An empty id is filled in.
    int addEvent(EventDraft draft);
    void editEvent(int event, const EventDraft &draft, const QString &actionName = {});
    void deleteEvent(int event);

    // A source's sentences are split here when it comes without them.
    int addSource(Source source);
    void editSource(int source, const Source &changed); // the text stays; its details change
    int eventsCiting(int source) const; // a scan of the evidence
    bool removeSource(int source); // false (and nothing done) while an event cites it

    // An actor without a kind becomes an `organization` (the format requires a kind).
    int addActor(Actor actor);
    void editActor(int actor, const Actor &changed, const QString &actionName = {});
    // The actor leaves each of its events (events are kept), then the timeline.
    void deleteActor(int actor);
    // `gone`'s events go to `kept`; `gone`'s name and aliases become aliases of `kept`.
    void mergeActors(int kept, int gone);

    int addEra(Era era);
    void editEra(int era, const Era &changed);
    void deleteEra(int era);

    void setTitle(const QString &title);

    // The primitive edits the commands make: from `before` at `index` to `after`, each side
    // absent for an insertion or a removal. `hint` is where `after` goes (-1: in date order for
    // an event, at the end otherwise). Returns where `after` went, or -1 when removed.
    int apply(int index, const std::optional<EventDraft> &before, const std::optional<EventDraft> &after,
              int hint);
    int apply(int index, const std::optional<Source> &before, const std::optional<Source> &after, int hint);
    int apply(int index, const std::optional<Actor> &before, const std::optional<Actor> &after, int hint);
    int apply(int index, const std::optional<Era> &before, const std::optional<Era> &after, int hint);
    // The actors of the events at `rows` (ascending) become `lists`, in one change that every
    // view hears once: the events stay in their rows.
    void setEventActors(const std::vector<int> &rows, const std::vector<std::vector<std::int32_t>> &lists);
    int apply(int index, const std::optional<QString> &beforeTitle, const std::optional<QString> &afterTitle,
              int hint);

Q_SIGNALS:
    // A new timeline (opened, new, reverted): after every model has reset.
    void timelineChanged();
    // Any edit of the open timeline, after the models have told their views.
    void edited();
    void sourcesChanged();
    void erasChanged();
    void titleChanged(const QString &title);
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);
    void highlightedActorChanged(int actor);

private:
    void insertEvent(int row, const EventDraft &draft);
    void removeEvent(int row);
    void replaceEventInPlace(int row, const EventDraft &draft);
    // An event whose date changed: its row moves from `from` to `to`, one move for the views,
    // not a removal and an insertion.
    void moveEvent(int from, int to, const EventDraft &draft);
    void countActors(const EventDraft &draft, int delta);
    // Under `parent`, one command that gives each event of `actor` the actor list `change`
    // makes of its own; the events come from the actor's lane, not a pass over every event.
    void
    changeActorLists(int actor,
                     const std::function<std::vector<std::int32_t>(std::span<const std::int32_t>)> &change,
                     QUndoCommand *parent);

    Timeline *m_edit = nullptr; // the timeline, writable: only apply() writes
    mutable EventIdIndex m_ids;
    LaneIndex *m_lanes = nullptr;
    QString m_fileName;
    EventModel m_events;
    ActorModel m_actors;
    TimelineFilter m_filter;
    ZoomState m_zoom;
    QItemSelectionModel m_selection;
    QUndoStack m_undo;
    int m_highlightedActor = -1;
};
