#pragma once

#include "timex.h"
#include "timexrules.h"

#include <QDate>
#include <QString>

#include <algorithm>
#include <optional>

// Gives each match of a rule its TIMEX3 value and EDTF date: one case per kind of expression,
// resolved against the publication day. Matches must come in text order, because a bare time
// of day belongs to the day last named. An empty value drops the match.
class TimexResolver
{
public:
    TimexResolver(const QString &text, std::optional<QDate> published)
        : m_text(text)
        , m_published(published)
    { }

    std::optional<Timex> resolve(const TimexRules::Candidate &c);

private:
    using Candidate = TimexRules::Candidate;
    QDate anchor() const { return m_published.value_or(QDate()); }
    bool future(const Candidate &c) const;
    QString previousWord(qsizetype pos) const;
    // A few words after `pos`: matching against the rest of a long text would cost its length.
    QStringView after(qsizetype pos) const
    {
        return QStringView(m_text).sliced(pos, std::min<qsizetype>(40, m_text.size() - pos));
    }
    QString monthOnly(const Candidate &c, int month, const QString &rel);
    QString dayWithoutYear(const Candidate &c, int month, int day);
    QString weekday(const Candidate &c, int weekday, const QString &rel);
    QString quarterOrHalf(const Candidate &c, bool half, int number, const QString &ord);
    QString relativePeriod(const QString &rel, const QString &unit);

    const QString &m_text;
    std::optional<QDate> m_published;
    QDate m_lastDay; // the last day named in the text, which a bare time of day refers to
};
