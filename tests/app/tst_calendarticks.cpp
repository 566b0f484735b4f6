#include "calendarticks.h"
#include "daterange.h"
#include "testutils.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

// Time-axis ticks must fall on calendar boundaries at every zoom level, coarsest first.
class TestCalendarTicks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ticksFallOnCalendarBoundaries_data();
    void ticksFallOnCalendarBoundaries();
    void labelsNameTheirBoundary();
    void degenerateRangesGiveNoTicks();
    void ticksAtEveryAge_data();
    void ticksAtEveryAge();
};

void TestCalendarTicks::ticksFallOnCalendarBoundaries_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<double>("width");
    QTest::addColumn<int>("unit"); // CalendarTicks::Unit
    QTest::addColumn<int>("count"); // the step

    // At 84 px between ticks, as the chart asks for.
    QTest::newRow("century") << QDate(1900, 3, 5) << QDate(2000, 6, 1) << 1200.0
                             << int(CalendarTicks::Unit::Year) << 10;
    QTest::newRow("the embedded timeline")
        << QDate(2018, 10, 4) << QDate(2025, 4, 21) << 1000.0 << int(CalendarTicks::Unit::Year) << 1;
    QTest::newRow("two years") << QDate(2023, 2, 10) << QDate(2025, 1, 3) << 1000.0
                               << int(CalendarTicks::Unit::Month) << 3;
    QTest::newRow("a year") << QDate(2023, 1, 15) << QDate(2024, 1, 15) << 1200.0
                            << int(CalendarTicks::Unit::Month) << 1;
    QTest::newRow("two months") << QDate(2024, 1, 20) << QDate(2024, 3, 20) << 1200.0
                                << int(CalendarTicks::Unit::Day) << 7;
    QTest::newRow("a month across a leap day")
        << QDate(2024, 2, 10) << QDate(2024, 3, 10) << 1400.0 << int(CalendarTicks::Unit::Day) << 2;
    QTest::newRow("ten days") << QDate(2024, 12, 25) << QDate(2025, 1, 4) << 1200.0
                              << int(CalendarTicks::Unit::Day) << 1;
}

void TestCalendarTicks::ticksFallOnCalendarBoundaries()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(double, width);
    QFETCH(int, unit);
    QFETCH(int, count);
    const double first = DateRange::dayFromDate(from);
    const double last = DateRange::dayFromDate(to);
    constexpr double spacing = 84;

    const CalendarTicks::Step step = CalendarTicks::chooseStep((last - first) / width, spacing);
    QCOMPARE(int(step.unit), unit);
    QCOMPARE(step.count, count);

    const QList<CalendarTick> ticks = CalendarTicks::compute(first, last, width, spacing);
    QVERIFY(ticks.size() >= 2);
    QVERIFY(ticks.size() <= width / spacing * 1.6 + 2);
    double previous = -1e9;
    for (const CalendarTick &tick : ticks) {
        QVERIFY2(tick.day >= first && tick.day <= last, qPrintable(tick.label));
        QVERIFY(tick.day > previous);
        QCOMPARE(tick.day, std::floor(tick.day)); // at the start of a day
        previous = tick.day;
        const QDate date = DateRange::dateFromDay(std::int32_t(tick.day));
        switch (CalendarTicks::Unit(unit)) {
        case CalendarTicks::Unit::Year:
            QCOMPARE(date.month(), 1);
            QCOMPARE(date.day(), 1);
            QCOMPARE(date.year() % count, 0);
            break;
        case CalendarTicks::Unit::Month:
            QCOMPARE(date.day(), 1);
            QCOMPARE((date.month() - 1) % count, 0);
            break;
        case CalendarTicks::Unit::Day:
            if (count == 7)
                QVERIFY2(QList<int>({ 1, 8, 15, 22 }).contains(date.day()),
                         qPrintable(date.toString(Qt::ISODate)));
            if (count == 2)
                QCOMPARE(date.day() % 2, 1);
            break;
        }
    }
    // No boundary of the step is skipped between two ticks.
    if (CalendarTicks::Unit(unit) == CalendarTicks::Unit::Month) {
        for (qsizetype i = 1; i < ticks.size(); ++i) {
            const QDate a = DateRange::dateFromDay(std::int32_t(ticks[i - 1].day));
            QCOMPARE(a.addMonths(count), DateRange::dateFromDay(std::int32_t(ticks[i].day)));
        }
    }
}

