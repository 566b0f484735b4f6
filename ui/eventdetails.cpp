#include "eventdetails.h"

#include "actormodel.h"
#include "eventmodel.h"
#include "plainlabel.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QScrollArea>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// A button shows '&' as a mnemonic marker unless it is doubled.
QString buttonText(QString text)
{
    return text.replace(u'&', u"&&"_s);
}

QIcon swatch(const QColor &color, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(150), 1));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2);
    return QIcon(pixmap);
}

QString precisionWords(const DateRange &range)
{
    QString text;
    switch (range.precision) {
    case DateRange::Precision::Day:
        text = EventDetails::tr("exact day");
        break;
    case DateRange::Precision::Month:
        text = EventDetails::tr("month");
        break;
    case DateRange::Precision::Year:
        text = EventDetails::tr("year");
        break;
    case DateRange::Precision::Interval:
        text = EventDetails::tr("date range");
        break;
    }
    if (range.isApproximate())
        text += u", "_s + EventDetails::tr("approximate");
    if (range.isUncertain())
        text += u", "_s + EventDetails::tr("uncertain");
    return text;
}

// "Introducing ChatGPT — OpenAI, 30 Nov 2022"; a date that does not parse is shown as written.
QString referenceText(const QString &title, const QString &publisher, const QString &date)
{
    QStringList after;
    if (!publisher.isEmpty())
        after.append(publisher);
    if (!date.isEmpty()) {
        const std::optional<DateRange> range = DateRange::parse(date.toUtf8());
        after.append(range ? range->toDisplayString() : date);
    }
    return after.isEmpty() ? title : title + u" \u2014 "_s + after.join(u", "_s);
}

} // namespace

EventDetails::EventDetails(EventModel *events, ActorModel *actors, QItemSelectionModel *eventSelection,
                           QWidget *parent)
    : QWidget(parent)
    , m_events(events)
    , m_actors(actors)
    , m_eventSelection(eventSelection)
    , m_confirmLink([this](const QUrl &url) { return askToOpen(url); })
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    Q_ASSERT(eventSelection->model() == events);

    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Event details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(content);

    m_placeholder = makePlainLabel(content);
    m_placeholder->setText(tr("Select an event on the timeline or in the table."));
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    contentLayout->addWidget(m_placeholder);

    m_body = new QWidget(content);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);

    m_title = makePlainLabel(m_body);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    bodyLayout->addWidget(m_title);

    m_draft = makePlainLabel(m_body);
    m_draft->setObjectName(u"draftNote"_s);
    m_draft->setText(tr("Draft: proposed from an article, not yet reviewed. Accept, edit or reject it "
                        "in the Drafts panel."));
    QFont draftFont = m_draft->font();
    draftFont.setItalic(true);
    m_draft->setFont(draftFont);
    bodyLayout->addWidget(m_draft);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_date = makePlainLabel(m_body);
    m_precision = makePlainLabel(m_body);
    m_kind = makePlainLabel(m_body);
    m_actorBox = new QWidget(m_body);
    m_actorLayout = new QVBoxLayout(m_actorBox);
    m_actorLayout->setContentsMargins(0, 0, 0, 0);
    m_actorLayout->setSpacing(0);
    const auto addRow = [this](const QString &name, QWidget *field) {
        QLabel *label = makePlainLabel(m_body);
        label->setText(name);
        label->setWordWrap(false);
        label->setBuddy(field);
        label->setForegroundRole(QPalette::PlaceholderText);
        m_form->addRow(label, field);
    };
    addRow(tr("Date"), m_date);
    addRow(tr("Precision"), m_precision);
    addRow(tr("Kind"), m_kind);
    addRow(tr("Actors"), m_actorBox);
    bodyLayout->addLayout(m_form);

    m_summary = makePlainLabel(m_body);
    bodyLayout->addSpacing(4);
    bodyLayout->addWidget(m_summary);

    m_referencesHeading = new QLabel(tr("References"), m_body);
    QFont headingFont = m_referencesHeading->font();
    headingFont.setBold(true);
    m_referencesHeading->setFont(headingFont);
    m_referencesHeading->setTextFormat(Qt::PlainText);
    bodyLayout->addSpacing(4);
    bodyLayout->addWidget(m_referencesHeading);
    m_referenceBox = new QWidget(m_body);
    m_referenceLayout = new QVBoxLayout(m_referenceBox);
    m_referenceLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_referenceBox);

    contentLayout->addWidget(m_body);
    contentLayout->addStretch(1);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_eventSelection, &QItemSelectionModel::currentChanged, this, &EventDetails::followCurrentEvent);
    connect(m_events, &QAbstractItemModel::modelReset, this, &EventDetails::followCurrentEvent);
    // An edit shows at once: the current event may be the one changed.
    connect(m_events, &QAbstractItemModel::dataChanged, this, &EventDetails::followCurrentEvent);
    connect(m_events, &QAbstractItemModel::rowsInserted, this, &EventDetails::followCurrentEvent);
    connect(m_events, &QAbstractItemModel::rowsRemoved, this, &EventDetails::followCurrentEvent);
    connect(m_actors, &QAbstractItemModel::dataChanged, this, &EventDetails::followCurrentEvent);
    connect(m_actors, &QAbstractItemModel::modelReset, this, &EventDetails::followCurrentEvent);
    followCurrentEvent();
}

bool EventDetails::isOpenable(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s)
        && !url.host().isEmpty();
}

QString EventDetails::titleText() const
{
    return m_event < 0 ? QString() : m_title->text();
}

QString EventDetails::dateLine() const
{
    return m_event < 0 ? QString() : m_date->text();
}

