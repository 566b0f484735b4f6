#pragma once

#include "timex.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The command line's article commands, --timex and --draft: what they print and how they
// fail, kept out of main.cpp so that tests can run them directly.
namespace ArticleCli {

struct Output
{
    int exitCode = 0; // 0 success, 1 failure, 2 a usage error
    QByteArray standardOutput;
    QString standardError; // messages and warnings, each line ending in '\n'
};

// `sourceline --timex ARTICLE [--published YYYY-MM-DD]`.
Output timex(const QString &articlePath, const QString &published);

// `sourceline --draft ARTICLE [--published YYYY-MM-DD] [--title TEXT] [--save-as OUT]`: a format-v1
// timeline of draft events, on standard output or saved to `saveAs`.
Output draft(const QString &articlePath, const QString &published, const QString &title,
             const QString &saveAs);

// {"timex": [{"begin", "end", "text", "type", "value", "edtf"}]} with offsets in code points.
QByteArray timexJson(const QString &text, const QList<Timex> &found);

} // namespace ArticleCli
