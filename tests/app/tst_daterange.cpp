#include "daterange.h"
#include "testutils.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using Precision = DateRange::Precision;

Q_DECLARE_METATYPE(DateRange::Precision)

namespace {

constexpr std::uint8_t bothUncertain = DateRange::StartUncertain | DateRange::EndUncertain;
constexpr std::uint8_t bothApproximate = DateRange::StartApproximate | DateRange::EndApproximate;

// Every test compares against QDate, which computes the calendar independently.
std::int32_t day(int year, int month, int day)
{
    return DateRange::dayFromDate(QDate(year, month, day));
}

// The block of lines in docs/format.md that follows the line `from` (and any blank lines after
// it), up to the next blank line.
QStringList documentTable(const QString &from)
{
    QFile file(QStringLiteral(SOURCELINE_FORMAT_DOC));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    const qsizetype start = lines.indexOf(from);
    if (start < 0)
        return {};
    qsizetype i = start + 1;
    while (i < lines.size() && lines[i].trimmed().isEmpty())
        ++i;
    QStringList table;
    for (; i < lines.size() && !lines[i].trimmed().isEmpty(); ++i)
        table.append(lines[i]);
    return table;
}

} // namespace

// DateRange: the EDTF subset of the file format, resolved to inclusive ranges of days.
class TestDateRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void leapYears_data();
    void leapYears();
    void everyMonthAgreesWithQDate();
    void toDisplayString_data();
    void toDisplayString();
    void precisionName();
    void dayFromCivil_data();
    void dayFromCivil();
    void dayFromCivilAgreesWithQDateOverCenturies();
    void documentedExamples_data();
    void documentedExamples();
    void documentedInvalidExamples_data();
    void documentedInvalidExamples();
};

