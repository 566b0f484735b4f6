#include "quotemismatch.h"

#include "plaintext.h"

#include <QChar>
#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

struct Named
{
    char32_t code;
    std::string_view name;
};

// Characters that hide or pass for others in a quote: spaces and joiners, quotation marks,
// dashes and the like. Their names are Unicode's.
constexpr std::array s_names = {
    Named { 0x0009, "CHARACTER TABULATION" },
    Named { 0x000A, "LINE FEED" },
    Named { 0x000D, "CARRIAGE RETURN" },
    Named { 0x0020, "SPACE" },
    Named { 0x0022, "QUOTATION MARK" },
    Named { 0x0027, "APOSTROPHE" },
    Named { 0x002D, "HYPHEN-MINUS" },
    Named { 0x002E, "FULL STOP" },
    Named { 0x0060, "GRAVE ACCENT" },
    Named { 0x00A0, "NO-BREAK SPACE" },
    Named { 0x00AB, "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK" },
    Named { 0x00AD, "SOFT HYPHEN" },
    Named { 0x00B4, "ACUTE ACCENT" },
    Named { 0x00BB, "RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK" },
    Named { 0x02BC, "MODIFIER LETTER APOSTROPHE" },
    Named { 0x2002, "EN SPACE" },
    Named { 0x2003, "EM SPACE" },
    Named { 0x2007, "FIGURE SPACE" },
    Named { 0x2009, "THIN SPACE" },
    Named { 0x200A, "HAIR SPACE" },
    Named { 0x200B, "ZERO WIDTH SPACE" },
    Named { 0x200C, "ZERO WIDTH NON-JOINER" },
    Named { 0x200D, "ZERO WIDTH JOINER" },
    Named { 0x200E, "LEFT-TO-RIGHT MARK" },
    Named { 0x200F, "RIGHT-TO-LEFT MARK" },
    Named { 0x2010, "HYPHEN" },
    Named { 0x2011, "NON-BREAKING HYPHEN" },
    Named { 0x2012, "FIGURE DASH" },
    Named { 0x2013, "EN DASH" },
    Named { 0x2014, "EM DASH" },
    Named { 0x2018, "LEFT SINGLE QUOTATION MARK" },
    Named { 0x2019, "RIGHT SINGLE QUOTATION MARK" },
    Named { 0x201A, "SINGLE LOW-9 QUOTATION MARK" },
    Named { 0x201C, "LEFT DOUBLE QUOTATION MARK" },
    Named { 0x201D, "RIGHT DOUBLE QUOTATION MARK" },
    Named { 0x201E, "DOUBLE LOW-9 QUOTATION MARK" },
    Named { 0x2026, "HORIZONTAL ELLIPSIS" },
    Named { 0x2028, "LINE SEPARATOR" },
    Named { 0x2029, "PARAGRAPH SEPARATOR" },
    Named { 0x202F, "NARROW NO-BREAK SPACE" },
    Named { 0x2032, "PRIME" },
    Named { 0x2060, "WORD JOINER" },
    Named { 0x2212, "MINUS SIGN" },
    Named { 0x3000, "IDEOGRAPHIC SPACE" },
    Named { 0xFEFF, "ZERO WIDTH NO-BREAK SPACE" },
};

QString codePoint(char32_t c)
{
    return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

// Whether a character shows nothing of itself: it is then named without being printed.
bool invisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
        return true;
    default:
        return false;
    }
}

char32_t codeAt(QStringView text, qsizetype i)
{
    if (QChar::isHighSurrogate(text[i].unicode()) && i + 1 < text.size()
        && QChar::isLowSurrogate(text[i + 1].unicode()))
        return QChar::surrogateToUcs4(text[i], text[i + 1]);
    return text[i].unicode();
}

// Where the longest run of `quote`, kept from its start (`fromStart`) or its end, occurs in the
// source: its length and its position there. The run that is found only grows with the length
// tried, so a binary search over lengths needs few look-ups.
std::pair<qsizetype, qsizetype> longestRun(QStringView quote, bool fromStart,
                                           const QuoteMismatch::Finder &find)
{
    qsizetype found = 0, at = -1, low = 1, high = quote.size();
    while (low <= high) {
        const qsizetype length = low + (high - low) / 2;
        const qsizetype pos = find(fromStart ? quote.first(length) : quote.last(length));
        if (pos >= 0) {
            found = length;
            at = pos;
            low = length + 1;
        } else {
            high = length - 1;
        }
    }
    return { found, at };
}

