#include "draftmodel.h"

#include "eventmodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

static_assert(int(DraftModel::ColumnCount) == int(EventModel::ColumnCount),
              "DraftModel shows its own columns in the slots of EventModel's");

DraftModel::DraftModel(EventModel *events, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_events(events)
{
    QAbstractProxyModel::setSourceModel(events);
    connect(events, &QAbstractItemModel::modelAboutToBeReset, this, &DraftModel::beginAfresh);
    connect(events, &QAbstractItemModel::modelReset, this, &DraftModel::endAfresh);
    connect(events, &QAbstractItemModel::layoutAboutToBeChanged, this, &DraftModel::beginAfresh);
    connect(events, &QAbstractItemModel::layoutChanged, this, &DraftModel::endAfresh);
    connect(events, &QAbstractItemModel::rowsInserted, this, &DraftModel::sourceRowsInserted);
    connect(events, &QAbstractItemModel::rowsAboutToBeRemoved, this, &DraftModel::sourceRowsAboutToBeRemoved);
    connect(events, &QAbstractItemModel::rowsRemoved, this, &DraftModel::sourceRowsRemoved);
    connect(events, &QAbstractItemModel::rowsAboutToBeMoved, this, &DraftModel::sourceRowsAboutToBeMoved);
    connect(events, &QAbstractItemModel::rowsMoved, this, &DraftModel::sourceRowsMoved);
    connect(events, &QAbstractItemModel::dataChanged, this, &DraftModel::sourceDataChanged);
    rebuild();
}

int DraftModel::eventRow(int draftRow) const
{
    return draftRow >= 0 && draftRow < int(m_drafts.size()) ? m_drafts[std::size_t(draftRow)] : -1;
}

int DraftModel::draftRow(int eventRow) const
{
    const int row = lowerRow(eventRow);
    return row < int(m_drafts.size()) && m_drafts[std::size_t(row)] == eventRow ? row : -1;
}

int DraftModel::lowerRow(int event) const
{
    return int(std::lower_bound(m_drafts.begin(), m_drafts.end(), event) - m_drafts.begin());
}

bool DraftModel::isDraft(int event) const
{
    // Read from the timeline, not through data(): a reset reads every event of a million.
    const auto &timeline = m_events->timeline();
    return timeline && timeline->events[std::size_t(event)].draft;
}

void DraftModel::rebuild()
{
    m_drafts.clear();
    const int count = m_events->rowCount();
    for (int event = 0; event < count; ++event) {
        if (isDraft(event))
            m_drafts.push_back(event);
    }
}

QModelIndex DraftModel::index(int row, int column, const QModelIndex &parent) const
{
    return hasIndex(row, column, parent) ? createIndex(row, column) : QModelIndex();
}

QModelIndex DraftModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex DraftModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int DraftModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drafts.size());
}

int DraftModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DraftModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_drafts.empty();
}

QModelIndex DraftModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    const int event = eventRow(proxyIndex.row());
    return event < 0 ? QModelIndex() : m_events->index(event, proxyIndex.column());
}

QModelIndex DraftModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_events)
        return {};
    const int row = draftRow(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

void DraftModel::beginAfresh()
{
    m_afresh = true;
    beginResetModel();
}

void DraftModel::endAfresh()
{
    rebuild();
    m_afresh = false;
    endResetModel();
}

// The draft rows keep step with the event model at each of its signals: rows go while their
// events are still there, come once they are, and event numbers shift before any signal here.

void DraftModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (auto it = m_drafts.begin() + lowerRow(first); it != m_drafts.end(); ++it)
        *it += count;
    for (int event = first; event <= last; ++event) {
        if (!isDraft(event))
            continue;
        const int row = lowerRow(event);
        beginInsertRows({}, row, row);
        m_drafts.insert(m_drafts.begin() + row, event);
        endInsertRows();
    }
}

void DraftModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int begin = lowerRow(first), end = lowerRow(last + 1);
    if (begin == end)
        return;
    beginRemoveRows({}, begin, end - 1);
    m_drafts.erase(m_drafts.begin() + begin, m_drafts.begin() + end);
    endRemoveRows();
}