void TestDateRange::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<Precision>("startPrecision");
    QTest::addColumn<Precision>("endPrecision");
    QTest::addColumn<int>("qualifiers");

    const auto single = [](const char *tag, QDate first, QDate last, Precision p, int qualifiers = 0) {
        QTest::newRow(tag) << QByteArray(tag) << first << last << p << p << p << qualifiers;
    };
    const auto interval = [](const char *tag, QDate first, QDate last, Precision start, Precision end,
                             int qualifiers = 0) {
        QTest::newRow(tag) << QByteArray(tag) << first << last << Precision::Interval << start << end
                           << qualifiers;
    };

    // Single dates, each precision.
    single("2019", QDate(2019, 1, 1), QDate(2019, 12, 31), Precision::Year);
    single("0001", QDate(1, 1, 1), QDate(1, 12, 31), Precision::Year);
    single("9999", QDate(9999, 1, 1), QDate(9999, 12, 31), Precision::Year);
    single("1969", QDate(1969, 1, 1), QDate(1969, 12, 31), Precision::Year);
    single("2022-11", QDate(2022, 11, 1), QDate(2022, 11, 30), Precision::Month);
    single("2022-12", QDate(2022, 12, 1), QDate(2022, 12, 31), Precision::Month);
    single("2022-01", QDate(2022, 1, 1), QDate(2022, 1, 31), Precision::Month);
    single("2024-02", QDate(2024, 2, 1), QDate(2024, 2, 29), Precision::Month);
    single("2023-02", QDate(2023, 2, 1), QDate(2023, 2, 28), Precision::Month);
    single("2022-11-30", QDate(2022, 11, 30), QDate(2022, 11, 30), Precision::Day);
    single("1970-01-01", QDate(1970, 1, 1), QDate(1970, 1, 1), Precision::Day);
    single("1969-12-31", QDate(1969, 12, 31), QDate(1969, 12, 31), Precision::Day);
    single("0001-01-01", QDate(1, 1, 1), QDate(1, 1, 1), Precision::Day);
    single("9999-12-31", QDate(9999, 12, 31), QDate(9999, 12, 31), Precision::Day);

    // Leap days.
    single("2024-02-29", QDate(2024, 2, 29), QDate(2024, 2, 29), Precision::Day);
    single("2000-02-29", QDate(2000, 2, 29), QDate(2000, 2, 29), Precision::Day);

    // Each qualifier on each precision; a single date's qualifier applies to both ends.
    single("2019?", QDate(2019, 1, 1), QDate(2019, 12, 31), Precision::Year, bothUncertain);
    single("2019~", QDate(2019, 1, 1), QDate(2019, 12, 31), Precision::Year, bothApproximate);
    single("2023%", QDate(2023, 1, 1), QDate(2023, 12, 31), Precision::Year, bothUncertain | bothApproximate);
    single("2022-11?", QDate(2022, 11, 1), QDate(2022, 11, 30), Precision::Month, bothUncertain);
    single("2022-11~", QDate(2022, 11, 1), QDate(2022, 11, 30), Precision::Month, bothApproximate);
    single("2022-11%", QDate(2022, 11, 1), QDate(2022, 11, 30), Precision::Month,
           bothUncertain | bothApproximate);
    single("2024-10-31?", QDate(2024, 10, 31), QDate(2024, 10, 31), Precision::Day, bothUncertain);
    single("2025-01-22~", QDate(2025, 1, 22), QDate(2025, 1, 22), Precision::Day, bothApproximate);
    single("2025-01-22%", QDate(2025, 1, 22), QDate(2025, 1, 22), Precision::Day,
           bothUncertain | bothApproximate);

    // Intervals: the first day of the start to the last day of the end, any mix of precisions.
    interval("2019-07-22/2025-01-21", QDate(2019, 7, 22), QDate(2025, 1, 21), Precision::Day, Precision::Day);
    interval("2019/2020-06", QDate(2019, 1, 1), QDate(2020, 6, 30), Precision::Year, Precision::Month);
    interval("2019/2020", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year);
    interval("2019/2019-03-05", QDate(2019, 1, 1), QDate(2019, 3, 5), Precision::Year, Precision::Day);
    interval("2023-01/2024-10-31", QDate(2023, 1, 1), QDate(2024, 10, 31), Precision::Month, Precision::Day);
    interval("2023-01/2024-02", QDate(2023, 1, 1), QDate(2024, 2, 29), Precision::Month, Precision::Month);
    interval("2023-01-15/2024", QDate(2023, 1, 15), QDate(2024, 12, 31), Precision::Day, Precision::Year);
    interval("2023-05-05/2023-05", QDate(2023, 5, 5), QDate(2023, 5, 31), Precision::Day, Precision::Month);
    interval("2022-11-30/2022-11-30", QDate(2022, 11, 30), QDate(2022, 11, 30), Precision::Day,
             Precision::Day);
    interval("1969-12-31/1970-01-01", QDate(1969, 12, 31), QDate(1970, 1, 1), Precision::Day, Precision::Day);

    // Qualifiers on each end of an interval are kept apart.
    interval("2023-01~/2024-10-31~", QDate(2023, 1, 1), QDate(2024, 10, 31), Precision::Month, Precision::Day,
             bothApproximate);
    interval("2019?/2020", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year,
             DateRange::StartUncertain);
    interval("2019~/2020", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year,
             DateRange::StartApproximate);
    interval("2019%/2020", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year,
             DateRange::StartUncertain | DateRange::StartApproximate);
    interval("2019/2020?", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year,
             DateRange::EndUncertain);
    interval("2019/2020~", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year,
             DateRange::EndApproximate);
    interval("2019/2020%", QDate(2019, 1, 1), QDate(2020, 12, 31), Precision::Year, Precision::Year,
             DateRange::EndUncertain | DateRange::EndApproximate);
    interval("2019-07-22?/2019-07-23~", QDate(2019, 7, 22), QDate(2019, 7, 23), Precision::Day,
             Precision::Day, DateRange::StartUncertain | DateRange::EndApproximate);
    interval("2020-06%/2021-01?", QDate(2020, 6, 1), QDate(2021, 1, 31), Precision::Month, Precision::Month,
             DateRange::StartUncertain | DateRange::StartApproximate | DateRange::EndUncertain);
}

