#include "saveformat.h"

#include "csvwriter.h"
#include "timelinejswriter.h"
#include "timelinewriter.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

std::optional<SaveFormat::Format> SaveFormat::fromName(QStringView name)
{
    if (name == u"sourceline")
        return Format::Sourceline;
    if (name == u"timelinejs")
        return Format::TimelineJs;
    if (name == u"csv")
        return Format::Csv;
    return std::nullopt;
}

QStringList SaveFormat::names()
{
    return { u"timelinejs"_s, u"csv"_s, u"sourceline"_s };
}

SaveFormat::Format SaveFormat::fromFileName(const QString &path)
{
    return path.endsWith(u".csv"_s, Qt::CaseInsensitive) ? Format::Csv : Format::Sourceline;
}

QByteArray SaveFormat::bytes(const Timeline &timeline, Format format)
{
    switch (format) {
    case Format::TimelineJs:
        return TimelineJsWriter::toJson(timeline);
    case Format::Csv:
        return CsvWriter::toCsv(timeline);
    case Format::Sourceline:
        break;
    }
    return TimelineWriter::toJson(timeline);
}

bool SaveFormat::save(const Timeline &timeline, Format format, const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = path + u": "_s + why;
        return false;
    };
    if (format == Format::Sourceline)
        return TimelineWriter::save(timeline, path, error);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const QByteArray data = bytes(timeline, format);
    if (file.write(data) != data.size())
        return fail(file.errorString());
    if (!file.commit())
        return fail(file.errorString());
    return true;
}
