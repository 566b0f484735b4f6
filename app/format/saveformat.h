#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class Timeline;

// The formats a timeline can be saved in, chosen by name (--to) or by the file's extension,
// and saving in them atomically: a failed save leaves any existing file as it was.
namespace SaveFormat {

enum class Format { Sourceline, TimelineJs, Csv };

// "sourceline", "timelinejs" or "csv", as --to takes them.
std::optional<Format> fromName(QStringView name);
QStringList names();
// .csv is CSV; anything else our own format (TimelineJS JSON is .json too, so it is asked for).
Format fromFileName(const QString &path);

QByteArray bytes(const Timeline &timeline, Format format);
// On failure returns false and, when `error` is given, says why, naming the file.
bool save(const Timeline &timeline, Format format, const QString &path, QString *error = nullptr);

} // namespace SaveFormat
