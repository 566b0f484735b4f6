#include "daterange.h"
#include "testutils.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

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

// Marks every DateRange text it translates, so a test sees which words went through tr().
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "DateRange") != 0)
            return {};
        return u"\u00ab"_s + QString::fromUtf8(sourceText) + u"\u00bb"_s;
    }
    bool isEmpty() const override { return false; }
};

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
    void displayWordsAreTranslatable_data();
    void displayWordsAreTranslatable();
    void precisionName();
    void dayFromCivil_data();
    void dayFromCivil();
    void dayFromCivilAgreesWithQDateOverCenturies();
    void edtf_data();
    void edtf();
    void civilFromDayAgreesWithDayFromCivil();
    void longYears_data();
    void longYears();
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
    notADate("2023-13-01", u"there is no month 13"_s);

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
    notADate("+2019", expected);
    notADate("[2019,2020]", expected);
    notADate("2019~?", expected); // at most one qualifier
    notADate("2019??", expected);
    notADate("~2019", expected);
    notADate("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99", expected); // fullwidth digits

    // Intervals.
    notADate("2019/2020/2021", expected);
    notADate("..", u"`..` is only an end of an interval"_s);
    notADate("/", u"an interval needs at least one date"_s);
    notADate("../..", u"an interval needs at least one date"_s);
    notADate("/..", u"an interval needs at least one date"_s);
    notADate("2019/...", expected);
    notADate("2019/.", expected);

    // EDTF Level 1 written wrongly, and years out of range.
    notADate("2019-25", u"there is no month 25"_s); // a Level 2 season
    notADate("2019-20", u"there is no month 20"_s);
    notADate("2019-21-01", u"a season (21 to 24) has no day"_s);
    notADate("XXXX", expected); // Level 2
    notADate("1XXX", expected);
    notADate("19X5", expected);
    notADate("196X-05", u"a year with unspecified digits (X) has no month or day"_s);
    notADate("2004-XX-05", u"when the month is unspecified (XX), so is the day"_s);
    notADate("2004-0X", expected);
    notADate("2004-05-X1", expected);
    notADate("-0000", u"year 0 has no sign"_s);
    notADate("--2019", expected);
    notADate("-19", expected);
    notADate("Y2019", u"a year after Y has more than four digits and nothing else"_s);
    notADate("Y-2019", u"a year after Y has more than four digits and nothing else"_s);
    notADate("Y12345-01", u"a year after Y has more than four digits and nothing else"_s);
    notADate("Y012345", u"a year after Y has no leading zeros"_s);
    notADate("Y", u"a year after Y has more than four digits and nothing else"_s);
    // Past twelve digits (a trillion years), however many digits: none overflows the count.
    notADate("Y1000000000000", u"years run from -999999999999 to 999999999999"_s);
    notADate("Y-1000000000000", u"years run from -999999999999 to 999999999999"_s);
    notADate("Y99999999999999999999", u"years run from -999999999999 to 999999999999"_s);
    notADate("Y-13800000000/Y1000000000000", u"years run from -999999999999 to 999999999999"_s);
    notADate("12345", expected); // five digits need the Y
    notADate("1985-04-12T23:20", expected); // EDTF times have seconds
    notADate("1985-04-12T24:00:00", expected);
    notADate("1985-04-12T23:20:30+15", expected);
    notADate("1985-04-12T23:20:30Zjunk", expected);
    notADate("1985-04-12T23:20:30~", expected);
    notADate("1985-04T23:20:30", expected);
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

