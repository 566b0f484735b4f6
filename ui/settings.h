#pragma once

#include "chartexporter.h"

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVariantHash>

#include <memory>

class QSettings;

// What the window remembers between sessions, one named getter with its default for each value.
// A Persistent object reads and writes the user's stored settings; a Transient one starts from
// the defaults and keeps what it is given in memory only, so that a window made for pictures
// and tests neither depends on nor changes what the user saved.
class Settings
{
public:
    enum class Storage { Persistent, Transient };
    enum class Splitter { Main, Left, Side };

    explicit Settings(Storage storage);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    Storage storage() const { return m_stored ? Storage::Persistent : Storage::Transient; }

    QByteArray windowGeometry() const; // empty: the window picks its first-run size
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState(Splitter splitter) const;
    void setSplitterState(Splitter splitter, const QByteArray &state);

    QString lastFolder() const; // where File ▸ Open starts; the home folder at first
    void setLastFolder(const QString &folder);
    QStringList recentFiles() const; // File ▸ Open Recent, the latest first; empty at first
    void setRecentFiles(const QStringList &files);

    QString exportFolder() const; // the pictures folder at first
    void setExportFolder(const QString &folder);
    QSize exportSize() const; // 1600 × 900 at first
    void setExportSize(QSize size);
    int exportScale() const; // 1, 2 or 3; 1 at first
    void setExportScale(int scale);
    bool exportWholeTimeline() const; // true at first; false: the current view
    void setExportWholeTimeline(bool whole);
    ChartExporter::Format exportFormat() const; // PNG at first
    void setExportFormat(ChartExporter::Format format);
    bool exportTitle() const; // true at first
    void setExportTitle(bool on);
    bool exportSubtitleOn() const; // false at first
    void setExportSubtitleOn(bool on);
    QString exportSubtitle() const; // kept while switched off, for the next time
    void setExportSubtitle(const QString &subtitle);
    bool exportCredit() const; // true at first
    void setExportCredit(bool on);
    ChartExporter::Lanes exportLanes() const; // all lanes at first
    void setExportLanes(ChartExporter::Lanes lanes);

    bool chartOverview() const; // View ▸ Overview of All Lanes; off at first
    void setChartOverview(bool on);

private:
    QVariant value(const QString &key, const QVariant &defaultValue) const;
    void setValue(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_stored; // null when transient
    QVariantHash m_memory;
};