QString EventDetails::precisionText() const
{
    return m_event < 0 ? QString() : m_precision->text();
}

QString EventDetails::draftNote() const
{
    return m_event >= 0 && !m_draft->isHidden() ? m_draft->text() : QString();
}

QString EventDetails::kindText() const
{
    return m_event < 0 ? QString() : m_kind->text();
}

QString EventDetails::summaryText() const
{
    return m_event < 0 ? QString() : m_summary->text();
}

QStringList EventDetails::actorNames() const
{
    QStringList names;
    for (const QAbstractButton *button : m_actorButtons)
        names.append(button->text().replace(u"&&"_s, u"&"_s));
    return names;
}

QStringList EventDetails::referenceTexts() const
{
    QStringList texts;
    for (const QLabel *label : m_referenceLabels)
        texts.append(label->text());
    return texts;
}

void EventDetails::followCurrentEvent()
{
    const QModelIndex current = m_eventSelection->currentIndex();
    display(current.isValid() && current.model() == m_events ? current.row() : -1);
}

void EventDetails::clearLists()
{
    // Deleted later: a receiver of actorClicked() may change the current event while the
    // clicked button is still handling its click.
    const auto dispose = [](QWidget *widget) {
        widget->hide();
        widget->deleteLater();
    };
    for (QAbstractButton *button : std::as_const(m_actorButtons))
        dispose(button);
    while (QLayoutItem *item = m_referenceLayout->takeAt(0)) {
        if (item->widget())
            dispose(item->widget());
        delete item;
    }
    m_actorButtons.clear();
    m_linkButtons.clear();
    m_referenceLabels.clear();
}

void EventDetails::display(int row)
{
    clearLists();
    const std::shared_ptr<const Timeline> &timeline = m_events->timeline();
    m_event = timeline && row >= 0 && std::size_t(row) < timeline->events.size() ? row : -1;
    m_placeholder->setVisible(m_event < 0);
    m_body->setVisible(m_event >= 0);
    if (m_event < 0)
        return;

    const Timeline &t = *timeline;
    const Event &event = t.events[m_event];
    m_title->setText(t.text(event.title));
    m_draft->setVisible(event.draft);
    const QString resolved = event.range.toDisplayString();
    m_date->setText(event.dateText.isEmpty() ? resolved : t.text(event.dateText) + u" \u00b7 "_s + resolved);
    m_precision->setText(precisionWords(event.range));
    m_kind->setText(t.kindLabelOf(event));
    m_form->setRowVisible(m_kind, event.kind >= 0);

    // The two models are reset one after the other when a timeline loads; in between, the
    // event's actors may not be the actor model's.
    for (const std::int32_t actor : t.actorsOf(event)) {
        if (actor < m_actors->rowCount())
            addActor(actor);
    }
    m_form->setRowVisible(m_actorBox, !m_actorButtons.isEmpty());

    m_summary->setText(t.text(event.summary));
    m_summary->setVisible(!event.summary.isEmpty());

    for (const Reference &reference : t.referencesOf(event))
        addReference(
            referenceText(t.text(reference.title), t.text(reference.publisher), t.text(reference.date)),
            t.text(reference.url));
    m_referencesHeading->setVisible(!m_referenceLabels.isEmpty());
    m_referenceBox->setVisible(!m_referenceLabels.isEmpty());
}

void EventDetails::addActor(int actor)
{
    const QString name = m_actors->index(actor, ActorModel::NameColumn).data().toString();
    auto *button = new QToolButton(m_actorBox);
    button->setText(buttonText(name));
    button->setIcon(swatch(m_actors->color(actor), 12, devicePixelRatioF()));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setAccessibleName(tr("Actor %1").arg(name));
    button->setAccessibleDescription(tr("Highlights the actor's events"));
    connect(button, &QToolButton::clicked, this, [this, actor] { Q_EMIT actorClicked(actor); });
    m_actorLayout->addWidget(button, 0, Qt::AlignLeft);
    m_actorButtons.append(button);
}

void EventDetails::addReference(const QString &text, const QString &url)
{
    auto *row = new QWidget(m_referenceBox);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    QLabel *label = makePlainLabel(row);
    label->setText(text);
    rowLayout->addWidget(label, 1);

    auto *link = new QToolButton(row);
    link->setText(tr("Open link"));
    link->setAccessibleName(tr("Open link: %1").arg(text));
    const QUrl target(url, QUrl::StrictMode);
    if (url.isEmpty()) {
        link->hide();
    } else if (isOpenable(target)) {
        link->setCursor(Qt::PointingHandCursor);
        // QToolTip renders anything that looks like markup; escaped, the address shows as is.
        link->setToolTip(Qt::convertFromPlainText(target.toDisplayString(), Qt::WhiteSpaceNormal));
        connect(link, &QToolButton::clicked, this, [this, target] { openLink(target); });
    } else {
        link->setEnabled(false);
        link->setToolTip(tr("Only web links (http or https) can be opened."));
    }
    rowLayout->addWidget(link, 0, Qt::AlignTop);

    m_referenceLayout->addWidget(row);
    m_referenceLabels.append(label);
    m_linkButtons.append(link);
}

void EventDetails::openLink(const QUrl &url)
{
    if (isOpenable(url) && m_confirmLink(url))
        m_openUrl(url);
}

bool EventDetails::askToOpen(const QUrl &url)
{
    QMessageBox box(QMessageBox::Question, tr("Open Link"),
                    tr("Open this address in your web browser?") + u"\n\n"_s + url.toDisplayString(),
                    QMessageBox::Open | QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Open;
}
