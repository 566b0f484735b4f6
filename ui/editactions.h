#pragma once

#include "eventdraft.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;
class SourceView;
class TimelineDocument;

// The commands that change a timeline, as menu actions: Undo and Redo, events (new, new from
// the text selected in the source view, add the selection as evidence, edit, delete), and the
// timeline's sources, actors and eras. Each opens what it needs to ask and then goes through the
// document, so that every change is one step on its undo stack.
class EditActions : public QObject
{
    Q_OBJECT
public:
    EditActions(TimelineDocument *document, SourceView *sourceView, QWidget *window);

    // Undo, Redo and the event commands go into `edit`; sources, actors and eras into `timeline`.
    void addTo(QMenu *edit, QMenu *timeline);

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *newEventFromSelectionAction() const { return m_fromSelection; }
    QAction *addEvidenceAction() const { return m_addEvidence; }
    QAction *editEventAction() const { return m_editEvent; }
    QAction *deleteEventAction() const { return m_deleteEvent; }

    // The draft an event made from the selected text starts as: the quote, and a date and actors
    // when the quote names them. Empty when nothing is selected.
    EventDraft draftFromSelection() const;

public Q_SLOTS:
    void newEvent();
    void newEventFromSelection();
    void addSelectionAsEvidence();
    void editEvent();
    void deleteEvent();
    void renameTimeline();
    void addSource();
    void editSource();
    void removeSource();
    void addActor();
    void editActor();
    void deleteActor();
    void mergeActors();
    void addEra();
    void editEra();
    void deleteEra();

private:
    // Opens the event editor; on OK adds or changes the event (and any actors named in it) as one step.
    void openEditor(const EventDraft &draft, int editing);
    int chooseActor(const QString &title, const QString &label, int except = -1);
    int chooseEra(const QString &title);
    int currentSource() const;
    void updateEnabled();

    TimelineDocument *m_document;
    SourceView *m_sourceView;
    QWidget *m_window;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_newEvent;
    QAction *m_fromSelection;
    QAction *m_addEvidence;
    QAction *m_editEvent;
    QAction *m_deleteEvent;
    QList<QAction *> m_timelineActions;
};
