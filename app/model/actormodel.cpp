#include "actormodel.h"

using namespace Qt::StringLiterals;

ActorModel::ActorModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ActorModel::setTimeline(std::shared_ptr<const Timeline> timeline)
{
    beginResetModel();
    adopt(std::move(timeline));
    endResetModel();
}

void ActorModel::adopt(std::shared_ptr<const Timeline> timeline)
{
    m_timeline = std::move(timeline);
    const qsizetype count = m_timeline ? m_timeline->actors.size() : 0;
    m_eventCounts = QList<int>(count, 0);
    m_visible = QList<bool>(count, true);
    if (m_timeline) {
        for (const std::int32_t actor : m_timeline->eventActors)
            ++m_eventCounts[actor];
    }
}

int ActorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_timeline ? 0 : int(m_timeline->actors.size());
}

int ActorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor ActorModel::color(int actor) const
{
    const QColor own = m_timeline->actors.at(actor).color;
    if (own.isValid())
        return own;
    // Twelve hues that stay apart on light and dark backgrounds, then again darker.
    static const QColor palette[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x5f, 0x00), QColor(0x2c, 0x9c, 0x4a),
        QColor(0xc0, 0x39, 0x2b), QColor(0x8e, 0x5c, 0xc2), QColor(0x8c, 0x56, 0x4b),
        QColor(0xc4, 0x4e, 0x9a), QColor(0x6b, 0x6b, 0x6b), QColor(0x9a, 0x9a, 0x12),
        QColor(0x12, 0x9d, 0xaa), QColor(0x3d, 0x5a, 0xa8), QColor(0xa8, 0x6b, 0x1a),
    };
    const QColor base = palette[actor % std::size(palette)];
    return (actor / std::size(palette)) % 2 ? base.darker(140) : base;
}

QVariant ActorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Actor &actor = m_timeline->actors.at(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return actor.name();
        case KindColumn:
            return actor.kind();
        case EventsColumn:
            return m_eventCounts.at(row);
        }
        break;
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(color(row)) : QVariant();
    case Qt::CheckStateRole:
        return index.column() == NameColumn ? QVariant(m_visible.at(row) ? Qt::Checked : Qt::Unchecked)
                                            : QVariant();
    case Qt::ToolTipRole:
        return actor.description().isEmpty() ? actor.name() : actor.name() + u'\n' + actor.description();
    case ActorIndexRole:
        return row;
    case IdRole:
        return actor.id();
    case ColorRole:
        return color(row);
    case EventCountRole:
        return m_eventCounts.at(row);
    case DescriptionRole:
        return actor.description();
    }
    return {};
}

bool ActorModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    setVisible(index.row(), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

void ActorModel::setVisible(int actor, bool visible)
{
    if (actor < 0 || actor >= m_visible.size() || m_visible.at(actor) == visible)
        return;
    m_visible[actor] = visible;
    const QModelIndex changed = index(actor, NameColumn);
    Q_EMIT dataChanged(changed, changed, { Qt::CheckStateRole });
    Q_EMIT visibilityChanged();
}

Qt::ItemFlags ActorModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ActorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Actor");
    case KindColumn:
        return tr("Kind");
    case EventsColumn:
        return tr("Events");
    }
    return {};
}
