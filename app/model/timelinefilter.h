#pragma once

#include "timeline.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class ActorModel;

// Which events pass the search text and the actor check boxes. The chart and the table both
// ask it, so they always show the same events. An event passes when the text (case-insensitive)
// is in its title, date phrase, an actor's name, or a sentence it cites, and when at least one
// of its actors is visible (events without actors always are).
class TimelineFilter : public QObject
{
    Q_OBJECT
public:
    explicit TimelineFilter(ActorModel *actors, QObject *parent = nullptr);

    void setTimeline(std::shared_ptr<const Timeline> timeline);
    QString text() const { return m_text; }
    bool accepts(qsizetype event) const
    {
        return event >= 0 && event < qsizetype(m_accepted.size()) && m_accepted[event];
    }
    qsizetype acceptedCount() const { return m_acceptedCount; }
    // How many events it has judged: those of the timeline it was last given.
    qsizetype eventCount() const { return qsizetype(m_accepted.size()); }
    bool matchesText(qsizetype event) const;

    // An edit of one event, told by the document before the views hear of it: judged alone,
    // without a pass over the others. They emit no changed(), which would make views start over.
    void eventInserted(qsizetype event);
    void eventRemoved(qsizetype event);
    void eventChanged(qsizetype event);

public Q_SLOTS:
    void setText(const QString &text);

Q_SIGNALS:
    void changed();

private:
    void update();
    bool passesAll() const;
    bool judge(qsizetype event) const;

    ActorModel *m_actors;
    std::shared_ptr<const Timeline> m_timeline;
    QString m_text;
    std::vector<bool> m_accepted;
    qsizetype m_acceptedCount = 0;
};
