#include "actormodel.h"
#include "eventmodel.h"
#include "eventorder.h"
#include "testutils.h"
#include "timelineloader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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

// A second, small timeline: actors without colours, and dates on both sides of 1970.
const QByteArray smallTimeline = R"({"format":"sourceline","version":1,"title":"Small","sources":[],
    "actors":[{"id":"x","name":"X","kind":"person"},{"id":"y","name":"Y","kind":"group"},
              {"id":"z","name":"Z","kind":"person","color":"#102030"}],
    "events":[{"id":"after","title":"After","when":"1969-06/1970-02","actors":["x","y"]},
              {"id":"long","title":"Long","when":"1969-06/1971","actors":["x"]},
              {"id":"short","title":"Short","when":"1969-06","actors":["y"]},
              {"id":"first","title":"First","when":"1900","actors":[]}]})";

} // namespace

// EventModel and ActorModel: what the views read, checked with QAbstractItemModelTester.
class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void eventModelLifecycle();
    void eventRowsInDateOrder();
    void eventRoles_data();
    void eventRoles();
    void kindsShowTheirLabels_data();
    void kindsShowTheirLabels();
    void eventToolTips();
    void eventHeaders();
    void eventSortRoleAcrossTheEpoch();

    void actorModelLifecycle();
    void actorEventCounts_data();
    void actorEventCounts();
    void actorRoles();
    void actorColours();
    void checkStateToggles_data();
    void checkStateToggles();
    void setDataRejects();
    void visibilityResetsWithTheTimeline();

private:
    std::shared_ptr<const Timeline> m_embedded;
    std::shared_ptr<const Timeline> m_small;
};

void TestModels::initTestCase()
{
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_embedded = result.timeline;
    m_small = loadOrDie(smallTimeline);
}

// --- EventModel --------------------------------------------------------------------------------

void TestModels::eventModelLifecycle()
{
    EventModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(EventModel::ColumnCount));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTimeline(m_embedded);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 16);
    QCOMPARE(model.timeline(), m_embedded);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table: no children

    model.setTimeline(m_small);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, EventModel::TitleColumn).data().toString(), u"First"_s);

    model.setTimeline(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

void TestModels::eventRowsInDateOrder()
{
    EventModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);
    QCOMPARE(model.index(0, 0).data(EventModel::IdRole).toString(), u"exclusivity-agi-clause"_s);
    QCOMPARE(model.index(15, 0).data(EventModel::IdRole).toString(), u"benioff-davos"_s);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(EventModel::EventIndexRole).toInt(), row);
        if (row > 0) {
            const QModelIndex previous = model.index(row - 1, 0);
            QVERIFY(previous.data(EventModel::FirstDayRole).toInt()
                    <= index.data(EventModel::FirstDayRole).toInt());
            QVERIFY(!EventOrder::keyLess(index.data(EventModel::SortRole),
                                         previous.data(EventModel::SortRole)));
        }
    }
}

void TestModels::eventRoles_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("actors");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("dateText");
    QTest::addColumn<DateRange::Precision>("precision");
    QTest::addColumn<QStringList>("actorIds");

    QTest::newRow("day") << u"chatgpt-release"_s << u"30 Nov 2022"_s << u"OpenAI releases ChatGPT"_s
                         << u"OpenAI"_s << u"product"_s << QDate(2022, 11, 30) << QDate(2022, 11, 30)
                         << u"late 2022"_s << DateRange::Precision::Day << QStringList { u"openai"_s };
    QTest::newRow("interval") << u"compute-delays"_s << u"c. Jan 2023 – c. 31 Oct 2024"_s
                              << u"Compute shortage delays OpenAI products"_s << u"OpenAI, Microsoft"_s
                              << u"dispute"_s << QDate(2023, 1, 1) << QDate(2024, 10, 31)
                              << u"subsequent product delays due to insufficient compute capacity"_s
                              << DateRange::Precision::Interval
                              << QStringList { u"openai"_s, u"microsoft"_s };
    QTest::newRow("year") << u"exclusivity-agi-clause"_s << u"2019"_s << u"AGI clause in the Microsoft deal"_s
                          << u"Microsoft, OpenAI"_s << u"partnership"_s << QDate(2019, 1, 1)
                          << QDate(2019, 12, 31)
                          << u"the exclusive agreement … was set to end once AGI milestones were achieved"_s
                          << DateRange::Precision::Year << QStringList { u"microsoft"_s, u"openai"_s };
    QTest::newRow("four actors") << u"suleyman-hired"_s << u"19 Mar 2024"_s
                                 << u"Microsoft hires Mustafa Suleyman"_s
                                 << u"Microsoft, Mustafa Suleyman, DeepMind, Inflection AI"_s << u"people"_s
                                 << QDate(2024, 3, 19) << QDate(2024, 3, 19) << QString()
                                 << DateRange::Precision::Day
                                 << QStringList { u"microsoft"_s, u"mustafa-suleyman"_s, u"deepmind"_s,
                                                  u"inflection"_s };
}

