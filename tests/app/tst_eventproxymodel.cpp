#include "eventproxymodel.h"
#include "testutils.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

std::shared_ptr<const Timeline> loadOrDie(const QByteArray &data)
{
    const TimelineLoader::Result result = TimelineLoader::loadData(data, u"test.json"_s);
    if (!result.ok())
        qFatal("%s", qPrintable(result.errorText()));
    return result.timeline;
}

// Ties everywhere: equal dates, equal titles, equal actors and kinds, and events without any,
// so that a sort that is not stable, or not the same as QSortFilterProxyModel's, shows.
const QByteArray tiedTimeline = R"({"format":"sourceline","version":1,"title":"Ties","sources":[],
    "actors":[{"id":"x","name":"X","kind":"person"},{"id":"y","name":"Y","kind":"group"},
              {"id":"z","name":"z lower","kind":"person"}],
    "events":[{"id":"a","title":"Beta","when":"2020-03","actors":["x"],"kind":"deal"},
              {"id":"b","title":"alpha","when":"2020-03","actors":["y"],"kind":"deal"},
              {"id":"c","title":"Beta","when":"2020-03-05","actors":["x","y"]},
              {"id":"d","title":"Gamma","when":"2020-03","actors":["x"],"kind":"lawsuit"},
              {"id":"e","title":"Beta","when":"1969-12-31","actors":[],"kind":"deal"},
              {"id":"f","title":"Delta","when":"2020-03-05","actors":["z"]},
              {"id":"g","title":"alpha","when":"2020","actors":["y"],"kind":"lawsuit"},
              {"id":"h","title":"Epsilon","when":"2020-03","actors":["x"],"kind":"deal"}]})";

// What the table showed before: QSortFilterProxyModel over the same models. The reference.
class ReferenceProxy : public QSortFilterProxyModel
{
public:
    explicit ReferenceProxy(TimelineDocument *document)
        : m_filter(document->filter())
    {
        setSortRole(EventModel::SortRole);
        setSourceModel(document->events());
        connect(m_filter, &TimelineFilter::changed, this, [this] { invalidateFilter(); });
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override { return m_filter->accepts(row); }

private:
    TimelineFilter *m_filter;
};

QList<int> eventsShown(const QAbstractProxyModel &proxy)
{
    QList<int> events;
    for (int row = 0; row < proxy.rowCount(); ++row)
        events.append(proxy.mapToSource(proxy.index(row, 0)).row());
    return events;
}

} // namespace

// EventProxyModel: the event table's rows. It must show what QSortFilterProxyModel showed, in
// the same order, without sorting anything for the date order that a timeline arrives in.
class TestEventProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void lifecycle();
    void dateOrderIsTheEventsOwnOrder();
    void sortsAsQSortFilterProxyModel_data();
    void sortsAsQSortFilterProxyModel();
    void filterKeepsTheSort();
    void aNewTimelineIsShownInDateOrder();
    void persistentIndexesFollowASort();
    void mappingsAreInverse();
    void outOfRangeColumnMeansDateOrder();
    void aLargeTimelineIsSortedOnAWorker_data();
    void aLargeTimelineIsSortedOnAWorker();
    void aNewerSortOrTimelineDropsASortUnderWay();
    void followsEditsRowByRow_data();
    void followsEditsRowByRow();
    void anEditRemakesASortUnderWay();
    void selectionAndCurrentSurviveASort_data();
    void selectionAndCurrentSurviveASort();
    void aSearchOfALargeSortedTableIsMappedOnAWorker();
    void aSearchDuringASortIsShownInTheNewOrder();

private:
    std::shared_ptr<const Timeline> largeTiedTimeline();

    std::shared_ptr<const Timeline> m_embedded;
    std::shared_ptr<const Timeline> m_tied;
};

void TestEventProxyModel::initTestCase()
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_embedded = result.timeline;
    m_tied = loadOrDie(tiedTimeline);
}

