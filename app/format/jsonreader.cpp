#include "jsonreader.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace {

bool isContinuation(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The four hexadecimal digits of a \u escape at `p`, or -1.
int hexQuad(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// The byte a backslash and `c` stand for, for every escape but \u; 0 for any other `c`.
char escapedByte(char c)
{
    switch (c) {
    case '"':
    case '\\':
    case '/':
        return c;
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return 0;
    }
}

// The code point of a UTF-16 surrogate pair.
char32_t fromSurrogates(int high, int low)
{
    return 0x10000 + ((char32_t(high) - 0xd800) << 10) + (char32_t(low) - 0xdc00);
}

// Writes `c` as UTF-8 at `out`; returns the end.
char *writeUtf8(char *out, char32_t c)
{
    if (c < 0x80) {
        *out++ = char(c);
    } else if (c < 0x800) {
        *out++ = char(0xc0 | (c >> 6));
        *out++ = char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        *out++ = char(0xe0 | (c >> 12));
        *out++ = char(0x80 | ((c >> 6) & 0x3f));
        *out++ = char(0x80 | (c & 0x3f));
    } else {
        *out++ = char(0xf0 | (c >> 18));
        *out++ = char(0x80 | ((c >> 12) & 0x3f));
        *out++ = char(0x80 | ((c >> 6) & 0x3f));
        *out++ = char(0x80 | (c & 0x3f));
    }
    return out;
}

// The characters of UTF-8 in [p, end): its bytes but continuation bytes.
qsizetype countCharacters(const char *p, const char *end)
{
    qsizetype continuations = 0;
    const qsizetype bytes = end - p;
#if defined(__SSE2__)
    // Continuation bytes, 0x80 to 0xBF, are those below 0xC0 as signed bytes.
    const __m128i lead = _mm_set1_epi8(char(0xc0));
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        continuations += std::popcount(unsigned(_mm_movemask_epi8(_mm_cmplt_epi8(v, lead))));
    }
#endif
    for (; p < end; ++p)
        continuations += isContinuation(static_cast<unsigned char>(*p));
    return bytes - continuations;
}

// Text beyond ASCII is checked by a state machine of UTF-8 (RFC 3629) that also reads printable
// ASCII, so that a line of Cyrillic or CJK with its spaces, digits and commas is one loop. Each
// state is a number of bits, and a byte's row holds, at that many bits up, the next state: one
// shift a byte, where a branch on each sequence's length costs a misprediction at most changes
// of script. The states: between characters; one, two or three continuation bytes to come;
// after E0, ED, F0 or F4, whose second byte has a narrower range; and the error, which a byte
// that is no character (or '"', '\\' or a control character) leads to and never leaves.
namespace Utf8Machine {

enum State : std::uint8_t { Between, Need1, Need2, Need3, AfterE0, AfterED, AfterF0, AfterF4, Error, States };

constexpr int bitsOf(State state)
{
    return 6 * state;
}

constexpr State next(State state, unsigned char c)
{
    const bool continuation = c >= 0x80 && c <= 0xbf;
    switch (state) {
    case Between:
        if (c < 0x80)
            return c >= 0x20 && c != '"' && c != '\\' ? Between : Error;
        if (c >= 0xc2 && c <= 0xdf)
            return Need1;
        if (c == 0xe0)
            return AfterE0;
        if (c == 0xed)
            return AfterED;
        if (c >= 0xe1 && c <= 0xef)
            return Need2;
        if (c == 0xf0)
            return AfterF0;
        if (c == 0xf4)
            return AfterF4;
        if (c >= 0xf1 && c <= 0xf3)
            return Need3;
        return Error;
    case Need1:
        return continuation ? Between : Error;
    case Need2:
        return continuation ? Need1 : Error;
    case Need3:
        return continuation ? Need2 : Error;
    case AfterE0:
        return c >= 0xa0 && c <= 0xbf ? Need1 : Error;
    case AfterED:
        return c >= 0x80 && c <= 0x9f ? Need1 : Error;
    case AfterF0:
        return c >= 0x90 && c <= 0xbf ? Need2 : Error;
    case AfterF4:
        return c >= 0x80 && c <= 0x8f ? Need2 : Error;
    default:
        return Error;
    }
}

constexpr auto rows = [] {
    static_assert(6 * States <= 64);
    std::array<std::uint64_t, 256> table {};
    for (int c = 0; c < 256; ++c) {
        for (int state = 0; state < States; ++state)
            table[std::size_t(c)] |= std::uint64_t(bitsOf(next(State(state), static_cast<unsigned char>(c))))
                << bitsOf(State(state));
    }
    return table;
}();

// The start of the first character from `p` on that a string does not hold as it is: '"', '\\',
// a control character, or bytes that are not UTF-8 (at `end`, the start of a character cut off
// there). Up to it, the bytes are printable ASCII and valid UTF-8.
const char *skipText(const char *p, const char *end)
{
    const char *characterStart = p;
    std::uint64_t state = bitsOf(Between);
    while (p < end) {
        // The shift takes the state's lowest six bits, which are all it has once masked.
        state = rows[static_cast<unsigned char>(*p++)] >> (state & 63);
        if ((state & 63) == bitsOf(Between))
            characterStart = p;
        else if ((state & 63) == bitsOf(Error))
            break;
    }
    return characterStart;
}

#if defined(__SSE2__)
// The start of the first block of 16 bytes from `p` on that is not all printable ASCII other
// than '"' and '\\' and well-formed UTF-8, or, when a character runs into that block from the
// one before, that character's start: skipText() goes on from there. Each byte is checked
// against the three before it, as in Keiser and Lemire's validation ("Validating UTF-8 in less
// than one instruction per byte", 2021), with the compares that SSE2 has: a byte must be a
// continuation exactly when a lead up to three bytes back calls for one, and the second byte
// after E0, ED, F0 and F4 has its narrower range.
const char *skipTextBlocks(const char *p, const char *end)
{
    const char *const begin = p;
    const auto bytes = [](int c) {
        return _mm_set1_epi8(static_cast<char>(c));
    };
    // As signed bytes, ASCII is 0 to 127 and the rest -128 (0x80) to -1 (0xFF).
    const auto within = [](__m128i v, int low, int high) { // low <= v <= high, as signed bytes
        const __m128i outside = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(low))),
                                             _mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(high))));
        return _mm_cmpeq_epi8(outside, _mm_setzero_si128());
    };
    const auto signedByte = [](int c) {
        return c >= 0x80 ? c - 0x100 : c;
    };
    __m128i before = _mm_setzero_si128(); // the block before: ASCII, at the text's start
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i back1 = _mm_or_si128(_mm_slli_si128(v, 1), _mm_srli_si128(before, 15));
        const __m128i back2 = _mm_or_si128(_mm_slli_si128(v, 2), _mm_srli_si128(before, 14));
        const __m128i back3 = _mm_or_si128(_mm_slli_si128(v, 3), _mm_srli_si128(before, 13));
        const __m128i continuation = within(v, signedByte(0x80), signedByte(0xbf));
        const __m128i expected = _mm_or_si128(
            within(back1, signedByte(0xc0), -1),
            _mm_or_si128(within(back2, signedByte(0xe0), -1), within(back3, signedByte(0xf0), -1)));
        __m128i bad = _mm_xor_si128(continuation, expected);
        bad = _mm_or_si128(bad, within(v, signedByte(0xc0), signedByte(0xc1))); // overlong 2 bytes
        bad = _mm_or_si128(bad, within(v, signedByte(0xf5), -1)); // past U+10FFFF
        const auto after = [&](int lead, int low, int high) { // a second byte outside [low, high]
            return _mm_andnot_si128(within(v, signedByte(low), signedByte(high)),
                                    _mm_cmpeq_epi8(back1, bytes(lead)));
        };
        bad = _mm_or_si128(bad, _mm_or_si128(after(0xe0, 0xa0, 0xbf), after(0xed, 0x80, 0x9f)));
        bad = _mm_or_si128(bad, _mm_or_si128(after(0xf0, 0x90, 0xbf), after(0xf4, 0x80, 0x8f)));
        bad = _mm_or_si128(bad, within(v, 0, 0x1f));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, bytes('"')), _mm_cmpeq_epi8(v, bytes('\\'))));
        if (_mm_movemask_epi8(bad))
            break;
        before = v;
    }
    // The blocks before were whole characters up to one that may run into this block.
    for (const char *q = p - 1; q >= begin && q >= p - 3; --q) {
        const auto c = static_cast<unsigned char>(*q);
        if (c < 0x80)
            break;
        if (c >= 0xc0)
            return q + (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > p ? q : p;
    }
    return p;
}
#endif

} // namespace Utf8Machine

