#pragma once

#include <QDockWidget>

class DraftModel;
class EditActions;
class QAction;
class QLabel;
class QMenu;
class QTreeView;
class TimelineDocument;

// The review of draft events (proposed from an imported article): lists them with the phrase,
// the resolved date, the title and the cited sentence, and accepts (the draft flag goes), edits
// (the event editor) or rejects (deletes) the current one, or accepts them all; each one step
// on the undo stack. Selecting a draft here selects its event everywhere.
class DraftsPanel : public QDockWidget
{
    Q_OBJECT
public:
    DraftsPanel(TimelineDocument *document, EditActions *editActions, QWidget *parent = nullptr);

    // The review commands, for a menu; their shortcuts work in the whole window.
    void addTo(QMenu *menu);

    DraftModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QAction *acceptAction() const { return m_accept; }
    QAction *editAction() const { return m_edit; }
    QAction *rejectAction() const { return m_reject; }
    QAction *acceptAllAction() const { return m_acceptAll; }

public Q_SLOTS:
    // Shows the panel with the first draft selected and the list focused, for the keys.
    void reviewFirst();
    void acceptCurrent();
    void rejectCurrent();
    void acceptAll();

private:
    int currentDraftEvent() const; // the current event's row when it is a draft, else -1
    void selectDraftNear(int draftRow);
    void followDocument();
    void followView();
    void updateState();

    TimelineDocument *m_document;
    EditActions *m_editActions;
    DraftModel *m_model;
    QTreeView *m_view;
    QLabel *m_count;
    QAction *m_accept;
    QAction *m_edit;
    QAction *m_reject;
    QAction *m_acceptAll;
    bool m_following = false;
};
