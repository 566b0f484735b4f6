#pragma once

#include "timeline.h"

#include <QDate>
#include <QString>

#include <memory>
#include <optional>

// Proposes a timeline from an article: one draft event for each sentence that dates something,
// citing that sentence, dated by its first dating expression (with "since" or "until" before it
// made an open interval), and with the sentence's actors. A person then accepts, fixes or
// rejects each draft.
class Drafter
{
public:
    struct Options
    {
        std::optional<QDate> published; // else the article's date line, else relative dates stay out
        QString title; // else the headline
        QString sourceId = QStringLiteral("article");
    };

    // A timeline with the article as its one source, the actors found and the drafts, in date
    // order; `known` actors are matched first and kept.
    static std::shared_ptr<Timeline> draft(const QString &text, const Options &options,
                                           QList<Actor> known = {});

    // The headline: the first line, if it reads like one (short, no sentence end).
    static QString headline(const QString &text);
};
