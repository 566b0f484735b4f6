#include "jsonreader.h"

#include <QCoreApplication>

#include <bit>
#include <cstdint>
#include <cstring>

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

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xc0 | (c >> 6));
        out += char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += char(0xe0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    } else {
        out += char(0xf0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3f));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    }
}

// Length of the valid UTF-8 sequence at `p`, or 0 if it is not one (overlong forms,
// surrogates and code points past U+10FFFF are invalid, as RFC 3629 says).
int utf8SequenceLength(const char *p, const char *end)
{
    const auto b0 = static_cast<unsigned char>(*p);
    int length;
    unsigned char min = 0x80, max = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        length = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        length = 3;
        if (b0 == 0xe0)
            min = 0xa0;
        else if (b0 == 0xed)
            max = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        length = 4;
        if (b0 == 0xf0)
            min = 0x90;
        else if (b0 == 0xf4)
            max = 0x8f;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    const auto b1 = static_cast<unsigned char>(p[1]);
    if (b1 < min || b1 > max)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (!isContinuation(static_cast<unsigned char>(p[i])))
            return 0;
    }
    return length;
}

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

JsonReader::Token JsonReader::readString(Token kind)
{
    const char *start = ++m_pos;
    bool escaped = false;
    // Once there was an escape: the bytes from here to the next escape are copied as they are,
    // in one piece, however many characters of text and UTF-8 lie between.
    const char *verbatim = start;
    for (;;) {
        // Plain ASCII runs are the common case by far: skip them.
        skipPlainText();
        if (m_pos >= m_end)
            break;
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
            // A run of characters beyond ASCII (a word of Cyrillic, a line of CJK) is checked in
            // one loop, not one character per call to skipPlainText().
            do {
                const int length = utf8SequenceLength(m_pos, m_end);
                if (length == 0)
                    return fail(m_pos - m_begin, tr("invalid UTF-8 (%1) inside a string")
                                                     .arg(byteName(static_cast<unsigned char>(*m_pos))));
                m_pos += length;
            } while (m_pos < m_end && static_cast<unsigned char>(*m_pos) >= 0x80);
            continue;
        }

        // A backslash.
        if (!escaped) {
            escaped = true;
            m_scratch.clear();
        }
        m_scratch.append(verbatim, m_pos - verbatim);
        const char *escape = m_pos;
        if (++m_pos >= m_end)
            break;
        switch (*m_pos) {
        case '"':
        case '\\':
        case '/':
            m_scratch += *m_pos;
            break;
        case 'b':
            m_scratch += '\b';
            break;
        case 'f':
            m_scratch += '\f';
            break;
        case 'n':
            m_scratch += '\n';
            break;
        case 'r':
            m_scratch += '\r';
            break;
        case 't':
            m_scratch += '\t';
            break;
        case 'u': {
            const auto hex4 = [&](const char *p) {
                if (m_end - p < 4)
                    return -1;
                int value = 0;
                for (int i = 0; i < 4; ++i) {
                    const int digit = hexValue(p[i]);
                    if (digit < 0)
                        return -1;
                    value = value * 16 + digit;
                }
                return value;
            };
            int unit = hex4(m_pos + 1);
            if (unit < 0)
                return fail(escape - m_begin, tr("\\u must be followed by four hexadecimal digits"));
            m_pos += 4;
            char32_t codePoint = char32_t(unit);
            if (unit >= 0xdc00 && unit <= 0xdfff)
                return fail(escape - m_begin, tr("\\u escape is an unpaired low surrogate"));
            if (unit >= 0xd800 && unit <= 0xdbff) {
                const int low =
                    m_end - m_pos > 2 && m_pos[1] == '\\' && m_pos[2] == 'u' ? hex4(m_pos + 3) : -1;
                if (low < 0xdc00 || low > 0xdfff)
                    return fail(escape - m_begin, tr("\\u escape is a high surrogate without its low half"));
                codePoint = 0x10000 + ((char32_t(unit) - 0xd800) << 10) + (char32_t(low) - 0xdc00);
                m_pos += 6;
            }
            appendUtf8(m_scratch, codePoint);
            break;
        }
        default:
            return fail(escape - m_begin,
                        tr("invalid escape: a backslash must be followed by one of \" \\ / b f n r t u"));
        }
        verbatim = ++m_pos;
    }

    if (m_pos >= m_end)
        return fail(m_tokenStart, tr("a string is not closed: the file ends inside it (is it truncated?)"));
    if (escaped)
        m_scratch.append(verbatim, m_pos - verbatim);
    m_rawString = !escaped;
    m_text = escaped ? QByteArrayView(m_scratch) : QByteArrayView(start, m_pos);
    ++m_pos; // the closing quote
    m_state = kind == Token::Key ? State::AfterKey : (m_stack.empty() ? State::Done : State::AfterValue);
    return m_token = kind;
}

void JsonReader::skipPlainText()
{
    // Eight bytes at a time while none of them is special, then to the one that is: on a
    // little-endian machine the lowest marked byte is the first special one.
    while (m_end - m_pos >= 8) {
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
    while (m_pos < m_end && isPlainText(static_cast<unsigned char>(*m_pos)))
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
    for (qsizetype i = m_cursor; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(m_begin[i]);
        if (c == '\n') {
            ++m_cursorLine;
            m_cursorColumn = 1;
        } else {
            m_cursorColumn += !isContinuation(c);
        }
    }
    m_cursor = offset;
    return { m_cursorLine, m_cursorColumn };
}
