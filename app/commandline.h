#pragma once

#include "chartexporter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <memory>

// Reads the command line and runs what it asks for without a window (--check, --dump,
// --export, --screenshot, --timex, --draft, --help, --version, usage errors), or says that the window should
// open and on which file. It makes the application object: a QApplication only when widgets
// are needed, so that the headless modes run with no display at all.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    CommandLine(int &argc, char **argv);
    ~CommandLine();

    // True when the arguments ask for the window and there is a display to show it on; the
    // application object is then a QApplication.
    bool opensWindow() const;
    // The file the window opens over the embedded timeline; empty for the embedded one alone.
    QString fileToOpen() const;
    // Runs a mode without the window and returns the process's exit code.
    int run();

private:
    // Adds the options and the FILE argument to `parser`. The first parser reads the arguments
    // before the application object, and so the translator, exists; --help is written by a
    // second one, after describeOptions() has given the options their translated text.
    void setUpParser(QCommandLineParser *parser) const;
    void describeOptions();
    QString helpText();
    // What is wrong with options that each parse but do not go together; empty when nothing is.
    QString usageProblem() const;
    int modeCount() const; // how many of --check, --dump, --save-as, --export, ... are given
    // Reads the export's options; on a bad value returns the usage message.
    QString readExportOptions(ChartExporter::Options *options, ChartExporter::Format *format) const;
    int runHeadless();
    int runScreenshot();
    int runArticle(); // --timex and --draft

    QCommandLineParser m_parser;
    QCommandLineOption m_check;
    QCommandLineOption m_dump;
    QCommandLineOption m_saveAs;
    QCommandLineOption m_to;
    QCommandLineOption m_export;
    QCommandLineOption m_format;
    QCommandLineOption m_noTitle;
    QCommandLineOption m_subtitle;
    QCommandLineOption m_noCredit;
    QCommandLineOption m_lanes;
    QCommandLineOption m_size;
    QCommandLineOption m_scale;
    QCommandLineOption m_select;
    QCommandLineOption m_screenshot;
    QCommandLineOption m_timex;
    QCommandLineOption m_draft;
    QCommandLineOption m_published;
    QCommandLineOption m_title;
    QStringList m_files;
    QString m_problem; // a usage error, found before the application object exists
    bool m_window = false;
    bool m_noDisplay = false;
    std::unique_ptr<QCoreApplication> m_app;
};
