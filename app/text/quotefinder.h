#pragma once

#include <QByteArrayView>
#include <QStringView>

#include <span>
#include <vector>

// Finds many quotes in one text in a single pass over it (Rabin-Karp with many patterns): each
// quote is filed by a hash of its first or last 8, 16 or 32 characters, and hashes of as many
// characters rolled along the text find, at every position, the quotes that may be there. It
// holds a few bytes per quote, nothing per character of the text, and reads the text once; an
// index of the text, which it replaces, cost as much to build and 6 bytes per character, and a
// scan per quote costs the text's length over the quote's, each. Texts of a million units and
// more are read in two halves at once, on this thread and one more.
class QuoteFinder
{
public:
    static constexpr qsizetype shortestWindow = 8;
    static constexpr qsizetype longestWindow = 32;

    // The first position in `text` of each quote, or -1 for one that is not there: what
    // text.indexOf(quote) gives for each.
    static std::vector<qsizetype> findAll(QStringView text, std::span<const QStringView> quotes);
    // The same in UTF-8, in bytes: the first position of a quote's bytes in valid UTF-8 is where
    // its UTF-16 units are first found in the widened text.
    static std::vector<qsizetype> findAll(QByteArrayView text, std::span<const QByteArrayView> quotes);

    template<typename View> struct Search
    {
        View text;
        std::span<const View> quotes;
    };
    // What findAll(text, quotes) gives for each search: the searches are shared out between this
    // thread and one more when their texts are a million units or more in all.
    static std::vector<std::vector<qsizetype>> findAll(std::span<const Search<QByteArrayView>> searches);

    // Whether one pass pays against a scan for each of `quotes` quotes of `quoteUnits` UTF-16
    // units in all: a scan skips ahead about half a quote's length at a time.
    static bool worthAPass(qsizetype quotes, qsizetype quoteUnits);
};