void TestModels::kindsShowTheirLabels_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("kind");
    QTest::newRow("labelled by the file") << "deal"_ba << u"Signed deal"_s << u"deal"_s;
    QTest::newRow("labelled, with a colour") << "rift"_ba << u"Public rift"_s << u"rift"_s;
    QTest::newRow("listed without a label") << "memo"_ba << u"Memo"_s << u"memo"_s;
    QTest::newRow("not listed") << "talk"_ba << u"Talk"_s << u"talk"_s;
    QTest::newRow("no kind") << "plain"_ba << QString() << QString();
}

void TestModels::kindsShowTheirLabels()
{
    // The table names a kind as the legend does: the file's label, else the id with a capital.
    QFETCH(QByteArray, event);
    QFETCH(QString, shown);
    QFETCH(QString, kind);
    const QByteArray json =
        R"({"format": "sourceline", "version": 1, "title": "Kinds", "sources": [], "actors": [],
        "kinds": [{"id": "deal", "label": "Signed deal"}, {"id": "rift", "label": "Public rift", "color": "#aa3377"},
                  {"id": "memo"}],
        "events": [
          {"id": "deal", "title": "A deal", "when": "2020-01-02", "kind": "deal", "actors": []},
          {"id": "rift", "title": "A rift", "when": "2020-02-03", "kind": "rift", "actors": []},
          {"id": "memo", "title": "A memo", "when": "2020-03-04", "kind": "memo", "actors": []},
          {"id": "talk", "title": "A talk", "when": "2020-04-05", "kind": "talk", "actors": []},
          {"id": "plain", "title": "Plain", "when": "2020-05-06", "actors": []}]})";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"kinds.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    EventModel model;
    model.setTimeline(result.timeline);
    const int row = int(result.timeline->indexOfEvent(event));
    QVERIFY(row >= 0);
    const QModelIndex cell = model.index(row, EventModel::KindColumn);
    QCOMPARE(cell.data(Qt::DisplayRole).toString(), shown);
    QCOMPARE(cell.data(EventModel::KindRole).toString(), kind);
}

