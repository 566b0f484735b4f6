#pragma once

#include <QString>
#include <QStringView>

#include <functional>

// Says why a quote is not in its source: where it first parts from the closest passage of the
// source (the longest stretch of the quote, from its start or from its end, that the source
// holds), and which characters differ there, named with their code points when they are
// invisible or look like others (a straight ' for ’, a no-break space for a space).
namespace QuoteMismatch {

// Finds `needle` in the source as QStringView::indexOf would; lets a caller pass its index.
using Finder = std::function<qsizetype(QStringView needle)>;

// The explanation, without the source's name: e.g. `at character 41 of the quote it has
// ' (U+0027 APOSTROPHE) where the source has ’ (U+2019 RIGHT SINGLE QUOTATION MARK): "…"`.
QString describe(QStringView source, QStringView quote, const Finder &find = {});

// `c` as a message shows it: 'x' for a plain visible character, else also its code point and
// name, as in ’ (U+2019 RIGHT SINGLE QUOTATION MARK) or U+00A0 NO-BREAK SPACE.
QString nameOf(char32_t c);

} // namespace QuoteMismatch
