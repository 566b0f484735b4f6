#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <vector>

// A pull parser for JSON (RFC 8259) over UTF-8 bytes, in the manner of QXmlStreamReader: the
// loader asks for one token at a time and never builds a DOM, so a file of a million events is
// read in one pass at near memory speed. It validates UTF-8, keeps byte offsets for every token
// (turned into line and column only when an error needs them), and bounds nesting depth
// without recursion.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    enum class Token {
        None,
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Key,
        String,
        Number,
        True,
        False,
        Null,
        EndOfDocument,
        Error,
    };

    struct Position
    {
        qsizetype line = 1; // 1-based
        qsizetype column = 1; // 1-based, in characters
    };

    // `input` must outlive the reader; string views point into it where no escape was decoded.
    explicit JsonReader(QByteArrayView input, int maxDepth = 256);

    Token next();
    Token token() const { return m_token; }
    bool atValue() const;

    // After next() returned Key or String: the decoded UTF-8 text. It points into the input when
    // the string had no escapes (isRawString()), else into a scratch buffer that the next call
    // overwrites. After Number: the literal as written.
    QByteArrayView text() const { return m_text; }
    // The text of a string with escapes, taken out of the scratch buffer rather than copied (a
    // long source's text is megabytes); text() is empty after. Only when !isRawString().
    QByteArray takeDecodedText();
    // Room for `bytes` of decoded text, made once: for a reader of one long string, whose
    // decoded text is no longer than its bytes, so that the buffer is not grown by doubling.
    void reserveDecodedText(qsizetype bytes) { m_decodedReserve = bytes; }
    bool isRawString() const { return m_rawString; }

    // Lets the next value, if it is a string longer than `bytes`, be found, not read: its end is
    // looked for, and nothing in it decoded or checked, so that a long text can be read on
    // another thread (by a reader of its bytes alone, from tokenOffset() to endOffset()); text()
    // is then empty and isDeferredString() true. For the next call to next() only.
    void deferStringLongerThan(qsizetype bytes) { m_deferFrom = bytes; }
    bool isDeferredString() const { return m_deferred; }

    // A string found, not read (deferStringLongerThan()), from its opening quote to just past its
    // closing one, with its characters counted as it was found. position() counts them rather
    // than read its bytes: whoever reads its text may write the decoded text over them
    // (decodeInPlace()). `decodedSize`, for a reader given the string once that was done, is the
    // size of that text, which starts just past the opening quote; -1 when not known to be done
    // (the reader that deferred it never learns it).
    struct DeferredString
    {
        qsizetype from = 0;
        qsizetype to = 0;
        qsizetype characters = 0;
        qsizetype decodedSize = -1;
    };
    // Those this reader deferred, or was given, in order.
    const std::vector<DeferredString> &deferredStrings() const { return m_deferredStrings; }
    // For a reader of the same input whose strings another reader deferred (in order): their
    // places are counted, not read, and one with a decodedSize is read, when met, as its decoded
    // text. One without is read as any string if the reader meets it.
    void setDeferredStrings(std::vector<DeferredString> strings);

    // While counting (the default is false), a string's escapes are checked but its text is not
    // decoded: text() is empty after a string or key with escapes. countedSize() is then the
    // decoded size of the one just read, with or without escapes. For checking a long string
    // before it is decoded in place.
    void setCounting(bool counting) { m_counting = counting; }
    qsizetype countedSize() const { return m_counted; }
    // Decodes the escapes of a string's bytes (between its quotes) that a reader found valid,
    // over those bytes, which cannot grow: each escape's text is shorter than the escape. Returns
    // the decoded size.
    static qsizetype decodeInPlace(char *text, qsizetype size);
    qsizetype textOffset() const { return m_text.data() - m_input.data(); } // valid when isRawString()

    // The byte offset where the current token starts, and the one just past it.
    qsizetype tokenOffset() const { return m_tokenStart; }
    qsizetype endOffset() const { return m_pos - m_begin; }
    int depth() const { return int(m_stack.size()); }
    // The arrays and objects open around the current token, outermost first: '[' or '{' each.
    QByteArrayView openContainers() const
    {
        return QByteArrayView(m_stack.data(), qsizetype(m_stack.size()));
    }

    // Reading a long array on two threads: a second reader of the same input starts at `offset`,
    // just past an element of the array that is open innermost in `containers` (as another
    // reader's openContainers() gave them), and reads on from there as if it had read all
    // before. Once it is past the array, the first reader, having read up to `offset`, takes
    // over where it stopped with continueFrom().
    void resumeAfterValue(qsizetype offset, QByteArrayView containers);
    void continueFrom(const JsonReader &other);

    // Skips the value that starts with the current token (or, after a Key, the member's value),
    // so that the next call to next() returns what follows it.
    void skipValue();

    bool hasError() const { return m_token == Token::Error; }
    // Stops reading here, as if the input had an error: for a reader whose caller gives up.
    void stop(const QString &why) { fail(m_pos - m_begin, why); }
    QString errorString() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

    // Line and column of a byte offset. Fastest when called with increasing offsets.
    Position position(qsizetype offset) const;

private:
    Token fail(qsizetype offset, const QString &message);
    Token readValue();
    Token readString(Token kind);
    Token readNumber();
    Token readLiteral(const char *word, Token kind);
    Token open(char bracket, Token kind);
    Token close();
    void skipWhitespace();
    void skipPlainText(const char *end); // `end`: m_end, or before
    bool deferString();
    bool readDecodedInPlace(Token kind);
    QString describeHere() const;
    // What the reader expected where it stopped, to name a common mistake found there instead.
    enum class Expecting { Value, Key, Colon, Separator, Nothing };
    QString mistakeHere(Expecting expecting) const;
    Token failHere(const QString &expected, Expecting expecting);

    enum class State { Start, AfterOpen, AfterKey, AfterValue, Done };

    QByteArrayView m_input;
    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    int m_maxDepth;
    std::vector<char> m_stack; // '{' or '[' per open container
    State m_state = State::Start;
    Token m_token = Token::None;
    qsizetype m_tokenStart = 0;
    QByteArrayView m_text;
    bool m_rawString = false;
    bool m_deferred = false;
    qsizetype m_deferFrom = 0; // for the next call to next(); 0: no string is deferred
    qsizetype m_deferNow = 0; // for this call
    QByteArray m_scratch;
    qsizetype m_decodedReserve = 0;
    bool m_counting = false;
    qsizetype m_counted = 0;
    std::vector<DeferredString> m_deferredStrings;
    std::size_t m_nextDeferred = 0; // the first that may lie ahead of the reader
    QString m_error;
    qsizetype m_errorOffset = -1;

    // Cache for position(): the last offset asked, with its line and column.
    mutable qsizetype m_cursor = 0;
    mutable qsizetype m_cursorLine = 1;
    mutable qsizetype m_cursorColumn = 1;
};
