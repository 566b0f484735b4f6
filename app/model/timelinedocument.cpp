#include "timelinedocument.h"

TimelineDocument::TimelineDocument(QObject *parent)
    : QObject(parent)
    , m_filter(&m_actors)
    , m_selection(&m_events)
{ }

void TimelineDocument::setTimeline(std::shared_ptr<const Timeline> timeline, const QString &fileName)
{
    m_fileName = fileName;
    m_selection.clear();
    m_actors.setTimeline(timeline);
    m_filter.setTimeline(timeline);
    m_events.setTimeline(std::move(timeline));
    Q_EMIT timelineChanged();
}

int TimelineDocument::currentEvent() const
{
    const QModelIndex current = m_selection.currentIndex();
    return current.isValid() ? current.row() : -1;
}

void TimelineDocument::selectEvent(int row)
{
    if (row < 0 || row >= m_events.rowCount()) {
        m_selection.clear();
        return;
    }
    m_selection.setCurrentIndex(m_events.index(row, 0),
                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool TimelineDocument::selectEventById(const QString &id)
{
    const auto &t = timeline();
    const qsizetype row = t ? t->indexOfEvent(id.toUtf8()) : -1;
    if (row < 0)
        return false;
    selectEvent(int(row));
    return true;
}
