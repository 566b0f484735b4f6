#include "timelinefilter.h"

#include "actormodel.h"

TimelineFilter::TimelineFilter(ActorModel *actors, QObject *parent)
    : QObject(parent)
    , m_actors(actors)
{
    connect(m_actors, &ActorModel::visibilityChanged, this, &TimelineFilter::update);
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
    if (m_text.isEmpty())
        return true;
    const Timeline &t = *m_timeline;
    const Event &event = t.events[index];
    const auto contains = [&](QStringView haystack) {
        return haystack.contains(m_text, Qt::CaseInsensitive);
    };
    if (contains(t.text(event.title)) || contains(t.text(event.dateText)))
        return true;
    for (const std::int32_t actor : t.actorsOf(event)) {
        if (contains(t.actors.at(actor).name))
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

bool TimelineFilter::passesAll() const
{
    if (!m_text.isEmpty())
        return false;
    for (qsizetype actor = 0; actor < m_timeline->actors.size(); ++actor) {
        if (!m_actors->isVisible(int(actor)))
            return false;
    }
    return true;
}

void TimelineFilter::update()
{
    // Nothing searched and every actor shown, as when a timeline has just been opened: every
    // event passes, and a million of them need not be looked at one by one.
    if (!m_timeline || passesAll()) {
        m_accepted.assign(m_timeline ? m_timeline->events.size() : 0, true);
        m_acceptedCount = qsizetype(m_accepted.size());
        Q_EMIT changed();
        return;
    }
    m_accepted.assign(m_timeline->events.size(), false);
    m_acceptedCount = 0;
    for (qsizetype i = 0; i < qsizetype(m_accepted.size()); ++i) {
        if (judge(i)) {
            m_accepted[i] = true;
            ++m_acceptedCount;
        }
    }
    Q_EMIT changed();
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
    m_accepted.insert(m_accepted.begin() + event, accepted);
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
    m_acceptedCount += qsizetype(accepted) - qsizetype(m_accepted[event]);
    m_accepted[event] = accepted;
}
