#include "actormodel.h"
#include "testutils.h"
#include "timelinefilter.h"
#include "timelineloader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray timelineJson = R"({"format":"sourceline","version":1,"title":"Filter","sources":[],
    "actors":[{"id":"x","name":"Xavier","kind":"person"},{"id":"y","name":"Yolanda","kind":"person"},
              {"id":"z","name":"Zeta Corp","kind":"company"}],
    "events":[{"id":"a","title":"Merger talks","when":"2020-01","actors":["x"]},
              {"id":"b","title":"Lawsuit filed","when":"2020-02","actors":["y","z"]},
              {"id":"c","title":"An event of nobody","when":"2020-03","actors":[]},
              {"id":"d","title":"Merger done","when":"2020-04","dateText":"that spring","actors":["z"]}]})";

} // namespace

// TimelineFilter: which events the chart and the table show, for a search and the actors shown.
class TestTimelineFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passes_data();
    void passes();
    void everythingPassesAgainOnceNothingIsHidden();
    void aLargeTimelineIsSearchedOnAWorker();
    void aNewerSearchCancelsAnOlderOne();

private:
    std::shared_ptr<const Timeline> m_timeline;
};

void TestTimelineFilter::initTestCase()
{
    const TimelineLoader::Result result = TimelineLoader::loadData(timelineJson, u"filter.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    m_timeline = result.timeline;
}

void TestTimelineFilter::passes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("hiddenActors");
    QTest::addColumn<QStringList>("passing");

    const QStringList all { u"a"_s, u"b"_s, u"c"_s, u"d"_s };
    QTest::newRow("nothing searched, nothing hidden") << QString() << QStringList() << all;
    QTest::newRow("blanks are no search") << u"  "_s << QStringList() << all;
    QTest::newRow("a title") << u"merger"_s << QStringList() << QStringList { u"a"_s, u"d"_s };
    QTest::newRow("an actor's name") << u"zeta"_s << QStringList() << QStringList { u"b"_s, u"d"_s };
    QTest::newRow("a date phrase") << u"SPRING"_s << QStringList() << QStringList { u"d"_s };
    QTest::newRow("nothing matches") << u"absent"_s << QStringList() << QStringList();
    QTest::newRow("an actor hidden") << QString() << QStringList { u"x"_s }
                                     << QStringList { u"b"_s, u"c"_s, u"d"_s };
    QTest::newRow("one of two actors hidden") << QString() << QStringList { u"y"_s } << all;
    QTest::newRow("both actors hidden")
        << QString() << QStringList { u"y"_s, u"z"_s } << QStringList { u"a"_s, u"c"_s };
    QTest::newRow("every actor hidden")
        << QString() << QStringList { u"x"_s, u"y"_s, u"z"_s } << QStringList { u"c"_s };
    QTest::newRow("search and hide") << u"merger"_s << QStringList { u"z"_s } << QStringList { u"a"_s };
}

void TestTimelineFilter::passes()
{
    QFETCH(QString, text);
    QFETCH(QStringList, hiddenActors);
    QFETCH(QStringList, passing);

    ActorModel actors;
    actors.setTimeline(m_timeline);
    TimelineFilter filter(&actors);
    QSignalSpy changed(&filter, &TimelineFilter::changed);
    filter.setTimeline(m_timeline);
    QCOMPARE(changed.size(), 1);
    filter.setText(text);
    for (const QString &id : std::as_const(hiddenActors)) {
        for (int actor = 0; actor < actors.rowCount(); ++actor) {
            if (m_timeline->actors.at(actor).id() == id)
                actors.setVisible(actor, false);
        }
    }

    QStringList passed;
    for (qsizetype event = 0; event < qsizetype(m_timeline->events.size()); ++event) {
        if (filter.accepts(event))
            passed.append(m_timeline->text(m_timeline->events[event].id));
    }
    QCOMPARE(passed, passing);
    QCOMPARE(filter.acceptedCount(), passing.size());
    QVERIFY(!filter.accepts(-1));
    QVERIFY(!filter.accepts(qsizetype(m_timeline->events.size())));
}

