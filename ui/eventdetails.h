#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class ActorModel;
class EventModel;
class QAbstractButton;
class QFormLayout;
class QItemSelectionModel;
class QLabel;
class QUrl;
class QVBoxLayout;

// What is known about the current event: its title, the date as the source phrases it beside
// the resolved one, precision, kind, actors, summary and references.
class EventDetails : public QWidget
{
    Q_OBJECT
public:
    // Returns whether the link was confirmed, or opened.
    using UrlHandler = std::function<bool(const QUrl &)>;

    EventDetails(EventModel *events, ActorModel *actors, QItemSelectionModel *eventSelection,
                 QWidget *parent = nullptr);

    // A reference link opens only once confirmed. Both steps can be replaced, so that tests
    // check what would open without opening anything; by default the confirmation is a
    // dialog and the opener QDesktopServices::openUrl().
    void setLinkConfirmer(UrlHandler confirm) { m_confirmLink = std::move(confirm); }
    void setUrlOpener(UrlHandler open) { m_openUrl = std::move(open); }

    // Only http and https links with a host are opened; a file's `file:` or `javascript:`
    // link is shown but disabled.
    static bool isOpenable(const QUrl &url);

    int currentEvent() const { return m_event; } // -1 when there is none
    QString titleText() const;
    QString dateLine() const; // "late 2022 · 30 Nov 2022"
    QString precisionText() const; // "exact day", "date range, approximate"
    QString kindText() const;
    // The note that the event is a draft, proposed from an article; empty for a reviewed event.
    QString draftNote() const;
    QString summaryText() const;
    QStringList actorNames() const;
    QStringList referenceTexts() const; // "Introducing ChatGPT — OpenAI, 30 Nov 2022"
    QList<QAbstractButton *> actorButtons() const { return m_actorButtons; }
    QList<QAbstractButton *> linkButtons() const { return m_linkButtons; } // one per reference

Q_SIGNALS:
    void actorClicked(int actor);

private:
    void followCurrentEvent();
    void display(int row);
    void clearLists();
    void addActor(int actor);
    void addReference(const QString &text, const QString &url);
    void openLink(const QUrl &url);
    bool askToOpen(const QUrl &url);

    EventModel *m_events;
    ActorModel *m_actors;
    QItemSelectionModel *m_eventSelection;
    UrlHandler m_confirmLink;
    UrlHandler m_openUrl;
    int m_event = -1;

    QLabel *m_placeholder;
    QWidget *m_body;
    QLabel *m_title;
    QLabel *m_draft;
    QFormLayout *m_form;
    QLabel *m_date;
    QLabel *m_precision;
    QLabel *m_kind;
    QWidget *m_actorBox;
    QVBoxLayout *m_actorLayout;
    QLabel *m_summary;
    QLabel *m_referencesHeading;
    QWidget *m_referenceBox;
    QVBoxLayout *m_referenceLayout;
    QList<QAbstractButton *> m_actorButtons;
    QList<QAbstractButton *> m_linkButtons;
    QList<QLabel *> m_referenceLabels;
};
