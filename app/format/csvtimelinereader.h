#pragma once

#include "timelineloader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Reads a CSV of events: either a TimelineJS Google Sheets template saved as CSV (Year, Month,
// Day, ..., Headline, Text, Media, ..., Type, Group; also the older Start Date, End Date and Tag)
// or Sourceline's own CSV (id, start, end, when, dateText, title, kind, actors, summary,
// evidence, as CsvWriter writes it). Columns are matched by their header, in any order.
// Every problem is reported with its line, row and column.
class CsvTimelineReader
{
public:
    enum class Flavour { None, TimelineJs, Sourceline };

    // Which kind of CSV `data` is, from its header row alone.
    static Flavour detect(QByteArrayView data);

    static TimelineLoader::Result read(const QByteArray &data, const QString &fileName,
                                       const TimelineLoader::Progress &progress = {});
};
