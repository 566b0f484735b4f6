#include "fileactions.h"

#include "formatdetector.h"
#include "settings.h"
#include "timelinedocument.h"
#include "timelinewriter.h"
#include "titleprompt.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

constexpr int s_maxRecent = 8;

// A file that is not on disk (the embedded timeline) cannot be saved over.
bool isWritablePath(const QString &fileName)
{
    return !fileName.isEmpty() && !fileName.startsWith(u':');
}

// Whether the file on disk is in Sourceline's own format: Save must not write over a TimelineJS
// file or a CSV that was opened (imported) with our format. The first bytes tell.
bool isSourcelineFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return true; // gone or unreadable: saving writes it anew
    return FormatDetector::detect(file.read(qint64(1) << 20), fileName) == FormatDetector::Format::Sourceline;
}

} // namespace

FileActions::FileActions(TimelineDocument *document, Settings *settings, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_settings(settings)
{
    const auto make = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        if (!key.isEmpty())
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_new = make(tr("&New Timeline…"), QKeySequence::New, &FileActions::newTimeline);
    m_open = make(tr("&Open…"), QKeySequence::Open, &FileActions::chooseAndOpen);
    m_save = make(tr("&Save"), QKeySequence::Save, &FileActions::save);
    m_saveAs = make(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), &FileActions::saveAs);
    m_revert = make(tr("&Revert to Saved"), QKeySequence(), &FileActions::revert);
    m_recentMenu = new QMenu(tr("Open &Recent"), window);

    m_recent = m_settings->recentFiles();
    updateRecentMenu();

    connect(m_document, &TimelineDocument::modifiedChanged, this, &FileActions::updateTitle);
    connect(m_document, &TimelineDocument::fileNameChanged, this, &FileActions::updateTitle);
    connect(m_document, &TimelineDocument::titleChanged, this, &FileActions::updateTitle);
    connect(m_document, &TimelineDocument::timelineChanged, this, &FileActions::updateTitle);
    updateTitle();
}

void FileActions::addTo(QMenu *menu)
{
    menu->addAction(m_new);
    menu->addAction(m_open);
    menu->addMenu(m_recentMenu);
    menu->addSeparator();
    menu->addAction(m_save);
    menu->addAction(m_saveAs);
    menu->addAction(m_revert);
    for (QAction *action : { m_new, m_open, m_save, m_saveAs, m_revert })
        m_window->addAction(action);
}

QString FileActions::folder() const
{
    if (isWritablePath(m_document->fileName()))
        return QFileInfo(m_document->fileName()).absolutePath();
    return m_settings->lastFolder();
}

