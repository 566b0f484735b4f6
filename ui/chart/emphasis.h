#pragma once

#include "timeline.h"

#include <algorithm>

// Which events a frame shows at full strength: all of them, unless an event is selected or an
// actor highlighted; then that event and the actor's events, the others dimmed.
struct Emphasis
{
    const Timeline *timeline = nullptr;
    int current = -1;
    int highlightedActor = -1;

    bool dimOthers() const { return current >= 0 || highlightedActor >= 0; }
    bool isProminent(std::int32_t e) const
    {
        return !dimOthers() || e == current
            || (highlightedActor >= 0
                && std::ranges::count(timeline->actorsOf(timeline->events[std::size_t(e)]), highlightedActor)
                    > 0);
    }
};
