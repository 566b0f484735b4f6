#pragma once

#include <QStringView>

#include <cstdint>
#include <vector>

// Finds quotes in a long text without reading the whole text once per quote. Every `stride`-th
// position of the text is filed, in one linear pass, in a bucket chosen by a hash of the k
// characters that start there. Any occurrence of a quote has a filed position among `stride`
// consecutive offsets into it, so a quote is looked for through the buckets of such a run of its
// grams, the run whose buckets are smallest among a few spread over the quote, and each
// candidate is compared once. Building costs about 1.5 bytes per character of the text and time
// linear in it; it pays once a source has enough quotes (worthBuilding()).
class QuoteIndex
{
public:
    static constexpr qsizetype gramLength = 8;
    static constexpr qsizetype stride = 4;
    // Shorter quotes have no run of `stride` grams: they are found by a scan of the text.
    static constexpr qsizetype shortestIndexedQuote = gramLength + stride - 1;

    explicit QuoteIndex(QStringView text);

    // Whether `quotes` quotes of `quoteUnits` UTF-16 units in all are found faster in a text of
    // `textLength` units through an index than by scanning the text once for each (a scan skips
    // ahead by about a quote's length at a time, so short quotes cost the most); false too when
    // the text is too long to index.
    static bool worthBuilding(qsizetype quotes, qsizetype quoteUnits, qsizetype textLength);

    // The first position of `quote` in the text, or -1; the same answer as QStringView::indexOf.
    qsizetype indexOf(QStringView quote) const;

private:
    std::uint32_t bucket(std::uint32_t hash) const { return (hash * 0x9e37'79b1u) >> m_shift; }
    std::uint32_t bucketSize(std::uint32_t b) const { return m_starts[b + 1] - m_starts[b]; }

    QStringView m_text;
    int m_shift = 32;
    std::vector<std::uint32_t> m_starts; // bucket b's positions are m_positions[m_starts[b], m_starts[b + 1])
    std::vector<std::uint32_t> m_positions; // by bucket; increasing within each
};
