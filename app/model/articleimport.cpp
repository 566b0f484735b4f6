#include "articleimport.h"

#include "timelinedocument.h"
#include "timelineedit.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace ArticleImport {

Result apply(TimelineDocument *document, const Timeline &drafts, const Source &details)
{
    Result result;
    const Timeline &open = *document->timeline();
    Source source = details;
    source.id.clear(); // made unique from the title by addSource()
    source.setText(drafts.sources.value(0).storedText());
    source.sentences = drafts.sources.value(0).sentences;

    QHash<QString, int> actorById;
    for (qsizetype a = 0; a < open.actors.size(); ++a)
        actorById.insert(open.actors.at(a).id(), int(a));

    QUndoStack *stack = document->undoStack();
    stack->beginMacro(QCoreApplication::translate("ArticleImport", "Import Article"));
    result.source = document->addSource(source);
    const QString sourceId = document->timeline()->sources.at(result.source).id;

    // Only the actors some draft names join the timeline: an actor the article mentions in a
    // sentence without a date would be an empty lane.
    std::vector<bool> cited(drafts.actors.size(), false);
    for (int e = 0; e < int(drafts.events.size()); ++e) {
        for (const int actor : drafts.actorsOf(drafts.events[e]))
            cited[actor] = true;
    }
    QList<int> actorIndex(drafts.actors.size(), -1); // drafts' actor → the document's
    for (qsizetype a = 0; a < drafts.actors.size(); ++a) {
        const Actor &actor = drafts.actors.at(a);
        if (const auto known = actorById.constFind(actor.id()); known != actorById.cend()) {
            actorIndex[a] = *known;
        } else if (cited[a]) {
            actorIndex[a] = document->addActor(actor);
            ++result.actorsAdded;
        }
    }

    // Event ids from the source's, which is unique among sources; one scan finds those of the
    // document's events that already start so (from an id given by hand), not one per draft.
    const QByteArray prefix = (sourceId + u"-"_s).toUtf8();
    QSet<QByteArray> taken;
    for (const Event &e : document->timeline()->events) {
        if (const QByteArrayView id = open.utf8(e.id); id.startsWith(prefix))
            taken.insert(id.toByteArray());
    }
    int number = 0;
    for (int e = 0; e < int(drafts.events.size()); ++e) {
        EventDraft draft = TimelineEdit::draftOf(drafts, e);
        do
            draft.id = sourceId + u'-' + QString::number(++number);
        while (taken.contains(draft.id.toUtf8()));
        for (int &actor : draft.actors)
            actor = actorIndex.at(actor);
        for (EvidenceDraft &item : draft.evidence)
            item.source = result.source;
        document->addEvent(draft);
        ++result.drafts;
    }
    stack->endMacro();
    return result;
}

} // namespace ArticleImport
