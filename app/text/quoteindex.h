#pragma once

#include <QStringView>

#include <cstdint>
#include <utility>
#include <vector>

// Finds quotes in a long text without reading the whole text once per quote: every position
// of the text is filed under the hash of the k characters that start there, so a quote's
// candidate positions come from one binary search and only those are compared. Building costs
// about 8 bytes per character of the text; it pays once a source has more than a few quotes.
class QuoteIndex
{
public:
    static constexpr qsizetype gramLength = 8;

    explicit QuoteIndex(QStringView text);

    // The first position of `quote` in the text, or -1; the same answer as QStringView::indexOf.
    qsizetype indexOf(QStringView quote) const;

private:
    static std::uint32_t hash(QStringView gram);

    QStringView m_text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_grams; // (hash, position), sorted
};
