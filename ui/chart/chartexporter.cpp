#include "chartexporter.h"

#include "daterange.h"
#include "timeline.h"
#include "timelinechart.h"
#include "timelinedocument.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace {

// The chart's layout measures text at 96 dots per inch (as on screen); SVG and PDF are drawn
// at the same resolution so that text takes the room it was laid out in.
constexpr int s_vectorDpi = 96;
constexpr qreal s_sideMargin = 16;
constexpr int s_maxCreditLines = 3;

// Text drawn as one line, shortened with an ellipsis to fit `width`; returns the
// height it took.
qreal drawLine(QPainter *painter, const QFont &font, const QColor &color, const QString &text, qreal x,
               qreal y, qreal width, Qt::Alignment alignment)
{
    const QFontMetricsF metrics(font, painter->device());
    const QString shown = metrics.elidedText(text, Qt::ElideRight, width, Qt::TextSingleLine);
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(QRectF(x, y, width, metrics.height()), alignment | Qt::TextSingleLine, shown);
    return metrics.height();
}

// XML 1.0 allows no C0 control but tab and line breaks, not even as a reference, and a timeline
// file's text may hold any: each becomes U+FFFD, so that the SVG stays well-formed and shows
// where a character was. In UTF-8 these bytes never occur inside another character.
QByteArray withoutXmlControls(const QByteArray &xml)
{
    const auto isControl = [](char c) {
        return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
    };
    if (std::ranges::none_of(xml, isControl))
        return xml;
    QByteArray out;
    out.reserve(xml.size() + 64);
    for (const char c : xml) {
        if (isControl(c))
            out += "\xEF\xBF\xBD";
        else
            out += c;
    }
    return out;
}

bool commit(QSaveFile *file, const QString &path, QString *error)
{
    if (file->commit())
        return true;
    *error = ChartExporter::tr("cannot write %1: %2").arg(path, file->errorString());
    return false;
}

} // namespace

std::optional<ChartExporter::Format> ChartExporter::formatOfFile(const QString &path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    const qsizetype slash = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    if (dot <= slash + 1) // no extension, or a hidden file's name such as ".png"
        return std::nullopt;
    return formatNamed(path.sliced(dot + 1).toLower());
}

QString ChartExporter::formatName(Format format)
{
    switch (format) {
    case Format::Svg:
        return u"svg"_s;
    case Format::Pdf:
        return u"pdf"_s;
    case Format::Png:
        break;
    }
    return u"png"_s;
}

std::optional<ChartExporter::Format> ChartExporter::formatNamed(const QString &name)
{
    for (const Format format : { Format::Png, Format::Svg, Format::Pdf }) {
        if (name == formatName(format))
            return format;
    }
    return std::nullopt;
}

QString ChartExporter::lanesName(Lanes lanes)
{
    return lanes == Lanes::View ? u"view"_s : u"all"_s;
}

std::optional<ChartExporter::Lanes> ChartExporter::lanesNamed(const QString &name)
{
    for (const Lanes lanes : { Lanes::All, Lanes::View }) {
        if (name == lanesName(lanes))
            return lanes;
    }
    return std::nullopt;
}

QString ChartExporter::creditLine(const Timeline &timeline)
{
    if (timeline.sources.isEmpty())
        return {};
    // A long list of sources would crowd the figure: name the first few, count the rest.
    const qsizetype named = std::min<qsizetype>(timeline.sources.size(), 3);
    QStringList sources;
    for (qsizetype i = 0; i < named; ++i) {
        const Source &source = timeline.sources.at(i);
        QStringList parts { source.isEmpty(Source::Title) ? source.id : source.title() };
        if (!source.isEmpty(Source::Publisher))
            parts.append(source.publisherConfirmed
                             ? source.publisher()
                             : tr("%1 (publisher unconfirmed)").arg(source.publisher()));
        if (!source.isEmpty(Source::Published)) {
            const auto date = DateRange::parse(source.utf8(Source::Published));
            parts.append(date ? date->toDisplayString() : source.published());
        }
        sources.append(parts.join(u", "_s));
    }
    if (timeline.sources.size() > named)
        sources.append(tr("and %1 more").arg(timeline.sources.size() - named));
    const QString list = sources.join(u"; "_s);
    return timeline.sources.size() == 1 ? tr("Source: %1").arg(list) : tr("Sources: %1").arg(list);
}

