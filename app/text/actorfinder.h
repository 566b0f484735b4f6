#pragma once

#include "timeline.h"

#include <QList>
#include <QStringView>

// Which actors a piece of text names, by their names and aliases as whole words, in the order
// they first appear: what an event made from selected text starts with.
class ActorFinder
{
public:
    static QList<int> find(const QList<Actor> &actors, QStringView text);
};
