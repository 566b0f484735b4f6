#include "timelinegenerator.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

// splitmix64: tiny, fast and the same on every platform, unlike the standard distributions.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e37'79b9'7f4a'7c15u);
        z = (z ^ (z >> 30)) * 0xbf58'476d'1ce4'e5b9u;
        z = (z ^ (z >> 27)) * 0x94d0'49bb'1331'11ebu;
        return z ^ (z >> 31);
    }
    // In [0, n); the modulo's bias is far below anything a benchmark notices.
    int below(int n) { return int(next() % std::uint64_t(n)); }
    template<typename T, std::size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[std::size_t(below(int(N)))];
    }

private:
    std::uint64_t m_state;
};

// Days since 1970-01-01 to and from the civil calendar (Howard Hinnant's algorithms).
int daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil
{
    int year, month, day;
};

Civil civilFromDays(int z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return { yoe + era * 400 + (m <= 2), m, d };
}

constexpr std::array s_nameFirst = {
    "Northwind"sv, "Helix"sv,    "Bluepeak"sv, "Arcadia"sv, "Corvid"sv,  "Lumen"sv,   "Quartz"sv,
    "Sable"sv,     "Tessel"sv,   "Vantage"sv,  "Ember"sv,   "Juniper"sv, "Kestrel"sv, "Meridian"sv,
    "Orion"sv,     "Pinnacle"sv, "Redwood"sv,  "Solace"sv,  "Tidal"sv,   "Zephyr"sv,
};
constexpr std::array s_nameSecond = {
    "Labs"sv,  "Capital"sv,  "Systems"sv,    "Media"sv,  "Group"sv,
    "Press"sv, "Robotics"sv, "Foundation"sv, "Health"sv, "Energy"sv,
};
static_assert(s_nameFirst.size() * s_nameSecond.size() == TimelineGenerator::actorCount);

// The event kinds, and what their events' titles say: about a thing, or about another actor.
struct Kind
{
    std::string_view name;
    std::array<std::string_view, 3> verbs;
    bool aboutThings;
};
constexpr std::array<Kind, 8> s_kinds = { {
    { "investment"sv, { "invests in"sv, "raises a round from"sv, "backs"sv }, false },
    { "partnership"sv, { "partners with"sv, "signs a deal with"sv, "teams up with"sv }, false },
    { "product"sv, { "launches a new"sv, "ships the next"sv, "unveils its"sv }, true },
    { "people"sv, { "hires a chief from"sv, "loses its founder to"sv, "names a director from"sv }, false },
    { "statement"sv, { "comments on"sv, "responds to"sv, "issues a statement on"sv }, true },
    { "report"sv, { "reports on"sv, "publishes findings on"sv, "audits"sv }, true },
    { "dispute"sv, { "sues"sv, "clashes with"sv, "files a complaint against"sv }, false },
    { "organization"sv,
      { "restructures around"sv, "opens an office with"sv, "merges a unit into"sv },
      false },
} };
constexpr std::array s_things = {
    "platform"sv,    "cloud service"sv, "model"sv,        "chip line"sv,    "research lab"sv,
    "data centre"sv, "app"sv,           "licence deal"sv, "supply chain"sv, "safety policy"sv,
};
constexpr std::array s_cities = {
    "Springfield"sv, "Riverton"sv, "Lakeside"sv,   "Fairview"sv,  "Oakdale"sv, "Greenville"sv,
    "Bristol"sv,     "Madison"sv,  "Georgetown"sv, "Salem"sv,     "Clinton"sv, "Franklin"sv,
    "Ashford"sv,     "Milton"sv,   "Kingsport"sv,  "Westbrook"sv,
};
// What sentence N of the source says after "Event N". Every sentence starts "Event N ", so no
// sentence occurs inside another one, and a quote finds its own sentence.
constexpr std::array s_happenings = {
    " happened in "sv,
    " was reported from "sv,
    " drew attention in "sv,
    " followed weeks of talks in "sv,
};
// The long source's sentences say more, and not only in ASCII: curly quotes, dashes and accents
// are decoded from UTF-8 as the loader reads the text, and quotes must match them exactly.
constexpr std::array s_longHappenings = {
    " was described as “unprecedented” by the café owners of "sv,
    " — so the mayor’s office said — drew crowds in "sv,
    " happened, after months of talks, in "sv,
    " was reported by the naïve new correspondent from "sv,
    " led to a long and, for some, painful reckoning in "sv,
};
// The foreign shape's sentences: Russian ones end in '.', Chinese ones in '。'.
constexpr std::array s_russianHappenings = {
    " произошло в городе "sv,
    " — как сообщила «Вечерняя газета» — взволновало жителей города "sv,
    " обсуждали весь месяц в 📰 новостях города "sv,
    " стало известно после долгих переговоров в "sv,
};
constexpr std::array s_russianCities = {
    "Москва"sv, "Казань"sv, "Тверь"sv, "Самара"sv, "Пермь"sv, "Омск"sv, "Томск"sv, "Сочи"sv,
};
constexpr std::array s_chineseHappenings = {
    "发生在"sv,
    "经过数月的谈判之后出现在"sv,
    "引起了广泛关注，地点是"sv,
    "被记者报道于"sv,
};
constexpr std::array s_chineseCities = {
    "北京"sv, "上海"sv, "广州"sv, "深圳"sv, "成都"sv, "杭州"sv, "武汉"sv, "西安"sv,
};
constexpr std::array s_longEndings = {
    "."sv,
    ", where the Straße was closed."sv,
    " before the end of the year."sv,
    ", and nobody was surprised."sv,
};

