#include "csvparser.h"

#include <QCoreApplication>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

CsvParser::CsvParser(QByteArrayView utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    m_text = decoder.decode(utf8);
    if (decoder.hasError()) {
        // Find the line of the first bad byte, so that the user can find it.
        for (qsizetype start = 0; start < utf8.size(); ++m_line) {
            qsizetype end = utf8.indexOf('\n', start);
            end = end < 0 ? utf8.size() : end + 1;
            QStringDecoder line(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = line.decode(utf8.sliced(start, end - start));
            if (line.hasError())
                break;
            start = end;
        }
        m_error = { m_line, 1,
                    QCoreApplication::translate("CsvParser",
                                                "the text is not UTF-8: save the CSV as UTF-8") };
        m_text.clear();
    }
}

void CsvParser::fail(const QString &message)
{
    m_error = { m_line, m_pos - m_lineStart + 1, message };
}

bool CsvParser::next(Record *record)
{
    if (hasError() || m_pos >= m_text.size())
        return false;
    record->line = m_line;
    record->fields.clear();
    record->columns.clear();
    const QChar *text = m_text.constData();
    const qsizetype size = m_text.size();
    for (;;) {
        // One field.
        record->columns.append(m_pos - m_lineStart + 1);
        QString field;
        if (m_pos < size && text[m_pos] == u'"') {
            const qsizetype openLine = m_line, openColumn = m_pos - m_lineStart + 1;
            ++m_pos;
            for (;;) {
                if (m_pos >= size) {
                    m_error = { openLine, openColumn,
                                QCoreApplication::translate(
                                    "CsvParser", "the quoted field that starts here has no closing quote") };
                    return false;
                }
                const QChar c = text[m_pos];
                if (c == u'"') {
                    if (m_pos + 1 < size && text[m_pos + 1] == u'"') {
                        field += u'"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    break;
                }
                if (c == u'\n') {
                    ++m_line;
                    m_lineStart = m_pos + 1;
                }
                field += c;
                ++m_pos;
            }
            if (m_pos < size && text[m_pos] != u',' && text[m_pos] != u'\n' && text[m_pos] != u'\r') {
                fail(QCoreApplication::translate(
                    "CsvParser", "text after a closing quote: write a quote inside a quoted field as \"\""));
                return false;
            }
        } else {
            const qsizetype start = m_pos;
            while (m_pos < size && text[m_pos] != u',' && text[m_pos] != u'\n' && text[m_pos] != u'\r')
                ++m_pos;
            field = m_text.sliced(start, m_pos - start);
        }
        record->fields.append(field);

        if (m_pos >= size)
            return true;
        if (text[m_pos] == u',') {
            ++m_pos;
            continue;
        }
        // The end of the record: CRLF, LF or a lone CR.
        if (text[m_pos] == u'\r')
            ++m_pos;
        if (m_pos < size && text[m_pos] == u'\n')
            ++m_pos;
        ++m_line;
        m_lineStart = m_pos;
        return true;
    }
}
