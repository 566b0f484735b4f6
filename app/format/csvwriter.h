#pragma once

#include <QByteArray>

class Timeline;

// Writes a timeline's events as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break), one row per event in date order, with the columns id, start,
// end, when, dateText, title, kind, actors, summary, evidence. UTF-8 with a byte-order mark, so
// that spreadsheets take it as UTF-8. CsvTimelineReader reads it back.
namespace CsvWriter {

QByteArray toCsv(const Timeline &timeline);

// A field as RFC 4180 wants it: quoted, with quotes doubled, when it needs to be.
QString field(const QString &text);

} // namespace CsvWriter