void TestDateRange::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(Precision, precision);
    QFETCH(Precision, startPrecision);
    QFETCH(Precision, endPrecision);
    QFETCH(int, qualifiers);

    QString error = u"untouched"_s;
    const std::optional<DateRange> range = DateRange::parse(text, &error);
    QVERIFY2(range, qPrintable(error));
    QCOMPARE(range->first, DateRange::dayFromDate(first));
    QCOMPARE(range->last, DateRange::dayFromDate(last));
    QCOMPARE(range->firstDate(), first);
    QCOMPARE(range->lastDate(), last);
    QCOMPARE(range->lengthInDays(), first.daysTo(last) + 1);
    QCOMPARE(range->precision, precision);
    QCOMPARE(range->startPrecision, startPrecision);
    QCOMPARE(range->endPrecision, endPrecision);
    QCOMPARE(int(range->qualifiers), qualifiers);
    QCOMPARE(range->isUncertain(), bool(qualifiers & (DateRange::StartUncertain | DateRange::EndUncertain)));
    QCOMPARE(range->isApproximate(),
             bool(qualifiers & (DateRange::StartApproximate | DateRange::EndApproximate)));

    // The error pointer is optional.
    QCOMPARE(DateRange::parse(text), range);
}

void TestDateRange::invalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    const QString expected = u"expected YYYY, YYYY-MM or YYYY-MM-DD"_s;
    const auto row = [](const QByteArray &text, const QString &why) {
        QTest::newRow(text.isEmpty() ? "(empty)" : text.constData()) << text << why;
    };
    const auto notADate = [&](const QByteArray &text, const QString &why) {
        row(text, u'"' + QString::fromUtf8(text) + u"\" is not a date: "_s + why);
    };

    // Days that do not exist, including the leap-year rules.
    row("2023-02-30", u"\"2023-02-30\" is not a date: February 2023 has 28 days"_s);
    notADate("2023-02-29", u"February 2023 has 28 days"_s);
    notADate("1900-02-29", u"February 1900 has 28 days"_s);
    notADate("2100-02-29", u"February 2100 has 28 days"_s);
    notADate("2024-02-30", u"February 2024 has 29 days"_s);
    notADate("2023-04-31", u"April 2023 has 30 days"_s);
    notADate("2023-12-32", u"December 2023 has 31 days"_s);
    notADate("2023-01-00", u"days of the month start at 01"_s);
    notADate("2023-02-29~", u"February 2023 has 28 days"_s);

    // Months and years out of range.
    notADate("2023-13", u"there is no month 13"_s);
    notADate("2023-00", u"there is no month 0"_s);
    notADate("2019-21", u"there is no month 21"_s); // an EDTF season, not supported
    notADate("2023-13-01", u"there is no month 13"_s);
    notADate("0000", u"years run from 0001 to 9999"_s);
    notADate("0000-01-01", u"years run from 0001 to 9999"_s);

    // Not the syntax at all.
    row("", u"\"\" is not a date: "_s + expected);
    notADate("2023-1-5", expected);
    notADate("2019-7-22", expected);
    notADate("2019-07-2", expected);
    notADate("23-01-01", expected);
    notADate("20190", expected);
    notADate("2019-07-221", expected);
    notADate("2019x", expected);
    notADate("2019-07-22junk", expected);
    notADate("2019-07-22T10:00", expected);
    notADate(" 2019", expected);
    notADate("2019 ", expected);
    notADate("2019--07", expected);
    notADate("2019-", expected);
    notADate("-2019", expected);
    notADate("+2019", expected);
    notADate("19XX", expected);
    notADate("[2019,2020]", expected);
    notADate("2019~?", expected); // at most one qualifier
    notADate("2019??", expected);
    notADate("~2019", expected);
    notADate("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99", expected); // fullwidth digits

    // Intervals.
    notADate("..", u"open-ended intervals are not supported"_s);
    notADate("2019-07-22/..", u"open-ended intervals are not supported"_s);
    notADate("../2019-07-22", u"open-ended intervals are not supported"_s);
    notADate("2019-07-22/", expected);
    notADate("/2019-07-22", expected);
    notADate("/", expected);
    notADate("2019/2020/2021", expected);
    notADate("2019/2023-02-29", u"February 2023 has 28 days"_s);
    row("2025-01-21/2019-07-22",
        u"\"2025-01-21/2019-07-22\" is a reversed interval: it ends before it starts"_s);
    row("2020/2019", u"\"2020/2019\" is a reversed interval: it ends before it starts"_s);
    row("2020-01/2019-12-31", u"\"2020-01/2019-12-31\" is a reversed interval: it ends before it starts"_s);
    row("2019-07-23~/2019-07-22?",
        u"\"2019-07-23~/2019-07-22?\" is a reversed interval: it ends before it starts"_s);

    // Text from the file is escaped and shortened in the message.
    row("2019\x1b[31m", u"\"2019\\u001b[31m\" is not a date: "_s + expected);
    row(QByteArray(100, '9'), u'"' + QString(60, u'9') + u"…\" is not a date: "_s + expected);
}