void DraftModel::sourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (auto it = m_drafts.begin() + lowerRow(first); it != m_drafts.end(); ++it)
        *it -= count;
}

void DraftModel::sourceRowsAboutToBeMoved(const QModelIndex &parent, int first, int last,
                                          const QModelIndex &destination, int)
{
    // The event model moves one event at a time; anything else is shown afresh.
    if (!parent.isValid() && !destination.isValid() && first != last)
        beginAfresh();
}

void DraftModel::sourceRowsMoved(const QModelIndex &parent, int first, [[maybe_unused]] int last,
                                 const QModelIndex &destination, int row)
{
    if (parent.isValid() || destination.isValid())
        return;
    if (m_afresh) {
        endAfresh();
        return;
    }
    const int from = first;
    const int to = row > from ? row - 1 : row;
    const int low = std::min(from, to), high = std::max(from, to);
    // The drafts among the events between keep their rows under new numbers; the moved event,
    // if a draft, moves to the edge of them that it moved to.
    const int begin = lowerRow(low), end = lowerRow(high + 1);
    const int moved = draftRow(from);
    for (int i = begin; i < end; ++i) {
        int &event = m_drafts[std::size_t(i)];
        event = event == from ? to : event + (from < to ? -1 : +1);
    }
    if (moved < 0)
        return;
    const int place = from < to ? end - 1 : begin;
    if (place == moved)
        return;
    beginMoveRows({}, moved, moved, {}, place > moved ? place + 1 : place);
    if (moved < place)
        std::rotate(m_drafts.begin() + moved, m_drafts.begin() + moved + 1, m_drafts.begin() + place + 1);
    else
        std::rotate(m_drafts.begin() + place, m_drafts.begin() + moved, m_drafts.begin() + moved + 1);
    endMoveRows();
}

void DraftModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                   const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    // Actors renamed, recoloured or added change the actors column of every row they are in,
    // never whether an event is a draft, and this list shows no actors: nothing to walk.
    if (topLeft.column() == EventModel::ActorsColumn && bottomRight.column() == EventModel::ActorsColumn)
        return;
    // An event may have become a draft or stopped being one (accepted): judged again.
    // One walk along the events and the drafts together: an actor renamed changes every row.
    int row = lowerRow(topLeft.row());
    for (int event = topLeft.row(); event <= bottomRight.row(); ++event) {
        const bool listed = row < int(m_drafts.size()) && m_drafts[std::size_t(row)] == event;
        const bool draft = isDraft(event);
        if (listed && !draft) {
            beginRemoveRows({}, row, row);
            m_drafts.erase(m_drafts.begin() + row);
            endRemoveRows();
        } else if (!listed && draft) {
            beginInsertRows({}, row, row);
            m_drafts.insert(m_drafts.begin() + row, event);
            endInsertRows();
            ++row;
        } else if (listed) {
            ++row;
        }
    }
    const int begin = lowerRow(topLeft.row()), end = lowerRow(bottomRight.row() + 1);
    if (begin < end)
        Q_EMIT dataChanged(index(begin, topLeft.column()), index(end - 1, bottomRight.column()), roles);
}

QVariant DraftModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractProxyModel::data(index, role);
    const Timeline &t = *m_events->timeline();
    const Event &event = t.events[std::size_t(eventRow(index.row()))];
    switch (index.column()) {
    case PhraseColumn:
        return t.text(event.dateText);
    case DateColumn:
        return event.range.toDisplayString();
    case TitleColumn:
        return t.text(event.title);
    case SentenceColumn: {
        const auto evidence = t.evidenceOf(event);
        return evidence.empty() ? QString() : t.text(evidence.front().quote).simplified();
    }
    }
    return {};
}

QVariant DraftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PhraseColumn:
        return tr("Phrase");
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Title");
    case SentenceColumn:
        return tr("Sentence");
    }
    return {};
}
