#include "../fuzz/fuzzchecks.h"
#include "testutils.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

// Every input the fuzzers keep, the seed corpus and each past finding (tests/fuzz/), checked
// again in the normal suite with the fuzzers' own checks: a fixed crash stays fixed.
class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputsHoldTheirPromises_data();
    void inputsHoldTheirPromises();
};

void TestFuzzCorpus::inputsHoldTheirPromises_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QString>("path");
    int count = 0;
    for (const QString &parser : { u"loader"_s, u"daterange"_s, u"sentences"_s, u"timelinejs"_s, u"csv"_s, u"tagger"_s }) {
        for (const QString &kind : { u"corpus"_s, u"regressions"_s }) {
            QDirIterator it(QStringLiteral(SOURCELINE_FUZZ_DIR) + u'/' + kind + u'/' + parser, QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                if (it.fileName() == u"README"_s)
                    continue;
                QTest::newRow(qPrintable(kind + u'/' + parser + u'/' + it.fileName())) << parser << path;
                ++count;
            }
        }
    }
    QVERIFY2(count >= 10, "the seed corpus is there");
}

void TestFuzzCorpus::inputsHoldTheirPromises()
{
    QFETCH(QString, parser);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (parser == u"loader"_s)
        QVERIFY(FuzzChecks::loader(bytes));
    else if (parser == u"timelinejs"_s)
        QVERIFY(FuzzChecks::timelineJs(bytes));
    else if (parser == u"csv"_s)
        QVERIFY(FuzzChecks::csv(bytes));
    else if (parser == u"daterange"_s)
        QVERIFY(FuzzChecks::date(bytes));
    else if (parser == u"tagger"_s)
        QVERIFY(FuzzChecks::tagger(bytes));
    else
        QVERIFY(FuzzChecks::sentences(bytes));
}

SOURCELINE_TEST_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
