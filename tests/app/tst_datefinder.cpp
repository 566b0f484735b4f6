#include "datefinder.h"
#include "testutils.h"

using namespace Qt::StringLiterals;

// DateFinder: the first date in a sentence, as EDTF and as written. It is the temporal
// tagger's reading, so an event made from a selection gets the date an imported draft of the
// same sentence would.
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
    QTest::addColumn<QDate>("published"); // invalid: none

    QTest::newRow("year") << u"The company was founded in 2019 by two people."_s << u"2019"_s << u"2019"_s
                          << QDate();
    QTest::newRow("month and year") << u"In March 2024, it changed course."_s << u"2024-03"_s
                                    << u"March 2024"_s << QDate();
    QTest::newRow("day month year") << u"On 19 March 2024 the board met."_s << u"2024-03-19"_s
                                    << u"19 March 2024"_s << QDate();
    QTest::newRow("month day, year") << u"On March 19, 2024, the board met."_s << u"2024-03-19"_s
                                     << u"March 19, 2024"_s << QDate();
    // The phrase is the whole noun phrase a reader would quote, "the" included, as TIMEX3 marks
    // it and as a draft's dateText from the same sentence has it.
    QTest::newRow("ordinal day") << u"On the 3rd of May 2021 it shipped."_s << u"2021-05-03"_s
                                 << u"the 3rd of May 2021"_s << QDate();
    QTest::newRow("abbreviated month")
        << u"By Sept. 2019 it had grown."_s << u"2019-09"_s << u"Sept. 2019"_s << QDate();
    QTest::newRow("iso") << u"Filed 2022-11-30 in Delaware."_s << u"2022-11-30"_s << u"2022-11-30"_s
                         << QDate();
    QTest::newRow("the first of two dates")
        << u"From June 2020 to 2023, nothing."_s << u"2020-06"_s << u"June 2020"_s << QDate();
    // A day that does not exist leaves its month: the tagger drops the impossible day and reads
    // "February 2023", rather than skipping to a later, vaguer date ("in 2023") as the old
    // finder did; the phrase is what was read, so it does not claim the day.
    QTest::newRow("a day that does not exist keeps its month")
        << u"On 30 February 2023 or so, in 2023."_s << u"2023-02"_s << u"February 2023"_s << QDate();
    QTest::newRow("a number that is no year")
        << u"It raised 5000 dollars and 12 more."_s << QString() << QString() << QDate();
    QTest::newRow("a year inside a longer number")
        << u"Order 120194 shipped."_s << QString() << QString() << QDate();
    QTest::newRow("may the verb") << u"They may 2x the price."_s << QString() << QString() << QDate();
    QTest::newRow("no date") << u"Nothing dated here."_s << QString() << QString() << QDate();
    // What the tagger adds: parts of a period, and with the source's publication date the days
    // and periods counted from it; without one, those find nothing rather than a wrong day.
    QTest::newRow("part of a year") << u"Prices fell in late 2022."_s << u"2022-09~/2022-12~"_s
                                    << u"late 2022"_s << QDate();
    QTest::newRow("relative day, published")
        << u"The board met yesterday."_s << u"2025-01-21"_s << u"yesterday"_s << QDate(2025, 1, 22);
    QTest::newRow("relative day, no publication date")
        << u"The board met yesterday."_s << QString() << QString() << QDate();
    QTest::newRow("a duration dates nothing")
        << u"It took five years."_s << QString() << QString() << QDate();
}

void TestDateFinder::find()
{
    QFETCH(QString, text);
    QFETCH(QString, when);
    QFETCH(QString, phrase);
    QFETCH(QDate, published);
    const auto found = DateFinder::find(text, published.isValid() ? std::optional(published) : std::nullopt);
    QCOMPARE(found.has_value(), !when.isEmpty());
    if (!found)
        return;
    QCOMPARE(found->when, when);
    QCOMPARE(found->phrase, phrase);
    QCOMPARE(text.mid(found->at, found->phrase.size()), phrase);
}

SOURCELINE_TEST_MAIN(TestDateFinder)
#include "tst_datefinder.moc"
