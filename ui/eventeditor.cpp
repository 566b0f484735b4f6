#include "eventeditor.h"

#include "daterange.h"
#include "timeline.h"
#include "timelineedit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int s_actorRole = Qt::UserRole;
constexpr int s_evidenceRole = Qt::UserRole;

} // namespace

EventEditor::EventEditor(const Timeline &timeline, const EventDraft &draft, int editing, QWidget *parent)
    : QDialog(parent)
    , m_timeline(timeline)
    , m_base(draft)
    , m_editing(editing)
{
    setWindowTitle(editing < 0 ? tr("New Event") : tr("Edit Event"));

    m_title = new QLineEdit(draft.title, this);
    m_title->setObjectName(u"title"_s);
    m_when = new QLineEdit(draft.when, this);
    m_when->setObjectName(u"when"_s);
    m_when->setPlaceholderText(tr("2024-03-19, 2024-03, 2024, 2023-01/2024-10, 2019~"));
    m_whenMeaning = new QLabel(this);
    m_whenMeaning->setTextFormat(Qt::PlainText);
    m_dateText = new QLineEdit(draft.dateText, this);
    m_dateText->setObjectName(u"dateText"_s);
    m_dateText->setPlaceholderText(tr("The source's own words for the date, e.g. “late 2022”"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"kind"_s);
    m_kind->setEditable(true);
    m_kind->addItem(QString());
    m_kind->addItems(timeline.kinds);
    m_kind->setCurrentText(draft.kind);

    m_actors = new QListWidget(this);
    m_actors->setObjectName(u"actors"_s);
    m_actors->setMaximumHeight(120);
    for (qsizetype a = 0; a < timeline.actors.size(); ++a) {
        auto *item = new QListWidgetItem(timeline.actors.at(a).name(), m_actors);
        item->setData(s_actorRole, int(a));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(draft.actors.contains(int(a)) ? Qt::Checked : Qt::Unchecked);
    }
    m_newActor = new QLineEdit(this);
    m_newActor->setObjectName(u"newActor"_s);
    m_newActor->setPlaceholderText(tr("Add an actor by name and press Enter"));
    // Enter adds the name typed and keeps the dialog open for the next; only an empty field
    // lets Enter through to the OK button.
    m_newActor->installEventFilter(this);

    m_summary = new QPlainTextEdit(draft.summary, this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(90);

    m_evidence = new QListWidget(this);
    m_evidence->setObjectName(u"evidence"_s);
    m_evidence->setMaximumHeight(110);
    m_evidence->setWordWrap(true);
    for (qsizetype i = 0; i < draft.evidence.size(); ++i) {
        const EvidenceDraft &item = draft.evidence.at(i);
        const QString source = item.source >= 0 && item.source < timeline.sources.size()
            ? timeline.sources.at(item.source).title()
            : QString();
        auto *row = new QListWidgetItem(u"\u201c"_s + item.quote + u"\u201d \u2014 "_s + source, m_evidence);
        row->setData(s_evidenceRole, int(i));
    }
    auto *removeQuote = new QPushButton(tr("&Remove Quote"), this);
    removeQuote->setObjectName(u"removeQuote"_s);
    connect(removeQuote, &QPushButton::clicked, this, [this] {
        delete m_evidence->currentItem();
        check();
    });

    m_references = new QTableWidget(0, 4, this);
    m_references->setObjectName(u"references"_s);
    m_references->setHorizontalHeaderLabels({ tr("Title"), tr("Publisher"), tr("URL"), tr("Date") });
    m_references->horizontalHeader()->setStretchLastSection(true);
    m_references->setMaximumHeight(110);
    for (const ReferenceDraft &ref : draft.references) {
        const int row = m_references->rowCount();
        m_references->insertRow(row);
        const QString cells[] = { ref.title, ref.publisher, ref.url, ref.date };
        for (int c = 0; c < 4; ++c)
            m_references->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    auto *addRef = new QPushButton(tr("Add Re&ference"), this);
    auto *removeRef = new QPushButton(tr("Remove Refere&nce"), this);
    connect(addRef, &QPushButton::clicked, this, &EventEditor::addReference);
    connect(removeRef, &QPushButton::clicked, this, [this] {
        m_references->removeRow(m_references->currentRow());
        check();
    });

    m_problems = new QLabel(this);
    m_problems->setObjectName(u"problems"_s);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    QPalette palette = m_problems->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1e, 0x1e));
    m_problems->setPalette(palette);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&When:"), m_when);
    form->addRow(QString(), m_whenMeaning);
    form->addRow(tr("Date as wr&itten:"), m_dateText);
    form->addRow(tr("&Kind:"), m_kind);
    auto *actorBox = new QVBoxLayout;
    actorBox->addWidget(m_actors);
    actorBox->addWidget(m_newActor);
    // Rows holding a layout get no buddy from addRow(): their labels are made here, for Alt+letter.
    const auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(labelFor(tr("&Actors:"), m_actors), actorBox);
    form->addRow(tr("&Summary:"), m_summary);
    auto *evidenceBox = new QVBoxLayout;
    evidenceBox->addWidget(m_evidence);
    evidenceBox->addWidget(removeQuote, 0, Qt::AlignLeft);
    form->addRow(labelFor(tr("&Evidence:"), m_evidence), evidenceBox);
    auto *refButtons = new QHBoxLayout;
    refButtons->addWidget(addRef);
    refButtons->addWidget(removeRef);
    refButtons->addStretch();
    auto *refBox = new QVBoxLayout;
    refBox->addWidget(m_references);
    refBox->addLayout(refButtons);
    form->addRow(labelFor(tr("Referen&ces:"), m_references), refBox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());

    for (QLineEdit *edit : { m_title, m_when, m_dateText })
        connect(edit, &QLineEdit::textChanged, this, &EventEditor::check);
    connect(m_actors, &QListWidget::itemChanged, this, &EventEditor::check);
    connect(m_references, &QTableWidget::itemChanged, this, &EventEditor::check);
    check();
    m_title->setFocus();
}

bool EventEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_newActor && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_newActor->text().trimmed().isEmpty()) {
            addActorByName(m_newActor->text());
            m_newActor->clear();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void EventEditor::addActorByName(const QString &typed)
{
    const QString name = typed.trimmed();
    if (name.isEmpty())
        return;
    for (int row = 0; row < m_actors->count(); ++row) {
        QListWidgetItem *item = m_actors->item(row);
        const int actor = item->data(s_actorRole).toInt();
        const bool known = item->text().compare(name, Qt::CaseInsensitive) == 0
            || (actor < m_timeline.actors.size()
                && m_timeline.actors.at(actor).aliases.contains(name, Qt::CaseInsensitive));
        if (known) {
            item->setCheckState(Qt::Checked);
            m_actors->scrollToItem(item);
            return;
        }
    }
    auto *item = new QListWidgetItem(name, m_actors);
    item->setData(s_actorRole, int(m_timeline.actors.size() + m_newActors.size()));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    item->setToolTip(
        tr("A new actor, added with the event as an organization; Timeline ▸ Edit Actor changes that"));
    m_newActors.append(name);
    m_actors->scrollToItem(item);
}

void EventEditor::addReference()
{
    const int row = m_references->rowCount();
    m_references->insertRow(row);
    for (int c = 0; c < 4; ++c)
        m_references->setItem(row, c, new QTableWidgetItem);
    m_references->setCurrentCell(row, 0);
    m_references->editItem(m_references->item(row, 0));
    check();
}

EventDraft EventEditor::draft() const
{
    EventDraft d = m_base;
    d.title = m_title->text().trimmed();
    d.when = m_when->text().trimmed();
    d.dateText = m_dateText->text().trimmed();
    d.kind = m_kind->currentText().trimmed();
    d.summary = m_summary->toPlainText().trimmed();
    d.actors.clear();
    for (int row = 0; row < m_actors->count(); ++row) {
        if (m_actors->item(row)->checkState() == Qt::Checked)
            d.actors.append(m_actors->item(row)->data(s_actorRole).toInt());
    }
    d.evidence.clear();
    for (int row = 0; row < m_evidence->count(); ++row)
        d.evidence.append(m_base.evidence.at(m_evidence->item(row)->data(s_evidenceRole).toInt()));
    d.references.clear();
    for (int row = 0; row < m_references->rowCount(); ++row) {
        const auto cell = [&](int c) {
            const QTableWidgetItem *item = m_references->item(row, c);
            return item ? item->text().trimmed() : QString();
        };
        d.references.append({ cell(0), cell(1), cell(2), cell(3) });
    }
    return d;
}

QStringList EventEditor::problems() const
{
    EventDraft d = draft();
    // New actors do not exist yet; they are checked once added.
    d.actors.removeIf([this](int actor) { return actor >= m_timeline.actors.size(); });
    return TimelineEdit::problems(m_timeline, d, m_editing);
}

void EventEditor::check()
{
    QString meaning;
    QString error;
    if (const auto range = DateRange::parse(m_when->text().trimmed().toUtf8(), &error))
        meaning = range->toDisplayString();
    m_whenMeaning->setText(meaning);
    const QStringList found = problems();
    m_problems->setText(found.join(u'\n'));
    m_problems->setVisible(!found.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(found.isEmpty());
}
