#include "timex.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The number that the `count` ASCII digits at `from` in `text` write, or -1 if they are not all
// digits (or run past its end).
int number(QStringView text, qsizetype from, qsizetype count)
{
    if (from + count > text.size())
        return -1;
    int n = 0;
    for (const QChar c : text.sliced(from, count)) {
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n;
}

QString pad(int n, int width = 2)
{
    return TimexValue::padded(n, width);
}

QString year(int y)
{
    return y < 0 ? u"-"_s + pad(-y, 4) : pad(y, 4);
}

// Written in place for the years of four digits: these are made for nearly every expression.
void writeDigits(char16_t *to, int n, int width)
{
    for (int i = width - 1; i >= 0; --i, n /= 10)
        to[i] = char16_t(u'0' + n % 10);
}

// The months of a year that "early", "mid" and "late" cover: a third each, rounded outward.
QString partOfYear(int y, TimexValue::Part part)
{
    switch (part) {
    case TimexValue::Part::Early:
        return TimexValue::month(y, 1) + u"~/"_s + TimexValue::month(y, 4) + u'~';
    case TimexValue::Part::Middle:
        return TimexValue::month(y, 5) + u"~/"_s + TimexValue::month(y, 8) + u'~';
    case TimexValue::Part::Late:
        return TimexValue::month(y, 9) + u"~/"_s + TimexValue::month(y, 12) + u'~';
    case TimexValue::Part::Approximate:
        return year(y) + u'~';
    case TimexValue::Part::Whole:
        break;
    }
    return year(y);
}

QString partOfMonth(int y, int m, TimexValue::Part part)
{
    const QString ym = TimexValue::month(y, m);
    const int last = QDate(y, m, 1).daysInMonth();
    switch (part) {
    case TimexValue::Part::Early:
        return ym + u"-01~/"_s + ym + u"-10~"_s;
    case TimexValue::Part::Middle:
        return ym + u"-11~/"_s + ym + u"-20~"_s;
    case TimexValue::Part::Late:
        return ym + u"-21~/"_s + ym + u'-' + pad(last) + u'~';
    case TimexValue::Part::Approximate:
        return ym + u'~';
    case TimexValue::Part::Whole:
        break;
    }
    return ym;
}

QString span(QDate first, QDate last, TimexValue::Part part)
{
    if (part == TimexValue::Part::Whole)
        return TimexValue::day(first) + u'/' + TimexValue::day(last);
    const qint64 length = first.daysTo(last) + 1;
    switch (part) {
    case TimexValue::Part::Early:
        last = first.addDays(length / 3 - 1);
        break;
    case TimexValue::Part::Middle:
        first = first.addDays(length / 3);
        last = first.addDays(length / 3 - 1);
        break;
    case TimexValue::Part::Late:
        first = last.addDays(-(length / 3 - 1));
        break;
    default:
        break;
    }
    return TimexValue::day(first) + u"~/"_s + TimexValue::day(last) + u'~';
}

} // namespace

