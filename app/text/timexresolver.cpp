#include "timexresolver.h"

#include "daterange.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using TimexRules::captured;
using TimexRules::Group;
using TimexRules::Rule;

namespace {

// QString::toLower() of a group's text, with a short way for ASCII, which the rules match.
QString lower(QStringView text)
{
    if (text.isEmpty())
        return {};
    QString out(text.size(), Qt::Uninitialized);
    char16_t *to = reinterpret_cast<char16_t *>(out.data());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 128)
            return text.toString().toLower();
        *to++ = u >= u'A' && u <= u'Z' ? char16_t(u - u'A' + u'a') : u;
    }
    return out;
}

int monthNumber(QStringView name)
{
    static constexpr std::array<std::u16string_view, 12> prefixes { u"Jan", u"Feb", u"Mar", u"Apr",
                                                                    u"May", u"Jun", u"Jul", u"Aug",
                                                                    u"Sep", u"Oct", u"Nov", u"Dec" };
    for (int i = 0; i < 12; ++i) {
        if (name.startsWith(QStringView(prefixes[std::size_t(i)])))
            return i + 1;
    }
    return 0;
}

int weekdayNumber(QStringView name)
{
    static constexpr std::array<std::u16string_view, 7> names { u"mon", u"tue", u"wed", u"thu",
                                                                u"fri", u"sat", u"sun" };
    for (int i = 0; i < 7; ++i) {
        if (name.startsWith(QStringView(names[std::size_t(i)]), Qt::CaseInsensitive))
            return i + 1;
    }
    return 0;
}

// A spelled-out count; -1 for the vague ones ("several", "a few").
int numberValue(QString word)
{
    word = word.toLower().simplified();
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    static const QStringList words { u"zero"_s, u"one"_s,    u"two"_s,   u"three"_s, u"four"_s,
                                     u"five"_s, u"six"_s,    u"seven"_s, u"eight"_s, u"nine"_s,
                                     u"ten"_s,  u"eleven"_s, u"twelve"_s };
    if (word == u"a"_s || word == u"an"_s)
        return 1;
    if (const qsizetype i = words.indexOf(word); i >= 0)
        return int(i);
    if (word == u"fifteen"_s)
        return 15;
    if (word == u"twenty"_s)
        return 20;
    if (word == u"thirty"_s)
        return 30;
    if (word == u"forty"_s)
        return 40;
    if (word == u"fifty"_s)
        return 50;
    return -1;
}

TimexValue::Part partOf(const TimexRules::Candidate &c)
{
    // The rules that have both groups take one or the other.
    QStringView view = captured(c, Group::Part);
    if (view.isEmpty())
        view = captured(c, Group::PartOf);
    const QString part = lower(view);
    if (part.isEmpty())
        return TimexValue::Part::Whole;
    if (part.contains(u"early"_s) || part.contains(u"beginning"_s) || part.contains(u"start"_s)
        || part.contains(u"first half"_s))
        return TimexValue::Part::Early;
    if (part.contains(u"mid"_s))
        return TimexValue::Part::Middle;
    if (part.contains(u"late"_s) || part.contains(u"end"_s) || part.contains(u"close"_s)
        || part.contains(u"rest"_s) || part.contains(u"remainder"_s) || part.contains(u"second half"_s))
        return TimexValue::Part::Late;
    return TimexValue::Part::Approximate; // "the turn of"
}

QString pad(int n, int width = 2)
{
    return TimexValue::padded(n, width);
}

QString timeOfDayCode(QStringView word)
{
    const QString w = lower(word);
    if (w == u"morning"_s)
        return u"TMO"_s;
    if (w == u"afternoon"_s)
        return u"TAF"_s;
    if (w == u"evening"_s)
        return u"TEV"_s;
    if (w == u"night"_s || w == u"tonight"_s)
        return u"TNI"_s;
    return {};
}

