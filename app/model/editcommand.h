#pragma once

#include "timelinedocument.h"

#include <QUndoCommand>

#include <optional>

// One undoable change of one item of a timeline (an event, source, actor or era, by its type
// T): from `before` to `after`, either absent for an insertion or a removal. It keeps the
// values, not the storage, and where the item was and went, so that undo puts it back at
// exactly its row (events of equal dates keep their order) and redo does exactly what it did.
// Bigger steps (delete an actor: remove it from its events, then remove it) are a parent
// QUndoCommand with these as children.
template<typename T> class EditCommand : public QUndoCommand
{
public:
    EditCommand(TimelineDocument *document, const QString &text, int index, std::optional<T> before,
                std::optional<T> after, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_beforeIndex(index)
    { }

    void redo() override { m_afterIndex = m_document->apply(m_beforeIndex, m_before, m_after, m_afterIndex); }
    void undo() override { m_document->apply(m_afterIndex, m_after, m_before, m_beforeIndex); }

    // Where the item is after redo(), or -1 when it was removed.
    int index() const { return m_afterIndex; }

private:
    TimelineDocument *m_document;
    std::optional<T> m_before;
    std::optional<T> m_after;
    int m_beforeIndex;
    int m_afterIndex = -1;
};
