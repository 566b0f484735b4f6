#pragma once

#include <QList>
#include <QString>

#include <algorithm>

// An event as a person edits it: plain strings and indices instead of the packed slices a
// loaded Timeline keeps. Undo commands hold an event's before and after as one of these, and
// the event editor fills one in.
struct EvidenceDraft
{
    int source = -1; // index into Timeline::sources
    QString quote; // exactly as it stands in the source's text
    friend bool operator==(const EvidenceDraft &, const EvidenceDraft &) = default;
};

struct ReferenceDraft
{
    QString title;
    QString publisher;
    QString url;
    QString date;
    friend bool operator==(const ReferenceDraft &, const ReferenceDraft &) = default;
};

struct EventDraft
{
    QString id;
    QString title;
    QString when; // EDTF, as the file format has it
    QString dateText; // the source's own phrase
    QString summary;
    QString kind;
    QList<int> actors; // indices into Timeline::actors
    QList<EvidenceDraft> evidence;
    QList<ReferenceDraft> references;
    bool draft = false; // proposed from an article and not yet reviewed (the format's "draft")
    friend bool operator==(const EventDraft &a, const EventDraft &b)
    {
        // Qt 6.4's QList<int>::operator== hands memcmp a null pointer when one list is empty and
        // never allocated, and the other is empty but allocated: undefined, if harmless. Element by
        // element, an empty list is compared without a call.
        return a.id == b.id && a.title == b.title && a.when == b.when && a.dateText == b.dateText
            && a.summary == b.summary && a.kind == b.kind
            && std::equal(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end())
            && a.evidence == b.evidence && a.references == b.references && a.draft == b.draft;
    }
};