// The sentence around [begin, end): back and forward to a line break or a sentence end, at
// most a few hundred characters, so that looking at it costs the same anywhere in a long text.
QStringView sentenceAround(const QString &text, qsizetype begin, qsizetype end)
{
    constexpr qsizetype reach = 240;
    qsizetype from = begin;
    while (from > 0 && begin - from < reach && text[from - 1] != u'\n'
           && !(from >= 2 && text[from - 1].isSpace() && (text[from - 2] == u'.' || text[from - 2] == u'!')))
        --from;
    qsizetype to = end;
    while (to < text.size() && to - end < reach && text[to] != u'\n'
           && !(text[to] == u'.' && (to + 1 == text.size() || text[to + 1].isSpace())))
        ++to;
    return QStringView(text).sliced(from, to - from);
}

// Whether the clause before the expression looks ahead ("will launch on Wednesday"). Only the
// words before it count: in "announced Friday that it will", the "will" is about something else.
bool speaksOfFuture(const QString &text, qsizetype begin, qsizetype end)
{
    static const QRegularExpression cue(
        uR"(\b(?:will|won't|shall|going\s+to|plans?\s+to|planning\s+to|scheduled|expected\s+to|is\s+to|are\s+to|set\s+to|intends?\s+to|upcoming)\b|'ll\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QStringView sentence = sentenceAround(text, begin, end);
    const qsizetype sentenceStart = sentence.data() - text.constData();
    return cue.match(sentence.first(begin - sentenceStart)).hasMatch();
}

// The rules' values: one function per kind of expression, each given the match and the day
// it is resolved against; an empty value drops the candidate.
} // namespace

bool TimexResolver::future(const Candidate &c) const
{
    return speaksOfFuture(m_text, c.begin, c.end);
}

QString TimexResolver::previousWord(qsizetype pos) const
{
    qsizetype end = pos;
    while (end > 0 && m_text[end - 1].isSpace())
        --end;
    qsizetype begin = end;
    while (begin > 0 && end - begin < 20 && m_text[begin - 1].isLetter())
        --begin;
    return m_text.sliced(begin, end - begin).toLower();
}

QString TimexResolver::monthOnly(const Candidate &c, int month, const QString &rel)
{
    if (!m_published)
        return u"XXXX-"_s + pad(month);
    const QDate a = anchor();
    int year = a.year();
    if (rel == u"last"_s || rel == u"past"_s || rel == u"previous"_s) {
        year -= month >= a.month();
    } else if (rel == u"next"_s || rel == u"coming"_s || rel == u"following"_s) {
        year += month <= a.month();
    } else if (rel.isEmpty()) {
        // News speaks mostly of the months around it: a month more than half a year ahead
        // is last year's, unless the sentence looks ahead.
        const int ahead = month - a.month();
        if (ahead > 6 && !future(c))
            --year;
        else if (ahead < -6 && future(c))
            ++year;
    }
    return TimexValue::month(year, month);
}

QString TimexResolver::dayWithoutYear(const Candidate &c, int month, int day)
{
    if (!m_published)
        return u"XXXX-"_s + pad(month) + u'-' + pad(day);
    const QDate a = anchor();
    int year = a.year();
    const qint64 ahead = a.daysTo(QDate(year, month, std::min(day, QDate(year, month, 1).daysInMonth())));
    if (ahead > 183 && !future(c))
        --year;
    else if (ahead < -183 && future(c))
        ++year;
    if (!QDate::isValid(year, month, day))
        return {};
    return TimexValue::day(QDate(year, month, day));
}

QString TimexResolver::weekday(const Candidate &c, int weekday, const QString &rel)
{
    if (!m_published)
        return u"XXXX-WXX-"_s + QString::number(weekday);
    const QDate a = anchor();
    const int back = (a.dayOfWeek() - weekday + 7) % 7; // days back to the latest such day
    QDate day;
    if (rel == u"last"_s || rel == u"past"_s || rel == u"previous"_s)
        day = a.addDays(-(back == 0 ? 7 : back));
    else if (rel == u"next"_s || rel == u"coming"_s || rel == u"following"_s)
        day = a.addDays(back == 0 ? 7 : 7 - back);
    else if (back != 0 && future(c))
        day = a.addDays(7 - back);
    else
        day = a.addDays(-back);
    return TimexValue::day(day);
}

