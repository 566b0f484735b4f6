#pragma once

#include <QByteArrayView>
#include <QStringView>

// Tells which of the formats Sourceline reads a file is in, from its content alone (a file's
// name says little: TimelineJS files and ours are both .json). Looks at as few bytes as it can:
// the top-level keys of a JSON object up to the first that decides, or a CSV's header row.
namespace FormatDetector {

enum class Format { Sourceline, TimelineJs, Csv };

// Anything that is not recognisably TimelineJS or a CSV counts as Sourceline, whose loader then
// says what is wrong with it. A CSV is one whose header names a timeline's columns, or else,
// so that a spreadsheet that is no timeline is told what it lacks rather than that it is
// malformed JSON, one named *.csv or whose first two rows split into the same number of
// fields (two or more) at commas; never a file that starts with '{' or '['.
Format detect(QByteArrayView data, QStringView fileName = {});

} // namespace FormatDetector
