#pragma once

#include "articleimport.h"
#include "timeline.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMainWindow;
class QProgressDialog;
class QThread;
class SourceDialog;
class TimelineDocument;

// File ▸ Import Article…: asks for the article (a .txt or .md file, or pasted text) and its
// details in the Add Source dialog, with the publication date and title prefilled from the
// article's date line and headline; finds dates and actors on a worker thread (with progress
// and Cancel, for long texts); then adds the source, the new actors and the draft events to the
// open timeline as one undoable step.
class ArticleImporter : public QObject
{
    Q_OBJECT
public:
    ArticleImporter(TimelineDocument *document, QMainWindow *window);
    ~ArticleImporter() override;

    QAction *importAction() const { return m_action; }

    // Drafts `details.text` and adds them; the source's other fields are as given. Returns at
    // once: finished() or cancelled() tells how it ended.
    void start(const Source &details);
    bool isRunning() const { return m_thread != nullptr; }
    void cancel();

    // Fills in what the article says of itself, in a dialog the person has not yet changed: the
    // date line's day as the publication date, the headline as the title.
    static void prefill(SourceDialog *dialog, const QString &previousTitle, const QString &previousDate);

public Q_SLOTS:
    // Opens the dialog; with a file name, reads that file into it first.
    void importArticle(const QString &fileName = {});

Q_SIGNALS:
    void finished(const ArticleImport::Result &result);
    void cancelled();

private:
    struct Job;
    void workDone();

    TimelineDocument *m_document;
    QMainWindow *m_window;
    QAction *m_action;
    QThread *m_thread = nullptr;
    QList<QPointer<QThread>> m_abandoned; // cancelled, still finishing; awaited on destruction
    std::shared_ptr<Job> m_job;
    QProgressDialog *m_progress = nullptr;
};
