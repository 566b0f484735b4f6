#include "exportdialog.h"

#include "plainlabel.h"
#include "settings.h"
#include "timeline.h"
#include "timelinedocument.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace {

QString withExtension(const QString &path, ChartExporter::Format format)
{
    const QString extension = ChartExporter::formatName(format);
    if (const auto named = ChartExporter::formatOfFile(path)) {
        if (*named == format)
            return path;
        // Another of our formats' extension: replace it, as the format was chosen after it.
        return path.first(path.size() - ChartExporter::formatName(*named).size()) + extension;
    }
    return path + u'.' + extension;
}

} // namespace

ExportDialog::ExportDialog(TimelineDocument *document, const QString &suggestedName, Settings *settings,
                           QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_settings(settings)
    , m_file(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_scale(new QComboBox(this))
    , m_range(new QButtonGroup(this))
    , m_lanes(new QButtonGroup(this))
    , m_title(new QCheckBox(tr("&Title"), this))
    , m_subtitleOn(new QCheckBox(tr("S&ubtitle:"), this))
    , m_subtitle(new QLineEdit(this))
    , m_credit(new QCheckBox(tr("C&redit line"), this))
    , m_summary(new QLabel(this))
    , m_error(makePlainLabel(this))
{
    setWindowTitle(tr("Export Chart"));

    m_format->addItem(tr("PNG image"), int(ChartExporter::Format::Png));
    m_format->addItem(tr("SVG drawing (text stays text)"), int(ChartExporter::Format::Svg));
    m_format->addItem(tr("PDF document (one page)"), int(ChartExporter::Format::Pdf));
    m_format->setCurrentIndex(m_format->findData(int(settings->exportFormat())));
    m_file->setText(withExtension(QDir(settings->exportFolder()).filePath(suggestedName), format()));
    m_file->setAccessibleName(tr("File"));
    connect(m_file, &QLineEdit::textEdited, this, &ExportDialog::fileEdited);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChosen);
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
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
    m_width->setAccessibleName(tr("Width"));
    m_height->setAccessibleName(tr("Height"));
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

    auto *allLanes = new QRadioButton(tr("&All lanes"), this);
    auto *lanesInView = new QRadioButton(tr("Lanes &in view, with labels"), this);
    allLanes->setObjectName(u"allLanes"_s);
    lanesInView->setObjectName(u"lanesInView"_s);
    allLanes->setToolTip(tr("Every lane squeezed into the figure, as the overview shows them"));
    lanesInView->setToolTip(
        tr("The lanes the chart is scrolled to, at a readable height, named and labelled"));
    m_lanes->addButton(allLanes, int(ChartExporter::Lanes::All));
    m_lanes->addButton(lanesInView, int(ChartExporter::Lanes::View));
    (settings->exportLanes() == ChartExporter::Lanes::View ? lanesInView : allLanes)->setChecked(true);
    auto *lanesRow = new QHBoxLayout;
    lanesRow->addWidget(allLanes);
    lanesRow->addWidget(lanesInView);
    lanesRow->addStretch();

    // The figure's furniture, each shown as it will read.
    const std::shared_ptr<const Timeline> &timeline = document->timeline();
    m_title->setChecked(settings->exportTitle());
    auto *titleText = makePlainLabel(this);
    titleText->setText(timeline ? timeline->title : QString());
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(titleText, 1);
    m_subtitleOn->setChecked(settings->exportSubtitleOn());
    m_subtitle->setText(settings->exportSubtitle());
    m_subtitle->setPlaceholderText(tr("A line under the title"));
    m_subtitle->setAccessibleName(tr("Subtitle"));
    m_subtitle->setEnabled(m_subtitleOn->isChecked());
    connect(m_subtitleOn, &QCheckBox::toggled, m_subtitle, [this](bool on) {
        m_subtitle->setEnabled(on);
        if (on)
            m_subtitle->setFocus(Qt::OtherFocusReason);
    });
    auto *subtitleRow = new QHBoxLayout;
    subtitleRow->addWidget(m_subtitleOn);
    subtitleRow->addWidget(m_subtitle, 1);
    const QString creditLine = timeline ? ChartExporter::creditLine(*timeline) : QString();
    m_credit->setChecked(settings->exportCredit());
    m_credit->setEnabled(!creditLine.isEmpty());
    auto *creditText = makePlainLabel(this);
    creditText->setText(creditLine.isEmpty() ? tr("(the timeline names no source)") : creditLine);
    creditText->setEnabled(m_credit->isEnabled());
    auto *creditRow = new QHBoxLayout;
    creditRow->addWidget(m_credit, 0, Qt::AlignTop);
    creditRow->addWidget(creditText, 1);
    auto *furniture = new QVBoxLayout;
    furniture->addLayout(titleRow);
    furniture->addLayout(subtitleRow);
    furniture->addLayout(creditRow);

    // A row that holds a layout gets no buddy of its own: name the field its shortcut goes to.
    const auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    auto *form = new QFormLayout;
    form->addRow(labelFor(tr("&File:"), m_file), fileRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(labelFor(tr("&Size:"), m_width), sizeRow);
    form->addRow(tr("S&cale:"), m_scale);
    form->addRow(tr("Show:"), rangeRow);
    form->addRow(tr("Lanes:"), lanesRow);
    form->addRow(tr("Figure:"), furniture);
    form->addRow(QString(), m_summary);

    // Names for tests and accessibility tools to find the parts by.
    m_file->setObjectName(u"file"_s);
    m_format->setObjectName(u"format"_s);
    m_width->setObjectName(u"width"_s);
    m_height->setObjectName(u"height"_s);
    m_scale->setObjectName(u"scale"_s);
    m_title->setObjectName(u"title"_s);
    m_subtitleOn->setObjectName(u"subtitleOn"_s);
    m_subtitle->setObjectName(u"subtitle"_s);
    m_credit->setObjectName(u"credit"_s);
    m_error->setObjectName(u"error"_s);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    // Tab goes through the fields as they are laid out, not as they were made.
    const QList<QWidget *> order { m_file,  browseButton, m_format,      m_width,  m_height,
                                   m_scale, currentView,  wholeTimeline, allLanes, lanesInView,
                                   m_title, m_subtitleOn, m_subtitle,    m_credit, buttons };
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    updateSummary();
}

ChartExporter::Format ExportDialog::format() const
{
    return ChartExporter::Format(m_format->currentData().toInt());
}

void ExportDialog::formatChosen()
{
    const QString name = m_file->text().trimmed();
    if (!name.isEmpty())
        m_file->setText(withExtension(name, format()));
    updateSummary();
}

void ExportDialog::fileEdited(const QString &text)
{
    // Typing a name that ends in another format's extension chooses that format.
    if (const auto named = ChartExporter::formatOfFile(text.trimmed()); named && *named != format()) {
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(m_format->findData(int(*named)));
        updateSummary();
    }
}

void ExportDialog::updateSummary()
{
    const bool png = format() == ChartExporter::Format::Png;
    m_scale->setEnabled(png);
    const int scale = png ? m_scale->currentData().toInt() : 1;
    const int width = m_width->value() * scale, height = m_height->value() * scale;
    switch (format()) {
    case ChartExporter::Format::Png:
        m_summary->setText(tr("The PNG will be %1 × %2 pixels.").arg(width).arg(height));
        break;
    case ChartExporter::Format::Svg:
        m_summary->setText(tr("The SVG will be %1 × %2 pixels, drawn as vectors.").arg(width).arg(height));
        break;
    case ChartExporter::Format::Pdf:
        m_summary->setText(tr("The PDF will be one page of %1 × %2 mm.")
                               .arg(qRound(width * 25.4 / 96))
                               .arg(qRound(height * 25.4 / 96)));
        break;
    }
}

void ExportDialog::browse()
{
    const QString filters = tr("PNG images (*.png)") + u";;"_s + tr("SVG drawings (*.svg)") + u";;"_s
        + tr("PDF documents (*.pdf)");
    QStringList filterList = filters.split(u";;"_s);
    QString selected = filterList.value(m_format->currentIndex());
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export Chart"), fileName(), filters, &selected);
    if (chosen.isEmpty())
        return;
    const qsizetype filter = filterList.indexOf(selected);
    const auto named = ChartExporter::formatOfFile(chosen);
    if (!named && filter >= 0)
        m_format->setCurrentIndex(int(filter));
    else if (named)
        m_format->setCurrentIndex(m_format->findData(int(*named)));
    m_file->setText(withExtension(chosen, format()));
    m_replaceConfirmed = chosen; // the file dialog asked before replacing it
}

ChartExporter::Options ExportDialog::options() const
{
    ChartExporter::Options options;
    options.size = QSize(m_width->value(), m_height->value());
    options.scale = format() == ChartExporter::Format::Png ? m_scale->currentData().toInt() : 1;
    options.wholeTimeline = m_range->checkedId() == 1;
    options.lanes = ChartExporter::Lanes(m_lanes->checkedId());
    options.title = m_title->isChecked();
    options.subtitle = m_subtitleOn->isChecked() ? m_subtitle->text().trimmed() : QString();
    options.credit = m_credit->isChecked();
    return options;
}

QString ExportDialog::fileName() const
{
    const QString name = m_file->text().trimmed();
    return name.isEmpty() ? name : withExtension(name, format());
}

QString ExportDialog::errorText() const
{
    return m_error->text();
}

void ExportDialog::accept()
{
    const QString path = fileName();
    if (path.isEmpty()) {
        m_error->setText(tr("Give the file a name."));
        m_error->setVisible(true);
        m_file->setFocus();
        return;
    }
    m_file->setText(path);
    if (QFileInfo::exists(path) && path != m_replaceConfirmed) {
        QMessageBox box(QMessageBox::Question, tr("Export Chart"),
                        tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName()),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool written = ChartExporter::write(m_document, options(), format(), path, &error);
    QApplication::restoreOverrideCursor();
    if (!written) {
        // Stay open, every setting as it was, so that only what is wrong needs changing.
        m_error->setText(tr("The chart was not exported: %1").arg(error));
        m_error->setVisible(true);
        m_file->setFocus();
        return;
    }
    m_error->clear();
    m_error->setVisible(false);
    saveSettings();
    QDialog::accept();
}

void ExportDialog::saveSettings() const
{
    m_settings->setExportFolder(QFileInfo(fileName()).absolutePath());
    m_settings->setExportFormat(format());
    m_settings->setExportSize(QSize(m_width->value(), m_height->value()));
    m_settings->setExportScale(m_scale->currentData().toInt());
    m_settings->setExportWholeTimeline(m_range->checkedId() == 1);
    m_settings->setExportLanes(ChartExporter::Lanes(m_lanes->checkedId()));
    m_settings->setExportTitle(m_title->isChecked());
    m_settings->setExportSubtitleOn(m_subtitleOn->isChecked());
    m_settings->setExportSubtitle(m_subtitle->text());
    m_settings->setExportCredit(m_credit->isChecked());
}
