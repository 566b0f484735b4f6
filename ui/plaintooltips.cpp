#include "plaintooltips.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

PlainToolTips::PlainToolTips(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{ }

void PlainToolTips::install(QAbstractItemView *view)
{
    view->viewport()->installEventFilter(new PlainToolTips(view));
}

void PlainToolTips::show(const QPoint &globalPos, const QString &text, QWidget *widget, const QRect &rect)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), widget, rect);
}

bool PlainToolTips::eventFilter(QObject *watched, QEvent *event)
{
    // Test the event's type first: the filter also sees events while the view is being destroyed.
    if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    const QModelIndex index = m_view->indexAt(help->pos());
    show(help->globalPos(), index.data(Qt::ToolTipRole).toString(), m_view->viewport(),
         m_view->visualRect(index));
    return true;
}
