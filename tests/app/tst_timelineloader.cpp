#include "sentencesplitter.h"
#include "systemmemory.h"
#include "testutils.h"
#include "timelineloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

const QByteArray defaultSources = R"([{"id":"s","title":"S","text":"First sentence here. Second one."}])";
const QByteArray defaultActors =
    R"([{"id":"a","name":"A","kind":"person"},{"id":"b","name":"B","kind":"group"}])";

// A timeline file around the given arrays, one array a line, so that line numbers in
// messages are easy to check: line 1 the header, 2 sources, 3 actors, 4 events, 5 eras.
QByteArray timeline(const QByteArray &events, const QByteArray &actors = defaultActors,
                    const QByteArray &sources = defaultSources, const QByteArray &eras = "[]")
{
    return "{\"format\":\"sourceline\",\"version\":1,\"title\":\"T\",\n\"sources\":" + sources
        + ",\n\"actors\":" + actors + ",\n\"events\":" + events + ",\n\"eras\":" + eras + "}\n";
}

QByteArray eventJson(const QByteArray &id, const QByteArray &when, const QByteArray &more = {})
{
    return "{\"id\":\"" + id + "\",\"title\":\"Event " + id + "\",\"when\":\"" + when
        + "\",\"actors\":[\"a\"]" + more + "}";
}

// "bad.json:line:column" of the first `needle` in `doc` at or after the first `after`, counted
// here independently of the reader: lines from 1, columns in characters from 1.
QString place(const QByteArray &doc, const QByteArray &needle, const QByteArray &after = {})
{
    const qsizetype from = after.isEmpty() ? 0 : doc.indexOf(after);
    const qsizetype offset = doc.indexOf(needle, from);
    if (from < 0 || offset < 0)
        qFatal("place(): %s not found", needle.constData());
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (doc[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(doc[i]) & 0xc0) != 0x80) {
            ++column;
        }
    }
    return u"bad.json:%1:%2"_s.arg(line).arg(column);
}

// The same form, "bad.json:line:column", of where an error says it is.
QString placeOf(const LoadError &error)
{
    return u"%1:%2:%3"_s.arg(error.file).arg(error.line).arg(error.column);
}

// The bytes handed over as a file's are: the loader's own, so that it may decode long texts
// where they lie.
TimelineLoader::Result load(const QByteArray &doc)
{
    return TimelineLoader::loadData(QByteArray(doc.constData(), doc.size()), u"bad.json"_s);
}

// The bytes shared with a caller who holds them still: the loader must leave them as they are.
TimelineLoader::Result loadShared(const QByteArray &doc)
{
    return TimelineLoader::loadData(doc, u"bad.json"_s);
}

QStringList eventIds(const Timeline &t)
{
    QStringList ids;
    for (const Event &e : t.events)
        ids.append(t.text(e.id));
    return ids;
}

// A file long enough (about 8 MB) that the loader reads its events on two threads, one event
// a line after line 2 (or after the actors and the source). Events are in date order, and
// every part the two halves must agree on varies along the file: escaped strings, kinds first
// met late, actors and a source declared after the events (or before them, one actor's id
// escaped), evidence and references. `change(i, event)` may alter event i's JSON.
constexpr int s_longEvents = 40'000;

QByteArray longTimeline(const std::function<void(int, QByteArray &)> &change = {}, bool declaredFirst = false)
{
    QByteArray declarations = "\"actors\":[{\"id\":\"b\",\"name\":\"B\",\"kind\":\"group\"}";
    for (int a = 0; a < 11; ++a)
        declarations += ",{\"id\":\"" + (declaredFirst && a == 3 ? "\\u0061" : QByteArray("a"))
            + QByteArray::number(a) + "\",\"name\":\"Actor " + QByteArray::number(a)
            + "\",\"kind\":\"person\"}";
    declarations += "],\n\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"text\":\"";
    for (int k = 0; k < 50; ++k)
        declarations += "Sentence " + QByteArray::number(k) + " is \\\"quoted\\\". ";
    declarations += "\"}]";

    QByteArray doc = "{\"format\":\"sourceline\",\"version\":1,\"title\":\"Long\",\n";
    if (declaredFirst)
        doc += declarations + ",\n";
    doc += "\"events\":[\n";
    for (int i = 0; i < s_longEvents; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray kind =
            i < s_longEvents * 3 / 4 ? QByteArray("k" + QByteArray::number(i % 3)) : "late";
        QByteArray event = "{\"id\":\"" + (i % 5 == 0 ? QByteArray("\\u0065" + n) : QByteArray("e" + n))
            + "\",\"title\":\"" + (i % 7 == 0 ? QByteArray("Line\\n" + n) : QByteArray("Title of event " + n))
            + "\",\"when\":\"" + QByteArray::number(1900 + i / 336) + '-'
            + QByteArray::number(1 + i / 28 % 12).rightJustified(2, '0') + '-'
            + QByteArray::number(1 + i % 28).rightJustified(2, '0') + "\",\"kind\":\"" + kind
            + "\",\"actors\":[\"a" + QByteArray::number(i % 11) + "\",\"" + (i % 2 ? "b" : "\\u0062")
            + "\"],\"summary\":\"A summary long enough to make the file as long as a real one would be, "
              "with a few more words.\"";
        if (i % 10 == 0)
            event += ",\"evidence\":[{\"source\":\"s\",\"quote\":\"Sentence " + QByteArray::number(i % 50)
                + (i % 20 == 0 ? " is \\\"quoted\\\".\"}]" : " is \\\"quoted\\\"\"}]");
        if (i % 13 == 0)
            event +=
                ",\"references\":[{\"title\":\"Ref " + n + "\",\"url\":\"https://example.org/" + n + "\"}]";
        event += '}';
        if (change)
            change(i, event);
        doc += event + (i + 1 < s_longEvents ? ",\n" : "\n");
    }
    doc += "]";
    if (!declaredFirst)
        doc += ",\n" + declarations;
    doc += "}\n";
    return doc;
}

// A file whose actors array is long enough (about 7 MB) that the loader reads it on two
// threads, one actor a line, then a few events. Its strings hold what a skim for the array's end
// must step over: brackets, escaped quotes and backslashes; every seventh actor has aliases, an
// array within the array. Ids are longer than the id table keeps beside its slots; actor
// 35,000's is escaped, and the last event refers to it. `change(i, actor)` may alter actor i's
// JSON.
constexpr int s_longActors = 50'000;

