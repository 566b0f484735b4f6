#include "eventmodel.h"

#include "eventorder.h"

#include <limits>

using namespace Qt::StringLiterals;

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EventModel::setTimeline(std::shared_ptr<const Timeline> timeline)
{
    beginResetModel();
    m_timeline = std::move(timeline);
    endResetModel();
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_timeline ? 0 : int(m_timeline->events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventModel::actorNames(const Event &event) const
{
    QStringList names;
    for (const std::int32_t actor : m_timeline->actorsOf(event))
        names.append(m_timeline->actors.at(actor).name());
    return names.join(u", "_s);
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Timeline &t = *m_timeline;
    const Event &event = t.events[index.row()];

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return event.range.toDisplayString();
        case TitleColumn:
            return t.text(event.title);
        case ActorsColumn:
            return actorNames(event);
        case KindColumn:
            return t.kindLabelOf(event);
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = t.text(event.title) + u'\n' + event.range.toDisplayString();
        if (!event.dateText.isEmpty())
            tip += u" (\u201c"_s + t.text(event.dateText) + u"\u201d)"_s;
        return tip;
    }
    case SortRole:
        if (index.column() == DateColumn) {
            return EventOrder::dateKey(event.range);
        }
        return data(index, Qt::DisplayRole);
    case EventIndexRole:
        return index.row();
    case IdRole:
        return t.text(event.id);
    case FirstDayRole:
        return qlonglong(event.range.first);
    case LastDayRole:
        return qlonglong(event.range.last);
    case PrecisionRole:
        return int(event.range.precision);
    case DateTextRole:
        return t.text(event.dateText);
    case KindRole:
        return t.kindOf(event);
    case ActorsRole: {
        QList<int> actors;
        for (const std::int32_t actor : t.actorsOf(event))
            actors.append(actor);
        return QVariant::fromValue(actors);
    }
    case SummaryRole:
        return t.text(event.summary);
    case DraftRole:
        return event.draft;
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Event");
    case ActorsColumn:
        return tr("Actors");
    case KindColumn:
        return tr("Kind");
    }
    return {};
}
