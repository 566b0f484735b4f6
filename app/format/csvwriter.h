#pragma once

#include <QByteArray>

class Timeline;

// Writes a timeline's events as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break), one row per event in date order, with the columns id, start,
// end, when, dateText, title, kind, actors, summary, evidence. UTF-8 with a byte-order mark, so
// that spreadsheets take it as UTF-8; text that would be a formula starts with an apostrophe.
// CsvTimelineReader reads it back.
namespace CsvWriter {

QByteArray toCsv(const Timeline &timeline);

// A field as RFC 4180 wants it: quoted, with quotes doubled, when it needs to be.
QString field(const QString &text);

// Text that a spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage
// return, perhaps after apostrophes) with an apostrophe before it: LibreOffice and Excel then
// show it as text rather than run it. The free-text columns are written through this.
QString textField(const QString &text);
// The inverse, for reading our CSV back: one leading apostrophe off such text.
QString fromTextField(const QString &text);

} // namespace CsvWriter