void TestDateRange::displayWordsAreTranslatable_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("display"); // as the marking catalogue gives it

    QTest::newRow("day") << "2022-11-30"_ba << u"«30 Nov 2022»"_s;
    QTest::newRow("month") << "2022-11"_ba << u"«Nov 2022»"_s;
    QTest::newRow("year") << "2019"_ba << u"2019"_s; // a number, no words
    QTest::newRow("year BC") << "-0044"_ba << u"«45 BC»"_s;
    QTest::newRow("season") << "2022-23"_ba << u"«autumn 2022»"_s;
    QTest::newRow("decade") << "199X"_ba << u"«the 1990s»"_s;
    QTest::newRow("approximate") << "2019~"_ba << u"«c. 2019»"_s;
    QTest::newRow("approximate month") << "2022-11~"_ba << u"«c. «Nov 2022»»"_s;
    QTest::newRow("uncertain") << "2019?"_ba << u"«2019?»"_s;
    QTest::newRow("open end") << "2019-07-22/.."_ba << u"«since «22 Jul 2019»»"_s;
    QTest::newRow("open start") << "../-0044"_ba << u"«until «45 BC»»"_s;
    QTest::newRow("unknown end") << "2019/"_ba << u"«from 2019, end unknown»"_s;
    QTest::newRow("interval") << "2019/2020-06"_ba << u"«2019 – «Jun 2020»»"_s;
}

