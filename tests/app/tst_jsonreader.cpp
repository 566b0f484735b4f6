#include "jsonreader.h"
#include "testutils.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Token = JsonReader::Token;

namespace {

// The document as a list of tokens, e.g. {"a":[1]} is  { K:a [ N:1 ] } $ ; an error ends the
// list with "error".
QByteArrayList tokens(const QByteArray &json, int maxDepth = 256)
{
    JsonReader reader(json, maxDepth);
    QByteArrayList out;
    for (int guard = 0; guard < 10000; ++guard) {
        switch (reader.next()) {
        case Token::BeginObject:
            out += "{";
            break;
        case Token::EndObject:
            out += "}";
            break;
        case Token::BeginArray:
            out += "[";
            break;
        case Token::EndArray:
            out += "]";
            break;
        case Token::Key:
            out += "K:" + reader.text().toByteArray();
            break;
        case Token::String:
            out += "S:" + reader.text().toByteArray();
            break;
        case Token::Number:
            out += "N:" + reader.text().toByteArray();
            break;
        case Token::True:
            out += "true";
            break;
        case Token::False:
            out += "false";
            break;
        case Token::Null:
            out += "null";
            break;
        case Token::EndOfDocument:
            out += "$";
            return out;
        case Token::Error:
            out += "error";
            return out;
        case Token::None:
            out += "none?";
            return out;
        }
    }
    out += "runaway";
    return out;
}

// Where the bytes of a string's text stop being what a string holds as it is, the simplest way:
// the start of the first control character, '"', '\\' or character that is not UTF-8 as RFC
// 3629 defines it, or -1.
qsizetype firstNotPlain(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            if (b < 0x20 || b == '"' || b == '\\')
                return i;
            ++i;
            continue;
        }
        const int length = b >= 0xc2 && b <= 0xdf ? 2
            : b >= 0xe0 && b <= 0xef              ? 3
            : b >= 0xf0 && b <= 0xf4              ? 4
                                                  : 0;
        if (length == 0 || i + length > bytes.size())
            return i;
        char32_t value = b & (0xff >> (length + 1));
        for (int k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(bytes[i + k]);
            if ((c & 0xc0) != 0x80)
                return i;
            value = value << 6 | (c & 0x3f);
        }
        const char32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (value < least[length] || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
            return i;
        i += length;
    }
    return -1;
}

} // namespace

// JsonReader: the pull parser under the loader, strict RFC 8259 with UTF-8 validation.
class TestJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validDocuments_data();
    void validDocuments();
    void numbers_data();
    void numbers();
    void rawStrings_data();
    void rawStrings();
    void offsetsAndDepth();
    void errors_data();
    void errors();
    void errorsAreFinal();
    void longStringsAreCheckedAsCharacterByCharacter();
    void longStringsCanBeDeferred();
    void stringsDecodeInPlaceAsTheyRead();
    void deferredStringsAreNotReadAgain();
    void depthLimit_data();
    void depthLimit();
    void deepInputDoesNotCrash();
    void skipValue_data();
    void skipValue();
    void skipValueStopsAtAnError();
    void positionCountsCharacters_data();
    void positionCountsCharacters();
};

