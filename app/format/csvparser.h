#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

// Splits CSV text (RFC 4180: comma-separated fields, double quotes around fields that hold
// commas, quotes or line breaks, "" for a quote inside them; CRLF or LF line ends) into
// records, keeping where each record and field starts so that errors can name the place.
class CsvParser
{
public:
    struct Record
    {
        qsizetype line = 0; // 1-based line of the record's first character
        QStringList fields;
        QList<qsizetype> columns; // 1-based column, in characters, where each field starts
    };

    struct Error
    {
        qsizetype line = 0;
        qsizetype column = 0;
        QString message;
    };

    // `utf8` without a byte-order mark. On an error, parsing stops: the records before it are
    // kept and the error says where reading stopped.
    explicit CsvParser(QByteArrayView utf8);

    // Reads the next record; false at the end of the text or on an error.
    bool next(Record *record);
    bool hasError() const { return !m_error.message.isEmpty(); }
    const Error &error() const { return m_error; }

private:
    void fail(const QString &message);

    QString m_text;
    qsizetype m_pos = 0;
    qsizetype m_line = 1;
    qsizetype m_lineStart = 0;
    Error m_error;
};
