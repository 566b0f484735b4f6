#include "chartexporter.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "settings.h"
#include "testutils.h"
#include "timeline.h"
#include "timelinedocument.h"
#include "timelinegenerator.h"
#include "timelineloader.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<ChartExporter::Format>)

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template<typename T> T *part(QWidget *dialog, const QString &name)
{
    T *widget = dialog->findChild<T *>(name);
    if (!widget)
        qFatal("the export dialog has no %s", qPrintable(name));
    return widget;
}

void clickSave(QWidget *dialog)
{
    QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
}

void chooseFormat(QWidget *dialog, ChartExporter::Format format)
{
    auto *combo = part<QComboBox>(dialog, u"format"_s);
    combo->setCurrentIndex(combo->findData(int(format)));
}

// What poppler reads of a PDF: its text, or its page count and size (./dev installs poppler-utils).
QString poppler(const QString &tool, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        return tool + u" is not installed"_s;
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(20000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

// The export dialog and printing, driven as a user drives them: the real dialog writes real
// files, keeps itself and its settings when a write fails, and remembers what was chosen.
class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void savesEachFormat_data();
    void savesEachFormat();
    void aFailedWriteKeepsTheDialogAndItsSettings();
    void replacingAFileAsksFirst_data();
    void replacingAFileAsksFirst();
    void theFormatAndTheFileNameAgree_data();
    void theFormatAndTheFileNameAgree();
    void furnitureFollowsTheCheckBoxes();
    void lanesInViewNameEventsAllLanesCannot();
    void printingPutsTheFigureOnOnePage_data();
    void printingPutsTheFigureOnOnePage();
    void thePrintActionShowsAPreviewOfOnePage();

private:
    TimelineDocument m_document;
    std::unique_ptr<Settings> m_settings;
};

void TestExportDialog::initTestCase()
{
    TestUtils::quietOffscreenWarnings();
    const TimelineLoader::Result result = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    QVERIFY(result.ok());
    m_document.setTimeline(result.timeline, TimelineLoader::embeddedPath());
}

void TestExportDialog::init()
{
    // Each test starts from the defaults, and never touches what the user saved.
    m_settings = std::make_unique<Settings>(Settings::Storage::Transient);
}

void TestExportDialog::savesEachFormat_data()
{
    QTest::addColumn<ChartExporter::Format>("format");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << ChartExporter::Format::Png << u".png"_s << QByteArray("\x89PNG");
    QTest::newRow("svg") << ChartExporter::Format::Svg << u".svg"_s << QByteArray("<?xml");
    QTest::newRow("pdf") << ChartExporter::Format::Pdf << u".pdf"_s << QByteArray("%PDF-");
}

void TestExportDialog::savesEachFormat()
{
    QFETCH(ChartExporter::Format, format);
    QFETCH(QString, extension);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    ExportDialog dialog(&m_document, u"chart"_s, m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    part<QLineEdit>(&dialog, u"file"_s)->setText(dir.filePath(u"figure"_s));
    chooseFormat(&dialog, format);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    clickSave(&dialog);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.fileName(), dir.filePath(u"figure"_s + extension));
    QVERIFY2(readAll(dialog.fileName()).startsWith(magic), qPrintable(dialog.fileName()));
}

void TestExportDialog::aFailedWriteKeepsTheDialogAndItsSettings()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(u"no/such/folder/figure.pdf"_s);
    {
        ExportDialog dialog(&m_document, u"chart"_s, m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        part<QLineEdit>(&dialog, u"file"_s)->setText(missing);
        chooseFormat(&dialog, ChartExporter::Format::Pdf);
        part<QSpinBox>(&dialog, u"width"_s)->setValue(1200);
        part<QCheckBox>(&dialog, u"subtitleOn"_s)->setChecked(true);
        part<QLineEdit>(&dialog, u"subtitle"_s)->setText(u"How a partnership loosened"_s);
        part<QCheckBox>(&dialog, u"credit"_s)->setChecked(false);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        clickSave(&dialog);

        // Still open, saying why, with everything as it was set; nothing written anywhere.
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        auto *error = part<QLabel>(&dialog, u"error"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(missing), qPrintable(error->text()));
        QCOMPARE(error->textFormat(), Qt::PlainText);
        QCOMPARE(part<QLineEdit>(&dialog, u"file"_s)->text(), missing);
        QCOMPARE(dialog.format(), ChartExporter::Format::Pdf);
        QCOMPARE(part<QSpinBox>(&dialog, u"width"_s)->value(), 1200);
        QCOMPARE(part<QLineEdit>(&dialog, u"subtitle"_s)->text(), u"How a partnership loosened"_s);
        QVERIFY(!part<QCheckBox>(&dialog, u"credit"_s)->isChecked());
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

        // Mending only the name is enough.
        const QString good = dir.filePath(u"figure.pdf"_s);
        part<QLineEdit>(&dialog, u"file"_s)->setText(good);
        clickSave(&dialog);
        QCOMPARE(accepted.count(), 1);
        QVERIFY(!error->isVisible());
        const QString text = poppler(u"pdftotext"_s, { good, u"-"_s });
        QVERIFY2(text.contains(u"How a partnership loosened"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Source:"_s), qPrintable(text));
        QVERIFY2(poppler(u"pdfinfo"_s, { good }).contains(u"900 x 675 pts"_s), "1200×900 px at 96 dpi");
    }

    // The next export starts from what was chosen.
    ExportDialog again(&m_document, u"chart"_s, m_settings.get());
    QCOMPARE(again.format(), ChartExporter::Format::Pdf);
    QCOMPARE(again.fileName(), dir.filePath(u"chart.pdf"_s));
    QCOMPARE(again.options().size, QSize(1200, 900));
    QCOMPARE(again.options().subtitle, u"How a partnership loosened"_s);
    QVERIFY(!again.options().credit);
    QVERIFY(again.options().title);
}

void TestExportDialog::replacingAFileAsksFirst_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("replaced");
    QTest::newRow("no keeps the file") << QMessageBox::No << false;
    QTest::newRow("yes replaces it") << QMessageBox::Yes << true;
}

void TestExportDialog::replacingAFileAsksFirst()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, replaced);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"figure.svg"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly) && old.write("old") == 3);
    old.close();
    ExportDialog dialog(&m_document, u"chart"_s, m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chooseFormat(&dialog, ChartExporter::Format::Svg);
    part<QLineEdit>(&dialog, u"file"_s)->setText(path);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QString question;
    // The question is modal: answer it once it is up.
    QTimer::singleShot(0, &dialog, [&] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        question = box->text();
        box->button(answer)->click();
    });
    clickSave(&dialog);
    QVERIFY2(question.contains(u"figure.svg already exists"_s), qPrintable(question));
    QCOMPARE(accepted.count(), replaced ? 1 : 0);
    QCOMPARE(readAll(path).startsWith("<?xml"), replaced);
    QCOMPARE(readAll(path) == "old", !replaced);
}