void TestModels::eventRoles()
{
    QFETCH(QString, id);
    QFETCH(QString, date);
    QFETCH(QString, title);
    QFETCH(QString, actors);
    QFETCH(QString, kind);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, dateText);
    QFETCH(DateRange::Precision, precision);
    QFETCH(QStringList, actorIds);

    EventModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);
    const qsizetype row = m_embedded->indexOfEvent(id.toUtf8());
    QVERIFY(row >= 0);
    const auto at = [&](int column, int role) {
        return model.index(int(row), column).data(role);
    };

    QCOMPARE(at(EventModel::DateColumn, Qt::DisplayRole).toString(), date);
    QCOMPARE(at(EventModel::TitleColumn, Qt::DisplayRole).toString(), title);
    QCOMPARE(at(EventModel::ActorsColumn, Qt::DisplayRole).toString(), actors);
    // Shown as a name, with a capital (kindsShowTheirLabels); the role keeps the id.
    QCOMPARE(at(EventModel::KindColumn, Qt::DisplayRole).toString().toLower(), kind);
    QCOMPARE(model.actorNames(m_embedded->events[row]), actors);

    // The roles answer the same whatever the column.
    for (int column = 0; column < EventModel::ColumnCount; ++column) {
        QCOMPARE(at(column, EventModel::EventIndexRole).toInt(), row);
        QCOMPARE(at(column, EventModel::IdRole).toString(), id);
        QCOMPARE(at(column, EventModel::FirstDayRole).toInt(), DateRange::dayFromDate(first));
        QCOMPARE(at(column, EventModel::LastDayRole).toInt(), DateRange::dayFromDate(last));
        QCOMPARE(at(column, EventModel::PrecisionRole).toInt(), int(precision));
        QCOMPARE(at(column, EventModel::DateTextRole).toString(), dateText);
        QCOMPARE(at(column, EventModel::KindRole).toString(), kind);
        QCOMPARE(at(column, EventModel::SummaryRole).toString(),
                 m_embedded->text(m_embedded->events[row].summary));
    }
    QVERIFY(!at(EventModel::TitleColumn, EventModel::SummaryRole).toString().isEmpty());

    const QVariant actorsRole = at(EventModel::DateColumn, EventModel::ActorsRole);
    QVERIFY(actorsRole.canConvert<QList<int>>());
    QStringList ids;
    for (const int actor : actorsRole.value<QList<int>>())
        ids.append(m_embedded->actors.at(actor).id());
    QCOMPARE(ids, actorIds);

    // What a sorting proxy sees.
    QCOMPARE(at(EventModel::TitleColumn, EventModel::SortRole).toString(), title);
    const QVariant dateKey = at(EventModel::DateColumn, EventModel::SortRole);
    QCOMPARE(dateKey.value<EventOrder::DateKey>().first, DateRange::dayFromDate(first));
    QCOMPARE(dateKey.value<EventOrder::DateKey>().last, DateRange::dayFromDate(last));

    // Roles the model does not serve.
    QVERIFY(!at(EventModel::DateColumn, Qt::DecorationRole).isValid());
    QVERIFY(!at(EventModel::DateColumn, Qt::UserRole + 100).isValid());
    QVERIFY(!model.index(int(row), EventModel::ColumnCount).isValid());
}

void TestModels::eventToolTips()
{
    EventModel model;
    model.setTimeline(m_embedded);
    const auto tip = [&](const char *id) {
        return model.index(int(m_embedded->indexOfEvent(id)), EventModel::TitleColumn)
            .data(Qt::ToolTipRole)
            .toString();
    };
    QCOMPARE(tip("chatgpt-release"), u"OpenAI releases ChatGPT\n30 Nov 2022 (“late 2022”)"_s);
    QCOMPARE(tip("altman-fired"), u"OpenAI board fires Sam Altman\n17 Nov 2023"_s);
}

void TestModels::eventHeaders()
{
    EventModel model;
    QCOMPARE(model.headerData(EventModel::DateColumn, Qt::Horizontal).toString(), u"Date"_s);
    QCOMPARE(model.headerData(EventModel::TitleColumn, Qt::Horizontal).toString(), u"Event"_s);
    QCOMPARE(model.headerData(EventModel::ActorsColumn, Qt::Horizontal).toString(), u"Actors"_s);
    QCOMPARE(model.headerData(EventModel::KindColumn, Qt::Horizontal).toString(), u"Kind"_s);
    QVERIFY(!model.headerData(EventModel::ColumnCount, Qt::Horizontal).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
}

void TestModels::eventSortRoleAcrossTheEpoch()
{
    // The loader orders events by first day, then last day. A view that sorts by the date
    // column's SortRole must get the same order, for dates before 1970 too (negative days).
    EventModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_small);
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(EventModel::IdRole).toString());
    QCOMPARE(ids, (QStringList { u"first"_s, u"short"_s, u"after"_s, u"long"_s }));
    for (int row = 1; row < model.rowCount(); ++row) {
        const QVariant previous = model.index(row - 1, EventModel::DateColumn).data(EventModel::SortRole);
        const QVariant current = model.index(row, EventModel::DateColumn).data(EventModel::SortRole);
        QVERIFY2(EventOrder::keyLess(previous, current), qPrintable(ids[row]));
        // As a view that compares keys by their text sees them.
        QVERIFY2(previous.toString() < current.toString(), qPrintable(ids[row]));
    }
}

