#pragma once

#include "timelineloader.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

// Loads a timeline file on a worker thread, reporting progress, so that the window stays
// responsive and the open timeline usable until the new one is ready. A load can be cancelled;
// starting another cancels the one under way. Results arrive on the thread that owns this object.
class BackgroundLoader : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundLoader(QObject *parent = nullptr);
    // Stops a load under way without a word: the owner that is destroying this object may be
    // half gone, so nothing is emitted into it.
    ~BackgroundLoader() override;

    void start(const QString &fileName);
    void cancel(); // emits cancelled() when a load was under way
    bool isLoading() const { return m_loading; }
    // Worker threads that have not finished yet, including cancelled ones still winding down.
    int runningWorkers() const;

Q_SIGNALS:
    void progressChanged(int percent);
    void finished(const QString &fileName, const TimelineLoader::Result &result);
    void cancelled(const QString &fileName);
    // A worker thread has ended, after everything it posted here was delivered: once a
    // cancelled load's worker has stopped, nothing more can arrive from it.
    void workerStopped();

private:
    bool stop(); // true when a load was under way

    QList<QPointer<QThread>> m_threads; // a cancelled worker may still be finishing
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_fileName;
    bool m_loading = false;
};
