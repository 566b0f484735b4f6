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

void TimelineFilter::update()
{
    m_accepted.assign(m_timeline ? m_timeline->events.size() : 0, false);
    m_acceptedCount = 0;
    for (qsizetype i = 0; i < qsizetype(m_accepted.size()); ++i) {
        const auto actors = m_timeline->actorsOf(m_timeline->events[i]);
        const bool shown = actors.empty() || std::any_of(actors.begin(), actors.end(), [&](std::int32_t a) {
                               return m_actors->isVisible(a);
                           });
        if (shown && matchesText(i)) {
            m_accepted[i] = true;
            ++m_acceptedCount;
        }
    }
    Q_EMIT changed();
}
