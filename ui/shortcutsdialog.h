#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

// Help ▸ Keyboard Shortcuts: every command of the menu bar that has a shortcut, with its keys,
// read from the actions themselves so that the list cannot fall behind the menus; then what
// the mouse does on the chart.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