void TestJsonReader::validDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("empty object") << "{}"_ba << QByteArrayList { "{", "}", "$" };
    QTest::newRow("empty array") << "[]"_ba << QByteArrayList { "[", "]", "$" };
    QTest::newRow("whitespace everywhere") << " \t\r\n{ \"a\" : 1 , \"b\" :[ ] }\n "_ba
                                           << QByteArrayList { "{", "K:a", "N:1", "K:b", "[", "]", "}", "$" };
    QTest::newRow("nested") << R"({"a":[1,{"b":null}],"c":{"d":[true,false,[]]},"e":{}})"_ba
                            << QByteArrayList { "{", "K:a", "[", "N:1", "{", "K:b",  "null",  "}",
                                                "]", "K:c", "{", "K:d", "[", "true", "false", "[",
                                                "]", "]",   "}", "K:e", "{", "}",    "}",     "$" };
    QTest::newRow("top-level string") << R"("x")"_ba << QByteArrayList { "S:x", "$" };
    QTest::newRow("top-level number") << " 42 "_ba << QByteArrayList { "N:42", "$" };
    QTest::newRow("top-level literals") << "true"_ba << QByteArrayList { "true", "$" };
    QTest::newRow("false") << "[false]"_ba << QByteArrayList { "[", "false", "]", "$" };
    QTest::newRow("null") << "null"_ba << QByteArrayList { "null", "$" };
    QTest::newRow("empty key and string") << R"({"":""})"_ba << QByteArrayList { "{", "K:", "S:", "}", "$" };
    QTest::newRow("byte order mark") << "\xef\xbb\xbf{\"a\":1}"_ba
                                     << QByteArrayList { "{", "K:a", "N:1", "}", "$" };
    QTest::newRow("byte order mark before a string")
        << "\xef\xbb\xbf\"x\""_ba << QByteArrayList { "S:x", "$" };

    // Escapes, decoded to UTF-8.
    QTest::newRow("simple escapes") << R"(["a\"b\\c\/d\be\ff\ng\rh\ti"])"_ba
                                    << QByteArrayList { "[", "S:a\"b\\c/d\be\ff\ng\rh\ti", "]", "$" };
    QTest::newRow("escaped key") << R"({"k\u0065y":1})"_ba
                                 << QByteArrayList { "{", "K:key", "N:1", "}", "$" };
    QTest::newRow("\\u ASCII") << R"(["\u0041\u007a"])"_ba << QByteArrayList { "[", "S:Az", "]", "$" };
    QTest::newRow("\\u two bytes") << R"(["caf\u00e9"])"_ba
                                   << QByteArrayList { "[", "S:caf\xc3\xa9", "]", "$" };
    QTest::newRow("\\u three bytes") << R"(["\u20AC"])"_ba
                                     << QByteArrayList { "[", "S:\xe2\x82\xac", "]", "$" };
    QTest::newRow("\\u last BMP") << R"(["\uffff"])"_ba << QByteArrayList { "[", "S:\xef\xbf\xbf", "]", "$" };
    QTest::newRow("surrogate pair") << R"(["\ud83d\ude00"])"_ba
                                    << QByteArrayList { "[", "S:\xf0\x9f\x98\x80", "]", "$" };
    QTest::newRow("surrogate pair, upper case")
        << R"(["x\uD834\uDD1Ey"])"_ba << QByteArrayList { "[", "S:x\xf0\x9d\x84\x9ey", "]", "$" };
    QTest::newRow("highest code point")
        << R"(["\udbff\udfff"])"_ba << QByteArrayList { "[", "S:\xf4\x8f\xbf\xbf", "]", "$" };
    QTest::newRow("escaped NUL") << R"(["a\u0000b"])"_ba
                                 << QByteArrayList { "[", QByteArray("S:a\0b", 5), "]", "$" };
    QTest::newRow("escape then raw UTF-8")
        << "[\"\\n\xc3\xa9\xf0\x9f\x9a\x80\"]"_ba
        << QByteArrayList { "[", "S:\n\xc3\xa9\xf0\x9f\x9a\x80", "]", "$" };
    QTest::newRow("two escaped strings in a row")
        << R"(["\n1","\t2"])"_ba << QByteArrayList { "[", "S:\n1", "S:\t2", "]", "$" };

    // Raw UTF-8 of every length, and DEL, which JSON allows unescaped.
    QTest::newRow("raw UTF-8") << "[\"\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80 \x7f\"]"_ba
                               << QByteArrayList { "[", "S:\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80 \x7f", "]",
                                                   "$" };
}

void TestJsonReader::validDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArrayList, expected);
    QCOMPARE(tokens(json), expected);
}

void TestJsonReader::numbers_data()
{
    QTest::addColumn<QByteArray>("number");

    for (const char *n : { "0", "-0", "1", "-1", "123", "1234567890123456789012345", "0.5", "-0.0", "1.25",
                           "1e10", "1E10", "1e+10", "1e-10", "0e0", "0.5e-3", "-12.34E+56", "-0.0e-0" }) {
        QTest::newRow(n) << QByteArray(n);
    }
}

void TestJsonReader::numbers()
{
    QFETCH(QByteArray, number);
    // Alone, and inside an array and an object: the literal as written, whatever follows it.
    QCOMPARE(tokens(number), (QByteArrayList { "N:" + number, "$" }));
    QCOMPARE(tokens("[" + number + "," + number + "]"),
             (QByteArrayList { "[", "N:" + number, "N:" + number, "]", "$" }));
    QCOMPARE(tokens("{\"n\":" + number + "}"), (QByteArrayList { "{", "K:n", "N:" + number, "}", "$" }));
}

void TestJsonReader::rawStrings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("raw");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("ASCII") << R"("abc")"_ba << true << "abc"_ba;
    QTest::newRow("empty") << R"("")"_ba << true << ""_ba;
    QTest::newRow("UTF-8") << "\"h\xc3\xa9llo \xf0\x9f\x98\x80\""_ba << true
                           << "h\xc3\xa9llo \xf0\x9f\x98\x80"_ba;
    QTest::newRow("newline escape") << R"("a\nb")"_ba << false << "a\nb"_ba;
    QTest::newRow("\\u escape") << R"("\u0041")"_ba << false << "A"_ba;
    QTest::newRow("escaped slash") << R"("a\/b")"_ba << false << "a/b"_ba;
    QTest::newRow("escape at the end") << R"("ab\\")"_ba << false << "ab\\"_ba;
}

void TestJsonReader::rawStrings()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, raw);
    QFETCH(QByteArray, text);

    for (const QByteArray &doc : { json, QByteArray("{" + json + ":0}") }) {
        JsonReader reader(doc);
        if (doc.startsWith('{'))
            QCOMPARE(reader.next(), Token::BeginObject);
        QVERIFY(reader.next() == Token::String || reader.token() == Token::Key);
        QCOMPARE(reader.isRawString(), raw);
        QCOMPARE(reader.text(), text);
        if (raw) {
            // A raw string is a view into the input, just after the opening quote.
            QCOMPARE(reader.textOffset(), reader.tokenOffset() + 1);
            QCOMPARE(reader.text().data(), doc.constData() + reader.textOffset());
        }
    }
}

