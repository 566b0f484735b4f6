#pragma once

#include "loaderror.h"
#include "timelineloader.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Collects what a reader of another format (TimelineJS, CSV) found, and turns it into a
// Timeline through the format-version-1 loader, so that an imported timeline is validated,
// sorted and indexed exactly as a native one. The readers report problems with their own file
// positions; what they hand over has been checked, so the loader finds nothing more to report.
class TimelineBuilder
{
public:
    // A date as its parts; 0 means a month or day that is not given. Times of day are not kept.
    struct DateParts
    {
        qint64 year = 0; // as TimelineJS numbers them: -44 is 44 BC
        int month = 0;
        int day = 0;
        bool hasYear = false;
    };

    struct ReferenceData
    {
        QString title;
        QString publisher;
        QString url;
    };

    struct EventData
    {
        QString id; // a wish: made unique, or made up from the title when empty
        QString title;
        QString when; // in the `when` syntax of docs/format.md
        QString dateText;
        QString summary;
        QString kind;
        QStringList actors; // names; each becomes an actor of kind `actorKind`
        QList<ReferenceData> references;
    };

    explicit TimelineBuilder(QString fileName, QString actorKind = QStringLiteral("group"));

    void setTitle(const QString &title) { m_title = title; }
    void setDescription(const QString &description) { m_description = description; }
    void addEvent(const EventData &event);
    void addEra(const QString &title, const QString &when);

    void addError(LoadError error);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    const QString &fileName() const { return m_fileName; }

    // `start`, or the interval from `start` to `end`, in the `when` syntax; nullopt and a
    // sentence saying why when the parts are not a date Sourceline can show.
    static std::optional<QString> when(const DateParts &start, const DateParts *end, QString *error);

    // The timeline, or every error the reader reported.
    TimelineLoader::Result finish(const TimelineLoader::Progress &progress = {});

private:
    QString uniqueId(QSet<QString> &taken, const QString &wish, const QString &fallback) const;

    QString m_fileName;
    QString m_actorKind;
    QString m_title;
    QString m_description;
    QByteArray m_eventsJson; // the events as JSON text, comma-separated
    QJsonArray m_eras;
    QJsonArray m_actors;
    QHash<QString, QString> m_actorIds; // name -> id
    QSet<QString> m_eventIdsTaken;
    QSet<QString> m_actorIdsTaken;
    QSet<QString> m_eraIdsTaken;
    LoadErrors m_errors;
    qsizetype m_unreported = 0;
};