// --- ActorModel --------------------------------------------------------------------------------

void TestModels::actorModelLifecycle()
{
    ActorModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ActorModel::ColumnCount));
    QVERIFY(!model.isVisible(0));

    model.setTimeline(m_embedded);
    QCOMPARE(model.rowCount(), 12);
    model.setVisible(3, false); // the tester checks the dataChanged() this emits
    QVERIFY(!model.isVisible(3));

    model.setTimeline(m_small);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, ActorModel::NameColumn).data().toString(), u"Z"_s);

    model.setTimeline(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::actorEventCounts_data()
{
    QTest::addColumn<int>("count");

    // Counted by hand from the reference table.
    QTest::newRow("openai") << 13;
    QTest::newRow("microsoft") << 10;
    QTest::newRow("sam-altman") << 3;
    QTest::newRow("salesforce") << 1;
    QTest::newRow("softbank") << 1;
    QTest::newRow("oracle") << 1;
    QTest::newRow("deepmind") << 1;
    QTest::newRow("inflection") << 1;
    QTest::newRow("marc-benioff") << 1;
    QTest::newRow("mustafa-suleyman") << 1;
    QTest::newRow("jay-parikh") << 1;
}

void TestModels::actorEventCounts()
{
    QFETCH(int, count);
    ActorModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);

    const QModelIndexList found =
        model.match(model.index(0, 0), ActorModel::IdRole, QString::fromLatin1(QTest::currentDataTag()), 1,
                    Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    const int row = found.first().row();
    QCOMPARE(model.eventCount(row), count);
    QCOMPARE(model.index(row, ActorModel::NameColumn).data(ActorModel::EventCountRole).toInt(), count);
    QCOMPARE(model.index(row, ActorModel::EventsColumn).data().toInt(), count);
}

void TestModels::actorRoles()
{
    ActorModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);
    const QModelIndex openai = model.index(0, ActorModel::NameColumn);
    QCOMPARE(openai.data().toString(), u"OpenAI"_s);
    QCOMPARE(model.index(0, ActorModel::KindColumn).data().toString(), u"organization"_s);
    QCOMPARE(openai.data(ActorModel::IdRole).toString(), u"openai"_s);
    QCOMPARE(openai.data(ActorModel::ActorIndexRole).toInt(), 0);
    QCOMPARE(openai.data(ActorModel::DescriptionRole).toString(),
             u"AI research and deployment company; maker of ChatGPT."_s);
    QCOMPARE(openai.data(Qt::ToolTipRole).toString(),
             u"OpenAI\nAI research and deployment company; maker of ChatGPT."_s);
    QCOMPARE(openai.data(ActorModel::ColorRole).value<QColor>(), QColor(0x0f, 0x8a, 0x6c));
    QCOMPARE(openai.data(Qt::DecorationRole).value<QColor>(), QColor(0x0f, 0x8a, 0x6c));
    QCOMPARE(openai.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    // Only the name column carries the swatch and the check box.
    QVERIFY(!model.index(0, ActorModel::KindColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(!model.index(0, ActorModel::EventsColumn).data(Qt::CheckStateRole).isValid());
    QVERIFY(model.flags(openai) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, ActorModel::KindColumn)) & Qt::ItemIsUserCheckable));
    QVERIFY(!(model.flags(openai) & Qt::ItemIsEditable));

    QCOMPARE(model.headerData(ActorModel::NameColumn, Qt::Horizontal).toString(), u"Actor"_s);
    QCOMPARE(model.headerData(ActorModel::KindColumn, Qt::Horizontal).toString(), u"Kind"_s);
    QCOMPARE(model.headerData(ActorModel::EventsColumn, Qt::Horizontal).toString(), u"Events"_s);
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

void TestModels::actorColours()
{
    ActorModel model;
    model.setTimeline(m_small);
    // Actors without a colour get distinct ones from the palette; a file's own colour wins.
    const QColor x = model.color(0), y = model.color(1);
    QVERIFY(x.isValid() && y.isValid());
    QVERIFY(x != y);
    QCOMPARE(model.color(2), QColor(0x10, 0x20, 0x30));
    QCOMPARE(model.index(0, 0).data(ActorModel::ColorRole).value<QColor>(), x);

    // The palette repeats darker after twelve, and never runs out.
    QByteArray actors;
    for (int i = 0; i < 30; ++i)
        actors += (i ? ",{\"id\":\"a" : "{\"id\":\"a") + QByteArray::number(i)
            + "\",\"name\":\"A\",\"kind\":\"k\"}";
    model.setTimeline(
        loadOrDie(R"({"format":"sourceline","version":1,"title":"T","sources":[],"events":[],"actors":[)"
                  + actors + "]}"));
    QCOMPARE(model.rowCount(), 30);
    QSet<QRgb> seen;
    for (int i = 0; i < 24; ++i)
        seen.insert(model.color(i).rgb());
    QCOMPARE(seen.size(), 24);
    QVERIFY(model.color(29).isValid());
}

void TestModels::checkStateToggles_data()
{
    QTest::addColumn<QVariant>("hide");
    QTest::addColumn<QVariant>("show");

    // Views send the state as an int (QStyledItemDelegate does); code may send the enum.
    QTest::newRow("enum") << QVariant::fromValue(Qt::Unchecked) << QVariant::fromValue(Qt::Checked);
    QTest::newRow("int") << QVariant(int(Qt::Unchecked)) << QVariant(int(Qt::Checked));
}

void TestModels::checkStateToggles()
{
    QFETCH(QVariant, hide);
    QFETCH(QVariant, show);

    ActorModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);
    QSignalSpy visibility(&model, &ActorModel::visibilityChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex microsoft = model.index(1, ActorModel::NameColumn);
    QVERIFY(model.isVisible(1));

    QVERIFY(model.setData(microsoft, hide, Qt::CheckStateRole));
    QVERIFY(!model.isVisible(1));
    QVERIFY(model.isVisible(0));
    QCOMPARE(microsoft.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(visibility.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>(), microsoft);
    QCOMPARE(changed[0][1].value<QModelIndex>(), microsoft);
    QCOMPARE(changed[0][2].value<QList<int>>(), QList<int> { Qt::CheckStateRole });

    // Setting the same state again changes nothing and says nothing.
    QVERIFY(model.setData(microsoft, hide, Qt::CheckStateRole));
    QCOMPARE(visibility.size(), 1);
    QCOMPARE(changed.size(), 1);

    QVERIFY(model.setData(microsoft, show, Qt::CheckStateRole));
    QVERIFY(model.isVisible(1));
    QCOMPARE(microsoft.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(visibility.size(), 2);
    QCOMPARE(changed.size(), 2);

    // setVisible() is the same switch.
    model.setVisible(1, false);
    QCOMPARE(visibility.size(), 3);
    QCOMPARE(changed.size(), 3);
    QVERIFY(!model.isVisible(1));
}

void TestModels::setDataRejects()
{
    ActorModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);
    QSignalSpy visibility(&model, &ActorModel::visibilityChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QVariant unchecked = QVariant::fromValue(Qt::Unchecked);

    QVERIFY(!model.setData(model.index(0, ActorModel::KindColumn), unchecked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(0, ActorModel::NameColumn), u"New name"_s, Qt::EditRole));
    QVERIFY(!model.setData(model.index(0, ActorModel::NameColumn), unchecked, Qt::DisplayRole));
    QVERIFY(!model.setData(QModelIndex(), unchecked, Qt::CheckStateRole));
    model.setVisible(-1, false);
    model.setVisible(12, false);
    QCOMPARE(visibility.size(), 0);
    QCOMPARE(changed.size(), 0);
    QVERIFY(model.isVisible(0));
    QVERIFY(!model.isVisible(12));
    QCOMPARE(model.index(0, ActorModel::NameColumn).data().toString(), u"OpenAI"_s);
}

void TestModels::visibilityResetsWithTheTimeline()
{
    ActorModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setTimeline(m_embedded);
    model.setVisible(0, false);
    model.setVisible(5, false);
    model.setTimeline(m_embedded);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.isVisible(row));
}

SOURCELINE_TEST_MAIN(TestModels)
#include "tst_models.moc"