// A run from the quote's start this long places it in the source, however long the run from its end.
constexpr qsizetype s_enoughToPlace = 8;

// A quote longer than this is shown around the place it differs, not whole.
constexpr qsizetype s_shownWhole = 120;
constexpr qsizetype s_context = 40;

} // namespace

QString QuoteMismatch::nameOf(char32_t c)
{
    const auto named =
        std::find_if(s_names.begin(), s_names.end(), [c](const Named &n) { return n.code == c; });
    const bool plain = named == s_names.end() && !invisible(c) && c < 0x80;
    if (plain)
        return u'\'' + QString::fromUcs4(&c, 1) + u'\'';
    QString description = codePoint(c);
    if (named != s_names.end())
        description += u' ' + QLatin1StringView(named->name.data(), qsizetype(named->name.size()));
    if (invisible(c))
        return description;
    return QString::fromUcs4(&c, 1) + u" ("_s + description + u')';
}

QString QuoteMismatch::describe(QStringView source, QStringView quote, const Finder &find)
{
    const Finder finder =
        find ? find : Finder([source](QStringView needle) { return source.indexOf(needle); });
    const auto [headLength, headAt] = longestRun(quote, true, finder);
    const auto [tailLength, tailAt] = longestRun(quote, false, finder);

    // Where the quote parts from the closest passage, in the quote and in the source. The run
    // from the start says where it first differs; the one from the end is taken only when the
    // start is too short to place the quote (its first character changed, say).
    qsizetype inQuote = 0, inSource = -1;
    const bool fromStart = headLength > 0 && (headLength >= tailLength || headLength >= s_enoughToPlace);
    if (fromStart) {
        inQuote = headLength;
        inSource = headAt + headLength;
    } else if (tailLength > 0) {
        inQuote = quote.size() - tailLength - 1;
        inSource = tailAt - 1;
    }
    if (inQuote > 0 && inQuote < quote.size() && quote[inQuote].isLowSurrogate())
        --inQuote, --inSource; // a whole character, not half of one

    QString where;
    // A few letters in common with the source place the quote nowhere.
    const qsizetype placing = std::max<qsizetype>(4, quote.size() / 3);
    if (std::max(headLength, tailLength) < placing) {
        where = QCoreApplication::translate("QuoteMismatch", "no passage of the source comes close to it");
    } else {
        const char32_t has = codeAt(quote, inQuote);
        const QString sourceSide = inSource < 0 || inSource >= source.size()
            ? (inSource < 0 ? QCoreApplication::translate("QuoteMismatch", "the source starts")
                            : QCoreApplication::translate("QuoteMismatch", "the source ends"))
            : QCoreApplication::translate("QuoteMismatch", "the source has %1")
                  .arg(nameOf(codeAt(source, inSource)));
        // Characters, not UTF-16 units, counted from 1 as a person counts.
        const QStringView before = quote.first(inQuote);
        const qsizetype character = inQuote
            - std::count_if(before.begin(), before.end(), [](QChar c) { return c.isLowSurrogate(); }) + 1;
        where =
            QCoreApplication::translate("QuoteMismatch", "at character %1 of the quote it has %2 where %3")
                .arg(QString::number(character), nameOf(has), sourceSide);
    }

    QString shown;
    if (quote.size() <= s_shownWhole) {
        shown = PlainText::quoted(quote, s_shownWhole);
    } else {
        const qsizetype from = std::max<qsizetype>(0, inQuote - s_context);
        const qsizetype to = std::min(quote.size(), inQuote + s_context);
        shown = PlainText::quoted(quote.sliced(from, to - from), 2 * s_context);
        if (from > 0)
            shown.insert(1, u'…');
        if (to < quote.size() && !shown.endsWith(u"…\""_s))
            shown.insert(shown.size() - 1, u'…');
    }
    return where + u": "_s + shown;
}
