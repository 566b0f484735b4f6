#include "testutils.h"
#include "translations.h"

#include <QFile>
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
};

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

SOURCELINE_TEST_MAIN(TestTranslations)
#include "tst_translations.moc"
