#include "mainwindow.h"

#include "actorpanel.h"
#include "articleimporter.h"
#include "backgroundloader.h"
#include "chartexporter.h"
#include "draftmodel.h"
#include "draftspanel.h"
#include "editactions.h"
#include "eventdetails.h"
#include "eventtable.h"
#include "exportdialog.h"
#include "fileactions.h"
#include "formatdialog.h"
#include "settings.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "timelinechart.h"
#include "timelinechartview.h"
#include "timelinedocument.h"
#include "timelineloader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString dayText(double day)
{
    DateRange range;
    range.first = range.last = Day(std::floor(day));
    return range.toDisplayString(); // "15 Mar 45 BC", "13.8 billion years ago"
}

// The errors of a file that did not load, in a dialog whose text can be selected and copied.
void showLoadErrors(QWidget *parent, const QString &fileName, const TimelineLoader::Result &result)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Cannot open timeline"));
    auto *intro = new QLabel(
        QObject::tr("%1 was not opened: it has %n problem(s). The timeline that was open stays open.",
                    nullptr, int(result.errors.size() + result.unreportedErrors))
            .arg(QFileInfo(fileName).fileName()),
        &dialog);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    auto *text = new QPlainTextEdit(result.errorText(), &dialog);
    text->setObjectName(u"errors"_s);
    text->setReadOnly(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setMinimumSize(640, 200);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton *copy = buttons->addButton(QObject::tr("&Copy"), QDialogButtonBox::ActionRole);
    QObject::connect(copy, &QPushButton::clicked, text,
                     [text] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.exec();
}

// A message box that shows its text as plain text, whatever characters a path or file holds.
void showPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    QMessageBox box(icon, title, QString(), QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.setText(text);
    box.exec();
}

} // namespace