void TestDateRange::invalid()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);

    QString error;
    QCOMPARE(DateRange::parse(text, &error), std::nullopt);
    QCOMPARE(error, message);
    QCOMPARE(DateRange::parse(text), std::nullopt);
}

void TestDateRange::leapYears_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<bool>("leap");

    QTest::newRow("2024: divisible by 4") << 2024 << true;
    QTest::newRow("2023: not divisible by 4") << 2023 << false;
    QTest::newRow("1900: divisible by 100") << 1900 << false;
    QTest::newRow("2100: divisible by 100") << 2100 << false;
    QTest::newRow("2000: divisible by 400") << 2000 << true;
    QTest::newRow("1600: divisible by 400") << 1600 << true;
    QTest::newRow("0004: the first leap year") << 4 << true;
    QTest::newRow("0001") << 1 << false;
    QTest::newRow("9996") << 9996 << true;
}

void TestDateRange::leapYears()
{
    QFETCH(int, year);
    QFETCH(bool, leap);
    QCOMPARE(QDate::isLeapYear(year), leap); // the table itself is right

    const QByteArray y = QByteArray::number(year).rightJustified(4, '0');
    const auto february = DateRange::parse(QByteArray(y + "-02"));
    QVERIFY(february);
    QCOMPARE(february->lengthInDays(), leap ? 29 : 28);
    QCOMPARE(february->last, day(year, 2, leap ? 29 : 28));

    const auto year_ = DateRange::parse(y);
    QVERIFY(year_);
    QCOMPARE(year_->lengthInDays(), leap ? 366 : 365);

    QString error;
    QCOMPARE(DateRange::parse(QByteArray(y + "-02-29"), &error).has_value(), leap);
    if (!leap)
        QCOMPARE(
            error,
            u"\"%1-02-29\" is not a date: February %2 has 28 days"_s.arg(QLatin1StringView(y)).arg(year));
}

