#include "marksprites.h"
#include "testutils.h"

#include <QPainter>
#include <QTest>

using namespace Qt::StringLiterals;

// Marks copied from kept images look as marks drawn by QPainter: the same pixels, give or take
// the rounding of blending an image rather than drawing on the picture.
class TestMarkSprites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barCopiedAsDrawn_data();
    void barCopiedAsDrawn();
};

namespace {

constexpr int s_tolerance = 3; // of 255, per channel

int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            largest = std::max({ largest, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                 std::abs(qBlue(p) - qBlue(q)) });
        }
    }
    return largest;
}

QImage canvas()
{
    QImage image(120, 40, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xf4, 0xf6, 0xfb));
    return image;
}

} // namespace

void TestMarkSprites::barCopiedAsDrawn_data()
{
    QTest::addColumn<QRectF>("rect");
    QTest::addColumn<int>("style");
    QTest::addColumn<bool>("filled");
    QTest::newRow("solid, whole pixels") << QRectF(10, 10, 40, 12) << int(Qt::SolidLine) << true;
    QTest::newRow("solid, quarter pixels") << QRectF(10.25, 9.75, 33.5, 12) << int(Qt::SolidLine) << true;
    QTest::newRow("dashed, half pixels") << QRectF(20.5, 12.5, 61, 7.2) << int(Qt::DashLine) << true;
    QTest::newRow("dotted, hollow") << QRectF(7.75, 14.25, 18, 12) << int(Qt::DotLine) << false;
    QTest::newRow("narrow") << QRectF(50.25, 10, 3, 12) << int(Qt::SolidLine) << true;
}

void TestMarkSprites::barCopiedAsDrawn()
{
    QFETCH(QRectF, rect);
    QFETCH(int, style);
    QFETCH(bool, filled);
    const QColor colour(0x2a, 0x8a, 0x5c);
    QColor fill = colour;
    fill.setAlphaF(0.35f);
    const QPen pen(colour, 1.3, Qt::PenStyle(style));
    const QBrush brush = filled ? QBrush(fill) : QBrush(Qt::NoBrush);

    QImage drawn = canvas();
    {
        QPainter painter(&drawn);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(pen);
        painter.setBrush(brush);
        painter.drawRoundedRect(rect, 3, 3);
    }
    // The first time a bar is drawn, the second copied: both as QPainter draws it, and on a
    // painter translated as a chart item's is.
    MarkSprites sprites;
    for (int time = 0; time < 3; ++time) {
        QImage copied = canvas();
        QPainter painter(&copied);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(7, 3);
        sprites.drawRoundedRect(&painter, rect.translated(-7, -3), 3, pen, brush);
        painter.end();
        QVERIFY2(largestDifference(drawn, copied) <= s_tolerance,
                 qPrintable(u"time %1: %2"_s.arg(time).arg(largestDifference(drawn, copied))));
    }
}

SOURCELINE_TEST_MAIN(TestMarkSprites)
#include "tst_marksprites.moc"
