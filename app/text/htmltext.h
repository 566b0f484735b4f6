#pragma once

#include <QString>
#include <QStringView>

// Turns the HTML that TimelineJS allows in its text fields into plain text: tags are dropped
// (block ends become line breaks), character references decoded, white space collapsed. The
// result is shown as plain text, never rendered, so nothing in it can run or load.
namespace HtmlText {

QString toPlainText(QStringView html);
// The same on one line, for titles.
QString toPlainLine(QStringView html);
// `text` with &, <, > and " escaped, and line breaks as <br>: for writing plain text into
// a format whose readers render HTML.
QString escape(QStringView text);

} // namespace HtmlText
