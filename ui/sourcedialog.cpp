#include "sourcedialog.h"

#include "articlereader.h"
#include "daterange.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SourceDialog::SourceDialog(const Source &source, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
{
    setWindowTitle(isNew ? tr("Add Source") : tr("Edit Source"));
    m_title = new QLineEdit(source.title(), this);
    m_title->setObjectName(u"title"_s);
    m_publisher = new QLineEdit(source.publisher(), this);
    m_publisher->setObjectName(u"publisher"_s);
    m_published = new QLineEdit(source.published(), this);
    m_published->setObjectName(u"published"_s);
    m_published->setPlaceholderText(tr("2024-03-19"));
    m_url = new QLineEdit(source.url(), this);
    m_url->setObjectName(u"url"_s);
    m_text = new QPlainTextEdit(source.text(), this);
    m_text->setObjectName(u"text"_s);
    m_text->setReadOnly(!isNew);
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("Paste the article here, or read it from a file"));
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    if (isNew) {
        QPushButton *read = m_buttons->addButton(tr("&Read File…"), QDialogButtonBox::ActionRole);
        connect(read, &QPushButton::clicked, this, [this] {
            const QString fileName = QFileDialog::getOpenFileName(this, tr("Read Source Text"), QString(),
                                                                  tr("Text (*.txt *.md);;All files (*)"));
            if (!fileName.isEmpty())
                readFile(fileName);
        });
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Publisher:"), m_publisher);
    form->addRow(tr("P&ublished:"), m_published);
    form->addRow(tr("&URL:"), m_url);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(640, 520);

    for (QLineEdit *edit : { m_title, m_published })
        connect(edit, &QLineEdit::textChanged, this, &SourceDialog::check);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SourceDialog::check);
    check();
}

bool SourceDialog::readFile(const QString &fileName)
{
    // The article reader's checks: a binary file or one too large is refused with the place named.
    QString error;
    const auto article = ArticleReader::read(fileName, &error);
    const auto tell = [this](QMessageBox::Icon icon, const QString &title, const QString &text) {
        QMessageBox box(icon, title, QString(), QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.setText(text);
        box.exec();
    };
    if (!article) {
        tell(QMessageBox::Warning, tr("Cannot read source"), error);
        return false;
    }
    // Line ends as one character, so that offsets into the text mean the same on every system.
    QString text = article->text;
    text.replace(u"\r\n"_s, u"\n"_s);
    m_text->setPlainText(text);
    if (m_title->text().trimmed().isEmpty())
        m_title->setText(QFileInfo(fileName).completeBaseName());
    Q_EMIT fileRead(fileName);
    if (!article->warning.isEmpty())
        tell(QMessageBox::Information, tr("Source read as Latin-1"), article->warning);
    return true;
}

Source SourceDialog::source() const
{
    Source s = m_source;
    s.setTitle(m_title->text().trimmed());
    s.setPublisher(m_publisher->text().trimmed());
    s.setPublished(m_published->text().trimmed());
    s.setUrl(m_url->text().trimmed());
    if (!m_text->isReadOnly())
        s.setText(m_text->toPlainText());
    return s;
}

void SourceDialog::check()
{
    QString problem;
    QString dateError;
    if (m_title->text().trimmed().isEmpty())
        problem = tr("The source needs a title.");
    else if (m_text->toPlainText().trimmed().isEmpty())
        problem = tr("The source needs its text.");
    else if (!m_published->text().trimmed().isEmpty()
             && !DateRange::parse(m_published->text().trimmed().toUtf8(), &dateError))
        problem = tr("Published: %1").arg(dateError);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
