#pragma once

#include <QList>
#include <QString>

// One problem found in a timeline file, with everything a person needs to find and fix it.
struct LoadError
{
    QString file; // as the user named it
    qsizetype line = 0; // 1-based; 0 when the problem has no single place (an unreadable file)
    qsizetype column = 0;
    QString path; // e.g. events[3].when
    QString eventId; // the event the problem is in, when there is one
    QString message;

    // "file:line:column: path (event "id"): message", leaving out what is unknown. Values from
    // the file are already escaped, so the line is safe to print to a terminal.
    QString toString() const;
};

using LoadErrors = QList<LoadError>;
