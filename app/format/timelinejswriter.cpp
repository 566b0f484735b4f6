#include "timelinejswriter.h"

#include "htmltext.h"
#include "timeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// A TimelineJS date object holding as many parts as `precision` knows. TimelineJS numbers
// years as people say them, -44 for 44 BC; ours are astronomical, where that is -43.
QJsonObject dateObject(Day day, DateRange::Precision precision)
{
    const DateRange::Civil date = DateRange::civilFromDay(day);
    QJsonObject out { { u"year"_s, qint64(date.year <= 0 ? date.year - 1 : date.year) } };
    if (precision == DateRange::Precision::Month || precision == DateRange::Precision::Day)
        out.insert(u"month"_s, date.month);
    if (precision == DateRange::Precision::Day)
        out.insert(u"day"_s, date.day);
    return out;
}

QJsonObject text(const QString &headline, const QString &html)
{
    QJsonObject out { { u"headline"_s, HtmlText::escape(headline) } };
    if (!html.isEmpty())
        out.insert(u"text"_s, html);
    return out;
}

// A link a reader can follow without running anything: no javascript: or data: URL.
bool isWebLink(const QString &url)
{
    return url.startsWith(u"https://"_s, Qt::CaseInsensitive)
        || url.startsWith(u"http://"_s, Qt::CaseInsensitive);
}

// Whether TimelineJS shows `url` as a slide's media. It embeds images by their extension and
// players by their host; any other page it draws as a broken image, so an article's link goes
// into the text instead (seen with TimelineJS 3.9 in Chromium).
bool isEmbeddableMedia(const QString &url)
{
    static const QRegularExpression embeddable(
        u"^https?://([^/?#]+/[^?#]*\\.(jpe?g|png|gif|svg|webp)([?#].*)?"
        "|(www\\.)?(youtube\\.com/watch|youtu\\.be/|vimeo\\.com/\\d).*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return embeddable.match(url).hasMatch();
}

// The summary, then each evidence quote's whole sentences with the source they come from, then
// the references.
QString slideText(const Timeline &timeline, const Event &event)
{
    QString html;
    if (!event.summary.isEmpty())
        html += u"<p>"_s + HtmlText::escape(timeline.text(event.summary)) + u"</p>"_s;
    for (const Evidence &evidence : timeline.evidenceOf(event)) {
        const Source &source = timeline.sources.at(evidence.source);
        QString sentences;
        for (std::int32_t s = evidence.firstSentence; s <= evidence.lastSentence; ++s) {
            if (!sentences.isEmpty())
                sentences += u' ';
            sentences += source.sentenceText(s);
        }
        html += u"<blockquote>"_s + HtmlText::escape(sentences) + u"</blockquote><p>\u2014 "_s
            + HtmlText::escape(source.title()) + u"</p>"_s;
    }
    // Every reference as a link: a slide shows one media item, and only if it can embed it.
    for (const Reference &reference : timeline.referencesOf(event)) {
        const QString url = timeline.text(reference.url);
        const QString title = HtmlText::escape(timeline.text(reference.title));
        html += u"<p>"_s
            + (isWebLink(url) ? u"<a href=\""_s + HtmlText::escape(url) + u"\">"_s + title + u"</a>"_s
                              : title);
        if (!reference.publisher.isEmpty())
            html += u" \u2014 "_s + HtmlText::escape(timeline.text(reference.publisher));
        if (!reference.date.isEmpty())
            html += u", "_s + HtmlText::escape(timeline.text(reference.date));
        html += u"</p>"_s;
    }
    return html;
}

} // namespace

QByteArray TimelineJsWriter::toJson(const Timeline &timeline)
{
    QJsonArray events;
    for (const Event &event : timeline.events) {
        const DateRange &range = event.range;
        const bool interval = range.precision == DateRange::Precision::Interval;
        QJsonObject slide {
            { u"unique_id"_s, timeline.text(event.id) },
            { u"start_date"_s, dateObject(range.first, interval ? range.startPrecision : range.precision) },
            { u"text"_s, text(timeline.text(event.title), slideText(timeline, event)) },
        };
        // An open or unknown end has no date to give TimelineJS.
        if (interval && range.endForm != DateRange::Form::Open && range.endForm != DateRange::Form::Unknown)
            slide.insert(u"end_date"_s, dateObject(range.last, range.endPrecision));
        // TimelineJS has no vague dates: the source's phrase, or "c. 2019", says so instead.
        QString displayDate = timeline.text(event.dateText);
        if (displayDate.isEmpty() && (range.isApproximate() || range.isUncertain()))
            displayDate = range.toDisplayString();
        if (!displayDate.isEmpty())
            slide.insert(u"display_date"_s, HtmlText::escape(displayDate));
        const auto actors = timeline.actorsOf(event);
        if (!actors.empty())
            slide.insert(u"group"_s, HtmlText::escape(timeline.actors.at(actors.front()).name()));
        for (const Reference &reference : timeline.referencesOf(event)) {
            if (!isEmbeddableMedia(timeline.text(reference.url)))
                continue;
            QJsonObject media { { u"url"_s, timeline.text(reference.url) } };
            if (!reference.title.isEmpty())
                media.insert(u"caption"_s, HtmlText::escape(timeline.text(reference.title)));
            if (!reference.publisher.isEmpty())
                media.insert(u"credit"_s, HtmlText::escape(timeline.text(reference.publisher)));
            slide.insert(u"media"_s, media);
            break;
        }
        events.append(slide);
    }
    QJsonArray eras;
    for (const Era &era : timeline.eras) {
        const DateRange &range = era.range;
        const bool interval = range.precision == DateRange::Precision::Interval;
        eras.append(QJsonObject {
            { u"start_date"_s, dateObject(range.first, interval ? range.startPrecision : range.precision) },
            { u"end_date"_s, dateObject(range.last, interval ? range.endPrecision : range.precision) },
            { u"text"_s, text(era.title, {}) },
        });
    }
    QJsonObject document {
        { u"title"_s,
          QJsonObject { { u"text"_s,
                          text(timeline.title,
                               timeline.description.isEmpty()
                                   ? QString()
                                   : u"<p>"_s + HtmlText::escape(timeline.description) + u"</p>"_s) } } },
        { u"events"_s, events },
    };
    if (!eras.isEmpty())
        document.insert(u"eras"_s, eras);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}