QByteArray longActorTimeline(const std::function<void(int, QByteArray &)> &change = {})
{
    QByteArray doc =
        "{\"format\":\"sourceline\",\"version\":1,\"title\":\"Many actors\",\"sources\":[],\n\"actors\":[\n";
    for (int a = 0; a < s_longActors; ++a) {
        const QByteArray n = QByteArray::number(a);
        QByteArray actor = "{\"id\":\"" + (a == 35'000 ? QByteArray("\\u0061") : QByteArray("a"))
            + "ctor-number-" + n + "\",\"name\":\"Actor " + n + " ] } [ {\",\"kind\":\""
            + (a % 2 ? "person" : "group") + "\",\"description\":\"Said \\\"]}\\\" and left a back\\\\slash"
            + n + "\\\\\"";
        if (a % 7 == 0)
            actor += ",\"aliases\":[\"A" + n + "]\",\"{" + n + "\"]";
        actor += '}';
        if (change)
            change(a, actor);
        doc += actor + (a + 1 < s_longActors ? ",\n" : "\n");
    }
    doc += "],\n\"events\":[";
    for (int e = 0; e <= 100; ++e)
        doc += QByteArray(e ? "," : "") + "{\"id\":\"e" + QByteArray::number(e)
            + "\",\"title\":\"T\",\"when\":\"2020\",\"actors\":[\"actor-number-"
            + QByteArray::number(e < 100 ? e * 499 : 35'000) + "\"]}";
    doc += "]}\n";
    return doc;
}

// 20,000 sources (3.5 MB), read on two threads. Their strings hold what looks like an element's
// end; every third text has curly quotes and accents (one in two of those escaped), so that its
// sentences lie elsewhere in UTF-8 than in UTF-16; source 17,000's text is long (350 KB), and
// source 15,000's id is escaped. Event e quotes the third sentence of source e * 199, and the
// last event that of source 15,000. `change(i, source)` may alter source i's JSON.
constexpr int s_longSources = 20'000;
constexpr int s_longTextSource = 17'000;

QByteArray longSourceText(int s)
{
    const QByteArray n = QByteArray::number(s);
    QByteArray text = "First of " + n + " says \\\"}, {\\\" here. Second of " + n
        + (s % 3       ? QByteArray(" is plain.")
               : s % 2 ? QByteArray(" is l’été “now” — «déjà».")
                       : QByteArray(" is l\\u2019été “now” — «déjà»."))
        + " Third [ends].";
    if (s == s_longTextSource) {
        for (int k = 0; k < 15'000; ++k)
            text += " Filler sentence " + QByteArray::number(k) + '.';
    }
    return text;
}

QByteArray longSourceTimeline(const std::function<void(int, QByteArray &)> &change = {})
{
    QByteArray doc = "{\"format\":\"sourceline\",\"version\":1,\"title\":\"Many sources\",\n"
                     "\"actors\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"k\"}],\n\"sources\":[\n";
    for (int s = 0; s < s_longSources; ++s) {
        const QByteArray n = QByteArray::number(s);
        QByteArray source = "{\"id\":\"" + (s == 15'000 ? QByteArray("\\u0073") : QByteArray("s"))
            + "ource-number-" + n + "\",\"title\":\"Source " + n + " ] }\",\"publisher\":\"P\",\"text\":\""
            + longSourceText(s) + "\"}";
        if (change)
            change(s, source);
        doc += source + (s + 1 < s_longSources ? ",\n" : "\n");
    }
    doc += "],\n\"events\":[";
    for (int e = 0; e <= 100; ++e) {
        const QByteArray n = QByteArray::number(e < 100 ? e * 199 : 15'000);
        doc += QByteArray(e ? "," : "") + "{\"id\":\"e" + QByteArray::number(e)
            + "\",\"title\":\"T\",\"when\":\"2020\",\"actors\":[\"a\"],\"evidence\":[{\"source\":\"source-"
              "number-"
            + n + "\",\"quote\":\"Third [ends\"}]}";
    }
    doc += "]}\n";
    return doc;
}

QByteArray embeddedBytes()
{
    QFile file(TimelineLoader::embeddedPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A catalogue that marks every message of the loader's parts it is asked for: «text», with the
// plural's number where the text has one, as a translation would be used.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        static const QByteArrayList contexts { "TimelineLoader", "JsonReader", "DateRange", "QuoteMismatch" };
        if (!contexts.contains(context))
            return {};
        return u"«"_s + QString::fromUtf8(sourceText) + u"»"_s;
    }
    bool isEmpty() const override { return false; }
};

} // namespace

// TimelineLoader: reading and validating format version 1, and every message it gives.
class TestTimelineLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First, while the allocator holds nothing freed by other tests.
    void memoryGoesBackAfterALoad();
    void aLargeLoadGivesBackTheHeapsHoles();
    // Valid files.
    void eventsAreSortedByDateAndEqualDatesKeepFileOrder();
    void anActorsKindStaysInTheFile();
    void minimal();
    void fullFile();
    void eventsSortedByDate();
    void actorsDeclaredAfterEvents();
    void escapedStrings();
    void unknownKeysIgnored();
    void erasOptional();
    void eventWithoutActors();
    void textLoadsAsIs();
    void formatDocumentationExample();
    void longEventArraysReadInTwoHalves_data();
    void longEventArraysReadInTwoHalves();
    void longSourcesAreSplitAside();
    void longTextsDecodedWhereTheyLie();
    void longAndShortQuotesArePlaced_data();
    void longAndShortQuotesArePlaced();
    void longTextsReadAsideReportWhatAFullReadDoes_data();
    void longTextsReadAsideReportWhatAFullReadDoes();

    // Invalid files.
    void errors_data();
    void errors();
    void wholeMessages();
    void errorsAreListedInFileOrder();
    void allProblemsReported();
    void errorCountIsCapped();
    void errorsInTheSecondHalfOfALongFile();
    void longActorArraysReadInTwoHalves();
    void errorsInTheSecondHalfOfALongActorArray();
    void longSourceArraysReadInTwoHalves();
    void errorsInTheSecondHalfOfALongSourceArray();
    void duplicateIdsAmongManyEvents();
    void cappedErrorsAreTheFirstInTheFile_data();
    void cappedErrorsAreTheFirstInTheFile();
    void loadFileFailures();
    void messagesAreTranslatable_data();
    void messagesAreTranslatable();
    void deepNesting();
    void everyPrefixOfTheEmbeddedFile();
    void mutationsNeverCrash();
};

// --- valid files -------------------------------------------------------------------------------

void TestTimelineLoader::minimal()
{
    const auto result =
        load(R"({"format":"sourceline","version":1,"title":"T","sources":[],"actors":[],"events":[]})");
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.unreportedErrors, 0);
    QCOMPARE(result.errorText(), QString());
    const Timeline &t = *result.timeline;
    QCOMPARE(t.title, u"T"_s);
    QCOMPARE(t.description, QString());
    QVERIFY(t.events.empty());
    QVERIFY(t.actors.isEmpty());
    QVERIFY(t.sources.isEmpty());
    QVERIFY(t.eras.isEmpty());
    QCOMPARE(t.extent(), std::nullopt);
}

void TestTimelineLoader::fullFile()
{
    // Every field of every kind of object, checked as loaded.
    const QByteArray doc = R"({
      "format": "sourceline", "version": 1, "title": "Full", "description": "All fields.",
      "sources": [{"id": "s", "title": "S", "text": "One here. Two there.", "publisher": "P",
                   "publisherConfirmed": false, "published": "2025-01~", "url": "https://example.com/s"}],
      "actors": [{"id": "a", "name": "A", "kind": "person", "description": "An actor.",
                  "aliases": ["Alpha", "Ay"], "color": "#1a73d9"},
                 {"id": "b", "name": "B", "kind": "organization"}],
      "events": [{"id": "e", "title": "E", "when": "2023-01~/2024-10-31~", "dateText": "lately",
                  "kind": "product", "summary": "It happened.", "actors": ["b", "a"],
                  "evidence": [{"source": "s", "quote": "Two there."}, {"source": "s", "quote": "here. Two"}],
                  "references": [{"title": "R", "publisher": "RP", "url": "https://example.com/r", "date": "2024"},
                                 {"title": "R2"}]},
                 {"id": "f", "title": "F", "when": "2019", "kind": "people", "actors": []},
                 {"id": "g", "title": "G", "when": "2020", "kind": "product", "actors": []}],
      "eras": [{"id": "x", "title": "X", "when": "2019/2020-06"}]
    })";
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.title, u"Full"_s);
    QCOMPARE(t.description, u"All fields."_s);

    QCOMPARE(t.sources.size(), 1);
    const Source &source = t.sources.first();
    QCOMPARE(source.id, u"s"_s);
    QCOMPARE(source.title(), u"S"_s);
    QCOMPARE(source.text(), u"One here. Two there."_s);
    QCOMPARE(source.publisher(), u"P"_s);
    QCOMPARE(source.publisherConfirmed, false);
    QCOMPARE(source.published(), u"2025-01~"_s);
    QCOMPARE(source.url(), u"https://example.com/s"_s);
    QCOMPARE(source.sentences, (QList<Sentence> { { 0, 9 }, { 10, 20 } }));
    QCOMPARE(source.sentenceText(1), u"Two there.");
    // A field changed in a copy of a loaded source: the copy's others stay, and so does the original.
    Source edited = source;
    edited.setPublisher(u"Publisher, renamed"_s);
    QCOMPARE(edited.publisher(), u"Publisher, renamed"_s);
    QCOMPARE(edited.title(), u"S"_s);
    QCOMPARE(edited.published(), u"2025-01~"_s);
    QCOMPARE(edited.url(), u"https://example.com/s"_s);
    QCOMPARE(source.publisher(), u"P"_s);

    QCOMPARE(t.actors.size(), 2);
    QCOMPARE(t.actors[0].id(), u"a"_s);
    QCOMPARE(t.actors[0].name(), u"A"_s);
    QCOMPARE(t.actors[0].kind(), u"person"_s);
    QCOMPARE(t.actors[0].description(), u"An actor."_s);
    QCOMPARE(t.actors[0].aliases, (QStringList { u"Alpha"_s, u"Ay"_s }));
    QCOMPARE(t.actors[0].color, QColor(0x1a, 0x73, 0xd9));
    QVERIFY(!t.actors[1].color.isValid());
    QVERIFY(t.actors[1].aliases.isEmpty());
    // Renamed in a copy: the copy keeps its id and description, and the original its name.
    Actor renamed = t.actors[0];
    renamed.setName(u"Alpha, renamed"_s);
    QCOMPARE(renamed.name(), u"Alpha, renamed"_s);
    QCOMPARE(renamed.id(), u"a"_s);
    QCOMPARE(renamed.description(), u"An actor."_s);
    QCOMPARE(t.actors[0].name(), u"A"_s);

    QCOMPARE(eventIds(t), (QStringList { u"f"_s, u"g"_s, u"e"_s }));
    QCOMPARE(t.kinds, (QStringList { u"product"_s, u"people"_s })); // in order of first appearance
    const Event &e = t.events[2];
    QCOMPARE(t.text(e.title), u"E"_s);
    QCOMPARE(t.text(e.when), u"2023-01~/2024-10-31~"_s);
    QCOMPARE(e.range, *DateRange::parse("2023-01~/2024-10-31~"));
    QCOMPARE(t.text(e.dateText), u"lately"_s);
    QCOMPARE(t.kindOf(e), u"product"_s);
    QCOMPARE(t.kindOf(t.events[0]), u"people"_s);
    QCOMPARE(t.text(e.summary), u"It happened."_s);
    const auto actors = t.actorsOf(e);
    QCOMPARE(QList<int>(actors.begin(), actors.end()), (QList<int> { 1, 0 })); // in the file's order

    const auto evidence = t.evidenceOf(e);
    QCOMPARE(evidence.size(), 2u);
    QCOMPARE(evidence[0].source, 0);
    QCOMPARE(t.text(evidence[0].quote), u"Two there."_s);
    QCOMPARE(evidence[0].firstSentence, 1);
    QCOMPARE(evidence[0].lastSentence, 1);
    QCOMPARE(evidence[1].firstSentence, 0); // a quote across a sentence end links both
    QCOMPARE(evidence[1].lastSentence, 1);

    const auto references = t.referencesOf(e);
    QCOMPARE(references.size(), 2u);
    QCOMPARE(t.text(references[0].title), u"R"_s);
    QCOMPARE(t.text(references[0].publisher), u"RP"_s);
    QCOMPARE(t.text(references[0].url), u"https://example.com/r"_s);
    QCOMPARE(t.text(references[0].date), u"2024"_s);
    QCOMPARE(t.text(references[1].title), u"R2"_s);
    QVERIFY(references[1].publisher.isEmpty() && references[1].url.isEmpty() && references[1].date.isEmpty());
    QVERIFY(t.evidenceOf(t.events[0]).empty());
    QVERIFY(t.referencesOf(t.events[0]).empty());
    QCOMPARE(t.kindOf(t.events[1]), u"product"_s);

    QCOMPARE(t.eras.size(), 1);
    QCOMPARE(t.eras[0].id, u"x"_s);
    QCOMPARE(t.eras[0].title, u"X"_s);
    QCOMPARE(t.eras[0].when, u"2019/2020-06"_s);
    QCOMPARE(t.eras[0].range, *DateRange::parse("2019/2020-06"));

    QCOMPARE(t.indexOfEvent("e"), 2);
    QCOMPARE(t.indexOfEvent("nope"), -1);
    const auto extent = t.extent();
    QVERIFY(extent);
    QCOMPARE(extent->firstDate(), QDate(2019, 1, 1));
    QCOMPARE(extent->lastDate(), QDate(2024, 10, 31));
}

void TestTimelineLoader::eventsSortedByDate()
{
    // File order is not date order; equal ranges keep the file's order; each event keeps its own
    // actors and evidence when it moves.
    const QByteArray doc =
        timeline("[" + eventJson("late", "2022-11-30", R"(,"evidence":[{"source":"s","quote":"Second"}])")
                 + "," + eventJson("year", "2019") + "," + eventJson("day", "2019-01-01") + ","
                 + eventJson("tie1", "2020-06") + "," + eventJson("mid", "2019-07-22") + ","
                 + eventJson("tie2", "2020-06")
                 + ",{\"id\":\"b-only\",\"title\":\"B\",\"when\":\"2018\",\"actors\":[\"b\"]}]");
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(eventIds(t),
             (QStringList { u"b-only"_s, u"day"_s, u"year"_s, u"mid"_s, u"tie1"_s, u"tie2"_s, u"late"_s }));
    for (size_t i = 1; i < t.events.size(); ++i)
        QVERIFY(t.events[i - 1].range.first <= t.events[i].range.first);

    QCOMPARE(t.actors.at(t.actorsOf(t.events[0]).front()).id(), u"b"_s);
    QCOMPARE(t.actors.at(t.actorsOf(t.events[1]).front()).id(), u"a"_s);
    const auto evidence = t.evidenceOf(t.events.back());
    QCOMPARE(evidence.size(), 1u);
    QCOMPARE(evidence.front().firstSentence, 1);
    QVERIFY(t.evidenceOf(t.events[0]).empty());
}

void TestTimelineLoader::actorsDeclaredAfterEvents()
{
    const QByteArray doc = R"({"format":"sourceline","version":1,"title":"T","sources":[],
        "events":[{"id":"e","title":"E","when":"2020","actors":["late","early","late"]}],
        "actors":[{"id":"early","name":"Early","kind":"person"},{"id":"late","name":"Late","kind":"person"}]})";
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QStringList names;
    for (const std::int32_t actor : t.actorsOf(t.events.front()))
        names.append(t.actors.at(actor).name());
    QCOMPARE(names, (QStringList { u"Late"_s, u"Early"_s, u"Late"_s }));
}

// Sources of a few hundred kilobytes are split into sentences on threads of their own (the
// first two; later ones where they are read): each still gets all its sentences, cited or not,
// and its quotes the sentences they stand in, in UTF-16 units however many bytes a letter takes.
void TestTimelineLoader::longSourcesAreSplitAside()
{
    QByteArray english, russian, later;
    for (int i = 0; i < 12000; ++i) {
        english += "Sentence number " + QByteArray::number(i) + " of the cited text. ";
        russian += "Строка " + QByteArray::number(i) + " другого текста. ";
        later += "Ещё строка " + QByteArray::number(i) + " третьего текста. ";
    }
    QVERIFY(english.size() > 256 * 1024 && russian.size() > 256 * 1024);
    const QByteArray sources = "[{\"id\":\"s\",\"title\":\"S\",\"text\":\"" + english
        + "\"},{\"id\":\"u\",\"title\":\"U\",\"text\":\"" + russian
        + "\"},{\"id\":\"r\",\"title\":\"R\",\"text\":\"" + later + "\"}]";
    const QByteArray englishQuote =
        R"(,"evidence":[{"source":"s","quote":"number 11998 of the cited text. Sentence number 11999"}])";
    const QByteArray russianQuote = R"(,"evidence":[{"source":"r","quote":"строка 7000 третьего"}])";
    const QByteArray doc = timeline("[" + eventJson("late", "2021", englishQuote) + ","
                                        + eventJson("russian", "2022", russianQuote) + "]",
                                    defaultActors, sources);
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    const QList<QByteArray> texts { english, russian, later };
    for (qsizetype s = 0; s < texts.size(); ++s) {
        QCOMPARE(t.sources.at(s).sentences, SentenceSplitter::split(QString::fromUtf8(texts[s])));
        QCOMPARE(t.sources.at(s).sentences.size(), 12000);
    }
    const Evidence &english11998 = t.evidence.at(std::size_t(t.events[0].evidence.begin));
    QCOMPARE(english11998.firstSentence, 11998);
    QCOMPARE(english11998.lastSentence, 11999);
    const Evidence &russian7000 = t.evidence.at(std::size_t(t.events[1].evidence.begin));
    QCOMPARE(russian7000.firstSentence, 7000);
    QCOMPARE(russian7000.lastSentence, 7000);

    // A file that breaks off after them: an error, and the splits end before the text goes.
    const auto broken = load(doc.first(doc.indexOf("\"actors\"") + 20));
    QVERIFY(!broken.ok());
    QVERIFY(broken.errors.last().message.startsWith(u"malformed JSON: "_s));
}