QString TimexResolver::quarterOrHalf(const Candidate &c, bool half, int number, const QString &ord)
{
    const QString letter = half ? u"H"_s : u"Q"_s;
    const int perYear = half ? 2 : 4;
    const QStringView yearText = captured(c, Group::Year);
    const QString yrel = lower(captured(c, Group::Yrel));
    if (!m_published && yearText.isEmpty())
        return number > 0 ? u"XXXX-"_s + letter + QString::number(number) : QString();
    const QDate a = anchor();
    const int current = half ? (a.month() - 1) / 6 + 1 : (a.month() - 1) / 3 + 1;
    int year = yearText.isEmpty() ? a.year() : yearText.toInt();
    if (yrel == u"last"_s)
        --year;
    else if (yrel == u"next"_s)
        ++year;
    if (number == 0) {
        // "the last quarter": the one before the current one.
        number = current;
        if (ord == u"last"_s || ord == u"previous"_s || ord == u"past"_s || ord == u"latest"_s)
            --number;
        else if (ord == u"next"_s || ord == u"coming"_s)
            ++number;
        else if (ord == u"final"_s)
            number = perYear;
        if (number < 1) {
            number = perYear;
            --year;
        } else if (number > perYear) {
            number = 1;
            ++year;
        }
    } else if (yearText.isEmpty() && yrel.isEmpty() && number > current && !future(c)) {
        --year; // results are reported for quarters that are over
    }
    return pad(year, 4) + u'-' + letter + QString::number(number);
}

QString TimexResolver::relativePeriod(const QString &rel, const QString &unit)
{
    const bool back = rel == u"last"_s || rel == u"past"_s || rel == u"previous"_s;
    const bool ahead = rel == u"next"_s || rel == u"coming"_s || rel == u"following"_s;
    const int step = back ? -1 : ahead ? 1 : 0;
    if (!m_published) {
        if (unit == u"year"_s)
            return u"XXXX"_s;
        if (unit == u"month"_s)
            return u"XXXX-XX"_s;
        if (unit == u"week"_s || unit == u"weekend"_s)
            return u"XXXX-WXX"_s;
        return {};
    }
    const QDate a = anchor();
    if (unit == u"week"_s)
        return TimexValue::isoWeek(a.addDays(7 * step));
    if (unit == u"weekend"_s)
        return TimexValue::isoWeek(a.addDays(7 * step)) + u"-WE"_s;
    if (unit == u"month"_s) {
        const QDate m = a.addMonths(step);
        return TimexValue::month(m.year(), m.month());
    }
    if (unit == u"year"_s)
        return pad(a.year() + step, 4);
    if (unit == u"quarter"_s)
        return TimexValue::quarter(a.addMonths(3 * step));
    if (unit == u"decade"_s)
        return pad((a.year() + 10 * step) / 10, 3);
    if (unit == u"century"_s)
        return pad(a.year() / 100 + step, 2);
    return {};
}

