#include "htmltext.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

// Elements after which a browser starts a new line.
bool endsBlock(QStringView name)
{
    static const QStringView blocks[] = {
        u"p",  u"div", u"br", u"li", u"ul",         u"ol", u"h1",    u"h2",
        u"h3", u"h4",  u"h5", u"h6", u"blockquote", u"tr", u"table", u"hr"
    };
    for (QStringView block : blocks) {
        if (name.compare(block, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The named references that TimelineJS texts use in practice; others are kept as written.
char32_t namedReference(QStringView name)
{
    static const QHash<QString, char32_t> names {
        { u"amp"_s, U'&' },         { u"lt"_s, U'<' },         { u"gt"_s, U'>' },
        { u"quot"_s, U'"' },        { u"apos"_s, U'\'' },      { u"nbsp"_s, U'\u00a0' },
        { u"ndash"_s, U'\u2013' },  { u"mdash"_s, U'\u2014' }, { u"lsquo"_s, U'\u2018' },
        { u"rsquo"_s, U'\u2019' },  { u"ldquo"_s, U'\u201c' }, { u"rdquo"_s, U'\u201d' },
        { u"hellip"_s, U'\u2026' }, { u"copy"_s, U'\u00a9' },  { u"eacute"_s, U'\u00e9' },
        { u"euro"_s, U'\u20ac' },
    };
    return names.value(name.toString(), 0);
}

// Decodes the reference that starts at text[i] == '&'; returns its length, or 0 if it is none.
qsizetype decodeReference(QStringView text, qsizetype i, QString *out)
{
    const qsizetype semicolon = text.indexOf(u';', i + 1);
    if (semicolon < 0 || semicolon - i > 12)
        return 0;
    const QStringView name = text.sliced(i + 1, semicolon - i - 1);
    char32_t code = 0;
    if (name.startsWith(u'#')) {
        bool ok = false;
        const bool hex = name.size() > 1 && (name[1] == u'x' || name[1] == u'X');
        const uint value = name.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        // Control characters and surrogates stay out of the text.
        if (!ok || value < 0x20 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff) || value == 0x7f)
            return 0;
        code = value;
    } else {
        code = namedReference(name);
        if (code == 0)
            return 0;
    }
    out->append(QStringView(QChar::fromUcs4(code)));
    return semicolon - i + 1;
}

} // namespace

QString HtmlText::toPlainText(QStringView html)
{
    QString text;
    text.reserve(html.size());
    for (qsizetype i = 0; i < html.size();) {
        const QChar c = html[i];
        if (c == u'<') {
            const qsizetype close = html.indexOf(u'>', i + 1);
            if (close < 0) { // a lone '<' is text
                text += c;
                ++i;
                continue;
            }
            QStringView tag = html.sliced(i + 1, close - i - 1).trimmed();
            const bool closing = tag.startsWith(u'/');
            if (closing)
                tag = tag.sliced(1);
            qsizetype nameEnd = 0;
            while (nameEnd < tag.size() && tag[nameEnd].isLetterOrNumber())
                ++nameEnd;
            const QStringView name = tag.first(nameEnd);
            i = close + 1;
            // A browser shows nothing of a script or a style sheet.
            if (!closing
                && (name.compare(u"script", Qt::CaseInsensitive) == 0
                    || name.compare(u"style", Qt::CaseInsensitive) == 0)) {
                const QString endTag = u"</"_s + name;
                const qsizetype end = html.indexOf(endTag, i, Qt::CaseInsensitive);
                const qsizetype endClose = end < 0 ? -1 : html.indexOf(u'>', end);
                i = endClose < 0 ? html.size() : endClose + 1;
                continue;
            }
            if (endsBlock(name))
                text += u'\n';
        } else if (c == u'&') {
            const qsizetype used = decodeReference(html, i, &text);
            text += used == 0 ? QString(c) : QString();
            i += used == 0 ? 1 : used;
        } else {
            text += c;
            ++i;
        }
    }

    // Collapse white space as a browser would, keeping at most one empty line between blocks.
    QString out;
    out.reserve(text.size());
    int newlines = 0;
    bool space = false;
    for (const QChar c : std::as_const(text)) {
        if (c == u'\n' || c == u'\r') {
            if (c == u'\n' && !out.isEmpty())
                ++newlines;
            space = false;
        } else if (c.isSpace() && c != QChar(0x00a0)) {
            space = !out.isEmpty();
        } else if (c.category() == QChar::Other_Control) {
            continue;
        } else {
            if (newlines > 0)
                out += newlines > 1 ? u"\n\n"_s : u"\n"_s;
            else if (space)
                out += u' ';
            newlines = 0;
            space = false;
            out += c;
        }
    }
    return out;
}

QString HtmlText::toPlainLine(QStringView html)
{
    QString line = toPlainText(html);
    line.replace(u"\n\n"_s, u" "_s);
    line.replace(u'\n', u' ');
    return line;
}

QString HtmlText::escape(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += u"&amp;"_s;
            break;
        case '<':
            out += u"&lt;"_s;
            break;
        case '>':
            out += u"&gt;"_s;
            break;
        case '"':
            out += u"&quot;"_s;
            break;
        case '\n':
            out += u"<br>"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}
