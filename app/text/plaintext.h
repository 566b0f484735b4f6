#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

// Helpers that turn text from a file into something safe to show a person: control
// characters escaped, long values shortened, and never interpreted as markup.
namespace PlainText {

// `text` in double quotes, control characters escaped as \n, \t or \u001b, and cut to
// `maxLength` characters with an ellipsis: for quoting a file's values in messages.
QString quoted(QStringView text, qsizetype maxLength = 60);
QString quoted(QByteArrayView utf8, qsizetype maxLength = 60);

// `text` with every control character except the line break escaped, so that printing it to a
// terminal cannot move the cursor, change colours or retitle the window.
QString escapeControls(QStringView text, bool keepLineBreaks = true);

} // namespace PlainText