bool FileActions::maySwitch()
{
    if (!m_document->isModified())
        return true;
    const QString name = isWritablePath(m_document->fileName()) ? QFileInfo(m_document->fileName()).fileName()
                                                                : m_document->timeline()->title;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"), QString(),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(u"unsavedChanges"_s);
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Save the changes to “%1” first?").arg(name));
    box.setInformativeText(tr("Without saving, the changes are lost."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void FileActions::chooseAndOpen()
{
    if (!maySwitch())
        return;
    const QString fileName = QFileDialog::getOpenFileName(m_window, tr("Open Timeline"), folder(),
                                                          tr("Timelines (*.json *.csv);;All files (*)"));
    if (!fileName.isEmpty())
        Q_EMIT openRequested(fileName);
}

void FileActions::open(const QString &fileName)
{
    if (maySwitch())
        Q_EMIT openRequested(fileName);
}

bool FileActions::save()
{
    if (!isWritablePath(m_document->fileName()) || !isSourcelineFile(m_document->fileName()))
        return saveAs();
    return saveTo(m_document->fileName());
}

bool FileActions::saveAs()
{
    QString suggested = m_document->fileName();
    if (isWritablePath(suggested) && !isSourcelineFile(suggested)) {
        // A timeline opened from TimelineJS or a CSV is saved beside it in our format.
        const QFileInfo imported(suggested);
        suggested = imported.dir().filePath(imported.completeBaseName() + u".sourceline.json"_s);
    } else if (!isWritablePath(suggested)) {
        const QString title = m_document->timeline() ? m_document->timeline()->title : QString();
        // The double extension is what the desktop's MIME database knows as a Sourceline
        // timeline; for a bare .json, GLib's name rule (application/json) wins over our content rule.
        suggested =
            QDir(folder()).filePath((title.isEmpty() ? tr("timeline") : title) + u".sourceline.json"_s);
    }
    const QString fileName = QFileDialog::getSaveFileName(
        m_window, tr("Save Timeline As"), suggested, tr("Sourceline timelines (*.sourceline.json *.json)"));
    return !fileName.isEmpty() && saveTo(fileName);
}

bool FileActions::saveTo(const QString &fileName)
{
    QString error;
    if (!TimelineWriter::save(*m_document->timeline(), fileName, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot save"), QString(), QMessageBox::Ok, m_window);
        box.setTextFormat(Qt::PlainText);
        box.setText(error);
        box.exec();
        return false;
    }
    m_document->setFileName(fileName);
    m_document->undoStack()->setClean();
    addRecent(fileName);
    updateTitle();
    return true;
}

void FileActions::newTimeline()
{
    if (!maySwitch())
        return;
    if (const auto title = askTitle(m_window, tr("New Timeline"), tr("Untitled timeline")))
        m_document->newTimeline(*title);
}

void FileActions::revert()
{
    if (!isWritablePath(m_document->fileName()) || !m_document->isModified())
        return;
    QMessageBox box(QMessageBox::Question, tr("Revert to saved"), QString(),
                    QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setTextFormat(Qt::PlainText);
    box.setText(
        tr("Discard all changes since “%1” was saved?").arg(QFileInfo(m_document->fileName()).fileName()));
    if (box.exec() == QMessageBox::Discard)
        Q_EMIT openRequested(m_document->fileName());
}

void FileActions::addRecent(const QString &fileName)
{
    if (!isWritablePath(fileName))
        return;
    const QString path = QFileInfo(fileName).absoluteFilePath();
    m_recent.removeAll(path);
    m_recent.prepend(path);
    while (m_recent.size() > s_maxRecent)
        m_recent.removeLast();
    m_settings->setRecentFiles(m_recent);
    m_settings->setLastFolder(QFileInfo(path).absolutePath());
    updateRecentMenu();
}

void FileActions::updateRecentMenu()
{
    m_recentMenu->clear();
    for (qsizetype i = 0; i < m_recent.size(); ++i) {
        const QString path = m_recent.at(i);
        // "&1 name.json" so that the keyboard reaches each; the path in the tooltip.
        QString label = QFileInfo(path).fileName();
        label.replace(u'&', u"&&"_s);
        QAction *action = m_recentMenu->addAction(u"&%1 %2"_s.arg(i + 1).arg(label));
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { open(path); });
    }
    if (!m_recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            m_recent.clear();
            m_settings->setRecentFiles({});
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void FileActions::updateTitle()
{
    // The timeline's title, then the file it is in: "OpenAI and Microsoft (openai.json)".
    const QString fileName = m_document->fileName();
    const QString title = m_document->timeline() ? m_document->timeline()->title : QString();
    const QString file = isWritablePath(fileName) ? QFileInfo(fileName).fileName() : QString();
    QString name = title.isEmpty() ? (file.isEmpty() ? tr("Untitled") : file)
                                   : (file.isEmpty() ? title : tr("%1 (%2)").arg(title, file));
    // [*] is where Qt puts the modified mark; the title's own "[*]"s are doubled to stay text.
    name.replace(u"[*]"_s, u"[*][*]"_s);
    m_window->setWindowTitle(name + u"[*] — Sourceline"_s);
    m_window->setWindowModified(m_document->isModified());
    m_revert->setEnabled(isWritablePath(fileName) && m_document->isModified());
}
