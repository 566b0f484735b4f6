#pragma once

#include "timeline.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// A source's details: title, publisher, publication date, URL and, for a new source, its text,
// pasted or read from a .txt or .md file. The text of a source events cite is not edited here:
// their quotes rest on it.
class SourceDialog : public QDialog
{
    Q_OBJECT
public:
    SourceDialog(const Source &source, bool isNew, QWidget *parent = nullptr);

    Source source() const;
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *publisherEdit() const { return m_publisher; }
    QLineEdit *publishedEdit() const { return m_published; }
    QLineEdit *urlEdit() const { return m_url; }
    QPlainTextEdit *textEdit() const { return m_text; }
    // Reads a text file into the text, its name into an empty title; false with a message if not.
    // Text that is not UTF-8 is read as Latin-1, with a message saying so.
    bool readFile(const QString &fileName);

Q_SIGNALS:
    // A file was read into the text (not emitted for typing or pasting).
    void fileRead(const QString &fileName);

private:
    void check();

    Source m_source;
    QLineEdit *m_title;
    QLineEdit *m_publisher;
    QLineEdit *m_published;
    QLineEdit *m_url;
    QPlainTextEdit *m_text;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
