#pragma once

#include <QStringView>

#include <cstdint>
#include <vector>

// Finds quotes in a long text without reading the whole text once per quote. Every position of
// the text is filed, in one linear pass, in a bucket chosen by a rolling hash of the k
// characters that start there. A quote is looked for through the rarest of a few of its own
// k-grams, so that its candidates are few however repetitive the text, and each candidate is
// compared once. Building costs about 6 bytes per character of the text and time linear in it;
// it pays once a source has more than a few quotes.
class QuoteIndex
{
public:
    static constexpr qsizetype gramLength = 8;

    explicit QuoteIndex(QStringView text);

    // Whether `quotes` quotes are found faster in a text of `textLength` UTF-16 units through an
    // index than by scanning the text once for each; false too when the text is too long to index.
    static bool worthBuilding(qsizetype quotes, qsizetype textLength);

    // The first position of `quote` in the text, or -1; the same answer as QStringView::indexOf.
    qsizetype indexOf(QStringView quote) const;

private:
    std::uint32_t bucket(std::uint32_t hash) const { return (hash * 0x9e37'79b1u) >> m_shift; }

    QStringView m_text;
    int m_shift = 32;
    std::vector<std::uint32_t> m_starts; // bucket b's positions are m_positions[m_starts[b], m_starts[b + 1])
    std::vector<std::uint32_t> m_positions; // by bucket; increasing within each
};
