#pragma once

#include "timelineloader.h"

#include <QByteArray>
#include <QString>

// Reads a TimelineJS (Knight Lab, version 3) JSON file: slides become events, the title slide
// the timeline's title, groups actors, eras eras, media references. HTML in the texts becomes
// plain text. Every problem is reported with its JSON path.
class TimelineJsReader
{
public:
    static TimelineLoader::Result read(const QByteArray &data, const QString &fileName,
                                       const TimelineLoader::Progress &progress = {});
};
