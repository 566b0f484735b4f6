#pragma once

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QImage>
#include <QPen>
#include <QRectF>
#include <QSet>

class QPainter;

// Marks drawn once into small images and copied, for frames drawn on a raster device without
// scaling (the window's): an antialiased ellipse or rounded bar goes through the stroker and
// the rasterizer every time, and a frame draws hundreds. Each image is kept per look and per
// quarter-pixel offset, so that a mark lands where QPainter would put it, within an eighth of
// a pixel.
class MarkSprites
{
public:
    // Draws an ellipse in `rect` with `pen` and `brush` (a solid colour or none), as
    // QPainter::drawEllipse() does.
    void drawEllipse(QPainter *painter, const QRectF &rect, const QPen &pen, const QBrush &brush);
    // Draws a rounded rectangle as QPainter::drawRoundedRect() does, with `pen` (solid, dashed
    // or dotted) and `brush` (a solid colour or none). A bar is copied from an image only
    // when it was drawn with the same look, size and offset before (a frame that scrolls the
    // lanes or repaints them): while the view zooms or pans every bar is new, and making an
    // image of it would cost more than drawing it.
    void drawRoundedRect(QPainter *painter, const QRectF &rect, qreal radius, const QPen &pen,
                         const QBrush &brush);

private:
    enum class Shape : std::uint8_t { Ellipse, RoundedRect };
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
        Shape shape = Shape::Ellipse;
        Qt::PenStyle style = Qt::SolidLine;
        int radius = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.pen, k.fill, k.penWidth, k.width, k.height, k.dx, k.dy, int(k.shape),
                              int(k.style), k.radius);
        }
    };

    // Whether the painter draws on a raster device, unscaled, with a brush a sprite can hold.
    static bool canCopy(QPainter *painter, const QPen &pen, const QBrush &brush);
    // The key of a mark in `rect` and where its sprite goes, in device pixels.
    static Key keyOf(QPainter *painter, const QRectF &rect, const QPen &pen, const QBrush &brush, QPoint *pixel);
    // Draws the sprite of `key`, made by `draw` (in the sprite's coordinates) when it is new.
    template<typename Draw>
    void drawSprite(QPainter *painter, const Key &key, QPoint pixel, const QRectF &rect, const QPen &pen,
                    Draw &&draw);

    QHash<Key, QImage> m_sprites;
    QSet<Key> m_seenBars; // bars drawn once, not yet kept as images
};
