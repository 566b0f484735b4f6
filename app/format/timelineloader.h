#pragma once

#include "loaderror.h"
#include "timeline.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

// Reads a timeline file (format version 1, see docs/format.md; or, through their own readers,
// TimelineJS JSON and CSV), validates all of it, and
// either hands out the Timeline or every problem it found, each with file, place and meaning.
// It never throws, crashes or hangs on bad input.
class TimelineLoader
{
    Q_DECLARE_TR_FUNCTIONS(TimelineLoader)

public:
    struct Result
    {
        std::shared_ptr<const Timeline> timeline; // null when there were errors
        LoadErrors errors;
        qsizetype unreportedErrors = 0; // errors past maxErrors, counted but not described
        bool cancelled = false; // the progress callback asked to stop
        bool ok() const { return timeline != nullptr; }
        QString errorText() const; // all errors, one a line, ready for a terminal or a dialog
    };

    static constexpr qsizetype maxErrors = 200;
    static constexpr qint64 maxFileSize = qint64(1) << 30; // byte offsets must fit in 31 bits
    static constexpr int maxDepth = 64;
    static constexpr qsizetype maxStringBytes = qsizetype(64) << 20; // a source's text is the longest string
    static constexpr qsizetype maxEvents = 10'000'000;

    // The timeline compiled into the application.
    static QString embeddedPath() { return QStringLiteral(":/timelines/openai-microsoft.json"); }

    // Told how many of the file's bytes have been read; returning false cancels the load.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static Result loadFile(const QString &fileName, const Progress &progress = {});
    // `displayName` is the name errors give for the data. The format is told by the content:
    // Sourceline's own, TimelineJS JSON, or a CSV of events (see FormatDetector). Bytes no one
    // else holds become the timeline's, which may decode long texts over them; bytes a caller
    // still holds are left as they are (a long text then takes a copy).
    static Result loadData(QByteArray data, const QString &displayName, const Progress &progress = {});
    // Reads `data` as format version 1, whatever it looks like.
    static Result loadSourceline(QByteArray data, const QString &displayName, const Progress &progress = {});
};
