#include "timelinewriter.h"

#include "timeline.h"

#include <QSaveFile>

#include <algorithm>
#include <bit>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

// Appends JSON text to one growing buffer, keeping track of indentation and of the commas
// between members and elements.
class JsonOut
{
public:
    explicit JsonOut(qsizetype expected) { grow(expected); }

    int depth() const { return m_depth; }
    qsizetype size() const { return m_used; }
    QByteArrayView bytes() const { return QByteArrayView(m_out.constData(), m_used); }

    // Empties the buffer, keeping its memory, to go on where other text left off: inside
    // `depth` brackets, where `first` says whether the innermost one has an element yet.
    void restart(int depth, bool first)
    {
        m_used = 0;
        m_depth = depth;
        m_first = first;
        m_afterKey = false;
    }
    bool isFirst() const { return m_first; }

    // The file ends with a new line.
    void endFile() { put('\n'); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // Starts a member of the current object; its value follows.
    void key(std::string_view name)
    {
        separate();
        putKey(name);
        m_afterKey = true;
    }

    void string(QByteArrayView utf8)
    {
        separate();
        appendEscaped(utf8);
    }
    void string(const QString &text) { string(QByteArrayView(text.toUtf8())); }
    void string(const QByteArray &utf8) { string(QByteArrayView(utf8)); }
    void number(qint64 n)
    {
        separate();
        put(QByteArray::number(n));
    }
    void boolean(bool b)
    {
        separate();
        put(b ? "true" : "false");
    }

    // A short array of strings on one line, as the format's examples write an event's actors.
    template<typename Strings, typename ToUtf8> void inlineStrings(const Strings &items, ToUtf8 toUtf8)
    {
        separate();
        put('[');
        bool first = true;
        for (const auto &item : items) {
            if (!first)
                put(", ");
            first = false;
            appendEscaped(toUtf8(item));
        }
        put(']');
    }

    // A small object on one line: { "source": "note", "quote": "…" }.
    void inlineObject(std::initializer_list<std::pair<std::string_view, QByteArrayView>> members)
    {
        separate();
        put("{ ");
        bool first = true;
        for (const auto &[name, value] : members) {
            if (!first)
                put(", ");
            first = false;
            putKey(name);
            appendEscaped(value);
        }
        put(" }");
    }

    // Members that are left out when empty.
    void optional(std::string_view name, QByteArrayView utf8)
    {
        if (!utf8.isEmpty()) {
            key(name);
            string(utf8);
        }
    }
    void optional(std::string_view name, const QByteArray &utf8) { optional(name, QByteArrayView(utf8)); }
    void optional(std::string_view name, const QString &text)
    {
        if (!text.isEmpty()) {
            key(name);
            string(text);
        }
    }

private:
    void open(char bracket)
    {
        separate();
        put(bracket);
        ++m_depth;
        m_first = true;
    }

    void close(char bracket)
    {
        --m_depth;
        if (!m_first)
            newline();
        put(bracket);
        m_first = false;
    }

    // What goes before a value: nothing after a key, else a comma (unless first) and a new line.
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first)
            put(',');
        if (m_depth > 0)
            newline();
        m_first = false;
    }

    void newline()
    {
        static constexpr char spaces[] = "\n                                ";
        static_assert(sizeof(spaces) - 2 >= 2 * 16);
        put(spaces, 1 + 2 * qMin(m_depth, 16));
    }

    void putKey(std::string_view name)
    {
        put('"');
        put(name.data(), qsizetype(name.size()));
        put("\": ");
    }

    // The bytes of `word` that JSON must escape, each marked by its high bit: '"', '\\' and
    // those below 0x20 (the "has a zero byte" trick; a borrow can only mark a byte above one
    // marked rightly, so the lowest mark is right). UTF-8's bytes of 0x80 and up are never marked.
    static std::uint64_t escapesIn(std::uint64_t word)
    {
        constexpr std::uint64_t ones = 0x0101'0101'0101'0101u;
        constexpr std::uint64_t highs = 0x8080'8080'8080'8080u;
        const auto zeroBytes = [](std::uint64_t w) {
            return (w - ones) & ~w;
        };
        return (zeroBytes(word ^ (ones * '"')) | zeroBytes(word ^ (ones * '\\'))
                | ((word - ones * 0x20) & ~word))
            & highs;
    }

    // JSON string escaping of UTF-8 text: quotes, backslashes and control characters; all
    // else, non-ASCII included, is copied as it is, a run at a time.
    void appendEscaped(QByteArrayView text)
    {
        static constexpr char hex[] = "0123456789abcdef";
        put('"');
        const char *run = text.data();
        const char *const end = text.data() + text.size();
        for (const char *p = run; p != end; ++p) {
            if constexpr (std::endian::native == std::endian::little) {
                // Eight bytes at a time up to the first one to escape.
                while (end - p >= 8) {
                    std::uint64_t word;
                    std::memcpy(&word, p, sizeof word);
                    if (const std::uint64_t marks = escapesIn(word)) {
                        p += std::countr_zero(marks) / 8;
                        break;
                    }
                    p += 8;
                }
                if (p == end)
                    break;
            }
            const auto c = static_cast<unsigned char>(*p);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            put(run, p - run);
            run = p + 1;
            switch (c) {
            case '"':
                put("\\\"");
                break;
            case '\\':
                put("\\\\");
                break;
            case '\n':
                put("\\n");
                break;
            case '\t':
                put("\\t");
                break;
            case '\r':
                put("\\r");
                break;
            case '\b':
                put("\\b");
                break;
            case '\f':
                put("\\f");
                break;
            default:
                put("\\u00");
                put(hex[c >> 4]);
                put(hex[c & 0xf]);
                break;
            }
        }
        put(run, end - run);
        put('"');
    }

    // The buffer is sized ahead and written with memcpy: a million events make tens of millions
    // of small appends, and QByteArray::append() costs several times a memcpy for each.
    void put(const char *bytes, qsizetype size)
    {
        if (m_out.size() - m_used < size)
            grow(size);
        std::memcpy(m_out.data() + m_used, bytes, size_t(size));
        m_used += size;
    }
    void put(QByteArrayView bytes) { put(bytes.data(), bytes.size()); }
    void put(const char *text) { put(text, qsizetype(std::strlen(text))); }
    void put(char c) { put(&c, 1); }

    void grow(qsizetype atLeast) { m_out.resize(qMax(m_used + atLeast, 2 * m_out.size())); }

    QByteArray m_out;
    qsizetype m_used = 0;
    int m_depth = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

