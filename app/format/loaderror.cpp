#include "loaderror.h"

#include "plaintext.h"

using namespace Qt::StringLiterals;

QString LoadError::toString() const
{
    QString out = PlainText::escapeControls(file, false);
    if (line > 0)
        out += u':' + QString::number(line) + u':' + QString::number(column);
    out += u": "_s;
    if (!path.isEmpty()) {
        out += path;
        if (!eventId.isEmpty())
            out += u" (event "_s + PlainText::quoted(eventId) + u')';
        out += u": "_s;
    }
    return out + message;
}
