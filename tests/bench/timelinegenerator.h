#pragma once

#include <QByteArray>

#include <cstdint>

// Writes large synthetic timelines (format v1, docs/format.md) for the benchmarks: 200 actors,
// one long source, and events of mixed precision over 1990–2025, one in ten quoting a sentence
// of the source. The same count and seed always give the same bytes.
class TimelineGenerator
{
public:
    // Raised whenever the output changes, so that cached files made by an older generator are
    // written again (./dev bench keeps it in their names).
    static constexpr int version = 1;
    static constexpr int actorCount = 200;
    static constexpr int sentenceCount = 4000;
    static constexpr std::uint64_t defaultSeed = 0x5eed'11e5;

    static QByteArray generate(std::int64_t eventCount, std::uint64_t seed = defaultSeed);
};
