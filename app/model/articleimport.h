#pragma once

#include "timeline.h"

class TimelineDocument;

// Puts an article's drafts into an open timeline: the article as a new source, the actors its
// drafts name that the timeline lacks, and the draft events citing the new source, as one step
// on the document's undo stack ("Undo Import Article"). The drafts come from Drafter, run on a worker
// beforehand, so that this part (on the UI thread) only stores them.
namespace ArticleImport {

struct Result
{
    int source = -1; // the new source's index
    int actorsAdded = 0;
    int drafts = 0;
};

// `drafts` is what Drafter::draft made (its one source, its actors with the known ones first,
// kept by id); `details` are the source's title, publisher, date and URL as the person gave
// them, and the new source takes its text and sentences from `drafts`. Actors are matched by id
// with the document's, so the document may have gained or lost actors since the drafts were made.
Result apply(TimelineDocument *document, const Timeline &drafts, const Source &details);

} // namespace ArticleImport
