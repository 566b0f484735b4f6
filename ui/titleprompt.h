#pragma once

#include <QString>

#include <optional>

class QWidget;

// Asks for a timeline's title in a dialog wide enough to show a long one and the caption whole
// (QInputDialog::getText's is sized to its empty label). Returns the title trimmed, or nothing
// when the person cancels.
std::optional<QString> askTitle(QWidget *parent, const QString &caption, const QString &title);
