#pragma once

#include "daterange.h"
#include "sourcetext.h"
#include "tieredvector.h"

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

class LaneIndex;

// A piece of UTF-8 text held by a Timeline. Events are many, so their strings are slices of
// the file's own bytes (or of a side buffer for strings that had escapes) rather than a
// QString each: a million events then cost little more than the file itself.
struct TextRef
{
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
    bool isEmpty() const { return size == 0; }
};

// A contiguous run of entries in one of the timeline's flat arrays.
struct Span
{
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
};

// A sentence of a source's text, as UTF-16 offsets into Source::text; `end` is exclusive. In 32
// bits, as no text is that long: a text of a million sentences keeps 8 MB rather than 16.
struct Sentence
{
    std::int32_t start = 0;
    std::int32_t end = 0;
    qsizetype length() const { return end - start; }
    friend bool operator==(const Sentence &, const Sentence &) = default;
};

// A record's short strings (a source's title, an actor's name…) as UTF-8, in one array shared
// by all of them: as loaded, a slice of the file's own bytes, which the record holds a share of.
// A large file has a source for every few events, or an actor for every few, and a QString
// apiece (twice the bytes, and a block of the heap each) had made them cost three to five times
// their share of the file. Fields are numbered by the record's own enum (Source::Field…).
template<std::size_t Count> class PackedText
{
public:
    QString field(std::size_t field) const { return QString::fromUtf8(utf8(field)); }
    QByteArrayView utf8(std::size_t field) const
    {
        const TextRef ref = m_refs[field];
        return QByteArrayView(m_bytes).sliced(ref.offset, ref.size);
    }
    bool isEmpty(std::size_t field) const { return m_refs[field].isEmpty(); }

    void setField(std::size_t field, const QString &value)
    {
        setField(field, QByteArrayView(value.toUtf8()));
    }
    // The fields are packed afresh into an array of the record's own: the one they were in may
    // be the file's, shared with the timeline and every other record.
    void setField(std::size_t field, QByteArrayView value)
    {
        std::array<QByteArrayView, Count> parts;
        qsizetype size = 0;
        for (std::size_t f = 0; f < Count; ++f) {
            parts[f] = f == field ? value : utf8(f);
            size += parts[f].size();
        }
        QByteArray packed;
        packed.reserve(size);
        std::array<TextRef, Count> refs;
        for (std::size_t f = 0; f < Count; ++f) {
            refs[f] = { std::uint32_t(packed.size()), std::uint32_t(parts[f].size()) };
            packed.append(parts[f]);
        }
        setFields(std::move(packed), refs);
    }
    // For a loader: the fields at `refs` in `bytes`, which are shared, not copied.
    void setFields(QByteArray bytes, const std::array<TextRef, Count> &refs)
    {
        m_bytes = std::move(bytes);
        m_refs = refs;
    }

private:
    QByteArray m_bytes;
    std::array<TextRef, Count> m_refs {};
};

// Its title, publisher, date and address are kept as PackedText.
struct Source : PackedText<4>
{
    enum Field { Title, Publisher, Published, Url, FieldCount };

    QString id;
    bool publisherConfirmed = true;
    QList<Sentence> sentences; // of text()

    QString title() const { return field(Title); }
    QString publisher() const { return field(Publisher); }
    QString published() const { return field(Published); } // as written (EDTF); empty when not given
    QString url() const { return field(Url); }
    void setTitle(const QString &title) { setField(Title, title); }
    void setPublisher(const QString &publisher) { setField(Publisher, publisher); }
    void setPublished(const QString &published) { setField(Published, published); }
    void setUrl(const QString &url) { setField(Url, url); }

    // The text, widened from the file's UTF-8 on first use (see SourceText).
    const QString &text() const { return m_text.toString(); }
    const SourceText &storedText() const { return m_text; }
    void setText(QString text) { m_text = SourceText(std::move(text)); }
    void setText(SourceText text) { m_text = std::move(text); }

    QStringView sentenceText(qsizetype index) const
    {
        const Sentence &s = sentences.at(index);
        return QStringView(text()).sliced(s.start, s.length());
    }

private:
    SourceText m_text;
};

// Its id, name, description and kind are kept as PackedText: a file of 100,000 actors had spent
// 300 bytes on each, where the file spends 60; an actor is now 96.
struct Actor : PackedText<4>
{
    enum Field { Id, Name, Description, Kind, FieldCount };

    QStringList aliases;
    QColor color; // invalid when the file gives none

    QString id() const { return field(Id); }
    QString name() const { return field(Name); }
    QString description() const { return field(Description); }
    QString kind() const { return field(Kind); }
    void setId(const QString &id) { setField(Id, id); }
    void setName(const QString &name) { setField(Name, name); }
    void setDescription(const QString &description) { setField(Description, description); }
    void setKind(const QString &kind) { setField(Kind, kind); }
};
static_assert(Source::FieldCount == 4 && Actor::FieldCount == 4, "PackedText<N> holds N fields");
Q_DECLARE_TYPEINFO(Actor, Q_RELOCATABLE_TYPE);

// How the file asks an event kind to be shown (its "kinds" array); either part may be absent.
struct KindStyle
{
    QString id; // the kind, as events name it
    QString label; // empty when the file gives none
    QColor color; // invalid when the file gives none
};

struct Era
{
    QString id;
    QString title;
    QString when; // as written
    DateRange range;
};

// A quote that an event rests on, resolved to the sentences of its source that contain it.
struct Evidence
{
    std::int32_t source = -1;
    std::int32_t firstSentence = -1;
    std::int32_t lastSentence = -1; // inclusive
    TextRef quote;
};