namespace TimexValue {

QString padded(int n, int width)
{
    if (n < 0)
        return QString::number(n).rightJustified(width, u'0');
    int digits = 1;
    for (int rest = n / 10; rest > 0; rest /= 10)
        ++digits;
    const int size = std::max(width, digits);
    QString out(size, Qt::Uninitialized);
    writeDigits(reinterpret_cast<char16_t *>(out.data()), n, size);
    return out;
}

QString isoWeek(QDate date)
{
    int weekYear = 0;
    const int week = date.weekNumber(&weekYear);
    return year(weekYear) + u"-W"_s + pad(week);
}

QString quarter(QDate date)
{
    return year(date.year()) + u"-Q"_s + QString::number((date.month() - 1) / 3 + 1);
}

QString toEdtf(const QString &value, Part part, QDate published)
{
    const QString approximate = part == Part::Whole ? QString() : u"~"_s;
    if (value == u"PRESENT_REF"_s)
        return published.isValid() ? day(published) + u'~' : QString();
    if (value == u"PAST_REF"_s)
        return published.isValid() ? u"../"_s + day(published) : QString();
    if (value == u"FUTURE_REF"_s)
        return published.isValid() ? day(published) + u"/.."_s : QString();

    // The forms the tagger writes, told apart by their length and punctuation: 2008-03-06
    // (perhaps with a time), 2008-03, 2008, 2008-W10 (-WE), 2008-Q1, 2008-H1, 2022-FA, 199, 20.
    const QStringView v(value);
    const qsizetype size = v.size();
    const auto at = [&](qsizetype i, char16_t c) {
        return i < size && v[i] == c;
    };
    const int y = size >= 4 ? number(v, 0, 4) : -1;
    if (size >= 10 && y >= 0 && at(4, u'-') && number(v, 5, 2) >= 0 && at(7, u'-') && number(v, 8, 2) >= 0
        && (size == 10 || at(10, u'T')))
        return size == 10 && approximate.isEmpty() ? value : value.left(10) + approximate; // shared
    if (size == 7 && y >= 0 && at(4, u'-')) {
        if (const int m = number(v, 5, 2); m >= 0)
            return partOfMonth(y, m, part);
        if ((v[5] == u'Q' || v[5] == u'H') && number(v, 6, 1) >= 0) {
            const int months = v[5] == u'Q' ? 3 : 6;
            const int first = (number(v, 6, 1) - 1) * months + 1;
            const QDate start(y, first, 1);
            return span(start, start.addMonths(months).addDays(-1), part);
        }
        static const QStringList seasons { u"SP"_s, u"SU"_s, u"FA"_s, u"WI"_s };
        if (const qsizetype season = seasons.indexOf(v.sliced(5)); season >= 0)
            return v.first(4) + u'-' + QString::number(21 + season) + approximate;
        return {};
    }
    if (size == 4 && y >= 0)
        return partOfYear(y, part);
    if ((size == 8 || (size == 11 && v.sliced(8) == u"-WE")) && y >= 0 && at(4, u'-') && at(5, u'W')
        && number(v, 6, 2) >= 0) {
        // ISO week 1 holds 4 January; its Monday starts the week-numbering year.
        const QDate jan4(y, 1, 4);
        const QDate monday = jan4.addDays(1 - jan4.dayOfWeek() + 7 * (number(v, 6, 2) - 1));
        if (size == 11)
            return span(monday.addDays(5), monday.addDays(6), part);
        return span(monday, monday.addDays(6), part);
    }
    if (size == 3 && number(v, 0, 3) >= 0) {
        const int first = number(v, 0, 3) * 10;
        switch (part) {
        case Part::Early:
            return year(first) + u"~/"_s + year(first + 3) + u'~';
        case Part::Middle:
            return year(first + 3) + u"~/"_s + year(first + 6) + u'~';
        case Part::Late:
            return year(first + 7) + u"~/"_s + year(first + 9) + u'~';
        default:
            return value + u'X' + approximate;
        }
    }
    if (size == 2 && number(v, 0, 2) >= 0)
        return value + u"XX"_s + approximate;
    return {};
}

QString day(QDate d)
{
    int y = 0, m = 0, dd = 0;
    d.getDate(&y, &m, &dd);
    if (y < 0 || y > 9999)
        return year(y) + u'-' + pad(m) + u'-' + pad(dd);
    QString out(10, Qt::Uninitialized);
    char16_t *to = reinterpret_cast<char16_t *>(out.data());
    writeDigits(to, y, 4);
    to[4] = u'-';
    writeDigits(to + 5, m, 2);
    to[7] = u'-';
    writeDigits(to + 8, dd, 2);
    return out;
}

QString month(int y, int m)
{
    if (y < 0 || y > 9999)
        return year(y) + u'-' + pad(m);
    QString out(7, Qt::Uninitialized);
    char16_t *to = reinterpret_cast<char16_t *>(out.data());
    writeDigits(to, y, 4);
    to[4] = u'-';
    writeDigits(to + 5, m, 2);
    return out;
}

} // namespace TimexValue
