#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QThread>

#include <atomic>
#include <cstdint>
#include <latch>
#include <memory>
#include <vector>

class Timeline;
struct TextRef;

// Which event ids a timeline has, so that naming a new event, or checking a typed id, need not
// compare it with a million others. The loaded ids are hashed once, on a worker, into a sorted
// array; edits since are counted beside it. A hash says "no" exactly and "yes" with a false
// alarm of about one in 2^64 / events, so a caller that must be sure of a "yes" looks again.
class EventIdIndex
{
public:
    EventIdIndex();
    ~EventIdIndex(); // stops a worker under way
    EventIdIndex(const EventIdIndex &) = delete;
    EventIdIndex &operator=(const EventIdIndex &) = delete;

    // Starts hashing the ids of `timeline` (may be null) on a worker; small timelines at once.
    // The timeline's strings are shared with the worker as they are now; its events are read by
    // the worker until stopReading() returns.
    void rebuild(std::shared_ptr<const Timeline> timeline);
    // Waits until the worker has copied where the events' ids are, which takes a few
    // milliseconds at a million events: before the events are edited. Hashing and sorting them
    // go on, as the edits made meanwhile are counted apart.
    void stopReading();
    // Waits for the worker's whole work: before the index is read.
    void finish();

    // Whether the index answers without waiting for its worker.
    bool ready() const { return !m_worker || m_worker->isFinished(); }
    bool mayContain(QByteArrayView id); // waits for the worker
    void added(QByteArrayView id);
    void removed(QByteArrayView id);

private:
    static std::uint64_t hash(QByteArrayView id);
    static std::vector<std::uint64_t> hashAll(const Timeline &strings, const std::vector<TextRef> &ids,
                                              const std::atomic_bool &cancel);

    std::vector<std::uint64_t> m_loaded; // sorted; filled by the worker until finish()
    QHash<std::uint64_t, int> m_edited; // ids added (+1) and removed (-1) since
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<std::latch> m_read; // counted down when the worker no longer reads the events
};
