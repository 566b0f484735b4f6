#include "eventidindex.h"

#include "timeline.h"

#include <QScopeGuard>
#include <QThread>

#include <algorithm>

namespace {
// Timelines of up to this many events are hashed at once, on the calling thread.
constexpr std::size_t s_hashedAtOnce = 20000;
} // namespace

EventIdIndex::EventIdIndex() = default;

EventIdIndex::~EventIdIndex()
{
    if (m_cancel)
        *m_cancel = true;
    finish();
}

std::uint64_t EventIdIndex::hash(QByteArrayView id)
{
    return std::uint64_t(qHash(id, std::size_t(0x5eed'1d5u)));
}

std::vector<std::uint64_t> EventIdIndex::hashAll(const Timeline &strings, const std::vector<TextRef> &ids,
                                                 const std::atomic_bool &cancel)
{
    std::vector<std::uint64_t> hashes;
    hashes.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i % 4096 == 0 && cancel)
            return {};
        if (!ids[i].isEmpty())
            hashes.push_back(hash(strings.utf8(ids[i])));
    }
    std::sort(hashes.begin(), hashes.end());
    return hashes;
}

namespace {
std::vector<TextRef> idsOf(const Timeline &t)
{
    std::vector<TextRef> ids(t.events.size());
    std::transform(t.events.begin(), t.events.end(), ids.begin(), [](const Event &e) { return e.id; });
    return ids;
}
} // namespace

void EventIdIndex::rebuild(std::shared_ptr<const Timeline> timeline)
{
    if (m_cancel)
        *m_cancel = true;
    finish();
    m_loaded.clear();
    m_edited.clear();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    if (!timeline)
        return;
    if (timeline->events.size() <= s_hashedAtOnce) {
        m_loaded = hashAll(*timeline, idsOf(*timeline), *m_cancel);
        return;
    }
    // The worker reads the events until it counts m_read down, and then only its own copies: the
    // ids' places, and the strings as they were here (shared; an edit that adds a string detaches
    // the timeline's). It writes only m_loaded, which nothing reads until finish() has waited.
    m_read = std::make_shared<std::latch>(1);
    Timeline strings = timeline->stringsOnly();
    m_worker = QThread::create(
        [this, timeline = std::move(timeline), strings = std::move(strings), cancel = m_cancel, read = m_read] {
            std::vector<TextRef> ids;
            {
                const auto done = qScopeGuard([&read] { read->count_down(); });
                if (!*cancel)
                    ids = idsOf(*timeline);
            }
            m_loaded = hashAll(strings, ids, *cancel);
        });
    m_worker->start();
}

void EventIdIndex::stopReading()
{
    if (m_read)
        m_read->wait();
}

void EventIdIndex::finish()
{
    if (!m_worker)
        return;
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
    m_read.reset();
}

bool EventIdIndex::mayContain(QByteArrayView id)
{
    finish();
    const std::uint64_t h = hash(id);
    const auto [first, last] = std::equal_range(m_loaded.begin(), m_loaded.end(), h);
    return (last - first) + m_edited.value(h) > 0;
}

void EventIdIndex::added(QByteArrayView id)
{
    if (!id.isEmpty())
        ++m_edited[hash(id)];
}

void EventIdIndex::removed(QByteArrayView id)
{
    if (!id.isEmpty())
        --m_edited[hash(id)];
}
