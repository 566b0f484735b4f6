#include "timelinefilter.h"

#include "actormodel.h"

#include <QThread>

#include <algorithm>

TimelineFilter::TimelineFilter(ActorModel *actors, QObject *parent)
    : QObject(parent)
    , m_actors(actors)
{
    connect(m_actors, &ActorModel::visibilityChanged, this, &TimelineFilter::update);
}

TimelineFilter::~TimelineFilter()
{
    // A worker posts its result here: it must be done before this object goes.
    if (m_cancel)
        *m_cancel = true;
    for (const QPointer<QThread> &worker : std::as_const(m_workers)) {
        if (worker) {
            worker->wait();
            delete worker.data();
        }
    }
}

void TimelineFilter::setTimeline(std::shared_ptr<const Timeline> timeline)
{
    m_timeline = std::move(timeline);
    update();
}

void TimelineFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    update();
}

bool TimelineFilter::matchesText(qsizetype index) const
{
    return m_text.isEmpty() || matches(*m_timeline, index, m_text);
}

bool TimelineFilter::matches(const Timeline &t, qsizetype index, const QString &text,
                             const std::vector<bool> *named)
{
    const Event &event = t.events[index];
    const auto contains = [&](QStringView haystack) {
        return haystack.contains(text, Qt::CaseInsensitive);
    };
    if (contains(t.text(event.title)) || contains(t.text(event.dateText)))
        return true;
    for (const std::int32_t actor : t.actorsOf(event)) {
        if (named ? (*named)[std::size_t(actor)] : contains(t.actors.at(actor).name()))
            return true;
    }
    for (const Evidence &evidence : t.evidenceOf(event)) {
        const Source &source = t.sources.at(evidence.source);
        for (qsizetype s = evidence.firstSentence; s <= evidence.lastSentence; ++s) {
            if (contains(source.sentenceText(s)))
                return true;
        }
    }
    return false;
}

TimelineFilter::Judgement TimelineFilter::judge(const Timeline &t, const QString &text,
                                                const std::vector<bool> &visibleActors,
                                                const std::atomic_bool &cancel)
{
    Judgement j;
    std::vector<bool> named(std::size_t(t.actors.size()));
    for (qsizetype a = 0; a < t.actors.size() && !text.isEmpty(); ++a)
        named[std::size_t(a)] = t.actors.at(a).name().contains(text, Qt::CaseInsensitive);
    j.accepted.assign(t.events.size(), 0);
    for (qsizetype i = 0; i < qsizetype(j.accepted.size()); ++i) {
        if (i % 4096 == 0 && cancel)
            return {};
        const auto actors = t.actorsOf(t.events[i]);
        const bool shown = actors.empty()
            || std::any_of(actors.begin(), actors.end(), [&](std::int32_t a) { return visibleActors[a]; });
        if (shown && (text.isEmpty() || matches(t, i, text, &named))) {
            j.accepted[i] = 1;
            ++j.acceptedCount;
        }
    }
    return j;
}

bool TimelineFilter::passesEverything() const
{
    if (!m_text.isEmpty() || !m_timeline)
        return false;
    for (qsizetype actor = 0; actor < m_timeline->actors.size(); ++actor) {
        if (!m_actors->isVisible(int(actor)))
            return false;
    }
    return true;
}

void TimelineFilter::stopSearch()
{
    if (m_cancel)
        *m_cancel = true;
    m_cancel.reset();
    m_workers.removeAll(nullptr);
}

void TimelineFilter::stopReading()
{
    const bool searching = m_cancel != nullptr;
    stopSearch();
    // Cancelled workers check every few thousand events: the wait is short.
    for (const QPointer<QThread> &worker : std::as_const(m_workers)) {
        if (worker)
            worker->wait();
    }
    Q_EMIT readingStopped();
    // The search starts again on the edited timeline once the edit is done.
    if (searching)
        QMetaObject::invokeMethod(this, &TimelineFilter::update, Qt::QueuedConnection);
}

void TimelineFilter::setSearching(bool searching)
{
    if (m_searching == searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged(searching);
}

void TimelineFilter::accept(Judgement judgement)
{
    m_accepted = std::move(judgement.accepted);
    m_acceptedCount = judgement.acceptedCount;
    ++m_revision;
    Q_EMIT changed();
}

void TimelineFilter::update()
{
    stopSearch();
    // Nothing searched and every actor shown, as when a timeline has just been opened: every
    // event passes, and a million of them need not be looked at one by one.
    if (!m_timeline || passesEverything()) {
        setSearching(false);
        accept({ Verdicts(m_timeline ? m_timeline->events.size() : 0, 1),
                 m_timeline ? qsizetype(m_timeline->events.size()) : 0 });
        return;
    }
    std::vector<bool> visibleActors(std::size_t(m_timeline->actors.size()));
    for (std::size_t a = 0; a < visibleActors.size(); ++a)
        visibleActors[a] = m_actors->isVisible(int(a));

    if (qsizetype(m_timeline->events.size()) <= searchedAtOnce) {
        setSearching(false);
        const std::atomic_bool never { false };
        accept(judge(*m_timeline, m_text, visibleActors, never));
        return;
    }

    // A new timeline: until its search is done, none of its events has been judged to pass.
    if (m_accepted.size() != m_timeline->events.size())
        accept({ Verdicts(m_timeline->events.size(), 0), 0 });

    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    QThread *worker = QThread::create(
        [this, timeline = m_timeline, text = m_text, visibleActors = std::move(visibleActors), cancel] {
            Judgement judgement = judge(*timeline, text, visibleActors, *cancel);
            if (*cancel)
                return;
            QMetaObject::invokeMethod(
                this,
                [this, cancel, judgement = std::move(judgement)]() mutable {
                    // A newer search, timeline or check box came since: this answer is stale.
                    if (*cancel)
                        return;
                    m_cancel.reset();
                    setSearching(false);
                    accept(std::move(judgement));
                },
                Qt::QueuedConnection);
        });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_workers.append(worker);
    setSearching(true);
    worker->start();
}

bool TimelineFilter::judge(qsizetype event) const
{
    const auto actors = m_timeline->actorsOf(m_timeline->events[event]);
    const bool shown = actors.empty()
        || std::any_of(actors.begin(), actors.end(), [&](std::int32_t a) { return m_actors->isVisible(a); });
    return shown && matchesText(event);
}

void TimelineFilter::eventInserted(qsizetype event)
{
    const bool accepted = judge(event);
    m_accepted.insert(m_accepted.begin() + event, std::uint8_t(accepted));
    m_acceptedCount += accepted;
}

void TimelineFilter::eventRemoved(qsizetype event)
{
    m_acceptedCount -= m_accepted[event];
    m_accepted.erase(m_accepted.begin() + event);
}

void TimelineFilter::eventChanged(qsizetype event)
{
    const bool accepted = judge(event);
    // A verdict that flips may change a lane the edit did not touch (deleting an actor leaves
    // the event in its other lanes, where the search now rejects it).
    if (accepted != bool(m_accepted[event]))
        ++m_revision;
    m_acceptedCount += qsizetype(accepted) - qsizetype(m_accepted[event]);
    m_accepted[event] = std::uint8_t(accepted);
}

void TimelineFilter::eventMoved(qsizetype from, qsizetype to)
{
    const auto at = [this](qsizetype event) { return m_accepted.begin() + event; };
    if (from < to)
        std::rotate(at(from), at(from + 1), at(to + 1));
    else
        std::rotate(at(to), at(from), at(from + 1));
    eventChanged(to);
}
