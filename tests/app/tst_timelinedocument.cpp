#include "articleimport.h"
#include "cli.h"
#include "drafter.h"
#include "draftmodel.h"
#include "editcommand.h"
#include "eventproxymodel.h"
#include "laneindex.h"
#include "testutils.h"
#include "timelinedocument.h"
#include "timelinefilter.h"
#include "timelinegenerator.h"
#include "timelineloader.h"
#include "timelinewriter.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const Timeline> load(const QByteArray &bytes)
{
    const TimelineLoader::Result result = TimelineLoader::loadData(bytes, u"test.json"_s);
    if (!result.ok())
        qWarning().noquote() << result.errorText();
    return result.timeline;
}

QByteArray embeddedBytes()
{
    QFile file(TimelineLoader::embeddedPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Where the patched lane index differs from one built afresh from the edited timeline; empty
// when they agree.
QString laneDifference(const Timeline &t)
{
    LaneIndex fresh;
    fresh.build(t);
    const LaneIndex &patched = *t.laneIndex;
    if (fresh.lanes().size() != patched.lanes().size())
        return u"%1 lanes, not %2"_s.arg(patched.lanes().size()).arg(fresh.lanes().size());
    const auto extentOf = [](const LaneIndex &index) {
        return index.extent() ? std::pair(index.extent()->first, index.extent()->last) : std::pair(Day(0), Day(-1));
    };
    if (extentOf(fresh) != extentOf(patched))
        return u"extent differs"_s;
    if (fresh.anyRange() != patched.anyRange() || fresh.anyApproximate() != patched.anyApproximate()
        || fresh.anyUncertain() != patched.anyUncertain()
        || fresh.anyWithoutKind() != patched.anyWithoutKind())
        return u"what the legend explains differs"_s;
    for (std::size_t i = 0; i < fresh.lanes().size(); ++i) {
        const LaneIndex::Lane &a = fresh.lanes()[i];
        const LaneIndex::Lane &b = patched.lanes()[i];
        const auto days = [](const LaneIndex::Lane &lane) {
            std::vector<std::pair<int, int>> out;
            for (const LaneIndex::Days d : lane.days())
                out.emplace_back(d.first, d.last);
            return out;
        };
        const bool sameTotals = a.hasTotals() == b.hasTotals()
            && (!a.hasTotals()
                || (a.totals->origin == b.totals->origin && a.totals->startedBefore == b.totals->startedBefore
                    && a.totals->endedBefore == b.totals->endedBefore));
        const auto same = [](auto x, auto y) {
            return std::ranges::equal(x, y);
        };
        if (!same(a.events(), b.events()) || days(a) != days(b) || !same(a.subRows(), b.subRows())
            || !same(a.looks(), b.looks()) || a.open != b.open || a.longest != b.longest || !sameTotals)
            return u"lane %1 differs: events %2, days %3, sub-rows %4, looks %5, longest %6, totals %7"_s
                .arg(i)
                .arg(same(a.events(), b.events()))
                .arg(days(a) == days(b))
                .arg(same(a.subRows(), b.subRows()))
                .arg(same(a.looks(), b.looks()))
                .arg(a.longest == b.longest)
                .arg(sameTotals);
    }
    return {};
}

// The first sentence of a source, as a quote.
QString firstSentence(const Timeline &t, int source)
{
    return t.sources.at(source).sentenceText(0).toString();
}

// Where a proxy, followed through edits, shows other rows than one made afresh with its sort.
QString proxyDifference(const EventProxyModel &proxy, TimelineDocument &document)
{
    EventProxyModel fresh(document.events(), document.filter());
    if (proxy.sortColumn() != EventModel::DateColumn || proxy.sortOrder() != Qt::AscendingOrder)
        fresh.sort(proxy.sortColumn(), proxy.sortOrder());
    if (fresh.rowCount() != proxy.rowCount())
        return u"%1 rows, not %2"_s.arg(proxy.rowCount()).arg(fresh.rowCount());
    for (int row = 0; row < fresh.rowCount(); ++row) {
        if (fresh.eventAt(row) != proxy.eventAt(row))
            return u"row %1 shows event %2, not %3"_s.arg(row).arg(proxy.eventAt(row)).arg(fresh.eventAt(row));
    }
    for (int event = 0; event < document.events()->rowCount(); ++event) {
        if (fresh.rowOf(event) != proxy.rowOf(event))
            return u"event %1 at row %2, not %3"_s.arg(event).arg(proxy.rowOf(event)).arg(fresh.rowOf(event));
    }
    return {};
}

// Where the drafts, followed through edits, differ from those of the events now.
QString draftDifference(const DraftModel &drafts, TimelineDocument &document)
{
    DraftModel fresh(document.events());
    if (fresh.rowCount() != drafts.rowCount())
        return u"%1 drafts, not %2"_s.arg(drafts.rowCount()).arg(fresh.rowCount());
    for (int row = 0; row < fresh.rowCount(); ++row) {
        if (fresh.eventRow(row) != drafts.eventRow(row))
            return u"draft %1 is event %2, not %3"_s.arg(row).arg(drafts.eventRow(row)).arg(fresh.eventRow(row));
    }
    return {};
}

// Where the filter, followed through edits, passes other events than one judging afresh.
QString filterDifference(TimelineDocument &document)
{
    TimelineFilter fresh(document.actors());
    fresh.setTimeline(document.timeline());
    fresh.setText(document.filter()->text());
    const TimelineFilter &followed = *document.filter();
    if (fresh.acceptedCount() != followed.acceptedCount())
        return u"%1 accepted, not %2"_s.arg(followed.acceptedCount()).arg(fresh.acceptedCount());
    for (qsizetype event = 0; event < fresh.eventCount(); ++event) {
        if (fresh.accepts(event) != followed.accepts(event))
            return u"event %1 judged wrongly"_s.arg(event);
    }
    return {};
}

} // namespace

// TimelineDocument's edits: each command does, undoes and redoes exactly, keeps the lane index
// equal to one built afresh, and keeps the models consistent while they change.
class TestTimelineDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandsDoUndoAndRedoExactly_data();
    void commandsDoUndoAndRedoExactly();
    void undoingEverythingGivesTheLoadedTimeline();
    void anEditedTimelineSavesAndLoadsTheSame();
    void aNewTimelineIsOneResetOfEachModel();
    void theModifiedMarkFollowsTheCleanState();
    void problemsUseTheParsersWords();
    void eventIdsStayUniqueThroughEdits_data();
    void eventIdsStayUniqueThroughEdits();
    void editsDoNotWaitForTheIdIndex();
    void anImportSkipsIdsTakenByHand();
    void anImportAddsOnlyTheActorsItsDraftsName();
    void theLegendsDatesFollowEdits();
    void anActorOfManyEventsGoesInOneChange_data();
    void anActorOfManyEventsGoesInOneChange();
    void aNewDateMovesOneRow_data();
    void aNewDateMovesOneRow();
};

