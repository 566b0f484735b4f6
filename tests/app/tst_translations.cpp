#include "testutils.h"
#include "translations.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// English plurals: the source strings say "%n event(s)"; the shipped English catalogue must
// turn every one of them into proper English.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pluralsReadAsEnglish_data();
    void pluralsReadAsEnglish();
    void everyPluralIsTranslated();
    void catalogueHoldsEverySourcePlural();
};

namespace {

// The plural messages of a .ts file, each as "context: source".
QSet<QString> pluralsIn(const QString &tsFile, QString *error)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tsFile + u": "_s + file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QSet<QString> plurals;
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name"_s)
            context = xml.readElementText();
        else if (xml.name() == u"message"_s)
            numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
        else if (xml.name() == u"source"_s && numerus)
            plurals.insert(context + u": "_s + xml.readElementText());
    }
    if (xml.hasError())
        *error = tsFile + u": "_s + xml.errorString();
    return plurals;
}

} // namespace

void TestTranslations::initTestCase()
{
    QVERIFY(Translations::install(QCoreApplication::instance()));
}

void TestTranslations::pluralsReadAsEnglish_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("english");
    const QByteArray count = "%n event(s)";
    QTest::newRow("0 events") << QByteArray("MainWindow") << count << 0 << u"0 events"_s;
    QTest::newRow("1 event") << QByteArray("MainWindow") << count << 1 << u"1 event"_s;
    QTest::newRow("2 events") << QByteArray("MainWindow") << count << 2 << u"2 events"_s;
    QTest::newRow("16 events") << QByteArray("MainWindow") << count << 16 << u"16 events"_s;
    QTest::newRow("1000000 events") << QByteArray("MainWindow") << count << 1000000 << u"1000000 events"_s;
    QTest::newRow("1 matches") << QByteArray("MainWindow") << QByteArray("%1 of %n event(s) match") << 1
                               << u"%1 of 1 event matches"_s;
    QTest::newRow("16 match") << QByteArray("MainWindow") << QByteArray("%1 of %n event(s) match") << 16
                              << u"%1 of 16 events match"_s;
    const QByteArray problems =
        "%1 was not opened: it has %n problem(s). The timeline that was open stays open.";
    QTest::newRow("1 problem")
        << QByteArray("QObject") << problems << 1
        << u"%1 was not opened: it has 1 problem. The timeline that was open stays open."_s;
    QTest::newRow("3 problems")
        << QByteArray("QObject") << problems << 3
        << u"%1 was not opened: it has 3 problems. The timeline that was open stays open."_s;
    // The command line's summary and messages.
    QTest::newRow("Cli 1 actor") << QByteArray("Cli") << QByteArray("%n actor(s)") << 1 << u"1 actor"_s;
    QTest::newRow("Cli 12 actors") << QByteArray("Cli") << QByteArray("%n actor(s)") << 12 << u"12 actors"_s;
    QTest::newRow("Cli 1 source") << QByteArray("Cli") << QByteArray("%n source(s) (%1)") << 1
                                  << u"1 source (%1)"_s;
    QTest::newRow("Cli 0 sentences") << QByteArray("Cli") << QByteArray("%n sentence(s)") << 0
                                     << u"0 sentences"_s;
    QTest::newRow("Cli 1 era") << QByteArray("Cli") << QByteArray("%n era(s)") << 1 << u"1 era"_s;
    QTest::newRow("draft 1") << QByteArray("ArticleCli") << QByteArray("wrote %n draft event(s) to %1") << 1
                             << u"wrote 1 draft event to %1"_s;
    QTest::newRow("draft 7") << QByteArray("ArticleCli") << QByteArray("wrote %n draft event(s) to %1") << 7
                             << u"wrote 7 draft events to %1"_s;
    const QByteArray here = "%n event(s) here\nScroll or double-click to zoom in";
    QTest::newRow("1 here") << QByteArray("TimelineChartView") << here << 1
                            << u"1 event here\nScroll or double-click to zoom in"_s;
    QTest::newRow("40 here") << QByteArray("TimelineChartView") << here << 40
                             << u"40 events here\nScroll or double-click to zoom in"_s;
}

void TestTranslations::pluralsReadAsEnglish()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(int, n);
    QFETCH(QString, english);
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, n), english);
}

// A plural that lupdate found but nobody gave English forms would show "(s)" again.
void TestTranslations::everyPluralIsTranslated()
{
    QFile file(QStringLiteral(SOURCELINE_TS_FILE));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context, source;
    int plurals = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name"_s) {
            context = xml.readElementText();
        } else if (xml.name() == u"source"_s) {
            source = xml.readElementText();
        } else if (xml.name() == u"message"_s) {
            QVERIFY2(xml.attributes().value(u"numerus"_s) == u"yes"_s, "the English .ts holds plurals only");
            ++plurals;
        } else if (xml.name() == u"translation"_s) {
            QVERIFY2(xml.attributes().value(u"type"_s).isEmpty(), qPrintable(source + u" is unfinished"_s));
            const QString one = QCoreApplication::translate(context.toUtf8().constData(),
                                                            source.toUtf8().constData(), nullptr, 1);
            const QString two = QCoreApplication::translate(context.toUtf8().constData(),
                                                            source.toUtf8().constData(), nullptr, 2);
            QVERIFY2(!one.contains(u"(s)"_s) && !two.contains(u"(s)"_s) && one != two, qPrintable(source));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(plurals >= 4);
}

// A plural added to the sources but not to the .ts shows "(s)" to English readers, since the
// .qm is built from the .ts as it is checked in. lupdate, with the options the build's
// update_translations target uses, says which plurals the sources have today.
void TestTranslations::catalogueHoldsEverySourcePlural()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(u"fresh.ts"_s);
    const QString sources = QStringLiteral(SOURCELINE_SOURCE_DIR);
    QProcess lupdate;
    lupdate.setWorkingDirectory(sources);
    lupdate.start(QStringLiteral(SOURCELINE_LUPDATE),
                  { u"-silent"_s, u"-pluralonly"_s, u"-locations"_s, u"none"_s, u"-no-obsolete"_s, u"app"_s,
                    u"ui"_s, u"-ts"_s, fresh });
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAllStandardError().constData());

    QString error;
    const QSet<QString> inSources = pluralsIn(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QSet<QString> inCatalogue = pluralsIn(QStringLiteral(SOURCELINE_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!inSources.isEmpty(), "lupdate found no plurals in the sources");

    QStringList missing = (inSources - inCatalogue).values();
    missing.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"not in translations/sourceline_en.ts (run `cmake --build build --target "
                        "update_translations` and give the English forms): "_s
                        + missing.join(u" | "_s)));
    QStringList stale = (inCatalogue - inSources).values();
    stale.sort();
    QVERIFY2(stale.isEmpty(),
             qPrintable(u"in translations/sourceline_en.ts but no longer in the sources: "_s
                        + stale.join(u" | "_s)));
}

SOURCELINE_TEST_MAIN(TestTranslations)
#include "tst_translations.moc"