// Quotes as long as a cache line or longer, on average, are found where they lie in the file;
// shorter ones are copied together first. Either way each lands in its sentences, and one that
// is not in the source is reported as itself.
void TestTimelineLoader::longAndShortQuotesArePlaced_data()
{
    QTest::addColumn<bool>("whole"); // whole sentences (long quotes), or their first words
    QTest::newRow("long quotes") << true;
    QTest::newRow("short quotes") << false;
}

void TestTimelineLoader::longAndShortQuotesArePlaced()
{
    QFETCH(bool, whole);
    constexpr int count = 600; // quotes: enough for the finder's pass, as in a real file
    QByteArrayList sentences;
    for (int i = 0; i < 60; ++i)
        sentences += "Sentence " + QByteArray::number(i)
            + " runs on long enough to fill a cache line of sixty-four bytes, and some more.";
    const auto quoteOf = [&](int i) {
        return whole ? sentences[i] : sentences[i].first(sentences[i].indexOf(" runs") + 5);
    };
    // Every third event quotes the end of its sentence and the start of the next one.
    const auto spans = [](int i) {
        return i % 3 == 2 && i % 60 + 1 < 60;
    };
    QByteArray events = "[";
    for (int i = 0; i < count; ++i) {
        const int n = i % 60;
        const QByteArray quote = spans(i)
            ? sentences[n].sliced(sentences[n].indexOf("and some more")) + ' ' + sentences[n + 1].first(12)
            : quoteOf(59 - n);
        events += (i ? ",\n" : "")
            + eventJson("e" + QByteArray::number(i), "2021",
                        ",\"evidence\":[{\"source\":\"s\",\"quote\":\"" + quote + "\"}]");
    }
    events += "]";
    const QByteArray sources = "[{\"id\":\"s\",\"title\":\"S\",\"text\":\"" + sentences.join(' ') + "\"}]";
    const QByteArray good = timeline(events, defaultActors, sources);
    const auto read = load(good);
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    const Timeline &t = *read.timeline;
    QCOMPARE(t.evidence.size(), std::size_t(count));
    QCOMPARE(t.sources.at(0).sentences.size(), 60);
    for (const Event &event : t.events) {
        const int i = t.text(event.id).mid(1).toInt();
        const int first = spans(i) ? i % 60 : 59 - i % 60;
        QCOMPARE(t.evidenceOf(event).size(), std::size_t(1));
        QCOMPARE(t.evidenceOf(event)[0].firstSentence, first);
        QCOMPARE(t.evidenceOf(event)[0].lastSentence, spans(i) ? first + 1 : first);
    }

    // One quote changed: it alone is reported, with its own text.
    QByteArray bad = good;
    const QByteArray changed = QByteArray(quoteOf(17)).replace("Sentence 17", "Sentence 71");
    const QByteArray original = "\"quote\":\"" + quoteOf(17) + "\""; // first in event e42
    bad.replace(bad.indexOf(original), original.size(), QByteArray("\"quote\":\"" + changed + "\""));
    const auto wrong = load(bad);
    QCOMPARE(wrong.errors.size(), 1);
    QVERIFY2(wrong.errors[0].toString().contains(u"(event \"e42\")"_s), qPrintable(wrong.errorText()));
    QVERIFY2(wrong.errors[0].message.contains(QString::fromUtf8(changed.left(30))),
             qPrintable(wrong.errorText()));
}

// A long text with escapes, in bytes of the loader's own, is decoded over its bytes rather than
// into a copy. It must read as a text decoded elsewhere does, and the places of problems after
// it, on its line and the lines below, must not move although its bytes now hold line breaks.
void TestTimelineLoader::longTextsDecodedWhereTheyLie()
{
    // Every escape JSON has, a character beyond the BMP written as a surrogate pair, and UTF-8.
    const QByteArray line = R"(Line %1: \u00e9t\u00e9 \ud83d\udcf0 \"quoted\" back\\slash a\/b, )"
                            R"(tab\tend\b\f\r. Строка 📰 текста.\n)";
    QByteArray texts[3];
    for (int i = 0; i < 9000; ++i) {
        for (int t = 0; t < 3; ++t)
            texts[t] += QByteArray(line).replace("%1", QByteArray::number(i * 3 + t));
    }
    QVERIFY(texts[0].size() > 2 * 256 * 1024);
    // The three texts on one line (the third is read in place, not on a thread of its own), and
    // problems after them: on that line, in a later source, and in the events.
    QByteArray sources = "[";
    for (int t = 0; t < 3; ++t)
        sources +=
            "{\"id\":\"s" + QByteArray::number(t) + "\",\"title\":\"S\",\"text\":\"" + texts[t] + "\"},";
    sources += "{\"id\":\"late\",\"title\":7,\"text\":\"Short.\"}]";
    const QByteArray events = "["
        + eventJson("e1", "2021", R"(,"evidence":[{"source":"s1","quote":"Line 4: \u00e9t\u00e9 📰"}])")
        + ",\n" + eventJson("e2", "2022", R"(,"evidence":[{"source":"s2","quote":"a/b, tab\tend"}])") + ",\n"
        + eventJson("e3", "2023", R"(,"evidence":[{"source":"nowhere","quote":"x"}])") + "]";
    const QByteArray bad = timeline(events, defaultActors, sources);
    const auto decoded = load(bad);
    const auto kept = loadShared(bad);
    QCOMPARE(decoded.errorText(), kept.errorText());
    QCOMPARE(decoded.errors.size(), 2);
    QCOMPARE(decoded.errors[0].toString().section(u':', 0, 2), place(bad, "7,", "\"late\""));
    QCOMPARE(decoded.errors[1].toString().section(u':', 0, 2), place(bad, "\"nowhere\""));

    // Put right, the texts read as QJsonDocument decodes them, with the same sentences and
    // evidence as texts decoded into a copy.
    QByteArray good = bad;
    good.replace("\"title\":7", "\"title\":\"L\"")
        .replace(R"("nowhere","quote":"x")", R"("s0","quote":"текста.")");
    const QByteArray original = good;
    const auto read = load(good);
    const auto copied = loadShared(good);
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    QVERIFY2(copied.ok(), qPrintable(copied.errorText()));
    const QJsonArray expected = QJsonDocument::fromJson(good).object().value(u"sources"_s).toArray();
    const Timeline &t = *read.timeline;
    const auto inFile = [](const Timeline &timeline, const Source &source) {
        const QByteArrayView file = timeline.fileBytes();
        const char *text = source.storedText().utf8().data();
        return text > file.data() && text < file.data() + file.size();
    };
    for (qsizetype s = 0; s < 3; ++s) {
        // Decoded where it lay in bytes of the loader's own; into a copy in the caller's.
        QVERIFY(inFile(t, t.sources.at(s)));
        QVERIFY(!inFile(*copied.timeline, copied.timeline->sources.at(s)));
        QCOMPARE(t.sources.at(s).text(), expected.at(s).toObject().value(u"text"_s).toString());
        QCOMPARE(t.sources.at(s).sentences, copied.timeline->sources.at(s).sentences);
    }
    QCOMPARE(t.evidence.size(), std::size_t(3));
    for (std::size_t e = 0; e < t.evidence.size(); ++e) {
        QCOMPARE(t.evidence[e].source, copied.timeline->evidence[e].source);
        QCOMPARE(t.evidence[e].firstSentence, copied.timeline->evidence[e].firstSentence);
        QCOMPARE(t.evidence[e].lastSentence, copied.timeline->evidence[e].lastSentence);
    }
    QVERIFY(t.sources.at(1).sentenceText(t.evidence[0].firstSentence).startsWith(u"Line 4: été 📰"));
    // The caller's bytes, which the second load shared, are as they were.
    QCOMPARE(good, original);
}

void TestTimelineLoader::longTextsReadAsideReportWhatAFullReadDoes_data()
{
    QTest::addColumn<int>("source"); // which of three long texts is wrong: the third is read in place
    QTest::addColumn<QByteArray>("wrong");
    QTest::addColumn<QString>("message");
    for (int source = 0; source < 3; ++source) {
        // Early in a text, where the reader of the file reads it before it puts the rest aside.
        QTest::addRow("invalid UTF-8 early in text %d", source)
            << source << "\xfe"_ba << u"invalid UTF-8 (byte 0xFE) inside a string"_s;
        QTest::addRow("invalid UTF-8 in text %d", source)
            << source << "\xff"_ba << u"invalid UTF-8 (byte 0xFF) inside a string"_s;
        QTest::addRow("cut character in text %d", source)
            << source << "\xd0"_ba << u"invalid UTF-8 (byte 0xD0) inside a string"_s;
        QTest::addRow("control character in text %d", source)
            << source << "\x01"_ba
            << u"a control character (byte 0x01) inside a string must be written as an escape"_s;
        QTest::addRow("unknown escape in text %d", source)
            << source << "\\x"_ba
            << u"invalid escape: a backslash must be followed by one of \" \\ / b f n r t u"_s;
    }
}

// A long text is read on a thread of its own; one that is not a valid string has the whole
// file read again, so that its problem is reported at its place, with the problems before it
// and none after, as when everything is read in one go.
void TestTimelineLoader::longTextsReadAsideReportWhatAFullReadDoes()
{
    QFETCH(int, source);
    QFETCH(QByteArray, wrong);
    QFETCH(QString, message);
    QByteArray texts[3];
    for (int i = 0; i < 20000; ++i) {
        for (QByteArray &text : texts)
            text += "Строка " + QByteArray::number(i) + " текста.\\n";
    }
    QVERIFY(texts[0].size() > 2 * 256 * 1024);
    // After a line's escaped break, a sixth of the way in (early) or five sixths.
    const qsizetype at = texts[source].size() * (wrong == "\xfe" ? 1 : 5) / 6;
    texts[source].insert(texts[source].indexOf("\\n", at) + 2, "MARK" + wrong);
    QByteArray sources = "[";
    for (int i = 0; i < 3; ++i)
        sources += (i ? ",{\"id\":\"s" : "{\"id\":\"s") + QByteArray::number(i)
            + "\",\"title\":\"S\",\"text\":\"" + texts[i] + "\"}";
    // A problem before the text (a duplicate id) and one after it (an unknown source).
    sources += ",{\"id\":\"s0\",\"title\":\"Again\",\"text\":\"Short.\"}]";
    const QByteArray evidence = R"(,"evidence":[{"source":"nowhere"}])";
    const QByteArray doc = timeline("[" + eventJson("e", "2021", evidence) + "]", defaultActors,
                                    "[{\"id\":\"dup\",\"title\":\"D\",\"text\":\"One.\"},{\"id\":\"dup\","
                                    "\"title\":\"D\",\"text\":\"Two.\"},"
                                        + sources.mid(1));
    const auto result = load(doc);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 2);
    QVERIFY2(result.errors[0].message.startsWith(u"duplicate source id"_s), qPrintable(result.errorText()));
    // Where the wrong bytes are: just past "MARK".
    const QString mark = place(doc, "MARK" + wrong);
    const QString where =
        mark.section(u':', 0, 1) + u':' + QString::number(mark.section(u':', 2).toLongLong() + 4);
    QCOMPARE(result.errors[1].toString(), u"%1: malformed JSON: %2"_s.arg(where, message));

    // Where the text is a duplicate member, whose value is skipped, or a problem follows it in
    // its source: still the text's problem, as a full read reports it.
    const QByteArray longBad = texts[source];
    for (const QByteArray &object :
         QByteArrayList { "{\"id\":\"x\",\"title\":\"X\",\"text\":\"Short.\",\"text\":\"" + longBad + "\"}",
                          "{\"id\":\"x\",\"title\":\"X\",\"text\":\"" + longBad + "\",}" }) {
        const QByteArray alone = timeline("[]", defaultActors, "[" + object + "]");
        const auto aloneResult = load(alone);
        QVERIFY(!aloneResult.ok());
        const QString at = place(alone, "MARK" + wrong);
        QCOMPARE(aloneResult.errors.last().toString(),
                 u"%1:%2: malformed JSON: %3"_s.arg(at.section(u':', 0, 1))
                     .arg(at.section(u':', 2).toLongLong() + 4)
                     .arg(message));
    }

    // The same file with the text put right reads whole, its long texts read aside.
    QByteArray right = doc;
    right.replace(QByteArray("MARK" + wrong), "MARK");
    right.replace(evidence, "");
    right.replace("{\"id\":\"dup\",\"title\":\"D\",\"text\":\"Two.\"},", "");
    right.replace(",{\"id\":\"s0\",\"title\":\"Again\",\"text\":\"Short.\"}", "");
    const auto read = load(right);
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    QCOMPARE(read.timeline->sources.size(), 4);
    QCOMPARE(read.timeline->sources.at(1 + source).sentences.size(), 20000);
    QVERIFY(read.timeline->sources.at(1 + source).text().contains(u"MARK"_s));
}

