#include "timex.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString pad(int n, int width = 2)
{
    return QString::number(n).rightJustified(width, u'0');
}

QString year(int y)
{
    return y < 0 ? u"-"_s + pad(-y, 4) : pad(y, 4);
}

QString day(QDate d)
{
    return year(d.year()) + u'-' + pad(d.month()) + u'-' + pad(d.day());
}

QString month(int y, int m)
{
    return year(y) + u'-' + pad(m);
}

// The months of a year that "early", "mid" and "late" cover: a third each, rounded outward.
QString partOfYear(int y, TimexValue::Part part)
{
    switch (part) {
    case TimexValue::Part::Early:
        return month(y, 1) + u"~/"_s + month(y, 4) + u'~';
    case TimexValue::Part::Middle:
        return month(y, 5) + u"~/"_s + month(y, 8) + u'~';
    case TimexValue::Part::Late:
        return month(y, 9) + u"~/"_s + month(y, 12) + u'~';
    case TimexValue::Part::Approximate:
        return year(y) + u'~';
    case TimexValue::Part::Whole:
        break;
    }
    return year(y);
}

QString partOfMonth(int y, int m, TimexValue::Part part)
{
    const QString ym = month(y, m);
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
        return day(first) + u'/' + day(last);
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
    return day(first) + u"~/"_s + day(last) + u'~';
}

} // namespace

namespace TimexValue {

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
    static const QRegularExpression dayForm(u"^(\\d{4})-(\\d{2})-(\\d{2})(T.*)?$"_s);
    static const QRegularExpression monthForm(u"^(\\d{4})-(\\d{2})$"_s);
    static const QRegularExpression yearForm(u"^(\\d{4})$"_s);
    static const QRegularExpression weekForm(u"^(\\d{4})-W(\\d{2})(-WE)?$"_s);
    static const QRegularExpression quarterForm(u"^(\\d{4})-([QH])(\\d)$"_s);
    static const QRegularExpression seasonForm(u"^(\\d{4})-(SP|SU|FA|WI)$"_s);
    static const QRegularExpression decadeForm(u"^(\\d{3})$"_s);
    static const QRegularExpression centuryForm(u"^(\\d{2})$"_s);

    const QString approximate = part == Part::Whole ? QString() : u"~"_s;
    if (value == u"PRESENT_REF"_s)
        return published.isValid() ? day(published) + u'~' : QString();
    if (value == u"PAST_REF"_s)
        return published.isValid() ? u"../"_s + day(published) : QString();
    if (value == u"FUTURE_REF"_s)
        return published.isValid() ? day(published) + u"/.."_s : QString();

    QRegularExpressionMatch m;
    if ((m = dayForm.match(value)).hasMatch())
        return value.left(10) + approximate;
    if ((m = monthForm.match(value)).hasMatch())
        return partOfMonth(m.captured(1).toInt(), m.captured(2).toInt(), part);
    if ((m = yearForm.match(value)).hasMatch())
        return partOfYear(m.captured(1).toInt(), part);
    if ((m = weekForm.match(value)).hasMatch()) {
        // ISO week 1 holds 4 January; its Monday starts the week-numbering year.
        const QDate jan4(m.captured(1).toInt(), 1, 4);
        const QDate monday = jan4.addDays(1 - jan4.dayOfWeek() + 7 * (m.captured(2).toInt() - 1));
        if (!m.captured(3).isEmpty())
            return span(monday.addDays(5), monday.addDays(6), part);
        return span(monday, monday.addDays(6), part);
    }
    if ((m = quarterForm.match(value)).hasMatch()) {
        const int y = m.captured(1).toInt();
        const int months = m.captured(2) == u"Q"_s ? 3 : 6;
        const int first = (m.captured(3).toInt() - 1) * months + 1;
        const QDate start(y, first, 1);
        return span(start, start.addMonths(months).addDays(-1), part);
    }
    if ((m = seasonForm.match(value)).hasMatch()) {
        static const QStringList seasons { u"SP"_s, u"SU"_s, u"FA"_s, u"WI"_s };
        return m.captured(1) + u'-' + QString::number(21 + seasons.indexOf(m.captured(2))) + approximate;
    }
    if ((m = decadeForm.match(value)).hasMatch()) {
        const int first = m.captured(1).toInt() * 10;
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
    if ((m = centuryForm.match(value)).hasMatch())
        return value + u"XX"_s + approximate;
    return {};
}

} // namespace TimexValue