enum class Step {
    AddEvent,
    AddEventAfterAllOthers,
    AddEventWithoutActors,
    EditTitle,
    ChangeDate,
    AddEvidence,
    DeleteEvent,
    AddSource,
    EditSource,
    RemoveSource,
    AddActor,
    RenameActor,
    DeleteActor,
    MergeActors,
    AddEra,
    EditEra,
    DeleteEra,
    RenameTimeline,
};

void TestTimelineDocument::commandsDoUndoAndRedoExactly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Step>("step");
    QTest::addColumn<QString>("undoText");
    const QList<std::pair<const char *, QByteArray>> timelines = {
        { "embedded", embeddedBytes() },
        { "generated", TimelineGenerator::generate(3000) },
    };
    const QList<std::tuple<const char *, Step, QString>> steps = {
        { "add event", Step::AddEvent, u"Undo Add Event"_s },
        { "add event after all others", Step::AddEventAfterAllOthers, u"Undo Add Event"_s },
        { "add event without actors", Step::AddEventWithoutActors, u"Undo Add Event"_s },
        { "edit title", Step::EditTitle, u"Undo Edit Event"_s },
        { "change date", Step::ChangeDate, u"Undo Change Date"_s },
        { "add evidence", Step::AddEvidence, u"Undo Add Evidence"_s },
        { "delete event", Step::DeleteEvent, u"Undo Delete Event"_s },
        { "add source", Step::AddSource, u"Undo Add Source"_s },
        { "edit source", Step::EditSource, u"Undo Edit Source"_s },
        { "remove source", Step::RemoveSource, u"Undo Remove Source"_s },
        { "add actor", Step::AddActor, u"Undo Add Actor"_s },
        { "rename actor", Step::RenameActor, u"Undo Rename Actor"_s },
        { "delete actor", Step::DeleteActor, u"Undo Delete Actor"_s },
        { "merge actors", Step::MergeActors, u"Undo Merge Actors"_s },
        { "add era", Step::AddEra, u"Undo Add Era"_s },
        { "edit era", Step::EditEra, u"Undo Edit Era"_s },
        { "delete era", Step::DeleteEra, u"Undo Delete Era"_s },
        { "rename timeline", Step::RenameTimeline, u"Undo Rename Timeline"_s },
    };
    for (const auto &[timelineName, bytes] : timelines) {
        for (const auto &[stepName, step, undoText] : steps)
            QTest::addRow("%s, %s", timelineName, stepName) << bytes << step << undoText;
    }
}

