#include "datefinder.h"

#include "daterange.h"
#include "temporaltagger.h"

using namespace Qt::StringLiterals;

std::optional<DateFinder::Found> DateFinder::find(QStringView text, std::optional<QDate> published)
{
    // The article tagger's reading, so that a date typed into an event from a selection is the
    // one an imported article's draft would get: its first expression that dates something
    // (durations and sets do not) and that Sourceline can store.
    const QList<Timex> found = TemporalTagger(published).tag(text.toString());
    for (const Timex &timex : found) {
        if ((timex.type != u"DATE"_s && timex.type != u"TIME"_s) || timex.edtf.isEmpty())
            continue;
        if (!DateRange::parse(timex.edtf.toUtf8()))
            continue;
        return Found { timex.edtf, timex.text, timex.begin };
    }
    return std::nullopt;
}
