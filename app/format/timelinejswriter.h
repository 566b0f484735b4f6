#pragma once

#include <QByteArray>

class Timeline;

// Writes a timeline as TimelineJS (version 3) JSON: the title slide from the title and
// description, a slide per event (headline, text holding the summary and the evidence
// sentences as HTML-escaped paragraphs, start and end dates to the event's precision, group =
// its first actor, display_date = the source's phrase, media = its first reference with an
// address), and the eras. TimelineJsReader reads it back.
namespace TimelineJsWriter {

QByteArray toJson(const Timeline &timeline);

} // namespace TimelineJsWriter
