#pragma once

#include <QList>
#include <QString>

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
    friend bool operator==(const EventDraft &, const EventDraft &) = default;
};
