#pragma once

#include "timelinedocument.h"

#include <QUndoCommand>

#include <cstdint>
#include <vector>

// The actors of many events changed as one step (an actor deleted, two merged): each event's
// list before and after, by row. Rows stay put, since no date changes.
class ActorListsCommand : public QUndoCommand
{
public:
    using Lists = std::vector<std::vector<std::int32_t>>;

    ActorListsCommand(TimelineDocument *document, std::vector<int> rows, Lists before, Lists after,
                      QUndoCommand *parent = nullptr)
        : QUndoCommand(parent)
        , m_document(document)
        , m_rows(std::move(rows))
        , m_before(std::move(before))
        , m_after(std::move(after))
    { }

    void redo() override { m_document->setEventActors(m_rows, m_after); }
    void undo() override { m_document->setEventActors(m_rows, m_before); }

private:
    TimelineDocument *m_document;
    std::vector<int> m_rows;
    Lists m_before;
    Lists m_after;
};
