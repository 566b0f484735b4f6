#include "chartexporter.h"
#include "testutils.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The chart draws draft events hollow: the same event as a draft leaves its inside unpainted.
class TestDraftMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void draftsAreHollow_data();
    void draftsAreHollow();
};

namespace {

// Pixels with any colour in them (not white, not the grey grid): the marks and their fill.
int colouredPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += c.saturation() > 20;
        }
    }
    return count;
}

QImage render(const QByteArray &when, bool draft)
{
    const QByteArray json = R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "actors":[{"id":"a","name":"A","kind":"person","color":"#d03030"}],
        "events":[{"id":"e","title":"E","when":")"
        + when + R"(","actors":["a"],"kind":"product","draft":)" + (draft ? "true" : "false") + "}]}";
    const TimelineLoader::Result loaded = TimelineLoader::loadData(json, u"t.json"_s);
    if (!loaded.ok())
        qFatal("%s", qPrintable(loaded.errorText()));
    TimelineDocument document;
    document.setTimeline(loaded.timeline, u"t.json"_s);
    ChartExporter::Options options;
    options.size = QSize(800, 300);
    return ChartExporter::render(&document, options);
}

} // namespace

void TestDraftMarks::draftsAreHollow_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::newRow("a range: an outline, not a bar") << "2020-02/2020-10"_ba;
}

void TestDraftMarks::draftsAreHollow()
{
    QFETCH(QByteArray, when);
    const int reviewed = colouredPixels(render(when, false));
    const int draft = colouredPixels(render(when, true));
    QVERIFY2(draft > 0, "the draft is not drawn at all");
    QVERIFY2(draft < reviewed * 3 / 4,
             qPrintable(u"draft %1 coloured pixels, reviewed %2"_s.arg(draft).arg(reviewed)));
}

SOURCELINE_GUI_TEST_MAIN(TestDraftMarks)
#include "tst_draftmarks.moc"
