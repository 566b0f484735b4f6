#include "marksprites.h"

#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace {

// Looks times offsets a chart needs are a few hundred; past this the cache starts again.
constexpr qsizetype s_maxSprites = 4096;
// Bars wider than this are drawn, not copied: their images would hold a lot of memory, and a
// wide bar is seldom drawn many times at one width.
constexpr qreal s_maxBarWidth = 96;

int quarters(qreal value)
{
    return int(std::lround(value * 4));
}

} // namespace

bool MarkSprites::canCopy(QPainter *painter, const QPen &pen, const QBrush &brush)
{
    const bool solid = brush.style() == Qt::SolidPattern || brush.style() == Qt::NoBrush;
    return painter->paintEngine()->type() == QPaintEngine::Raster
        && painter->deviceTransform().type() <= QTransform::TxTranslate && solid && !pen.isCosmetic();
}

MarkSprites::Key MarkSprites::keyOf(QPainter *painter, const QRectF &rect, const QPen &pen, const QBrush &brush,
                                    QPoint *pixel)
{
    // The mark's top left in device pixels: a whole pixel and a quarter-pixel offset.
    const QPointF topLeft = painter->deviceTransform().map(rect.topLeft());
    *pixel = QPoint(int(std::floor(topLeft.x())), int(std::floor(topLeft.y())));
    int dx = quarters(topLeft.x() - pixel->x());
    int dy = quarters(topLeft.y() - pixel->y());
    if (dx == 4) {
        ++pixel->rx();
        dx = 0;
    }
    if (dy == 4) {
        ++pixel->ry();
        dy = 0;
    }
    const bool filled = brush.style() == Qt::SolidPattern;
    return Key { pen.color().rgba(),
                 filled ? brush.color().rgba() : QRgb(0),
                 quarters(pen.widthF()),
                 quarters(rect.width()),
                 quarters(rect.height()),
                 dx,
                 dy };
}

template<typename Draw>
void MarkSprites::drawSprite(QPainter *painter, const Key &key, QPoint pixel, const QRectF &rect, const QPen &pen,
                             Draw &&draw)
{
    // Room for the pen's half width outside the mark, and a pixel of antialiasing.
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
        draw(p, QRectF(QPointF(margin + key.dx / 4.0, margin + key.dy / 4.0), rect.size()));
        p.end();
        it = m_sprites.insert(key, sprite);
    }
    // Back from device pixels to the painter's coordinates: a translation only.
    const QTransform &device = painter->deviceTransform();
    const QPointF at = QPointF(pixel - QPoint(margin, margin)) - QPointF(device.dx(), device.dy());
    painter->drawImage(at, *it);
}

void MarkSprites::drawEllipse(QPainter *painter, const QRectF &rect, const QPen &pen, const QBrush &brush)
{
    if (!canCopy(painter, pen, brush) || pen.style() != Qt::SolidLine) {
        painter->setPen(pen);
        painter->setBrush(brush);
        painter->drawEllipse(rect);
        return;
    }
    QPoint pixel;
    const Key key = keyOf(painter, rect, pen, brush, &pixel);
    drawSprite(painter, key, pixel, rect, pen, [&](QPainter &p, const QRectF &at) {
        p.setPen(pen);
        p.setBrush(brush);
        p.drawEllipse(at);
    });
}

void MarkSprites::drawRoundedRect(QPainter *painter, const QRectF &rect, qreal radius, const QPen &pen,
                                  const QBrush &brush)
{
    const auto drawn = [&] {
        painter->setPen(pen);
        painter->setBrush(brush);
        painter->drawRoundedRect(rect, radius, radius);
    };
    const bool styled = pen.style() == Qt::SolidLine || pen.style() == Qt::DashLine || pen.style() == Qt::DotLine;
    if (!canCopy(painter, pen, brush) || !styled || rect.width() > s_maxBarWidth
        || !painter->testRenderHint(QPainter::Antialiasing)) {
        drawn();
        return;
    }
    QPoint pixel;
    Key key = keyOf(painter, rect, pen, brush, &pixel);
    key.shape = Shape::RoundedRect;
    key.style = pen.style();
    key.radius = quarters(radius);
    if (!m_sprites.contains(key)) {
        // Seen once: drawn. Seen again: the next frames may well draw it as it is.
        if (!m_seenBars.contains(key)) {
            if (m_seenBars.size() >= s_maxSprites)
                m_seenBars.clear();
            m_seenBars.insert(key);
            drawn();
            return;
        }
        m_seenBars.remove(key);
    }
    drawSprite(painter, key, pixel, rect, pen, [&](QPainter &p, const QRectF &at) {
        p.setPen(pen);
        p.setBrush(brush);
        p.drawRoundedRect(at, radius, radius);
    });
}