void TestDateRange::everyMonthAgreesWithQDate()
{
    // Every month and every candidate day over two centuries, against QDate's calendar.
    for (int year = 1896; year <= 2104; ++year) {
        for (int month = 1; month <= 12; ++month) {
            const QByteArray ym =
                QByteArray::number(year) + '-' + QByteArray::number(month).rightJustified(2, '0');
            const auto whole = DateRange::parse(ym);
            QVERIFY2(whole, ym.constData());
            QCOMPARE(whole->first, day(year, month, 1));
            QCOMPARE(whole->lengthInDays(), QDate(year, month, 1).daysInMonth());
            for (int d = 0; d <= 32; ++d) {
                const QByteArray ymd = ym + '-' + QByteArray::number(d).rightJustified(2, '0');
                const auto parsed = DateRange::parse(ymd);
                if (parsed.has_value() != QDate::isValid(year, month, d))
                    QFAIL(ymd.constData());
                if (parsed && parsed->first != day(year, month, d))
                    QFAIL(ymd.constData());
            }
        }
    }
}

void TestDateRange::toDisplayString_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("display");

    QTest::newRow("day") << "2022-11-30"_ba << u"30 Nov 2022"_s;
    QTest::newRow("day without a leading zero") << "2022-11-01"_ba << u"1 Nov 2022"_s;
    QTest::newRow("month") << "2022-11"_ba << u"Nov 2022"_s;
    QTest::newRow("year") << "2019"_ba << u"2019"_s;
    QTest::newRow("uncertain year") << "2019?"_ba << u"2019?"_s;
    QTest::newRow("approximate year") << "2019~"_ba << u"c. 2019"_s;
    QTest::newRow("uncertain and approximate year") << "2023%"_ba << u"c. 2023?"_s;
    QTest::newRow("uncertain month") << "2022-11?"_ba << u"Nov 2022?"_s;
    QTest::newRow("approximate day") << "2025-01-22~"_ba << u"c. 22 Jan 2025"_s;
    QTest::newRow("uncertain day") << "2024-10-31?"_ba << u"31 Oct 2024?"_s;
    QTest::newRow("interval of days") << "2019-07-22/2025-01-21"_ba << u"22 Jul 2019 – 21 Jan 2025"_s;
    QTest::newRow("approximate interval") << "2023-01~/2024-10-31~"_ba << u"c. Jan 2023 – c. 31 Oct 2024"_s;
    QTest::newRow("mixed precisions") << "2019/2020-06"_ba << u"2019 – Jun 2020"_s;
    QTest::newRow("qualifier on one end") << "2019?/2020-06-01~"_ba << u"2019? – c. 1 Jun 2020"_s;
    QTest::newRow("every month name") << "2021-01/2021-12"_ba << u"Jan 2021 – Dec 2021"_s;
    QTest::newRow("before 1970") << "1969-07-20"_ba << u"20 Jul 1969"_s;
}

void TestDateRange::toDisplayString()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, display);
    const auto range = DateRange::parse(text);
    QVERIFY(range);
    QCOMPARE(range->toDisplayString(), display);
}

void TestDateRange::precisionName()
{
    QCOMPARE(DateRange::precisionName(Precision::Day), u"day"_s);
    QCOMPARE(DateRange::precisionName(Precision::Month), u"month"_s);
    QCOMPARE(DateRange::precisionName(Precision::Year), u"year"_s);
    QCOMPARE(DateRange::precisionName(Precision::Interval), u"interval"_s);
}

void TestDateRange::dayFromCivil_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("expected"); // days since 1970-01-01, known independently

    QTest::newRow("epoch") << QDate(1970, 1, 1) << 0;
    QTest::newRow("day before the epoch") << QDate(1969, 12, 31) << -1;
    QTest::newRow("2000-01-01") << QDate(2000, 1, 1) << 10957;
    QTest::newRow("2000-03-01, after a 400-year leap day") << QDate(2000, 3, 1) << 11017;
    QTest::newRow("2022-11-30") << QDate(2022, 11, 30) << 19326;
    QTest::newRow("2024-02-29") << QDate(2024, 2, 29) << 19782;
    QTest::newRow("1900-03-01, no leap day before it") << QDate(1900, 3, 1) << -25508;
    QTest::newRow("1600-02-29") << QDate(1600, 2, 29) << -135081;
    QTest::newRow("0001-01-01") << QDate(1, 1, 1) << -719162;
    QTest::newRow("9999-12-31") << QDate(9999, 12, 31) << 2932896;
}

