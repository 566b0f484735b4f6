#include "titleprompt.h"

#include <QCoreApplication>
#include <QInputDialog>

std::optional<QString> askTitle(QWidget *parent, const QString &caption, const QString &title)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(caption);
    dialog.setLabelText(QCoreApplication::translate("TitlePrompt", "Title:"));
    dialog.setTextValue(title);
    // About fifty characters of the title, and never narrower than the caption in the title bar.
    const QFontMetrics metrics = dialog.fontMetrics();
    dialog.resize(std::max(metrics.averageCharWidth() * 50, metrics.horizontalAdvance(caption) * 2),
                  dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue().trimmed();
}