void TestDateRange::displayWordsAreTranslatable()
{
    // The marked catalogue returns each text with its placeholders, so a phrase built from
    // pieces outside tr() would show here as unmarked words.
    QFETCH(QByteArray, text);
    QFETCH(QString, display);
    const auto range = DateRange::parse(text);
    QVERIFY(range);
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    const QString shown = range->toDisplayString();
    QCoreApplication::removeTranslator(&marking);
    QCOMPARE(shown, display);
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

// QDate numbers years without a year 0; EDTF (like ISO 8601) has one, which is 1 BC.
static QDate astronomical(int year, int month, int day)
{
    return QDate(year <= 0 ? year - 1 : year, month, day);
}

void TestDateRange::edtf_data()
{
    // Every example of the Library of Congress EDTF specification's Level 0 and Level 1, and
    // the Level 1 forms written with other values, each with its range and its words.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("display");
    QTest::addColumn<int>("openEnds"); // 1: open start, 2: open end

    const auto row = [](const char *text, QDate first, QDate last, const QString &display, int open = 0) {
        QTest::newRow(text) << QByteArray(text) << first << last << display << open;
    };

    // Level 0: dates.
    row("1985-04-12", QDate(1985, 4, 12), QDate(1985, 4, 12), u"12 Apr 1985"_s);
    row("1985-04", QDate(1985, 4, 1), QDate(1985, 4, 30), u"Apr 1985"_s);
    row("1985", QDate(1985, 1, 1), QDate(1985, 12, 31), u"1985"_s);
    // Level 0: date and time; the day as written counts.
    row("1985-04-12T23:20:30", QDate(1985, 4, 12), QDate(1985, 4, 12), u"12 Apr 1985"_s);
    row("1985-04-12T23:20:30Z", QDate(1985, 4, 12), QDate(1985, 4, 12), u"12 Apr 1985"_s);
    row("1985-04-12T23:20:30-04", QDate(1985, 4, 12), QDate(1985, 4, 12), u"12 Apr 1985"_s);
    row("1985-04-12T23:20:30+04:30", QDate(1985, 4, 12), QDate(1985, 4, 12), u"12 Apr 1985"_s);
    // Level 0: intervals.
    row("1964/2008", QDate(1964, 1, 1), QDate(2008, 12, 31), u"1964 – 2008"_s);
    row("2004-06/2006-08", QDate(2004, 6, 1), QDate(2006, 8, 31), u"Jun 2004 – Aug 2006"_s);
    row("2004-02-01/2005-02-08", QDate(2004, 2, 1), QDate(2005, 2, 8), u"1 Feb 2004 – 8 Feb 2005"_s);
    row("2004-02-01/2005-02", QDate(2004, 2, 1), QDate(2005, 2, 28), u"1 Feb 2004 – Feb 2005"_s);
    row("2004-02-01/2005", QDate(2004, 2, 1), QDate(2005, 12, 31), u"1 Feb 2004 – 2005"_s);
    row("2005/2006-02", QDate(2005, 1, 1), QDate(2006, 2, 28), u"2005 – Feb 2006"_s);

    // Level 1: letter-prefixed years (longer ones, past QDate's years, in longYears).
    row("Y170002", QDate(170002, 1, 1), QDate(170002, 12, 31), u"170,002"_s);
    row("Y-170002", astronomical(-170002, 1, 1), astronomical(-170002, 12, 31), u"170,003 BC"_s);
    row("Y999999", QDate(999999, 1, 1), QDate(999999, 12, 31), u"999,999"_s);
    row("Y-999998", astronomical(-999998, 1, 1), astronomical(-999998, 12, 31), u"999,999 BC"_s);
    row("Y-999999", astronomical(-999999, 1, 1), astronomical(-999999, 12, 31), u"1 million years ago"_s);
    // Level 1: seasons (northern meteorological: winter runs into the next year).
    row("2001-21", QDate(2001, 3, 1), QDate(2001, 5, 31), u"spring 2001"_s);
    row("2022-22", QDate(2022, 6, 1), QDate(2022, 8, 31), u"summer 2022"_s);
    row("2022-23", QDate(2022, 9, 1), QDate(2022, 11, 30), u"autumn 2022"_s);
    row("2023-24", QDate(2023, 12, 1), QDate(2024, 2, 29), u"winter 2023–2024"_s);
    row("2022-23~", QDate(2022, 9, 1), QDate(2022, 11, 30), u"c. autumn 2022"_s);
    row("2022-21/2022-23", QDate(2022, 3, 1), QDate(2022, 11, 30), u"spring 2022 – autumn 2022"_s);
    row("2021-24/2022", QDate(2021, 12, 1), QDate(2022, 12, 31), u"winter 2021–2022 – 2022"_s);
    row("2020/2021-24", QDate(2020, 1, 1), QDate(2022, 2, 28), u"2020 – winter 2021–2022"_s);
    // Level 1: qualification.
    row("1984?", QDate(1984, 1, 1), QDate(1984, 12, 31), u"1984?"_s);
    row("2004-06~", QDate(2004, 6, 1), QDate(2004, 6, 30), u"c. Jun 2004"_s);
    row("2004-06-11%", QDate(2004, 6, 11), QDate(2004, 6, 11), u"c. 11 Jun 2004?"_s);
    // Level 1: unspecified digits from the right.
    row("201X", QDate(2010, 1, 1), QDate(2019, 12, 31), u"the 2010s"_s);
    row("20XX", QDate(2000, 1, 1), QDate(2099, 12, 31), u"2000–2099"_s);
    row("2004-XX", QDate(2004, 1, 1), QDate(2004, 12, 31), u"a month in 2004"_s);
    row("1985-04-XX", QDate(1985, 4, 1), QDate(1985, 4, 30), u"a day in Apr 1985"_s);
    row("1985-XX-XX", QDate(1985, 1, 1), QDate(1985, 12, 31), u"a day in 1985"_s);
    row("196X", QDate(1960, 1, 1), QDate(1969, 12, 31), u"the 1960s"_s);
    row("199X~", QDate(1990, 1, 1), QDate(1999, 12, 31), u"c. the 1990s"_s);
    row("196X/1975", QDate(1960, 1, 1), QDate(1975, 12, 31), u"the 1960s – 1975"_s);
    row("1950/196X", QDate(1950, 1, 1), QDate(1969, 12, 31), u"1950 – the 1960s"_s);
    row("2024-02-XX", QDate(2024, 2, 1), QDate(2024, 2, 29), u"a day in Feb 2024"_s);
    row("-019X", astronomical(-199, 1, 1), astronomical(-190, 12, 31), u"200 BC–191 BC"_s);
    // Level 1: extended intervals, open (`..`) and unknown (empty) ends.
    row("1985-04-12/..", QDate(1985, 4, 12), QDate(1985, 4, 12), u"since 12 Apr 1985"_s, 2);
    row("1985-04/..", QDate(1985, 4, 1), QDate(1985, 4, 30), u"since Apr 1985"_s, 2);
    row("1985/..", QDate(1985, 1, 1), QDate(1985, 12, 31), u"since 1985"_s, 2);
    row("../1985-04-12", QDate(1985, 4, 12), QDate(1985, 4, 12), u"until 12 Apr 1985"_s, 1);
    row("../1985-04", QDate(1985, 4, 1), QDate(1985, 4, 30), u"until Apr 1985"_s, 1);
    row("../1985", QDate(1985, 1, 1), QDate(1985, 12, 31), u"until 1985"_s, 1);
    row("1985-04-12/", QDate(1985, 4, 12), QDate(1985, 4, 12), u"from 12 Apr 1985, end unknown"_s);
    row("1985-04/", QDate(1985, 4, 1), QDate(1985, 4, 30), u"from Apr 1985, end unknown"_s);
    row("1985/", QDate(1985, 1, 1), QDate(1985, 12, 31), u"from 1985, end unknown"_s);
    row("/1985-04-12", QDate(1985, 4, 12), QDate(1985, 4, 12), u"until 12 Apr 1985, start unknown"_s);
    row("/1985-04", QDate(1985, 4, 1), QDate(1985, 4, 30), u"until Apr 1985, start unknown"_s);
    row("/1985", QDate(1985, 1, 1), QDate(1985, 12, 31), u"until 1985, start unknown"_s);
    row("2019~/..", QDate(2019, 1, 1), QDate(2019, 12, 31), u"since c. 2019"_s, 2);
    // Level 1: negative years; 0000 is 1 BC.
    row("-1985", astronomical(-1985, 1, 1), astronomical(-1985, 12, 31), u"1986 BC"_s);
    row("0000", astronomical(0, 1, 1), astronomical(0, 12, 31), u"1 BC"_s);
    row("0000-02-29", astronomical(0, 2, 29), astronomical(0, 2, 29), u"29 Feb 1 BC"_s); // a leap year
    row("-0044-03-15", astronomical(-44, 3, 15), astronomical(-44, 3, 15), u"15 Mar 45 BC"_s);
    row("-0001/0001", astronomical(-1, 1, 1), QDate(1, 12, 31), u"2 BC – 1"_s);
    row("-9999", astronomical(-9999, 1, 1), astronomical(-9999, 12, 31), u"10,000 BC"_s);
}

void TestDateRange::edtf()
{
    QFETCH(QByteArray, text);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, display);
    QFETCH(int, openEnds);

    QString error;
    const auto range = DateRange::parse(text, &error);
    QVERIFY2(range, qPrintable(error));
    QCOMPARE(range->first, DateRange::dayFromDate(first));
    QCOMPARE(range->last, DateRange::dayFromDate(last));
    QCOMPARE(range->toDisplayString(), display);
    QCOMPARE(range->hasOpenStart(), bool(openEnds & 1));
    QCOMPARE(range->hasOpenEnd(), bool(openEnds & 2));
    QCOMPARE(range->precision == Precision::Interval, text.contains('/'));
}