void TestJsonReader::offsetsAndDepth()
{
    const QByteArray json = R"({"a": [1, "x"]} )"_ba;
    JsonReader reader(json);
    const std::pair<Token, int> expected[] = {
        { Token::BeginObject, 0 }, { Token::Key, 1 },
        { Token::BeginArray, 6 },  { Token::Number, 7 },
        { Token::String, 10 },     { Token::EndArray, 13 },
        { Token::EndObject, 14 },  { Token::EndOfDocument, 16 },
    };
    const int depths[] = { 1, 1, 2, 2, 2, 1, 0, 0 };
    for (int i = 0; i < int(std::size(expected)); ++i) {
        QCOMPARE(reader.next(), expected[i].first);
        QCOMPARE(reader.token(), expected[i].first);
        QCOMPARE(reader.tokenOffset(), expected[i].second);
        QCOMPARE(reader.depth(), depths[i]);
        QCOMPARE(reader.atValue(), i == 0 || i == 2 || i == 3 || i == 4);
        if (reader.token() == Token::Key) {
            QCOMPARE(reader.text(), "a");
        }
    }
    // The end is final.
    QCOMPARE(reader.next(), Token::EndOfDocument);
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.errorOffset(), -1);
}

void TestJsonReader::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const auto row = [](const char *tag, const QByteArray &json, const QString &message, int line,
                        int column) {
        QTest::newRow(tag) << json << message << line << column;
    };
    const QString truncatedString = u"a string is not closed: the file ends inside it (is it truncated?)"_s;
    const QString truncatedValue = u"expected a value, but the file ends (is it truncated?)"_s;

    // Nothing there.
    row("empty input", "", u"the file is empty: expected a JSON value"_s, 1, 1);
    row("only whitespace", "  \n   ", u"the file is empty: expected a JSON value"_s, 2, 4);
    row("only a byte order mark", "\xef\xbb\xbf", u"the file is empty: expected a JSON value"_s, 1, 1);

    // Truncated documents.
    row("truncated in a string", R"({"a":"abc)", truncatedString, 1, 6);
    row("truncated in a key", R"({"ab)", truncatedString, 1, 2);
    row("truncated after an escape", R"(["ab\)", truncatedString, 1, 2);
    row("truncated in an object", R"({"a":1)", u"expected ',' or '}' after an object member, the file ends"_s,
        1, 7);
    row("truncated after a key", R"({"a")", u"expected ':' after the member name, the file ends"_s, 1, 5);
    row("truncated after a colon", R"({"a":)", truncatedValue, 1, 6);
    row("truncated after '{'", "{", u"expected a member name in double quotes or '}', the file ends"_s, 1, 2);
    row("truncated in an array", "[1,2", u"expected ',' or ']' after an array element, the file ends"_s, 1,
        5);
    row("truncated after '['", "[", truncatedValue, 1, 2);
    row("truncated after ','", "[1,", truncatedValue, 1, 4);
    row("truncated literal", "[tru", u"expected true, found tru (cut short)"_s, 1, 2);

    // Structure.
    // The mistakes a person makes writing JSON by hand are named, at the place to fix.
    const QString trailingInArray =
        u"trailing comma before ']': JSON allows no comma after the last element"_s;
    const QString trailingInObject =
        u"trailing comma before '}': JSON allows no comma after the last member"_s;
    row("trailing comma in an array", "[1,2,]", trailingInArray, 1, 5);
    row("trailing comma in an object", R"({"a":1,})", trailingInObject, 1, 7);
    row("trailing comma before a line break", "{\"a\": [1, 2],\n}", trailingInObject, 1, 13);
    row("trailing comma, then white space", "[1,\n  ]", trailingInArray, 1, 3);
    row("a // comment", "{\"a\": 1 // the first\n}", u"JSON has no comments: remove the // comment"_s, 1, 9);
    row("a /* */ comment", "[/* list */ 1]", u"JSON has no comments: remove the /* */ comment"_s, 1, 2);
    row("a comment where a member goes", "{\n  // the title\n  \"title\": \"T\"}",
        u"JSON has no comments: remove the // comment"_s, 2, 3);
    row("curly quotes around a key", "{\xe2\x80\x9ctitle\xe2\x80\x9d: 1}",
        u"a curly quote \u201c (U+201C) where JSON needs a straight double quote \""_s, 1, 2);
    row("a curly quote around a value", "{\"a\": \xe2\x80\x9cx\xe2\x80\x9d}",
        u"a curly quote \u201c (U+201C) where JSON needs a straight double quote \""_s, 1, 7);
    row("a curly single quote", "[\xe2\x80\x98x\xe2\x80\x99]",
        u"a curly quote \u2018 (U+2018) where JSON needs a straight double quote \""_s, 1, 2);
    row("missing comma in an array", "[1 2]", u"missing ',' between two elements of an array"_s, 1, 4);
    row("undefined", "[undefined]", u"JSON has no undefined: write null or a number"_s, 1, 2);
    row("NaN", "{\"a\": NaN}", u"JSON has no NaN: write null or a number"_s, 1, 7);
    row("Python's None", "[None]", u"JSON spells it null, not None"_s, 1, 2);
    row("missing colon", R"({"a" 1})", u"expected ':' after the member name, found '1'"_s, 1, 6);
    row("missing comma", R"({"a":1 "b":2})", u"missing ',' between two members of an object"_s, 1, 8);
    row("unquoted key", "{a:1}", u"a member name needs double quotes: write \"a\", not a"_s, 1, 2);
    row("single quotes", "{'a':1}", u"a single quote ' where JSON needs a straight double quote \""_s, 1, 2);
    row("mismatched bracket", "[1}", u"expected ',' or ']' after an array element, found '}'"_s, 1, 3);
    row("stray closer", "]", u"expected a value, found ']'"_s, 1, 1);
    row("misspelt literal", "[True]", u"JSON spells it true, not True"_s, 1, 2);
    row("nul literal", "[nul]", u"expected null, found nul (cut short)"_s, 1, 2);
    row("a word without quotes", "[yes]", u"text must be in double quotes: found yes"_s, 1, 2);
    row("text after the value", "{} x", u"unexpected text after the end of the JSON value: found 'x'"_s, 1,
        4);
    row("second value", "{}\n{}", u"unexpected text after the end of the JSON value: found '{'"_s, 2, 1);
    row("two numbers", "1 2", u"unexpected text after the end of the JSON value: found '2'"_s, 1, 3);
    row("NUL outside a string", QByteArray("[\0]", 3), u"expected a value, found a NUL byte"_s, 1, 2);
    row("control character outside a string", "[\x01]", u"expected a value, found byte 0x01"_s, 1, 2);
    row("UTF-8 outside a string", "[\xc3\xa9]", u"expected a value, found byte 0xC3"_s, 1, 2);

    // Numbers.
    row("leading zero", "[01]", u"a number must not start with 0"_s, 1, 2);
    row("negative leading zero", "[-01]", u"a number must not start with 0"_s, 1, 2);
    row("lone minus", "[-]", u"expected a digit in the number, found ']'"_s, 1, 2);
    row("plus sign", "[+1]", u"expected a value, found '+'"_s, 1, 2);
    row("leading dot", "[.5]", u"expected a value, found '.'"_s, 1, 2);
    row("trailing dot", "[1.]", u"expected a digit after the decimal point, found ']'"_s, 1, 4);
    row("empty exponent", "[1e]", u"expected a digit in the exponent, found ']'"_s, 1, 4);
    row("signed empty exponent", "[1e+]", u"expected a digit in the exponent, found ']'"_s, 1, 5);
    row("number runs into a letter", "[1x]", u"expected ',' or ']' after an array element, found 'x'"_s, 1,
        3);

    // Escapes.
    const QString badEscape = u"invalid escape: a backslash must be followed by one of \" \\ / b f n r t u"_s;
    row("bad escape", R"(["ab\x"])", badEscape, 1, 5);
    row("escaped single quote", R"(["\'"])", badEscape, 1, 3);
    row("short \\u", R"(["\u12"])", u"\\u must be followed by four hexadecimal digits"_s, 1, 3);
    row("\\u with a non-hex digit", R"(["\u12G4"])", u"\\u must be followed by four hexadecimal digits"_s, 1,
        3);
    row("lone high surrogate", R"(["\ud800"])", u"\\u escape is a high surrogate without its low half"_s, 1,
        3);
    row("high surrogate, then text", R"(["x\ud83dabc"])",
        u"\\u escape is a high surrogate without its low half"_s, 1, 4);
    row("high surrogate, then a BMP escape", R"(["\ud83d\u0041"])",
        u"\\u escape is a high surrogate without its low half"_s, 1, 3);
    row("two high surrogates", R"(["\ud83d\ud83d"])",
        u"\\u escape is a high surrogate without its low half"_s, 1, 3);
    row("lone low surrogate", R"(["\ude00"])", u"\\u escape is an unpaired low surrogate"_s, 1, 3);

    // Characters that may not appear raw in a string.
    row("raw tab", "[\"a\tb\"]",
        u"a control character (byte 0x09) inside a string must be written as an escape"_s, 1, 4);
    row("raw newline", "[\"a\nb\"]",
        u"a control character (byte 0x0A) inside a string must be written as an escape"_s, 1, 4);
    row("raw escape character", "[\"\x1b[31m\"]",
        u"a control character (byte 0x1B) inside a string must be written as an escape"_s, 1, 3);
    row("raw NUL", QByteArray("[\"a\0b\"]", 7), u"a NUL byte inside a string"_s, 1, 4);

    // Invalid UTF-8 inside a string.
    row("overlong two bytes", "[\"\xc0\xaf\"]", u"invalid UTF-8 (byte 0xC0) inside a string"_s, 1, 3);
    row("overlong NUL", "[\"\xc0\x80\"]", u"invalid UTF-8 (byte 0xC0) inside a string"_s, 1, 3);
    row("overlong C1", "[\"\xc1\xbf\"]", u"invalid UTF-8 (byte 0xC1) inside a string"_s, 1, 3);
    row("overlong three bytes", "[\"\xe0\x80\xaf\"]", u"invalid UTF-8 (byte 0xE0) inside a string"_s, 1, 3);
    row("overlong four bytes", "[\"\xf0\x80\x80\xaf\"]", u"invalid UTF-8 (byte 0xF0) inside a string"_s, 1,
        3);
    row("encoded high surrogate", "[\"\xed\xa0\x80\"]", u"invalid UTF-8 (byte 0xED) inside a string"_s, 1, 3);
    row("encoded low surrogate", "[\"\xed\xbf\xbf\"]", u"invalid UTF-8 (byte 0xED) inside a string"_s, 1, 3);
    row("stray continuation byte", "[\"ab\x80\"]", u"invalid UTF-8 (byte 0x80) inside a string"_s, 1, 5);
    row("continuation after a complete sequence", "[\"\xc3\xa9\xa9\"]",
        u"invalid UTF-8 (byte 0xA9) inside a string"_s, 1, 4);
    row("beyond U+10FFFF", "[\"\xf4\x90\x80\x80\"]", u"invalid UTF-8 (byte 0xF4) inside a string"_s, 1, 3);
    row("lead byte 0xF5", "[\"\xf5\x80\x80\x80\"]", u"invalid UTF-8 (byte 0xF5) inside a string"_s, 1, 3);
    row("byte 0xFF", "[\"\xff\"]", u"invalid UTF-8 (byte 0xFF) inside a string"_s, 1, 3);
    row("sequence cut by the quote", "[\"\xe2\x82\"]", u"invalid UTF-8 (byte 0xE2) inside a string"_s, 1, 3);
    row("sequence cut by the end", "[\"\xe2\x82", u"invalid UTF-8 (byte 0xE2) inside a string"_s, 1, 3);

    // Lines and columns.
    row("error on a later line", "{\n  \"a\": 1,\n  \"b\" 2\n}",
        u"expected ':' after the member name, found '2'"_s, 3, 7);
    row("CRLF line ends", "{\r\n\"a\" 1}", u"expected ':' after the member name, found '1'"_s, 2, 5);
    row("columns count characters", "[\"\xc3\xa9\xf0\x9f\x98\x80\", :]", u"expected a value, found ':'"_s, 1,
        8);
    row("byte order mark does not count", "\xef\xbb\xbf[:]", u"expected a value, found ':'"_s, 1, 2);
}

