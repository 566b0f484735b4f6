#pragma once

#include "chartexporter.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class Settings;
class TimelineDocument;

// Asks where and how to export the chart (file and format, size and scale, the current view or
// the whole timeline, all lanes or the lanes in view, title, subtitle and credit line) and writes it. A write
// that fails keeps the dialog open with the reason and every setting as it was. Remembers the last answers in
// the window's settings.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(TimelineDocument *document, const QString &suggestedName, Settings *settings,
                 QWidget *parent = nullptr);

    ChartExporter::Options options() const;
    ChartExporter::Format format() const;
    // The file to write: as typed, with the format's extension added when it has none of it.
    QString fileName() const;
    // Why the last attempt to write failed; empty when none did.
    QString errorText() const;

    // Writes the export; closes the dialog only when that worked.
    void accept() override;

private:
    void browse();
    void formatChosen();
    void fileEdited(const QString &text);
    void updateSummary();
    void saveSettings() const;

    TimelineDocument *m_document;
    Settings *m_settings;
    QLineEdit *m_file;
    QComboBox *m_format;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QButtonGroup *m_range;
    QButtonGroup *m_lanes;
    QCheckBox *m_title;
    QCheckBox *m_subtitleOn;
    QLineEdit *m_subtitle;
    QCheckBox *m_credit;
    QLabel *m_summary;
    QLabel *m_error;
    QString m_replaceConfirmed; // a file the save dialog has already asked to replace
};
