#include "editactions.h"

#include "actorfinder.h"
#include "datefinder.h"
#include "daterange.h"
#include "eventeditor.h"
#include "sourcedialog.h"
#include "sourceview.h"
#include "timelinedocument.h"
#include "titleprompt.h"

#include <QAction>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &action)
{
    QMessageBox box(QMessageBox::Question, title, QString(), QMessageBox::Cancel, parent);
    box.setTextFormat(Qt::PlainText);
    box.setText(text);
    QPushButton *go = box.addButton(action, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

void inform(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Information, title, QString(), QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.setText(text);
    box.exec();
}

} // namespace

EditActions::EditActions(TimelineDocument *document, SourceView *sourceView, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_sourceView(sourceView)
    , m_window(window)
{
    // Named by the stack: "Undo Rename Actor".
    m_undo = document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });

    const auto make = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        if (!key.isEmpty())
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newEvent =
        make(tr("New &Event…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N), &EditActions::newEvent);
    m_fromSelection = make(tr("New Event from &Selection…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                           &EditActions::newEventFromSelection);
    m_addEvidence = make(tr("Add Selection as E&vidence"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                         &EditActions::addSelectionAsEvidence);
    m_editEvent = make(tr("Edit E&vent…"), QKeySequence(Qt::Key_F2), &EditActions::editEvent);
    m_deleteEvent = make(tr("&Delete Event"), QKeySequence::Delete, &EditActions::deleteEvent);
    // The table and chart take Delete; a text field that has focus keeps it for its own text.
    m_deleteEvent->setShortcutContext(Qt::WindowShortcut);

    m_timelineActions = {
        make(tr("&Rename Timeline…"), {}, &EditActions::renameTimeline),
        nullptr,
        make(tr("Add &Source…"), {}, &EditActions::addSource),
        make(tr("Edit S&ource…"), {}, &EditActions::editSource),
        make(tr("Remove So&urce"), {}, &EditActions::removeSource),
        nullptr,
        make(tr("Add &Actor…"), {}, &EditActions::addActor),
        make(tr("&Edit Actor…"), {}, &EditActions::editActor),
        make(tr("&Delete Actor…"), {}, &EditActions::deleteActor),
        make(tr("&Merge Actors…"), {}, &EditActions::mergeActors),
        nullptr,
        make(tr("Add E&ra…"), {}, &EditActions::addEra),
        make(tr("Edit Er&a…"), {}, &EditActions::editEra),
        make(tr("Delete Era…"), {}, &EditActions::deleteEra),
    };

    sourceView->setSelectionActions({ m_fromSelection, m_addEvidence });
    connect(sourceView, &SourceView::selectedQuoteChanged, this, &EditActions::updateEnabled);
    connect(document->selection(), &QItemSelectionModel::currentChanged, this, &EditActions::updateEnabled);
    connect(document, &TimelineDocument::timelineChanged, this, &EditActions::updateEnabled);
    connect(document, &TimelineDocument::edited, this, &EditActions::updateEnabled);
    updateEnabled();
}

void EditActions::addTo(QMenu *edit, QMenu *timeline)
{
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    for (QAction *action : { m_newEvent, m_fromSelection, m_addEvidence, m_editEvent, m_deleteEvent }) {
        edit->addAction(action);
        m_window->addAction(action);
    }
    m_window->addAction(m_undo);
    m_window->addAction(m_redo);
    edit->addSeparator();
    for (QAction *action : std::as_const(m_timelineActions)) {
        if (action)
            timeline->addAction(action);
        else
            timeline->addSeparator();
    }
}

void EditActions::updateEnabled()
{
    const bool open = m_document->timeline() != nullptr;
    const bool hasEvent = m_document->currentEvent() >= 0;
    const bool hasSelection = !m_sourceView->selectedQuote().isEmpty();
    m_newEvent->setEnabled(open);
    m_fromSelection->setEnabled(hasSelection);
    m_addEvidence->setEnabled(hasSelection && hasEvent);
    m_editEvent->setEnabled(hasEvent);
    m_deleteEvent->setEnabled(hasEvent);
    for (QAction *action : std::as_const(m_timelineActions)) {
        if (action)
            action->setEnabled(open);
    }
}

int EditActions::currentSource() const
{
    return m_sourceView->shownSource();
}

EventDraft EditActions::draftFromSelection() const
{
    EventDraft draft;
    const QString quote = m_sourceView->selectedQuote();
    if (quote.isEmpty())
        return draft;
    draft.evidence.append({ currentSource(), quote });
    // Relative dates ("yesterday", "last March") count from the day the source was published,
    // when it says which day that was.
    std::optional<QDate> published;
    if (const auto &sources = m_document->timeline()->sources;
        currentSource() >= 0 && currentSource() < sources.size()) {
        const auto range = DateRange::parse(sources.at(currentSource()).utf8(Source::Published));
        if (range && range->precision == DateRange::Precision::Day)
            published = range->firstDate();
    }
    if (const auto date = DateFinder::find(quote, published)) {
        draft.when = date->when;
        draft.dateText = date->phrase;
    }
    draft.actors = ActorFinder::find(m_document->timeline()->actors, quote);
    return draft;
}

void EditActions::openEditor(const EventDraft &draft, int editing)
{
    EventEditor editor(*m_document->timeline(), draft, editing, m_window);
    if (editor.exec() != QDialog::Accepted)
        return;
    QUndoStack *stack = m_document->undoStack();
    const QStringList newActors = editor.newActors();
    const QString name = editing < 0 ? tr("Add Event") : tr("Edit Event");
    // New actors and the event are one step: undoing it leaves no actor behind.
    if (!newActors.isEmpty())
        stack->beginMacro(name);
    for (const QString &actorName : newActors) {
        Actor actor;
        actor.setName(actorName);
        m_document->addActor(actor);
    }
    if (editing < 0)
        m_document->addEvent(editor.draft());
    else
        m_document->editEvent(editing, editor.draft());
    if (!newActors.isEmpty())
        stack->endMacro();
}

void EditActions::newEvent()
{
    openEditor({}, -1);
}

void EditActions::newEventFromSelection()
{
    const EventDraft draft = draftFromSelection();
    if (!draft.evidence.isEmpty())
        openEditor(draft, -1);
}

void EditActions::addSelectionAsEvidence()
{
    const int event = m_document->currentEvent();
    const QString quote = m_sourceView->selectedQuote();
    if (event < 0 || quote.isEmpty())
        return;
    EventDraft draft = m_document->eventDraft(event);
    const EvidenceDraft item { currentSource(), quote };
    if (draft.evidence.contains(item))
        return;
    draft.evidence.append(item);
    m_document->editEvent(event, draft, tr("Add Evidence"));
}

void EditActions::editEvent()
{
    const int event = m_document->currentEvent();
    if (event >= 0)
        openEditor(m_document->eventDraft(event), event);
}

void EditActions::deleteEvent()
{
    const int event = m_document->currentEvent();
    if (event >= 0)
        m_document->deleteEvent(event);
}

void EditActions::renameTimeline()
{
    const auto title = askTitle(m_window, tr("Rename Timeline"), m_document->timeline()->title);
    if (title && !title->isEmpty())
        m_document->setTitle(*title);
}

void EditActions::addSource()
{
    SourceDialog dialog(Source {}, true, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int source = m_document->addSource(dialog.source());
    m_sourceView->showSource(source);
}

void EditActions::editSource()
{
    const int source = currentSource();
    if (source < 0)
        return;
    SourceDialog dialog(m_document->timeline()->sources.at(source), false, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_document->editSource(source, dialog.source());
}

void EditActions::removeSource()
{
    const int source = currentSource();
    if (source < 0)
        return;
    const QString title = m_document->timeline()->sources.at(source).title();
    const int citing = m_document->eventsCiting(source);
    if (citing > 0) {
        inform(m_window, tr("Remove Source"),
               tr("“%1” is cited by %n event(s): remove their quotes from it first.", nullptr, citing)
                   .arg(title));
        return;
    }
    if (confirm(m_window, tr("Remove Source"), tr("Remove the source “%1”?").arg(title), tr("&Remove")))
        m_document->removeSource(source);
}

int EditActions::chooseActor(const QString &title, const QString &label, int except)
{
    const auto &actors = m_document->timeline()->actors;
    QStringList names;
    QList<int> indices;
    for (qsizetype a = 0; a < actors.size(); ++a) {
        if (a != except) {
            names.append(actors.at(a).name());
            indices.append(int(a));
        }
    }
    if (names.isEmpty()) {
        inform(m_window, title, tr("The timeline has no actors."));
        return -1;
    }
    // Start on the highlighted actor, the one the person last picked in the actor panel.
    const int current = std::max<int>(0, int(indices.indexOf(m_document->highlightedActor())));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, title, label, names, current, false, &ok);
    return ok ? indices.value(names.indexOf(chosen), -1) : -1;
}

namespace {

// Asks for an actor's name, kind, colour, aliases and description; false when cancelled.
bool askActor(QWidget *parent, const QString &title, QColor automaticColor, Actor *actor)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *name = new QLineEdit(actor->name(), &dialog);
    name->setObjectName(u"name"_s);
    auto *kind = new QComboBox(&dialog);
    kind->setObjectName(u"kind"_s);
    kind->setEditable(true);
    // The format's common kinds, as the file has them: they are data, not words of the interface.
    kind->addItems({ u"organization"_s, u"person"_s, u"medium"_s, u"group"_s });
    kind->setCurrentText(actor->kind().isEmpty() ? u"organization"_s : actor->kind());
    auto *aliases = new QLineEdit(actor->aliases.join(u", "_s), &dialog);
    aliases->setPlaceholderText(QObject::tr("Other names, separated by commas"));
    auto *description = new QLineEdit(actor->description(), &dialog);
    QColor color = actor->color;
    auto *colorButton = new QPushButton(color.isValid() ? color.name() : QObject::tr("Automatic"), &dialog);
    QObject::connect(colorButton, &QPushButton::clicked, &dialog, [&] {
        const QColor chosen = QColorDialog::getColor(color.isValid() ? color : automaticColor, &dialog,
                                                     QObject::tr("Actor Colour"));
        if (chosen.isValid()) {
            color = chosen;
            colorButton->setText(chosen.name());
        }
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const auto check = [=] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!name->text().trimmed().isEmpty() && !kind->currentText().trimmed().isEmpty());
    };
    QObject::connect(name, &QLineEdit::textChanged, &dialog, check);
    QObject::connect(kind, &QComboBox::currentTextChanged, &dialog, check);
    check();
    auto *form = new QFormLayout(&dialog);
    form->addRow(QObject::tr("&Name:"), name);
    form->addRow(QObject::tr("&Kind:"), kind);
    form->addRow(QObject::tr("&Colour:"), colorButton);
    form->addRow(QObject::tr("A&liases:"), aliases);
    form->addRow(QObject::tr("&Description:"), description);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    actor->setName(name->text().trimmed());
    actor->setKind(kind->currentText().trimmed());
    actor->color = color;
    actor->setDescription(description->text().trimmed());
    actor->aliases.clear();
    for (const QString &alias : aliases->text().split(u',', Qt::SkipEmptyParts)) {
        if (!alias.trimmed().isEmpty())
            actor->aliases.append(alias.trimmed());
    }
    return true;
}

// The step's name for a change of one actor: what changed, when only one thing did.
QString actorChangeName(const Actor &before, const Actor &after)
{
    const bool name = before.name() != after.name();
    const bool color = before.color != after.color;
    const bool kind = before.kind() != after.kind();
    const bool rest = before.aliases != after.aliases || before.description() != after.description();
    if (name && !color && !kind && !rest)
        return EditActions::tr("Rename Actor");
    if (color && !name && !kind && !rest)
        return EditActions::tr("Recolour Actor");
    if (kind && !name && !color && !rest)
        return EditActions::tr("Change Actor Kind");
    return EditActions::tr("Edit Actor");
}

} // namespace

void EditActions::addActor()
{
    Actor actor;
    if (askActor(m_window, tr("Add Actor"), QColor(), &actor))
        m_document->addActor(actor);
}

void EditActions::editActor()
{
    const int index = chooseActor(tr("Edit Actor"), tr("Actor:"));
    if (index < 0)
        return;
    const Actor before = m_document->timeline()->actors.at(index);
    Actor after = before;
    if (askActor(m_window, tr("Edit Actor"), m_document->actors()->color(index), &after))
        m_document->editActor(index, after, actorChangeName(before, after));
}

void EditActions::deleteActor()
{
    const int actor = chooseActor(tr("Delete Actor"), tr("Actor:"));
    if (actor < 0)
        return;
    const int events = m_document->actors()->eventCount(actor);
    const QString name = m_document->timeline()->actors.at(actor).name();
    const QString text = events == 0
        ? tr("Delete the actor “%1”? No event names it.").arg(name)
        : tr("Delete the actor “%1”? %n event(s) will lose it; the events stay.", nullptr, events).arg(name);
    if (confirm(m_window, tr("Delete Actor"), text, tr("&Delete")))
        m_document->deleteActor(actor);
}

void EditActions::mergeActors()
{
    const int gone = chooseActor(tr("Merge Actors"), tr("Merge this actor:"));
    if (gone < 0)
        return;
    const int kept =
        chooseActor(tr("Merge Actors"), tr("into this one (its name and aliases are kept):"), gone);
    if (kept < 0)
        return;
    m_document->mergeActors(kept, gone);
}

int EditActions::chooseEra(const QString &title)
{
    const auto &eras = m_document->timeline()->eras;
    if (eras.isEmpty()) {
        inform(m_window, title, tr("The timeline has no eras."));
        return -1;
    }
    QStringList names;
    for (const Era &era : eras)
        names.append(era.title + u" ("_s + era.when + u')');
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, title, tr("Era:"), names, 0, false, &ok);
    return ok ? int(names.indexOf(chosen)) : -1;
}

namespace {

// Asks for an era's title and dates; false when cancelled.
bool askEra(QWidget *parent, const QString &title, Era *era)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *name = new QLineEdit(era->title, &dialog);
    auto *when = new QLineEdit(era->when, &dialog);
    when->setPlaceholderText(QObject::tr("2019-03/2023-11"));
    auto *problem = new QLabel(&dialog);
    problem->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const auto check = [=] {
        QString error;
        if (name->text().trimmed().isEmpty())
            error = QObject::tr("The era needs a title.");
        else if (!DateRange::parse(when->text().trimmed().toUtf8(), &error) && error.isEmpty())
            error = QObject::tr("The era needs dates.");
        problem->setText(error);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    };
    QObject::connect(name, &QLineEdit::textChanged, &dialog, check);
    QObject::connect(when, &QLineEdit::textChanged, &dialog, check);
    check();
    auto *form = new QFormLayout(&dialog);
    form->addRow(QObject::tr("&Title:"), name);
    form->addRow(QObject::tr("&When:"), when);
    form->addRow(problem);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    era->title = name->text().trimmed();
    era->when = when->text().trimmed();
    return true;
}

} // namespace

void EditActions::addEra()
{
    Era era;
    if (askEra(m_window, tr("Add Era"), &era))
        m_document->addEra(era);
}

void EditActions::editEra()
{
    const int index = chooseEra(tr("Edit Era"));
    if (index < 0)
        return;
    Era era = m_document->timeline()->eras.at(index);
    if (askEra(m_window, tr("Edit Era"), &era))
        m_document->editEra(index, era);
}

void EditActions::deleteEra()
{
    const int index = chooseEra(tr("Delete Era"));
    if (index >= 0)
        m_document->deleteEra(index);
}
