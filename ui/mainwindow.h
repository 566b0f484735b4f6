#pragma once

#include "saveformat.h"
#include "timelineloader.h"

#include <QMainWindow>

#include <memory>

class ActorPanel;
class QAction;
class BackgroundLoader;
class QPrinter;
class QProgressBar;
class QToolButton;
class EditActions;
class EventDetails;
class FileActions;
class EventTable;
class QLabel;
class QLineEdit;
class QSplitter;
class Settings;
class SourceView;
class Timeline;
class TimelineChart;
class TimelineChartView;
class TimelineDocument;

// Wires the parts together: chart and table on the left, actors, details and source on the
// right, menus for every command, the search field and the status bar. Each part is its own
// class; this one only connects them and remembers the window's state.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Remember: restore the last session's window state and save it on close. Fresh: neither,
    // nor any other stored setting, for pictures and tests that must look the same on every
    // machine; what a Fresh window is told to remember lasts as long as the window.
    enum class State { Remember, Fresh };
    // How long the search field waits for a pause in typing before it filters.
    static constexpr int searchDelayMs = 300;
    explicit MainWindow(State state = State::Remember, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setTimeline(std::shared_ptr<const Timeline> timeline, const QString &fileName);
    // Starts loading `fileName` on a worker thread; the open timeline stays usable meanwhile. On
    // errors they are shown and the open timeline stays; fileOpened() tells how it ended.
    void openFile(const QString &fileName);
    BackgroundLoader *loader() const { return m_loader; }

    TimelineDocument *document() const { return m_document; }
    TimelineChartView *chartView() const { return m_chartView; }
    EventTable *table() const { return m_table; }
    ActorPanel *actorPanel() const { return m_actorPanel; }
    EventDetails *details() const { return m_details; }
    SourceView *sourceView() const { return m_sourceView; }
    QLineEdit *searchField() const { return m_search; }
    FileActions *fileActions() const { return m_fileActions; }
    EditActions *editActions() const { return m_editActions; }

Q_SIGNALS:
    void fileOpened(const QString &fileName, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void exportChart();
    void printChart();
    void exportTimeline(SaveFormat::Format format);
    void about();
    void updateStatus();
    void restoreState();
    void loadFinished(const QString &fileName, const TimelineLoader::Result &result);
    void showLoading(bool loading);

    TimelineDocument *m_document;
    TimelineChart *m_chart;
    TimelineChartView *m_chartView;
    EventTable *m_table;
    ActorPanel *m_actorPanel;
    EventDetails *m_details;
    SourceView *m_sourceView;
    QLineEdit *m_search;
    QSplitter *m_mainSplitter;
    QSplitter *m_leftSplitter;
    QSplitter *m_sideSplitter;
    QLabel *m_countLabel;
    QLabel *m_rangeLabel;
    QProgressBar *m_progress;
    QToolButton *m_cancelLoad;
    BackgroundLoader *m_loader;
    FileActions *m_fileActions;
    EditActions *m_editActions;
    std::unique_ptr<Settings> m_settings;
    QAction *m_overviewAction = nullptr;
    std::unique_ptr<QPrinter> m_printer; // made on the first print; keeps the page set up then
};