void TestJsonReader::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);

    JsonReader reader(json);
    while (reader.next() != Token::Error) {
        if (reader.token() == Token::EndOfDocument)
            QFAIL("the document was accepted");
    }
    QVERIFY(reader.hasError());
    QCOMPARE(reader.errorString(), message);
    QVERIFY(reader.errorOffset() >= 0 && reader.errorOffset() <= json.size());
    QCOMPARE(reader.tokenOffset(), reader.errorOffset());
    const JsonReader::Position position = reader.position(reader.errorOffset());
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);
}

void TestJsonReader::errorsAreFinal()
{
    JsonReader reader("[1,]");
    QCOMPARE(reader.next(), Token::BeginArray);
    QCOMPARE(reader.next(), Token::Number);
    QCOMPARE(reader.next(), Token::Error);
    const QString message = reader.errorString();
    QCOMPARE(reader.next(), Token::Error);
    QCOMPARE(reader.next(), Token::Error);
    QCOMPARE(reader.errorString(), message);
    QCOMPARE(reader.errorOffset(), 2); // the trailing comma
    QVERIFY(!reader.atValue());
}

// Strings beyond ASCII are checked 16 bytes at a time: random text of every script and length,
// with escapes between, and with a byte changed in half of them, gives the same answer and the
// same place as a check of one character at a time.
void TestJsonReader::longStringsAreCheckedAsCharacterByCharacter()
{
    const QByteArrayList pieces { "word ", "Событие ", "事件", "。", "😀", "é", "\\n", "12, ", "—", "x" };
    std::uint64_t state = 0x5eed;
    const auto random = [&](int n) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        return int((state >> 33) % std::uint64_t(n));
    };
    int invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        // Runs of text between escapes, each with the offset in the document of its first byte.
        QList<std::pair<QByteArray, qsizetype>> runs { { {}, 2 } };
        QByteArray json = "[\"", decoded;
        const int count = random(40);
        for (int k = 0; k < count; ++k) {
            const QByteArray &piece = pieces[random(int(pieces.size()))];
            if (piece.startsWith('\\')) {
                json += piece;
                decoded += '\n';
                runs.append({ {}, json.size() });
            } else {
                json += piece;
                decoded += piece;
                runs.last().first += piece;
            }
        }
        if (random(2) == 0) {
            auto &[run, offset] = runs[random(int(runs.size()))];
            if (!run.isEmpty()) {
                const int at = random(int(run.size()));
                // Half of the changes are to a byte at an edge of UTF-8's ranges.
                const char edges[] =
                    "\x00\x1f\x7f\x80\x8f\x90\x9f\xa0\xbf\xc0\xc1\xc2\xdf\xe0\xed\xef\xf0\xf4\xf5\xff";
                char changed = random(2) == 0 ? edges[random(int(sizeof edges) - 1)] : char(random(256));
                if (changed == '"' || changed == '\\')
                    changed = char(0x80 + random(0x80)); // the string would end or escape there
                run[at] = changed;
                json[offset + at] = changed;
                decoded.clear(); // not compared when valid: found again below
            }
        }
        json += "\"]";
        qsizetype bad = -1;
        for (const auto &[run, offset] : runs) {
            if (const qsizetype inRun = firstNotPlain(run); inRun >= 0) {
                bad = offset + inRun;
                break;
            }
        }
        JsonReader reader(json);
        QCOMPARE(reader.next(), Token::BeginArray);
        const Token token = reader.next();
        if (bad < 0) {
            QCOMPARE(token, Token::String);
            if (!decoded.isEmpty())
                QCOMPARE(reader.text().toByteArray(), decoded);
            continue;
        }
        ++invalid;
        QCOMPARE(token, Token::Error);
        QCOMPARE(reader.errorOffset(), bad);
    }
    QVERIFY(invalid > 5000); // the changes did break many strings
}

