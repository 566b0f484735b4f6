#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// "&Open…" as a person reads it: "Open…" ("&&" is a literal ampersand).
QString withoutMnemonic(QString text)
{
    text.replace(u"&&"_s, u"\x01"_s);
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}

void addRow(QTableWidget *table, const QString &command, const QString &keys)
{
    const int row = table->rowCount();
    table->insertRow(row);
    auto *commandItem = new QTableWidgetItem(command);
    auto *keysItem = new QTableWidgetItem(keys);
    for (QTableWidgetItem *item : { commandItem, keysItem })
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table->setItem(row, 0, commandItem);
    table->setItem(row, 1, keysItem);
}

void addMenu(QTableWidget *table, const QMenu *menu, const QString &path)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString name = path + u" \u25b8 "_s + withoutMnemonic(action->text());
        if (const QMenu *sub = action->menu()) {
            addMenu(table, sub, name);
            continue;
        }
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        if (!keys.isEmpty())
            addRow(table, name, keys.join(u", "_s));
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setHorizontalHeaderLabels({ tr("Command"), tr("Keys") });
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setAccessibleDescription(
        tr("Each command with its keys, then what the mouse does on the chart"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    for (const QAction *action : menuBar->actions()) {
        if (const QMenu *menu = action->menu())
            addMenu(m_table, menu, withoutMnemonic(action->text()));
    }
    // The chart's mouse gestures are not actions, but belong in the same list.
    addRow(m_table, tr("Chart: select an event"), tr("Click"));
    addRow(m_table, tr("Chart: zoom to an event, or into a crowded strip"), tr("Double-click"));
    addRow(m_table, tr("Chart: zoom around the cursor"), tr("Wheel"));
    addRow(m_table, tr("Chart: scroll the lanes, when they do not all fit"), tr("Shift+Wheel"));
    addRow(m_table, tr("Chart: pan"), tr("Drag"));
    addRow(m_table, tr("Chart: zoom to a stretch of time"), tr("Shift+Drag"));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}
