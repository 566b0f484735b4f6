#pragma once

#include "timeline.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

class ActorModel;
class QThread;

// Which events pass the search text and the actor check boxes. The chart and the table both
// ask it, so they always show the same events. An event passes when the text (case-insensitive)
// is in its title, date phrase, an actor's name, or a sentence it cites, and when at least one
// of its actors is visible (events without actors always are).
//
// A large timeline is searched on a worker thread, so that typing never blocks the window:
// until the worker is done the events that passed before still pass, and changed() says when
// the new ones are in. A newer search cancels an older one, whose result is dropped.
class TimelineFilter : public QObject
{
    Q_OBJECT
public:
    // Timelines of up to this many events are judged at once, on the calling thread.
    static constexpr qsizetype searchedAtOnce = 20000;

    explicit TimelineFilter(ActorModel *actors, QObject *parent = nullptr);
    ~TimelineFilter() override; // stops a search under way, silently

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
    // Whether every event passes whatever it is: no search text and every actor shown. Events
    // added to the timeline then pass too.
    bool passesEverything() const;
    // Changes whenever the verdicts are replaced as a whole (a search, a timeline, a check box)
    // and when an edit flips one event's verdict; not when an edit judges its event as before.
    std::uint64_t revision() const { return m_revision; }
    // Whether a search runs on a worker; what accepts() says is then the previous answer.
    bool isSearching() const { return m_searching; }

    // Before the timeline is edited in place, which a search on a worker must not be reading:
    // stops every worker and waits for it; a search that was under way starts again afterwards.
    // Other readers on workers (the table's sorter) hear readingStopped() and stop too.
    void stopReading();
    // An edit of one event, told by the document before the views hear of it: judged alone,
    // without a pass over the others. They emit no changed(), which would make views start over.
    void eventInserted(qsizetype event);
    void eventRemoved(qsizetype event);
    void eventChanged(qsizetype event);
    // The event at `from` changed and now is at `to`, the events between one place nearer `from`.
    void eventMoved(qsizetype from, qsizetype to);

public Q_SLOTS:
    void setText(const QString &text);

Q_SIGNALS:
    void changed();
    void searchingChanged(bool searching);
    // From stopReading(), before the timeline is edited: no worker may read it until the edit
    // is done (until control returns to the event loop).
    void readingStopped();

private:
    // One byte an event rather than std::vector<bool>'s bit: inserting an event in the middle
    // of a million then moves bytes, not bits one at a time.
    using Verdicts = std::vector<std::uint8_t>;
    struct Judgement
    {
        Verdicts accepted;
        qsizetype acceptedCount = 0;
    };
    // `named`, when given, holds per actor whether its name contains `text`: found once for a
    // pass over all events, where each event would otherwise widen its actors' names again.
    static bool matches(const Timeline &t, qsizetype event, const QString &text,
                        const std::vector<bool> *named = nullptr);
    // Judges every event; gives up, returning nothing useful, once `cancel` is set.
    static Judgement judge(const Timeline &t, const QString &text, const std::vector<bool> &visibleActors,
                           const std::atomic_bool &cancel);

    void update();
    void stopSearch();
    void setSearching(bool searching);
    void accept(Judgement judgement);
    bool judge(qsizetype event) const;

    ActorModel *m_actors;
    std::shared_ptr<const Timeline> m_timeline;
    QString m_text;
    Verdicts m_accepted;
    qsizetype m_acceptedCount = 0;
    std::uint64_t m_revision = 0;
    bool m_searching = false;
    std::shared_ptr<std::atomic_bool> m_cancel; // of the search under way
    QList<QPointer<QThread>> m_workers; // a cancelled one may still be finishing
};