void TestEventProxyModel::lifecycle()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(proxy.columnCount(), int(EventModel::ColumnCount));

    document.setTimeline(m_embedded, u"embedded"_s);
    QCOMPARE(proxy.rowCount(), 16);
    proxy.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    document.filter()->setText(u"microsoft"_s);
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < 16);
    proxy.sort(EventModel::KindColumn);
    document.actors()->setVisible(0, false);
    document.filter()->setText(u"no event says this"_s);
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!proxy.hasChildren());
    document.filter()->setText({});
    proxy.sort(EventModel::DateColumn, Qt::DescendingOrder);

    document.setTimeline(m_tied, u"tied"_s);
    QCOMPARE(proxy.rowCount(), 8);
    proxy.sort(EventModel::ActorsColumn);
    document.setTimeline(nullptr, {});
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!proxy.index(0, 0).isValid());
}

void TestEventProxyModel::dateOrderIsTheEventsOwnOrder()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(m_embedded, u"embedded"_s);
    QCOMPARE(proxy.sortColumn(), int(EventModel::DateColumn));
    QCOMPARE(proxy.sortOrder(), Qt::AscendingOrder);
    QCOMPARE(proxy.rowCount(), int(m_embedded->events.size()));
    for (int row = 0; row < proxy.rowCount(); ++row) {
        QCOMPARE(proxy.eventAt(row), row);
        QCOMPARE(proxy.rowOf(row), row);
    }
    // And that is the order QSortFilterProxyModel sorts them in by date.
    ReferenceProxy reference(&document);
    reference.sort(EventModel::DateColumn);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
}

void TestEventProxyModel::sortsAsQSortFilterProxyModel_data()
{
    QTest::addColumn<bool>("tied");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("search");

    const struct
    {
        const char *name;
        int column;
    } columns[] = {
        { "date", EventModel::DateColumn },
        { "title", EventModel::TitleColumn },
        { "actors", EventModel::ActorsColumn },
        { "kind", EventModel::KindColumn },
    };
    for (const bool tied : { false, true }) {
        for (const auto &column : columns) {
            for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                for (const QString &search : { QString(), u"a"_s }) {
                    QTest::addRow("%s, %s, %s%s", tied ? "ties" : "embedded", column.name,
                                  order == Qt::AscendingOrder ? "ascending" : "descending",
                                  search.isEmpty() ? "" : ", searching")
                        << tied << column.column << order << search;
                }
            }
        }
    }
}

void TestEventProxyModel::sortsAsQSortFilterProxyModel()
{
    QFETCH(bool, tied);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, search);

    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(tied ? m_tied : m_embedded, u"test"_s);
    document.filter()->setText(search);

    proxy.sort(column, order);
    reference.sort(column, order);
    QCOMPARE(proxy.sortColumn(), column);
    QCOMPARE(proxy.sortOrder(), order);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
    for (int row = 0; row < proxy.rowCount(); ++row) {
        for (int c = 0; c < proxy.columnCount(); ++c)
            QCOMPARE(proxy.index(row, c).data(), reference.index(row, c).data());
    }
}

void TestEventProxyModel::filterKeepsTheSort()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(m_tied, u"tied"_s);
    proxy.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    reference.sort(EventModel::TitleColumn, Qt::DescendingOrder);

    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    document.filter()->setText(u"beta"_s);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(proxy.sortColumn(), int(EventModel::TitleColumn));
    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
    for (int event = 0; event < int(m_tied->events.size()); ++event) {
        const bool shown = document.filter()->accepts(event);
        QCOMPARE(proxy.rowOf(event) >= 0, shown);
        QCOMPARE(proxy.mapFromSource(document.events()->index(event, 0)).isValid(), shown);
    }

    // Hiding X hides the event that only X is in; one with Y too, or with nobody, stays.
    document.actors()->setVisible(0, false);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
    QCOMPARE(proxy.rowCount(), 2);
}

void TestEventProxyModel::aNewTimelineIsShownInDateOrder()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(m_embedded, u"embedded"_s);
    proxy.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    QVERIFY(proxy.eventAt(0) != 0);

    document.setTimeline(m_tied, u"tied"_s);
    QCOMPARE(proxy.sortColumn(), int(EventModel::DateColumn));
    QCOMPARE(proxy.sortOrder(), Qt::AscendingOrder);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.eventAt(row), row);
}

