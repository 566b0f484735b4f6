#include "sourcetext.h"

#include <QStringDecoder>

SourceText::SourceText(QString text)
    : m_data(std::make_shared<Data>())
{
    m_data->text = std::move(text);
}

SourceText SourceText::fromUtf8(QByteArray bytes, qsizetype offset, qsizetype size)
{
    SourceText text;
    text.m_data = std::make_shared<Data>();
    // A null array is how utf8() tells a text given as UTF-16; an empty text is not null.
    text.m_data->bytes = bytes.isNull() ? QByteArray("") : std::move(bytes);
    text.m_data->offset = offset;
    text.m_data->size = size;
    return text;
}

const QString &SourceText::toString() const
{
    static const QString empty;
    if (!m_data)
        return empty;
    std::call_once(m_data->widened, [data = m_data.get()] {
        // A leading U+FEFF is a character of the text (QString::fromUtf8 would drop it, and every
        // sentence found in the bytes would then start one character late).
        if (!data->bytes.isNull()) {
            QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
            data->text = decode(QByteArrayView(data->bytes).sliced(data->offset, data->size));
        }
    });
    return m_data->text;
}
