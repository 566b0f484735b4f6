#include "articlereader.h"

#include "plaintext.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

std::optional<ArticleReader::Article> ArticleReader::read(const QString &fileName, QString *error)
{
    const QString name = PlainText::escapeControls(fileName, false);
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = name + u": "_s
            + QCoreApplication::translate("ArticleReader", "cannot read the article: %1")
                  .arg(file.errorString());
        return std::nullopt;
    }
    if (file.size() > s_maxBytes) {
        *error = name + u": "_s
            + QCoreApplication::translate("ArticleReader",
                                          "the article is %1 MiB; Sourceline reads articles of up "
                                          "to %2 MiB")
                  .arg(file.size() / (1024 * 1024))
                  .arg(s_maxBytes / (1024 * 1024));
        return std::nullopt;
    }
    return decode(file.readAll(), fileName, error);
}

std::optional<ArticleReader::Article> ArticleReader::decode(const QByteArray &bytes, const QString &fileName,
                                                            QString *error)
{
    const QString name = PlainText::escapeControls(fileName, false);
    // A NUL byte never occurs in text, in UTF-8 or Latin-1: the file is something else.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        *error = name + u": "_s
            + QCoreApplication::translate(
                  "ArticleReader", "byte %1: this is a binary file, not an article (it holds a NUL byte)")
                  .arg(nul + 1);
        return std::nullopt;
    }
    Article article;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    article.text = utf8.decode(bytes);
    if (utf8.hasError()) {
        article.text = QString::fromLatin1(bytes);
        // The first byte that is not UTF-8, so the user can find it.
        qsizetype at = 0;
        for (qsizetype step = 1; at < bytes.size(); at += step) {
            const auto lead = static_cast<unsigned char>(bytes[at]);
            step = lead < 0x80        ? 1
                : (lead >> 5) == 0x6  ? 2
                : (lead >> 4) == 0xE  ? 3
                : (lead >> 3) == 0x1E ? 4
                                      : 0;
            const auto continuation = [&](qsizetype i) {
                return (static_cast<unsigned char>(bytes[i]) >> 6) == 0x2;
            };
            if (step == 0 || at + step > bytes.size())
                break;
            bool whole = true;
            for (qsizetype i = at + 1; i < at + step; ++i)
                whole = whole && continuation(i);
            if (!whole)
                break;
        }
        article.warning = name + u": "_s
            + QCoreApplication::translate("ArticleReader",
                                          "byte %1: the article is not UTF-8; read it as Latin-1")
                  .arg(at + 1);
    }
    if (article.text.startsWith(QChar::ByteOrderMark))
        article.text.remove(0, 1);
    if (article.text.trimmed().isEmpty()) {
        *error = name + u": "_s + QCoreApplication::translate("ArticleReader", "the article is empty");
        return std::nullopt;
    }
    return article;
}
