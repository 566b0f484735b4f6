#pragma once

#include <QImage>
#include <QSize>
#include <QString>

class TimelineDocument;

// Renders a document's chart to an image of a given size, independent of any window: a
// chart of its own, laid out at that size, drawn at 1×, 2× or 3× scale. The window's Export
// and the command line's --export both come here.
class ChartExporter
{
public:
    struct Options
    {
        QSize size { 1600, 900 }; // in logical pixels; the image is size × scale
        qreal scale = 1;
        bool wholeTimeline = true; // else the document's current zoom
    };

    static QImage render(TimelineDocument *document, const Options &options);
    // Writes a PNG atomically: on failure nothing is left at `path` and `error` says why.
    static bool save(const QImage &image, const QString &path, QString *error);
};