void TestDateRange::civilFromDayAgreesWithDayFromCivil()
{
    // Round trips across the whole range of years, and the ISO form of the days on the way.
    const auto roundTrip = [](std::int64_t year) {
        for (int month = 1; month <= 12; ++month) {
            const Day day = DateRange::dayFromCivil(year, month, 28);
            const DateRange::Civil c = DateRange::civilFromDay(day);
            if (c.year != year || c.month != month || c.day != 28)
                return false;
        }
        return true;
    };
    for (std::int64_t year = -2'000'000; year <= 2'000'000; year += 997)
        QVERIFY2(roundTrip(year), qPrintable(QString::number(year)));
    for (std::int64_t year = DateRange::s_minYear; year <= DateRange::s_maxYear; year += 99'999'989)
        QVERIFY2(roundTrip(year), qPrintable(QString::number(year)));
    QVERIFY(roundTrip(DateRange::s_minYear));
    QVERIFY(roundTrip(DateRange::s_maxYear));
    QCOMPARE(DateRange::isoDay(DateRange::dayFromDate(QDate(2022, 11, 30))), u"2022-11-30"_s);
    QCOMPARE(DateRange::isoDay(DateRange::dayFromDate(QDate(1, 1, 1)) - 1), u"0000-12-31"_s);
    QCOMPARE(DateRange::isoDay(DateRange::dayFromDate(QDate(-45, 3, 15))), u"-0044-03-15"_s);
    QCOMPARE(DateRange::isoDay(DateRange::dayFromDate(QDate(12345, 6, 7))), u"12345-06-07"_s);
}

