#pragma once

#include "timeline.h"

#include <QList>
#include <QString>
#include <QStringView>

// Finds the people and organisations an article's sentences name: runs of capitalised words,
// company suffixes ("Inc.", "AG"), titles ("CEO Marc Benioff"), possessives ("Microsoft's"),
// and short forms that refer back to a full name ("Benioff" to "Marc Benioff"). A capital at
// the start of a sentence on a common word ("Later Buffett"), month and weekday names, and
// single words after "in" or "at" (places, mostly) are not names. Actors the timeline already
// has, by name or alias, come first.
class ActorFinder
{
public:
    explicit ActorFinder(QList<Actor> known = {});

    // Which of `actors` a piece of text names, by their names and aliases as whole words, in
    // the order they first appear: what an event made from selected text starts with.
    static QList<int> find(const QList<Actor> &actors, QStringView text);

    // Reads the whole text once (short forms may come before their full name's second use).
    void scan(const QString &text, const QList<Sentence> &sentences);

    // The known actors, then the ones found, with ids unique among them.
    const QList<Actor> &actors() const { return m_actors; }
    // The actors (indices into actors()) that a sentence names, in order of first mention.
    QList<int> actorsIn(qsizetype sentence) const { return m_bySentence.value(sentence); }

private:
    struct Mention
    {
        qsizetype sentence;
        QString name;
        bool person; // after a title or honorific
        bool organization; // with a company suffix or word
        bool afterPlaceWord; // a single word after "in" or "at": a place, unless named elsewhere
    };
    int actorFor(const QString &name);
    int addActor(const QString &name, const QString &kind);
    QString uniqueId(const QString &name) const;

    QList<Actor> m_actors;
    qsizetype m_known = 0;
    QList<QList<int>> m_bySentence;
};
