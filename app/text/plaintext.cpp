#include "plaintext.h"

using namespace Qt::StringLiterals;

namespace {

bool isControl(char32_t c)
{
    // C0, DEL, C1, and the bidirectional overrides that can make text read differently.
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

void appendEscaped(QString &out, char32_t c)
{
    switch (c) {
    case U'\n':
        out += u"\\n"_s;
        return;
    case U'\t':
        out += u"\\t"_s;
        return;
    case U'\r':
        out += u"\\r"_s;
        return;
    default:
        out += u"\\u"_s + QString::number(uint(c), 16).rightJustified(4, u'0');
    }
}

} // namespace

namespace PlainText {

QString escapeControls(QStringView text, bool keepLineBreaks)
{
    QString out;
    out.reserve(text.size());
    // Every control character is in the BMP, so UTF-16 units can be judged one by one.
    for (const QChar c : text) {
        const char32_t unit = c.unicode();
        if (isControl(unit) && !(keepLineBreaks && unit == U'\n'))
            appendEscaped(out, unit);
        else
            out += c;
    }
    return out;
}

QString quoted(QStringView text, qsizetype maxLength)
{
    QString out = escapeControls(text, false);
    if (out.size() > maxLength) {
        out.truncate(maxLength);
        if (out.back().isHighSurrogate())
            out.chop(1);
        out += u'…';
    }
    return u'"' + out + u'"';
}

QString quoted(QByteArrayView utf8, qsizetype maxLength)
{
    // Decode no more than needed (a value may be megabytes long); the head still holds more
    // than maxLength characters whenever the value does, so the cut below shows.
    return quoted(QString::fromUtf8(utf8.first(std::min(utf8.size(), maxLength * 4 + 4))), maxLength);
}

} // namespace PlainText
