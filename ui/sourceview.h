#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class EventModel;
struct Source;
class QAction;
class QComboBox;
class QItemSelectionModel;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QVBoxLayout;

// The evidence for the current event: its sentences quoted, and the whole source text with
// those sentences highlighted. Clicking a sentence in the text selects the events it supports.
class SourceView : public QWidget
{
    Q_OBJECT
public:
    SourceView(EventModel *events, QItemSelectionModel *eventSelection, QWidget *parent = nullptr);

    int shownSource() const { return m_source; } // -1 when the timeline has no source
    // The current event's sentences in the shown source, in text order.
    QList<int> highlightedSentences() const { return m_highlighted; }
    // "“sentence” — ¶ 9" for each sentence of the current event, in every source.
    QStringList quotedSentences() const;
    QPlainTextEdit *article() const { return m_article; }
    QComboBox *sourceChooser() const { return m_sourceChooser; }

    // The text selected in the shown source, without white space at its ends, exactly as the
    // source has it; empty when nothing is selected.
    QString selectedQuote() const;
    // Offered in the source text's context menu, after Copy and Select All.
    void setSelectionActions(const QList<QAction *> &actions);

    // Where the first line of a sentence of the shown source is, in viewport coordinates.
    QRect sentenceRect(int sentence) const;
    // The sentence of the shown source under a viewport point, or -1 (white space, margins).
    int sentenceAt(const QPoint &viewportPos) const;
    // The rows of the events that cite a sentence, in date order.
    QList<int> eventsCiting(int source, int sentence) const;

public Q_SLOTS:
    void showSource(int source);
    // The timeline's sources changed (one added, removed or retitled).
    void reloadSources();

Q_SIGNALS:
    void selectedQuoteChanged();

public:
    // Scrolls the shown source so that the sentence is in the middle of the view.
    void showSentence(int sentence);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void reset();
    void followEdit();
    void indexCitations() const;
    void followCurrentEvent();
    void setText(int source); // shows the source unless it is shown already
    void loadText();
    void updateQuotes();
    void fitQuotes();
    void updateHighlights();
    void selectEventsAt(int sentence);
    int currentEvent() const;
    const Source *shown() const; // null when there is no source
    int sentenceContaining(qsizetype position) const; // of the shown source, or -1

    EventModel *m_events;
    QItemSelectionModel *m_eventSelection;
    QComboBox *m_sourceChooser;
    QLabel *m_sourceTitle;
    QLabel *m_sourceByline;
    QScrollArea *m_quoteScroll;
    QWidget *m_quoteBox;
    QVBoxLayout *m_quoteLayout;
    QLabel *m_noQuotes;
    QList<QLabel *> m_quotes;
    QPlainTextEdit *m_article;

    // For each source, for each sentence, the rows of the events that cite it: built when the
    // model resets, so a click finds its events without scanning every event.
    mutable QList<QList<QList<int>>> m_citing;
    mutable bool m_citingStale = true;
    QList<QAction *> m_selectionActions;
    int m_source = -1;
    QList<int> m_highlighted;
    QPoint m_pressPos;
    bool m_clicking = false; // the selection changes because of a click in the text
};