// A string value longer than asked is found, not read, for the next call only; a reader of its
// bytes alone then reads it as the whole reader would have.
void TestJsonReader::longStringsCanBeDeferred()
{
    const QByteArray longText = QByteArray(150, 'a') + "\\n\\u00e9 Ж" + QByteArray(150, 'b');
    const QByteArray json = "[\"short\",\"" + longText + "\",{\"" + longText + "\":\"" + longText + "\"},\""
        + longText + "\",\"" + longText + "\"]";
    JsonReader reader(json);
    QCOMPARE(reader.next(), Token::BeginArray);
    reader.deferStringLongerThan(100);
    QCOMPARE(reader.next(), Token::String);
    QVERIFY(!reader.isDeferredString());
    QCOMPARE(reader.text(), "short");

    reader.deferStringLongerThan(100);
    QCOMPARE(reader.next(), Token::String);
    QVERIFY(reader.isDeferredString());
    QVERIFY(reader.text().isEmpty());
    const QByteArrayView string =
        QByteArrayView(json).sliced(reader.tokenOffset(), reader.endOffset() - reader.tokenOffset());
    QCOMPARE(string.toByteArray(), QByteArray("\"" + longText + "\""));
    JsonReader alone(string);
    QCOMPARE(alone.next(), Token::String);
    const QByteArray decoded = QByteArray(150, 'a') + "\n\xc3\xa9 Ж" + QByteArray(150, 'b');
    QCOMPARE(alone.text(), decoded);

    // For the next call only: here an object, whose key and value are read.
    reader.deferStringLongerThan(100);
    QCOMPARE(reader.next(), Token::BeginObject);
    QCOMPARE(reader.next(), Token::Key);
    QCOMPARE(reader.text(), decoded);
    QCOMPARE(reader.next(), Token::String);
    QVERIFY(!reader.isDeferredString());
    QCOMPARE(reader.text(), decoded);
    QCOMPARE(reader.next(), Token::EndObject);
    // Not asked: read. Longer than asked, but not past the limit: read.
    QCOMPARE(reader.next(), Token::String);
    QVERIFY(!reader.isDeferredString());
    reader.deferStringLongerThan(longText.size());
    QCOMPARE(reader.next(), Token::String);
    QVERIFY(!reader.isDeferredString());
    QCOMPARE(reader.text(), decoded);
    QCOMPARE(reader.next(), Token::EndArray);
    QCOMPARE(reader.next(), Token::EndOfDocument);

    // What a deferred string holds is not checked: a reader of it alone says what is wrong. One
    // that is not closed is read on and reported as ever.
    const QByteArray wrong = "[\"" + QByteArray(200, 'a') + "\xff\"]";
    JsonReader deferring(wrong);
    deferring.next();
    deferring.deferStringLongerThan(100);
    QCOMPARE(deferring.next(), Token::String);
    QVERIFY(deferring.isDeferredString());
    QCOMPARE(deferring.next(), Token::EndArray);
    const QByteArray open = "[\"" + QByteArray(200, 'a');
    JsonReader unclosed(open);
    unclosed.next();
    unclosed.deferStringLongerThan(100);
    QCOMPARE(unclosed.next(), Token::Error);
    QCOMPARE(unclosed.errorOffset(), 1);
}

