#include "actorfinder.h"

#include <algorithm>
#include <utility>

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// The first place `name` stands in `text` as a whole word, or -1.
qsizetype findWord(QStringView text, QStringView name)
{
    if (name.isEmpty())
        return -1;
    for (qsizetype at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const qsizetype end = at + name.size();
        const bool startsWord = at == 0 || !isWordChar(text[at - 1]) || !isWordChar(name.front());
        // "OpenAI's" names OpenAI: a possessive is still the name.
        const bool endsWord = end == text.size() || !isWordChar(text[end]) || !isWordChar(name.back());
        if (startsWord && endsWord)
            return at;
    }
    return -1;
}

} // namespace

QList<int> ActorFinder::find(const QList<Actor> &actors, QStringView text)
{
    std::vector<std::pair<qsizetype, int>> found;
    for (qsizetype a = 0; a < actors.size(); ++a) {
        qsizetype first = -1;
        const Actor &actor = actors.at(a);
        for (const QString &name : QStringList { actor.name } + actor.aliases) {
            const qsizetype at = findWord(text, name);
            if (at >= 0 && (first < 0 || at < first))
                first = at;
        }
        if (first >= 0)
            found.emplace_back(first, int(a));
    }
    std::sort(found.begin(), found.end());
    QList<int> out;
    for (const auto &[at, actor] : found)
        out.append(actor);
    return out;
}
