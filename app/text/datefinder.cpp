#include "datefinder.h"

#include "daterange.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// The month a name or abbreviation stands for, 1–12, or 0.
int monthOf(QStringView name)
{
    static const QString months[] = { u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                      u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s };
    static const QString full[] = { u"january"_s,   u"february"_s, u"march"_s,    u"april"_s,
                                    u"may"_s,       u"june"_s,     u"july"_s,     u"august"_s,
                                    u"september"_s, u"october"_s,  u"november"_s, u"december"_s };
    const QString lower = name.toString().toLower();
    for (int m = 0; m < 12; ++m) {
        if (lower == full[m] || lower == months[m] || (m == 8 && lower == u"sept"_s))
            return m + 1;
    }
    return 0;
}

QString twoDigits(int n)
{
    return QString::number(n).rightJustified(2, u'0');
}

// A month's name or abbreviation, with an optional dot ("Sept."), captured as `name`.
QString monthGroup(QStringView name)
{
    return u"(?<"_s + name
        + u">January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"_s;
}

bool isValid(const QString &when)
{
    return DateRange::parse(when.toUtf8()).has_value();
}

} // namespace

std::optional<DateFinder::Found> DateFinder::find(QStringView text)
{
    // One expression with the forms as alternatives, longest first, so that the earliest date
    // wins and at one place the fullest reading of it does.
    static const QRegularExpression pattern(
        u"\\b(?:"_s + u"(?<iso>(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2}))"_s
        + u"|(?<dmy>(?<dmyD>\\d{1,2})(?:st|nd|rd|th)? (?:of )?"_s + monthGroup(u"dmyM")
        + u",? (?<dmyY>\\d{4}))"_s + u"|(?<mdy>"_s + monthGroup(u"mdyM")
        + u" (?<mdyD>\\d{1,2})(?:st|nd|rd|th)?,? (?<mdyY>\\d{4}))"_s + u"|(?<my>"_s + monthGroup(u"myM")
        + u",? (?:of )?(?<myY>\\d{4}))"_s + u"|(?<y>(?<yY>1\\d{3}|20\\d{2}))"_s + u")\\b"_s);

    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        Found found;
        found.phrase = m.captured(0);
        found.at = m.capturedStart(0);
        if (m.hasCaptured(u"iso")) {
            found.when = m.captured(u"iso");
        } else if (m.hasCaptured(u"dmy")) {
            found.when = m.captured(u"dmyY") + u'-' + twoDigits(monthOf(m.capturedView(u"dmyM"))) + u'-'
                + twoDigits(m.captured(u"dmyD").toInt());
        } else if (m.hasCaptured(u"mdy")) {
            found.when = m.captured(u"mdyY") + u'-' + twoDigits(monthOf(m.capturedView(u"mdyM"))) + u'-'
                + twoDigits(m.captured(u"mdyD").toInt());
        } else if (m.hasCaptured(u"my")) {
            found.when = m.captured(u"myY") + u'-' + twoDigits(monthOf(m.capturedView(u"myM")));
        } else {
            found.when = m.captured(u"yY");
        }
        if (isValid(found.when))
            return found;
    }
    return std::nullopt;
}
