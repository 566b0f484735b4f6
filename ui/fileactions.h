#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;
class Settings;
class TimelineDocument;

// The File menu's work on the document: New, Open, Open Recent, Save, Save As and Revert, the
// unsaved-changes guard every one of them (and closing the window) goes through, and the
// window title with the file's name and the modified mark. Opening itself is the window's (it
// loads on a worker thread): this asks for it through openRequested().
class FileActions : public QObject
{
    Q_OBJECT
public:
    // Remember: keep the recent files and the last folder in the settings; Fresh: neither.
    FileActions(TimelineDocument *document, QWidget *window, Settings *settings);

    // Adds the actions to `menu`, and to the window for their shortcuts.
    void addTo(QMenu *menu);

    // When the document has unsaved changes, asks whether to save them: true when it is safe to
    // go on (saved, discarded, or nothing to save), false when the person cancelled.
    bool maySwitch();
    // Asks to open `fileName` after the guard; for drops and the recent files.
    void open(const QString &fileName);
    bool save();
    bool saveAs();
    bool saveTo(const QString &fileName);
    void newTimeline();
    void revert();
    // Call when a file was opened, to list it among the recent ones.
    void addRecent(const QString &fileName);
    QStringList recentFiles() const { return m_recent; }

    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }

Q_SIGNALS:
    void openRequested(const QString &fileName);

private:
    void chooseAndOpen();
    void updateTitle();
    void updateRecentMenu();
    QString folder() const;

    TimelineDocument *m_document;
    QWidget *m_window;
    Settings *m_settings; // the window's
    QStringList m_recent;
    QAction *m_new;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QAction *m_revert;
    QMenu *m_recentMenu;
};
