#include "draftmodel.h"

#include "eventmodel.h"

using namespace Qt::StringLiterals;

static_assert(int(DraftModel::ColumnCount) == int(EventModel::ColumnCount),
              "DraftModel shows its own columns in the slots of EventModel's");

DraftModel::DraftModel(EventModel *events, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_events(events)
{
    setSourceModel(events);
    // Accepting a draft is a change of its data: the row must leave at once.
    setDynamicSortFilter(true);
}

int DraftModel::eventRow(int draftRow) const
{
    const QModelIndex source = mapToSource(index(draftRow, 0));
    return source.isValid() ? source.row() : -1;
}

int DraftModel::draftRow(int eventRow) const
{
    if (eventRow < 0 || eventRow >= m_events->rowCount())
        return -1;
    const QModelIndex proxy = mapFromSource(m_events->index(eventRow, 0));
    return proxy.isValid() ? proxy.row() : -1;
}

bool DraftModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // Read from the timeline, not through data(): this runs for every event of a million.
    const auto &timeline = m_events->timeline();
    return timeline && timeline->events[std::size_t(sourceRow)].draft;
}

int DraftModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DraftModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QSortFilterProxyModel::data(index, role);
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
