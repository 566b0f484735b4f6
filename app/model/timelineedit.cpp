#include "timelineedit.h"

#include "sentencesplitter.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TimelineEdit {

namespace {

TextRef store(Timeline &t, const QString &text)
{
    return text.isEmpty() ? TextRef() : t.storeDecoded(text.toUtf8());
}

template<typename T> Span append(std::vector<T> &all, const std::vector<T> &items)
{
    const Span span { std::uint32_t(all.size()), std::uint32_t(items.size()) };
    all.insert(all.end(), items.begin(), items.end());
    return span;
}

QString slug(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
        else if (!out.isEmpty() && !out.endsWith(u'-') && (c.isSpace() || c.isPunct()))
            out += u'-';
        if (out.size() >= 40)
            break;
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out;
}

} // namespace

EventDraft draftOf(const Timeline &t, int index)
{
    const Event &e = t.events.at(std::size_t(index));
    EventDraft d;
    d.id = t.text(e.id);
    d.title = t.text(e.title);
    d.when = t.text(e.when);
    d.dateText = t.text(e.dateText);
    d.summary = t.text(e.summary);
    d.kind = t.kindOf(e);
    for (const std::int32_t actor : t.actorsOf(e))
        d.actors.append(actor);
    for (const Evidence &item : t.evidenceOf(e))
        d.evidence.append({ item.source, t.text(item.quote) });
    for (const Reference &ref : t.referencesOf(e))
        d.references.append({ t.text(ref.title), t.text(ref.publisher), t.text(ref.url), t.text(ref.date) });
    d.draft = e.draft;
    return d;
}

std::optional<QuotePlace> findQuote(const Source &source, QStringView quote)
{
    if (quote.isEmpty())
        return std::nullopt;
    const qsizetype at = source.text().indexOf(quote);
    if (at < 0)
        return std::nullopt;
    const auto sentences = SentenceSplitter::covering(source.sentences, at, at + quote.size());
    if (!sentences)
        return std::nullopt;
    return QuotePlace { at, int(sentences->first), int(sentences->second) };
}

QStringList problems(const Timeline &t, const EventDraft &d, int editing, const IdTaken &idTaken)
{
    QStringList out;
    // A new event without an id is given one when added. Without `idTaken` the look for a
    // duplicate is a scan of every event: only when the id is new or changed.
    const QByteArray id = d.id.toUtf8();
    const bool sameId = editing >= 0 && t.utf8(t.events.at(std::size_t(editing)).id) == id;
    const auto taken = [&] {
        return idTaken ? idTaken(id) : t.indexOfEvent(id) >= 0;
    };
    if (d.id.trimmed().isEmpty() && editing >= 0)
        out += QObject::tr("the event has no id");
    else if (!d.id.isEmpty() && !sameId && taken())
        out += QObject::tr("another event has the id %1").arg(d.id);
    if (d.title.trimmed().isEmpty())
        out += QObject::tr("the event has no title");
    QString dateError;
    if (d.when.isEmpty())
        out += QObject::tr("the event has no date (when)");
    else if (!DateRange::parse(d.when.toUtf8(), &dateError))
        out += dateError;
    for (const int actor : d.actors) {
        if (actor < 0 || actor >= t.actors.size())
            out += QObject::tr("unknown actor %1").arg(actor);
    }
    for (const EvidenceDraft &item : d.evidence) {
        if (item.source < 0 || item.source >= t.sources.size())
            out += QObject::tr("unknown source %1").arg(item.source);
        else if (!findQuote(t.sources.at(item.source), item.quote))
            out += QObject::tr("the quote is not in source %1: “%2”")
                       .arg(t.sources.at(item.source).id, item.quote);
    }
    for (const ReferenceDraft &ref : d.references) {
        if (ref.title.trimmed().isEmpty())
            out += QObject::tr("a reference has no title");
    }
    return out;
}

Event pack(Timeline &t, const EventDraft &d)
{
    Event e;
    e.range = DateRange::parse(d.when.toUtf8()).value_or(DateRange {});
    e.id = store(t, d.id);
    e.title = store(t, d.title);
    e.when = store(t, d.when);
    e.dateText = store(t, d.dateText);
    e.summary = store(t, d.summary);
    if (!d.kind.isEmpty()) {
        qsizetype kind = t.kinds.indexOf(d.kind);
        if (kind < 0) {
            kind = t.kinds.size();
            t.kinds.append(d.kind);
        }
        e.kind = std::int32_t(kind);
    }
    e.actors = append(t.eventActors, std::vector<std::int32_t>(d.actors.begin(), d.actors.end()));
    std::vector<Evidence> evidence;
    for (const EvidenceDraft &item : d.evidence) {
        const auto place = findQuote(t.sources.at(item.source), item.quote);
        evidence.push_back({ item.source, place ? place->firstSentence : 0, place ? place->lastSentence : 0,
                             store(t, item.quote) });
    }
    e.evidence = append(t.evidence, evidence);
    std::vector<Reference> references;
    for (const ReferenceDraft &ref : d.references)
        references.push_back(
            { store(t, ref.title), store(t, ref.publisher), store(t, ref.url), store(t, ref.date) });
    e.references = append(t.references, references);
    e.draft = d.draft;
    return e;
}

int sortedPosition(const Timeline &t, const DateRange &range)
{
    const auto it =
        std::upper_bound(t.events.begin(), t.events.end(), range, [](const DateRange &r, const Event &e) {
            return r.first != e.range.first ? r.first < e.range.first : r.last < e.range.last;
        });
    return int(it - t.events.begin());
}

void shiftActors(Timeline &t, int actor, int shift)
{
    // Entries that no event's span covers any more (left by earlier edits) are shifted too;
    // one equal to a removed actor stays, unread.
    for (std::int32_t &a : t.eventActors) {
        if (shift > 0 ? a >= actor : a > actor)
            a += shift;
    }
}

QString uniqueEventId(const QString &title, const IdTaken &taken)
{
    QString base = slug(title);
    if (base.isEmpty())
        base = u"event"_s;
    QString id = base;
    for (int n = 2; taken(id.toUtf8()); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QString uniqueId(const QStringList &taken, const QString &name, const QString &fallback)
{
    QString base = slug(name);
    if (base.isEmpty())
        base = fallback;
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

} // namespace TimelineEdit
