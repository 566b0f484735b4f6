#include "quoteindex.h"

#include <algorithm>

QuoteIndex::QuoteIndex(QStringView text)
    : m_text(text)
{
    if (text.size() < gramLength)
        return;
    m_grams.reserve(std::size_t(text.size() - gramLength + 1));
    for (qsizetype pos = 0; pos + gramLength <= text.size(); ++pos)
        m_grams.emplace_back(hash(text.sliced(pos, gramLength)), std::uint32_t(pos));
    std::sort(m_grams.begin(), m_grams.end());
}

std::uint32_t QuoteIndex::hash(QStringView gram)
{
    std::uint32_t h = 2166136261u; // FNV-1a over the UTF-16 units
    for (const QChar c : gram) {
        h = (h ^ c.unicode()) * 16777619u;
    }
    return h;
}

qsizetype QuoteIndex::indexOf(QStringView quote) const
{
    if (quote.size() < gramLength || quote.size() > m_text.size())
        return m_text.indexOf(quote);
    const std::uint32_t h = hash(quote.first(gramLength));
    auto it = std::lower_bound(m_grams.begin(), m_grams.end(), std::pair(h, std::uint32_t(0)));
    // Positions under one hash are in increasing order: the first that matches is the first.
    for (; it != m_grams.end() && it->first == h; ++it) {
        const qsizetype pos = it->second;
        if (pos + quote.size() <= m_text.size() && m_text.sliced(pos, quote.size()) == quote)
            return pos;
    }
    return -1;
}
