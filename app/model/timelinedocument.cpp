#include "timelinedocument.h"

#include "actorlistscommand.h"
#include "editcommand.h"
#include "laneindex.h"
#include "sentencesplitter.h"
#include "timelineedit.h"

#include <algorithm>

using namespace Qt::StringLiterals;

TimelineDocument::TimelineDocument(QObject *parent)
    : QObject(parent)
    , m_filter(&m_actors)
    , m_selection(&m_events)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

TimelineDocument::~TimelineDocument() = default;

void TimelineDocument::setTimeline(std::shared_ptr<const Timeline> timeline, const QString &fileName)
{
    // The document owns the timeline from here on (see the header); the loader made it
    // writable and handed it over, so dropping const here changes nothing that anyone shares.
    auto writable = std::const_pointer_cast<Timeline>(timeline);
    if (writable && !writable->laneIndex) {
        auto index = std::make_shared<LaneIndex>();
        index->build(*writable);
        writable->laneIndex = std::move(index);
    }
    m_edit = writable.get();
    m_lanes = writable ? const_cast<LaneIndex *>(writable->laneIndex.get()) : nullptr;

    // One bracket around every model: each view hears one reset, after all of them hold the
    // new timeline, never a mix of old and new.
    m_undo.clear();
    m_selection.clear();
    m_highlightedActor = -1;
    m_events.beginResetModel();
    m_actors.beginResetModel();
    m_events.m_timeline = writable;
    m_actors.adopt(writable);
    m_filter.setTimeline(writable);
    m_ids.rebuild(writable);
    m_actors.endResetModel();
    m_events.endResetModel();
    setFileName(fileName);
    Q_EMIT timelineChanged();
    Q_EMIT highlightedActorChanged(-1);
    Q_EMIT modifiedChanged(false);
}

void TimelineDocument::newTimeline(const QString &title)
{
    auto timeline = std::make_shared<Timeline>();
    // The format requires a title.
    timeline->title = title.trimmed().isEmpty() ? tr("Untitled timeline") : title.trimmed();
    setTimeline(std::move(timeline), QString());
}