// What a load frees goes back to the system, as does the timeline once dropped: loading a file
// again and again, the process holds no more than after the first time.
void TestTimelineLoader::memoryGoesBackAfterALoad()
{
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
    QSKIP("for glibc's allocator; under AddressSanitizer freed memory waits in its quarantine");
#else
    SystemMemory::giveBackLargeBlocks(); // as the application does first thing
    const QByteArray doc = longTimeline();
    QVERIFY(load(doc).ok()); // the threads' stacks and the allocator's arenas, made once
    const qint64 before = TestUtils::residentKb();
    for (int i = 0; i < 4; ++i)
        QVERIFY(load(doc).ok());
    const qint64 grown = TestUtils::residentKb() - before;
    QVERIFY2(
        grown < 1024,
        qPrintable(u"grew by %1 KiB over four loads of a %2 MiB file"_s.arg(grown).arg(doc.size() >> 20)));
#endif
}

void TestTimelineLoader::aLargeLoadGivesBackTheHeapsHoles()
{
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
    QSKIP("for glibc's allocator; under AddressSanitizer freed memory waits in its quarantine");
#else
    SystemMemory::giveBackLargeBlocks(); // as the application does first thing
    const QByteArray doc = longTimeline();
    QVERIFY(doc.size() >= 1 << 20);
    // Holes in the heap, as the blocks of a timeline just closed leave: every other block of
    // 64 KiB freed, 16 MiB in all, whose pages the allocator keeps.
    std::vector<std::unique_ptr<char[]>> blocks(512);
    for (auto &block : blocks) {
        block.reset(new char[64 << 10]);
        std::memset(block.get(), 1, 64 << 10);
    }
    for (std::size_t i = 0; i < blocks.size(); i += 2)
        blocks[i].reset();
    const qint64 before = TestUtils::residentKb();
    QVERIFY(load(doc).ok());
    const qint64 after = TestUtils::residentKb();
    QVERIFY2(after < before - 8 * 1024,
             qPrintable(u"%1 KiB resident before the load, %2 KiB after it"_s.arg(before).arg(after)));
#endif
}

void TestTimelineLoader::longEventArraysReadInTwoHalves_data()
{
    QTest::addColumn<bool>("declaredFirst");
    QTest::newRow("actors after the events") << false;
    QTest::newRow("actors before the events") << true;
}

void TestTimelineLoader::longEventArraysReadInTwoHalves()
{
    // What a loader that reads the file in one pass gives, checked event by event. With the
    // actors first, the second thread starts from the ids known so far.
    QFETCH(bool, declaredFirst);
    const QByteArray doc = longTimeline({}, declaredFirst);
    QVERIFY(doc.size() > 6'000'000);
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.events.size(), std::size_t(s_longEvents));
    QCOMPARE(t.kinds, (QStringList { u"k0"_s, u"k1"_s, u"k2"_s, u"late"_s }));
    QCOMPARE(t.actors.size(), 12);
    for (int i = 0; i < s_longEvents; ++i) {
        const Event &event = t.events[std::size_t(i)];
        const QString n = QString::number(i);
        QCOMPARE(t.text(event.id), u'e' + n);
        QCOMPARE(t.text(event.title), i % 7 == 0 ? u"Line\n"_s + n : u"Title of event "_s + n);
        QCOMPARE(t.kindOf(event), i < s_longEvents * 3 / 4 ? u'k' + QString::number(i % 3) : u"late"_s);
        const auto actors = t.actorsOf(event);
        QCOMPARE(actors.size(), std::size_t(2));
        QCOMPARE(t.actors.at(actors[0]).id(), u'a' + QString::number(i % 11));
        QCOMPARE(t.actors.at(actors[1]).id(), u"b"_s);
        const auto evidence = t.evidenceOf(event);
        QCOMPARE(evidence.size(), std::size_t(i % 10 == 0));
        if (!evidence.empty()) {
            QCOMPARE(evidence[0].source, 0);
            QCOMPARE(t.sources[0].sentenceText(evidence[0].firstSentence),
                     u"Sentence %1 is \"quoted\"."_s.arg(i % 50));
            QCOMPARE(t.text(evidence[0].quote),
                     u"Sentence %1 is \"quoted\"%2"_s.arg(i % 50).arg(i % 20 == 0 ? u"."_s : QString()));
        }
        const auto references = t.referencesOf(event);
        QCOMPARE(references.size(), std::size_t(i % 13 == 0));
        if (!references.empty())
            QCOMPARE(t.text(references[0].url), u"https://example.org/"_s + n);
    }
}

void TestTimelineLoader::longActorArraysReadInTwoHalves()
{
    // What a loader that reads the file in one pass gives, checked actor by actor, and the
    // events' actors, looked up among both halves' ids.
    const QByteArray doc = longActorTimeline();
    QVERIFY(doc.size() > 6'000'000);
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.actors.size(), s_longActors);
    for (int a = 0; a < s_longActors; ++a) {
        const Actor &actor = t.actors.at(a);
        const QString n = QString::number(a);
        QCOMPARE(actor.id(), u"actor-number-"_s + n);
        QCOMPARE(actor.name(), u"Actor "_s + n + u" ] } [ {"_s);
        QCOMPARE(actor.kind(), a % 2 ? u"person"_s : u"group"_s);
        QCOMPARE(actor.description(), u"Said \"]}\" and left a back\\slash"_s + n + u'\\');
        const QStringList aliases = a % 7 ? QStringList() : QStringList { u'A' + n + u']', u'{' + n };
        QCOMPARE(actor.aliases, aliases);
    }
    QCOMPARE(t.events.size(), std::size_t(101));
    for (const Event &event : t.events) {
        const auto actors = t.actorsOf(event);
        QCOMPARE(actors.size(), std::size_t(1));
        const int e = t.text(event.id).sliced(1).toInt();
        QCOMPARE(actors[0], e < 100 ? e * 499 : 35'000);
    }
}

