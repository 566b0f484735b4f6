#pragma once

#include <QLabel>

// A label for text from a file: never interpreted as markup, wrapped, selectable with the mouse.
inline QLabel *makePlainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}
