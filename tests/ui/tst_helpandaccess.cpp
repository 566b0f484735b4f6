#include "formatdialog.h"
#include "mainwindow.h"
#include "shortcutsdialog.h"
#include "testutils.h"
#include "timelineloader.h"
#include "translations.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace Qt::StringLiterals;

// What the window offers beyond the timeline: English words with their plurals, the Help
// menu's shortcut list and format description, and names for screen readers.
class TestHelpAndAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void statusBarCountsEventsInEnglish();
    void shortcutListHoldsEveryShortcut();
    void fileFormatShowsTheBundledDescription();
    void everyControlHasAnAccessibleName();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestHelpAndAccess::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    QVERIFY(Translations::install(QCoreApplication::instance()));
}

void TestHelpAndAccess::init()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_window = std::make_unique<MainWindow>(MainWindow::State::Fresh);
    m_window->setTimeline(result.timeline, TimelineLoader::embeddedPath());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHelpAndAccess::cleanup()
{
    m_window.reset();
}

void TestHelpAndAccess::statusBarCountsEventsInEnglish()
{
    QStringList texts;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        texts.append(label->text());
    QVERIFY2(texts.contains(u"16 events"_s), qPrintable(texts.join(u" | "_s)));
}

void TestHelpAndAccess::shortcutListHoldsEveryShortcut()
{
    const ShortcutsDialog dialog(m_window->menuBar());
    QStringList rows;
    for (int row = 0; row < dialog.table()->rowCount(); ++row)
        rows.append(dialog.table()->item(row, 0)->text() + u" = "_s + dialog.table()->item(row, 1)->text());
    // Every action of the window that has keys, found here on its own.
    int withKeys = 0;
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty())
            continue;
        ++withKeys;
        QString name = action->text();
        name.remove(u'&');
        const QString keys = action->shortcuts().constFirst().toString(QKeySequence::NativeText);
        const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&](const QString &row) {
            return row.contains(u" \u25b8 "_s + name + u" = "_s) && row.contains(keys);
        });
        QVERIFY2(listed, qPrintable(name + u" (" + keys + u") is not in: "_s + rows.join(u"\n"_s)));
    }
    QVERIFY(withKeys >= 10);
    QVERIFY(rows.contains(u"File \u25b8 Open\u2026 = "_s
                          + QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
}

void TestHelpAndAccess::fileFormatShowsTheBundledDescription()
{
    const FormatDialog dialog;
    const QString text = dialog.browser()->toPlainText();
    QVERIFY2(text.startsWith(u"The Sourceline timeline format, version 1"_s), qPrintable(text.left(200)));
    QVERIFY(text.contains(u"Dates: the when syntax"_s));
    QVERIFY(!dialog.browser()->openLinks());
}

// A screen reader names each control it can reach: by its text, its label or its accessible name.
void TestHelpAndAccess::everyControlHasAnAccessibleName()
{
    QStringList unnamed;
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        if (accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u" in "_s
                           + QString::fromLatin1(widget->parentWidget()->metaObject()->className()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

SOURCELINE_GUI_TEST_MAIN(TestHelpAndAccess)
#include "tst_helpandaccess.moc"