MainWindow::MainWindow(State state, QWidget *parent)
    : QMainWindow(parent)
    , m_document(new TimelineDocument(this))
    , m_loader(new BackgroundLoader(this))
    , m_settings(std::make_unique<Settings>(state == State::Remember ? Settings::Storage::Persistent
                                                                     : Settings::Storage::Transient))
{
    setAcceptDrops(true);

    m_chart = new TimelineChart(m_document->events(), m_document->actors(), m_document->filter(),
                                m_document->zoom(), m_document->selection());
    m_chartView = new TimelineChartView(m_chart, this);
    m_chartView->setMinimumSize(480, 320);
    // The view's viewport takes the focus on a click; screen readers name it as the chart.
    m_chartView->viewport()->setAccessibleName(m_chartView->accessibleName());
    m_table = new EventTable(m_document, this);
    m_actorPanel = new ActorPanel(m_document->actors(), m_document->events(), m_document->selection(), this);
    m_details = new EventDetails(m_document->events(), m_document->actors(), m_document->selection(), this);
    m_sourceView = new SourceView(m_document->events(), m_document->selection(), this);
    m_actorPanel->setAccessibleName(tr("Actors panel"));
    m_details->setAccessibleName(tr("Selected event"));
    m_details->setAccessibleDescription(tr("The selected event's date, actors, summary and references"));
    m_sourceView->setAccessibleName(tr("Source panel"));

    m_leftSplitter = new QSplitter(Qt::Vertical, this);
    m_leftSplitter->addWidget(m_chartView);
    m_leftSplitter->addWidget(m_table);
    m_leftSplitter->setStretchFactor(0, 3);
    m_leftSplitter->setStretchFactor(1, 1);

    m_sideSplitter = new QSplitter(Qt::Vertical, this);
    m_sideSplitter->addWidget(m_actorPanel);
    m_sideSplitter->addWidget(m_details);
    m_sideSplitter->addWidget(m_sourceView);
    m_sideSplitter->setStretchFactor(0, 1);
    m_sideSplitter->setStretchFactor(1, 1);
    m_sideSplitter->setStretchFactor(2, 2);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(m_sideSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_mainSplitter);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search titles, actors and sentences (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(420);
    m_search->setAccessibleName(tr("Search"));
    // The filter runs once typing pauses, as hotspot's connectFilter does, not for every key of a
    // word; clearing the field and Return apply at once.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(searchDelayMs);
    const auto search = [this, searchDelay] {
        searchDelay->stop();
        m_document->filter()->setText(m_search->text());
    };
    connect(m_search, &QLineEdit::textChanged, this, [searchDelay, search](const QString &text) {
        if (text.isEmpty())
            search();
        else
            searchDelay->start();
    });
    connect(searchDelay, &QTimer::timeout, this, search);
    connect(m_search, &QLineEdit::returnPressed, this, search);

    m_countLabel = new QLabel(this);
    m_rangeLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("Opening… %p%"));
    m_progress->setAccessibleName(tr("Opening progress"));
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop opening the file; the open timeline stays"));
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelLoad);
    statusBar()->addPermanentWidget(m_rangeLabel);
    showLoading(false);
    connect(m_cancelLoad, &QToolButton::clicked, m_loader, &BackgroundLoader::cancel);
    connect(m_loader, &BackgroundLoader::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_loader, &BackgroundLoader::finished, this, &MainWindow::loadFinished);
    connect(m_loader, &BackgroundLoader::cancelled, this, [this](const QString &fileName) {
        showLoading(false);
        statusBar()->showMessage(tr("Stopped opening %1").arg(QFileInfo(fileName).fileName()), 5000);
        Q_EMIT fileOpened(fileName, false);
    });

    m_fileActions = new FileActions(m_document, m_settings.get(), this);
    connect(m_fileActions, &FileActions::openRequested, this, &MainWindow::openFile);
    m_editActions = new EditActions(m_document, m_sourceView, this);
    m_articleImporter = new ArticleImporter(m_document, this);
    m_drafts = new DraftsPanel(m_document, m_editActions, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_drafts);
    m_drafts->hide(); // until there are drafts to review
    createActions();

    connect(m_actorPanel, &ActorPanel::actorHighlighted, m_document, &TimelineDocument::setHighlightedActor);
    connect(m_document, &TimelineDocument::highlightedActorChanged, m_chart,
            &TimelineChart::setHighlightedActor);
    connect(m_document, &TimelineDocument::edited, m_chart, &TimelineChart::followEdit);
    connect(m_document, &TimelineDocument::edited, this, &MainWindow::updateStatus);
    connect(m_document, &TimelineDocument::sourcesChanged, m_sourceView, &SourceView::reloadSources);
    connect(m_details, &EventDetails::actorClicked, m_actorPanel, &ActorPanel::highlightActor);
    connect(m_document->filter(), &TimelineFilter::changed, this, &MainWindow::updateStatus);
    connect(m_document->filter(), &TimelineFilter::searchingChanged, this, &MainWindow::updateStatus);
    connect(m_document->zoom(), &ZoomState::rangeChanged, this, &MainWindow::updateStatus);
    connect(m_document, &TimelineDocument::timelineChanged, this, &MainWindow::updateStatus);
    // Drafts come to be reviewed: the panel shows when an import or a file brings some.
    connect(m_articleImporter, &ArticleImporter::finished, m_drafts, &DraftsPanel::reviewFirst);
    connect(m_document, &TimelineDocument::timelineChanged, m_drafts, [this] {
        if (m_drafts->model()->rowCount() > 0)
            m_drafts->show();
    });

    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto add = [this](QMenu *menu, const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        menu->addAction(action);
        addAction(action); // shortcuts work while the menu bar is hidden too
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileActions->addTo(file);
    file->addSeparator();
    file->addAction(m_articleImporter->importAction());
    addAction(m_articleImporter->importAction());
    add(file, tr("&Export Chart…"), { QKeySequence(Qt::CTRL | Qt::Key_E) }, &MainWindow::exportChart);
    add(file, tr("&Print…"), { QKeySequence::Print }, &MainWindow::printChart);
    QMenu *exportMenu = file->addMenu(tr("Export &Timeline"));
    add(exportMenu, tr("&TimelineJS JSON…"), {}, [this] { exportTimeline(SaveFormat::Format::TimelineJs); });
    add(exportMenu, tr("&CSV…"), {}, [this] { exportTimeline(SaveFormat::Format::Csv); });
    file->addSeparator();
    add(file, tr("&Quit"), { QKeySequence::Quit }, &MainWindow::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QMenu *timelineMenu = new QMenu(tr("&Timeline"), this);
    m_editActions->addTo(edit, timelineMenu);
    add(edit, tr("&Find…"), { QKeySequence::Find }, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    add(edit, tr("&Clear Search"), {}, [this] { m_search->clear(); });
    edit->addSeparator();
    m_drafts->addTo(edit->addMenu(tr("Re&view Drafts")));

    menuBar()->addMenu(timelineMenu);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    add(view, tr("Zoom &In"),
        { QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn },
        [this] { m_document->zoom()->zoomIn(); });
    add(view, tr("Zoom &Out"), { QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut },
        [this] { m_document->zoom()->zoomOut(); });
    add(view, tr("&Fit Timeline"), { QKeySequence(Qt::Key_0), QKeySequence(Qt::CTRL | Qt::Key_0) },
        [this] { m_document->zoom()->fit(); });
    add(view, tr("Zoom to &Event"), { QKeySequence(Qt::Key_Z) }, [this] { m_chartView->zoomToCurrent(); });
    view->addSeparator();
    // All lanes squeezed into the chart, against readable lanes that scroll.
    m_overviewAction = add(view, tr("Over&view of All Lanes"), { QKeySequence(Qt::Key_O) }, [this](bool on) {
        m_document->zoom()->setLanesOverview(on);
        m_settings->setChartOverview(on);
    });
    m_overviewAction->setCheckable(true);
    connect(m_document->zoom(), &ZoomState::lanesChanged, m_overviewAction,
            [this] { m_overviewAction->setChecked(m_document->zoom()->lanesOverview()); });
    view->addActions(m_chartView->laneActions());
    view->addSeparator();
    QAction *showDrafts = m_drafts->toggleViewAction();
    showDrafts->setText(tr("&Drafts Panel"));
    showDrafts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    view->addAction(showDrafts);
    addAction(showDrafts);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    add(go, tr("&Previous Event"), { QKeySequence(Qt::Key_Left) }, [this] { m_chartView->selectPrevious(); });
    add(go, tr("&Next Event"), { QKeySequence(Qt::Key_Right) }, [this] { m_chartView->selectNext(); });
    add(go, tr("&First Event"), { QKeySequence(Qt::Key_Home) }, [this] { m_chartView->selectFirst(); });
    add(go, tr("&Last Event"), { QKeySequence(Qt::Key_End) }, [this] { m_chartView->selectLast(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&Keyboard Shortcuts"), {}, [this] { ShortcutsDialog(menuBar(), this).exec(); });
    add(help, tr("&File Format"), {}, [this] { FormatDialog(this).exec(); });
    help->addSeparator();
    add(help, tr("&About Sourceline"), {}, &MainWindow::about);
    add(help, tr("About &Qt"), {}, [] { QApplication::aboutQt(); });

    QToolBar *bar = addToolBar(tr("Search"));
    bar->setObjectName(u"searchToolBar"_s);
    bar->setMovable(false);
    bar->addWidget(m_search);
}

void MainWindow::setTimeline(std::shared_ptr<const Timeline> timeline, const QString &fileName)
{
    m_document->setTimeline(std::move(timeline), fileName);
}

void MainWindow::openFile(const QString &fileName)
{
    m_progress->setValue(0);
    showLoading(true);
    m_loader->start(fileName);
}

void MainWindow::showLoading(bool loading)
{
    m_progress->setVisible(loading);
    m_cancelLoad->setVisible(loading);
}

void MainWindow::loadFinished(const QString &fileName, const TimelineLoader::Result &result)
{
    showLoading(false);
    if (!result.ok()) {
        showLoadErrors(this, fileName, result);
        Q_EMIT fileOpened(fileName, false);
        return;
    }
    setTimeline(result.timeline, fileName);
    m_fileActions->addRecent(fileName);
    Q_EMIT fileOpened(fileName, true);
}

void MainWindow::exportChart()
{
    const QString base = m_document->fileName().startsWith(u':') || m_document->fileName().isEmpty()
        ? u"sourceline"_s
        : QFileInfo(m_document->fileName()).completeBaseName();
    // The dialog writes the file itself, and stays open with the reason when it cannot.
    ExportDialog dialog(m_document, base, m_settings.get(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Exported %1").arg(dialog.fileName()), 8000);
}

void MainWindow::printChart()
{
    if (!m_printer) {
        // At the screen's resolution the chart's text is laid out and printed at the same size.
        m_printer = std::make_unique<QPrinter>(QPrinter::ScreenResolution);
        m_printer->setPageOrientation(QPageLayout::Landscape); // a timeline is wide; the preview can turn it
    }
    m_printer->setDocName(m_document->timeline() ? m_document->timeline()->title : u"Sourceline"_s);
    QPrintPreviewDialog preview(m_printer.get(), this);
    preview.setWindowTitle(tr("Print Chart"));
    preview.resize(size() * 4 / 5); // room to read the page before printing it
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *target) {
        // What the window shows: the current view, with the timeline's title and its sources.
        ChartExporter::Options options;
        options.wholeTimeline = false;
        // The view as the window shows it: the lanes in view, unless it shows the overview.
        options.lanes =
            m_document->zoom()->lanesOverview() ? ChartExporter::Lanes::All : ChartExporter::Lanes::View;
        ChartExporter::print(m_document, options, target);
    });
    preview.exec();
}

void MainWindow::exportTimeline(SaveFormat::Format format)
{
    const auto &timeline = m_document->timeline();
    if (!timeline)
        return;
    const bool csv = format == SaveFormat::Format::Csv;
    const QString base = m_document->fileName().startsWith(u':') || m_document->fileName().isEmpty()
        ? u"sourceline"_s
        : QFileInfo(m_document->fileName()).completeBaseName();
    const QString folder = m_settings->lastFolder();
    const QString fileName = QFileDialog::getSaveFileName(
        this, csv ? tr("Export Timeline as CSV") : tr("Export Timeline as TimelineJS JSON"),
        QDir(folder).filePath(base + (csv ? u".csv"_s : u"-timelinejs.json"_s)),
        csv ? tr("CSV files (*.csv)") : tr("TimelineJS JSON (*.json)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (SaveFormat::save(*timeline, format, fileName, &error)) {
        m_settings->setLastFolder(QFileInfo(fileName).absolutePath());
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(fileName).fileName()), 8000);
    } else {
        showPlainMessage(this, QMessageBox::Warning, tr("Export failed"), error);
    }
}

void MainWindow::about()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Sourceline"));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Sourceline %1").arg(QApplication::applicationVersion()));
    box.setInformativeText(
        tr("Dated events on a timeline, one lane per actor, each beside the source sentences it "
           "rests on."));
    box.exec();
}

void MainWindow::updateStatus()
{
    const auto &timeline = m_document->timeline();
    if (!timeline) {
        m_countLabel->clear();
        m_rangeLabel->clear();
        return;
    }
    const qsizetype total = qsizetype(timeline->events.size());
    if (m_document->filter()->isSearching()) {
        m_countLabel->setText(tr("Searching…"));
        return;
    }
    const qsizetype shown = m_document->filter()->acceptedCount();
    m_countLabel->setText(shown == total ? tr("%n event(s)", nullptr, int(total))
                                         : tr("%1 of %n event(s) match", nullptr, int(total)).arg(shown));
    m_rangeLabel->setText(
        tr("Showing %1 – %2").arg(dayText(m_document->zoom()->first()), dayText(m_document->zoom()->last())));
}

void MainWindow::restoreState()
{
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1440, 900);
    // First run: most of the room for the chart, then the source text.
    m_mainSplitter->setSizes({ 1040, 400 });
    m_leftSplitter->setSizes({ 600, 260 });
    m_sideSplitter->setSizes({ 220, 240, 440 });
    QMainWindow::restoreState(m_settings->windowState());
    m_mainSplitter->restoreState(m_settings->splitterState(Settings::Splitter::Main));
    m_leftSplitter->restoreState(m_settings->splitterState(Settings::Splitter::Left));
    m_sideSplitter->restoreState(m_settings->splitterState(Settings::Splitter::Side));
    m_document->zoom()->setLanesOverview(m_settings->chartOverview());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    // The guard may ask a question: not from inside the drop, which holds the drag source.
    const QString fileName = urls.first().toLocalFile();
    QMetaObject::invokeMethod(
        m_fileActions, [this, fileName] { m_fileActions->open(fileName); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_fileActions->maySwitch()) {
        event->ignore();
        return;
    }
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(Settings::Splitter::Main, m_mainSplitter->saveState());
    m_settings->setSplitterState(Settings::Splitter::Left, m_leftSplitter->saveState());
    m_settings->setSplitterState(Settings::Splitter::Side, m_sideSplitter->saveState());
    event->accept();
}