void TestExportDialog::theFormatAndTheFileNameAgree_data()
{
    // The dialog starts at PNG; a name is typed, then perhaps a format is picked.
    QTest::addColumn<QString>("typed");
    QTest::addColumn<ChartExporter::Format>("afterTyping");
    QTest::addColumn<std::optional<ChartExporter::Format>>("picked");
    QTest::addColumn<QString>("fileName");
    using F = ChartExporter::Format;
    const std::optional<F> none;
    QTest::newRow("typing .svg picks SVG") << u"/tmp/a.svg"_s << F::Svg << none << u"/tmp/a.svg"_s;
    QTest::newRow("typing .PDF picks PDF") << u"/tmp/a.PDF"_s << F::Pdf << none << u"/tmp/a.PDF"_s;
    QTest::newRow("picking PDF renames .png")
        << u"/tmp/a.png"_s << F::Png << std::optional(F::Pdf) << u"/tmp/a.pdf"_s;
    QTest::newRow("picking PNG renames .svg")
        << u"/tmp/a.svg"_s << F::Svg << std::optional(F::Png) << u"/tmp/a.png"_s;
    QTest::newRow("no extension gets one")
        << u"/tmp/a"_s << F::Png << std::optional(F::Svg) << u"/tmp/a.svg"_s;
    QTest::newRow("another extension is kept") << u"/tmp/a.v2"_s << F::Png << none << u"/tmp/a.v2.png"_s;
}

