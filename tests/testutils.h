#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtGlobal>

#include <cstdio>
#include <cstring>

#ifdef QT_WIDGETS_LIB
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

#include <functional>
#endif

// Helpers shared by the test suites.
namespace TestUtils {

// This process's resident memory in KiB, from /proc/self/status (Linux); 0 when unknown.
inline qint64 residentKb()
{
    std::FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return 0;
    char line[256];
    qint64 kb = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, "VmRSS:", 6) == 0) {
            kb = std::strtoll(line + 6, nullptr, 10);
            break;
        }
    }
    std::fclose(status);
    return kb;
}

// Tests never need a real display: run them offscreen unless the caller asked for another
// platform (e.g. QT_QPA_PLATFORM=xcb to watch a GUI test). An empty value counts as unset,
// because Qt treats it the same way.
inline void useOffscreenPlatformUnlessSet()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

// The offscreen platform warns, for every top-level window it shows, that it has no window
// manager to pass size hints to. That says nothing about the code under test; drop it so the
// test log shows what does. Call it from initTestCase(): QtTest installs its own handler when
// the test starts, and this one must sit in front of it.
inline void quietOffscreenWarnings()
{
    static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
        if (type == QtWarningMsg
            && message == QLatin1String("This plugin does not support propagateSizeHints()"))
            return;
        if (previous)
            previous(type, context, message);
    });
}

#ifdef QT_WIDGETS_LIB
// Runs `handle` on the next modal dialog of type Dialog once it is open, for code that opens one
// with exec() and waits: call this first, then the code. The handler must close the dialog.
template<typename Dialog> void whenDialogOpens(std::function<void(Dialog *)> handle)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handle] {
        if (auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            handle(dialog);
        }
    });
    timer->start();
}

// Clicks a dialog's OK button, as a person would; fails the test when it is missing or disabled.
inline void clickDialogOk(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(ok && ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}
#endif

// A load's errors, one line each as the command line prints them (LoadError::toString()).
template<typename LoadResult> QStringList errorLines(const LoadResult &result)
{
    QStringList lines;
    for (const auto &e : result.errors)
        lines.append(e.toString());
    return lines;
}

struct ProgramRun
{
    int exitCode = -1; // -2 when the program crashed
    QByteArray out;
    QByteArray err;
};

// Runs `program` as from a terminal without any display (the command line must work there, and
// must never wait on a window); its standard output goes to `outputFile` if given.
inline ProgramRun runWithoutDisplay(const QString &program, const QStringList &arguments,
                                    const QString &outputFile = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    if (!outputFile.isEmpty())
        process.setStandardOutputFile(outputFile);
    process.start(program, arguments);
    ProgramRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        run.err = "the process did not run: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Writes a valid timeline of `count` events with one actor, named `name` in `dir`, and returns
// its path (empty on failure). A few hundred thousand events take a while to load.
inline QString writeTimeline(const QTemporaryDir &dir, const QString &name, int count,
                             const QByteArray &title = "Large")
{
    QByteArray json = R"({"format":"sourceline","version":1,"title":")" + title + R"(","sources":[],
        "actors":[{"id":"a","name":"A","kind":"person"}],"events":[)";
    for (int i = 0; i < count; ++i) {
        json += (i ? "," : "") + QByteArray(R"({"id":"e)") + QByteArray::number(i)
            + R"(","title":"An event with a title of some length","when":"2020-01-)"
            + QByteArray::number(10 + i % 19) + R"(","actors":["a"]})";
    }
    json += "]}";
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return path;
}

} // namespace TestUtils

// Like QTEST_GUILESS_MAIN and QTEST_MAIN, but the platform is chosen before the application
// object exists, which is the only time it can be. Settings and other per-user files go to
// QStandardPaths' test locations (~/.qttest), from before anything reads them: no test reads
// the settings of whoever runs it, or changes them.
#define SOURCELINE_TEST_MAIN_IMPL(ApplicationClass, TestObject, setup)                                       \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        TestUtils::useOffscreenPlatformUnlessSet();                                                          \
        QStandardPaths::setTestModeEnabled(true);                                                            \
        ApplicationClass app(argc, argv);                                                                    \
        setup;                                                                                               \
        TestObject test;                                                                                     \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return QTest::qExec(&test, argc, argv);                                                              \
    }

// For tests of the core: a QCoreApplication.
#define SOURCELINE_TEST_MAIN(TestObject) SOURCELINE_TEST_MAIN_IMPL(QCoreApplication, TestObject, (void)app)

// For tests of widgets: a QApplication with fixed 96 DPI, as QTEST_MAIN sets up, so that sizes
// do not depend on the machine. The test must link Qt::Widgets.
#define SOURCELINE_GUI_TEST_MAIN(TestObject)                                                                 \
    SOURCELINE_TEST_MAIN_IMPL(QApplication, TestObject, app.setAttribute(Qt::AA_Use96Dpi, true))
