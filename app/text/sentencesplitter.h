#pragma once

#include "timeline.h"

#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

// Splits prose into sentences with rules tuned for news text. A sentence ends at '.', '!', '?'
// or '…' (a run of them, then any closing quotes or brackets) followed by white space, unless
// the next word starts in lower case or the word before the dot is an abbreviation ("Dr.",
// "St.", "Jan.") or an initialism ("U.S.", "e.g.", "J."). A sentence also ends after '。', '！'
// or '？' (and any closing quotes or brackets, 」 』 ” ）), with or without a space. A line break
// always ends one.
// QTextBoundaryFinder, by contrast, breaks after "U.S." and "Dr." in the middle of a sentence.
class SentenceSplitter
{
public:
    static QList<Sentence> split(QStringView text);
    // The same sentences, in UTF-16 offsets, as split(QString::fromUtf8(utf8)) finds, read from
    // valid UTF-8 without widening it (split(QStringView) reads its text's UTF-8 too). `bytes`, when given, receives each one's byte offsets too,
    // unless the text is ASCII, where they are the same: it is then left as it is.
    static QList<Sentence> split(QByteArrayView utf8, std::vector<Sentence> *bytes = nullptr);

    // The first and last sentence (inclusive) that overlap the characters [start, end), or
    // nullopt when no sentence does (the range lies in white space between them).
    static std::optional<std::pair<qsizetype, qsizetype>> covering(std::span<const Sentence> sentences,
                                                                   qsizetype start, qsizetype end);
    static std::optional<std::pair<qsizetype, qsizetype>> covering(const QList<Sentence> &sentences,
                                                                   qsizetype start, qsizetype end)
    {
        return covering(std::span(sentences.constData(), std::size_t(sentences.size())), start, end);
    }

private:
    // Whether `word`, the letters and dots just before a sentence's dot, make an abbreviation.
    static bool isAbbreviationWord(QStringView word);
};

// The sentences of one text, indexed for many look-ups: where does a range start, in a step or
// two. A binary search over a long text's sentences takes a cache miss at most of its steps.
// It costs 4 to 8 bytes a sentence, and holds a view of them: they outlive it.
class SentenceIndex
{
public:
    explicit SentenceIndex(std::span<const Sentence> sentences);

    // What SentenceSplitter::covering(sentences, start, end) gives.
    std::optional<std::pair<qsizetype, qsizetype>> covering(qsizetype start, qsizetype end) const;

private:
    std::span<const Sentence> m_sentences;
    int m_shift = 0; // a block is 1 << m_shift positions
    std::vector<std::uint32_t> m_firstEndingAfter; // the first sentence that ends after a block's start
};