struct Reference
{
    TextRef title;
    TextRef publisher;
    TextRef url;
    TextRef date;
};

struct Event
{
    // `draft` and `kind` lie in what the range leaves of its last 8 bytes (no_unique_address
    // lets them): an event is 88 bytes, not 96.
    [[no_unique_address]] DateRange range;
    bool draft = false; // proposed from an article, not yet reviewed by a person
    std::int32_t kind = -1; // index into Timeline::kinds, -1 when not given
    TextRef id;
    TextRef title;
    TextRef when; // as written
    TextRef dateText; // the source's own phrase, e.g. "late 2022"
    TextRef summary;
    Span actors; // into Timeline::eventActors
    Span evidence; // into Timeline::evidence
    Span references; // into Timeline::references
};
static_assert(sizeof(Event) == 88, "draft and kind no longer fit beside the range (see Event::range)");

// A loaded timeline: plain values, immutable once the loader hands it out, and so safe to share
// between the models, the chart and a worker thread. Events are sorted by date; an edit inserts
// or erases one without moving the million after it (TieredVector).
class Timeline
{
public:
    QString title;
    QString description;
    QList<Source> sources;
    QList<Actor> actors;
    QList<Era> eras;
    QStringList kinds; // the distinct event kinds, in order of first appearance
    QList<KindStyle> kindStyles; // as the file lists them; may name kinds no event has
    TieredVector<Event> events;
    // Actor indices, read through each event's span: after edits some entries are in no
    // span (see TimelineEdit), so count actors by event, not by this array, once edited.
    std::vector<std::int32_t> eventActors;
    std::vector<Evidence> evidence;
    std::vector<Reference> references;
    // The events of each actor in time order, built by the loader so that showing a timeline
    // costs no pass over its events; null for a timeline made by hand.
    std::shared_ptr<const LaneIndex> laneIndex;

    QString text(TextRef ref) const { return QString::fromUtf8(utf8(ref)); }
    QByteArrayView utf8(TextRef ref) const
    {
        const QByteArray &store = (ref.offset & s_decodedBit) ? m_decoded : m_file;
        return QByteArrayView(store).sliced(ref.offset & ~s_decodedBit, ref.size);
    }

    std::span<const std::int32_t> actorsOf(const Event &event) const
    {
        return slice(eventActors, event.actors);
    }
    std::span<const Evidence> evidenceOf(const Event &event) const { return slice(evidence, event.evidence); }
    std::span<const Reference> referencesOf(const Event &event) const
    {
        return slice(references, event.references);
    }
    QString kindOf(const Event &event) const { return event.kind < 0 ? QString() : kinds.at(event.kind); }
    // The name people read for the event's kind, as the legend shows it: the label the file
    // gives the kind (its "kinds" array), else the id with a capital; empty for no kind.
    QString kindLabelOf(const Event &event) const
    {
        return event.kind < 0 ? QString() : kindLabel(kinds.at(event.kind), kindStyles);
    }
    static QString kindLabel(const QString &kind, const QList<KindStyle> &styles);

    // The event with this id, or -1. A linear scan: for look-ups by a person, not in loops.
    qsizetype indexOfEvent(QByteArrayView id) const;
    // The first day of the earliest event and the last day of the latest one; nullopt when empty.
    std::optional<DateRange> extent() const;

    // Storage for event strings, filled by the loader: the file's bytes, which TextRefs point
    // into, and a side buffer for strings whose escapes had to be decoded.
    const QByteArray &setFileBytes(QByteArray bytes) { return m_file = std::move(bytes); }
    const QByteArray &fileBytes() const { return m_file; }
    // The file's bytes to write to, for a loader that decodes long strings where they lie; null
    // when they are shared with another holder, who would see them change.
    char *writableFileBytes() { return m_file.isDetached() ? m_file.data() : nullptr; }
    static TextRef inFile(qsizetype offset, qsizetype size)
    {
        return { std::uint32_t(offset), std::uint32_t(size) };
    }
    TextRef storeDecoded(QByteArrayView text)
    {
        const TextRef ref { std::uint32_t(m_decoded.size()) | s_decodedBit, std::uint32_t(text.size()) };
        m_decoded.append(text);
        return ref;
    }

    // A timeline with none of this one's content but its strings, shared rather than copied,
    // through which this one's TextRefs of now read as they do here: for a worker that reads
    // them while this timeline is edited.
    Timeline stringsOnly() const
    {
        Timeline strings;
        strings.m_file = m_file;
        strings.m_decoded = m_decoded;
        return strings;
    }

    // For a loader that read parts of a file apart: appends `other`'s decoded strings to this
    // one's; `other`'s references into them then hold here once moved by the number returned.
    std::uint32_t appendDecoded(const Timeline &other)
    {
        const auto shift = std::uint32_t(m_decoded.size());
        m_decoded.append(other.m_decoded);
        return shift;
    }
    static TextRef moved(TextRef ref, std::uint32_t decodedShift)
    {
        if (ref.offset & s_decodedBit)
            ref.offset += decodedShift;
        return ref;
    }

private:
    static constexpr std::uint32_t s_decodedBit = 0x8000'0000u;

    template<typename T> static std::span<const T> slice(const std::vector<T> &all, Span span)
    {
        return std::span<const T>(all).subspan(span.begin, span.count);
    }

    QByteArray m_file; // the bytes the timeline was read from
    QByteArray m_decoded; // strings that had escapes, decoded
};
