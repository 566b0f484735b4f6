#include "datefinder.h"
#include "testutils.h"

using namespace Qt::StringLiterals;

// DateFinder: the first date in a sentence, as EDTF and as written.
class TestDateFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void find_data();
    void find();
};

void TestDateFinder::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("when"); // empty: no date found
    QTest::addColumn<QString>("phrase");

    QTest::newRow("year") << u"The company was founded in 2019 by two people."_s << u"2019"_s << u"2019"_s;
    QTest::newRow("month and year") << u"In March 2024, it changed course."_s << u"2024-03"_s
                                    << u"March 2024"_s;
    QTest::newRow("day month year") << u"On 19 March 2024 the board met."_s << u"2024-03-19"_s
                                    << u"19 March 2024"_s;
    QTest::newRow("month day, year") << u"On March 19, 2024, the board met."_s << u"2024-03-19"_s
                                     << u"March 19, 2024"_s;
    QTest::newRow("ordinal day") << u"On the 3rd of May 2021 it shipped."_s << u"2021-05-03"_s
                                 << u"3rd of May 2021"_s;
    QTest::newRow("abbreviated month") << u"By Sept. 2019 it had grown."_s << u"2019-09"_s << u"Sept. 2019"_s;
    QTest::newRow("iso") << u"Filed 2022-11-30 in Delaware."_s << u"2022-11-30"_s << u"2022-11-30"_s;
    QTest::newRow("the first of two dates")
        << u"From June 2020 to 2023, nothing."_s << u"2020-06"_s << u"June 2020"_s;
    QTest::newRow("a day that does not exist falls back")
        << u"On 30 February 2023 or so, in 2023."_s << u"2023"_s << u"2023"_s;
    QTest::newRow("a number that is no year")
        << u"It raised 5000 dollars and 12 more."_s << QString() << QString();
    QTest::newRow("a year inside a longer number") << u"Order 120194 shipped."_s << QString() << QString();
    QTest::newRow("may the verb") << u"They may 2x the price."_s << QString() << QString();
    QTest::newRow("no date") << u"Nothing dated here."_s << QString() << QString();
}

void TestDateFinder::find()
{
    QFETCH(QString, text);
    QFETCH(QString, when);
    QFETCH(QString, phrase);
    const auto found = DateFinder::find(text);
    QCOMPARE(found.has_value(), !when.isEmpty());
    if (!found)
        return;
    QCOMPARE(found->when, when);
    QCOMPARE(found->phrase, phrase);
    QCOMPARE(text.mid(found->at, found->phrase.size()), phrase);
}

SOURCELINE_TEST_MAIN(TestDateFinder)
#include "tst_datefinder.moc"
