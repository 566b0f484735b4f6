#include "actorfinder.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

struct Token
{
    qsizetype begin;
    qsizetype end;
    QString text; // without a possessive 's
    bool possessive;
};

// Capitalised words that start clauses or stand for something else, never names themselves.
const QSet<QString> &stopWords()
{
    static const QSet<QString> words {
        u"The"_s,         u"A"_s,         u"An"_s,        u"This"_s,     u"That"_s,      u"These"_s,
        u"Those"_s,       u"He"_s,        u"She"_s,       u"It"_s,       u"They"_s,      u"We"_s,
        u"I"_s,           u"You"_s,       u"His"_s,       u"Her"_s,      u"Its"_s,       u"Their"_s,
        u"Our"_s,         u"My"_s,        u"In"_s,        u"On"_s,       u"At"_s,        u"By"_s,
        u"For"_s,         u"With"_s,      u"From"_s,      u"To"_s,       u"But"_s,       u"And"_s,
        u"Or"_s,          u"As"_s,        u"If"_s,        u"When"_s,     u"While"_s,     u"After"_s,
        u"Before"_s,      u"Since"_s,     u"Meanwhile"_s, u"Moreover"_s, u"However"_s,   u"Also"_s,
        u"Furthermore"_s, u"Although"_s,  u"Despite"_s,   u"During"_s,   u"Under"_s,     u"Over"_s,
        u"Yet"_s,         u"So"_s,        u"Then"_s,      u"There"_s,    u"Here"_s,      u"What"_s,
        u"Which"_s,       u"Who"_s,       u"Why"_s,       u"How"_s,      u"Mr"_s,        u"Mrs"_s,
        u"Ms"_s,          u"Dr"_s,        u"Prof"_s,      u"Mr."_s,      u"Mrs."_s,      u"Ms."_s,
        u"Dr."_s,         u"Prof."_s,     u"Sir"_s,       u"Today"_s,    u"Yesterday"_s, u"Tomorrow"_s,
        u"Now"_s,         u"According"_s, u"Some"_s,      u"Many"_s,     u"All"_s,       u"Both"_s,
        u"Each"_s,        u"Every"_s,     u"Neither"_s,   u"Either"_s,   u"Several"_s,   u"January"_s,
        u"February"_s,    u"March"_s,     u"April"_s,     u"May"_s,      u"June"_s,      u"July"_s,
        u"August"_s,      u"September"_s, u"October"_s,   u"November"_s, u"December"_s,  u"Monday"_s,
        u"Tuesday"_s,     u"Wednesday"_s, u"Thursday"_s,  u"Friday"_s,   u"Saturday"_s,  u"Sunday"_s,
    };
    return words;
}

// Words before a name that make it a person's: titles and honorifics.
const QSet<QString> &titles()
{
    static const QSet<QString> words {
        u"CEO"_s,          u"CFO"_s,        u"CTO"_s,        u"COO"_s,       u"Chief"_s,
        u"President"_s,    u"Chairman"_s,   u"Chairwoman"_s, u"Chair"_s,     u"Director"_s,
        u"Minister"_s,     u"Senator"_s,    u"Sen."_s,       u"Rep."_s,      u"Representative"_s,
        u"Governor"_s,     u"Gov."_s,       u"Secretary"_s,  u"Mayor"_s,     u"Judge"_s,
        u"Justice"_s,      u"General"_s,    u"Gen."_s,       u"Professor"_s, u"Prof."_s,
        u"Dr."_s,          u"Dr"_s,         u"Mr."_s,        u"Mr"_s,        u"Mrs."_s,
        u"Mrs"_s,          u"Ms."_s,        u"Ms"_s,         u"Sir"_s,       u"Dame"_s,
        u"Founder"_s,      u"Co-founder"_s, u"Analyst"_s,    u"Spokesman"_s, u"Spokeswoman"_s,
        u"Spokesperson"_s, u"Chancellor"_s, u"Prime"_s,      u"Vice"_s,      u"Executive"_s,
        u"Commissioner"_s, u"Ambassador"_s, u"Pope"_s,       u"King"_s,      u"Queen"_s,
        u"Prince"_s,       u"Princess"_s,   u"Employee"_s,   u"Reporter"_s,  u"Astronaut"_s,
    };
    return words;
}