void TestExportDialog::theFormatAndTheFileNameAgree()
{
    QFETCH(QString, typed);
    QFETCH(ChartExporter::Format, afterTyping);
    QFETCH(std::optional<ChartExporter::Format>, picked);
    QFETCH(QString, fileName);
    ExportDialog dialog(&m_document, u"chart"_s, m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.format(), ChartExporter::Format::Png);
    auto *file = part<QLineEdit>(&dialog, u"file"_s);
    file->selectAll();
    QTest::keyClicks(file, typed);
    QCOMPARE(dialog.format(), afterTyping);
    if (picked)
        chooseFormat(&dialog, *picked);
    QCOMPARE(dialog.fileName(), fileName);
    // Scale is a PNG's only.
    QCOMPARE(part<QComboBox>(&dialog, u"scale"_s)->isEnabled(),
             dialog.format() == ChartExporter::Format::Png);
}

void TestExportDialog::furnitureFollowsTheCheckBoxes()
{
    ExportDialog dialog(&m_document, u"chart"_s, m_settings.get());
    ChartExporter::Options options = dialog.options();
    QVERIFY(options.title);
    QVERIFY(options.credit);
    QCOMPARE(options.subtitle, QString());
    part<QLineEdit>(&dialog, u"subtitle"_s)->setText(u"Ignored while unticked"_s);
    QCOMPARE(dialog.options().subtitle, QString());
    part<QCheckBox>(&dialog, u"subtitleOn"_s)->setChecked(true);
    part<QCheckBox>(&dialog, u"title"_s)->setChecked(false);
    options = dialog.options();
    QCOMPARE(options.subtitle, u"Ignored while unticked"_s);
    QVERIFY(!options.title);
}

