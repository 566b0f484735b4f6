#include "marksprites.h"

#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace {

// Looks times offsets a chart needs are a few hundred; past this the cache starts again.
constexpr qsizetype s_maxSprites = 4096;

int quarters(qreal value)
{
    return int(std::lround(value * 4));
}

} // namespace

void MarkSprites::drawEllipse(QPainter *painter, const QRectF &rect, const QPen &pen, const QBrush &brush)
{
    const QTransform &device = painter->deviceTransform();
    const bool solid = brush.style() == Qt::SolidPattern || brush.style() == Qt::NoBrush;
    if (painter->paintEngine()->type() != QPaintEngine::Raster || device.type() > QTransform::TxTranslate
        || !solid || pen.style() != Qt::SolidLine || pen.isCosmetic()) {
        painter->setPen(pen);
        painter->setBrush(brush);
        painter->drawEllipse(rect);
        return;
    }
    // The ellipse's top left in device pixels: a whole pixel and a quarter-pixel offset.
    const QPointF topLeft = device.map(rect.topLeft());
    QPoint pixel(int(std::floor(topLeft.x())), int(std::floor(topLeft.y())));
    int dx = quarters(topLeft.x() - pixel.x());
    int dy = quarters(topLeft.y() - pixel.y());
    if (dx == 4) {
        ++pixel.rx();
        dx = 0;
    }
    if (dy == 4) {
        ++pixel.ry();
        dy = 0;
    }
    const bool filled = brush.style() == Qt::SolidPattern;
    const Key key { pen.color().rgba(),
                    filled ? brush.color().rgba() : QRgb(0),
                    quarters(pen.widthF()),
                    quarters(rect.width()),
                    quarters(rect.height()),
                    dx,
                    dy };
    // Room for the pen's half width outside the ellipse, and a pixel of antialiasing.
    const int margin = int(std::ceil(pen.widthF() / 2)) + 1;
    auto it = m_sprites.constFind(key);
    if (it == m_sprites.cend()) {
        if (m_sprites.size() >= s_maxSprites)
            m_sprites.clear();
        QImage sprite(int(std::ceil(rect.width())) + 2 * margin + 1,
                      int(std::ceil(rect.height())) + 2 * margin + 1, QImage::Format_ARGB32_Premultiplied);
        sprite.fill(Qt::transparent);
        QPainter p(&sprite);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(pen);
        p.setBrush(brush);
        p.drawEllipse(QRectF(QPointF(margin + dx / 4.0, margin + dy / 4.0), rect.size()));
        p.end();
        it = m_sprites.insert(key, sprite);
    }
    // Back from device pixels to the painter's coordinates: a translation only.
    const QPointF at = QPointF(pixel - QPoint(margin, margin)) - QPointF(device.dx(), device.dy());
    painter->drawImage(at, *it);
}