// Company forms after a name: the name is an organisation's, and the suffix is left off it.
const QSet<QString> &companySuffixes()
{
    static const QSet<QString> words { u"Inc"_s, u"Inc."_s, u"Corp"_s, u"Corp."_s, u"Ltd"_s, u"Ltd."_s,
                                       u"LLC"_s, u"PLC"_s,  u"plc"_s,  u"AG"_s,    u"SA"_s,  u"S.A."_s,
                                       u"NV"_s,  u"N.V."_s, u"GmbH"_s, u"Co."_s,   u"SE"_s,  u"LP"_s };
    return words;
}

// Words inside a name that make it an organisation's.
const QSet<QString> &organizationWords()
{
    static const QSet<QString> words {
        u"Group"_s,        u"Company"_s,      u"Corporation"_s, u"Bank"_s,         u"Airlines"_s,
        u"Airways"_s,      u"Motors"_s,       u"Systems"_s,     u"Technologies"_s, u"Technology"_s,
        u"University"_s,   u"Agency"_s,       u"Department"_s,  u"Ministry"_s,     u"Association"_s,
        u"Council"_s,      u"Party"_s,        u"Fund"_s,        u"Partners"_s,     u"Holdings"_s,
        u"Labs"_s,         u"Laboratories"_s, u"Institute"_s,   u"Foundation"_s,   u"Commission"_s,
        u"Committee"_s,    u"Force"_s,        u"Army"_s,        u"Navy"_s,         u"Organization"_s,
        u"Organisation"_s, u"Union"_s,        u"Authority"_s,   u"Board"_s,        u"Exchange"_s,
        u"Industries"_s,   u"Capital"_s,      u"Ventures"_s,    u"Media"_s,        u"News"_s,
        u"Times"_s,        u"Post"_s,         u"Journal"_s,     u"Network"_s,      u"Services"_s,
        u"Solutions"_s,    u"Software"_s,     u"Electric"_s,    u"Energy"_s,       u"Pharmaceuticals"_s,
        u"Insurance"_s,    u"Research"_s,     u"Aerospace"_s,   u"Defence"_s,      u"Defense"_s,
        u"Court"_s,        u"Parliament"_s,   u"Congress"_s,    u"Senate"_s,       u"Government"_s,
    };
    return words;
}

// Small words that may join the capitalised words of one name: "Bank of America".
bool isConnector(const QString &word)
{
    static const QSet<QString> words { u"of"_s,  u"&"_s,  u"de"_s,  u"du"_s, u"van"_s, u"von"_s,
                                       u"der"_s, u"la"_s, u"bin"_s, u"al"_s, u"for"_s };
    return words.contains(word);
}

bool isCapitalised(const QString &word)
{
    return !word.isEmpty() && word.front().isUpper();
}

bool isAcronym(const QString &word)
{
    if (word.size() < 2)
        return false;
    for (const QChar c : word) {
        if (!c.isUpper() && !c.isDigit() && c != u'.' && c != u'&')
            return false;
    }
    return true;
}

QList<Token> tokenize(QStringView sentence, qsizetype offset)
{
    static const QRegularExpression word(uR"([\p{L}\p{N}&][\p{L}\p{N}&.'’-]*)"_s);
    QList<Token> tokens;
    QRegularExpressionMatchIterator it = word.globalMatch(sentence);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString text = m.captured();
        bool possessive = false;
        if (text.endsWith(u"'s"_s) || text.endsWith(u"’s"_s)) {
            text.chop(2);
            possessive = true;
        } else if (text.endsWith(u'\'') || text.endsWith(u'’')) {
            text.chop(1);
        }
        // A dot ends the word unless it is an initialism (N.V., U.S.) or a known abbreviation.
        const bool initial = text.size() == 2 && text.front().isUpper() && text.back() == u'.';
        while (!initial && text.endsWith(u'.') && !companySuffixes().contains(text)
               && !titles().contains(text)
               && !(text.size() >= 2 && text.at(text.size() - 2).isUpper() && text.count(u'.') >= 2))
            text.chop(1);
        if (text.isEmpty())
            continue;
        tokens.append(
            { offset + m.capturedStart(), offset + m.capturedStart() + text.size(), text, possessive });
    }
    return tokens;
}

