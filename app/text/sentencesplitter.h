#pragma once

#include "timeline.h"

#include <QList>
#include <QStringView>

#include <optional>
#include <utility>

// Splits prose into sentences with rules tuned for news text. A sentence ends at '.', '!', '?'
// or '…' (a run of them, then any closing quotes or brackets) followed by white space, unless
// the next word starts in lower case or the word before the dot is an abbreviation ("Dr.",
// "St.", "Jan.") or an initialism ("U.S.", "e.g.", "J."). A line break always ends one.
// QTextBoundaryFinder, by contrast, breaks after "U.S." and "Dr." in the middle of a sentence.
class SentenceSplitter
{
public:
    static QList<Sentence> split(QStringView text);

    // The first and last sentence (inclusive) that overlap the characters [start, end), or
    // nullopt when no sentence does (the range lies in white space between them).
    static std::optional<std::pair<qsizetype, qsizetype>> covering(const QList<Sentence> &sentences,
                                                                   qsizetype start, qsizetype end);

private:
    static bool isAbbreviation(QStringView text, qsizetype dot);
};
