#pragma once

#include "eventdraft.h"
#include "timeline.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

// The changes an edit makes to a Timeline's packed storage, without models or undo: the
// document calls these and tells its views.
//
// Why edits are cheap and loading stays as it was: a loaded Timeline keeps its strings as
// slices of the file's bytes and its actors, evidence and references as spans into shared
// arrays. An edited event is given new strings appended through storeDecoded() and new spans
// appended at the end of those arrays; the old ones are left where they are, unreferenced,
// until the timeline is saved and loaded again. So an edit touches one Event (and, to keep date
// order, a block of its neighbours in Timeline::events, a TieredVector), never the file's bytes,
// and the loader is the same code as before. Undo restores the Event's values, not its storage:
// a timeline undone to its start has the same values (and `--dump`) as the loaded one, with some
// unused bytes beside.
namespace TimelineEdit {

// The event at `index` as editable values.
EventDraft draftOf(const Timeline &t, int index);

// Problems that keep `draft` from being an event of `t`, in the loader's words where the
// loader has them (a date that does not parse, a quote not in its source); empty when it can
// be stored. `editing` is the index of the event it replaces, or -1 for a new event (which may
// come without an id: it is given one when added).
// `idTaken` says whether another event has an id; without it, every event is looked at.
using IdTaken = std::function<bool(QByteArrayView id)>;
QStringList problems(const Timeline &t, const EventDraft &draft, int editing, const IdTaken &idTaken = {});

// Where in the source's text the quote lies, as the loader finds it (first occurrence), with
// the sentences that cover it; nullopt when the quote is not in the text.
struct QuotePlace
{
    qsizetype at = -1;
    int firstSentence = -1;
    int lastSentence = -1;
};
std::optional<QuotePlace> findQuote(const Source &source, QStringView quote);

// Stores the draft's strings and lists in `t` and returns the packed Event. The draft must have
// no problems(). May add a kind to Timeline::kinds.
Event pack(Timeline &t, const EventDraft &draft);

// The index an event with this date would take among events in date order, after any with an
// equal date, as the loader's stable sort puts a later event of the file.
int sortedPosition(const Timeline &t, const DateRange &range);

// Renumbers actor indices in Timeline::eventActors after an actor was inserted at `actor`
// (shift +1) or removed from there (shift -1; no event may name it any more).
void shiftActors(Timeline &t, int actor, int shift);

// An id that `taken` says no event has, made from the title ("Board fires Altman" →
// "board-fires-altman", then "-2", "-3"...).
QString uniqueEventId(const QString &title, const IdTaken &taken);
// The same for actors, sources and eras, whose ids are few.
QString uniqueId(const QStringList &taken, const QString &name, const QString &fallback);

} // namespace TimelineEdit
