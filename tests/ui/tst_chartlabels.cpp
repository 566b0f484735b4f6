#include "chartexporter.h"
#include "testutils.h"
#include "timeline.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QDate>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

// The chart's labels as an export draws them, on timelines no one tuned the placer on: random
// timelines of up to 40 events at 1600×900 name every event in full, with no label over another
// label or another event's mark, and the selected event's label shows whole.
class TestChartLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomTimelinesAreNamedInFull_data();
    void randomTimelinesAreNamedInFull();
    void filesAreNamedInFull_data();
    void filesAreNamedInFull();

private:
    void addRows(bool selected);
};

namespace {

// A random timeline (seeded): 10 to 40 events over months to decades, some of them in clusters
// a few days apart, of 2 to 12 actors, an event of one to three of them, titles of 10 to 60
// characters in words of 2 to 10 letters; a few events only dated to the month.
QByteArray randomTimeline(quint32 seed)
{
    QRandomGenerator random(seed);
    const int events = 10 + int(random.bounded(31));
    const int actors = 2 + int(random.bounded(11));
    const QDate start(1950 + int(random.bounded(60)), 1, 1);
    const int span = 60 + int(random.bounded(365 * 20)); // days
    QByteArray json = R"({"format":"sourceline","version":1,"title":"Random )" + QByteArray::number(seed)
        + R"(","sources":[],"actors":[)";
    for (int a = 0; a < actors; ++a)
        json += (a ? "," : "") + R"({"id":"a)"_ba + QByteArray::number(a) + R"(","name":"Actor )"
            + QByteArray::number(a) + R"(","kind":"person"})";
    json += R"(],"events":[)";
    int day = int(random.bounded(span));
    for (int e = 0; e < events; ++e) {
        // A third land within a few days of the one before: clusters.
        day =
            random.bounded(3) == 0 ? std::min(span, day + int(random.bounded(4))) : int(random.bounded(span));
        const QDate date = start.addDays(day);
        const bool month = random.bounded(8) == 0;
        const int length = 10 + int(random.bounded(51));
        QByteArray title;
        while (title.size() < length) {
            if (!title.isEmpty())
                title += ' ';
            const int word = 2 + int(random.bounded(9));
            for (int c = 0; c < word; ++c)
                title += char((title.isEmpty() ? 'A' : 'a') + random.bounded(26));
        }
        title.truncate(length);
        QByteArray who;
        const int count = 1 + int(random.bounded(3));
        QList<int> chosen;
        while (chosen.size() < std::min(count, actors)) {
            const int a = int(random.bounded(actors));
            if (!chosen.contains(a))
                chosen.append(a);
        }
        for (const int a : chosen)
            who += (who.isEmpty() ? "" : ",") + R"("a)"_ba + QByteArray::number(a) + '"';
        json += (e ? "," : "") + R"({"id":"e)"_ba + QByteArray::number(e) + R"(","title":")" + title.trimmed()
            + R"(","when":")" + date.toString(month ? u"yyyy-MM"_s : u"yyyy-MM-dd"_s).toLatin1()
            + R"(","actors":[)" + who + "]}";
    }
    json += "]}";
    return json;
}

// What is wrong with the labels of the document's figure at `size`, drawn as `sourceline --export
// out.png FILE` draws it: events left out or shortened, labels over labels or other events' marks.
QStringList labelProblems(TimelineDocument &document, QSize size)
{
    const Timeline &t = *document.timeline();
    const int events = int(t.events.size());
    // Drawn as `sourceline --export out.png FILE` draws it.
    ChartExporter::Options options;
    options.size = size;
    QImage image(options.size, QImage::Format_RGB32);
    QPainter painter(&image);
    ChartExporter::Labels labels;
    const int named = ChartExporter::paint(&painter, QRectF(QPointF(0, 0), QSizeF(options.size)), &document,
                                           options, &labels);
    painter.end();

    QStringList problems;
    const auto title = [&](int e) {
        return t.text(t.events[std::size_t(e)].title);
    };
    if (named != events)
        problems << u"%1 of %2 named"_s.arg(named).arg(events);
    for (int a = 0; a < events; ++a) {
        const QRectF rect = labels.rects[a];
        if (rect.isNull()) {
            problems << u"left out: %1"_s.arg(title(a));
            continue;
        }
        if (!labels.whole[a])
            problems << u"shortened: %1"_s.arg(title(a));
        if (!labels.lanes.contains(rect))
            problems << u"outside the lanes: %1"_s.arg(title(a));
        for (int b = 0; b < events; ++b) {
            if (b == a)
                continue;
            if (b > a && rect.intersects(labels.rects[b]))
                problems << u"%1 over %2"_s.arg(title(a), title(b));
            // Another event's mark, where its top lane has it: its centre must stay clear.
            if (!labels.marks[b].isNull() && rect.contains(labels.marks[b]))
                problems << u"%1 over the mark of %2"_s.arg(title(a), title(b));
        }
    }
    return problems;
}

} // namespace

void TestChartLabels::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
}

void TestChartLabels::addRows(bool selected)
{
    for (quint32 seed = 1; seed <= 24; ++seed)
        QTest::addRow("seed %u%s", seed, selected ? " selected" : "") << seed << selected;
}

void TestChartLabels::randomTimelinesAreNamedInFull_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("selected"); // one event selected: its label bold, required
    addRows(false);
    addRows(true);
}

void TestChartLabels::randomTimelinesAreNamedInFull()
{
    QFETCH(quint32, seed);
    QFETCH(bool, selected);
    const QByteArray json = randomTimeline(seed);
    const TimelineLoader::Result loaded = TimelineLoader::loadData(json, u"random.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    TimelineDocument document;
    document.setTimeline(loaded.timeline, u"random.json"_s);
    const int events = int(loaded.timeline->events.size());
    const int current = int(QRandomGenerator(seed).bounded(events));
    if (selected)
        document.selectEvent(current);

    const QStringList problems = labelProblems(document, QSize(1600, 900));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void TestChartLabels::filesAreNamedInFull_data()
{
    QTest::addColumn<QString>("file"); // the embedded timeline when empty
    QTest::addColumn<QSize>("size");
    QTest::newRow("embedded, 1600×900") << QString() << QSize(1600, 900);
    QTest::newRow("embedded, 1200×600") << QString() << QSize(1200, 600);
    // Events in up to three lanes each, eleven of them in seven weeks.
    QTest::newRow("berlin wall, 1600×900")
        << QStringLiteral(SOURCELINE_TEST_DATA "/berlin-wall.json") << QSize(1600, 900);
    // 44 events, five in July 1969, the lanes below the first three nearly empty.
    QTest::newRow("space race, 1600×900")
        << QStringLiteral(SOURCELINE_TEST_DATA "/space-race.json") << QSize(1600, 900);
}

void TestChartLabels::filesAreNamedInFull()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    const TimelineLoader::Result loaded =
        TimelineLoader::loadFile(file.isEmpty() ? TimelineLoader::embeddedPath() : file);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    TimelineDocument document;
    document.setTimeline(loaded.timeline, file);
    const QStringList problems = labelProblems(document, size);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

SOURCELINE_GUI_TEST_MAIN(TestChartLabels)
#include "tst_chartlabels.moc"