void TestExportDialog::lanesInViewNameEventsAllLanesCannot()
{
    // The bench's timeline: 1,000 events of 200 actors, whose lanes do not fit at a readable height.
    const TimelineLoader::Result result =
        TimelineLoader::loadData(TimelineGenerator::generate(1000), u"many.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    TimelineDocument many;
    many.setTimeline(result.timeline, u"many.json"_s);
    // How many event titles a PDF reader finds in the figure, whole.
    const auto titlesIn = [&](const QString &pdf) {
        const QString text = poppler(u"pdftotext"_s, { u"-raw"_s, pdf, u"-"_s });
        int found = 0;
        for (const Event &event : result.timeline->events)
            found += text.contains(result.timeline->text(event.title));
        return found;
    };
    QTemporaryDir dir;
    const auto exportAs = [&](const QString &name, const char *lanesButton) {
        ExportDialog dialog(&many, u"many"_s, m_settings.get());
        dialog.show();
        if (lanesButton)
            QTest::mouseClick(part<QRadioButton>(&dialog, QString::fromLatin1(lanesButton)), Qt::LeftButton);
        part<QLineEdit>(&dialog, u"file"_s)->setText(dir.filePath(name));
        chooseFormat(&dialog, ChartExporter::Format::Pdf);
        clickSave(&dialog);
        return dialog.result() == QDialog::Accepted ? titlesIn(dialog.fileName()) : -1;
    };
    // All lanes unless chosen otherwise: 200 lanes of 3 pixels have no room for a label.
    QCOMPARE(exportAs(u"all.pdf"_s, nullptr), 0);
    QCOMPARE_GE(exportAs(u"view.pdf"_s, "lanesInView"), 10);
    // The choice is remembered for the next export.
    ExportDialog again(&many, u"many"_s, m_settings.get());
    QVERIFY(part<QRadioButton>(&again, u"lanesInView"_s)->isChecked());
    QCOMPARE(again.options().lanes, ChartExporter::Lanes::View);
    QCOMPARE_GE(exportAs(u"again.pdf"_s, nullptr), 10);
    QCOMPARE(exportAs(u"back.pdf"_s, "allLanes"), 0);
}

void TestExportDialog::printingPutsTheFigureOnOnePage_data()
{
    QTest::addColumn<QPageLayout::Orientation>("orientation");
    QTest::addColumn<bool>("wide");
    QTest::newRow("landscape") << QPageLayout::Landscape << true;
    QTest::newRow("portrait") << QPageLayout::Portrait << false;
}

void TestExportDialog::printingPutsTheFigureOnOnePage()
{
    QFETCH(QPageLayout::Orientation, orientation);
    QFETCH(bool, wide);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"printed.pdf"_s);
    QPrinter printer(QPrinter::ScreenResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(out);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(orientation);
    ChartExporter::Options options;
    options.subtitle = u"Printed"_s;
    QVERIFY(ChartExporter::print(&m_document, options, &printer));

    const QString info = poppler(u"pdfinfo"_s, { out });
    QVERIFY2(info.contains(QRegularExpression(u"\\nPages: +1\\n"_s)), qPrintable(info));
    // A4 is 595 × 842 points.
    QVERIFY2(info.contains(wide ? u"842 x 595"_s : u"595 x 842"_s), qPrintable(info));
    const QString text = poppler(u"pdftotext"_s, { out, u"-"_s });
    QVERIFY2(text.contains(u"Jay Parikh"_s), qPrintable(text)); // the chart: its last lane's name
    QVERIFY2(text.contains(u"Printed"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Source: OpenAI looks beyond Microsoft"_s), qPrintable(text));
}

void TestExportDialog::thePrintActionShowsAPreviewOfOnePage()
{
    MainWindow window(MainWindow::State::Fresh);
    window.setTimeline(m_document.timeline(), TimelineLoader::embeddedPath());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *print = nullptr;
    for (QAction *action : window.actions()) {
        if (action->shortcuts().contains(QKeySequence(QKeySequence::Print)))
            print = action;
    }
    QVERIFY2(print, "File ▸ Print… has the platform's Print shortcut");

    int pages = -1;
    QString title;
    std::optional<QPageLayout::Orientation> shown;
    // The preview is modal: look at it once it is up, turn the page, and close it.
    const auto lookAtPreview = [&](QPageLayout::Orientation turnTo) {
        QTRY_VERIFY(qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget()));
        auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        title = preview->windowTitle();
        auto *widget = preview->findChild<QPrintPreviewWidget *>();
        QTRY_VERIFY(widget && widget->pageCount() > 0);
        pages = widget->pageCount();
        shown = widget->orientation();
        widget->setOrientation(turnTo);
        preview->reject();
    };
    QTimer::singleShot(0, &window, [&] { lookAtPreview(QPageLayout::Portrait); });
    print->trigger();
    QCOMPARE(pages, 1);
    QVERIFY2(title.contains(u"Print"_s), qPrintable(title));
    QCOMPARE(shown, std::optional(QPageLayout::Landscape)); // a timeline is wide

    // The page as it was last set up, within the session.
    pages = -1;
    QTimer::singleShot(0, &window, [&] { lookAtPreview(QPageLayout::Landscape); });
    print->trigger();
    QCOMPARE(pages, 1);
    QCOMPARE(shown, std::optional(QPageLayout::Portrait));
}

SOURCELINE_GUI_TEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