QString slug(const QString &name)
{
    QString id;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 0x80)
            id += c.toLower();
        else if (!id.isEmpty() && !id.endsWith(u'-') && (c.isSpace() || c == u'-' || c == u'&' || c == u'.'))
            id += u'-';
    }
    while (id.endsWith(u'-'))
        id.chop(1);
    return id.isEmpty() ? u"actor"_s : id;
}

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
        for (const QString &name : QStringList { actor.name() } + actor.aliases) {
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

ActorFinder::ActorFinder(QList<Actor> known)
    : m_actors(std::move(known))
    , m_known(m_actors.size())
{ }

QString ActorFinder::uniqueId(const QString &name) const
{
    const QString base = slug(name);
    QString id = base;
    for (int n = 2;; ++n) {
        // Compared as actors keep their ids, in UTF-8: no string made per actor.
        const QByteArray wanted = id.toUtf8();
        const bool taken = std::any_of(m_actors.begin(), m_actors.end(),
                                       [&](const Actor &a) { return a.utf8(Actor::Id) == wanted; });
        if (!taken)
            return id;
        id = base + u'-' + QString::number(n);
    }
}

int ActorFinder::addActor(const QString &name, const QString &kind)
{
    Actor actor;
    actor.setId(uniqueId(name));
    actor.setName(name);
    actor.setKind(kind);
    m_actors.append(actor);
    return int(m_actors.size() - 1);
}

int ActorFinder::actorFor(const QString &name)
{
    for (qsizetype i = 0; i < m_actors.size(); ++i) {
        if (m_actors[i].name() == name || m_actors[i].aliases.contains(name))
            return int(i);
    }
    return -1;
}

void ActorFinder::scan(const QString &text, const QList<Sentence> &sentences)
{
    m_bySentence = QList<QList<int>>(sentences.size());
    const auto note = [&](qsizetype sentence, int actor) {
        if (actor >= 0 && !m_bySentence[sentence].contains(actor))
            m_bySentence[sentence].append(actor);
    };

    QList<QList<Token>> tokens;
    tokens.reserve(sentences.size());
    for (const Sentence &s : sentences)
        tokens.append(tokenize(QStringView(text).sliced(s.start, s.length()), s.start));

    // The first word of a sentence, or of a quotation or parenthesis inside one.
    static const QRegularExpression opening(uR"([“"(:]\s*$)"_s);
    const auto startsClause = [&](const QList<Token> &words, qsizetype k) {
        return k == 0
            || opening.match(QStringView(text).sliced(words[k - 1].end, words[k].begin - words[k - 1].end))
                   .hasMatch();
    };

    // Words written with a capital inside a sentence somewhere: a sentence's first word is a
    // name only if it is one of these. Acronyms defined by lowercase words are terms, not names:
    // "artificial intelligence (AI)".
    QSet<QString> capitalisedInside;
    QHash<QString, QSet<QString>> wordsBefore; // a word capitalised inside → the words before it
    QSet<QString> lowerCaseWords;
    QSet<QString> terms;
    static const QRegularExpression definedTerm(
        uR"(\b[a-z][a-z-]+\s+(?:[a-z-]+\s+){0,3}\(([A-Z][A-Za-z]{1,6})\))"_s);
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        for (const Token &t : std::as_const(tokens[i])) {
            if (t.text.front().isLower())
                lowerCaseWords.insert(t.text);
        }
        for (qsizetype k = 1; k < tokens[i].size(); ++k) {
            if (isCapitalised(tokens[i][k].text) && !startsClause(tokens[i], k)) {
                capitalisedInside.insert(tokens[i][k].text);
                wordsBefore[tokens[i][k].text].insert(tokens[i][k - 1].text);
            }
        }
        QRegularExpressionMatchIterator it =
            definedTerm.globalMatch(QStringView(text).sliced(sentences[i].start, sentences[i].length()));
        while (it.hasNext())
            terms.insert(it.next().captured(1));
    }

    // Known actors first, by name and alias, as whole words.
    QList<QList<std::pair<qsizetype, qsizetype>>> covered(sentences.size());
    for (qsizetype a = 0; a < m_known; ++a) {
        QStringList names = m_actors[a].aliases;
        names.prepend(m_actors[a].name());
        for (const QString &name : names) {
            if (name.isEmpty())
                continue;
            const QRegularExpression whole(u"(?<![\\p{L}\\p{N}])"_s + QRegularExpression::escape(name)
                                           + u"(?![\\p{L}\\p{N}])"_s);
            for (qsizetype i = 0; i < sentences.size(); ++i) {
                QRegularExpressionMatchIterator it =
                    whole.globalMatch(QStringView(text).sliced(sentences[i].start, sentences[i].length()));
                while (it.hasNext()) {
                    const QRegularExpressionMatch m = it.next();
                    covered[i].append(
                        { sentences[i].start + m.capturedStart(), sentences[i].start + m.capturedEnd() });
                    note(i, int(a));
                }
            }
        }
    }
    const auto isCovered = [&](qsizetype sentence, const Token &t) {
        return std::any_of(covered[sentence].begin(), covered[sentence].end(),
                           [&](const auto &r) { return t.begin < r.second && r.first < t.end; });
    };

    // Runs of capitalised words, split at titles and company suffixes.
    QList<Mention> mentions;
    static const QSet<QString> placePrepositions { u"in"_s, u"at"_s, u"near"_s, u"across"_s, u"to"_s };
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const QList<Token> &words = tokens[i];
        bool person = false;
        for (qsizetype k = 0; k < words.size();) {
            const Token &t = words[k];
            if (titles().contains(t.text)) {
                person = true;
                ++k;
                continue;
            }
            if (!isCapitalised(t.text) || stopWords().contains(t.text) || terms.contains(t.text)
                || isCovered(i, t) || t.text.front().isDigit()) {
                person = false;
                ++k;
                continue;
            }
            // Extend the run over capitalised words, joined by single spaces or connectors.
            qsizetype last = k;
            bool organization = false;
            while (!words[last].possessive && last + 1 < words.size()) {
                qsizetype next = last + 1;
                if (isConnector(words[next].text) && next + 1 < words.size()
                    && isCapitalised(words[next + 1].text))
                    ++next;
                const Token &n = words[next];
                const QStringView gap =
                    QStringView(text).sliced(words[next - 1].end, n.begin - words[next - 1].end);
                const bool joined =
                    gap.trimmed().isEmpty() || (gap.trimmed() == u"," && companySuffixes().contains(n.text));
                if (!joined || !isCapitalised(n.text) || stopWords().contains(n.text)
                    || titles().contains(n.text) || isCovered(i, n))
                    break;
                last = next;
            }
            // A clause's first word with a capital only there is not part of the name when it is
            // a common word (written in lower case elsewhere), when a connector follows it and it
            // names no organisation ("Shares of Apple", not "Bank of America"), or when the rest
            // stands after another word elsewhere ("Later Buffett" beside "Warren Buffett",
            // "Recently Apple" beside "rivals of Apple"). Otherwise the run is one name that
            // starts its sentence ("Steve Jobs unveiled"). A surname alone later ("praised Jobs")
            // cannot be told from the last case and drops the first name: on news articles that
            // keeps more names whole than asking for a capital before the rest.
            qsizetype first = k;
            if (last > k && startsClause(words, k) && !capitalisedInside.contains(t.text)) {
                qsizetype rest = k + 1;
                const bool connected = rest < last && isConnector(words[rest].text);
                if (connected)
                    ++rest;
                bool restNamedElsewhere = false;
                for (qsizetype w = rest; w <= last && !restNamedElsewhere; ++w) {
                    if (isConnector(words[w].text) || companySuffixes().contains(words[w].text))
                        continue;
                    const QSet<QString> before = wordsBefore.value(words[w].text);
                    restNamedElsewhere = before.size() > 1 || !before.contains(words[w - 1].text);
                }
                if (restNamedElsewhere || lowerCaseWords.contains(t.text.toLower())
                    || (connected && !organizationWords().contains(t.text)))
                    first = rest;
            }
            // A trailing company suffix marks an organisation and is left off its name.
            qsizetype nameEnd = last;
            while (nameEnd > first && companySuffixes().contains(words[nameEnd].text)) {
                organization = true;
                --nameEnd;
            }
            const Token &head = words[first];
            QString name = text.sliced(head.begin, words[nameEnd].end - head.begin).simplified();
            if (name.endsWith(u','))
                name.chop(1);
            for (qsizetype w = first; w <= nameEnd; ++w)
                organization = organization || organizationWords().contains(words[w].text);
            const bool single = nameEnd == first;
            const QString before = first > 0 ? words[first - 1].text.toLower() : QString();
            const bool skip = companySuffixes().contains(head.text)
                || (single && startsClause(words, first) && !capitalisedInside.contains(head.text));
            const bool afterPlaceWord = single && !person && !organization
                && placePrepositions.contains(before) && !isAcronym(head.text);
            if (!skip)
                mentions.append({ i, name, person, organization, afterPlaceWord });
            person = false;
            k = last + 1;
        }
    }

    // A word seen only after "in" or "at" is a place ("in Davos"); one also seen elsewhere is a
    // name ("invested in OpenAI").
    QSet<QString> namedElsewhere;
    for (const Mention &m : mentions) {
        if (!m.afterPlaceWord)
            namedElsewhere.insert(m.name);
    }
    mentions.removeIf([&](const Mention &m) { return m.afterPlaceWord && !namedElsewhere.contains(m.name); });

    // Full names first, then the single words that refer back to one of them.
    QHash<QString, bool> personName;
    QHash<QString, bool> organizationName;
    for (const Mention &m : mentions) {
        personName[m.name] = personName.value(m.name) || m.person;
        organizationName[m.name] = organizationName.value(m.name) || m.organization;
    }
    QHash<QString, QString> shortForm; // a single word → the full name it stands for
    for (const Mention &m : mentions) {
        const QStringList parts = m.name.split(u' ');
        if (parts.size() < 2)
            continue;
        const QString &lastWord = parts.back();
        const QString &firstWord = parts.front();
        if (personName.contains(lastWord) && !shortForm.contains(lastWord)) {
            shortForm.insert(lastWord, m.name);
            personName[m.name] = personName[m.name] || !organizationName.value(m.name);
        }
        if (personName.contains(firstWord) && !shortForm.contains(firstWord)
            && organizationName.value(m.name))
            shortForm.insert(firstWord, m.name);
    }
    for (const Mention &m : mentions) {
        const QString name = shortForm.value(m.name, m.name);
        int actor = actorFor(name);
        if (actor < 0) {
            const qsizetype words = name.count(u' ') + 1;
            const bool person = personName.value(name) && !organizationName.value(name);
            // Two or three capitalised words with no company word are most often a person's name.
            const bool looksLikePerson = words >= 2 && words <= 3 && !organizationName.value(name)
                && !isAcronym(name.section(u' ', 0, 0));
            actor = addActor(name, person || looksLikePerson ? u"person"_s : u"organization"_s);
        }
        if (name != m.name && !m_actors[actor].aliases.contains(m.name))
            m_actors[actor].aliases.append(m.name);
        note(m.sentence, actor);
    }
}