void TestTimelineDocument::commandsDoUndoAndRedoExactly()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Step, step);
    QFETCH(QString, undoText);

    TimelineDocument document;
    QAbstractItemModelTester eventTester(document.events(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester actorTester(document.actors(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventProxyModel proxy(document.events(), document.filter());
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.setTimeline(load(bytes), u"test.json"_s);
    QVERIFY(document.timeline());
    const Timeline &t = *document.timeline();
    const int middle = int(t.events.size() / 2);
    const int actorOfMiddle = t.actorsOf(t.events[std::size_t(middle)]).empty()
        ? 0
        : t.actorsOf(t.events[std::size_t(middle)]).front();

    // Set-up that is not itself under test: something to remove or edit.
    if (step == Step::RemoveSource || step == Step::EditSource) {
        Source source;
        source.setTitle(u"Uncited"_s);
        source.setText(u"Nobody quotes this. It is here to be removed."_s);
        document.addSource(source);
    }
    if (step == Step::EditEra || step == Step::DeleteEra) {
        Era era;
        era.title = u"An era"_s;
        era.when = u"2020/2021"_s;
        document.addEra(era);
    }

    const QByteArray before = Cli::dump(t);
    const int eventsBefore = document.events()->rowCount();
    EventDraft draft;
    draft.title = u"Something happened"_s;
    draft.when = u"2015-06-01"_s;
    draft.dateText = u"1 June 2015"_s;
    draft.kind = u"announcement"_s;
    draft.actors = { 0, 1 };
    draft.evidence = { { 0, firstSentence(t, 0) } };
    draft.references = { { u"A report"_s, u"Press"_s, u"https://example.org/r"_s, u"2015-06-02"_s } };

    switch (step) {
    case Step::AddEvent:
        document.addEvent(draft);
        QCOMPARE(document.events()->rowCount(), eventsBefore + 1);
        break;
    case Step::AddEventAfterAllOthers:
        draft.when = u"2199-01"_s;
        QCOMPARE(document.addEvent(draft), eventsBefore);
        break;
    case Step::AddEventWithoutActors:
        draft.actors.clear();
        document.addEvent(draft);
        break;
    case Step::EditTitle: {
        EventDraft edited = document.eventDraft(middle);
        edited.title = u"A new title"_s;
        document.editEvent(middle, edited);
        QCOMPARE(
            document.events()->data(document.events()->index(middle, EventModel::TitleColumn)).toString(),
            u"A new title"_s);
        break;
    }
    case Step::ChangeDate: {
        EventDraft edited = document.eventDraft(middle);
        edited.when = u"1950-01-01"_s;
        document.editEvent(middle, edited, u"Change Date"_s);
        QCOMPARE(document.events()->data(document.events()->index(0, EventModel::TitleColumn)).toString(),
                 edited.title);
        QCOMPARE(document.currentEvent(), 0);
        break;
    }
    case Step::AddEvidence: {
        EventDraft edited = document.eventDraft(middle);
        edited.evidence.append({ 0, firstSentence(t, 0) });
        document.editEvent(middle, edited, u"Add Evidence"_s);
        break;
    }
    case Step::DeleteEvent:
        document.deleteEvent(middle);
        QCOMPARE(document.events()->rowCount(), eventsBefore - 1);
        break;
    case Step::AddSource: {
        Source source;
        source.setTitle(u"Pasted"_s);
        source.setText(u"First sentence here. Second one there."_s);
        const int index = document.addSource(source);
        QCOMPARE(t.sources.at(index).sentences.size(), 2);
        break;
    }
    case Step::EditSource: {
        Source source = t.sources.last();
        source.setPublisher(u"Someone"_s);
        document.editSource(int(t.sources.size()) - 1, source);
        break;
    }
    case Step::RemoveSource:
        QVERIFY(!document.removeSource(0)); // cited
        QVERIFY(document.removeSource(int(t.sources.size()) - 1));
        break;
    case Step::AddActor: {
        Actor actor;
        actor.setName(u"Newcomer"_s);
        document.addActor(actor);
        break;
    }
    case Step::RenameActor: {
        Actor actor = t.actors.at(actorOfMiddle);
        actor.setName(u"Renamed"_s);
        document.editActor(actorOfMiddle, actor, u"Rename Actor"_s);
        break;
    }
    case Step::DeleteActor:
        QVERIFY(document.actors()->eventCount(actorOfMiddle) > 0);
        document.deleteActor(actorOfMiddle);
        QVERIFY(document.actors()->rowCount() == t.actors.size());
        break;
    case Step::MergeActors: {
        const int gone = actorOfMiddle == 0 ? 1 : 0;
        const int goneEvents = document.actors()->eventCount(gone);
        const QString goneName = t.actors.at(gone).name();
        const int kept = actorOfMiddle > gone ? actorOfMiddle - 1 : actorOfMiddle;
        const int keptEvents = document.actors()->eventCount(actorOfMiddle);
        document.mergeActors(actorOfMiddle, gone);
        QVERIFY(t.actors.at(kept).aliases.contains(goneName));
        QVERIFY(document.actors()->eventCount(kept) >= keptEvents);
        QVERIFY(document.actors()->eventCount(kept) <= keptEvents + goneEvents);
        break;
    }
    case Step::AddEra: {
        Era era;
        era.title = u"New era"_s;
        era.when = u"2001/2003"_s;
        document.addEra(era);
        break;
    }
    case Step::EditEra: {
        Era era = t.eras.last();
        era.when = u"2019/2024"_s;
        document.editEra(int(t.eras.size()) - 1, era);
        break;
    }
    case Step::DeleteEra:
        document.deleteEra(int(t.eras.size()) - 1);
        break;
    case Step::RenameTimeline:
        document.setTitle(u"Another title"_s);
        break;
    }

    const QByteArray after = Cli::dump(t);
    QVERIFY(after != before);
    QCOMPARE(laneDifference(t), QString());
    QCOMPARE(document.undoStack()->undoText(), undoText.mid(5));

    document.undoStack()->undo();
    QCOMPARE(Cli::dump(t), before);
    QCOMPARE(laneDifference(t), QString());
    QCOMPARE(document.events()->rowCount(), eventsBefore);

    document.undoStack()->redo();
    QCOMPARE(Cli::dump(t), after);
    QCOMPARE(laneDifference(t), QString());

    // The proxy shows every event that passes, as many as the filter counts.
    QCOMPARE(proxy.rowCount(), int(document.filter()->acceptedCount()));
}

void TestTimelineDocument::undoingEverythingGivesTheLoadedTimeline()
{
    const QByteArray bytes = TimelineGenerator::generate(2000, 7);
    TimelineDocument document;
    document.setTimeline(load(bytes), u"test.json"_s);
    const Timeline &t = *document.timeline();
    const QByteArray loaded = Cli::dump(*load(bytes));

    EventDraft draft;
    draft.title = u"First"_s;
    draft.when = u"2001-02-03"_s;
    draft.actors = { 3 };
    const int first = document.addEvent(draft);
    EventDraft moved = document.eventDraft(first);
    moved.when = u"1995"_s;
    document.editEvent(first, moved);
    document.deleteEvent(10);
    document.deleteActor(5);
    Actor actor;
    actor.setName(u"Extra"_s);
    const int extra = document.addActor(actor);
    draft.actors = { extra, 0 };
    draft.title = u"Second"_s;
    document.addEvent(draft);
    document.mergeActors(0, 1);
    document.setTitle(u"Changed"_s);
    QVERIFY(Cli::dump(t) != loaded);
    QCOMPARE(document.undoStack()->count(), 8);

    document.undoStack()->setIndex(0);
    QCOMPARE(Cli::dump(t), loaded);
    QCOMPARE(laneDifference(t), QString());
    QVERIFY(!document.isModified());
}

void TestTimelineDocument::anEditedTimelineSavesAndLoadsTheSame()
{
    TimelineDocument document;
    document.setTimeline(load(embeddedBytes()), TimelineLoader::embeddedPath());
    const Timeline &t = *document.timeline();
    Source source;
    source.setTitle(u"Pasted article"_s);
    source.setText(u"On 19 March 2024 the board met. It agreed nothing.\nLater that year, it did."_s);
    const int s = document.addSource(source);
    EventDraft draft;
    draft.title = u"The board met"_s;
    draft.when = u"2024-03-19"_s;
    draft.dateText = u"19 March 2024"_s;
    draft.actors = { 0 };
    draft.evidence = { { s, u"the board met. It agreed"_s } };
    document.addEvent(draft);
    document.deleteEvent(3);
    Actor renamed = t.actors.at(1);
    renamed.setName(u"Renamed actor"_s);
    document.editActor(1, renamed);

    const std::shared_ptr<const Timeline> reloaded = load(TimelineWriter::toJson(t));
    QVERIFY(reloaded);
    QCOMPARE(Cli::dump(*reloaded), Cli::dump(t));
}

void TestTimelineDocument::aNewTimelineIsOneResetOfEachModel()
{
    TimelineDocument document;
    document.setTimeline(load(embeddedBytes()), u"a.json"_s);
    QSignalSpy eventResets(document.events(), &QAbstractItemModel::modelReset);
    QSignalSpy actorResets(document.actors(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(&document, &TimelineDocument::timelineChanged);
    // Each view hears of the new timeline once, and by then every model has it.
    int actorRowsSeenByEventReset = -1;
    connect(document.events(), &QAbstractItemModel::modelReset, this,
            [&] { actorRowsSeenByEventReset = document.actors()->rowCount(); });
    int eventRowsSeenByActorReset = -1;
    connect(document.actors(), &QAbstractItemModel::modelReset, this,
            [&] { eventRowsSeenByActorReset = document.events()->rowCount(); });
    document.newTimeline(u"Empty"_s);
    QCOMPARE(eventResets.count(), 1);
    QCOMPARE(actorResets.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(actorRowsSeenByEventReset, 0);
    QCOMPARE(eventRowsSeenByActorReset, 0);
    QCOMPARE(document.timeline()->title, u"Empty"_s);
    QVERIFY(document.fileName().isEmpty());
}

void TestTimelineDocument::theModifiedMarkFollowsTheCleanState()
{
    TimelineDocument document;
    document.newTimeline(u"T"_s);
    QSignalSpy modified(&document, &TimelineDocument::modifiedChanged);
    QVERIFY(!document.isModified());
    document.setTitle(u"U"_s);
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    document.undoStack()->setClean();
    QVERIFY(!document.isModified());
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 5);
}

void TestTimelineDocument::problemsUseTheParsersWords()
{
    TimelineDocument document;
    document.setTimeline(load(embeddedBytes()), u"a.json"_s);
    EventDraft draft;
    draft.title = u"T"_s;
    draft.when = u"2023-02-30"_s;
    QString parserSays;
    QVERIFY(!DateRange::parse("2023-02-30", &parserSays));
    QVERIFY(document.problems(draft).contains(parserSays));
    draft.when = u"2023-02-28"_s;
    QCOMPARE(document.problems(draft), QStringList());
    draft.evidence = { { 0, u"words that are in no source at all"_s } };
    QCOMPARE(document.problems(draft).size(), 1);
    draft.evidence = { { 0, document.timeline()->sources.at(0).sentenceText(2).toString() } };
    QCOMPARE(document.problems(draft), QStringList());
    draft.id = document.eventDraft(0).id;
    QCOMPARE(document.problems(draft).size(), 1);
    QCOMPARE(document.problems(draft, 0), QStringList());
}

void TestTimelineDocument::eventIdsStayUniqueThroughEdits_data()
{
    QTest::addColumn<int>("events");
    QTest::newRow("small: hashed at once") << 200;
    QTest::newRow("large: hashed on a worker") << 30000;
}

// New events are named apart from every other, and a typed id that another event has is a
// problem, also for ids that came or went with edits, at sizes the id index handles either way.
void TestTimelineDocument::eventIdsStayUniqueThroughEdits()
{
    QFETCH(int, events);
    const QTemporaryDir dir;
    const TimelineLoader::Result loaded =
        TimelineLoader::loadFile(TestUtils::writeTimeline(dir, u"ids.json"_s, events));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    TimelineDocument document;
    document.setTimeline(loaded.timeline, u"ids.json"_s);
    const QString clash = QObject::tr("another event has the id %1");

    EventDraft draft;
    draft.title = u"E 7"_s; // its id would be "e-7"; the file's ids are "e7"
    draft.when = u"2021"_s;
    draft.id = u"e7"_s;
    QVERIFY(document.problems(draft).contains(clash.arg(u"e7"_s)));
    draft.id = u"e%1"_s.arg(events);
    QCOMPARE(document.problems(draft), QStringList());

    draft.id.clear();
    draft.title = u"E7"_s;
    const int first = document.addEvent(draft);
    QCOMPARE(document.eventDraft(first).id, u"e7-2"_s);
    const int second = document.addEvent(draft);
    QCOMPARE(document.eventDraft(second).id, u"e7-3"_s);
    draft.id = u"e7-3"_s;
    QVERIFY(document.problems(draft).contains(clash.arg(u"e7-3"_s)));

    // A deleted event's id is free again, and taken again once the deletion is undone.
    document.deleteEvent(int(document.timeline()->indexOfEvent("e7")));
    draft.id = u"e7"_s;
    QCOMPARE(document.problems(draft), QStringList());
    document.undoStack()->undo();
    QVERIFY(document.problems(draft).contains(clash.arg(u"e7"_s)));
    // An event renamed in place frees its old id.
    const int row = int(document.timeline()->indexOfEvent("e7-2"));
    EventDraft renamed = document.eventDraft(row);
    renamed.id = u"renamed"_s;
    document.editEvent(row, renamed);
    draft.id = u"e7-2"_s;
    QCOMPARE(document.problems(draft), QStringList());
    draft.id.clear();
    QCOMPARE(document.eventDraft(document.addEvent(draft)).id, u"e7-2"_s);
}

// Events added and deleted while the worker still hashes the loaded ids (edits wait only until
// it has copied where they are) count as they would once it is done: the index holds the ids as
// loaded, and the edits made meanwhile beside them, and the events it read may be gone.
void TestTimelineDocument::editsDoNotWaitForTheIdIndex()
{
    const QTemporaryDir dir;
    const int events = 60000; // hashed on a worker
    const TimelineLoader::Result loaded =
        TimelineLoader::loadFile(TestUtils::writeTimeline(dir, u"ids.json"_s, events));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    TimelineDocument document;
    document.setTimeline(loaded.timeline, u"ids.json"_s);
    EventDraft draft;
    draft.title = u"Added early"_s;
    draft.when = u"2021"_s;
    for (int i = 0; i < 3; ++i) {
        draft.id = u"early-%1"_s.arg(i);
        document.addEvent(draft);
    }
    for (const char *gone : { "e5", "e59999", "early-1" })
        document.deleteEvent(int(document.timeline()->indexOfEvent(gone)));

    const QString clash = QObject::tr("another event has the id %1");
    for (const QString &id : { u"e6"_s, u"e59998"_s, u"early-0"_s, u"early-2"_s }) {
        draft.id = id;
        QVERIFY2(document.problems(draft).contains(clash.arg(id)), qPrintable(id));
    }
    for (const QString &id : { u"e5"_s, u"e59999"_s, u"early-1"_s, u"e60000"_s }) {
        draft.id = id;
        QVERIFY2(document.problems(draft).isEmpty(), qPrintable(id));
    }
}

// The lane index counts ranges, approximate and uncertain dates as events come, go and change,
// so that the chart's legend explains exactly those the timeline has.
void TestTimelineDocument::theLegendsDatesFollowEdits()
{
    TimelineDocument document;
    document.setTimeline(load(R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "actors":[{"id":"a","name":"A","kind":"person"}],
        "events":[{"id":"x","title":"X","when":"2020-01-02","actors":["a"]},
                  {"id":"y","title":"Y","when":"2021~","actors":["a"]}]})"),
                         u"t.json"_s);
    const auto index = [&] {
        return document.timeline()->laneIndex;
    };
    QVERIFY(index()->anyRange());
    QVERIFY(index()->anyApproximate());
    QVERIFY(!index()->anyUncertain());

    document.deleteEvent(1);
    QVERIFY(!index()->anyRange());
    QVERIFY(!index()->anyApproximate());
    EventDraft draft = document.eventDraft(0);
    draft.when = u"2020-01-02?"_s; // in place: the same days
    document.editEvent(0, draft);
    QVERIFY(index()->anyUncertain());
    QVERIFY(!index()->anyRange());
    document.undoStack()->undo();
    QVERIFY(!index()->anyUncertain());
    document.undoStack()->undo();
    QVERIFY(index()->anyRange());
    QVERIFY(index()->anyApproximate());
    QCOMPARE(laneDifference(*document.timeline()), QString());
}

void TestTimelineDocument::anActorOfManyEventsGoesInOneChange_data()
{
    QTest::addColumn<bool>("merge");
    QTest::addColumn<bool>("last"); // the actor listed last, whose removal renumbers no other
    QTest::newRow("delete") << false << false;
    QTest::newRow("merge") << true << false;
    QTest::newRow("delete the last") << false << true;
}

// Deleting or merging an actor of dozens of events tells the views once, not once an event,
// and is one step to undo, which gives back the timeline exactly.
void TestTimelineDocument::anActorOfManyEventsGoesInOneChange()
{
    QFETCH(bool, merge);
    QFETCH(bool, last);
    TimelineDocument document;
    document.setTimeline(load(TimelineGenerator::generate(3000)), u"g.json"_s);
    const QByteArray before = Cli::dump(*document.timeline());
    const int actor = last ? int(document.timeline()->actors.size()) - 1 : 0;
    const int events = document.actors()->eventCount(actor);
    QVERIFY2(events > 20, qPrintable(QString::number(events)));

    QSignalSpy changed(document.events(), &QAbstractItemModel::dataChanged);
    QSignalSpy edited(&document, &TimelineDocument::edited);
    if (merge)
        document.mergeActors(1, actor);
    else
        document.deleteActor(actor);
    // One change of the events' actors, one of the actor list (each names all rows it touched);
    // the last actor's going renumbers no other, so no other row changes.
    QCOMPARE(changed.size(), merge ? 3 : last ? 1 : 2);
    QCOMPARE(edited.size(), merge ? 3 : 2);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(laneDifference(*document.timeline()), QString());
    document.undoStack()->undo();
    QCOMPARE(Cli::dump(*document.timeline()), before);
    QCOMPARE(document.actors()->eventCount(actor), events);
    QCOMPARE(laneDifference(*document.timeline()), QString());
}

void TestTimelineDocument::aNewDateMovesOneRow_data()
{
    QTest::addColumn<int>("target"); // where the new date comes from: -1 before all, 1 after all
    QTest::addColumn<int>("column"); // the second table's sort
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<bool>("search"); // for the moved event's actor
    const QList<std::tuple<const char *, int>> targets = {
        { "to the start", -1 },
        { "to the end", 1 },
        { "three later", 3 },
        { "three earlier", -3 },
    };
    const QList<std::tuple<const char *, int, Qt::SortOrder, bool>> views = {
        { "table by title", EventModel::TitleColumn, Qt::AscendingOrder, false },
        { "table by date, descending", EventModel::DateColumn, Qt::DescendingOrder, false },
        { "table by actors, searched", EventModel::ActorsColumn, Qt::AscendingOrder, true },
        { "table by date, searched", EventModel::DateColumn, Qt::AscendingOrder, true },
    };
    for (const auto &[targetName, target] : targets) {
        for (const auto &[viewName, column, order, search] : views)
            QTest::addRow("%s, %s", targetName, viewName) << target << column << order << search;
    }
}

// An event whose date changes moves: one row move in the event model that every view follows
// (the tables' proxies, sorted and searched, the drafts, the lane index, the filter, the
// selection), never a removal and an insertion, nor a reset; undo and redo restore it exactly.
void TestTimelineDocument::aNewDateMovesOneRow()
{
    QFETCH(int, target);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(bool, search);
    using Tester = QAbstractItemModelTester;
    constexpr auto reporting = Tester::FailureReportingMode::QtTest;

    TimelineDocument document;
    Tester eventTester(document.events(), reporting);
    EventProxyModel byDate(document.events(), document.filter());
    Tester byDateTester(&byDate, reporting);
    EventProxyModel sorted(document.events(), document.filter());
    Tester sortedTester(&sorted, reporting);
    DraftModel drafts(document.events());
    Tester draftTester(&drafts, reporting);
    document.setTimeline(load(TimelineGenerator::generate(3000)), u"g.json"_s);
    const Timeline &t = *document.timeline();
    const int from = int(t.events.size() / 2);
    // Drafts among the events the move passes, beyond them, and the moved event itself.
    for (const int event : { 10, from - 40, from - 2, from, from + 1, from + 30, int(t.events.size()) - 5 }) {
        EventDraft proposed = document.eventDraft(event);
        proposed.draft = true;
        document.editEvent(event, proposed);
    }
    QCOMPARE(drafts.rowCount(), 7);
    EventDraft draft = document.eventDraft(from);
    const QString id = draft.id;
    if (search) { // the moved event's actor: it passes, with some dozens of others
        QVERIFY(!draft.actors.isEmpty());
        document.filter()->setText(t.actors.at(draft.actors.first()).name());
        QVERIFY(document.filter()->acceptedCount() > 10);
        QVERIFY(document.filter()->acceptedCount() < 1000);
    }
    if (column != EventModel::DateColumn || order != Qt::AscendingOrder)
        sorted.sort(column, order);
    QVERIFY(!sorted.isSorting() && !document.filter()->isSearching());
    QCOMPARE(proxyDifference(sorted, document), QString());

    // The event is current everywhere, as a click in a table makes it.
    document.selectEvent(from);
    QItemSelectionModel byDateSelection(&byDate), sortedSelection(&sorted), draftSelection(&drafts);
    draftSelection.setCurrentIndex(drafts.index(drafts.draftRow(from), 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const auto select = [](QItemSelectionModel &selection, EventProxyModel &proxy, int event) {
        selection.setCurrentIndex(proxy.index(proxy.rowOf(event), 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    select(byDateSelection, byDate, from);
    select(sortedSelection, sorted, from);
    QVERIFY(sortedSelection.currentIndex().isValid());

    if (target == -1)
        draft.when = u"1950-01-01"_s;
    else if (target == 1)
        draft.when = u"2199-01-01"_s;
    else
        draft.when = document.eventDraft(from + target).when;
    const QByteArray before = Cli::dump(t);
    QSignalSpy moved(document.events(), &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(document.events(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(document.events(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy byDateResets(&byDate, &QAbstractItemModel::modelReset);
    QSignalSpy sortedResets(&sorted, &QAbstractItemModel::modelReset);
    QSignalSpy sortedLayouts(&sorted, &QAbstractItemModel::layoutChanged);
    document.editEvent(from, draft, u"Change Date"_s);
    const QByteArray after = Cli::dump(t);
    QVERIFY(after != before);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(inserted.size() + removed.size(), 0);
    QCOMPARE(byDateResets.size() + sortedResets.size() + sortedLayouts.size(), 0);
    QVERIFY(!sorted.isSorting());

    const int to = document.currentEvent();
    QCOMPARE(document.eventDraft(to).id, id);
    QCOMPARE(document.eventDraft(to).when, draft.when);
    if (target == -1)
        QCOMPARE(to, 0);
    else if (target == 1)
        QCOMPARE(to, int(t.events.size()) - 1);
    else
        QVERIFY(target > 0 ? to > from : to < from);
    // Each table's current row is still the moved event.
    QCOMPARE(byDate.eventAt(byDateSelection.currentIndex().row()), to);
    QCOMPARE(sorted.eventAt(sortedSelection.currentIndex().row()), to);
    QCOMPARE(drafts.eventRow(draftSelection.currentIndex().row()), to);
    QCOMPARE(draftDifference(drafts, document), QString());
    QCOMPARE(laneDifference(t), QString());
    QCOMPARE(filterDifference(document), QString());
    QCOMPARE(proxyDifference(byDate, document), QString());
    QCOMPARE(proxyDifference(sorted, document), QString());

    document.undoStack()->undo();
    QCOMPARE(Cli::dump(t), before);
    QCOMPARE(document.currentEvent(), from);
    QCOMPARE(sorted.eventAt(sortedSelection.currentIndex().row()), from);
    QCOMPARE(drafts.eventRow(draftSelection.currentIndex().row()), from);
    QCOMPARE(draftDifference(drafts, document), QString());
    QCOMPARE(laneDifference(t), QString());
    QCOMPARE(filterDifference(document), QString());
    QCOMPARE(proxyDifference(byDate, document), QString());
    QCOMPARE(proxyDifference(sorted, document), QString());

    document.undoStack()->redo();
    QCOMPARE(Cli::dump(t), after);
    QCOMPARE(document.currentEvent(), to);
    QCOMPARE(sorted.eventAt(sortedSelection.currentIndex().row()), to);
    QCOMPARE(draftDifference(drafts, document), QString());
    QCOMPARE(laneDifference(t), QString());
    QCOMPARE(proxyDifference(sorted, document), QString());
    QCOMPARE(moved.size(), 3);
    QCOMPARE(inserted.size() + removed.size(), 0);
    QCOMPARE(byDateResets.size() + sortedResets.size() + sortedLayouts.size(), 0);
}

SOURCELINE_TEST_MAIN(TestTimelineDocument)
// The import names its events after the new source ("seed-article-1", ...); an event given such
// an id by hand keeps it, and the import, still one step, takes the next free ones.
void TestTimelineDocument::anImportSkipsIdsTakenByHand()
{
    TimelineDocument document;
    document.setTimeline(load(embeddedBytes()), QString());
    EventDraft byHand = document.eventDraft(0);
    byHand.id = u"seed-article-1"_s;
    document.addEvent(byHand);
    const int eventsBefore = document.events()->rowCount();
    const int stepsBefore = document.undoStack()->count();

    Source details;
    details.setTitle(u"Seed article"_s);
    details.setPublished(u"2025-01-22"_s);
    const QString article = document.timeline()->sources.front().text();
    Drafter::Options options;
    options.published = QDate(2025, 1, 22);
    const auto drafts = Drafter::draft(article, options, document.timeline()->actors);
    QVERIFY(drafts->events.size() >= 2);
    const ArticleImport::Result result = ArticleImport::apply(&document, *drafts, details);

    const Timeline &t = *document.timeline();
    QCOMPARE(t.sources.at(result.source).id, u"seed-article"_s);
    QCOMPARE(result.drafts, int(drafts->events.size()));
    QCOMPARE(document.events()->rowCount(), eventsBefore + result.drafts);
    QSet<QByteArray> ids;
    int named = 0;
    for (const Event &e : t.events) {
        const QByteArray id = t.utf8(e.id).toByteArray();
        QVERIFY2(!ids.contains(id), id.constData());
        ids.insert(id);
        named += id.startsWith("seed-article-");
    }
    QCOMPARE(named, result.drafts + 1);
    QVERIFY(ids.contains("seed-article-" + QByteArray::number(result.drafts + 1)));
    QCOMPARE(t.text(t.events[std::size_t(t.indexOfEvent("seed-article-1"))].title),
             byHand.title);

    QCOMPARE(document.undoStack()->count(), stepsBefore + 1);
    document.undoStack()->undo();
    QCOMPARE(document.events()->rowCount(), eventsBefore);
    QCOMPARE(document.timeline()->indexOfEvent("seed-article-2"), -1);
}

// An article names more people and bodies than it dates: only those a draft event cites become
// lanes, not one empty lane for each name in a sentence without a date.
void TestTimelineDocument::anImportAddsOnlyTheActorsItsDraftsName()
{
    TimelineDocument document;
    document.setTimeline(load(embeddedBytes()), QString());
    const qsizetype actorsBefore = document.timeline()->actors.size();
    const QString article = u"Acme Robotics opened a factory in Leeds on 3 March 2021. Its chief "
                            u"executive, Maria Okafor, said the plant would employ 400 people.\n"
                            u"Analysts at Brightline Capital were not convinced. Acme Robotics "
                            u"expanded again in June 2022.\n"_s;
    Drafter::Options options;
    options.published = QDate(2023, 1, 1);
    const auto drafts = Drafter::draft(article, options, document.timeline()->actors);
    QCOMPARE(drafts->events.size(), std::size_t(2));
    QVERIFY2(drafts->actors.size() >= actorsBefore + 3, "the article names three new actors");

    Source details;
    details.setTitle(u"Acme"_s);
    const ArticleImport::Result result = ArticleImport::apply(&document, *drafts, details);

    const Timeline &t = *document.timeline();
    QCOMPARE(result.actorsAdded, 1);
    QCOMPARE(t.actors.size(), actorsBefore + 1);
    const Actor &added = t.actors.back();
    QVERIFY2(added.name().contains(u"Robotics"_s), qPrintable(added.name()));
    for (const Event &e : t.events) {
        for (const int actor : t.actorsOf(e))
            QVERIFY(actor >= 0 && actor < int(t.actors.size()));
    }
    QCOMPARE(laneDifference(t), QString());
    document.undoStack()->undo();
    QCOMPARE(document.timeline()->actors.size(), actorsBefore);
}

#include "tst_timelinedocument.moc"