void TestCalendarTicks::labelsNameTheirBoundary()
{
    const auto day = [](int y, int m, int d) {
        return double(DateRange::dayFromCivil(y, m, d));
    };
    // Quarters: the year on January, Q2–Q4 otherwise.
    auto ticks = CalendarTicks::compute(day(2023, 2, 10), day(2025, 1, 3), 1000, 84);
    QCOMPARE(ticks.first().label, u"Q2"_s);
    QVERIFY(std::any_of(ticks.begin(), ticks.end(),
                        [](const CalendarTick &t) { return t.label == u"2024"_s && t.major; }));
    // Months: the first names its year.
    ticks = CalendarTicks::compute(day(2023, 1, 15), day(2024, 1, 15), 1200, 84);
    QCOMPARE(ticks.first().label, u"Feb 2023"_s);
    QCOMPARE(ticks.at(1).label, u"Mar"_s);
    QCOMPARE(ticks.last().label, u"2024"_s);
    // Days: the first of a month is a major tick named by its month.
    ticks = CalendarTicks::compute(day(2024, 12, 25), day(2025, 1, 4), 1200, 84);
    QCOMPARE(ticks.first().label, u"25 Dec"_s);
    const auto newYear =
        std::find_if(ticks.begin(), ticks.end(), [](const CalendarTick &t) { return t.major; });
    QVERIFY(newYear != ticks.end());
    QCOMPARE(newYear->label, u"Jan 2025"_s);
}

void TestCalendarTicks::degenerateRangesGiveNoTicks()
{
    QVERIFY(CalendarTicks::compute(100, 100, 1000).isEmpty());
    QVERIFY(CalendarTicks::compute(200, 100, 1000).isEmpty());
    QVERIFY(CalendarTicks::compute(100, 200, 0).isEmpty());
    QVERIFY(CalendarTicks::compute(qQNaN(), 200, 1000).isEmpty());
    // Far outside the years a date can have: clamped, and it still ends.
    const auto wide = CalendarTicks::compute(-1e9, 1e9, 1000);
    QVERIFY(wide.size() >= 2 && wide.size() < 40);
}

void TestCalendarTicks::ticksAtEveryAge_data()
{
    QTest::addColumn<qint64>("fromYear"); // astronomical, from its 1 January
    QTest::addColumn<qint64>("toYear");
    QTest::addColumn<QStringList>("labels"); // the first few ticks' labels

    QTest::newRow("the universe") << qint64(-13'800'000'000) << qint64(2025)
                                  << QStringList { u"12 billion years ago"_s, u"10 billion years ago"_s };
    QTest::newRow("the dinosaurs") << qint64(-252'000'000) << qint64(-66'000'000)
                                   << QStringList { u"250 million years ago"_s, u"200 million years ago"_s };
    QTest::newRow("the Stone Age") << qint64(-300'000) << qint64(-10'000)
                                   << QStringList { u"300,000 BC"_s, u"250,000 BC"_s };
    QTest::newRow("Rome") << qint64(-752) << qint64(476) << QStringList { u"700 BC"_s, u"600 BC"_s };
    QTest::newRow("the far future") << qint64(170'000'000) << qint64(170'000'100)
                                    << QStringList { u"170,000,000"_s, u"170,000,010"_s };
}

void TestCalendarTicks::ticksAtEveryAge()
{
    QFETCH(qint64, fromYear);
    QFETCH(qint64, toYear);
    QFETCH(QStringList, labels);
    const double first = double(DateRange::dayFromCivil(fromYear, 1, 1));
    const double last = double(DateRange::dayFromCivil(toYear, 1, 1));
    constexpr double width = 1200, spacing = 84;
    const QList<CalendarTick> ticks = CalendarTicks::compute(first, last, width, spacing);
    QVERIFY(ticks.size() >= 2);
    QVERIFY(ticks.size() <= width / spacing + 2);
    QStringList shown;
    double previous = -std::numeric_limits<double>::infinity();
    for (const CalendarTick &tick : ticks) {
        QVERIFY2(tick.day >= first && tick.day <= last, qPrintable(tick.label));
        QVERIFY(tick.day > previous);
        previous = tick.day;
        // Each on the 1 January of the year it names.
        const DateRange::Civil c = DateRange::civilFromDay(Day(tick.day));
        QCOMPARE(c.month, 1);
        QCOMPARE(c.day, 1);
        QCOMPARE(DateRange::yearWords(c.year), tick.label);
        shown.append(tick.label);
    }
    QCOMPARE(shown.first(labels.size()), labels);
}

SOURCELINE_TEST_MAIN(TestCalendarTicks)
#include "tst_calendarticks.moc"
