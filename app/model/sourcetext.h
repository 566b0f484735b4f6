#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <mutex>

// The text of a source. A loaded one stays the UTF-8 it was read as (a slice of the file's own
// bytes when it had no escapes) and is widened to UTF-16 once, when something first asks for
// it: sources can be most of a file, and a load that widened them all wrote and touched twice
// their size in memory for text that no view may ever show. Copies share the text and its
// widened form; widening is safe from any thread.
class SourceText
{
public:
    SourceText() = default;
    explicit SourceText(QString text);
    // `size` bytes of valid UTF-8 at `offset` in `bytes`, which is shared, not copied.
    static SourceText fromUtf8(QByteArray bytes, qsizetype offset, qsizetype size);

    const QString &toString() const;
    // The text as UTF-8 when it was given so, else a null view (then ask toString()).
    QByteArrayView utf8() const
    {
        return m_data && !m_data->bytes.isNull()
            ? QByteArrayView(m_data->bytes).sliced(m_data->offset, m_data->size)
            : QByteArrayView();
    }

private:
    struct Data
    {
        QByteArray bytes;
        qsizetype offset = 0;
        qsizetype size = 0;
        std::once_flag widened;
        QString text;
    };
    std::shared_ptr<Data> m_data;
};