void TestDateRange::longYears_data()
{
    // Years past QDate's, as deep time writes them: each resolves to its days, found here from
    // the count of days in 400 years (146097) rather than from dayFromCivil, and has its words.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("firstYear"); // astronomical; the range runs from its 1 January
    QTest::addColumn<qint64>("lastYear"); // to this one's 31 December
    QTest::addColumn<QString>("display");

    QTest::newRow("the Big Bang") << "Y-13800000000"_ba << qint64(-13'800'000'000) << qint64(-13'800'000'000)
                                  << u"13.8 billion years ago"_s;
    QTest::newRow("the specification's Y170000002")
        << "Y170000002"_ba << qint64(170'000'002) << qint64(170'000'002) << u"170,000,002"_s;
    QTest::newRow("the Earth, approximate") << "Y-4540000000~"_ba << qint64(-4'540'000'000)
                                            << qint64(-4'540'000'000) << u"c. 4.54 billion years ago"_s;
    QTest::newRow("dinosaurs, an interval")
        << "Y-251902000/Y-66000000"_ba << qint64(-251'902'000) << qint64(-66'000'000)
        << u"252 million years ago \u2013 66 million years ago"_s;
    QTest::newRow("since the first humans") << "Y-300000/.."_ba << qint64(-300'000) << qint64(-300'000)
                                            << u"since 300,001 BC"_s;
    QTest::newRow("the last year") << "Y999999999999"_ba << qint64(999'999'999'999)
                                   << qint64(999'999'999'999) << u"999,999,999,999"_s;
    QTest::newRow("the first year") << "Y-999999999999"_ba << qint64(-999'999'999'999)
                                    << qint64(-999'999'999'999) << u"1 trillion years ago"_s;
    QTest::newRow("Caesar's death beside them")
        << "-0044-03-15"_ba << qint64(-44) << qint64(-44) << u"15 Mar 45 BC"_s;
}

void TestDateRange::longYears()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, firstYear);
    QFETCH(qint64, lastYear);
    QFETCH(QString, display);

    // Whole 400-year cycles back or on from 2000-01-01 (day 10957), then years within one.
    const auto newYear = [](qint64 year) {
        const qint64 cycles = (year - 2000 >= 0 ? year - 2000 : year - 2000 - 399) / 400;
        qint64 day = 10957 + cycles * 146097;
        for (qint64 y = 2000 + cycles * 400; y < year; ++y)
            day += (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365;
        return day;
    };
    QString error;
    const auto range = DateRange::parse(text, &error);
    QVERIFY2(range, qPrintable(error));
    if (text.startsWith("-0044-03-15")) {
        QCOMPARE(qint64(range->first), newYear(-44) + 31 + 29 + 14); // -44 is a leap year
    } else {
        QCOMPARE(qint64(range->first), newYear(firstYear));
        QCOMPARE(qint64(range->last), newYear(lastYear + 1) - 1);
    }
    QCOMPARE(range->toDisplayString(), display);
    QCOMPARE(qint64(DateRange::civilFromDay(range->first).year), firstYear);
    QCOMPARE(qint64(DateRange::civilFromDay(range->last).year), lastYear);
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