void TestTimelineLoader::errorsInTheSecondHalfOfALongActorArray()
{
    // Ids declared twice are found wherever the two halves meet: late copies of an early id, of
    // one just before the middle and of the escaped one. In the second file an actor with no
    // name makes this thread read the second half again; the errors are the same, in order.
    for (const bool missingName : { false, true }) {
        const QByteArray doc = longActorTimeline([&](int a, QByteArray &actor) {
            if (a == 40'000)
                actor.replace("number-40000\"", "number-7\"");
            if (a == 45'000)
                actor.replace("number-45000\"", "number-24999\"");
            if (a == 49'000)
                actor.replace("number-49000\"", "number-35000\"");
            if (a == 47'000 && missingName)
                actor.replace("\"name\"", "\"nom\"");
        });
        const auto result = load(doc);
        QVERIFY(!result.ok());
        const LoadErrors &e = result.errors;
        QCOMPARE(e.size(), missingName ? 4 : 3);
        QCOMPARE(placeOf(e[0]), place(doc, "\"actor-number-7\"", "\"Actor 39999 "));
        QCOMPARE(e[0].path, u"actors[40000].id"_s);
        QCOMPARE(e[0].message, u"duplicate actor id \"actor-number-7\": actors[7] has it too"_s);
        QCOMPARE(e[1].path, u"actors[45000].id"_s);
        QCOMPARE(e[1].message, u"duplicate actor id \"actor-number-24999\": actors[24999] has it too"_s);
        if (missingName) {
            QCOMPARE(e[2].path, u"actors[47000]"_s);
            QCOMPARE(e[2].message, u"missing \"name\""_s);
        }
        QCOMPARE(e.last().path, u"actors[49000].id"_s);
        QCOMPARE(e.last().message, u"duplicate actor id \"actor-number-35000\": actors[35000] has it too"_s);
    }
}

void TestTimelineLoader::longSourceArraysReadInTwoHalves()
{
    // What a loader that reads the file in one pass gives, checked source by source, and the
    // quotes, each placed in a sentence of its source from either half.
    const QByteArray doc = longSourceTimeline();
    QVERIFY(doc.size() > 3'000'000);
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.sources.size(), s_longSources);
    for (int s = 0; s < s_longSources; ++s) {
        const Source &source = t.sources.at(s);
        const QString n = QString::number(s);
        QCOMPARE(source.id, u"source-number-"_s + n);
        QCOMPARE(source.title(), u"Source "_s + n + u" ] }"_s);
        QCOMPARE(source.text(),
                 QJsonDocument::fromJson("[\"" + longSourceText(s) + "\"]").array().at(0).toString());
        QCOMPARE(source.sentences.size(), s == s_longTextSource ? 3 + 15'000 : 3);
        QCOMPARE(source.sentenceText(0).toString(), u"First of "_s + n + u" says \"}, {\" here."_s);
        QCOMPARE(source.sentenceText(1).toString(),
                 u"Second of "_s + n + (s % 3 ? u" is plain."_s : u" is l’été “now” — «déjà»."_s));
    }
    QCOMPARE(t.events.size(), std::size_t(101));
    for (const Event &event : t.events) {
        const auto evidence = t.evidenceOf(event);
        QCOMPARE(evidence.size(), std::size_t(1));
        const int e = t.text(event.id).sliced(1).toInt();
        QCOMPARE(evidence[0].source, e < 100 ? e * 199 : 15'000);
        QCOMPARE(evidence[0].firstSentence, 2);
        QCOMPARE(evidence[0].lastSentence, 2);
    }
}

void TestTimelineLoader::errorsInTheSecondHalfOfALongSourceArray()
{
    // As for actors: ids declared twice are found wherever the two halves meet, and a source
    // with no text makes this thread read the second half again, with the same errors.
    for (const bool missingText : { false, true }) {
        const QByteArray doc = longSourceTimeline([&](int s, QByteArray &source) {
            if (s == 12'000)
                source.replace("number-12000\"", "number-7\"");
            if (s == 16'000)
                source.replace("number-16000\"", "number-9999\"");
            if (s == 19'000)
                source.replace("number-19000\"", "number-15000\"");
            if (s == 18'000 && missingText)
                source.replace("\"text\"", "\"txt\"");
        });
        const auto result = load(doc);
        QVERIFY(!result.ok());
        const LoadErrors &e = result.errors;
        QCOMPARE(e.size(), missingText ? 4 : 3);
        QCOMPARE(placeOf(e[0]), place(doc, "\"source-number-7\"", "\"Source 11999 "));
        QCOMPARE(e[0].path, u"sources[12000].id"_s);
        QCOMPARE(e[0].message, u"duplicate source id \"source-number-7\": sources[7] has it too"_s);
        QCOMPARE(e[1].path, u"sources[16000].id"_s);
        QCOMPARE(e[1].message, u"duplicate source id \"source-number-9999\": sources[9999] has it too"_s);
        if (missingText) {
            QCOMPARE(e[2].path, u"sources[18000]"_s);
            QCOMPARE(e[2].message, u"missing \"text\""_s);
        }
        QCOMPARE(e.last().path, u"sources[19000].id"_s);
        QCOMPARE(e.last().message,
                 u"duplicate source id \"source-number-15000\": sources[15000] has it too"_s);
    }
}

void TestTimelineLoader::escapedStrings()
{
    const QByteArray doc = R"({"format":"sourceline","version":1,"title":"Caf\u00e9 \"T\"",
        "sources":[{"id":"s\u0031","title":"S","text":"Caf\u00e9 opens.\nIt is \"new\" \ud83d\ude80.",
                    "publisher":"Caf\u00e9 \"P\"","url":"https://example.com/a","published":"2025-0\u0031"}],
        "actors":[{"id":"open\u0061i","name":"Open\tAI","kind":"organization"},
                  {"id":"b","name":"Plain B","kind":"person","description":"Said \"hi\""}],
        "events":[{"id":"e\u0031","title":"Line\none \u2013 \"two\"","when":"20\u0032\u0030","actors":["openai"],
                   "dateText":"\/late\/","evidence":[{"source":"s1","quote":"It is \"new\" \ud83d\ude80."}]},
                  {"id":"e2","title":"Plain","when":"2019","actors":["open\u0061i"]}]})";
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.title, u"Café \"T\""_s);
    QCOMPARE(t.sources[0].id, u"s1"_s);
    QCOMPARE(t.sources[0].text(), u"Café opens.\nIt is \"new\" 🚀."_s);
    // Fields with escapes and those without, held together.
    QCOMPARE(t.sources[0].title(), u"S"_s);
    QCOMPARE(t.sources[0].publisher(), u"Café \"P\""_s);
    QCOMPARE(t.sources[0].url(), u"https://example.com/a"_s);
    QCOMPARE(t.sources[0].published(), u"2025-01"_s);
    QCOMPARE(t.actors[0].id(), u"openai"_s);
    QCOMPARE(t.actors[0].name(), u"Open\tAI"_s);
    QCOMPARE(t.actors[1].id(), u"b"_s);
    QCOMPARE(t.actors[1].name(), u"Plain B"_s);
    QCOMPARE(t.actors[1].description(), u"Said \"hi\""_s);

    QCOMPARE(t.indexOfEvent("e1"), 1);
    const Event &e = t.events[1];
    QCOMPARE(t.text(e.id), u"e1"_s);
    QCOMPARE(t.text(e.title), u"Line\none – \"two\""_s);
    QCOMPARE(t.text(e.when), u"2020"_s);
    QCOMPARE(e.range.firstDate(), QDate(2020, 1, 1));
    QCOMPARE(t.text(e.dateText), u"/late/"_s);
    QCOMPARE(t.actorsOf(e).front(), 0);
    QCOMPARE(t.actorsOf(t.events[0]).front(), 0);
    QCOMPARE(t.text(t.evidenceOf(e).front().quote), u"It is \"new\" 🚀."_s);
    QCOMPARE(t.evidenceOf(e).front().firstSentence, 1);
    QCOMPARE(t.text(t.events[0].title), u"Plain"_s);
}

void TestTimelineLoader::unknownKeysIgnored()
{
    const QByteArray doc =
        R"({"format":"sourceline","version":1,"title":"T","x-future":{"nested":[1,{"a":null}],"b":"}"},
        "sources":[{"id":"s","title":"S","text":"Hi.","pages":[1,2]}],
        "actors":[{"id":"a","name":"A","kind":"person","born":1970,"links":{"x":[]}}],
        "events":[{"id":"e","title":"E","when":"2020","actors":["a"],"colour":"red","importance":5,
                   "evidence":[{"source":"s","quote":"Hi.","page":3}],"references":[{"title":"R","isbn":"0"}]}],
        "eras":[{"id":"x","title":"X","when":"2020","style":{"hatch":true}}],
        "zzz":[[[[]]]],"zzz":"again"})";
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QCOMPARE(result.timeline->events.size(), 1u);
    QCOMPARE(result.timeline->eras.size(), 1);
}

void TestTimelineLoader::erasOptional()
{
    const auto without = load(timeline("[" + eventJson("e", "2020") + "]").replace(",\n\"eras\":[]", ""));
    QVERIFY2(without.ok(), qPrintable(without.errorText()));
    QVERIFY(without.timeline->eras.isEmpty());

    const auto with = load(timeline("[]", defaultActors, defaultSources,
                                    R"([{"id":"x","title":"X","when":"2019-07-22/2025-01-21"}])"));
    QVERIFY2(with.ok(), qPrintable(with.errorText()));
    QCOMPARE(with.timeline->eras.size(), 1);
    QCOMPARE(with.timeline->eras[0].range.firstDate(), QDate(2019, 7, 22));
    QCOMPARE(with.timeline->eras[0].range.lastDate(), QDate(2025, 1, 21));
}

void TestTimelineLoader::eventWithoutActors()
{
    const auto result = load(timeline(R"([{"id":"e","title":"E","when":"2020","actors":[]}])"));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.timeline->actorsOf(result.timeline->events.front()).empty());
}

void TestTimelineLoader::textLoadsAsIs()
{
    // Text is data, never markup: it comes back exactly as written.
    const QString html = u"<b>bold</b> &amp; <script>alert(1)</script> <a href=\"x\">link</a>"_s;
    const QString emoji = u"🚀 Launch 👩🏽‍💻 Zoë 北京 עברית"_s;
    const QByteArray doc =
        timeline("[{\"id\":\"e\",\"title\":\"" + html.toUtf8().replace("\"", "\\\"") + "\",\"summary\":\""
                     + emoji.toUtf8() + "\",\"when\":\"2020\",\"actors\":[]}]",
                 "[{\"id\":\"a\",\"name\":\"" + emoji.toUtf8() + "\",\"kind\":\"<i>person</i>\"}]");
    const auto result = load(doc);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.text(t.events[0].title), html);
    QCOMPARE(t.text(t.events[0].summary), emoji);
    QCOMPARE(t.actors[0].name(), emoji);
    QCOMPARE(t.actors[0].kind(), u"<i>person</i>"_s);
}

void TestTimelineLoader::formatDocumentationExample()
{
    // The complete example in docs/format.md must load and mean what the document says.
    QFile file(QStringLiteral(SOURCELINE_FORMAT_DOC));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString markdown = QString::fromUtf8(file.readAll());
    static const QRegularExpression block(u"```json\\n(.*?)```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = block.match(markdown);
    QVERIFY(match.hasMatch());

    const auto result = TimelineLoader::loadData(match.captured(1).toUtf8(), u"example.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const Timeline &t = *result.timeline;
    QCOMPARE(t.title, u"A small example"_s);
    QCOMPARE(t.sources.size(), 1);
    const Source &note = t.sources[0];
    QCOMPARE(note.publisherConfirmed, false);
    QCOMPARE(note.sentences.size(), 3);
    QCOMPARE(note.sentenceText(0), u"Microsoft invested $1 billion in OpenAI in 2019.");
    QCOMPARE(note.sentenceText(1), u"OpenAI released ChatGPT in late 2022.");
    QCOMPARE(note.sentenceText(2), u"Product delays followed because compute was short.");

    QCOMPARE(eventIds(t), (QStringList { u"msft-invests-1b"_s, u"chatgpt-release"_s, u"compute-delays"_s }));
    for (int i = 0; i < 3; ++i) {
        const auto evidence = t.evidenceOf(t.events[i]);
        QCOMPARE(evidence.size(), 1u);
        QCOMPARE(evidence.front().firstSentence, i);
        QCOMPARE(evidence.front().lastSentence, i);
    }
    QCOMPARE(t.text(t.events[1].dateText), u"late 2022"_s);
    const DateRange delays = t.events[2].range;
    QCOMPARE(delays.precision, DateRange::Precision::Interval);
    QVERIFY(delays.isApproximate());
    QCOMPARE(delays.firstDate(), QDate(2023, 1, 1));
    QCOMPARE(delays.lastDate(), QDate(2024, 10, 31));
    QCOMPARE(t.actors[1].aliases, QStringList { u"Microsoft Corporation"_s });
    QCOMPARE(t.eras.size(), 1);
    QCOMPARE(t.kindStyles.size(), 1);
    QCOMPARE(t.kindStyles[0].id, u"dispute"_s);
    QCOMPARE(t.kindStyles[0].label, u"Dispute or delay"_s);
    QCOMPARE(t.kindStyles[0].color, QColor(0xb3, 0x26, 0x1e));
}

// --- invalid files -----------------------------------------------------------------------------

void TestTimelineLoader::errors_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QStringList>("expected"); // every error, as toString() gives it

    const auto row = [](const char *tag, const QByteArray &doc, const QStringList &expected) {
        QTest::newRow(tag) << doc << expected;
    };
    QByteArray doc;

    // Not JSON, or not ours.
    row("empty file", "", { u"bad.json:1:1: malformed JSON: the file is empty: expected a JSON value"_s });
    row("white space only", "\n\n  ",
        { u"bad.json:3:3: malformed JSON: the file is empty: expected a JSON value"_s });
    doc = timeline("[" + eventJson("e", "2020") + "]")
              .replace("\"title\":\"Event e\",", "\"title\":\"Event e\"");
    row("malformed JSON", doc,
        { place(doc, "\"when\"") + u": malformed JSON: missing ',' between two members of an object"_s });
    doc = timeline("[" + eventJson("e", "2020") + "]").chopped(2);
    row("truncated file", doc,
        { u"bad.json:5:10: malformed JSON: expected ',' or '}' after an object member, the file ends"_s });
    doc = "{\"format\":\"sourceline\",\"title\":\"caf\xc3\"}";
    row("invalid UTF-8", doc,
        { place(doc, "\xc3") + u": malformed JSON: invalid UTF-8 (byte 0xC3) inside a string"_s });
    row("top level is an array", "[]",
        { u"bad.json:1:1: the file must hold a JSON object with \"format\": \"sourceline\", but it holds an array"_s });
    row("top level is a string", "  \"sourceline\"",
        { u"bad.json:1:3: the file must hold a JSON object with \"format\": \"sourceline\", but it holds a string"_s });
    row("top level is null", "null",
        { u"bad.json:1:1: the file must hold a JSON object with \"format\": \"sourceline\", but it holds null"_s });
    row("missing format, other problems too", R"({"version":1,"title":3,"events":[{"id":1}]})",
        { u"bad.json:1:1: this is not a Sourceline timeline: \"format\": \"sourceline\" is missing"_s });
    doc = timeline("[" + eventJson("e", "2023-02-30") + "]").replace("sourceline", "geojson");
    row("other format, other problems too", doc,
        { u"bad.json:1:11: format: this is not a Sourceline timeline: the format is \"geojson\", not \"sourceline\""_s });
    doc = timeline("[]").replace("\"sourceline\"", "1");
    row("format is a number", doc, { u"bad.json:1:11: format: expected a string, found a number"_s });

    // Versions.
    doc = timeline("[" + eventJson("e", "2023-02-30") + "]").replace("\"version\":1", "\"version\":2");
    row("version 2, other problems too", doc,
        { place(doc, "2,")
          + u": version: version \"2\" is not supported: this Sourceline reads version 1"_s });
    doc = timeline("[]").replace("\"version\":1", "\"version\":\"1\"");
    row("version \"1\"", doc,
        { place(doc, "\"1\"") + u": version: expected the number 1, found a string"_s });
    doc = timeline("[]").replace("\"version\":1", "\"version\":1.5");
    row("version 1.5", doc,
        { place(doc, "1.5")
          + u": version: version \"1.5\" is not supported: this Sourceline reads version 1"_s });
    doc = timeline("[]").replace("\"version\":1,", "");
    row("version missing", doc, { u"bad.json:1:1: missing \"version\""_s });

    // Wrong types.
    doc = timeline("[]").replace("\"title\":\"T\"", "\"title\":7");
    row("title is a number", doc, { place(doc, "7") + u": title: expected a string, found a number"_s });
    doc = timeline("[]", "{}");
    row("actors is an object", doc, { place(doc, "{}") + u": actors: expected an array, found an object"_s });
    doc = timeline("[]", "[]", "null");
    row("sources is null", doc, { place(doc, "null") + u": sources: expected an array, found null"_s });
    doc = timeline(R"([{"id":"e","title":"E","when":"2020","actors":"a"}])");
    row("event actors is a string", doc,
        { place(doc, "\"a\"}") + u": events[0].actors (event \"e\"): expected an array, found a string"_s });
    doc = timeline(R"([{"id":"e","title":"E","when":"2020","actors":["a",42]}])");
    row("an actor id is a number", doc,
        { place(doc, "42") + u": events[0].actors[1] (event \"e\"): expected a string, found a number"_s });
    doc = timeline(R"([{"id":"e","title":"E","when":2020,"actors":[]}])");
    row("when is a number", doc,
        { place(doc, "2020") + u": events[0].when (event \"e\"): expected a string, found a number"_s });
    doc = timeline("[" + eventJson("e", "2020") + ",true]");
    row("event is not an object", doc,
        { place(doc, "true") + u": events[1]: expected an object, found true"_s });
    doc = timeline("[]", R"([{"id":5,"name":"A","kind":"person"}])");
    row("actor id is a number", doc,
        { place(doc, "5") + u": actors[0].id: expected a string, found a number"_s });
    doc = timeline("[]", "[]", R"([{"id":"s","title":"S","text":"x","publisherConfirmed":"no"}])");
    row("publisherConfirmed is a string", doc,
        { place(doc, "\"no\"")
          + u": sources[0].publisherConfirmed: expected true or false, found a string"_s });
    doc = timeline("[" + eventJson("e", "2020", R"(,"draft":"yes")") + "]");
    row("draft is a string", doc,
        { place(doc, "\"yes\"")
          + u": events[0].draft (event \"e\"): expected true or false, found a string"_s });
    doc = timeline("[" + eventJson("e", "2020", R"(,"evidence":{})") + "]");
    row("evidence is an object", doc,
        { place(doc, "{}") + u": events[0].evidence (event \"e\"): expected an array, found an object"_s });
    doc = timeline("[]", R"([{"id":"a","name":"A","kind":"person","aliases":["x",null]}])");
    row("an alias is null", doc,
        { place(doc, "null") + u": actors[0].aliases[1]: expected a string, found null"_s });

    // Missing fields, per kind of object; the place is the object's opening brace.
    doc = R"({"format":"sourceline"})";
    row("top level", doc,
        { u"bad.json:1:1: missing \"version\""_s, u"bad.json:1:1: missing \"title\""_s,
          u"bad.json:1:1: missing \"sources\""_s, u"bad.json:1:1: missing \"actors\""_s,
          u"bad.json:1:1: missing \"events\""_s });
    doc = timeline("[{}]");
    const QString eventPlace = place(doc, "{}", "\"events\"");
    row("event", doc,
        { eventPlace + u": events[0]: missing \"id\""_s, eventPlace + u": events[0]: missing \"title\""_s,
          eventPlace + u": events[0]: missing \"when\""_s,
          eventPlace + u": events[0]: missing \"actors\""_s });
    doc = timeline("[" + eventJson("e", "2019", R"(,"evidence":[{}],"references":[{"url":"u"}])") + "]");
    row("evidence and reference", doc,
        { place(doc, "{}") + u": events[0].evidence[0] (event \"e\"): missing \"source\""_s,
          place(doc, "{}") + u": events[0].evidence[0] (event \"e\"): missing \"quote\""_s,
          place(doc, "{\"url\"") + u": events[0].references[0] (event \"e\"): missing \"title\""_s });
    doc = timeline("[]", "[{}]", "[{}]", "[{}]");
    row("source, actor and era", doc,
        { place(doc, "{}", "sources") + u": sources[0]: missing \"id\""_s,
          place(doc, "{}", "sources") + u": sources[0]: missing \"title\""_s,
          place(doc, "{}", "sources") + u": sources[0]: missing \"text\""_s,
          place(doc, "{}", "actors") + u": actors[0]: missing \"id\""_s,
          place(doc, "{}", "actors") + u": actors[0]: missing \"name\""_s,
          place(doc, "{}", "actors") + u": actors[0]: missing \"kind\""_s,
          place(doc, "{}", "eras") + u": eras[0]: missing \"id\""_s,
          place(doc, "{}", "eras") + u": eras[0]: missing \"title\""_s,
          place(doc, "{}", "eras") + u": eras[0]: missing \"when\""_s });
    doc = timeline(R"([{"id":"e","title":" ","when":"2020","actors":[]}])");
    row("empty title", doc,
        { place(doc, "\" \"") + u": events[0].title (event \"e\"): must not be empty"_s });
    doc = timeline(R"([{"id":"","title":"E","when":"2020","actors":[]}])");
    row("empty event id", doc, { place(doc, "\"\"") + u": events[0].id: must not be empty"_s });

    // Duplicate ids.
    doc = timeline("[" + eventJson("e", "2020") + "," + eventJson("f", "2021") + "," + eventJson("e", "2022")
                   + "]");
    row("duplicate event id", doc,
        { place(doc, "\"e\"", "2021")
          + u": events[2].id (event \"e\"): duplicate event id \"e\": events[0] has it too"_s });
    doc = timeline("[]", R"([{"id":"a","name":"A","kind":"person"},{"id":"a","name":"A2","kind":"person"}])");
    row("duplicate actor id", doc,
        { place(doc, "\"a\"", "A\",")
          + u": actors[1].id: duplicate actor id \"a\": actors[0] has it too"_s });
    doc = timeline("[]", "[]", R"([{"id":"s","title":"S","text":"x"},{"id":"s","title":"S2","text":"y"}])");
    row("duplicate source id", doc,
        { place(doc, "\"s\"", "\"x\"")
          + u": sources[1].id: duplicate source id \"s\": sources[0] has it too"_s });
    doc = timeline("[]", "[]", "[]",
                   R"([{"id":"x","title":"X","when":"2020"},{"id":"x","title":"Y","when":"2021"}])");
    row("duplicate era id", doc,
        { place(doc, "\"x\"", "\"X\"") + u": eras[1].id: duplicate era id \"x\": eras[0] has it too"_s });

    // A member given twice would make the second silently replace (or mix with) the first.
    const QString twice = u"duplicate member %1: a member may appear only once in an object"_s;
    doc = timeline("[]").replace("\"title\":\"T\",", "\"title\":\"T\",\"title\":\"U\",");
    row("member twice at the top", doc,
        { place(doc, "\"title\":\"U\"") + u": title: "_s + twice.arg(u"\"title\""_s) });
    doc =
        timeline("["
                 + eventJson("e", "2020",
                             R"(,"evidence":[{"source":"s","quote":"First"},{"source":"s","quote":"Second"},)"
                             R"({"source":"s","quote":"one"}],"evidence":[{"source":"s","quote":"here"}])")
                 + "]");
    row("evidence twice in an event", doc,
        { place(doc, "\"evidence\":[{\"source\":\"s\",\"quote\":\"here")
          + u": events[0].evidence (event \"e\"): "_s + twice.arg(u"\"evidence\""_s) });
    doc = timeline("[" + eventJson("e", "2020") + "]" + ",\n\"events\":[" + eventJson("f", "2021") + "]");
    row("events twice", doc,
        { place(doc, "\"events\":[{\"id\":\"f\"") + u": events: "_s + twice.arg(u"\"events\""_s) });

    // References to ids that do not exist.
    doc = timeline("[" + eventJson("e", "2020").replace("[\"a\"]", "[\"a\",\"ghost\"]") + "]");
    row("unknown actor", doc,
        { place(doc, "\"ghost\"") + u": events[0].actors[1] (event \"e\"): unknown actor \"ghost\""_s });
    doc = timeline("[" + eventJson("e", "2020").replace("[\"a\"]", "[\"ghost\"]") + ","
                   + eventJson("f", "2021").replace("[\"a\"]", "[\"ghost\",\"ghost\"]") + "]");
    row("unknown actor used 3 times", doc,
        { place(doc, "\"ghost\"")
          + u": events[0].actors[0] (event \"e\"): unknown actor \"ghost\" (used 3 times; this is the first)"_s });
    // Plain ids are looked up in batches, an id with an escape at once: the first use is still
    // the first in the file.
    for (const bool escapedFirst : { true, false }) {
        const QByteArray plain = "[\"ghost\"]", escaped = "[\"gh\\u006fst\"]";
        doc = timeline("[" + eventJson("e", "2020").replace("[\"a\"]", escapedFirst ? escaped : plain) + ","
                       + eventJson("f", "2021").replace("[\"a\"]", escapedFirst ? plain : escaped) + "]");
        row(escapedFirst ? "unknown actor, escaped, then plain" : "unknown actor, plain, then escaped", doc,
            { place(doc, escapedFirst ? "\"gh\\u006fst\"" : "\"ghost\"")
              + u": events[0].actors[0] (event \"e\"): unknown actor \"ghost\" (used 2 times; this is the first)"_s });
    }
    doc =
        timeline("[" + eventJson("e", "2020", R"(,"evidence":[{"source":"nowhere","quote":"First"}])") + "]");
    row("unknown source", doc,
        { place(doc, "\"nowhere\"")
          + u": events[0].evidence[0].source (event \"e\"): unknown source \"nowhere\""_s });
    doc = timeline("[" + eventJson("e", "2020", R"(,"evidence":[{"source":"s","quote":"Third sentence."}])")
                   + "]");
    row("quote not in its source", doc,
        { place(doc, "\"Third")
          + u": events[0].evidence[0].quote (event \"e\"): the quote is not in source \"s\": no passage of the source comes close to it: \"Third sentence.\""_s });
    doc = timeline("[" + eventJson("e", "2020", R"(,"evidence":[{"source":"s","quote":"first sentence"}])")
                   + "]");
    row("quote differs in case", doc,
        { place(doc, "\"first")
          + u": events[0].evidence[0].quote (event \"e\"): the quote is not in source \"s\": at character 1 of the quote it has 'f' where the source has 'F': \"first sentence\""_s });

    // Dates.
    doc = timeline("[" + eventJson("e", "2023-02-30") + "]");
    row("day that does not exist", doc,
        { place(doc, "\"2023-02-30\"")
          + u": events[0].when (event \"e\"): \"2023-02-30\" is not a date: February 2023 has 28 days"_s });
    doc = timeline("[" + eventJson("e", "2025-01-21/2019-07-22") + "]");
    row("reversed interval", doc,
        { place(doc, "\"2025")
          + u": events[0].when (event \"e\"): \"2025-01-21/2019-07-22\" is a reversed interval: it ends before it starts"_s });
    doc = timeline("[]", "[]", "[]", R"([{"id":"x","title":"X","when":"../.."}])");
    row("era without dates", doc,
        { place(doc, "\"../..")
          + u": eras[0].when: \"../..\" is not a date: an interval needs at least one date"_s });
    doc = timeline("[]", "[]", R"([{"id":"s","title":"S","text":"x","published":"Jan 2025"}])");
    row("source published", doc,
        { place(doc, "\"Jan")
          + u": sources[0].published: \"Jan 2025\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"_s });
    doc = timeline("[" + eventJson("e", "2020", R"(,"references":[{"title":"R","date":"2024-13"}])") + "]");
    row("reference date", doc,
        { place(doc, "\"2024-13\"")
          + u": events[0].references[0].date (event \"e\"): \"2024-13\" is not a date: there is no month 13"_s });

    // Colours.
    for (const char *colour : { "red", "#12345", "1a73d9", "#gggggg", "#1a73d9ff", "#abc", "" }) {
        doc = timeline("[]",
                       R"([{"id":"a","name":"A","kind":"person","color":")" + QByteArray(colour) + "\"}]");
        row(qPrintable(u"colour "_s + QString::fromLatin1(colour)), doc,
            { place(doc, "\"" + QByteArray(colour) + "\"}") + u": actors[0].color: \""_s
              + QString::fromLatin1(colour)
              + u"\" is not a colour: write it as #rrggbb, e.g. \"#1f77b4\""_s });
    }

    // Values from the file are escaped in messages, so a message is safe to print.
    doc = timeline("[" + eventJson("e\\u001b[2J", "2020\\u001b[31m") + "]");
    row("control characters in values", doc,
        { place(doc, "\"2020")
          + u": events[0].when (event \"e\\u001b[2J\"): \"2020\\u001b[31m\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"_s });
}

void TestTimelineLoader::errors()
{
    QFETCH(QByteArray, doc);
    QFETCH(QStringList, expected);

    const auto result = load(doc);
    QVERIFY(!result.ok());
    QCOMPARE(result.timeline, nullptr);
    QCOMPARE(TestUtils::errorLines(result), expected);
    QCOMPARE(result.unreportedErrors, 0);
    QCOMPARE(result.errorText(), expected.join(u'\n'));
    for (const LoadError &e : result.errors) {
        QCOMPARE(e.file, u"bad.json"_s);
        QVERIFY(e.line >= 1 && e.column >= 1);
    }
}

void TestTimelineLoader::wholeMessages()
{
    // A hand-written file, with the places counted by hand.
    const QByteArray doc = R"({
  "format": "sourceline",
  "version": 1,
  "title": "Broken",
  "sources": [
    {"id": "s", "title": "S", "text": "One sentence. Another one."}
  ],
  "actors": [
    {"id": "a", "name": "A", "kind": "person", "color": "blue"}
  ],
  "events": [
    {"id": "e1", "title": "E1", "when": "2023-02-30", "actors": ["a"]},
    {"id": "e2", "title": "E2", "when": "2020", "actors": ["ghost"]},
    {"id": "e3", "title": "E3", "when": "2020", "actors": [],
     "evidence": [{"source": "s", "quote": "Not there."}]}
  ]
}
)";
    const auto result = load(doc);
    QCOMPARE(
        TestUtils::errorLines(result),
        (QStringList {
            u"bad.json:9:57: actors[0].color: \"blue\" is not a colour: write it as #rrggbb, e.g. \"#1f77b4\""_s,
            u"bad.json:12:41: events[0].when (event \"e1\"): \"2023-02-30\" is not a date: February 2023 has 28 days"_s,
            u"bad.json:13:60: events[1].actors[0] (event \"e2\"): unknown actor \"ghost\""_s,
            u"bad.json:15:44: events[2].evidence[0].quote (event \"e3\"): the quote is not in source \"s\": no passage of the source comes close to it: \"Not there.\""_s,
        }));

    const LoadError &e = result.errors[1];
    QCOMPARE(e.file, u"bad.json"_s);
    QCOMPARE(e.line, 12);
    QCOMPARE(e.column, 41);
    QCOMPARE(e.path, u"events[0].when"_s);
    QCOMPARE(e.eventId, u"e1"_s);
    QCOMPARE(e.message, u"\"2023-02-30\" is not a date: February 2023 has 28 days"_s);

    // Malformed JSON stops the reading: only the place where it stopped is reported.
    QByteArray broken = doc;
    broken.replace("\"version\": 1,", "\"version\": 1");
    QCOMPARE(TestUtils::errorLines(load(broken)),
             QStringList { u"bad.json:4:3: malformed JSON: missing ',' between two members of an object"_s });
}

