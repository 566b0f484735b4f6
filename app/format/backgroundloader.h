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
    ~BackgroundLoader() override;

    void start(const QString &fileName);
    void cancel(); // emits cancelled() when a load was under way
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void progressChanged(int percent);
    void finished(const QString &fileName, const TimelineLoader::Result &result);
    void cancelled(const QString &fileName);

private:
    QList<QPointer<QThread>> m_threads; // a cancelled worker may still be finishing
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_fileName;
    bool m_loading = false;
};