// Where the file's bytes go, a piece at a time and in order; false stops the writing.
using Sink = std::function<bool(QByteArrayView)>;

// A buffer holds about this much before it is handed to the sink and used again: on a virtual
// machine a page's first touch can cost more than filling it, so the file is made in a few
// pages that stay warm rather than in one buffer as large as the file.
constexpr qsizetype s_blockBytes = 1 << 20;
// Events are made in blocks of this many, handed to the sink in order.
constexpr std::size_t s_blockEvents = 2048;

bool flush(JsonOut &out, const Sink &sink)
{
    const bool written = sink(out.bytes());
    out.restart(out.depth(), out.isFirst());
    return written;
}

bool writeSources(JsonOut &out, const Timeline &t, const Sink &sink)
{
    out.key("sources");
    out.beginArray();
    for (const Source &source : t.sources) {
        out.beginObject();
        out.key("id");
        out.string(source.id);
        out.key("title");
        out.string(source.utf8(Source::Title));
        out.optional("publisher", source.utf8(Source::Publisher));
        if (!source.publisherConfirmed) {
            out.key("publisherConfirmed");
            out.boolean(false);
        }
        out.optional("published", source.utf8(Source::Published));
        out.optional("url", source.utf8(Source::Url));
        out.key("text");
        // A loaded text is written from its UTF-8, not widened to be narrowed again.
        if (const QByteArrayView utf8 = source.storedText().utf8(); !utf8.isNull())
            out.string(utf8);
        else
            out.string(source.text());
        out.endObject();
        if (out.size() >= s_blockBytes && !flush(out, sink))
            return false;
    }
    out.endArray();
    return true;
}

