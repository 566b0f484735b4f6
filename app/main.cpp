#include "commandline.h"
#include "mainwindow.h"
#include "systemmemory.h"
#include "timelineloader.h"

#include <QApplication>
#include <QIcon>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    SystemMemory::giveBackLargeBlocks();
    QCoreApplication::setApplicationName(u"sourceline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOURCELINE_VERSION));
    QCoreApplication::setOrganizationName(u"Sourceline"_s);
    QGuiApplication::setApplicationDisplayName(u"Sourceline"_s);
    // Ties the window to the installed .desktop file, whose icon and name the desktop shows.
    QGuiApplication::setDesktopFileName(QStringLiteral(SOURCELINE_APP_ID));

    CommandLine commandLine(argc, argv);
    if (!commandLine.opensWindow())
        return commandLine.run();

    QApplication::setWindowIcon(QIcon(u":/icons/sourceline.svg"_s));
    MainWindow mainWindow;
    const TimelineLoader::Result embedded = TimelineLoader::loadFile(TimelineLoader::embeddedPath());
    if (embedded.ok())
        mainWindow.setTimeline(embedded.timeline, TimelineLoader::embeddedPath());
    mainWindow.show();
    // A file that does not load leaves the embedded timeline open and says why.
    if (const QString file = commandLine.fileToOpen(); !file.isEmpty())
        mainWindow.openFile(file);
    return QApplication::exec();
}