void TestEventProxyModel::persistentIndexesFollowASort()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(m_tied, u"tied"_s);
    const int event = int(m_tied->indexOfEvent("d"));
    const QPersistentModelIndex index = proxy.index(proxy.rowOf(event), EventModel::TitleColumn);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    for (const int column : { EventModel::TitleColumn, EventModel::KindColumn, EventModel::DateColumn }) {
        for (const Qt::SortOrder order : { Qt::DescendingOrder, Qt::AscendingOrder }) {
            proxy.sort(column, order);
            QVERIFY(index.isValid());
            QCOMPARE(index.column(), int(EventModel::TitleColumn));
            QCOMPARE(proxy.eventAt(index.row()), event);
            QCOMPARE(index.data().toString(), u"Gamma"_s);
        }
    }
    QCOMPARE(layout.size(), 6);
    // Sorting as it is sorted already changes nothing.
    proxy.sort(EventModel::DateColumn, Qt::AscendingOrder);
    QCOMPARE(layout.size(), 6);
}

void TestEventProxyModel::mappingsAreInverse()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(m_embedded, u"embedded"_s);
    proxy.sort(EventModel::ActorsColumn, Qt::DescendingOrder);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        for (int column = 0; column < proxy.columnCount(); ++column) {
            const QModelIndex index = proxy.index(row, column);
            const QModelIndex source = proxy.mapToSource(index);
            QCOMPARE(source.model(), document.events());
            QCOMPARE(source.column(), column);
            QCOMPARE(proxy.mapFromSource(source), index);
        }
    }
    QCOMPARE(proxy.eventAt(-1), -1);
    QCOMPARE(proxy.eventAt(proxy.rowCount()), -1);
    QCOMPARE(proxy.rowOf(-1), -1);
    QCOMPARE(proxy.rowOf(int(m_embedded->events.size())), -1);
    QVERIFY(!proxy.mapFromSource(QModelIndex()).isValid());
}

void TestEventProxyModel::outOfRangeColumnMeansDateOrder()
{
    // A view whose sort indicator is cleared asks for column -1: the events' own order.
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(m_tied, u"tied"_s);
    proxy.sort(EventModel::KindColumn, Qt::DescendingOrder);
    proxy.sort(-1);
    QCOMPARE(proxy.sortColumn(), int(EventModel::DateColumn));
    QCOMPARE(proxy.sortOrder(), Qt::AscendingOrder);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.eventAt(row), row);
}

// The tied timeline's events over and over, past EventProxyModel::sortedAtOnce.
std::shared_ptr<const Timeline> TestEventProxyModel::largeTiedTimeline()
{
    const int start = tiedTimeline.indexOf("\"events\":[") + 10;
    const int end = tiedTimeline.lastIndexOf("]}");
    const QByteArray events = tiedTimeline.mid(start, end - start);
    QByteArray all;
    for (int copy = 0; copy * 8 <= EventProxyModel::sortedAtOnce; ++copy) {
        QByteArray renamed = events;
        for (const char id : QByteArrayView("abcdefgh"))
            renamed.replace(QByteArray("\"id\":\"" + QByteArray(1, id) + "\""),
                            QByteArray("\"id\":\"" + QByteArray(1, id) + QByteArray::number(copy) + "\""));
        all += QByteArray(copy ? "," : "") + renamed;
    }
    return loadOrDie(QByteArray(tiedTimeline.left(start) + all + tiedTimeline.mid(end)));
}

void TestEventProxyModel::aLargeTimelineIsSortedOnAWorker_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("title") << int(EventModel::TitleColumn) << Qt::AscendingOrder;
    QTest::newRow("title, descending") << int(EventModel::TitleColumn) << Qt::DescendingOrder;
    QTest::newRow("actors") << int(EventModel::ActorsColumn) << Qt::AscendingOrder;
    QTest::newRow("kind, descending") << int(EventModel::KindColumn) << Qt::DescendingOrder;
    QTest::newRow("date, descending") << int(EventModel::DateColumn) << Qt::DescendingOrder;
}

