#include "exportdialog.h"

#include "settings.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

ExportDialog::ExportDialog(const QString &suggestedName, Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_file(new QLineEdit(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_scale(new QComboBox(this))
    , m_range(new QButtonGroup(this))
    , m_summary(new QLabel(this))
    , m_settings(settings)
{
    setWindowTitle(tr("Export Chart"));
    m_file->setText(QDir(settings->exportFolder()).filePath(suggestedName + u".png"_s));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);

    for (QSpinBox *box : { m_width, m_height }) {
        box->setRange(200, 8000);
        box->setSuffix(tr(" px"));
        box->setAccelerated(true);
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    }
    m_width->setValue(settings->exportSize().width());
    m_height->setValue(settings->exportSize().height());
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(u"×"_s, this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch();

    for (int scale = 1; scale <= 3; ++scale)
        m_scale->addItem(u"%1×"_s.arg(scale), scale);
    m_scale->setCurrentIndex(settings->exportScale() - 1);
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSummary);

    auto *currentView = new QRadioButton(tr("&Current view"), this);
    auto *wholeTimeline = new QRadioButton(tr("&Whole timeline"), this);
    m_range->addButton(currentView, 0);
    m_range->addButton(wholeTimeline, 1);
    (settings->exportWholeTimeline() ? wholeTimeline : currentView)->setChecked(true);
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addWidget(currentView);
    rangeRow->addWidget(wholeTimeline);
    rangeRow->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("&Size:"), sizeRow);
    form->addRow(tr("S&cale:"), m_scale);
    form->addRow(tr("Show:"), rangeRow);
    form->addRow(QString(), m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateSummary();
}

void ExportDialog::updateSummary()
{
    const int scale = m_scale->currentData().toInt();
    m_summary->setText(
        tr("The PNG will be %1 × %2 pixels.").arg(m_width->value() * scale).arg(m_height->value() * scale));
}

void ExportDialog::browse()
{
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export Chart"), m_file->text(), tr("PNG images (*.png)"));
    if (!chosen.isEmpty())
        m_file->setText(chosen.endsWith(u".png"_s, Qt::CaseInsensitive) ? chosen : chosen + u".png"_s);
}

ChartExporter::Options ExportDialog::options() const
{
    ChartExporter::Options options;
    options.size = QSize(m_width->value(), m_height->value());
    options.scale = m_scale->currentData().toInt();
    options.wholeTimeline = m_range->checkedId() == 1;
    return options;
}

QString ExportDialog::fileName() const
{
    return m_file->text().trimmed();
}

void ExportDialog::accept()
{
    if (fileName().isEmpty())
        return;
    m_settings->setExportFolder(QFileInfo(fileName()).absolutePath());
    m_settings->setExportSize(QSize(m_width->value(), m_height->value()));
    m_settings->setExportScale(m_scale->currentData().toInt());
    m_settings->setExportWholeTimeline(m_range->checkedId() == 1);
    QDialog::accept();
}
