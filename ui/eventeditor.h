#pragma once

#include "eventdraft.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class Timeline;

// Edits one event: title, date (EDTF, checked as it is typed, with the loader's own words),
// the source's phrase for the date, kind, actors (picked, or new ones named), summary, quotes
// and references. It changes nothing itself: the caller turns the result into commands.
class EventEditor : public QDialog
{
    Q_OBJECT
public:
    // `editing` is the event's row, or -1 for a new event.
    EventEditor(const Timeline &timeline, const EventDraft &draft, int editing, QWidget *parent = nullptr);

    // The event as edited. Actors named in newActors() have the indices they will get when they
    // are added, in order, after the timeline's actors.
    EventDraft draft() const;
    QStringList newActors() const { return m_newActors; }
    QStringList problems() const;

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *whenEdit() const { return m_when; }
    QLineEdit *dateTextEdit() const { return m_dateText; }
    QLabel *problemLabel() const { return m_problems; }
    QListWidget *actorList() const { return m_actors; }
    QListWidget *evidenceList() const { return m_evidence; }

    // Adds an actor by name to the list, checked: an existing one (by name or alias) or a new one.
    void addActorByName(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();
    void addReference();

    const Timeline &m_timeline;
    EventDraft m_base;
    int m_editing;
    QStringList m_newActors;
    QLineEdit *m_title;
    QLineEdit *m_when;
    QLabel *m_whenMeaning;
    QLineEdit *m_dateText;
    QComboBox *m_kind;
    QListWidget *m_actors;
    QLineEdit *m_newActor;
    QPlainTextEdit *m_summary;
    QListWidget *m_evidence;
    QTableWidget *m_references;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};
