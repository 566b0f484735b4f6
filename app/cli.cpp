#include "cli.h"

#include "plaintext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString isoDate(Day day)
{
    return DateRange::isoDay(day);
}

// The summary's words; the English catalogue turns "%n event(s)" into "1 event" and "16 events".
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace

namespace Cli {

QString summary(const Timeline &t, const QString &fileName)
{
    qsizetype sentences = 0;
    for (const Source &source : t.sources)
        sentences += source.sentences.size();
    const QStringList counts {
        Words::tr("%n event(s)", nullptr, int(t.events.size())),
        Words::tr("%n actor(s)", nullptr, int(t.actors.size())),
        Words::tr("%n source(s) (%1)", nullptr, int(t.sources.size()))
            .arg(Words::tr("%n sentence(s)", nullptr, int(sentences))),
        Words::tr("%n era(s)", nullptr, int(t.eras.size())),
    };
    QString line = PlainText::escapeControls(fileName, false) + u": "_s + PlainText::quoted(t.title, 80)
        + u": "_s + counts.join(u", "_s);
    if (const auto extent = t.extent())
        line += u", "_s + Words::tr("%1 to %2").arg(isoDate(extent->first), isoDate(extent->last));
    return line;
}

QByteArray dump(const Timeline &t)
{
    QJsonArray events;
    for (const Event &event : t.events) {
        QJsonArray actors;
        for (const std::int32_t actor : t.actorsOf(event))
            actors.append(t.actors.at(actor).id());
        QJsonArray evidence;
        for (const Evidence &item : t.evidenceOf(event)) {
            const Source &source = t.sources.at(item.source);
            for (qsizetype s = item.firstSentence; s <= item.lastSentence; ++s) {
                evidence.append(QJsonObject {
                    { u"source"_s, source.id },
                    { u"sentence"_s, s },
                    { u"text"_s, source.sentenceText(s).toString() },
                    { u"quote"_s, t.text(item.quote) },
                });
            }
        }
        QJsonArray references;
        for (const Reference &ref : t.referencesOf(event)) {
            QJsonObject object { { u"title"_s, t.text(ref.title) } };
            if (!ref.publisher.isEmpty())
                object.insert(u"publisher"_s, t.text(ref.publisher));
            if (!ref.url.isEmpty())
                object.insert(u"url"_s, t.text(ref.url));
            if (!ref.date.isEmpty())
                object.insert(u"date"_s, t.text(ref.date));
            references.append(object);
        }
        events.append(QJsonObject {
            { u"id"_s, t.text(event.id) },
            { u"title"_s, t.text(event.title) },
            { u"when"_s, t.text(event.when) },
            { u"start"_s, isoDate(event.range.first) },
            { u"end"_s, isoDate(event.range.last) },
            { u"precision"_s, DateRange::precisionName(event.range.precision) },
            { u"approximate"_s, event.range.isApproximate() },
            { u"uncertain"_s, event.range.isUncertain() },
            { u"dateText"_s, t.text(event.dateText) },
            { u"kind"_s, t.kindOf(event) },
            { u"summary"_s, t.text(event.summary) },
            { u"actors"_s, actors },
            { u"evidence"_s, evidence },
            { u"references"_s, references },
            { u"draft"_s, event.draft },
        });
    }

    QList<int> counts(t.actors.size(), 0);
    for (const Event &event : t.events) {
        for (const std::int32_t actor : t.actorsOf(event))
            ++counts[actor];
    }
    QJsonArray actors;
    for (qsizetype i = 0; i < t.actors.size(); ++i) {
        const Actor &actor = t.actors.at(i);
        actors.append(QJsonObject {
            { u"id"_s, actor.id() },
            { u"name"_s, actor.name() },
            { u"kind"_s, actor.kind() },
            { u"events"_s, counts.at(i) },
        });
    }

    QJsonArray sources;
    for (const Source &source : t.sources) {
        QJsonObject object {
            { u"id"_s, source.id },
            { u"title"_s, source.title() },
            { u"sentences"_s, source.sentences.size() },
        };
        if (!source.isEmpty(Source::Publisher)) {
            object.insert(u"publisher"_s, source.publisher());
            object.insert(u"publisherConfirmed"_s, source.publisherConfirmed);
        }
        sources.append(object);
    }

    QJsonArray eras;
    for (const Era &era : t.eras) {
        eras.append(QJsonObject {
            { u"id"_s, era.id },
            { u"title"_s, era.title },
            { u"start"_s, isoDate(era.range.first) },
            { u"end"_s, isoDate(era.range.last) },
        });
    }

    QJsonArray kinds;
    for (const KindStyle &kind : t.kindStyles) {
        QJsonObject object { { u"id"_s, kind.id } };
        if (!kind.label.isEmpty())
            object.insert(u"label"_s, kind.label);
        if (kind.color.isValid())
            object.insert(u"color"_s, kind.color.name(QColor::HexRgb));
        kinds.append(object);
    }

    const QJsonObject root {
        { u"title"_s, t.title },   { u"events"_s, events }, { u"actors"_s, actors },
        { u"sources"_s, sources }, { u"eras"_s, eras },     { u"kinds"_s, kinds },
    };
    return escapeForTerminal(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QByteArray escapeForTerminal(const QByteArray &json)
{
    // QJsonDocument escapes C0 controls but writes C1 controls (U+0080–U+009F, which some
    // terminals obey, e.g. U+009B as CSI) and bidirectional overrides as they are. Inside a JSON
    // string, \u escapes mean the same text and cannot move a cursor or reorder a line.
    QByteArray out;
    out.reserve(json.size());
    const auto escape = [&](char32_t c) {
        out += "\\u" + QByteArray::number(uint(c), 16).rightJustified(4, '0');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(json[i]);
        const auto b1 = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
        const auto b2 = i + 2 < json.size() ? static_cast<unsigned char>(json[i + 2]) : 0;
        if (b0 == 0xc2 && b1 >= 0x80 && b1 <= 0x9f) { // U+0080–U+009F
            escape(b1);
            i += 1;
        } else if (b0 == 0xe2
                   && ((b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae)
                       || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9))) {
            escape(0x2000 + ((b1 & 0x3f) << 6) + (b2 & 0x3f)); // U+202A–U+202E, U+2066–U+2069
            i += 2;
        } else {
            out += char(b0);
        }
    }
    return out;
}

} // namespace Cli
