#pragma once

#include <QDate>
#include <QString>

// A temporal expression found in text, normalised the way TimeML's TIMEX3 does, with the
// EDTF `when` that Sourceline uses for it (see docs/temporal-expressions.md).
struct Timex
{
    qsizetype begin = 0; // UTF-16 offsets into the text, end exclusive
    qsizetype end = 0;
    QString text;
    QString type; // DATE, TIME, DURATION or SET
    QString value; // e.g. 2008-03-06, 2008-W10, 2022-FA, 199, PAST_REF, P5Y
    QString edtf; // empty when the expression does not date anything (durations, sets, unresolved)

    friend bool operator==(const Timex &, const Timex &) = default;
};
Q_DECLARE_TYPEINFO(Timex, Q_RELOCATABLE_TYPE);

// How a TIMEX3 value and a part of it ("late", "mid") become an EDTF `when`.
namespace TimexValue {

enum class Part { Whole, Early, Middle, Late, Approximate };

// `value` is a DATE or TIME value; `published` resolves the references (PRESENT_REF ...).
QString toEdtf(const QString &value, Part part, QDate published);

QString isoWeek(QDate date); // 2008-W10

// n in decimal with zeros before it to `width` digits (at least), as
// QString::number(n).rightJustified(width, u'0') writes it, in one allocation.
QString padded(int n, int width = 2);
QString quarter(QDate date); // 2008-Q1
QString month(int year, int month); // 2008-03
QString day(QDate date); // 2008-03-06

} // namespace TimexValue