void TestTimelineLoader::errorsAreListedInFileOrder()
{
    // Found in three different passes (quotes last, unknown ids after the read, dates while
    // reading), but listed from the top of the file down.
    const QByteArray doc = timeline(
        "[" + eventJson("bad-quote", "2021", R"(,"evidence":[{"source":"s","quote":"Not in the text."}])")
        + "," + eventJson("bad-actor", "2020").replace("\"a\"", "\"nobody\"") + ","
        + eventJson("bad-date", "2023-02-29") + "]");
    const auto result = load(doc);
    QCOMPARE(result.errors.size(), 3);
    QCOMPARE(result.errors[0].eventId, u"bad-quote"_s);
    QCOMPARE(result.errors[1].eventId, u"bad-actor"_s);
    QCOMPARE(result.errors[2].eventId, u"bad-date"_s);
    for (qsizetype i = 1; i < result.errors.size(); ++i)
        QVERIFY(std::pair(result.errors[i - 1].line, result.errors[i - 1].column)
                < std::pair(result.errors[i].line, result.errors[i].column));

    // A syntax error stops the read where it is: the problems read before it come first.
    const QByteArray broken =
        timeline("[" + eventJson("bad-date", "2023-02-29") + "," + eventJson("fine", "2020") + " "
                 + eventJson("after-a-missing-comma", "2021") + "]");
    const auto stopped = load(broken);
    QCOMPARE(stopped.errors.size(), 2);
    QCOMPARE(stopped.errors[0].eventId, u"bad-date"_s);
    QVERIFY2(stopped.errors[1].message.startsWith(u"malformed JSON: missing ','"_s),
             qPrintable(stopped.errors[1].message));
    QCOMPARE(stopped.errors[1].toString().section(u": "_s, 0, 0),
             place(broken, "{\"id\":\"after-a-missing-comma\""));
}

