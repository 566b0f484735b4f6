#pragma once

#include "actormodel.h"
#include "eventmodel.h"
#include "timelinefilter.h"
#include "zoomstate.h"

#include <QItemSelectionModel>
#include <QObject>
#include <QString>

#include <memory>

// One open timeline and the state every view of it shares: the item models, the single
// selection model that says which event is current, the filter and the zoom. The window and
// the headless export both build their views on one of these.
class TimelineDocument : public QObject
{
    Q_OBJECT
public:
    explicit TimelineDocument(QObject *parent = nullptr);

    void setTimeline(std::shared_ptr<const Timeline> timeline, const QString &fileName);
    const std::shared_ptr<const Timeline> &timeline() const { return m_events.timeline(); }
    QString fileName() const { return m_fileName; }

    EventModel *events() { return &m_events; }
    ActorModel *actors() { return &m_actors; }
    TimelineFilter *filter() { return &m_filter; }
    ZoomState *zoom() { return &m_zoom; }
    QItemSelectionModel *selection() { return &m_selection; }

    // The current event's row, or -1.
    int currentEvent() const;
    void selectEvent(int row);
    // Selects the event with this id; false when there is none.
    bool selectEventById(const QString &id);

Q_SIGNALS:
    void timelineChanged();

private:
    QString m_fileName;
    EventModel m_events;
    ActorModel m_actors;
    TimelineFilter m_filter;
    ZoomState m_zoom;
    QItemSelectionModel m_selection;
};
