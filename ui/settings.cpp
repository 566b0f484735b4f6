#include "settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString splitterKey(Settings::Splitter splitter)
{
    switch (splitter) {
    case Settings::Splitter::Left:
        return u"window/leftSplitter"_s;
    case Settings::Splitter::Side:
        return u"window/sideSplitter"_s;
    case Settings::Splitter::Main:
        break;
    }
    return u"window/mainSplitter"_s;
}

} // namespace

Settings::Settings(Storage storage)
    : m_stored(storage == Storage::Persistent ? std::make_unique<QSettings>() : nullptr)
{ }

Settings::~Settings() = default;

QVariant Settings::value(const QString &key, const QVariant &defaultValue) const
{
    if (m_stored)
        return m_stored->value(key, defaultValue);
    return m_memory.value(key, defaultValue);
}

void Settings::setValue(const QString &key, const QVariant &value)
{
    if (m_stored)
        m_stored->setValue(key, value);
    else
        m_memory.insert(key, value);
}

QByteArray Settings::windowGeometry() const
{
    return value(u"window/geometry"_s, QByteArray()).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    setValue(u"window/geometry"_s, geometry);
}

QByteArray Settings::windowState() const
{
    return value(u"window/state"_s, QByteArray()).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    setValue(u"window/state"_s, state);
}

QByteArray Settings::splitterState(Splitter splitter) const
{
    return value(splitterKey(splitter), QByteArray()).toByteArray();
}

void Settings::setSplitterState(Splitter splitter, const QByteArray &state)
{
    setValue(splitterKey(splitter), state);
}

QString Settings::lastFolder() const
{
    return value(u"lastFolder"_s, QDir::homePath()).toString();
}

void Settings::setLastFolder(const QString &folder)
{
    setValue(u"lastFolder"_s, folder);
}

QStringList Settings::recentFiles() const
{
    return value(u"recentFiles"_s, QStringList()).toStringList();
}

void Settings::setRecentFiles(const QStringList &files)
{
    setValue(u"recentFiles"_s, files);
}

QString Settings::exportFolder() const
{
    const QString folder =
        value(u"export/folder"_s, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .toString();
    return folder.isEmpty() ? QDir::homePath() : folder;
}

void Settings::setExportFolder(const QString &folder)
{
    setValue(u"export/folder"_s, folder);
}

QSize Settings::exportSize() const
{
    return QSize(value(u"export/width"_s, 1600).toInt(), value(u"export/height"_s, 900).toInt());
}

void Settings::setExportSize(QSize size)
{
    setValue(u"export/width"_s, size.width());
    setValue(u"export/height"_s, size.height());
}

int Settings::exportScale() const
{
    return std::clamp(value(u"export/scale"_s, 1).toInt(), 1, 3);
}

void Settings::setExportScale(int scale)
{
    setValue(u"export/scale"_s, scale);
}

bool Settings::exportWholeTimeline() const
{
    return value(u"export/whole"_s, true).toBool();
}

void Settings::setExportWholeTimeline(bool whole)
{
    setValue(u"export/whole"_s, whole);
}

ChartExporter::Format Settings::exportFormat() const
{
    return ChartExporter::formatNamed(value(u"export/format"_s, QString()).toString())
        .value_or(ChartExporter::Format::Png);
}

void Settings::setExportFormat(ChartExporter::Format format)
{
    setValue(u"export/format"_s, ChartExporter::formatName(format));
}

bool Settings::exportTitle() const
{
    return value(u"export/title"_s, true).toBool();
}

void Settings::setExportTitle(bool on)
{
    setValue(u"export/title"_s, on);
}

bool Settings::exportSubtitleOn() const
{
    return value(u"export/subtitleOn"_s, false).toBool();
}

void Settings::setExportSubtitleOn(bool on)
{
    setValue(u"export/subtitleOn"_s, on);
}

QString Settings::exportSubtitle() const
{
    return value(u"export/subtitle"_s, QString()).toString();
}

void Settings::setExportSubtitle(const QString &subtitle)
{
    setValue(u"export/subtitle"_s, subtitle);
}

bool Settings::exportCredit() const
{
    return value(u"export/credit"_s, true).toBool();
}

void Settings::setExportCredit(bool on)
{
    setValue(u"export/credit"_s, on);
}

ChartExporter::Lanes Settings::exportLanes() const
{
    return ChartExporter::lanesNamed(value(u"export/lanes"_s, QString()).toString())
        .value_or(ChartExporter::Lanes::All);
}

void Settings::setExportLanes(ChartExporter::Lanes lanes)
{
    setValue(u"export/lanes"_s, ChartExporter::lanesName(lanes));
}

bool Settings::chartOverview() const
{
    return value(u"chart/overview"_s, false).toBool();
}

void Settings::setChartOverview(bool on)
{
    setValue(u"chart/overview"_s, on);
}