void TestTimelineLoader::allProblemsReported()
{
    // Three different problems in three events: all three are reported, not only the first.
    const QByteArray doc = timeline(
        "[" + eventJson("bad-date", "2023-02-29") + ","
        + eventJson("bad-actor", "2020").replace("\"a\"", "\"nobody\"") + ","
        + eventJson("bad-quote", "2021", R"(,"evidence":[{"source":"s","quote":"Not in the text."}])") + "]");
    const auto result = load(doc);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 3);
    QCOMPARE(result.errors[0].eventId, u"bad-date"_s);
    QCOMPARE(result.errors[0].path, u"events[0].when"_s);
    QCOMPARE(result.errors[1].eventId, u"bad-actor"_s);
    QCOMPARE(result.errors[1].message, u"unknown actor \"nobody\""_s);
    QCOMPARE(result.errors[2].eventId, u"bad-quote"_s);
    QCOMPARE(result.errors[2].path, u"events[2].evidence[0].quote"_s);

    // Problems in several parts of one event, and in every kind of object, all count.
    const QByteArray many = timeline(
        R"([{"id":"e","title":"","when":"2020-13","actors":[1],"dateText":2,"evidence":[{"source":"s"}]}, 7])",
        R"([{"id":"a","name":"A","kind":"person","color":"blue"},{"id":"a"}])",
        R"([{"id":"s","title":"S","text":"x","published":"soon"}])",
        R"([{"id":"x","title":"X","when":"2021/2020"}])");
    const auto manyResult = load(many);
    QCOMPARE(manyResult.errors.size(), 12);
}

void TestTimelineLoader::errorCountIsCapped()
{
    QByteArray events = "[";
    for (int i = 0; i < 1000; ++i)
        events += (i ? "," : "") + eventJson("e" + QByteArray::number(i), "2023-02-30");
    events += "]";
    const auto result = load(timeline(events));
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), TimelineLoader::maxErrors);
    QCOMPARE(result.unreportedErrors, 1000 - TimelineLoader::maxErrors);
    QCOMPARE(result.errors.first().eventId, u"e0"_s);
    QCOMPARE(result.errors.last().eventId, u"e199"_s);
    const QStringList lines = result.errorText().split(u'\n');
    QCOMPARE(lines.size(), TimelineLoader::maxErrors + 1);
    QCOMPARE(lines.last(), u"… and 800 more problems"_s);

    // A syntax error at the end is still reported, in its place in the file: last.
    const auto truncated = load(timeline(events).chopped(10));
    QCOMPARE(truncated.errors.size(), TimelineLoader::maxErrors + 1);
    QCOMPARE(truncated.errors.first().eventId, u"e0"_s);
    QVERIFY(truncated.errors.last().message.startsWith(u"malformed JSON: "_s));
}

void TestTimelineLoader::errorsInTheSecondHalfOfALongFile()
{
    // Problems in the part that another thread reads are reported as a single pass would:
    // at their own place, in file order, and an unknown id used in both halves as one. Ids are
    // checked after the read, so the first file's second half is taken from the other thread;
    // the second file's bad date makes this thread read that half again. With the actors
    // declared first, the other thread starts from them, and "ghost" is new to both.
    const int late = s_longEvents - 100;
    for (const auto &[declaredFirst, badDate] :
         { std::pair(false, false), std::pair(false, true), std::pair(true, false), std::pair(true, true) }) {
        const QByteArray doc = longTimeline(
            [&](int i, QByteArray &event) {
                if (i == 10 || i == late || i == late + 1)
                    event.replace(QByteArray("\"a" + QByteArray::number(i % 11) + '"'), "\"ghost\"");
                if (i == late + 2)
                    event.replace("\"actors\":[", "\"actors\":[\"phantom\",");
                if (i == late + 3 && badDate)
                    event.replace("\"when\":\"", "\"when\":\"x");
            },
            declaredFirst);
        const auto result = load(doc);
        QVERIFY(!result.ok());
        const LoadErrors &e = result.errors;
        QCOMPARE(e.size(), badDate ? 3 : 2);
        QCOMPARE(placeOf(e[0]), place(doc, "\"ghost\""));
        QCOMPARE(e[0].path, u"events[10].actors[0]"_s);
        QCOMPARE(e[0].eventId, u"e10"_s);
        QCOMPARE(e[0].message, u"unknown actor \"ghost\" (used 3 times; this is the first)"_s);
        QCOMPARE(placeOf(e[1]), place(doc, "\"phantom\""));
        QCOMPARE(e[1].path, u"events[%1].actors[0]"_s.arg(late + 2));
        QCOMPARE(e[1].eventId, u"e%1"_s.arg(late + 2));
        QCOMPARE(e[1].message, u"unknown actor \"phantom\""_s);
        if (badDate) {
            QCOMPARE(placeOf(e[2]), place(doc, "\"x", "\"e" + QByteArray::number(late + 3) + '"'));
            QCOMPARE(e[2].path, u"events[%1].when"_s.arg(late + 3));
            QCOMPARE(e[2].eventId, u"e%1"_s.arg(late + 3));
        }
    }
}

void TestTimelineLoader::duplicateIdsAmongManyEvents()
{
    // Enough events that the ids' hashes are sorted by radix, in place, not by std::sort: each
    // duplicate is reported once, at its own id, naming the first event with that id, and an id
    // that is only a prefix of another, or in another case, is no duplicate.
    const int count = 70'000;
    const auto idOf = [](int i) -> QByteArray {
        if (i == 60'000)
            return "e17"; // far from the first e17, in the other thread's half
        if (i == 60'001)
            return "e6999"; // right after: two duplicates in a row, in file order
        if (i == 69'999)
            return "e17"; // and a third e17 at the very end
        if (i == 50'000)
            return "E17"; // not the same id
        return "e" + QByteArray::number(i);
    };
    QByteArray events = "[";
    for (int i = 0; i < count; ++i)
        events += (i ? ",\n" : "") + eventJson(idOf(i), "2020");
    const QByteArray doc = timeline(events + "]");
    const auto result = load(doc);
    QVERIFY(!result.ok());
    const LoadErrors &e = result.errors;
    QCOMPARE(e.size(), 3);
    QCOMPARE(e[0].path, u"events[60000].id"_s);
    QCOMPARE(e[0].message, u"duplicate event id \"e17\": events[17] has it too"_s);
    QCOMPARE(e[0].line, 60'000 + doc.left(doc.indexOf("\"e0\"")).count('\n') + 1);
    QCOMPARE(e[1].path, u"events[60001].id"_s);
    QCOMPARE(e[1].message, u"duplicate event id \"e6999\": events[6999] has it too"_s);
    QCOMPARE(e[2].path, u"events[69999].id"_s);
    QCOMPARE(e[2].message, u"duplicate event id \"e17\": events[17] has it too"_s);
    QCOMPARE(placeOf(e[2]), place(doc, "\"e17\"", "\"e69998\""));
}

void TestTimelineLoader::cappedErrorsAreTheFirstInTheFile_data()
{
    // Problems found after the read (unknown ids, quotes not in their source) in the first
    // events, and more problems in the later ones than the cap allows: found while reading them,
    // or found after the read too but earlier (quotes are matched source by source).
    QTest::addColumn<QByteArray>("early"); // the event's members after "when"; %1: its number
    QTest::addColumn<QString>("earlyPath");
    QTest::addColumn<QByteArray>("late");
    QTest::addColumn<QString>("latePath");
    const QByteArray badDate = R"("when":"2023-02-30","actors":["a"])";
    const QByteArray laterSource =
        R"("when":"2020","actors":["a"],"evidence":[{"source":"t","quote":"Not in %1."}])";
    QTest::newRow("unknown actors, then bad dates")
        << QByteArray(R"("when":"2020","actors":["nobody-%1"])") << u"actors[0]"_s << badDate << u"when"_s;
    QTest::newRow("quotes not in the source, then bad dates")
        << QByteArray(R"("when":"2020","actors":["a"],"evidence":[{"source":"s","quote":"Not in it %1."}])")
        << u"evidence[0].quote"_s << badDate << u"when"_s;
    QTest::newRow("quotes of a later source, then of the first")
        << laterSource << u"evidence[0].quote"_s
        << QByteArray(R"("when":"2020","actors":["a"],"evidence":[{"source":"s","quote":"Not in %1."}])")
        << u"evidence[0].quote"_s;
}

void TestTimelineLoader::cappedErrorsAreTheFirstInTheFile()
{
    QFETCH(QByteArray, early);
    QFETCH(QString, earlyPath);
    QFETCH(QByteArray, late);
    QFETCH(QString, latePath);
    constexpr int earlyCount = 50, lateCount = 250;
    QByteArray events = "[";
    for (int i = 0; i < earlyCount + lateCount; ++i) {
        const QByteArray n = QByteArray::number(i);
        events += QByteArray(i ? ",{" : "{") + R"("id":"e)" + n + R"(","title":"E",)"
            + QByteArray(i < earlyCount ? early : late).replace("%1", n) + "}";
    }
    events += "]";
    const QByteArray sources = R"([{"id":"s","title":"S","text":"One sentence."},)"
                               R"({"id":"t","title":"T","text":"Another sentence."}])";

    const auto result = load(timeline(events, defaultActors, sources));
    QCOMPARE(result.errors.size(), TimelineLoader::maxErrors);
    QCOMPARE(result.unreportedErrors, earlyCount + lateCount - TimelineLoader::maxErrors);
    for (int i = 0; i < TimelineLoader::maxErrors; ++i) {
        QCOMPARE(result.errors[i].path, u"events[%1].%2"_s.arg(i).arg(i < earlyCount ? earlyPath : latePath));
        QCOMPARE(result.errors[i].eventId, u"e%1"_s.arg(i));
    }
}

void TestTimelineLoader::loadFileFailures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(u"missing.json"_s);
    auto result = TimelineLoader::loadFile(missing);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].toString(), missing + u": cannot open: No such file or directory"_s);
    QCOMPARE(result.errors[0].line, 0);

    result = TimelineLoader::loadFile(dir.path());
    QVERIFY(!result.ok());
    QCOMPARE(TestUtils::errorLines(result),
             QStringList { dir.path() + u": is a folder, not a timeline file"_s });

    const QString empty = dir.filePath(u"empty.json"_s);
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    result = TimelineLoader::loadFile(empty);
    QCOMPARE(TestUtils::errorLines(result),
             QStringList { empty + u":1:1: malformed JSON: the file is empty: expected a JSON value"_s });

    // A valid file on disk loads, and its errors would name it as the user did.
    const QString good = dir.filePath(u"good.json"_s);
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write(timeline("[" + eventJson("e", "2020") + "]"));
    goodFile.close();
    result = TimelineLoader::loadFile(good);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QCOMPARE(result.timeline->events.size(), 1u);

    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write(timeline("[" + eventJson("e", "2020-02-30") + "]"));
    goodFile.close();
    result = TimelineLoader::loadFile(good);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].file, good);
}

