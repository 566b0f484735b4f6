#pragma once

#include <QObject>
#include <QRect>

class QAbstractItemView;
class QPoint;
class QWidget;

// Tool tips that show a file's text as the text it is. QToolTip renders anything that looks
// like markup as rich text, so text from data is escaped into a plain paragraph first.
class PlainToolTips : public QObject
{
    Q_OBJECT
public:
    // Makes `view` show its model's Qt::ToolTipRole as plain text.
    static void install(QAbstractItemView *view);
    static void show(const QPoint &globalPos, const QString &text, QWidget *widget, const QRect &rect = {});

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit PlainToolTips(QAbstractItemView *view);
    QAbstractItemView *m_view;
};