void TimelineDocument::setFileName(const QString &fileName)
{
    if (fileName == m_fileName)
        return;
    m_fileName = fileName;
    Q_EMIT fileNameChanged(fileName);
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

void TimelineDocument::setHighlightedActor(int actor)
{
    if (actor == m_highlightedActor)
        return;
    m_highlightedActor = actor;
    Q_EMIT highlightedActorChanged(actor);
}

// Commands ------------------------------------------------------------------------------------

EventDraft TimelineDocument::eventDraft(int event) const
{
    return TimelineEdit::draftOf(*m_edit, event);
}

bool TimelineDocument::hasEventId(QByteArrayView id) const
{
    // The index's "yes" is checked against the events: a hash may collide. Until its worker has
    // hashed a big timeline's ids, the events are searched instead (milliseconds at a million):
    // an edit just after opening does not wait for it.
    if (m_ids.ready() && !m_ids.mayContain(id))
        return false;
    return m_edit->indexOfEvent(id) >= 0;
}

QStringList TimelineDocument::problems(const EventDraft &draft, int editing) const
{
    return TimelineEdit::problems(*m_edit, draft, editing,
                                  [this](QByteArrayView id) { return hasEventId(id); });
}

int TimelineDocument::addEvent(EventDraft draft)
{
    if (draft.id.isEmpty())
        draft.id = TimelineEdit::uniqueEventId(draft.title, [this](QByteArrayView id) {
            return m_ids.ready() ? m_ids.mayContain(id) : m_edit->indexOfEvent(id) >= 0;
        });
    auto *command = new EditCommand<EventDraft>(this, tr("Add Event"), -1, std::nullopt, std::move(draft));
    m_undo.push(command);
    return command->index();
}

void TimelineDocument::editEvent(int event, const EventDraft &draft, const QString &actionName)
{
    const EventDraft before = eventDraft(event);
    if (before == draft)
        return;
    m_undo.push(new EditCommand<EventDraft>(this, actionName.isEmpty() ? tr("Edit Event") : actionName, event,
                                            before, draft));
}

void TimelineDocument::deleteEvent(int event)
{
    m_undo.push(
        new EditCommand<EventDraft>(this, tr("Delete Event"), event, eventDraft(event), std::nullopt));
}

int TimelineDocument::addSource(Source source)
{
    QStringList taken;
    for (const Source &s : std::as_const(m_edit->sources))
        taken += s.id;
    if (source.id.isEmpty() || taken.contains(source.id))
        source.id = TimelineEdit::uniqueId(taken, source.title(), u"source"_s);
    auto *command = new EditCommand<Source>(this, tr("Add Source"), -1, std::nullopt, std::move(source));
    m_undo.push(command);
    return command->index();
}

void TimelineDocument::editSource(int source, const Source &changed)
{
    Source after = changed;
    after.setText(m_edit->sources.at(source).storedText());
    after.sentences = m_edit->sources.at(source).sentences;
    m_undo.push(new EditCommand<Source>(this, tr("Edit Source"), source, m_edit->sources.at(source), after));
}

int TimelineDocument::eventsCiting(int source) const
{
    int count = 0;
    for (const Event &e : m_edit->events) {
        const auto evidence = m_edit->evidenceOf(e);
        count += std::any_of(evidence.begin(), evidence.end(),
                             [&](const Evidence &item) { return item.source == source; });
    }
    return count;
}

bool TimelineDocument::removeSource(int source)
{
    if (eventsCiting(source) > 0)
        return false;
    m_undo.push(
        new EditCommand<Source>(this, tr("Remove Source"), source, m_edit->sources.at(source), std::nullopt));
    return true;
}

int TimelineDocument::addActor(Actor actor)
{
    QStringList taken;
    for (const Actor &a : std::as_const(m_edit->actors))
        taken += a.id();
    if (actor.id().isEmpty() || taken.contains(actor.id()))
        actor.setId(TimelineEdit::uniqueId(taken, actor.name(), u"actor"_s));
    // The format requires a kind; the most common one until the person says otherwise.
    if (actor.kind().trimmed().isEmpty())
        actor.setKind(u"organization"_s);
    auto *command = new EditCommand<Actor>(this, tr("Add Actor"), -1, std::nullopt, std::move(actor));
    m_undo.push(command);
    return command->index();
}

void TimelineDocument::editActor(int actor, const Actor &changed, const QString &actionName)
{
    m_undo.push(new EditCommand<Actor>(this, actionName.isEmpty() ? tr("Edit Actor") : actionName, actor,
                                       m_edit->actors.at(actor), changed));
}

void TimelineDocument::changeActorLists(
    int actor, const std::function<std::vector<std::int32_t>(std::span<const std::int32_t>)> &change,
    QUndoCommand *parent)
{
    const int lane = m_lanes->laneOf(actor);
    const std::span<const std::int32_t> events = m_lanes->lanes()[std::size_t(lane)].events();
    std::vector<int> rows(events.begin(), events.end());
    ActorListsCommand::Lists before, after;
    for (const int row : rows) {
        const auto actors = m_edit->actorsOf(m_edit->events[std::size_t(row)]);
        before.emplace_back(actors.begin(), actors.end());
        after.push_back(change(actors));
    }
    new ActorListsCommand(this, std::move(rows), std::move(before), std::move(after), parent);
}

void TimelineDocument::deleteActor(int actor)
{
    auto *parent = new QUndoCommand(tr("Delete Actor"));
    changeActorLists(
        actor,
        [actor](std::span<const std::int32_t> actors) {
            std::vector<std::int32_t> without(actors.begin(), actors.end());
            std::erase(without, actor);
            return without;
        },
        parent);
    new EditCommand<Actor>(this, QString(), actor, m_edit->actors.at(actor), std::nullopt, parent);
    m_undo.push(parent);
}

void TimelineDocument::mergeActors(int kept, int gone)
{
    if (kept == gone)
        return;
    auto *parent = new QUndoCommand(tr("Merge Actors"));
    changeActorLists(
        gone,
        [kept, gone](std::span<const std::int32_t> actors) {
            std::vector<std::int32_t> merged;
            for (const std::int32_t a : actors) {
                const std::int32_t now = a == gone ? kept : a;
                if (std::find(merged.begin(), merged.end(), now) == merged.end())
                    merged.push_back(now);
            }
            return merged;
        },
        parent);
    const Actor &goneActor = m_edit->actors.at(gone);
    Actor keptActor = m_edit->actors.at(kept);
    for (const QString &alias : QStringList { goneActor.name() } + goneActor.aliases) {
        if (alias != keptActor.name() && !keptActor.aliases.contains(alias))
            keptActor.aliases.append(alias);
    }
    new EditCommand<Actor>(this, QString(), kept, m_edit->actors.at(kept), keptActor, parent);
    new EditCommand<Actor>(this, QString(), gone, goneActor, std::nullopt, parent);
    m_undo.push(parent);
}

int TimelineDocument::addEra(Era era)
{
    QStringList taken;
    for (const Era &e : std::as_const(m_edit->eras))
        taken += e.id;
    if (era.id.isEmpty() || taken.contains(era.id))
        era.id = TimelineEdit::uniqueId(taken, era.title, u"era"_s);
    auto *command = new EditCommand<Era>(this, tr("Add Era"), -1, std::nullopt, std::move(era));
    m_undo.push(command);
    return command->index();
}

void TimelineDocument::editEra(int era, const Era &changed)
{
    m_undo.push(new EditCommand<Era>(this, tr("Edit Era"), era, m_edit->eras.at(era), changed));
}

void TimelineDocument::deleteEra(int era)
{
    m_undo.push(new EditCommand<Era>(this, tr("Delete Era"), era, m_edit->eras.at(era), std::nullopt));
}

void TimelineDocument::setTitle(const QString &title)
{
    if (title == m_edit->title || title.trimmed().isEmpty()) // the format requires a title
        return;
    m_undo.push(new EditCommand<QString>(this, tr("Rename Timeline"), 0, m_edit->title, title));
}

// Primitive edits -----------------------------------------------------------------------------

void TimelineDocument::countActors(const EventDraft &draft, int delta)
{
    QList<int> seen;
    for (const int actor : draft.actors) {
        if (seen.contains(actor))
            continue;
        seen.append(actor);
        m_actors.m_eventCounts[actor] += delta;
        const QModelIndex changed = m_actors.index(actor, ActorModel::EventsColumn);
        Q_EMIT m_actors.dataChanged(changed, changed, { Qt::DisplayRole, ActorModel::EventCountRole });
    }
}

void TimelineDocument::insertEvent(int row, const EventDraft &draft)
{
    const Event event = TimelineEdit::pack(*m_edit, draft);
    m_ids.added(draft.id.toUtf8());
    m_events.beginInsertRows({}, row, row);
    m_edit->events.insert(m_edit->events.begin() + row, event);
    m_lanes->insertEvent(*m_edit, row);
    m_filter.eventInserted(row);
    m_events.endInsertRows();
    countActors(draft, +1);
}

void TimelineDocument::removeEvent(int row)
{
    const EventDraft draft = eventDraft(row);
    const auto actors = m_edit->actorsOf(m_edit->events[std::size_t(row)]);
    const std::vector<std::int32_t> oldActors(actors.begin(), actors.end());
    const Event oldEvent = m_edit->events[std::size_t(row)];
    m_ids.removed(draft.id.toUtf8());
    m_events.beginRemoveRows({}, row, row);
    m_edit->events.erase(m_edit->events.begin() + row);
    m_lanes->removeEvent(*m_edit, row, oldActors, oldEvent);
    m_filter.eventRemoved(row);
    m_events.endRemoveRows();
    countActors(draft, -1);
}

void TimelineDocument::replaceEventInPlace(int row, const EventDraft &draft)
{
    const EventDraft before = eventDraft(row);
    const auto actors = m_edit->actorsOf(m_edit->events[std::size_t(row)]);
    const std::vector<std::int32_t> oldActors(actors.begin(), actors.end());
    const Event oldEvent = m_edit->events[std::size_t(row)];
    m_edit->events[std::size_t(row)] = TimelineEdit::pack(*m_edit, draft);
    m_ids.removed(before.id.toUtf8());
    m_ids.added(draft.id.toUtf8());
    m_lanes->replaceEvent(*m_edit, row, oldActors, oldEvent);
    m_filter.eventChanged(row);
    Q_EMIT m_events.dataChanged(m_events.index(row, 0), m_events.index(row, EventModel::ColumnCount - 1));
    countActors(before, -1);
    countActors(draft, +1);
}

void TimelineDocument::moveEvent(int from, int to, const EventDraft &draft)
{
    const EventDraft before = eventDraft(from);
    const auto actors = m_edit->actorsOf(m_edit->events[std::size_t(from)]);
    const std::vector<std::int32_t> oldActors(actors.begin(), actors.end());
    const Event oldEvent = m_edit->events[std::size_t(from)];
    const Event event = TimelineEdit::pack(*m_edit, draft);
    m_ids.removed(before.id.toUtf8());
    m_ids.added(draft.id.toUtf8());
    // Qt counts a move's destination in the rows before the move.
    m_events.beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    // The store erases and inserts in O(block), not by shifting the events between.
    m_edit->events.erase(m_edit->events.begin() + from);
    m_edit->events.insert(m_edit->events.begin() + to, event);
    m_lanes->moveEvent(*m_edit, from, to, oldActors, oldEvent);
    m_filter.eventMoved(from, to);
    m_events.endMoveRows();
    Q_EMIT m_events.dataChanged(m_events.index(to, 0), m_events.index(to, EventModel::ColumnCount - 1));
    countActors(before, -1);
    countActors(draft, +1);
}

int TimelineDocument::apply(int index, const std::optional<EventDraft> &before,
                            const std::optional<EventDraft> &after, int hint)
{
    m_filter.stopReading();
    m_ids.stopReading(); // its worker reads the events
    int result = -1;
    if (before && !after) {
        removeEvent(index);
        selectEvent(std::min(index, m_events.rowCount() - 1));
    } else if (!before && after) {
        const auto range = DateRange::parse(after->when.toUtf8()).value_or(DateRange {});
        result = hint >= 0 ? hint : TimelineEdit::sortedPosition(*m_edit, range);
        insertEvent(result, *after);
        selectEvent(result);
    } else if (before && after) {
        const DateRange old = m_edit->events[std::size_t(index)].range;
        const auto range = DateRange::parse(after->when.toUtf8()).value_or(DateRange {});
        if (hint < 0 && old.first == range.first && old.last == range.last) {
            hint = index; // the same place in date order
        }
        if (hint < 0) {
            // Its place among the others, the event itself still at `index`, where it is
            // counted: past it, one place fewer.
            hint = TimelineEdit::sortedPosition(*m_edit, range);
            if (hint > index)
                --hint;
        }
        if (hint == index)
            replaceEventInPlace(index, *after);
        else
            moveEvent(index, hint, *after);
        result = hint;
        selectEvent(result);
    }
    Q_EMIT edited();
    return result;
}

int TimelineDocument::apply(int index, const std::optional<Source> &before,
                            const std::optional<Source> &after, int hint)
{
    m_filter.stopReading();
    int result = -1;
    const auto shiftEvidence = [this](int from, int shift) {
        for (Evidence &item : m_edit->evidence) {
            if (shift > 0 ? item.source >= from : item.source > from)
                item.source += shift;
        }
    };
    if (before && !after) {
        m_edit->sources.removeAt(index);
        shiftEvidence(index, -1);
    } else if (!before && after) {
        result = hint >= 0 ? hint : int(m_edit->sources.size());
        Source source = *after;
        if (source.sentences.isEmpty())
            source.sentences = SentenceSplitter::split(source.text());
        m_edit->sources.insert(result, source);
        shiftEvidence(result, +1);
    } else if (before && after) {
        m_edit->sources[index] = *after;
        result = index;
    }
    Q_EMIT sourcesChanged();
    Q_EMIT edited();
    return result;
}

int TimelineDocument::apply(int index, const std::optional<Actor> &before, const std::optional<Actor> &after,
                            int hint)
{
    m_filter.stopReading();
    int result = -1;
    // An actor added or removed last: no event names an actor past it, and none names one
    // being removed (its events lost it first), so no event's actor numbers or row change.
    bool appended = false;
    if (before && !after) {
        appended = index == m_edit->actors.size() - 1;
        m_actors.beginRemoveRows({}, index, index);
        m_edit->actors.removeAt(index);
        if (!appended)
            TimelineEdit::shiftActors(*m_edit, index, -1);
        m_lanes->removeActor(index);
        m_actors.m_eventCounts.removeAt(index);
        m_actors.m_visible.removeAt(index);
        m_actors.endRemoveRows();
        if (m_highlightedActor == index)
            setHighlightedActor(-1);
        else if (m_highlightedActor > index)
            setHighlightedActor(m_highlightedActor - 1);
    } else if (!before && after) {
        result = hint >= 0 ? hint : int(m_edit->actors.size());
        appended = result == m_edit->actors.size();
        m_actors.beginInsertRows({}, result, result);
        m_edit->actors.insert(result, *after);
        if (!appended) // no event names an actor past the last
            TimelineEdit::shiftActors(*m_edit, result, +1);
        m_lanes->insertActor(result);
        m_actors.m_eventCounts.insert(result, 0);
        m_actors.m_visible.insert(result, true);
        m_actors.endInsertRows();
        if (m_highlightedActor >= result)
            setHighlightedActor(m_highlightedActor + 1);
    } else if (before && after) {
        m_edit->actors[index] = *after;
        result = index;
        Q_EMIT m_actors.dataChanged(m_actors.index(index, 0),
                                    m_actors.index(index, ActorModel::ColumnCount - 1));
    }
    // Names and colours show in every event's row; an actor added or removed last changes none.
    if (m_events.rowCount() > 0 && !appended)
        Q_EMIT m_events.dataChanged(m_events.index(0, EventModel::ActorsColumn),
                                    m_events.index(m_events.rowCount() - 1, EventModel::ActorsColumn));
    Q_EMIT edited();
    return result;
}

int TimelineDocument::apply(int index, const std::optional<Era> &before, const std::optional<Era> &after,
                            int hint)
{
    m_filter.stopReading();
    int result = -1;
    if (before && !after) {
        m_edit->eras.removeAt(index);
    } else if (!before && after) {
        result = hint >= 0 ? hint : int(m_edit->eras.size());
        Era era = *after;
        era.range = DateRange::parse(era.when.toUtf8()).value_or(era.range);
        m_edit->eras.insert(result, era);
    } else if (before && after) {
        Era era = *after;
        era.range = DateRange::parse(era.when.toUtf8()).value_or(era.range);
        m_edit->eras[index] = era;
        result = index;
    }
    Q_EMIT erasChanged();
    Q_EMIT edited();
    return result;
}

void TimelineDocument::setEventActors(const std::vector<int> &rows,
                                      const std::vector<std::vector<std::int32_t>> &lists)
{
    m_filter.stopReading();
    m_ids.stopReading();
    std::vector<std::vector<std::int32_t>> old(rows.size());
    const auto count = [this](std::span<const std::int32_t> actors, int delta) {
        for (std::size_t i = 0; i < actors.size(); ++i) {
            if (std::find(actors.begin(), actors.begin() + std::ptrdiff_t(i), actors[i])
                == actors.begin() + std::ptrdiff_t(i)) // an actor named twice counts once
                m_actors.m_eventCounts[actors[i]] += delta;
        }
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Event &event = m_edit->events[std::size_t(rows[i])];
        const auto actors = m_edit->actorsOf(event);
        old[i].assign(actors.begin(), actors.end());
        count(old[i], -1);
        count(lists[i], +1);
        // A list no longer than the span it replaces is written into it (deleting or merging
        // an actor only shortens lists); a longer one is appended, as TimelineEdit::pack does.
        const auto size = std::uint32_t(lists[i].size());
        if (size > event.actors.count) {
            event.actors.begin = std::uint32_t(m_edit->eventActors.size());
            m_edit->eventActors.insert(m_edit->eventActors.end(), size, 0);
        }
        event.actors.count = size;
        std::copy(lists[i].begin(), lists[i].end(), m_edit->eventActors.begin() + event.actors.begin);
    }
    m_lanes->replaceActors(*m_edit, std::span<const std::int32_t>(rows.data(), rows.size()), old);
    for (const int row : rows)
        m_filter.eventChanged(row);
    if (m_actors.rowCount() > 0)
        Q_EMIT m_actors.dataChanged(m_actors.index(0, ActorModel::EventsColumn),
                                    m_actors.index(m_actors.rowCount() - 1, ActorModel::EventsColumn),
                                    { Qt::DisplayRole, ActorModel::EventCountRole });
    if (!rows.empty())
        Q_EMIT m_events.dataChanged(m_events.index(rows.front(), EventModel::ActorsColumn),
                                    m_events.index(rows.back(), EventModel::ActorsColumn));
    Q_EMIT edited();
}

int TimelineDocument::apply(int, const std::optional<QString> &, const std::optional<QString> &afterTitle,
                            int)
{
    m_filter.stopReading();
    m_edit->title = afterTitle.value_or(QString());
    Q_EMIT titleChanged(m_edit->title);
    Q_EMIT edited();
    return 0;
}
