#include "backgroundloader.h"

BackgroundLoader::BackgroundLoader(QObject *parent)
    : QObject(parent)
{ }

BackgroundLoader::~BackgroundLoader()
{
    // The worker posts to this object: it must be done before this object goes. No
    // cancelled(): whoever owns this object may be in the middle of its own destructor.
    stop();
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait();
            delete thread.data(); // its deleteLater() may never be delivered once the loop is gone
        }
    }
}

void BackgroundLoader::start(const QString &fileName)
{
    cancel();
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    m_fileName = fileName;
    m_loading = true;
    auto *thread = QThread::create([this, fileName, cancelFlag] {
        int lastPercent = -1;
        const TimelineLoader::Progress progress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 0;
            if (percent != lastPercent) {
                lastPercent = percent;
                QMetaObject::invokeMethod(
                    this,
                    [this, percent, cancelFlag] {
                        if (!*cancelFlag)
                            Q_EMIT progressChanged(percent);
                    },
                    Qt::QueuedConnection);
            }
            return !*cancelFlag;
        };
        const TimelineLoader::Result result = TimelineLoader::loadFile(fileName, progress);
        QMetaObject::invokeMethod(
            this,
            [this, fileName, result, cancelFlag] {
                // A load that was cancelled, or replaced by a newer one, says nothing more.
                if (*cancelFlag)
                    return;
                m_loading = false;
                Q_EMIT finished(fileName, result);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    // Queued behind everything the worker posted here, so it comes last.
    connect(thread, &QThread::finished, this, &BackgroundLoader::workerStopped, Qt::QueuedConnection);
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    thread->start();
}

void BackgroundLoader::cancel()
{
    if (stop())
        Q_EMIT cancelled(m_fileName);
}

bool BackgroundLoader::stop()
{
    if (!m_cancel || !m_loading)
        return false;
    *m_cancel = true;
    m_loading = false;
    return true;
}

int BackgroundLoader::runningWorkers() const
{
    int running = 0;
    for (const QPointer<QThread> &thread : m_threads) {
        if (thread && !thread->isFinished())
            ++running;
    }
    return running;
}