std::optional<Timex> TimexResolver::resolve(const Candidate &c)
{
    Timex t;
    t.begin = c.begin;
    t.end = c.end;
    t.text = m_text.sliced(c.begin, c.end - c.begin);
    t.type = u"DATE"_s;
    TimexValue::Part part = partOf(c);
    QString edtf;
    bool dated = true;
    const QDate a = anchor();
    const QString rel = lower(captured(c, Group::Rel));
    const QString tod = timeOfDayCode(captured(c, Group::Tod));

    switch (c.rule) {
    case Rule::IsoDate: {
        const QDate d(captured(c, Group::Year).toInt(), captured(c, Group::Month).toInt(),
                      captured(c, Group::Day).toInt());
        if (!d.isValid())
            return std::nullopt;
        t.value = TimexValue::day(d);
        if (!captured(c, Group::Hour).isEmpty()) {
            t.type = u"TIME"_s;
            t.value += u'T' + captured(c, Group::Hour) + u':' + captured(c, Group::Minute);
        }
        break;
    }
    case Rule::NumericDate: {
        // Month first, as in American news, unless the first number cannot be a month.
        int month = captured(c, Group::A).toInt();
        int day = captured(c, Group::B).toInt();
        if (month > 12)
            std::swap(month, day);
        int year = captured(c, Group::Year).toInt();
        if (captured(c, Group::Year).size() == 2)
            year += year <= (a.isValid() ? a.year() % 100 + 10 : 30) ? 2000 : 1900;
        if (!QDate::isValid(year, month, day))
            return std::nullopt;
        t.value = TimexValue::day(QDate(year, month, day));
        break;
    }
    case Rule::MonthDay:
    case Rule::DayMonth: {
        const int month = monthNumber(captured(c, Group::Month));
        const int day = captured(c, Group::Day).toInt();
        if (captured(c, Group::Year).isEmpty()) {
            t.value = dayWithoutYear(c, month, day);
        } else {
            const int year = captured(c, Group::Year).toInt();
            if (!QDate::isValid(year, month, day))
                return std::nullopt;
            t.value = TimexValue::day(QDate(year, month, day));
        }
        break;
    }
    case Rule::MonthYear:
        t.value = TimexValue::month(captured(c, Group::Year).toInt(), monthNumber(captured(c, Group::Month)));
        break;
    case Rule::Month: {
        // A bare month name needs a word that makes it a date ("in May"), or "May" is the verb.
        static const QStringList introducers {
            u"in"_s,     u"since"_s,  u"until"_s, u"till"_s, u"by"_s,   u"from"_s, u"of"_s,      u"through"_s,
            u"during"_s, u"before"_s, u"after"_s, u"to"_s,   u"and"_s,  u"or"_s,   u"between"_s, u"early"_s,
            u"late"_s,   u"mid"_s,    u"for"_s,   u"last"_s, u"next"_s, u"this"_s, u"that"_s,    u"on"_s
        };
        const bool possessive = c.end + 1 < m_text.size() && (m_text[c.end] == u'\'' || m_text[c.end] == u'’')
            && m_text[c.end + 1] == u's';
        if (rel.isEmpty() && part == TimexValue::Part::Whole && !possessive
            && !introducers.contains(previousWord(c.begin)))
            return std::nullopt;
        // "February 30": a number after the month that did not make a day makes no month either.
        static const QRegularExpression number(uR"(^\s+\d)"_s);
        if (number.match(after(c.end)).hasMatch())
            return std::nullopt;
        t.value = monthOnly(c, monthNumber(captured(c, Group::Month)), rel);
        break;
    }
    case Rule::Weekday:
        t.value = weekday(c, weekdayNumber(captured(c, Group::Weekday)), rel);
        if (!tod.isEmpty()) {
            t.value += tod;
            t.type = u"TIME"_s;
        }
        break;
    case Rule::Season: {
        const QString season = lower(captured(c, Group::Season));
        const bool hasYear = !captured(c, Group::Year).isEmpty();
        static const QStringList cues { u"in"_s,    u"this"_s, u"last"_s,   u"next"_s, u"since"_s,
                                        u"until"_s, u"by"_s,   u"during"_s, u"over"_s, u"through"_s };
        const bool introduced = (!rel.isEmpty() && rel != u"the"_s) || hasYear
            || part != TimexValue::Part::Whole
            || (season != u"fall"_s && cues.contains(previousWord(c.begin)));
        if (!introduced)
            return std::nullopt;
        const QString code = season == u"spring"_s ? u"SP"_s
            : season == u"summer"_s                ? u"SU"_s
            : season == u"winter"_s                ? u"WI"_s
                                                   : u"FA"_s;
        if (!hasYear && !m_published) {
            t.value = u"XXXX-"_s + code;
            break;
        }
        int year = hasYear ? captured(c, Group::Year).toInt() : a.year();
        if (!hasYear && (rel == u"last"_s || rel == u"past"_s || rel == u"previous"_s))
            --year;
        else if (!hasYear && (rel == u"next"_s || rel == u"coming"_s))
            ++year;
        t.value = pad(year, 4) + u'-' + code;
        break;
    }
    case Rule::Quarter: {
        const QString ord = lower(captured(c, Group::Ord));
        static const QStringList ordinals { u"first"_s, u"second"_s, u"third"_s, u"fourth"_s };
        static const QStringList numbered { u"1st"_s, u"2nd"_s, u"3rd"_s, u"4th"_s };
        int number = captured(c, Group::Q).toInt();
        if (number == 0)
            number = int(std::max(ordinals.indexOf(ord), numbered.indexOf(ord))) + 1;
        t.value = quarterOrHalf(c, false, number, ord);
        break;
    }
    case Rule::Half: {
        const QString ord = lower(captured(c, Group::Ord));
        t.value = quarterOrHalf(c, true, ord == u"first"_s ? 1 : 2, ord);
        break;
    }
    case Rule::Decade: {
        if (!captured(c, Group::Full).isEmpty()) {
            t.value = captured(c, Group::Full).toString();
        } else {
            // '90s: the latest such decade that has begun.
            const int digit = captured(c, Group::Short).toInt();
            const int century = a.isValid() && digit * 10 <= a.year() % 100 ? a.year() / 100 : 19;
            t.value = QString::number(century) + QString::number(digit);
        }
        break;
    }
    case Rule::Century:
        t.value = pad(captured(c, Group::C).toInt() - 1, 2);
        break;
    case Rule::Year: {
        // A round number before a plural noun counts things ("2000 jobs"), it is not a year.
        const int year = captured(c, Group::Year).toInt();
        static const QRegularExpression countedNoun(uR"(^\s+[a-z]+s\b)"_s);
        if (year % 100 == 0 && countedNoun.match(after(c.end)).hasMatch())
            return std::nullopt;
        t.value = pad(year, 4);
        break;
    }
    case Rule::RelativeDay: {
        const QString word = lower(captured(c, Group::Rd)).simplified();
        const int offset = word == u"yesterday"_s   ? -1
            : word == u"tomorrow"_s                 ? 1
            : word == u"the day before yesterday"_s ? -2
            : word == u"the day after tomorrow"_s   ? 2
                                                    : 0;
        t.value = m_published ? TimexValue::day(a.addDays(offset)) : u"XXXX-XX-XX"_s;
        const QString code = word == u"tonight"_s ? u"TNI"_s : tod;
        if (!code.isEmpty()) {
            t.value += code;
            t.type = u"TIME"_s;
        }
        break;
    }
    case Rule::RelativePeriod: {
        const QString unit = lower(captured(c, Group::Unit));
        const QString partWord = lower(captured(c, Group::Part));
        t.value = relativePeriod(rel, unit);
        // "earlier this year" runs from the year's start to now, "later this year" from now on.
        if (m_published && rel == u"this"_s && (partWord == u"earlier"_s || partWord == u"later"_s)) {
            const auto whole =
                DateRange::parse(TimexValue::toEdtf(t.value, TimexValue::Part::Whole, a).toUtf8());
            const QString first = whole ? DateRange::isoDay(whole->first) : TimexValue::day(a);
            const QString last = whole ? DateRange::isoDay(whole->last) : TimexValue::day(a);
            edtf = partWord == u"earlier"_s ? first + u'/' + TimexValue::day(a) : TimexValue::day(a) + u'/' + last;
        }
        break;
    }
    case Rule::PartOfPeriod:
        t.value = relativePeriod(u"this"_s, lower(captured(c, Group::Unit)));
        break;
    case Rule::Ago: {
        const int n = numberValue(captured(c, Group::N).toString());
        const QString unit = lower(captured(c, Group::Unit));
        const QString dir = lower(captured(c, Group::Dir));
        const bool ago = dir == u"ago"_s || dir == u"earlier"_s;
        if (n < 0 || !m_published) {
            t.value = ago ? u"PAST_REF"_s : u"FUTURE_REF"_s;
            break;
        }
        const int step = ago ? -n : n;
        if (unit == u"day"_s) {
            t.value = TimexValue::day(a.addDays(step));
        } else if (unit == u"week"_s) {
            t.value = TimexValue::isoWeek(a.addDays(7 * step));
        } else if (unit == u"month"_s) {
            const QDate m = a.addMonths(step);
            t.value = TimexValue::month(m.year(), m.month());
        } else if (unit == u"year"_s) {
            t.value = pad(a.year() + step, 4);
        } else {
            t.value = pad((a.year() + 10 * step) / 10, 3);
        }
        part = TimexValue::Part::Approximate;
        break;
    }
    case Rule::PresentRef:
        t.value = u"PRESENT_REF"_s;
        break;
    case Rule::PastRef:
        t.value = u"PAST_REF"_s;
        break;
    case Rule::FutureRef:
        t.value = u"FUTURE_REF"_s;
        break;
    case Rule::ClockTime:
    case Rule::HourTime:
    case Rule::NamedTime: {
        int hour = captured(c, Group::Hour).toInt();
        int minute = captured(c, Group::Minute).toInt();
        const QString ampm = lower(captured(c, Group::Ampm));
        const QString word = lower(captured(c, Group::Word));
        if (!word.isEmpty()) {
            hour = word == u"midnight"_s ? 0 : 12;
            minute = 0;
        }
        if (ampm.startsWith(u'p') && hour < 12)
            hour += 12;
        else if (ampm.startsWith(u'a') && hour == 12)
            hour = 0;
        const QDate day = m_lastDay.isValid() ? m_lastDay : a;
        const QStringView zone = captured(c, Group::Zone);
        t.type = u"TIME"_s;
        t.value = (day.isValid() ? TimexValue::day(day) : u"XXXX-XX-XX"_s) + u'T' + pad(hour) + u':' + pad(minute)
            + (zone == u"UTC"_s || zone == u"GMT"_s ? u"Z"_s : QString());
        break;
    }
    case Rule::Duration: {
        const int n = numberValue(captured(c, Group::N).toString());
        const QString unit = lower(captured(c, Group::Unit));
        const QString count = n < 0 ? u"X"_s : QString::number(n);
        t.type = u"DURATION"_s;
        if (unit.startsWith(u"second"_s) || unit.startsWith(u"minute"_s) || unit.startsWith(u"hour"_s))
            t.value = u"PT"_s + count + unit.at(0).toUpper();
        else if (unit.startsWith(u"decade"_s))
            t.value = u"P"_s + count + u"DE"_s;
        else if (unit.startsWith(u"centur"_s))
            t.value = u"P"_s + count + u"CE"_s;
        else
            t.value = u"P"_s + count + unit.at(0).toUpper();
        dated = false;
        break;
    }
    case Rule::Set: {
        const QString unit = lower(captured(c, Group::Unit));
        t.type = u"SET"_s;
        if (!captured(c, Group::Adverb).isEmpty() || unit == u"year"_s)
            t.value = u"P1Y"_s;
        else if (const int wd = weekdayNumber(unit); wd > 0 && unit.size() > 5)
            t.value = u"XXXX-WXX-"_s + QString::number(wd);
        else if (unit == u"morning"_s || unit == u"evening"_s || unit == u"night"_s)
            t.value = u"P1D"_s;
        else
            t.value = u"P1"_s + unit.at(0).toUpper();
        dated = false;
        break;
    }
    }
    if (t.value.isEmpty())
        return std::nullopt;
    if (dated && !t.value.contains(u'X'))
        t.edtf = edtf.isEmpty() ? TimexValue::toEdtf(t.value, part, a) : edtf;
    if (t.value.size() >= 10 && t.value.at(4) == u'-' && t.value.at(7) == u'-' && t.value.at(0).isDigit()) {
        // The values written above hold digits there: read them without QDate's parser.
        const QStringView v(t.value);
        bool okYear = false, okMonth = false, okDay = false;
        const int year = v.first(4).toInt(&okYear);
        const int month = v.sliced(5, 2).toInt(&okMonth);
        const int day = v.sliced(8, 2).toInt(&okDay);
        m_lastDay = okYear && okMonth && okDay ? QDate(year, month, day)
                                               : QDate::fromString(v.first(10), Qt::ISODate);
    }
    return t;
}