// Bytes that a string holds as they are: printable ASCII other than '"' and '\\'.
bool isPlainText(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

// The bytes of `word` that are not plain text, each marked by its high bit: '"', '\\', below
// 0x20, or 0x80 and above (the classic "has a zero byte" trick). A borrow can mark a byte
// wrongly, but only one above a byte marked rightly, so the lowest mark is always right.
std::uint64_t plainTextEnds(std::uint64_t word)
{
    constexpr std::uint64_t ones = 0x0101'0101'0101'0101u;
    constexpr std::uint64_t highs = 0x8080'8080'8080'8080u;
    const auto zeroBytes = [](std::uint64_t w) {
        return (w - ones) & ~w;
    };
    return (zeroBytes(word ^ (ones * '"')) | zeroBytes(word ^ (ones * '\\')) | ((word - ones * 0x20) & ~word)
            | word)
        & highs;
}

QString byteName(unsigned char c)
{
    return QCoreApplication::translate("JsonReader", "byte 0x%1")
        .arg(QString::number(c, 16).toUpper().rightJustified(2, u'0'));
}

// Quotation marks that word processors put where JSON needs a straight ", as UTF-8.
struct CurlyQuote
{
    QByteArrayView utf8;
    char16_t code;
};
constexpr CurlyQuote s_curlyQuotes[] = {
    { "\xE2\x80\x9C", u'\u201C' }, { "\xE2\x80\x9D", u'\u201D' }, { "\xE2\x80\x9E", u'\u201E' },
    { "\xE2\x80\x98", u'\u2018' }, { "\xE2\x80\x99", u'\u2019' }, { "\xC2\xAB", u'\u00AB' },
    { "\xC2\xBB", u'\u00BB' },
};

bool isIdentifierStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

bool isIdentifierPart(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

} // namespace

JsonReader::JsonReader(QByteArrayView input, int maxDepth)
    : m_input(input)
    , m_begin(input.data())
    , m_pos(input.data())
    , m_end(input.data() + input.size())
    , m_maxDepth(maxDepth)
{
    if (input.startsWith("\xef\xbb\xbf")) // a UTF-8 byte order mark is allowed and ignored
        m_pos += 3;
}

bool JsonReader::atValue() const
{
    switch (m_token) {
    case Token::BeginObject:
    case Token::BeginArray:
    case Token::String:
    case Token::Number:
    case Token::True:
    case Token::False:
    case Token::Null:
        return true;
    default:
        return false;
    }
}

JsonReader::Token JsonReader::fail(qsizetype offset, const QString &message)
{
    m_error = message;
    m_errorOffset = offset;
    m_tokenStart = offset;
    m_text = {};
    return m_token = Token::Error;
}

QString JsonReader::describeHere() const
{
    if (m_pos >= m_end)
        return tr("the file ends");
    const auto c = static_cast<unsigned char>(*m_pos);
    if (c == 0)
        return tr("found a NUL byte");
    if (c < 0x20 || c >= 0x7f)
        return tr("found %1").arg(byteName(c));
    return tr("found '%1'").arg(QLatin1Char(char(c)));
}

QString JsonReader::mistakeHere(Expecting expecting) const
{
    const QByteArrayView rest(m_pos, m_end - m_pos);
    if (rest.startsWith("//") || rest.startsWith("/*"))
        return tr("JSON has no comments: remove the %1 comment")
            .arg(rest.startsWith("//") ? u"//"_s : u"/* */"_s);
    for (const CurlyQuote &curly : s_curlyQuotes) {
        if (rest.startsWith(curly.utf8))
            return tr("a curly quote %1 (U+%2) where JSON needs a straight double quote \"")
                .arg(QChar(curly.code), QString::number(curly.code, 16).toUpper().rightJustified(4, u'0'));
    }
    if (rest.startsWith('\'') && expecting != Expecting::Separator)
        return tr("a single quote ' where JSON needs a straight double quote \"");
    qsizetype length = 0;
    while (length < rest.size() && length < 40 && isIdentifierPart(rest[length]))
        ++length;
    const QByteArrayView word =
        length > 0 && isIdentifierStart(rest[0]) ? rest.first(length) : QByteArrayView();
    if (expecting == Expecting::Key && !word.isEmpty())
        return tr("a member name needs double quotes: write \"%1\", not %1").arg(QLatin1StringView(word));
    if (expecting == Expecting::Value && !word.isEmpty()) {
        static constexpr std::pair<QByteArrayView, QLatin1StringView> spellings[] = {
            { "True", "true"_L1 }, { "TRUE", "true"_L1 }, { "False", "false"_L1 }, { "FALSE", "false"_L1 },
            { "None", "null"_L1 }, { "NULL", "null"_L1 }, { "Null", "null"_L1 },
        };
        for (const auto &[wrong, right] : spellings) {
            if (word == wrong)
                return tr("JSON spells it %1, not %2").arg(right, QLatin1StringView(wrong));
        }
        for (const QByteArrayView literal :
             { QByteArrayView("true"), QByteArrayView("false"), QByteArrayView("null") }) {
            if (literal.startsWith(word) && word.size() < literal.size())
                return tr("expected %1, found %2 (cut short)")
                    .arg(QLatin1StringView(literal), QLatin1StringView(word));
        }
        if (word == "undefined" || word == "NaN" || word == "Infinity")
            return tr("JSON has no %1: write null or a number").arg(QLatin1StringView(word));
        return tr("text must be in double quotes: found %1").arg(QLatin1StringView(word));
    }
    if (expecting == Expecting::Separator && !rest.isEmpty()) {
        const char c = rest[0];
        const bool startsValue = c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9')
            || rest.startsWith("true") || rest.startsWith("false") || rest.startsWith("null");
        if (startsValue)
            return m_stack.back() == '{' ? tr("missing ',' between two members of an object")
                                         : tr("missing ',' between two elements of an array");
    }
    return {};
}

JsonReader::Token JsonReader::failHere(const QString &expected, Expecting expecting)
{
    const QString mistake = mistakeHere(expecting);
    return fail(m_tokenStart, mistake.isEmpty() ? expected.arg(describeHere()) : mistake);
}

inline void JsonReader::skipWhitespace()
{
    while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
        ++m_pos;
}

JsonReader::Token JsonReader::next()
{
    m_deferred = false;
    m_deferNow = std::exchange(m_deferFrom, 0);
    if (m_token == Token::Error || m_token == Token::EndOfDocument)
        return m_token;
    skipWhitespace();
    m_tokenStart = m_pos - m_begin;

    switch (m_state) {
    case State::Start:
        if (m_pos >= m_end)
            return fail(m_tokenStart, tr("the file is empty: expected a JSON value"));
        return readValue();
    case State::Done:
        if (m_pos < m_end)
            return failHere(tr("unexpected text after the end of the JSON value: %1"), Expecting::Nothing);
        return m_token = Token::EndOfDocument;
    case State::AfterKey:
        if (m_pos >= m_end || *m_pos != ':')
            return failHere(tr("expected ':' after the member name, %1"), Expecting::Colon);
        ++m_pos;
        skipWhitespace();
        m_tokenStart = m_pos - m_begin;
        return readValue();
    case State::AfterOpen:
    case State::AfterValue:
        break;
    }

    const bool inObject = m_stack.back() == '{';
    if (m_state == State::AfterOpen) {
        if (m_pos < m_end && *m_pos == (inObject ? '}' : ']'))
            return close();
        if (!inObject)
            return readValue();
        if (m_pos < m_end && *m_pos == '"')
            return readString(Token::Key);
        return failHere(tr("expected a member name in double quotes or '}', %1"), Expecting::Key);
    }

    // AfterValue
    if (m_pos < m_end && *m_pos == ',') {
        const qsizetype comma = m_pos - m_begin;
        ++m_pos;
        skipWhitespace();
        m_tokenStart = m_pos - m_begin;
        // The commonest slip of hand-written JSON: reported at the comma, not at what follows.
        if (m_pos < m_end && (*m_pos == ']' || *m_pos == '}'))
            return fail(comma,
                        *m_pos == '}'
                            ? tr("trailing comma before '}': JSON allows no comma after the last member")
                            : tr("trailing comma before ']': JSON allows no comma after the last element"));
        if (!inObject)
            return readValue();
        if (m_pos < m_end && *m_pos == '"')
            return readString(Token::Key);
        return failHere(tr("expected a member name in double quotes after ',', %1"), Expecting::Key);
    }
    if (m_pos < m_end && *m_pos == (inObject ? '}' : ']'))
        return close();
    return failHere(inObject ? tr("expected ',' or '}' after an object member, %1")
                             : tr("expected ',' or ']' after an array element, %1"),
                    Expecting::Separator);
}

JsonReader::Token JsonReader::readValue()
{
    if (m_pos >= m_end)
        return fail(m_tokenStart, tr("expected a value, but the file ends (is it truncated?)"));
    switch (*m_pos) {
    case '{':
        return open('{', Token::BeginObject);
    case '[':
        return open('[', Token::BeginArray);
    case '"':
        return readString(Token::String);
    case 't':
        return readLiteral("true", Token::True);
    case 'f':
        return readLiteral("false", Token::False);
    case 'n':
        return readLiteral("null", Token::Null);
    default:
        if (*m_pos == '-' || (*m_pos >= '0' && *m_pos <= '9'))
            return readNumber();
        // A stray word at the top is no JSON at all, not a value that lacks its quotes.
        return failHere(tr("expected a value, %1"), m_stack.empty() ? Expecting::Nothing : Expecting::Value);
    }
}

JsonReader::Token JsonReader::open(char bracket, Token kind)
{
    if (int(m_stack.size()) >= m_maxDepth)
        return fail(m_tokenStart, tr("nesting is deeper than %1 levels").arg(m_maxDepth));
    m_stack.push_back(bracket);
    ++m_pos;
    m_state = State::AfterOpen;
    return m_token = kind;
}

JsonReader::Token JsonReader::close()
{
    const Token kind = m_stack.back() == '{' ? Token::EndObject : Token::EndArray;
    m_stack.pop_back();
    ++m_pos;
    m_state = m_stack.empty() ? State::Done : State::AfterValue;
    return m_token = kind;
}

JsonReader::Token JsonReader::readLiteral(const char *word, Token kind)
{
    const QByteArrayView expected(word);
    if (QByteArrayView(m_pos, std::min<qsizetype>(m_end - m_pos, expected.size())) != expected)
        return failHere(tr("expected a value, %1"), Expecting::Value);
    m_pos += expected.size();
    m_state = m_stack.empty() ? State::Done : State::AfterValue;
    return m_token = kind;
}

JsonReader::Token JsonReader::readNumber()
{
    const char *start = m_pos;
    const auto digits = [this] {
        const char *from = m_pos;
        while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
            ++m_pos;
        return m_pos - from;
    };
    if (*m_pos == '-')
        ++m_pos;
    if (m_pos < m_end && *m_pos == '0') {
        ++m_pos;
        if (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
            return fail(m_tokenStart, tr("a number must not start with 0"));
    } else if (digits() == 0) {
        return fail(m_tokenStart, tr("expected a digit in the number, %1").arg(describeHere()));
    }
    if (m_pos < m_end && *m_pos == '.') {
        ++m_pos;
        if (digits() == 0)
            return fail(m_pos - m_begin,
                        tr("expected a digit after the decimal point, %1").arg(describeHere()));
    }
    if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
        ++m_pos;
        if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-'))
            ++m_pos;
        if (digits() == 0)
            return fail(m_pos - m_begin, tr("expected a digit in the exponent, %1").arg(describeHere()));
    }
    m_text = QByteArrayView(start, m_pos);
    m_state = m_stack.empty() ? State::Done : State::AfterValue;
    return m_token = Token::Number;
}

bool JsonReader::readDecodedInPlace(Token kind)
{
    while (m_nextDeferred < m_deferredStrings.size() && m_deferredStrings[m_nextDeferred].from < m_tokenStart)
        ++m_nextDeferred;
    if (kind != Token::String || m_nextDeferred == m_deferredStrings.size())
        return false;
    const DeferredString &string = m_deferredStrings[m_nextDeferred];
    if (string.from != m_tokenStart || string.decodedSize < 0)
        return false;
    m_text = QByteArrayView(m_begin + string.from + 1, string.decodedSize);
    m_rawString = true;
    m_pos = m_begin + string.to;
    m_state = m_stack.empty() ? State::Done : State::AfterValue;
    m_token = kind;
    return true;
}

JsonReader::Token JsonReader::readString(Token kind)
{
    if (m_nextDeferred < m_deferredStrings.size() && readDecodedInPlace(kind)) [[unlikely]]
        return kind;
    const char *start = ++m_pos;
    // Where a string that may be deferred stops being read, if it is that long: the text is
    // read up to there as any other, and only its end is looked for after.
    const qsizetype deferFrom = kind == Token::String ? m_deferNow : 0;
    const char *end = deferFrom > 0 && m_end - start > deferFrom + 1 ? start + deferFrom + 1 : m_end;
    const auto deferred = [&] {
        if (end == m_end)
            return false;
        end = m_end; // whatever happens: a string not closed is read to report it
        return deferString();
    };
    bool escaped = false;
    // Once there was an escape: the bytes from here to the next escape are copied as they are,
    // in one piece, however many characters of text and UTF-8 lie between.
    const char *verbatim = start;
    const auto decoded = [this](const char *text, qsizetype size) {
        if (m_counting)
            m_counted += size;
        else
            m_scratch.append(text, size);
    };
    for (;;) {
        // Plain ASCII runs are the common case by far: skip them.
        skipPlainText(end);
        if (m_pos >= end) {
            if (deferred())
                return m_token = kind;
            if (m_pos >= m_end)
                break;
            continue;
        }
        const auto c = static_cast<unsigned char>(*m_pos);
        if (c == '"')
            break;
        if (c < 0x20) {
            return fail(m_pos - m_begin,
                        c == 0 ? tr("a NUL byte inside a string")
                               : tr("a control character (%1) inside a string must be written as an escape")
                                     .arg(byteName(c)));
        }
        if (c >= 0x80) {
            // A run of text beyond ASCII (a word of Cyrillic, a line of CJK, with the ASCII
            // between) is read in one loop, not one word per call to skipPlainText().
#if defined(__SSE2__)
            m_pos = Utf8Machine::skipTextBlocks(m_pos, end);
#endif
            m_pos = Utf8Machine::skipText(m_pos, end);
            if (m_pos >= end || static_cast<unsigned char>(*m_pos) < 0x80)
                continue; // the string's end, '"', '\\' or a control character: seen above
            if (end != m_end && end - m_pos < 4
                && Utf8Machine::skipText(m_pos, std::min(m_end, m_pos + 4)) > m_pos) {
                // A character that runs on past where a deferred string stops being read.
                if (deferred())
                    return m_token = kind;
                continue; // read on to the string's real end
            }
            return fail(
                m_pos - m_begin,
                tr("invalid UTF-8 (%1) inside a string").arg(byteName(static_cast<unsigned char>(*m_pos))));
        }

        // A backslash.
        if (!escaped) {
            escaped = true;
            m_scratch.clear();
            m_counted = 0;
            if (!m_counting)
                m_scratch.reserve(m_decodedReserve);
        }
        decoded(verbatim, m_pos - verbatim);
        const char *escape = m_pos;
        if (++m_pos >= m_end)
            break;
        if (const char byte = escapedByte(*m_pos)) {
            decoded(&byte, 1);
        } else if (*m_pos == 'u') {
            const int unit = hexQuad(m_pos + 1, m_end);
            if (unit < 0)
                return fail(escape - m_begin, tr("\\u must be followed by four hexadecimal digits"));
            m_pos += 4;
            char32_t codePoint = char32_t(unit);
            if (unit >= 0xdc00 && unit <= 0xdfff)
                return fail(escape - m_begin, tr("\\u escape is an unpaired low surrogate"));
            if (unit >= 0xd800 && unit <= 0xdbff) {
                const int low =
                    m_end - m_pos > 2 && m_pos[1] == '\\' && m_pos[2] == 'u' ? hexQuad(m_pos + 3, m_end) : -1;
                if (low < 0xdc00 || low > 0xdfff)
                    return fail(escape - m_begin, tr("\\u escape is a high surrogate without its low half"));
                codePoint = fromSurrogates(unit, low);
                m_pos += 6;
            }
            char utf8[4];
            decoded(utf8, writeUtf8(utf8, codePoint) - utf8);
        } else {
            return fail(escape - m_begin,
                        tr("invalid escape: a backslash must be followed by one of \" \\ / b f n r t u"));
        }
        verbatim = ++m_pos;
    }

    if (m_pos >= m_end)
        return fail(m_tokenStart, tr("a string is not closed: the file ends inside it (is it truncated?)"));
    if (escaped)
        decoded(verbatim, m_pos - verbatim);
    else
        m_counted = m_pos - start;
    m_rawString = !escaped;
    m_text =
        escaped ? (m_counting ? QByteArrayView() : QByteArrayView(m_scratch)) : QByteArrayView(start, m_pos);
    ++m_pos; // the closing quote
    m_state = kind == Token::Key ? State::AfterKey : (m_stack.empty() ? State::Done : State::AfterValue);
    return m_token = kind;
}

// From `m_pos`, between characters of a string: looks for its closing quote, '"' after anything
// but a backslash, and if there is one, leaves the string deferred, read up to past its end.
bool JsonReader::deferString()
{
    const char *p = m_pos;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (;;) {
        while (m_end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const int mask =
                _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
            if (mask != 0) {
                p += std::countr_zero(unsigned(mask));
                break;
            }
            p += 16;
        }
        while (p < m_end && *p != '"' && *p != '\\')
            ++p;
        if (p >= m_end || *p == '"')
            break;
        p += 2; // a backslash and what it escapes
    }
#else
    while (p < m_end && *p != '"')
        p += *p == '\\' ? 2 : 1;
#endif
    if (p >= m_end)
        return false; // not closed: read on, to report it where a full read does
    m_pos = p + 1;
    m_deferredStrings.push_back(
        { m_tokenStart, m_pos - m_begin, countCharacters(m_begin + m_tokenStart, m_pos) });
    m_nextDeferred = m_deferredStrings.size();
    m_text = {};
    m_rawString = false;
    m_deferred = true;
    m_state = m_stack.empty() ? State::Done : State::AfterValue;
    return true;
}

QByteArray JsonReader::takeDecodedText()
{
    Q_ASSERT(!m_rawString && m_text.data() == m_scratch.constData());
    QByteArray taken = std::exchange(m_scratch, QByteArray());
    m_text = {};
    // It grew by doubling; what is kept for good should not hold up to twice its size.
    if (taken.capacity() - taken.size() > taken.size() / 8)
        taken.squeeze();
    return taken;
}

void JsonReader::skipPlainText(const char *end)
{
    // Eight bytes at a time while none of them is special, then to the one that is: on a
    // little-endian machine the lowest marked byte is the first special one.
    while (end - m_pos >= 8) {
        std::uint64_t word;
        std::memcpy(&word, m_pos, sizeof word);
        if (const std::uint64_t marks = plainTextEnds(word)) {
            if constexpr (std::endian::native == std::endian::little) {
                m_pos += std::countr_zero(marks) / 8;
                return;
            }
            break;
        }
        m_pos += 8;
    }
    while (m_pos < end && isPlainText(static_cast<unsigned char>(*m_pos)))
        ++m_pos;
}

void JsonReader::resumeAfterValue(qsizetype offset, QByteArrayView containers)
{
    Q_ASSERT(!containers.isEmpty() && offset >= 0 && offset <= m_input.size());
    m_pos = m_begin + offset;
    m_stack.assign(containers.begin(), containers.end());
    m_state = State::AfterValue;
    m_token = Token::None;
    m_tokenStart = offset;
    m_text = {};
    m_rawString = false;
}

void JsonReader::continueFrom(const JsonReader &other)
{
    Q_ASSERT(other.m_begin == m_begin && other.m_end == m_end);
    m_pos = other.m_pos;
    m_stack = other.m_stack;
    m_state = other.m_state;
    m_token = other.m_token;
    m_tokenStart = other.m_tokenStart;
    m_text = {}; // may point into the other reader's scratch buffer
    m_rawString = false;
    m_error = other.m_error;
    m_errorOffset = other.m_errorOffset;
}

void JsonReader::skipValue()
{
    if (m_token == Token::Key)
        next();
    if (m_token != Token::BeginObject && m_token != Token::BeginArray)
        return;
    const int target = depth() - 1;
    while (depth() > target && next() != Token::Error) { }
}

void JsonReader::setDeferredStrings(std::vector<DeferredString> strings)
{
    m_deferredStrings = std::move(strings);
    m_nextDeferred = 0;
}

qsizetype JsonReader::decodeInPlace(char *text, qsizetype size)
{
    const char *in = text;
    const char *const end = text + size;
    char *out = text;
    for (;;) {
        const auto *escape = static_cast<const char *>(std::memchr(in, '\\', std::size_t(end - in)));
        const char *const run = escape ? escape : end;
        if (out != in)
            std::memmove(out, in, std::size_t(run - in));
        out += run - in;
        if (!escape)
            return out - text;
        in = escape + 2;
        if (escape[1] != 'u') {
            *out++ = escapedByte(escape[1]);
            continue;
        }
        const int unit = hexQuad(in, end);
        in += 4;
        if (unit >= 0xd800 && unit <= 0xdbff) { // a high surrogate, its low half next
            out = writeUtf8(out, fromSurrogates(unit, hexQuad(in + 2, end)));
            in += 6;
        } else {
            out = writeUtf8(out, char32_t(unit));
        }
    }
}

JsonReader::Position JsonReader::position(qsizetype offset) const
{
    // A byte order mark is invisible in editors, so columns count from after it.
    const qsizetype start = m_input.startsWith("\xef\xbb\xbf") ? 3 : 0;
    offset = std::clamp<qsizetype>(offset, start, m_input.size());
    if (offset < m_cursor || m_cursor < start) {
        m_cursor = start;
        m_cursorLine = 1;
        m_cursorColumn = 1;
    }
    const auto read = [this](qsizetype to) {
        for (qsizetype i = m_cursor; i < to; ++i) {
            const auto c = static_cast<unsigned char>(m_begin[i]);
            if (c == '\n') {
                ++m_cursorLine;
                m_cursorColumn = 1;
            } else {
                m_cursorColumn += !isContinuation(c);
            }
        }
        m_cursor = to;
    };
    // A deferred string is counted, not read: its bytes may be being decoded where they lie. A
    // string has no line break in it; an offset inside one stands for its start.
    auto string = std::lower_bound(m_deferredStrings.begin(), m_deferredStrings.end(), m_cursor,
                                   [](const DeferredString &s, qsizetype at) { return s.from < at; });
    for (; string != m_deferredStrings.end() && string->from < offset; ++string) {
        read(string->from);
        if (offset < string->to)
            return { m_cursorLine, m_cursorColumn };
        m_cursorColumn += string->characters;
        m_cursor = string->to;
    }
    read(offset);
    return { m_cursorLine, m_cursorColumn };
}
