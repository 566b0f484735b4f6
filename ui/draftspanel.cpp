#include "draftspanel.h"

#include "draftmodel.h"
#include "editactions.h"
#include "editcommand.h"
#include "timelinedocument.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DraftsPanel::DraftsPanel(TimelineDocument *document, EditActions *editActions, QWidget *parent)
    : QDockWidget(tr("Drafts"), parent)
    , m_document(document)
    , m_editActions(editActions)
    , m_model(new DraftModel(document->events(), this))
{
    setObjectName(u"draftsDock"_s);
    setAccessibleName(tr("Drafts panel"));

    m_view = new QTreeView(this);
    m_view->setObjectName(u"drafts"_s);
    m_view->setAccessibleName(tr("Draft events"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(DraftModel::PhraseColumn, 120);
    m_view->header()->resizeSection(DraftModel::DateColumn, 120);
    m_view->header()->resizeSection(DraftModel::TitleColumn, 260);

    const auto make = [this](const QString &text, const QList<QKeySequence> &keys, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setToolTip(tip);
        return action;
    };
    m_accept = make(tr("&Accept Draft"), { QKeySequence(Qt::CTRL | Qt::Key_Return) },
                    tr("Keep the selected draft as a reviewed event (Ctrl+Return)"));
    m_edit = make(tr("&Edit Draft…"), {}, tr("Open the selected draft in the event editor (F2)"));
    m_reject = make(tr("&Reject Draft"), { QKeySequence(Qt::CTRL | Qt::Key_Backspace) },
                    tr("Delete the selected draft (Ctrl+Backspace)"));
    m_acceptAll = make(tr("Accept A&ll Drafts"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return) },
                       tr("Keep every draft as a reviewed event (Ctrl+Shift+Return)"));
    connect(m_accept, &QAction::triggered, this, &DraftsPanel::acceptCurrent);
    connect(m_edit, &QAction::triggered, editActions, &EditActions::editEvent);
    connect(m_reject, &QAction::triggered, this, &DraftsPanel::rejectCurrent);
    connect(m_acceptAll, &QAction::triggered, this, &DraftsPanel::acceptAll);
    // Return in the list opens the editor, as a double click does.
    connect(m_view, &QTreeView::activated, editActions, &EditActions::editEvent);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : { m_accept, m_edit, m_reject, m_acceptAll }) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_count = new QLabel(this);
    m_count->setTextFormat(Qt::PlainText);
    buttons->addWidget(m_count);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &DraftsPanel::followView);
    connect(document->selection(), &QItemSelectionModel::currentChanged, this, &DraftsPanel::followDocument);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, &DraftsPanel::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DraftsPanel::updateState);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &DraftsPanel::updateState);
    updateState();
}

void DraftsPanel::addTo(QMenu *menu)
{
    for (QAction *action : { m_accept, m_edit, m_reject, m_acceptAll }) {
        menu->addAction(action);
        // In the window, not only this panel: reviewing goes on while the chart has the focus.
        if (QWidget *window = parentWidget())
            window->addAction(action);
    }
}

int DraftsPanel::currentDraftEvent() const
{
    const int event = m_document->currentEvent();
    return m_model->draftRow(event) >= 0 ? event : -1;
}

void DraftsPanel::selectDraftNear(int draftRow)
{
    if (m_model->rowCount() > 0)
        m_document->selectEvent(m_model->eventRow(std::clamp(draftRow, 0, m_model->rowCount() - 1)));
}

void DraftsPanel::reviewFirst()
{
    show();
    raise();
    selectDraftNear(0);
    m_view->setFocus(Qt::OtherFocusReason);
}

void DraftsPanel::acceptCurrent()
{
    const int event = currentDraftEvent();
    if (event < 0)
        return;
    const int row = m_model->draftRow(event);
    EventDraft accepted = m_document->eventDraft(event);
    accepted.draft = false;
    m_document->editEvent(event, accepted, tr("Accept Draft"));
    selectDraftNear(row); // on to the next one
}

void DraftsPanel::rejectCurrent()
{
    const int event = currentDraftEvent();
    if (event < 0)
        return;
    const int row = m_model->draftRow(event);
    m_document->undoStack()->push(new EditCommand<EventDraft>(m_document, tr("Reject Draft"), event,
                                                              m_document->eventDraft(event), std::nullopt));
    selectDraftNear(row);
}

void DraftsPanel::acceptAll()
{
    if (m_model->rowCount() == 0)
        return;
    // One step; an accepted event keeps its date, so it stays at its row.
    auto *parent = new QUndoCommand(tr("Accept All Drafts"));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const int event = m_model->eventRow(row);
        EventDraft accepted = m_document->eventDraft(event);
        accepted.draft = false;
        new EditCommand<EventDraft>(m_document, QString(), event, m_document->eventDraft(event), accepted,
                                    parent);
    }
    m_document->undoStack()->push(parent);
}

void DraftsPanel::followDocument()
{
    if (m_following)
        return;
    m_following = true;
    const int row = m_model->draftRow(m_document->currentEvent());
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    } else {
        m_view->selectionModel()->clear();
    }
    m_following = false;
    updateState();
}

void DraftsPanel::followView()
{
    if (m_following)
        return;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    m_following = true;
    m_document->selectEvent(m_model->eventRow(current.row()));
    m_following = false;
    updateState();
}

void DraftsPanel::updateState()
{
    const int drafts = m_model->rowCount();
    m_count->setText(tr("%n draft(s)", nullptr, drafts));
    const bool hasDraft = currentDraftEvent() >= 0;
    m_accept->setEnabled(hasDraft);
    m_edit->setEnabled(hasDraft);
    m_reject->setEnabled(hasDraft);
    m_acceptAll->setEnabled(drafts > 0);
}