void TestEventProxyModel::aLargeTimelineIsSortedOnAWorker()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    const std::shared_ptr<const Timeline> timeline = largeTiedTimeline();
    QVERIFY(int(timeline->events.size()) > EventProxyModel::sortedAtOnce);
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(timeline, u"large"_s);
    const QList<int> before = eventsShown(proxy);

    QSignalSpy sorted(&proxy, &EventProxyModel::sorted);
    proxy.sort(column, order);
    // sort() returns before the order is made; the rows keep theirs meanwhile.
    QVERIFY(proxy.isSorting());
    QCOMPARE(proxy.sortColumn(), int(EventModel::DateColumn));
    QCOMPARE(eventsShown(proxy), before);
    QVERIFY(sorted.wait(30000));
    QVERIFY(!proxy.isSorting());
    QCOMPARE(proxy.sortColumn(), column);
    QCOMPARE(proxy.sortOrder(), order);
    reference.sort(column, order);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
}

void TestEventProxyModel::aNewerSortOrTimelineDropsASortUnderWay()
{
    const std::shared_ptr<const Timeline> timeline = largeTiedTimeline();
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(timeline, u"large"_s);
    QSignalSpy sorted(&proxy, &EventProxyModel::sorted);

    proxy.sort(EventModel::TitleColumn, Qt::AscendingOrder);
    proxy.sort(EventModel::KindColumn, Qt::AscendingOrder);
    QVERIFY(sorted.wait(30000));
    QCOMPARE(proxy.sortColumn(), int(EventModel::KindColumn));
    reference.sort(EventModel::KindColumn, Qt::AscendingOrder);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
    QCOMPARE(sorted.size(), 1);

    // A timeline replaced while a sort runs: shown in date order, the sort forgotten.
    proxy.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    QVERIFY(proxy.isSorting());
    document.setTimeline(timeline, u"again"_s);
    QVERIFY(!proxy.isSorting());
    QCOMPARE(proxy.sortColumn(), int(EventModel::DateColumn));
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.eventAt(row), row);
}

void TestEventProxyModel::followsEditsRowByRow_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("hideX");
    QTest::newRow("own order") << int(EventModel::DateColumn) << Qt::AscendingOrder << QString() << false;
    QTest::newRow("own order, searching")
        << int(EventModel::DateColumn) << Qt::AscendingOrder << u"a"_s << false;
    QTest::newRow("own order, X hidden")
        << int(EventModel::DateColumn) << Qt::AscendingOrder << QString() << true;
    QTest::newRow("date, descending")
        << int(EventModel::DateColumn) << Qt::DescendingOrder << QString() << false;
    QTest::newRow("title") << int(EventModel::TitleColumn) << Qt::AscendingOrder << QString() << false;
    QTest::newRow("title, descending, searching")
        << int(EventModel::TitleColumn) << Qt::DescendingOrder << u"e"_s << false;
    QTest::newRow("actors, X hidden")
        << int(EventModel::ActorsColumn) << Qt::AscendingOrder << QString() << true;
    QTest::newRow("kind, descending")
        << int(EventModel::KindColumn) << Qt::DescendingOrder << QString() << false;
}

// Every edit the document makes shows in the table as rows inserted, removed, moved or changed,
// in the same places as QSortFilterProxyModel puts them, with no reset and with the model tester
// watching every signal.
void TestEventProxyModel::followsEditsRowByRow()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, search);
    QFETCH(bool, hideX);

    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(loadOrDie(tiedTimeline), u"tied"_s);
    document.filter()->setText(search);
    document.actors()->setVisible(0, !hideX);
    proxy.sort(column, order);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);

    // The reference sorts afresh at each step: QSortFilterProxyModel's own row-by-row updates
    // do not keep equal keys in the events' order, which a fresh stable sort does.
    const auto check = [&](const char *step) {
        ReferenceProxy reference(&document);
        reference.sort(column, order);
        const QList<int> shown = eventsShown(proxy);
        const QList<int> expected = eventsShown(reference);
        if (shown != expected)
            qWarning() << step << shown << "expected" << expected;
        QCOMPARE(shown, expected);
        for (int event = 0; event < document.events()->rowCount(); ++event)
            QCOMPARE(proxy.rowOf(event), int(expected.indexOf(event)));
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, EventModel::TitleColumn).data(),
                     reference.index(row, EventModel::TitleColumn).data());
    };

    EventDraft added;
    added.title = u"Beta again"_s;
    added.when = u"2020-03"_s;
    added.kind = u"deal"_s;
    added.actors = { 1 };
    check("sorted");
    const int addedRow = document.addEvent(added);
    check("add");
    EventDraft draft = document.eventDraft(addedRow);
    draft.title = u"Aardvark"_s; // first by title, and no longer matching "e"
    document.editEvent(addedRow, draft);
    check("retitle");
    draft.title = u"Zeta alpha"_s;
    draft.actors = { 0 }; // to X, hidden in some rows
    document.editEvent(addedRow, draft);
    check("retitle, other actor");
    draft.when = u"1901"_s; // to the start of the date order
    document.editEvent(addedRow, draft);
    check("move");
    document.deleteEvent(int(document.timeline()->indexOfEvent("c")));
    check("delete");
    while (document.undoStack()->canUndo()) {
        document.undoStack()->undo();
        check("undo");
    }
    while (document.undoStack()->canRedo()) {
        document.undoStack()->redo();
        check("redo");
    }
    QCOMPARE(resets.size(), 0);
}

