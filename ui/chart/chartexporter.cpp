#include "chartexporter.h"

#include "timelinechart.h"
#include "timelinedocument.h"

#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>

using namespace Qt::StringLiterals;

QImage ChartExporter::render(TimelineDocument *document, const Options &options)
{
    // The export has a zoom of its own so that rendering never moves the window's view.
    ZoomState zoom;
    QGraphicsScene scene;
    auto *chart = new TimelineChart(document->events(), document->actors(), document->filter(), &zoom,
                                    document->selection());
    scene.addItem(chart); // the scene owns the chart
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    if (!options.wholeTimeline)
        zoom.setRange(document->zoom()->first(), document->zoom()->last());
    const QRectF area(QPointF(0, 0), QSizeF(options.size));
    chart->setGeometry(area);
    if (chart->layout())
        chart->layout()->activate();

    // Opaque (the chart is drawn on white): written as a PNG without an alpha channel.
    QImage image(options.size * options.scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(options.scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                           | QPainter::SmoothPixmapTransform);
    scene.render(&painter, area, area);
    painter.end();
    delete chart; // before `zoom`, which it refers to
    return image;
}

bool ChartExporter::save(const QImage &image, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QImageWriter writer(&file, "png");
    // zlib's fastest level that compresses (Qt maps 0-100 onto zlib's 0-9, so 20 is level 1): a
    // 3840x2160 chart is written in about half the time of the default level, for a file about
    // a fifth larger.
    writer.setCompression(20);
    if (!writer.write(image)) {
        *error = u"cannot write %1: %2"_s.arg(path, writer.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}