// Appends JSON text. Every string written here is plain ASCII without quotes or backslashes,
// so nothing needs escaping.
class Writer
{
public:
    explicit Writer(qsizetype reserve) { m_out.reserve(reserve); }
    void put(std::string_view s) { m_out.append(s.data(), qsizetype(s.size())); }
    void put(char c) { m_out.append(c); }
    void number(std::uint64_t n)
    {
        char digits[20];
        int i = 20;
        do {
            digits[--i] = char('0' + n % 10);
            n /= 10;
        } while (n);
        m_out.append(digits + i, 20 - i);
    }
    void padded(int n, int width)
    {
        char digits[4];
        for (int i = width - 1; i >= 0; --i, n /= 10)
            digits[i] = char('0' + n % 10);
        m_out.append(digits, width);
    }
    void date(Civil c, int parts) // 1: YYYY, 2: YYYY-MM, 3: YYYY-MM-DD
    {
        padded(c.year, 4);
        if (parts >= 2) {
            put('-');
            padded(c.month, 2);
        }
        if (parts >= 3) {
            put('-');
            padded(c.day, 2);
        }
    }
    void color(std::uint64_t rgb)
    {
        static constexpr char hex[] = "0123456789abcdef";
        put('#');
        for (int shift = 20; shift >= 0; shift -= 4)
            put(hex[(rgb >> shift) & 0xf]);
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

std::string title(Random &random, const Kind &kind, std::string_view subject, std::string_view other)
{
    std::string t(subject);
    t += ' ';
    t += kind.verbs[std::size_t(random.below(int(kind.verbs.size())))];
    t += ' ';
    t += kind.aboutThings || other.empty() ? random.pick(s_things) : other;
    // Long enough to be a real title, short enough to label a chart: 30 to 50 characters.
    for (std::string_view joint = " in "sv; t.size() < 30; joint = " and "sv) {
        t += joint;
        t += random.pick(s_cities);
    }
    if (t.size() > 50)
        t.resize(t.rfind(' ', 50));
    return t;
}

} // namespace

const char *TimelineGenerator::shapeName(Shape shape)
{
    switch (shape) {
    case Shape::OwnSentences:
        return "own-sentences";
    case Shape::ShortQuotes:
        return "short-quotes";
    case Shape::ManyActors:
        return "many-actors";
    case Shape::LongSources:
        return "long-sources";
    case Shape::ForeignSources:
        return "foreign-sources";
    case Shape::ManySources:
        return "many-sources";
    case Shape::OneSource:
        break;
    }
    return "one-source";
}

QByteArray TimelineGenerator::generate(std::int64_t eventCount, Shape shape, std::uint64_t seed)
{
    Random random(seed);
    const bool longSources = shape == Shape::LongSources;
    const bool foreign = shape == Shape::ForeignSources;
    const bool manySources = shape == Shape::ManySources;
    const int sourceCount = shape == Shape::ShortQuotes ? 100
        : longSources || foreign                        ? 2
        : manySources ? int(std::max<std::int64_t>(1, eventCount / eventsPerSmallSource))
                      : 1;
    // The long shape's second source is a short article.
    const auto sentencesIn = [&](int source) {
        if (longSources)
            return source == 0 ? longSourceSentences : 60;
        if (foreign)
            return foreignSourceSentences;
        if (manySources)
            return smallSourceSentences;
        return shape == Shape::OwnSentences ? int(std::max<std::int64_t>(1, eventCount / 10)) : sentenceCount;
    };
    const int actorsInAll = shape == Shape::ManyActors ? manyActorCount : actorCount;
    Writer out(qsizetype(eventCount)
                   * (shape == Shape::ShortQuotes || longSources || foreign || manySources ? 220 : 150)
               + qsizetype(sourceCount) * (sentencesIn(0) * (longSources || foreign ? 110 : 48) + 200)
               + 64 * 1024);

    out.put("{\"format\":\"sourceline\",\"version\":1,\"title\":\"Synthetic timeline of ");
    out.number(std::uint64_t(eventCount));
    out.put(" events\",\n\"description\":\"Made by sourceline_bench, generator ");
    out.number(version);
    out.put(", shape ");
    out.put(shapeName(shape));
    out.put(", seed ");
    out.number(seed);
    out.put(".\",\n");

    // The quotes are whole sentences of the sources, or their first words.
    std::vector<std::string> sentences;
    std::vector<std::size_t> firstSentence; // of each source, in `sentences`
    out.put("\"sources\":[");
    for (int s = 0; s < sourceCount; ++s) {
        const int sentencesPerSource = sentencesIn(s);
        firstSentence.push_back(sentences.size());
        out.put(s ? ",\n{\"id\":\"s"sv : "{\"id\":\"s"sv);
        out.number(std::uint64_t(s));
        if (manySources) {
            // A news item's: its own title, one of a few publishers, a day, an address.
            out.put("\",\"title\":\"");
            out.put(random.pick(s_nameFirst));
            out.put(" and ");
            out.put(random.pick(s_nameFirst));
            out.put(" in ");
            out.put(random.pick(s_cities));
            out.put("\",\"publisher\":\"");
            out.put(random.pick(s_nameSecond));
            out.put(" News\",\"published\":\"");
            out.date(civilFromDays(daysFromCivil(1990, 1, 1) + random.below(13'000)), 3);
            out.put("\",\"url\":\"https://news.example.org/");
            out.number(std::uint64_t(s));
            out.put("\",\"text\":\"");
        } else {
            out.put("\",\"title\":\"A long generated report\",\"publisher\":\"Sourceline "
                    "benchmarks\",\"publisherConfirmed\":false,\"published\":\"2025-12\",\"text\":\"");
        }
        for (int i = 0; i < sentencesPerSource; ++i) {
            std::string sentence =
                "Event "s + std::to_string(manySources ? sentences.size() : std::size_t(i));
            if (foreign && s == 0) {
                sentence = "Событие "s + std::to_string(i);
                sentence += random.pick(s_russianHappenings);
                sentence += random.pick(s_russianCities);
                sentence += '.';
            } else if (foreign) {
                sentence = "事件"s + std::to_string(i);
                sentence += random.pick(s_chineseHappenings);
                sentence += random.pick(s_chineseCities);
                sentence += "。"sv;
            } else if (longSources) {
                sentence += random.pick(s_longHappenings);
                sentence += random.pick(s_cities);
                sentence += random.pick(s_longEndings);
            } else {
                sentence += random.pick(s_happenings);
                sentence += random.pick(s_cities);
                sentence += '.';
            }
            if (i > 0 && (i % 12 == 0 || !foreign || s == 0))
                out.put(i % 12 == 0 ? "\\n"sv : " "sv); // a paragraph now and then; Chinese has no spaces
            out.put(sentence);
            sentences.push_back(std::move(sentence));
        }
        out.put("\"}");
    }
    out.put("],\n");

    out.put("\"actors\":[\n");
    static constexpr std::array actorKinds = { "organization"sv, "organization"sv, "organization"sv,
                                               "medium"sv,       "group"sv,        "medium"sv,
                                               "organization"sv, "group"sv,        "organization"sv,
                                               "organization"sv };
    for (int a = 0; a < actorsInAll; ++a) {
        if (a > 0)
            out.put(",\n");
        const std::size_t second = std::size_t(a) / s_nameFirst.size() % s_nameSecond.size();
        out.put("{\"id\":\"a");
        out.number(std::uint64_t(a));
        out.put("\",\"name\":\"");
        out.put(s_nameFirst[std::size_t(a) % s_nameFirst.size()]);
        out.put(' ');
        out.put(s_nameSecond[second]);
        if (a >= actorCount) { // names beyond the first 200 are numbered
            out.put(' ');
            out.number(std::uint64_t(a / actorCount));
        }
        out.put("\",\"kind\":\"");
        out.put(actorKinds[second]);
        out.put("\",\"color\":\"");
        out.color(random.next() & 0xff'ffff);
        out.put("\"}");
    }
    out.put("],\n");

    const int firstDay = daysFromCivil(1990, 1, 1);
    const int lastDay = daysFromCivil(2025, 12, 31);
    const int days = lastDay - firstDay + 1;
    out.put("\"events\":[\n");
    for (std::int64_t i = 0; i < eventCount; ++i) {
        if (i > 0)
            out.put(",\n");
        int actors[6];
        const int actorsHere = shape == Shape::ManyActors ? 2 + random.below(5) : 1 + random.below(3);
        for (int k = 0; k < actorsHere; ++k) {
            bool repeated;
            do {
                actors[k] = random.below(actorsInAll);
                repeated = false;
                for (int j = 0; j < k; ++j)
                    repeated = repeated || actors[j] == actors[k];
            } while (repeated);
        }
        const Kind &kind = random.pick(s_kinds);
        const std::string_view other =
            actorsHere > 1 ? s_nameFirst[std::size_t(actors[1]) % s_nameFirst.size()] : std::string_view();

        out.put("{\"id\":\"e");
        out.number(std::uint64_t(i));
        out.put("\",\"title\":\"");
        out.put(title(random, kind, s_nameFirst[std::size_t(actors[0]) % s_nameFirst.size()], other));
        out.put("\",\"when\":\"");
        const int day = firstDay + random.below(days);
        const int precision = random.below(100);
        if (precision < 60) {
            out.date(civilFromDays(day), 3);
        } else if (precision < 75) {
            out.date(civilFromDays(day), 2);
        } else if (precision < 85) {
            out.date(civilFromDays(day), 1);
        } else {
            // An approximate stretch of a month to two years, from a month to a day.
            const int end = std::min(lastDay, day + 30 + random.below(700));
            out.date(civilFromDays(day), 2);
            out.put("~/");
            out.date(civilFromDays(end), 3);
            out.put('~');
        }
        out.put("\",\"kind\":\"");
        out.put(kind.name);
        out.put("\",\"actors\":[");
        for (int k = 0; k < actorsHere; ++k) {
            out.put(k ? ",\"a"sv : "\"a"sv);
            out.number(std::uint64_t(actors[k]));
            out.put('"');
        }
        out.put(']');
        if (shape == Shape::ManyActors) {
            // no evidence
        } else if (foreign) {
            // A Russian passage from its sentence's first, second or third word to its end; a
            // Chinese sentence whole.
            const int source = random.below(2);
            const std::string &sentence = sentences[firstSentence[std::size_t(source)]
                                                    + std::size_t(random.below(foreignSourceSentences))];
            std::size_t begin = 0;
            for (int word = source == 0 ? random.below(3) : 0; word > 0; --word)
                begin = sentence.find(' ', begin) + 1;
            out.put(",\"evidence\":[{\"source\":\"s");
            out.number(std::uint64_t(source));
            out.put("\",\"quote\":\"");
            out.put(std::string_view(sentence).substr(begin));
            out.put("\"}]");
        } else if (longSources) {
            // From the first, second or third word of a sentence to its end, and at times on
            // into the first words of the next: a passage that starts past "Event N" is found
            // first wherever its words occur first, as a common phrase is.
            const int source = random.below(10) == 0 ? 1 : 0;
            const int count = sentencesIn(source);
            const int at = random.below(count);
            const std::string &sentence = sentences[firstSentence[std::size_t(source)] + std::size_t(at)];
            std::size_t begin = 0;
            for (int word = random.below(3); word > 0; --word)
                begin = sentence.find(' ', begin) + 1;
            std::string passage = sentence.substr(begin);
            // Sentences are joined by a space, but by a line break ("\\n") before every twelfth.
            if (at + 1 < count && (at + 1) % 12 != 0 && random.below(4) == 0) {
                const std::string &next = sentences[firstSentence[std::size_t(source)] + std::size_t(at) + 1];
                std::size_t end = 0;
                for (int word = 0; word < 3; ++word)
                    end = next.find(' ', end + 1);
                passage += ' ';
                passage += next.substr(0, end);
            }
            out.put(",\"evidence\":[{\"source\":\"s");
            out.number(std::uint64_t(source));
            out.put("\",\"quote\":\"");
            out.put(passage);
            out.put("\"}]");
        } else if (manySources || shape == Shape::ShortQuotes) {
            // A sentence's first three words, "Event N verb", found only in its own sentence; or,
            // for one event in two in many-sources, the whole sentence.
            const int source = random.below(sourceCount);
            const std::string &sentence = sentences[firstSentence[std::size_t(source)]
                                                    + std::size_t(random.below(sentencesIn(source)))];
            std::size_t end = std::string::npos;
            if (!manySources || random.below(2) == 0) {
                end = 0;
                for (int word = 0; word < 3; ++word)
                    end = sentence.find(' ', end + 1);
            }
            out.put(",\"evidence\":[{\"source\":\"s");
            out.number(std::uint64_t(source));
            out.put("\",\"quote\":\"");
            out.put(std::string_view(sentence).substr(0, end));
            out.put("\"}]");
        } else if (random.below(10) == 0) {
            const std::size_t sentence = shape == Shape::OwnSentences
                ? std::size_t(i / 10) % sentences.size()
                : std::size_t(random.below(sentenceCount));
            out.put(",\"evidence\":[{\"source\":\"s0\",\"quote\":\"");
            out.put(sentences[sentence]);
            out.put("\"}]");
        }
        out.put('}');
    }
    out.put("\n],\n");

    out.put("\"eras\":[\n"
            "{\"id\":\"nineties\",\"title\":\"The nineties\",\"when\":\"1990/1999\"},\n"
            "{\"id\":\"platforms\",\"title\":\"The platform years\",\"when\":\"2000-01/2012-06~\"},\n"
            "{\"id\":\"models\",\"title\":\"The model years\",\"when\":\"2012-07/2025\"}\n"
            "]}\n");
    return out.take();
}
