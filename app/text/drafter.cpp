#include "drafter.h"

#include "actorfinder.h"
#include "sentencesplitter.h"
#include "temporaltagger.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The word before `pos`, lowercase, or empty.
QString wordBefore(const QString &text, qsizetype pos, qsizetype *wordStart)
{
    qsizetype end = pos;
    while (end > 0 && text[end - 1].isSpace())
        --end;
    qsizetype begin = end;
    while (begin > 0 && text[begin - 1].isLetter())
        --begin;
    *wordStart = begin;
    return text.sliced(begin, end - begin).toLower();
}

// "since" opens the interval after the date, "until" closes it before: the known end keeps
// its own precision and qualifier.
QString openInterval(const QString &edtf, bool since)
{
    const qsizetype slash = edtf.indexOf(u'/');
    if (since)
        return (slash < 0 ? edtf : edtf.left(slash)) + u"/.."_s;
    return u"../"_s + (slash < 0 ? edtf : edtf.mid(slash + 1));
}

// A title short enough for a chart: the sentence, cut at a word before 60 characters.
QString shortTitle(QStringView sentence)
{
    constexpr qsizetype limit = 60;
    QString title = sentence.toString().simplified();
    while (title.endsWith(u'.') || title.endsWith(u',') || title.endsWith(u';'))
        title.chop(1);
    if (title.size() <= limit)
        return title;
    qsizetype cut = title.lastIndexOf(u' ', limit);
    if (cut < limit / 2)
        cut = limit;
    title.truncate(cut);
    while (title.endsWith(u',') || title.endsWith(u';') || title.endsWith(u':'))
        title.chop(1);
    return title + u'…';
}

bool dates(const Timex &t)
{
    return (t.type == u"DATE"_s || t.type == u"TIME"_s) && !t.edtf.isEmpty();
}

} // namespace

QString Drafter::headline(const QString &text)
{
    const QString first = text.section(u'\n', 0, 0).trimmed();
    if (first.isEmpty() || first.size() > 200 || first.endsWith(u'.'))
        return {};
    return first;
}

std::shared_ptr<Timeline> Drafter::draft(const QString &text, const Options &options, QList<Actor> known)
{
    auto timeline = std::make_shared<Timeline>();
    Timeline &t = *timeline;

    std::optional<QDate> published = options.published;
    const std::optional<Timex> dateLine = TemporalTagger::dateLine(text);
    if (!published && dateLine)
        published = QDate::fromString(dateLine->value, Qt::ISODate);

    const QString head = headline(text);
    t.title = !options.title.isEmpty() ? options.title
        : !head.isEmpty()              ? head
                                       : QCoreApplication::translate("Drafter", "Drafts from an article");
    t.description = QCoreApplication::translate(
        "Drafter", "Draft events proposed from an article; each needs a person's review.");

    Source source;
    source.id = options.sourceId;
    source.setTitle(!head.isEmpty() ? head : t.title);
    source.setText(text);
    if (published)
        source.setPublished(published->toString(Qt::ISODate));
    source.sentences = SentenceSplitter::split(text);
    const QList<Sentence> sentences = source.sentences;
    t.sources.append(source);

    ActorFinder finder(std::move(known));
    finder.scan(text, sentences);
    t.actors = finder.actors();

    const QList<Timex> found = TemporalTagger(published).tag(text);
    struct Draft
    {
        qsizetype sentence;
        QString when;
        QString dateText;
        DateRange range;
    };
    std::vector<Draft> drafts;
    qsizetype next = 0; // the first expression not yet placed in a sentence
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const Sentence &s = sentences[i];
        while (next < found.size() && found[next].begin < s.start)
            ++next;
        // The sentence's first dating expression; references to now, the past or the future only
        // when it has nothing firmer.
        qsizetype chosen = -1;
        for (qsizetype k = next; k < found.size() && found[k].begin < s.end; ++k) {
            if (!dates(found[k]) || (dateLine && found[k].begin == dateLine->begin))
                continue; // the date line dates the article, not an event
            if (chosen < 0
                || (found[chosen].value.endsWith(u"_REF"_s) && !found[k].value.endsWith(u"_REF"_s)))
                chosen = k;
        }
        if (chosen >= 0) {
            const Timex &x = found[chosen];
            qsizetype wordStart = 0;
            const QString before = wordBefore(text, x.begin, &wordStart);
            QString when = x.edtf;
            QString dateText = x.text;
            if (before == u"since"_s || before == u"from"_s || before == u"until"_s || before == u"till"_s) {
                when = openInterval(x.edtf, before == u"since"_s || before == u"from"_s);
                dateText = text.sliced(wordStart, x.end - wordStart);
            }
            // A date out of the range Sourceline reads drafts nothing; --timex still lists it.
            if (const auto range = DateRange::parse(when.toUtf8()))
                drafts.push_back({ i, when, dateText, *range });
        }
    }
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft &a, const Draft &b) {
        return a.range.first != b.range.first ? a.range.first < b.range.first : a.range.last < b.range.last;
    });

    int number = 0;
    for (const Draft &d : drafts) {
        const QStringView sentence =
            QStringView(text).sliced(sentences[d.sentence].start, sentences[d.sentence].length());
        Event event;
        event.range = d.range;
        event.id = t.storeDecoded(u"draft-%1"_s.arg(++number).toUtf8());
        event.title = t.storeDecoded(shortTitle(sentence).toUtf8());
        event.when = t.storeDecoded(d.when.toUtf8());
        event.dateText = t.storeDecoded(d.dateText.toUtf8());
        event.draft = true;
        event.actors.begin = std::uint32_t(t.eventActors.size());
        for (const int actor : finder.actorsIn(d.sentence))
            t.eventActors.push_back(actor);
        event.actors.count = std::uint32_t(t.eventActors.size() - event.actors.begin);
        event.evidence.begin = std::uint32_t(t.evidence.size());
        Evidence evidence;
        evidence.source = 0;
        evidence.firstSentence = evidence.lastSentence = std::int32_t(d.sentence);
        evidence.quote = t.storeDecoded(sentence.toUtf8());
        t.evidence.push_back(evidence);
        event.evidence.count = 1;
        t.events.push_back(event);
    }
    return timeline;
}
