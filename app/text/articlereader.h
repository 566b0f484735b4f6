#pragma once

#include <QString>

#include <optional>

// Reads an article (plain text or Markdown) for the tagger and the drafter, and says clearly
// what is wrong with a file that is not one: missing, empty, binary, too large. Text that is
// not UTF-8 is read as Latin-1, with a warning saying so.
class ArticleReader
{
public:
    struct Article
    {
        QString text;
        QString warning; // for the user, empty when the file read cleanly
    };

    static constexpr qint64 s_maxBytes = 64 * 1024 * 1024;

    // On failure returns nullopt and a message naming the file (and the place, where there is one).
    static std::optional<Article> read(const QString &fileName, QString *error);
    static std::optional<Article> decode(const QByteArray &bytes, const QString &fileName, QString *error);
};
