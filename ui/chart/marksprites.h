#pragma once

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QImage>
#include <QPen>
#include <QRectF>

class QPainter;

// Dots drawn once into small images and copied, for frames drawn on a raster device without
// scaling (the window's): an antialiased ellipse goes through the stroker and the rasterizer
// every time, and a frame draws hundreds. Each image is kept per look and per quarter-pixel
// offset, so that a dot lands where drawEllipse() would put it, within an eighth of a pixel.
class MarkSprites
{
public:
    // Draws an ellipse in `rect` with `pen` and `brush` (a solid colour or none), as
    // QPainter::drawEllipse() does.
    void drawEllipse(QPainter *painter, const QRectF &rect, const QPen &pen, const QBrush &brush);

private:
    // Colours as QRgb (a fill of 0: none), sizes and offsets in quarter pixels.
    struct Key
    {
        QRgb pen;
        QRgb fill;
        int penWidth;
        int width;
        int height;
        int dx;
        int dy;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.pen, k.fill, k.penWidth, k.width, k.height, k.dx, k.dy);
        }
    };

    QHash<Key, QImage> m_sprites;
};