// A string a reader found valid decodes over its own bytes to the text the reader gives, and a
// reader that only counts finds the same size: together they let a long text be checked first
// and decoded where it lies after.
void TestJsonReader::stringsDecodeInPlaceAsTheyRead()
{
    const QByteArrayList pieces { "word ",   "Событие ",      "事件", "😀",    "\\n", "\\t",     "\\b",
                                  "\\f",     "\\r",           "\\\"", "\\\\", "\\/", "\\u00e9", "\\u0041",
                                  "\\u4e8b", "\\ud83d\\ude00" };
    std::uint64_t state = 0xdec0de;
    const auto random = [&](int n) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        return int((state >> 33) % std::uint64_t(n));
    };
    for (int round = 0; round < 5000; ++round) {
        QByteArray content;
        const int count = random(30);
        for (int k = 0; k < count; ++k)
            content += pieces[random(int(pieces.size()))];
        const QByteArray json = "\"" + content + "\"";
        JsonReader reader(json);
        QCOMPARE(reader.next(), Token::String);
        JsonReader counter(json);
        counter.setCounting(true);
        QCOMPARE(counter.next(), Token::String);
        QCOMPARE(counter.countedSize(), reader.text().size());
        QByteArray bytes = content;
        const qsizetype size = JsonReader::decodeInPlace(bytes.data(), bytes.size());
        QCOMPARE(bytes.first(size), reader.text().toByteArray());
    }
}