// An edit while a large timeline is sorted on a worker: the sort stops while the timeline
// changes, then is made again on the edited events.
void TestEventProxyModel::anEditRemakesASortUnderWay()
{
    const std::shared_ptr<const Timeline> timeline = largeTiedTimeline();
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(timeline, u"large"_s);
    QSignalSpy sorted(&proxy, &EventProxyModel::sorted);

    proxy.sort(EventModel::TitleColumn, Qt::AscendingOrder);
    QVERIFY(proxy.isSorting());
    EventDraft added;
    added.title = u"Aaa, first by title"_s;
    added.when = u"2020-03"_s;
    document.addEvent(added);
    QVERIFY(proxy.isSorting());
    QVERIFY(sorted.wait(30000));
    QCOMPARE(sorted.size(), 1);
    QCOMPARE(proxy.sortColumn(), int(EventModel::TitleColumn));
    reference.sort(EventModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
    QCOMPARE(proxy.index(0, EventModel::TitleColumn).data().toString(), added.title);
}

void TestEventProxyModel::selectionAndCurrentSurviveASort_data()
{
    QTest::addColumn<bool>("large");
    QTest::newRow("sorted at once") << false;
    QTest::newRow("sorted on a worker") << true;
}

// A view's selection and current index are the events they were before a sort, whether the
// rows were made on the spot or by a worker and swapped in.
void TestEventProxyModel::selectionAndCurrentSurviveASort()
{
    QFETCH(bool, large);
    const std::shared_ptr<const Timeline> timeline = large ? largeTiedTimeline() : m_tied;
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    document.setTimeline(timeline, u"timeline"_s);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    QItemSelectionModel selection(&proxy);
    QSignalSpy sorted(&proxy, &EventProxyModel::sorted);

    // The current event in one row, and a block of two more rows selected elsewhere.
    const int current = int(timeline->events.size()) - 2, first = 1, second = 2;
    selection.setCurrentIndex(proxy.index(proxy.rowOf(current), EventModel::TitleColumn),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.select(QItemSelection(proxy.index(proxy.rowOf(first), 0),
                                    proxy.index(proxy.rowOf(second), proxy.columnCount() - 1)),
                     QItemSelectionModel::Select);
    const auto selectedEvents = [&] {
        QList<int> events;
        for (const QModelIndex &index : selection.selectedRows(EventModel::TitleColumn))
            events.append(proxy.eventAt(index.row()));
        std::sort(events.begin(), events.end());
        return events;
    };
    const QList<int> selected = selectedEvents();
    QCOMPARE(selected, QList<int>({ first, second, current }));

    for (const int column : { EventModel::TitleColumn, EventModel::ActorsColumn, EventModel::DateColumn }) {
        const int rowBefore = selection.currentIndex().row();
        proxy.sort(column, Qt::DescendingOrder);
        if (large)
            QVERIFY(sorted.wait(30000));
        QCOMPARE(proxy.sortColumn(), column);
        QVERIFY(selection.currentIndex().row() != rowBefore); // the sort moved it
        QCOMPARE(proxy.eventAt(selection.currentIndex().row()), current);
        QCOMPARE(selection.currentIndex().column(), int(EventModel::TitleColumn));
        QCOMPARE(selectedEvents(), selected);
        for (const int event : selected)
            QVERIFY(selection.isRowSelected(proxy.rowOf(event)));
    }
}

// A search's answer for a large table sorted by title is put in the sorted order by a worker:
// the rows stay as they were until sorted() says the new ones are in.
void TestEventProxyModel::aSearchOfALargeSortedTableIsMappedOnAWorker()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(largeTiedTimeline(), u"large"_s);
    QSignalSpy sorted(&proxy, &EventProxyModel::sorted);
    proxy.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    QVERIFY(sorted.wait(30000));
    reference.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);

    for (const QString &text : { u"alpha"_s, u"Beta"_s, QString() }) {
        QSignalSpy filtered(document.filter(), &TimelineFilter::changed);
        const QList<int> before = eventsShown(proxy);
        document.filter()->setText(text);
        // A search runs on a worker; clearing it is answered at once.
        QVERIFY(!filtered.isEmpty() || filtered.wait(30000));
        QVERIFY(proxy.isSorting());
        QCOMPARE(eventsShown(proxy), before);
        QVERIFY(sorted.wait(30000));
        QVERIFY(!proxy.isSorting());
        QCOMPARE(proxy.sortColumn(), int(EventModel::TitleColumn));
        QCOMPARE(eventsShown(proxy), eventsShown(reference));
        for (int event = 0; event < document.events()->rowCount(); ++event)
            QCOMPARE(proxy.eventAt(proxy.rowOf(event)), document.filter()->accepts(event) ? event : -1);
    }

    // An edit while the rows are made stops the worker; they are made again after it.
    QSignalSpy filtered(document.filter(), &TimelineFilter::changed);
    document.filter()->setText(u"alpha"_s);
    QVERIFY(filtered.wait(30000));
    QVERIFY(proxy.isSorting());
    EventDraft added;
    added.title = u"zz alpha, first by title descending"_s;
    added.when = u"2020-03"_s;
    document.addEvent(added);
    QVERIFY(proxy.isSorting());
    QVERIFY(sorted.wait(30000));
    QVERIFY(!proxy.isSorting());
    // Sorted afresh: QSortFilterProxyModel's own insertion does not keep ties in event order.
    ReferenceProxy edited(&document);
    edited.sort(EventModel::TitleColumn, Qt::DescendingOrder);
    QCOMPARE(eventsShown(proxy), eventsShown(edited));
    QCOMPARE(proxy.index(0, EventModel::TitleColumn).data().toString(), added.title);
}

