#pragma once

#include <QByteArrayView>

// Tells which of the formats Sourceline reads a file is in, from its content alone (a file's
// name says little: TimelineJS files and ours are both .json). Looks at as few bytes as it can:
// the top-level keys of a JSON object up to the first that decides, or a CSV's header row.
namespace FormatDetector {

enum class Format { Sourceline, TimelineJs, Csv };

// Anything that is not recognisably TimelineJS or a CSV of events counts as Sourceline, whose
// loader then says what is wrong with it.
Format detect(QByteArrayView data);

} // namespace FormatDetector