void TestDateRange::dayFromCivil()
{
    QFETCH(QDate, date);
    QFETCH(int, expected);
    QCOMPARE(DateRange::dayFromDate(date), expected);
    QCOMPARE(DateRange::dayFromCivil(date.year(), date.month(), date.day()), expected);
    QCOMPARE(DateRange::dateFromDay(expected), date);
}

void TestDateRange::dayFromCivilAgreesWithQDateOverCenturies()
{
    static_assert(DateRange::dayFromCivil(1970, 1, 1) == 0, "usable at compile time");
    // Every day from 1601 (before the epoch, across 1700/1800/1900 and 2000) to 2101.
    const QDate end(2101, 1, 1);
    for (QDate date(1601, 1, 1); date < end; date = date.addDays(1)) {
        const std::int32_t civil = DateRange::dayFromCivil(date.year(), date.month(), date.day());
        if (civil != DateRange::dayFromDate(date) || DateRange::dateFromDay(civil) != date)
            QFAIL(qPrintable(date.toString(Qt::ISODate)));
    }
}

void TestDateRange::documentedExamples_data()
{
    // The table of examples in docs/format.md, "Every `when` resolves to ...".
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("precision"); // e.g. "day (approximate)"

    static const QRegularExpression row(u"^\\| `([^`]+)` \\| (\\S+) \\| (\\S+) \\| ([^|]+) \\|$"_s);
    int rows = 0;
    for (const QString &line : documentTable(u"| `when` | First day | Last day | Precision |"_s)) {
        const QRegularExpressionMatch match = row.match(line);
        if (!match.hasMatch())
            continue;
        QTest::newRow(qPrintable(match.captured(1)))
            << match.captured(1).toUtf8() << QDate::fromString(match.captured(2), Qt::ISODate)
            << QDate::fromString(match.captured(3), Qt::ISODate) << match.captured(4).trimmed();
        ++rows;
    }
    QVERIFY2(rows >= 10, "the table of examples was not found in docs/format.md");
}

void TestDateRange::documentedExamples()
{
    QFETCH(QByteArray, text);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, precision);

    QString error;
    const auto range = DateRange::parse(text, &error);
    QVERIFY2(range, qPrintable(error));
    QCOMPARE(range->firstDate(), first);
    QCOMPARE(range->lastDate(), last);
    QCOMPARE(DateRange::precisionName(range->precision), precision.section(u' ', 0, 0));
    QCOMPARE(range->isApproximate(), precision.contains(u"approximate"_s));
    QCOMPARE(range->isUncertain(), precision.contains(u"uncertain"_s));
}

void TestDateRange::documentedInvalidExamples_data()
{
    // The table in docs/format.md after "These are not valid:"; a cell may list several.
    QTest::addColumn<QByteArray>("text");

    static const QRegularExpression code(u"`([^`]+)`"_s);
    int rows = 0;
    for (const QString &line : documentTable(u"These are not valid:"_s)) {
        const QString cell = line.section(u'|', 1, 1);
        if (cell.contains(u"`when`"_s))
            continue; // the header
        for (const QRegularExpressionMatch &match : code.globalMatch(cell)) {
            QTest::newRow(qPrintable(match.captured(1))) << match.captured(1).toUtf8();
            ++rows;
        }
    }
    QVERIFY2(rows >= 10, "the table of invalid dates was not found in docs/format.md");
}

void TestDateRange::documentedInvalidExamples()
{
    QFETCH(QByteArray, text);
    QString error;
    QCOMPARE(DateRange::parse(text, &error), std::nullopt);
    QVERIFY(error.startsWith(u'"' + QString::fromUtf8(text) + u'"'));
}

SOURCELINE_TEST_MAIN(TestDateRange)
#include "tst_daterange.moc"