// Once a string is deferred, its bytes may be decoded where they lie: the reader no longer reads
// them, even for a place after it, and a reader told of them reads the decoded text.
void TestJsonReader::deferredStringsAreNotReadAgain()
{
    const QByteArray text = "Ж\\n" + QByteArray(150, 'a') + "\\u00e9\\n";
    QByteArray json = "[\"" + text + "\", 7,\n \"Ж\", x]";
    JsonReader reader(json);
    reader.next();
    reader.deferStringLongerThan(100);
    QCOMPARE(reader.next(), Token::String);
    QVERIFY(reader.isDeferredString());
    QCOMPARE(reader.deferredStrings().size(), std::size_t(1));
    const JsonReader::DeferredString deferred = reader.deferredStrings().front();
    QCOMPARE(deferred.from, 1);
    QCOMPARE(deferred.to, 3 + text.size());
    QCOMPARE(deferred.characters, 2 + text.size() - 1); // the quotes; Ж is two bytes
    QCOMPARE(deferred.decodedSize, -1);
    const qsizetype seven = json.indexOf('7');
    const JsonReader::Position before = reader.position(seven);
    QCOMPARE(reader.next(), Token::Number);
    QCOMPARE(reader.next(), Token::String);
    QCOMPARE(reader.next(), Token::Error); // x

    // Decoded over its bytes, which now hold line breaks: places after it do not move.
    const qsizetype size = JsonReader::decodeInPlace(json.data() + 2, text.size());
    QCOMPARE(json.sliced(2, size), "Ж\n" + QByteArray(150, 'a') + "é\n");
    QCOMPARE(reader.position(0).line, 1); // from the start again, not from where it last was
    QCOMPARE(reader.position(seven).line, 1);
    QCOMPARE(reader.position(seven).column, before.column);
    QCOMPARE(reader.position(json.indexOf('x')).line, 2);
    QCOMPARE(reader.position(json.indexOf('x')).column, 7);
    // Inside it: its start.
    QCOMPARE(reader.position(20).line, 1);
    QCOMPARE(reader.position(20).column, 2);

    // A second reader, told of it, reads the decoded text and then on, with the same places.
    JsonReader again(json);
    JsonReader::DeferredString decoded = deferred;
    decoded.decodedSize = size;
    again.setDeferredStrings({ decoded });
    again.next();
    QCOMPARE(again.next(), Token::String);
    QVERIFY(again.isRawString());
    QCOMPARE(again.text(), json.sliced(2, size));
    QCOMPARE(again.textOffset(), 2);
    QCOMPARE(again.next(), Token::Number);
    QCOMPARE(again.next(), Token::String);
    QCOMPARE(again.text(), "Ж");
    QCOMPARE(again.next(), Token::Error);
    QCOMPARE(again.position(seven).line, 1);
    QCOMPARE(again.position(seven).column, before.column);
    QCOMPARE(again.position(again.errorOffset()).line, 2);
    QCOMPARE(again.position(again.errorOffset()).column, 7);
}

void TestJsonReader::depthLimit_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("errorOffset");

    QTest::newRow("arrays at the limit") << "[[[]]]"_ba << 3 << true << -1;
    QTest::newRow("arrays past the limit") << "[[[[]]]]"_ba << 3 << false << 3;
    QTest::newRow("objects at the limit") << R"({"a":{"b":{}}})"_ba << 3 << true << -1;
    QTest::newRow("objects past the limit") << R"({"a":{"b":{"c":{}}}})"_ba << 3 << false << 15;
    QTest::newRow("mixed past the limit") << R"([{"a":[[]]}])"_ba << 3 << false << 7;
    QTest::newRow("siblings do not add up") << "[[[]],[[]],[[]]]"_ba << 3 << true << -1;
    QTest::newRow("256 deep, default limit")
        << QByteArray(256, '[') + QByteArray(256, ']') << 256 << true << -1;
    QTest::newRow("257 deep, default limit")
        << QByteArray(257, '[') + QByteArray(257, ']') << 256 << false << 256;
}

void TestJsonReader::depthLimit()
{
    QFETCH(QByteArray, json);
    QFETCH(int, maxDepth);
    QFETCH(bool, ok);
    QFETCH(int, errorOffset);

    JsonReader reader(json, maxDepth);
    int deepest = 0;
    while (reader.next() != Token::EndOfDocument && reader.token() != Token::Error)
        deepest = std::max(deepest, reader.depth());
    QCOMPARE(!reader.hasError(), ok);
    QVERIFY(deepest <= maxDepth);
    if (!ok) {
        QCOMPARE(reader.errorString(), u"nesting is deeper than %1 levels"_s.arg(maxDepth));
        QCOMPARE(reader.errorOffset(), errorOffset);
    }
}

