#pragma once

// What each fuzz target checks, shared with tst_fuzzcorpus so that every input the fuzzers
// keep (the seed corpus and every past finding) is checked again by the normal test suite.
// Each returns false when the input breaks a promise the parser makes; crashes, hangs and
// sanitizer reports are found by running them at all.

#include "cli.h"
#include "csvtimelinereader.h"
#include "daterange.h"
#include "drafter.h"
#include "sentencesplitter.h"
#include "temporaltagger.h"
#include "timelinejsreader.h"
#include "timelineloader.h"
#include "timelinewriter.h"

namespace FuzzChecks {

// A file either loads into a timeline that holds together, or gives at least one error.
// A loaded timeline keeps its promises, or a failed load says why.
inline bool loaded(const TimelineLoader::Result &result)
{
    using namespace Qt::StringLiterals;
    if (!result.ok())
        return !result.errors.isEmpty() && !result.errorText().isEmpty();
    const Timeline &t = *result.timeline;
    for (std::size_t i = 1; i < t.events.size(); ++i) {
        if (t.events[i - 1].range.first > t.events[i].range.first)
            return false; // events are sorted by date
    }
    for (const Event &event : t.events) {
        if (event.range.first > event.range.last)
            return false;
        for (const std::int32_t actor : t.actorsOf(event)) {
            if (actor < 0 || actor >= t.actors.size())
                return false;
        }
        for (const Evidence &evidence : t.evidenceOf(event)) {
            if (evidence.source < 0 || evidence.source >= t.sources.size())
                return false;
            const Source &source = t.sources.at(evidence.source);
            if (evidence.firstSentence < 0 || evidence.firstSentence > evidence.lastSentence
                || evidence.lastSentence >= source.sentences.size())
                return false;
        }
    }
    return !Cli::summary(t, u"fuzz.json"_s).isEmpty() && !Cli::dump(t).isEmpty();
}

// Any bytes, whatever format they are detected as, load or give messages.
inline bool loader(QByteArrayView bytes)
{
    using namespace Qt::StringLiterals;
    return loaded(TimelineLoader::loadData(bytes.toByteArray(), u"fuzz.json"_s));
}

// Any bytes read as TimelineJS JSON, and as a CSV of events, load or give messages.
inline bool timelineJs(QByteArrayView bytes)
{
    using namespace Qt::StringLiterals;
    return loaded(TimelineJsReader::read(bytes.toByteArray(), u"fuzz.json"_s));
}

inline bool csv(QByteArrayView bytes)
{
    using namespace Qt::StringLiterals;
    return loaded(CsvTimelineReader::read(bytes.toByteArray(), u"fuzz.csv"_s));
}

// Any bytes either parse to a range inside years 1–9999, the same every time, or give a message.
inline bool date(QByteArrayView text)
{
    QString error;
    const auto range = DateRange::parse(text, &error);
    if (!range)
        return !error.isEmpty();
    const auto inRange = [](std::int32_t day) {
        const int year = DateRange::civilFromDay(day).year;
        return year >= DateRange::s_minYear && year <= DateRange::s_maxYear + 1; // a winter ends a year on
    };
    return range->first <= range->last && inRange(range->first) && inRange(range->last)
        && DateRange::parse(text) == range && !range->toDisplayString().isEmpty()
        && !DateRange::isoDay(range->first).isEmpty();
}

// Sentences are in order, apart, inside the text and trimmed, and covering() agrees with them.
inline bool sentences(QByteArrayView utf8)
{
    const QString text = QString::fromUtf8(utf8);
    const QList<Sentence> sentences = SentenceSplitter::split(text);
    qsizetype previousEnd = 0;
    for (const Sentence &s : sentences) {
        if (s.start < previousEnd || s.end <= s.start || s.end > text.size())
            return false;
        if (text.at(s.start).isSpace() || text.at(s.end - 1).isSpace())
            return false;
        previousEnd = s.end;
    }
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const auto hit = SentenceSplitter::covering(sentences, sentences[i].start, sentences[i].end);
        if (!hit || hit->first != i || hit->second != i)
            return false;
    }
    if (!sentences.isEmpty()) {
        const auto all = SentenceSplitter::covering(sentences, 0, text.size());
        if (!all || all->first != 0 || all->second != sentences.size() - 1)
            return false;
    }
    return true;
}

// The tagger's expressions lie in the text in order, apart, with their own text; every EDTF
// date it gives parses; and the drafts made from the text load as a valid timeline.
inline bool tagger(QByteArrayView utf8)
{
    const QString text = QString::fromUtf8(utf8);
    for (const std::optional<QDate> published :
         { std::optional<QDate>(), std::optional<QDate>(QDate(2025, 1, 22)) }) {
        qsizetype previousEnd = 0;
        for (const Timex &t : TemporalTagger(published).tag(text)) {
            if (t.begin < previousEnd || t.end <= t.begin || t.end > text.size())
                return false;
            if (text.sliced(t.begin, t.end - t.begin) != t.text || t.type.isEmpty() || t.value.isEmpty())
                return false;
            if (!t.edtf.isEmpty() && !DateRange::parse(t.edtf.toUtf8()))
                return false;
            previousEnd = t.end;
        }
    }
    Drafter::Options options;
    options.published = QDate(2025, 1, 22);
    const QByteArray json = TimelineWriter::toJson(*Drafter::draft(text, options));
    return TimelineLoader::loadData(json, QStringLiteral("(drafts)")).ok();
}

} // namespace FuzzChecks
