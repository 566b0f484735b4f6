#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

class Timeline;

// Writes a timeline as a format-v1 file (docs/format.md) in one canonical form: members in the
// order the format documents them, elements in the timeline's order (events by date), optional
// members only when they hold something, two-space indentation. Loading a file and writing it
// again therefore gives the same bytes every time, and a saved file diffs cleanly in git.
namespace TimelineWriter {

// From this many events on, the events are written on two threads, block and block about.
inline constexpr std::size_t s_splitEvents = 4096;

// The file's bytes, UTF-8.
QByteArray toJson(const Timeline &timeline);

// Writes the same bytes through QSaveFile as they are made, a block at a time, so a failed save
// leaves any existing file as it was. On failure returns false and, when `error` is given,
// says why, naming the file.
bool save(const Timeline &timeline, const QString &path, QString *error = nullptr);

} // namespace TimelineWriter
