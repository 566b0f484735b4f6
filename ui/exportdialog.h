#pragma once

#include "chartexporter.h"

#include <QDialog>

class QButtonGroup;
class Settings;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Asks where and how to export the chart: file, size, scale, and the current view or the
// whole timeline. Remembers the last answers in the window's settings.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QString &suggestedName, Settings *settings, QWidget *parent = nullptr);

    ChartExporter::Options options() const;
    QString fileName() const;

    void accept() override;

private:
    void browse();
    void updateSummary();

    QLineEdit *m_file;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QButtonGroup *m_range;
    QLabel *m_summary;
    Settings *m_settings;
};