void TestTimelineLoader::messagesAreTranslatable_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<QString>("message"); // the first error's, as the marking catalogue gives it
    QTest::newRow("syntax") << timeline("[],]")
                            << u"«malformed JSON: «trailing comma before ']': JSON allows no "
                               u"comma after the last element»»"_s;
    QTest::newRow("found") << QByteArray("{}x")
                           << u"«malformed JSON: «unexpected text after the end of the "
                              u"JSON value: «found 'x'»»»"_s;
    QTest::newRow("type") << timeline("{}")
                          << u"«expected %1, found %2»"_s.arg(u"«an array»"_s, u"«an object»"_s);
    QTest::newRow("missing") << timeline(R"([{"id":"e","title":"E","when":"2020"}])")
                             << u"«missing \"actors\"»"_s;
    QTest::newRow("date") << timeline("[" + eventJson("e", "2020-13") + "]")
                          << u"«%1 is not a date: %2»"_s.arg(u"\"2020-13\""_s, u"«there is no month 13»"_s);
    QTest::newRow("plural") << timeline(
        "[" + eventJson("e", "2020", R"(,"actors":["x","x"])").replace(R"("actors":["a"],)", "") + "]")
                            << u"«unknown actor \"x\" (used 2 times; this is the first)»"_s;
    QTest::newRow("duplicate id") << timeline(
        "[]", R"([{"id":"a","name":"A","kind":"k"},{"id":"a","name":"B","kind":"k"}])")
                                  << u"«duplicate actor id \"a\": actors[0] has it too»"_s;
    QTest::newRow("quote") << timeline(
        "[" + eventJson("e", "2020", R"(,"evidence":[{"source":"s","quote":"Nothing like it"}])") + "]")
                           << u"«the quote is not in source \"s\": %1»"_s.arg(
                                  u"«no passage of the source comes close to it»: \"Nothing like it\""_s);
}

void TestTimelineLoader::messagesAreTranslatable()
{
    QFETCH(QByteArray, doc);
    QFETCH(QString, message);
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    const auto result = load(doc);
    QCoreApplication::removeTranslator(&marking);
    QVERIFY(!result.errors.isEmpty());
    QCOMPARE(result.errors.first().message, message);
}

void TestTimelineLoader::deepNesting()
{
    // Deep nesting in an ignored member is refused at the loader's depth limit, without a crash.
    const QByteArray doc = R"({"format":"sourceline","x":)" + QByteArray(100000, '[');
    const auto result = load(doc);
    QCOMPARE(TestUtils::errorLines(result),
             QStringList { u"bad.json:1:%1: malformed JSON: nesting is deeper than %2 levels"_s
                               .arg(28 + TimelineLoader::maxDepth - 1)
                               .arg(TimelineLoader::maxDepth) });
}

void TestTimelineLoader::everyPrefixOfTheEmbeddedFile()
{
    // A file cut anywhere gives errors, never a crash or a timeline; only the white space at the
    // end may go.
    const QByteArray bytes = embeddedBytes();
    QVERIFY(bytes.size() > 20000);
    const qsizetype content = bytes.trimmed().size();
    QVERIFY(content < bytes.size()); // the file ends in a line break

    // Each prefix is a load of its own, so the work grows with the square of the size: two
    // threads share it (the loader is reentrant), and the results are checked on this one.
    std::vector<char> outcome(bytes.size() + 1); // 'r' rejected with errors, 'l' loaded, else wrong
    const auto loadPrefixes = [&](qsizetype first) {
        for (qsizetype n = first; n <= bytes.size(); n += 2) {
            const auto result = TimelineLoader::loadData(bytes.first(n), u"cut.json"_s);
            outcome[n] =
                result.ok() ? (result.errors.isEmpty() ? 'l' : '?') : (result.errors.isEmpty() ? '?' : 'r');
        }
    };
    std::thread helper(loadPrefixes, 1);
    loadPrefixes(0);
    helper.join();

    for (qsizetype n = 0; n <= bytes.size(); ++n) {
        if (outcome[n] != (n < content ? 'r' : 'l'))
            QFAIL(qPrintable(u"a prefix of %1 bytes gave '%2'"_s.arg(n).arg(QLatin1Char(outcome[n]))));
    }
}

void TestTimelineLoader::mutationsNeverCrash()
{
    // Random damage to the embedded file (fixed seed, so a failure can be replayed): the result
    // is either a timeline or a list of errors, never both, never neither, never a crash.
    const QByteArray bytes = embeddedBytes();
    QVERIFY(!bytes.isEmpty());
    static const char interesting[] = { '"', '{', '}',  '[',  ']', ',',        ':',        '\\',      '0',
                                        '-', 'x', '\0', '\n', '/', char(0x80), char(0xc3), char(0xff) };
    QRandomGenerator random(20250122);
    int loaded = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray damaged = bytes;
        const int edits = 1 + random.bounded(3);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(damaged.size()));
            switch (random.bounded(3)) {
            case 0:
                damaged[at] = interesting[random.bounded(int(sizeof interesting))];
                break;
            case 1:
                damaged.remove(at, 1 + random.bounded(40));
                break;
            default:
                damaged.insert(at, damaged.mid(random.bounded(int(damaged.size())), random.bounded(60)));
                break;
            }
        }
        const auto result = TimelineLoader::loadData(damaged, u"damaged.json"_s);
        if (result.ok() == !result.errors.isEmpty())
            QFAIL(qPrintable(u"mutation %1: ok and errors disagree"_s.arg(i)));
        loaded += result.ok();
    }
    // Some damage (inside a summary, say) leaves a valid file; most does not.
    QVERIFY(loaded > 0);
    QVERIFY(loaded < 3000);
}

void TestTimelineLoader::eventsAreSortedByDateAndEqualDatesKeepFileOrder()
{
    // Few distinct dates in shuffled order: many ties, each of which must keep file order. A
    // long file's events are sorted on two threads after a first pass; half of its dates are
    // days all over a century and a half.
    QRandomGenerator random(7);
    const char *whens[] = { "2020", "2020-01", "2020-01-01", "1960-05-05", "2020-01-01/2021", "2019-12-31" };
    for (const int count : { 600, 100'000 }) {
        QByteArray events;
        for (int i = 0; i < count; ++i) {
            const QByteArray when = count > 1000 && random.bounded(2)
                ? QDate(1900, 1, 1).addDays(random.bounded(55'000)).toString(Qt::ISODate).toLatin1()
                : QByteArray(whens[random.bounded(int(std::size(whens)))]);
            events += (i ? "," : "") + QByteArray(R"({"id":")") + QByteArray::number(i)
                + R"(","title":"T","when":")" + when + R"(","actors":[]})";
        }
        const QByteArray json =
            R"({"format":"sourceline","version":1,"title":"T","sources":[],"actors":[],"events":[)" + events
            + "]}";
        const TimelineLoader::Result result = TimelineLoader::loadData(json, u"shuffled.json"_s);
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const Timeline &t = *result.timeline;
        QCOMPARE(int(t.events.size()), count);
        std::vector<bool> seen(std::size_t(count), false);
        for (std::size_t i = 0; i < t.events.size(); ++i) {
            seen[std::size_t(t.text(t.events[i].id).toInt())] = true;
            if (i == 0)
                continue;
            const Event &a = t.events[i - 1];
            const Event &b = t.events[i];
            QVERIFY2(a.range.first < b.range.first
                         || (a.range.first == b.range.first && a.range.last <= b.range.last),
                     qPrintable(u"%1 events: %2 before %3"_s.arg(count).arg(t.text(a.when), t.text(b.when))));
            if (a.range.first == b.range.first && a.range.last == b.range.last)
                QVERIFY(t.text(a.id).toInt() < t.text(b.id).toInt());
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](bool s) { return s; })); // every event, once
    }
}

void TestTimelineLoader::anActorsKindStaysInTheFile()
{
    // A kind is kept as the actor's other fields are: in UTF-8, a slice of the file's own bytes
    // when written plainly, so that 100,000 actors cost no string of their own for it.
    const QByteArray json = R"({"format":"sourceline","version":1,"title":"T","sources":[],"actors":[
        {"id":"a","name":"A","kind":"person"}, {"id":"b","name":"B","kind":"organization"},
        {"id":"c","name":"C","kind":"pers\u006fn"}, {"kind":"person","id":"d","name":"D"}],"events":[]})";
    const TimelineLoader::Result result = TimelineLoader::loadData(json, u"kinds.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const QList<Actor> &actors = result.timeline->actors;
    QCOMPARE(actors.size(), 4);
    QCOMPARE(actors[0].kind(), u"person"_s);
    QCOMPARE(actors[1].kind(), u"organization"_s);
    QCOMPARE(actors[2].kind(), u"person"_s);
    QCOMPARE(actors[3].kind(), u"person"_s);
    QCOMPARE(actors[3].name(), u"D"_s);
    const QByteArrayView file = result.timeline->fileBytes();
    const char *kind = actors[1].utf8(Actor::Kind).data();
    QVERIFY(kind > file.data() && kind < file.data() + file.size());
    QCOMPARE(QByteArrayView(kind, 12), "organization");
    // Changed on a copy, the kind is the copy's alone.
    Actor changed = actors[0];
    changed.setKind(u"group"_s);
    QCOMPARE(changed.kind(), u"group"_s);
    QCOMPARE(changed.name(), u"A"_s);
    QCOMPARE(changed.id(), u"a"_s);
    QCOMPARE(actors[0].kind(), u"person"_s);
}

SOURCELINE_TEST_MAIN(TestTimelineLoader)
#include "tst_timelineloader.moc"
