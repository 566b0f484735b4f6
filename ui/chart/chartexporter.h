#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>

#include <optional>

class QPainter;
class QPrinter;
class Timeline;
class TimelineDocument;

// Renders a document's chart as a figure, independent of any window: a chart of its own, laid
// out at the figure's size, with the timeline's title, an optional subtitle and a credit line
// naming the sources. A PNG is drawn at 1×, 2× or 3× scale; SVG and PDF keep text as text and
// the drawing as vectors; printing lays the figure out on one page. The window's Export and
// Print and the command line's --export all come here.
class ChartExporter
{
    Q_DECLARE_TR_FUNCTIONS(ChartExporter)

public:
    enum class Format { Png, Svg, Pdf };
    // Every shown lane squeezed into the figure (the overview), or the lanes the view has
    // scrolled to, at a readable height with their labels.
    enum class Lanes { All, View };

    struct Options
    {
        QSize size { 1600, 900 }; // in logical pixels; a PNG is size × scale
        qreal scale = 1; // PNG only: SVG and PDF are vectors
        bool wholeTimeline = true; // else the document's current zoom
        Lanes lanes = Lanes::All;
        // With Lanes::View: scroll, as a window does on selecting, until the selected event's
        // lane is in view (for the command line, which has no window that has scrolled).
        bool revealSelected = false;
        bool title = true;
        QString subtitle; // none when empty
        bool credit = true;
    };

    // The format a file name's extension names (.png, .svg, .pdf, in any case), or none.
    static std::optional<Format> formatOfFile(const QString &path);
    // "png", "svg", "pdf" and back; none for any other name.
    static QString formatName(Format format);
    static std::optional<Format> formatNamed(const QString &name);
    // "all", "view" and back.
    static QString lanesName(Lanes lanes);
    static std::optional<Lanes> lanesNamed(const QString &name);

    // "Source: Title, Publisher (publisher unconfirmed), c. 22 Jan 2025", for the credit line;
    // empty when the timeline names no source.
    static QString creditLine(const Timeline &timeline);

    // What a figure's labels came to, by event, in the chart's coordinates: where each label
    // stands (null when the event is not named), whether its title shows whole, and where the
    // event's mark is (in its top lane; null when not shown). For checking a figure.
    struct Labels
    {
        QList<QRectF> rects;
        QList<bool> whole;
        QList<QPointF> marks;
        QRectF lanes; // the lanes' area, where labels stand
    };

    // Draws the figure into `target` (in the painter's logical coordinates); returns how many
    // events it names with a label, and says where, when asked, in `labels`.
    static int paint(QPainter *painter, const QRectF &target, TimelineDocument *document,
                     const Options &options, Labels *labels = nullptr);
    static QImage render(TimelineDocument *document, const Options &options);
    // Writes the figure in `format` atomically: on failure nothing is left at `path` and `error`
    // says why.
    static bool write(TimelineDocument *document, const Options &options, Format format, const QString &path,
                      QString *error);
    // Writes a PNG atomically: on failure nothing is left at `path` and `error` says why.
    static bool save(const QImage &image, const QString &path, QString *error);
    // Prints the figure on one page of `printer`, laid out for that page's size and orientation.
    static bool print(TimelineDocument *document, const Options &options, QPrinter *printer);
};
