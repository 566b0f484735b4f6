#include "articleimporter.h"

#include "drafter.h"
#include "sourcedialog.h"
#include "temporaltagger.h"
#include "timelinedocument.h"

#include <QAction>
#include <QDate>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QStatusBar>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

// What the worker reads and writes; shared, so that a worker outliving a cancel writes into
// something that still exists.
struct ArticleImporter::Job
{
    QString text;
    Drafter::Options options;
    QList<Actor> known;
    Source details;
    const Timeline *timeline = nullptr; // the one open when the import began
    std::shared_ptr<Timeline> drafts;
    std::atomic_bool cancelled = false;
};

ArticleImporter::ArticleImporter(TimelineDocument *document, QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
    m_action = new QAction(tr("&Import Article…"), this);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_action->setStatusTip(tr("Propose draft events from a news article's dates, actors and sentences"));
    connect(m_action, &QAction::triggered, this, [this] { importArticle(); });
}

ArticleImporter::~ArticleImporter()
{
    // The window is closing: the worker's result goes nowhere, and no signal is sent.
    if (m_thread) {
        m_job->cancelled = true;
        disconnect(m_thread, nullptr, this, nullptr);
        m_thread->wait();
        delete m_thread;
    }
    for (const QPointer<QThread> &thread : std::as_const(m_abandoned)) {
        if (thread) {
            thread->wait();
            delete thread;
        }
    }
}

void ArticleImporter::prefill(SourceDialog *dialog, const QString &previousTitle, const QString &previousDate)
{
    const QString text = dialog->textEdit()->toPlainText();
    QLineEdit *published = dialog->publishedEdit();
    if (published->text().trimmed().isEmpty() || published->text() == previousDate) {
        const auto line = TemporalTagger::dateLine(text);
        published->setText(line ? line->value : QString());
    }
    QLineEdit *title = dialog->titleEdit();
    if (title->text().trimmed().isEmpty() || title->text() == previousTitle)
        title->setText(Drafter::headline(text));
}

void ArticleImporter::importArticle(const QString &fileName)
{
    if (isRunning())
        return;
    SourceDialog dialog(Source {}, true, m_window);
    dialog.setWindowTitle(tr("Import Article"));
    dialog.textEdit()->setPlaceholderText(tr("Paste the article here, or read it from a .txt or .md file"));
    dialog.publishedEdit()->setToolTip(
        tr("The day the article appeared: “yesterday” and “last year” are counted from it. Without it, "
           "such dates are left out."));
    // What we filled in last, so that a field the person changed is left alone.
    QString autoTitle;
    QString autoDate;
    connect(dialog.textEdit(), &QPlainTextEdit::textChanged, &dialog, [&] {
        prefill(&dialog, autoTitle, autoDate);
        autoTitle = dialog.titleEdit()->text();
        autoDate = dialog.publishedEdit()->text();
    });
    if (!fileName.isEmpty())
        dialog.readFile(fileName);
    if (dialog.exec() != QDialog::Accepted)
        return;
    start(dialog.source());
}

void ArticleImporter::start(const Source &details)
{
    if (isRunning())
        return;
    if (!m_document->timeline())
        m_document->newTimeline(details.title());
    m_job = std::make_shared<Job>();
    m_job->text = details.text();
    m_job->details = details;
    m_job->options.published = QDate::fromString(details.published(), Qt::ISODate);
    if (!m_job->options.published->isValid())
        m_job->options.published.reset(); // a month or a year: the date line, if any, is the day
    m_job->options.title = details.title();
    m_job->known = m_document->timeline()->actors;
    m_job->timeline = m_document->timeline().get();

    m_action->setEnabled(false);
    m_progress = new QProgressDialog(tr("Finding dates and actors in “%1”…").arg(details.title()),
                                     tr("Cancel"), 0, 0, m_window);
    m_progress->setWindowTitle(tr("Import Article"));
    m_progress->setWindowModality(Qt::WindowModal); // the timeline must not change underneath
    m_progress->setMinimumDuration(400);
    connect(m_progress, &QProgressDialog::canceled, this, &ArticleImporter::cancel);

    const std::shared_ptr<Job> job = m_job;
    m_thread = QThread::create([job] {
        if (!job->cancelled)
            job->drafts = Drafter::draft(job->text, job->options, job->known);
    });
    // A finished signal already queued when the job was cancelled still arrives: it must not
    // end a later job.
    connect(m_thread, &QThread::finished, this, [this, job] {
        if (m_job == job)
            workDone();
    });
    m_thread->start();
}

void ArticleImporter::cancel()
{
    if (!m_thread)
        return;
    // The drafter cannot stop halfway; its result is dropped when it comes.
    m_job->cancelled = true;
    workDone();
}

void ArticleImporter::workDone()
{
    if (!m_job)
        return; // done already
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    if (m_thread) {
        disconnect(m_thread, nullptr, this, nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        if (m_thread->isFinished())
            m_thread->deleteLater();
        else
            m_abandoned.append(m_thread);
        m_thread = nullptr;
    }
    m_action->setEnabled(true);
    const std::shared_ptr<Job> job = std::move(m_job);
    QStatusBar *status = m_window->statusBar();
    if (job->cancelled || !job->drafts) {
        status->showMessage(tr("Import of “%1” cancelled").arg(job->details.title()), 8000);
        Q_EMIT cancelled();
        return;
    }
    if (m_document->timeline().get() != job->timeline) {
        // Another timeline was opened meanwhile: the drafts belong to the one that is gone.
        status->showMessage(
            tr("Import of “%1” stopped: another timeline was opened").arg(job->details.title()), 8000);
        Q_EMIT cancelled();
        return;
    }
    const ArticleImport::Result result = ArticleImport::apply(m_document, *job->drafts, job->details);
    QString message =
        tr("Imported “%1”: %n draft event(s) to review", nullptr, result.drafts).arg(job->details.title());
    if (!job->options.published && job->drafts->sources.value(0).isEmpty(Source::Published))
        message += tr(" (no publication date: relative dates were left out)");
    status->showMessage(message, 10000);
    Q_EMIT finished(result);
}