void writeActors(JsonOut &out, const Timeline &t)
{
    out.key("actors");
    out.beginArray();
    for (const Actor &actor : t.actors) {
        out.beginObject();
        out.key("id");
        out.string(actor.utf8(Actor::Id));
        out.key("name");
        out.string(actor.utf8(Actor::Name));
        out.key("kind");
        out.string(actor.utf8(Actor::Kind));
        out.optional("description", actor.utf8(Actor::Description));
        if (!actor.aliases.isEmpty()) {
            out.key("aliases");
            out.inlineStrings(actor.aliases, [](const QString &alias) { return alias.toUtf8(); });
        }
        if (actor.color.isValid())
            out.optional("color", actor.color.name(QColor::HexRgb));
        out.endObject();
    }
    out.endArray();
}

// The ids and kinds that events name, as UTF-8: converted once, written once per event.
struct Names
{
    QList<QByteArray> sources;
    QList<QByteArray> actors;
    QList<QByteArray> kinds;

    explicit Names(const Timeline &t)
    {
        for (const Source &source : t.sources)
            sources.append(source.id.toUtf8());
        for (const Actor &actor : t.actors)
            actors.append(actor.utf8(Actor::Id).toByteArray());
        for (const QString &kind : t.kinds)
            kinds.append(kind.toUtf8());
    }
};

void writeEvent(JsonOut &out, const Timeline &t, const Event &event, const Names &names)
{
    out.beginObject();
    out.key("id");
    out.string(t.utf8(event.id));
    out.key("title");
    out.string(t.utf8(event.title));
    out.key("when");
    out.string(t.utf8(event.when));
    out.optional("dateText", t.utf8(event.dateText));
    if (event.kind >= 0)
        out.optional("kind", names.kinds.at(event.kind));
    out.key("actors");
    out.inlineStrings(t.actorsOf(event),
                      [&](std::int32_t actor) { return QByteArrayView(names.actors.at(actor)); });
    out.optional("summary", t.utf8(event.summary));
    if (event.evidence.count > 0) {
        out.key("evidence");
        out.beginArray();
        for (const Evidence &item : t.evidenceOf(event))
            out.inlineObject(
                { { "source", names.sources.at(item.source) }, { "quote", t.utf8(item.quote) } });
        out.endArray();
    }
    if (event.references.count > 0) {
        out.key("references");
        out.beginArray();
        for (const Reference &ref : t.referencesOf(event)) {
            out.beginObject();
            out.key("title");
            out.string(t.utf8(ref.title));
            out.optional("publisher", t.utf8(ref.publisher));
            out.optional("url", t.utf8(ref.url));
            out.optional("date", t.utf8(ref.date));
            out.endObject();
        }
        out.endArray();
    }
    if (event.draft) {
        out.key("draft");
        out.boolean(true);
    }
    out.endObject();
}

// Events [first, last) of the timeline's list.
void writeEvents(JsonOut &out, const Timeline &t, std::size_t first, std::size_t last, const Names &names)
{
    // Events are written in date order, but their strings lie in file order: each event's text
    // is a cache miss away. Asking for the strings of an event a few ahead overlaps the misses.
    constexpr std::size_t ahead = 8;
    const auto prefetch = [&](const Event &event) {
        for (const TextRef ref : { event.id, event.title, event.when, event.summary })
            __builtin_prefetch(t.utf8(ref).data());
        for (const Evidence &item : t.evidenceOf(event))
            __builtin_prefetch(t.utf8(item.quote).data());
    };
    for (std::size_t i = first; i < last; ++i) {
        if (i + ahead < last)
            prefetch(t.events[i + ahead]);
        writeEvent(out, t, t.events[i], names);
    }
}

// Kinds' labels and colours, one line each as the format's example writes them.
void writeKinds(JsonOut &out, const Timeline &t)
{
    if (t.kindStyles.isEmpty())
        return;
    out.key("kinds");
    out.beginArray();
    for (const KindStyle &kind : t.kindStyles) {
        const QByteArray id = kind.id.toUtf8(), label = kind.label.toUtf8();
        const QByteArray color =
            kind.color.isValid() ? kind.color.name(QColor::HexRgb).toUtf8() : QByteArray();
        if (!label.isEmpty() && !color.isEmpty())
            out.inlineObject({ { "id", id }, { "label", label }, { "color", color } });
        else if (!label.isEmpty())
            out.inlineObject({ { "id", id }, { "label", label } });
        else if (!color.isEmpty())
            out.inlineObject({ { "id", id }, { "color", color } });
        else
            out.inlineObject({ { "id", id } });
    }
    out.endArray();
}

