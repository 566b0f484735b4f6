#pragma once

#include "timeline.h"

#include <QByteArray>
#include <QString>

// What the command line prints about a loaded timeline; kept out of main.cpp so tests can
// check it directly as well as through the binary.
namespace Cli {

// One line: title, counts and date range, with values from the file escaped for a terminal.
QString summary(const Timeline &timeline, const QString &fileName);

// The loaded timeline as indented JSON: what --dump prints (see README).
QByteArray dump(const Timeline &timeline);

// UTF-8 JSON with the characters a terminal could act on (C1 controls, bidirectional
// overrides) written as \u escapes.
QByteArray escapeForTerminal(const QByteArray &json);

} // namespace Cli
