#pragma once

#include <QDialog>

class QTextBrowser;

// Help ▸ File Format: the format description (docs/format.md, embedded at :/docs/format.md),
// shown as formatted text. It is our own document, not data from a file, so it may be
// rendered; links to other places are not followed from inside the app.
class FormatDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FormatDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};