void writeEras(JsonOut &out, const Timeline &t)
{
    if (t.eras.isEmpty())
        return;
    out.key("eras");
    out.beginArray();
    for (const Era &era : t.eras) {
        out.beginObject();
        out.key("id");
        out.string(era.id);
        out.key("title");
        out.string(era.title);
        out.key("when");
        out.string(era.when);
        out.endObject();
    }
    out.endArray();
}

// The events, made a block at a time into buffers that are used again. Past s_splitEvents two
// threads take turns: each makes every other block (writing an event only reads the timeline)
// and hands it to the sink once the block before it is in, so that one makes a block while the
// other hands one over. `depth` is the events array's.
bool writeEventBlocks(const Timeline &t, const Names &names, int depth, const Sink &sink)
{
    const std::size_t count = t.events.size();
    const std::size_t blocks = (count + s_blockEvents - 1) / s_blockEvents;
    const std::size_t threads = count >= TimelineWriter::s_splitEvents ? 2 : 1;
    std::mutex mutex;
    std::condition_variable turn;
    std::size_t next = 0; // the block the sink takes next
    bool failed = false;
    const auto work = [&](std::size_t firstBlock) {
        // A block's share of the file the timeline came from, or a little more: a buffer grows
        // by doubling when an event is longer.
        JsonOut out(std::min(s_blockBytes,
                             t.fileBytes().size() / qsizetype(std::max<std::size_t>(blocks, 1)) + 4096));
        for (std::size_t block = firstBlock; block < blocks; block += threads) {
            out.restart(depth, block == 0);
            const std::size_t first = block * s_blockEvents;
            writeEvents(out, t, first, std::min(count, first + s_blockEvents), names);
            std::unique_lock lock(mutex);
            turn.wait(lock, [&] { return next == block || failed; });
            if (failed)
                return;
            lock.unlock(); // the other thread waits for `next` to move, not for the lock
            const bool written = sink(out.bytes());
            lock.lock();
            failed = !written;
            ++next;
            lock.unlock();
            turn.notify_all();
            if (failed)
                return;
        }
    };
    std::thread helper;
    if (threads > 1)
        helper = std::thread(work, 1);
    work(0);
    if (helper.joinable())
        helper.join();
    return !failed;
}

// The whole file, handed to `sink` in pieces; false when the sink refused one.
bool write(const Timeline &t, const Sink &sink)
{
    qsizetype head = 4096;
    for (const Source &source : t.sources)
        head +=
            source.storedText().utf8().isNull() ? source.text().size() : source.storedText().utf8().size();
    JsonOut out(std::min(s_blockBytes, head));
    out.beginObject();
    out.key("format");
    out.string(QByteArrayView("sourceline"));
    out.key("version");
    out.number(1);
    out.key("title");
    out.string(t.title);
    out.optional("description", t.description);
    if (!writeSources(out, t, sink))
        return false;
    writeActors(out, t);
    out.key("events");
    out.beginArray();
    const int depth = out.depth();
    if (!flush(out, sink) || !writeEventBlocks(t, Names(t), depth, sink))
        return false;

    out.restart(depth, t.events.empty());
    out.endArray();
    writeKinds(out, t);
    writeEras(out, t);
    out.endObject();
    out.endFile();
    return sink(out.bytes());
}

} // namespace

namespace TimelineWriter {

QByteArray toJson(const Timeline &t)
{
    QByteArray json;
    // The file the timeline came from is the best guess of the size it writes back to.
    json.reserve(t.fileBytes().size() + 4096);
    write(t, [&](QByteArrayView bytes) {
        json.append(bytes);
        return true;
    });
    return json;
}

bool save(const Timeline &timeline, const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = path + u": "_s + why;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(file.errorString());
    const bool written = write(timeline, [&](QByteArrayView bytes) {
        return file.write(bytes.data(), bytes.size()) == bytes.size();
    });
    if (!written) {
        file.cancelWriting();
        return fail(file.errorString());
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace TimelineWriter