int ChartExporter::paint(QPainter *painter, const QRectF &target, TimelineDocument *document,
                         const Options &options, Labels *labels)
{
    // The export has a zoom of its own so that rendering never moves the window's view.
    ZoomState zoom;
    QGraphicsScene scene;
    auto *chart = new TimelineChart(document->events(), document->actors(), document->filter(), &zoom,
                                    document->selection());
    scene.addItem(chart); // the scene owns the chart
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setStillPicture(true);
    // The figure's title is drawn here, as plain text beside its subtitle, not by Qt Charts.
    chart->setTitle(QString());
    if (!options.wholeTimeline)
        zoom.setRange(document->zoom()->first(), document->zoom()->last());
    zoom.setLanesOverview(options.lanes == Lanes::All);

    painter->save();
    painter->fillRect(target, Qt::white);
    const std::shared_ptr<const Timeline> &timeline = document->timeline();
    const QColor ink = chart->titleBrush().color();
    const QColor quiet(0x55, 0x55, 0x55);
    const qreal width = target.width() - 2 * s_sideMargin;
    const qreal left = target.left() + s_sideMargin;
    qreal top = target.top();

    const QString title = timeline && options.title ? timeline->title.simplified() : QString();
    const QString subtitle = options.subtitle.simplified();
    if (!title.isEmpty() || !subtitle.isEmpty())
        top += 12;
    if (!title.isEmpty())
        top += drawLine(painter, chart->titleFont(), ink, title, left, top, width, Qt::AlignHCenter);
    if (!subtitle.isEmpty()) {
        QFont subtitleFont = chart->titleFont();
        subtitleFont.setBold(false);
        subtitleFont.setPointSizeF(subtitleFont.pointSizeF() * 0.8);
        top += 2 + drawLine(painter, subtitleFont, quiet, subtitle, left, top, width, Qt::AlignHCenter);
    }

    qreal bottom = target.bottom();
    const QString credit = timeline && options.credit ? creditLine(*timeline) : QString();
    if (!credit.isEmpty()) {
        // A long credit wraps, up to a few lines; the last of them is shortened to fit.
        const QFont creditFont = chart->labelFont();
        const QFontMetricsF metrics(creditFont, painter->device());
        QRectF box = metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, credit);
        QString shown = credit;
        if (box.height() > s_maxCreditLines * metrics.lineSpacing() + 1) {
            shown = metrics.elidedText(credit, Qt::ElideRight, width * (s_maxCreditLines - 0.2));
            box = metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, shown);
        }
        bottom -= 8 + box.height();
        painter->setFont(creditFont);
        painter->setPen(quiet);
        painter->drawText(QRectF(left, bottom, width, box.height()), Qt::AlignLeft | Qt::TextWordWrap, shown);
    }

    const QRectF chartArea(QPointF(target.left(), top), QPointF(target.right(), bottom));
    const QRectF chartRect(QPointF(0, 0), chartArea.size());
    chart->setGeometry(chartRect);
    if (chart->layout())
        chart->layout()->activate();
    if (options.lanes == Lanes::View) {
        // The window's top lane, within what this figure's lanes allow.
        zoom.setTopLane(document->zoom()->topLane());
        if (options.revealSelected)
            chart->revealEvent(document->currentEvent());
    }
    scene.render(painter, chartArea, chartRect);
    painter->restore();
    const int labelled = chart->labelledCount();
    if (labels) {
        const int events = timeline ? int(timeline->events.size()) : 0;
        *labels = {};
        labels->lanes = chart->lanesArea();
        for (int e = 0; e < events; ++e) {
            labels->rects.append(chart->labelRect(e));
            labels->whole.append(chart->labelIsWhole(e));
            labels->marks.append(chart->eventPosition(e));
        }
    }
    delete chart; // before `zoom`, which it refers to
    return labelled;
}

QImage ChartExporter::render(TimelineDocument *document, const Options &options)
{
    // Opaque (the chart is drawn on white): written as a PNG without an alpha channel.
    QImage image(options.size * options.scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(options.scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                           | QPainter::SmoothPixmapTransform);
    paint(&painter, QRectF(QPointF(0, 0), QSizeF(options.size)), document, options);
    painter.end();
    return image;
}

bool ChartExporter::write(TimelineDocument *document, const Options &options, Format format,
                          const QString &path, QString *error)
{
    if (format == Format::Png)
        return save(render(document, options), path, error);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString title = document->timeline() ? document->timeline()->title : QString();
    const QRectF area(QPointF(0, 0), QSizeF(options.size));
    bool painted = false;
    if (format == Format::Svg) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(options.size);
        svg.setViewBox(area);
        svg.setResolution(s_vectorDpi);
        svg.setTitle(title.toHtmlEscaped()); // QSvgGenerator writes it as it is, markup and all
        svg.setDescription(tr("A timeline chart made by Sourceline"));
        QPainter painter;
        if (painter.begin(&svg)) {
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            paint(&painter, area, document, options);
            painted = painter.end();
        }
        const QByteArray xml = withoutXmlControls(buffer.data());
        painted = painted && file.write(xml) == xml.size();
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(s_vectorDpi);
        // One page the size of the figure: pixels at 96 per inch, in points (72 per inch).
        pdf.setPageSize(QPageSize(QSizeF(options.size) * 72.0 / s_vectorDpi, QPageSize::Point, QString(),
                                  QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(u"Sourceline"_s);
        QPainter painter;
        if (painter.begin(&pdf)) {
            // Density strips are rows of sharp one-pixel columns, which JPEG (Qt's choice
            // for a PDF's images otherwise) smears into blotches.
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                                   | QPainter::LosslessImageRendering);
            paint(&painter, QRectF(0, 0, pdf.width(), pdf.height()), document, options);
            painted = painter.end();
        }
    }
    if (!painted) {
        file.cancelWriting();
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return commit(&file, path, error);
}

bool ChartExporter::save(const QImage &image, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QImageWriter writer(&file, "png");
    // zlib's fastest level that compresses (Qt maps 0-100 onto zlib's 0-9, so 20 is level 1): a
    // 3840x2160 chart is written in about half the time of the default level, for a file about
    // a fifth larger.
    writer.setCompression(20);
    if (!writer.write(image)) {
        *error = tr("cannot write %1: %2").arg(path, writer.errorString());
        file.cancelWriting();
        return false;
    }
    return commit(&file, path, error);
}

bool ChartExporter::print(TimelineDocument *document, const Options &options, QPrinter *printer)
{
    QPainter painter;
    if (!painter.begin(printer))
        return false;
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                           | QPainter::LosslessImageRendering);
    // The page's printable area, in its orientation, is the figure's size.
    paint(&painter, QRectF(0, 0, printer->width(), printer->height()), document, options);
    return painter.end();
}