// A search's answer that comes while a sort is made: the sort's rows, made for the verdicts
// before it, are made again for the new ones, and shown with the new order. The table shows
// the earlier answer till then.
void TestEventProxyModel::aSearchDuringASortIsShownInTheNewOrder()
{
    TimelineDocument document;
    EventProxyModel proxy(document.events(), document.filter());
    ReferenceProxy reference(&document);
    document.setTimeline(largeTiedTimeline(), u"large"_s);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    QSignalSpy filtered(document.filter(), &TimelineFilter::changed);
    QSignalSpy sorted(&proxy, &EventProxyModel::sorted);

    document.filter()->setText(u"alpha"_s);
    QVERIFY(filtered.wait(30000));
    QCOMPARE(qsizetype(proxy.rowCount()), document.filter()->acceptedCount());

    // Clearing the search is answered at once, so it surely comes while the sort is made.
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    proxy.sort(EventModel::KindColumn, Qt::AscendingOrder);
    QVERIFY(proxy.isSorting());
    document.filter()->setText(QString());
    QVERIFY(proxy.isSorting());
    QVERIFY(sorted.wait(30000));
    QVERIFY(!proxy.isSorting());
    QCOMPARE(sorted.size(), 1);
    // Other events pass than before: shown afresh, once, rather than as a change of layout.
    QCOMPARE(resets.size(), 1);
    reference.sort(EventModel::KindColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.sortColumn(), int(EventModel::KindColumn));
    QCOMPARE(proxy.rowCount(), document.events()->rowCount());
    QCOMPARE(eventsShown(proxy), eventsShown(reference));
}

SOURCELINE_TEST_MAIN(TestEventProxyModel)
#include "tst_eventproxymodel.moc"
