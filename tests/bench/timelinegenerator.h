#pragma once

#include <QByteArray>

#include <cstdint>

// Writes large synthetic timelines (format v1, docs/format.md) for the benchmarks: 200 actors
// and events of mixed precision over 1990–2025, quoting sources in one of several shapes. The
// same count, shape and seed always give the same bytes.
class TimelineGenerator
{
public:
    enum class Shape {
        // One source of 4000 sentences; one event in ten quotes one of them.
        OneSource,
        // One source of a sentence for every ten events; one event in ten quotes its own whole
        // sentence: a long text with as many quotes as sentences.
        OwnSentences,
        // 100 sources of 4000 sentences; every event quotes a few words of one of them.
        ShortQuotes,
        // 2000 actors, two to six on each event, and no evidence at all: the id tables, the
        // actors' lanes and the events themselves make the load.
        ManyActors,
        // One long text (a book's worth, with curly quotes, dashes and accents) and one short
        // article; every event quotes a passage of one of them, from inside a sentence and at
        // times across two: with few events, the sources are most of the file.
        LongSources,
        // A Russian text (two bytes a letter, and an emoji of four now and then) and a Chinese
        // one (three bytes a character, sentences ending in 。 with no space between them),
        // 8 MB of UTF-8 in all; every event quotes a passage of one of them.
        ForeignSources,
        // A short source (three sentences, with its own title, publisher, date and address) for
        // every four events, as a timeline gathered from news items has; every event quotes a
        // sentence of one of them, whole or its first words: the sources' strings and their
        // sentences make much of the load.
        ManySources,
    };

    // Raised whenever the output changes, so that cached files made by an older generator are
    // written again (./dev bench keeps it in their names).
    static constexpr int version = 3;
    static constexpr int actorCount = 200; // in every shape but ManyActors
    static constexpr int manyActorCount = 2000;
    static constexpr int longSourceSentences = 200'000;
    static constexpr int foreignSourceSentences = 40'000; // in each of the two
    static constexpr int sentenceCount = 4000;
    static constexpr int eventsPerSmallSource = 4; // in ManySources
    static constexpr int smallSourceSentences = 3;
    static constexpr std::uint64_t defaultSeed = 0x5eed'11e5;

    static QByteArray generate(std::int64_t eventCount, Shape shape, std::uint64_t seed = defaultSeed);
    static QByteArray generate(std::int64_t eventCount, std::uint64_t seed = defaultSeed)
    {
        return generate(eventCount, Shape::OneSource, seed);
    }
    // "one-source", "own-sentences", "short-quotes", "many-actors", "long-sources",
    // "foreign-sources", "many-sources"
    static const char *shapeName(Shape shape);
};