void TestTimelineFilter::everythingPassesAgainOnceNothingIsHidden()
{
    ActorModel actors;
    actors.setTimeline(m_timeline);
    TimelineFilter filter(&actors);
    filter.setTimeline(m_timeline);
    filter.setText(u"merger"_s);
    actors.setVisible(0, false);
    QCOMPARE(filter.acceptedCount(), 1);
    actors.setVisible(0, true);
    filter.setText({});
    QCOMPARE(filter.acceptedCount(), qsizetype(m_timeline->events.size()));
    for (qsizetype event = 0; event < qsizetype(m_timeline->events.size()); ++event)
        QVERIFY(filter.accepts(event));

    // Without a timeline, nothing passes.
    filter.setTimeline(nullptr);
    QCOMPARE(filter.acceptedCount(), 0);
    QVERIFY(!filter.accepts(0));
}

namespace {

// Past TimelineFilter::searchedAtOnce events: "An event with a title of some length", one actor
// "A", and every 1000th event titled apart (TestUtils::writeTimeline's are all alike).
std::shared_ptr<const Timeline> largeTimeline()
{
    QTemporaryDir dir;
    const QString path =
        TestUtils::writeTimeline(dir, u"large.json"_s, int(TimelineFilter::searchedAtOnce) * 3);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray json = file.readAll();
    for (int i = 0; i < int(TimelineFilter::searchedAtOnce) * 3; i += 1000) {
        const QByteArray id = "\"id\":\"e" + QByteArray::number(i) + "\",\"title\":\"An event";
        json.replace(id, QByteArray("\"id\":\"e" + QByteArray::number(i) + "\",\"title\":\"A rare event"));
    }
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"large.json"_s);
    return result.timeline;
}

} // namespace

void TestTimelineFilter::aLargeTimelineIsSearchedOnAWorker()
{
    const std::shared_ptr<const Timeline> timeline = largeTimeline();
    QVERIFY(timeline);
    const qsizetype count = qsizetype(timeline->events.size());
    QVERIFY(count > TimelineFilter::searchedAtOnce);
    ActorModel actors;
    actors.setTimeline(timeline);
    TimelineFilter filter(&actors);
    filter.setTimeline(timeline);
    QCOMPARE(filter.acceptedCount(), count);

    QSignalSpy changed(&filter, &TimelineFilter::changed);
    QSignalSpy searching(&filter, &TimelineFilter::searchingChanged);
    filter.setText(u"rare"_s);
    // setText returns before the answer: the events that passed still pass meanwhile.
    QVERIFY(filter.isSearching());
    QCOMPARE(searching.size(), 1);
    QCOMPARE(filter.acceptedCount(), count);
    QVERIFY(changed.wait(30000));
    QVERIFY(!filter.isSearching());
    QCOMPARE(searching.size(), 2);
    QCOMPARE(filter.acceptedCount(), count / 1000);
    for (qsizetype e = 0; e < count; ++e)
        QCOMPARE(filter.accepts(e), timeline->text(timeline->events[e].title).startsWith(u"A rare"_s));
}

void TestTimelineFilter::aNewerSearchCancelsAnOlderOne()
{
    const std::shared_ptr<const Timeline> timeline = largeTimeline();
    QVERIFY(timeline);
    ActorModel actors;
    actors.setTimeline(timeline);
    TimelineFilter filter(&actors);
    filter.setTimeline(timeline);
    QSignalSpy changed(&filter, &TimelineFilter::changed);
    QSignalSpy searching(&filter, &TimelineFilter::searchingChanged);
    filter.setText(u"title"_s); // every event
    filter.setText(u"rare"_s); // replaces it before it is done
    QTRY_COMPARE_WITH_TIMEOUT(searching.size(), 2, 30000);
    QCOMPARE(searching.last().at(0).toBool(), false);
    // Only the newer answer arrived, once.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(filter.acceptedCount(), qsizetype(timeline->events.size()) / 1000);
    // A search still under way when the filter goes ends with it, without a word.
    filter.setText(u"title"_s);
    QVERIFY(filter.isSearching());
}

SOURCELINE_TEST_MAIN(TestTimelineFilter)
#include "tst_timelinefilter.moc"