void TestJsonReader::deepInputDoesNotCrash()
{
    // A hostile file: nesting far past the limit ends in an error, with no recursion to overflow.
    for (const char open : { '[', '{' }) {
        const QByteArray json =
            open == '[' ? QByteArray(100000, '[') : QByteArray("{\"a\":").repeated(100000);
        JsonReader reader(json);
        int count = 0;
        while (reader.next() != Token::Error) {
            QVERIFY(reader.token() != Token::EndOfDocument);
            QVERIFY(++count <= 1000);
        }
        QCOMPARE(reader.errorString(), u"nesting is deeper than 256 levels"_s);
        QCOMPARE(reader.depth(), 256);
    }
}

void TestJsonReader::skipValue_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("tokensBefore"); // how many tokens to read before skipValue()
    QTest::addColumn<QByteArrayList>("after"); // what next() gives after skipValue()

    QTest::newRow("member value, nested") << R"({"skip":{"a":[1,2,{"b":[]}],"c":"}]"},"next":true})"_ba << 2
                                          << QByteArrayList { "K:next", "true", "}", "$" };
    QTest::newRow("member value, scalar")
        << R"({"a":1,"b":2})"_ba << 2 << QByteArrayList { "K:b", "N:2", "}", "$" };
    QTest::newRow("member value, empty object")
        << R"({"a":{},"b":2})"_ba << 2 << QByteArrayList { "K:b", "N:2", "}", "$" };
    QTest::newRow("after the key's value was read")
        << R"({"a":[[1],[2]],"b":2})"_ba << 3 << QByteArrayList { "K:b", "N:2", "}", "$" };
    QTest::newRow("array element") << "[[1,[2,[3]]],4]"_ba << 2 << QByteArrayList { "N:4", "]", "$" };
    QTest::newRow("scalar element") << R"(["x",4])"_ba << 2 << QByteArrayList { "N:4", "]", "$" };
    QTest::newRow("whole document") << R"({"a":[1,{"b":2}]})"_ba << 1 << QByteArrayList { "$" };
    QTest::newRow("brackets inside strings")
        << R"([["[{", "\"]"], 5])"_ba << 2 << QByteArrayList { "N:5", "]", "$" };
}

void TestJsonReader::skipValue()
{
    QFETCH(QByteArray, json);
    QFETCH(int, tokensBefore);
    QFETCH(QByteArrayList, after);

    JsonReader reader(json);
    for (int i = 0; i < tokensBefore; ++i)
        QVERIFY(reader.next() != Token::Error);
    const int depth =
        reader.depth() - (reader.token() == Token::BeginObject || reader.token() == Token::BeginArray);
    reader.skipValue();
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.depth(), depth);

    QByteArrayList rest;
    while (rest.size() < 20) {
        const Token token = reader.next();
        if (token == Token::Key)
            rest += "K:" + reader.text().toByteArray();
        else if (token == Token::Number)
            rest += "N:" + reader.text().toByteArray();
        else if (token == Token::True)
            rest += "true";
        else if (token == Token::EndObject)
            rest += "}";
        else if (token == Token::EndArray)
            rest += "]";
        else if (token == Token::EndOfDocument)
            rest += "$";
        else
            rest += "?";
        if (token == Token::EndOfDocument || token == Token::Error)
            break;
    }
    QCOMPARE(rest, after);
}

void TestJsonReader::skipValueStopsAtAnError()
{
    JsonReader reader(R"({"a":[1,{"b":}],"c":1})");
    QCOMPARE(reader.next(), Token::BeginObject);
    QCOMPARE(reader.next(), Token::Key);
    reader.skipValue(); // must return, not loop, when the value is broken
    QVERIFY(reader.hasError());
    QCOMPARE(reader.errorString(), u"expected a value, found '}'"_s);
    QCOMPARE(reader.errorOffset(), 13);
}

void TestJsonReader::positionCountsCharacters_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const QByteArray text = "ab\n\xc3\xa9x\n\n\xf0\x9f\x98\x80y"_ba;
    QTest::newRow("start") << text << 0 << 1 << 1;
    QTest::newRow("end of the first line") << text << 2 << 1 << 3;
    QTest::newRow("start of the second line") << text << 3 << 2 << 1;
    QTest::newRow("after a two-byte character") << text << 5 << 2 << 2;
    QTest::newRow("empty line") << text << 7 << 3 << 1;
    QTest::newRow("after a four-byte character") << text << 12 << 4 << 2;
    QTest::newRow("past the end is clamped") << text << 1000 << 4 << 3;
    QTest::newRow("negative is clamped") << text << -5 << 1 << 1;
}

void TestJsonReader::positionCountsCharacters()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    JsonReader reader(text);
    // position() caches its last answer; asking out of order must give the same result.
    for (const int first : { 0, 12, int(text.size()) }) {
        (void)reader.position(first);
        const JsonReader::Position position = reader.position(offset);
        QCOMPARE(position.line, line);
        QCOMPARE(position.column, column);
    }
}

SOURCELINE_TEST_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
