#include "eventidindex.h"

#include "timeline.h"

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

std::vector<std::uint64_t> EventIdIndex::hashAll(const Timeline &t, const std::atomic_bool &cancel)
{
    std::vector<std::uint64_t> hashes;
    hashes.reserve(t.events.size());
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        if (i % 4096 == 0 && cancel)
            return {};
        if (!t.events[i].id.isEmpty())
            hashes.push_back(hash(t.utf8(t.events[i].id)));
    }
    std::sort(hashes.begin(), hashes.end());
    return hashes;
}

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
        m_loaded = hashAll(*timeline, *m_cancel);
        return;
    }
    // The worker writes only m_loaded, which nothing reads until finish() has waited for it.
    m_worker = QThread::create([this, timeline = std::move(timeline), cancel = m_cancel] {
        m_loaded = hashAll(*timeline, *cancel);
    });
    m_worker->start();
}

void EventIdIndex::finish()
{
    if (!m_worker)
        return;
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
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
