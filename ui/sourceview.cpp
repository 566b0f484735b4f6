#include "sourceview.h"

#include "eventmodel.h"
#include "plainlabel.h"
#include "sentencesplitter.h"

#include <QApplication>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    const auto channel = [amountOfB](float x, float y) {
        return x + (y - x) * amountOfB;
    };
    return QColor::fromRgbF(channel(a.redF(), b.redF()), channel(a.greenF(), b.greenF()),
                            channel(a.blueF(), b.blueF()));
}

// "TechCrunch (publisher not confirmed), Jan 2025": what is known of where a text comes from.
QString sourceByline(const Source &source)
{
    QStringList parts;
    if (!source.isEmpty(Source::Publisher)) {
        parts.append(source.publisherConfirmed
                         ? source.publisher()
                         : SourceView::tr("%1 (publisher not confirmed)").arg(source.publisher()));
    }
    if (!source.isEmpty(Source::Published)) {
        const std::optional<DateRange> range = DateRange::parse(source.utf8(Source::Published));
        parts.append(range ? range->toDisplayString() : source.published());
    }
    return parts.join(u", "_s);
}

} // namespace

SourceView::SourceView(EventModel *events, QItemSelectionModel *eventSelection, QWidget *parent)
    : QWidget(parent)
    , m_events(events)
    , m_eventSelection(eventSelection)
{
    Q_ASSERT(eventSelection->model() == events);

    auto *quotesHeading = new QLabel(tr("Linked sentences"), this);
    QFont headingFont = quotesHeading->font();
    headingFont.setBold(true);
    quotesHeading->setFont(headingFont);
    quotesHeading->setTextFormat(Qt::PlainText);

    m_quoteScroll = new QScrollArea(this);
    m_quoteScroll->setAccessibleName(tr("Quoted sentences"));
    m_quoteScroll->setWidgetResizable(true);
    m_quoteScroll->setFrameShape(QFrame::NoFrame);
    m_quoteScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_quoteBox = new QWidget(m_quoteScroll);
    m_quoteLayout = new QVBoxLayout(m_quoteBox);
    m_quoteLayout->setContentsMargins(8, 0, 0, 0);
    m_noQuotes = makePlainLabel(m_quoteBox);
    m_noQuotes->setForegroundRole(QPalette::PlaceholderText);
    m_quoteLayout->addWidget(m_noQuotes);
    m_quoteLayout->addStretch(1);
    m_quoteScroll->setWidget(m_quoteBox);

    m_sourceChooser = new QComboBox(this);
    m_sourceChooser->setAccessibleName(tr("Source"));
    m_sourceChooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sourceChooser->setMinimumContentsLength(20);
    m_sourceTitle = makePlainLabel(this);
    m_sourceTitle->setFont(headingFont);
    m_sourceByline = makePlainLabel(this);
    m_sourceByline->setForegroundRole(QPalette::PlaceholderText);

    m_article = new QPlainTextEdit(this);
    m_article->setReadOnly(true);
    m_article->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_article->setAccessibleName(tr("Source text"));
    m_article->setAccessibleDescription(
        tr("Click a sentence, or press Enter on it, to select the events it supports"));
    m_article->viewport()->setMouseTracking(true);
    m_article->installEventFilter(this);
    m_article->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(quotesHeading);
    layout->addWidget(m_quoteScroll);
    layout->addSpacing(6);
    layout->addWidget(m_sourceChooser);
    layout->addWidget(m_sourceTitle);
    layout->addWidget(m_sourceByline);
    layout->addWidget(m_article, 1);

    connect(m_sourceChooser, &QComboBox::currentIndexChanged, this, &SourceView::showSource);
    connect(m_eventSelection, &QItemSelectionModel::currentChanged, this, &SourceView::followCurrentEvent);
    connect(m_events, &QAbstractItemModel::modelReset, this, &SourceView::reset);
    connect(m_events, &QAbstractItemModel::rowsInserted, this, &SourceView::followEdit);
    connect(m_events, &QAbstractItemModel::rowsRemoved, this, &SourceView::followEdit);
    connect(m_events, &QAbstractItemModel::dataChanged, this, &SourceView::followEdit);
    m_article->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_article, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_article->createStandardContextMenu(pos);
        if (!m_selectionActions.isEmpty()) {
            menu->addSeparator();
            menu->addActions(m_selectionActions);
        }
        menu->exec(m_article->viewport()->mapToGlobal(pos));
        delete menu;
    });
    connect(m_article, &QPlainTextEdit::selectionChanged, this, &SourceView::selectedQuoteChanged);
    reset();
}

QString SourceView::selectedQuote() const
{
    const Source *source = shown();
    const QTextCursor cursor = m_article->textCursor();
    if (!source || !cursor.hasSelection())
        return {};
    // From the source's own text, not the editor's: selectedText() turns line breaks into
    // U+2029, and the quote must be exactly what the source says.
    const qsizetype start = std::clamp<qsizetype>(cursor.selectionStart(), 0, source->text().size());
    const qsizetype end = std::clamp<qsizetype>(cursor.selectionEnd(), start, source->text().size());
    return QStringView(source->text()).sliced(start, end - start).trimmed().toString();
}

void SourceView::setSelectionActions(const QList<QAction *> &actions)
{
    m_selectionActions = actions;
}

const Source *SourceView::shown() const
{
    return m_source < 0 ? nullptr : &m_events->timeline()->sources.at(m_source);
}

int SourceView::currentEvent() const
{
    const QModelIndex current = m_eventSelection->currentIndex();
    return current.isValid() && current.model() == m_events ? current.row() : -1;
}

QList<int> SourceView::eventsCiting(int source, int sentence) const
{
    if (m_citingStale)
        indexCitations();
    if (source < 0 || source >= m_citing.size() || sentence < 0 || sentence >= m_citing.at(source).size())
        return {};
    return m_citing.at(source).at(sentence);
}

void SourceView::reset()
{
    m_citingStale = true;
    m_source = -1;
    reloadSources();
    followCurrentEvent();
}

void SourceView::reloadSources()
{
    const std::shared_ptr<const Timeline> &timeline = m_events->timeline();
    const qsizetype count = timeline ? timeline->sources.size() : 0;
    {
        const QSignalBlocker blocker(m_sourceChooser);
        m_sourceChooser->clear();
        if (timeline) {
            for (const Source &source : timeline->sources)
                m_sourceChooser->addItem(source.title());
        }
    }
    m_sourceChooser->setVisible(m_sourceChooser->count() > 1);
    m_citingStale = true;
    // Keep the source in view when it is still there (a source was added or its title edited).
    m_source = count == 0 ? -1 : std::clamp<int>(m_source, 0, int(count) - 1);
    loadText();
    updateHighlights();
}

void SourceView::followEdit()
{
    // Rows moved: which events cite which sentence is found again when next asked, not per edit.
    m_citingStale = true;
    followCurrentEvent();
}

void SourceView::indexCitations() const
{
    m_citingStale = false;
    m_citing.clear();
    const std::shared_ptr<const Timeline> &timeline = m_events->timeline();
    if (!timeline)
        return;
    m_citing.resize(timeline->sources.size());
    for (qsizetype source = 0; source < m_citing.size(); ++source)
        m_citing[source].resize(timeline->sources.at(source).sentences.size());
    for (std::size_t row = 0; row < timeline->events.size(); ++row) {
        for (const Evidence &evidence : timeline->evidenceOf(timeline->events[row])) {
            if (evidence.source < 0 || evidence.source >= m_citing.size())
                continue;
            QList<QList<int>> &sentences = m_citing[evidence.source];
            const int last = std::min<int>(evidence.lastSentence, sentences.size() - 1);
            for (int sentence = std::max(evidence.firstSentence, 0); sentence <= last; ++sentence) {
                QList<int> &rows = sentences[sentence];
                if (rows.isEmpty() || rows.last() != int(row))
                    rows.append(int(row));
            }
        }
    }
}

void SourceView::followCurrentEvent()
{
    const int row = currentEvent();
    const std::shared_ptr<const Timeline> &timeline = m_events->timeline();
    if (row >= 0) {
        for (const Evidence &evidence : timeline->evidenceOf(timeline->events[row])) {
            if (evidence.source >= 0) {
                setText(evidence.source);
                break;
            }
        }
    }
    updateQuotes();
    updateHighlights();
    // After a click in the text the clicked sentence is already in view; jumping to the
    // event's first sentence would pull the text away from under the pointer.
    if (!m_clicking && !m_highlighted.isEmpty())
        showSentence(m_highlighted.first());
}

void SourceView::showSource(int source)
{
    setText(source);
    updateHighlights();
    if (!m_highlighted.isEmpty())
        showSentence(m_highlighted.first());
}

void SourceView::setText(int source)
{
    const std::shared_ptr<const Timeline> &timeline = m_events->timeline();
    if (!timeline || source < 0 || source >= timeline->sources.size())
        source = -1;
    if (source == m_source)
        return;
    m_source = source;
    loadText();
}

void SourceView::loadText()
{
    {
        const QSignalBlocker blocker(m_sourceChooser);
        m_sourceChooser->setCurrentIndex(m_source);
    }
    const Source *text = shown();
    m_sourceTitle->setText(text ? text->title() : QString());
    m_sourceByline->setText(text ? sourceByline(*text) : QString());
    // With one source there is no chooser to name it.
    m_sourceTitle->setVisible(text && m_sourceChooser->isHidden());
    m_sourceByline->setVisible(!m_sourceByline->text().isEmpty());
    m_article->setPlainText(text ? text->text() : QString());
}

void SourceView::updateQuotes()
{
    for (QLabel *quote : std::as_const(m_quotes))
        delete quote;
    m_quotes.clear();

    const int row = currentEvent();
    if (row < 0) {
        m_noQuotes->setText(tr("Select an event to see the sentences it rests on."));
        m_noQuotes->show();
        fitQuotes();
        return;
    }
    const Timeline &t = *m_events->timeline();
    const bool nameSource = t.sources.size() > 1;
    QList<std::pair<int, int>> cited; // (source, sentence), each once
    for (const Evidence &evidence : t.evidenceOf(t.events[row])) {
        if (evidence.source < 0 || evidence.source >= t.sources.size())
            continue;
        const Source &source = t.sources.at(evidence.source);
        const int last = std::min<int>(evidence.lastSentence, source.sentences.size() - 1);
        for (int sentence = std::max(evidence.firstSentence, 0); sentence <= last; ++sentence) {
            if (cited.contains(std::pair(int(evidence.source), sentence)))
                continue;
            cited.append(std::pair(int(evidence.source), sentence));
            // Counted from 1, as a reader counts; the source is named when there are several.
            const QString number = tr("sentence %1").arg(sentence + 1);
            const QString where = nameSource ? source.title() + u", "_s + number : number;
            QLabel *quote = makePlainLabel(m_quoteBox);
            quote->setText(u'\u201c' + source.sentenceText(sentence) + u"\u201d \u2014 "_s + where);
            m_quoteLayout->insertWidget(m_quotes.size(), quote);
            quote->show(); // now, so that fitQuotes() counts it
            m_quotes.append(quote);
        }
    }
    m_noQuotes->setText(tr("No source sentence is linked to this event."));
    m_noQuotes->setVisible(m_quotes.isEmpty());
    fitQuotes();
}

void SourceView::fitQuotes()
{
    // The quotes take the room they need, up to a third of the view; more of them scroll.
    const int needed = m_quoteBox->hasHeightForWidth() ? m_quoteBox->heightForWidth(width())
                                                       : m_quoteBox->sizeHint().height();
    m_quoteScroll->setFixedHeight(std::min(needed, height() / 3));
}

void SourceView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitQuotes();
}

QStringList SourceView::quotedSentences() const
{
    QStringList texts;
    for (const QLabel *quote : m_quotes)
        texts.append(quote->text());
    return texts;
}

void SourceView::updateHighlights()
{
    m_highlighted.clear();
    const int row = currentEvent();
    if (row >= 0 && shown()) {
        const Timeline &t = *m_events->timeline();
        const qsizetype count = shown()->sentences.size();
        for (const Evidence &evidence : t.evidenceOf(t.events[row])) {
            if (evidence.source != m_source)
                continue;
            const int last = std::min<int>(evidence.lastSentence, count - 1);
            for (int sentence = std::max(evidence.firstSentence, 0); sentence <= last; ++sentence)
                m_highlighted.append(sentence);
        }
        std::sort(m_highlighted.begin(), m_highlighted.end());
        m_highlighted.erase(std::unique(m_highlighted.begin(), m_highlighted.end()), m_highlighted.end());
    }

    // The highlight colour softened towards the background, so that the text stays readable
    // in light and dark themes alike.
    const QPalette palette = this->palette();
    QTextCharFormat format;
    format.setBackground(mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.35));
    QList<QTextEdit::ExtraSelection> selections;
    for (const int sentence : std::as_const(m_highlighted)) {
        const Sentence &s = shown()->sentences.at(sentence);
        QTextCursor cursor(m_article->document());
        cursor.setPosition(s.start);
        cursor.setPosition(s.end, QTextCursor::KeepAnchor);
        selections.append({ cursor, format });
    }
    m_article->setExtraSelections(selections);
}

void SourceView::showSentence(int sentence)
{
    if (!shown() || sentence < 0 || sentence >= shown()->sentences.size())
        return;
    const Sentence &s = shown()->sentences.at(sentence);
    QTextCursor cursor(m_article->document());
    cursor.setPosition(s.start);
    m_article->setTextCursor(cursor);
    m_article->centerCursor();
}

QRect SourceView::sentenceRect(int sentence) const
{
    if (!shown() || sentence < 0 || sentence >= shown()->sentences.size())
        return {};
    const Sentence &s = shown()->sentences.at(sentence);
    QTextCursor cursor(m_article->document());
    cursor.setPosition(s.start);
    const QRect start = m_article->cursorRect(cursor);
    const QTextBlock block = cursor.block();
    const QTextLine line = block.layout()->lineForTextPosition(int(s.start - block.position()));
    if (!line.isValid())
        return {};
    const int lineEnd = block.position() + line.textStart() + line.textLength();
    const qreal width = line.cursorToX(int(std::min<qsizetype>(s.end, lineEnd) - block.position()))
        - line.cursorToX(int(s.start - block.position()));
    return QRect(start.left(), start.top(), qRound(width), start.height());
}

int SourceView::sentenceContaining(qsizetype position) const
{
    if (!shown())
        return -1;
    const auto covered = SentenceSplitter::covering(shown()->sentences, position, position + 1);
    return covered ? int(covered->first) : -1;
}

int SourceView::sentenceAt(const QPoint &viewportPos) const
{
    if (!shown())
        return -1;
    const QTextCursor cursor = m_article->cursorForPosition(viewportPos);
    const QRect caret = m_article->cursorRect(cursor);
    if (viewportPos.y() < caret.top() || viewportPos.y() > caret.bottom())
        return -1; // above or below the text
    // The cursor falls between two characters; the one under the pointer is on its left or
    // its right, and there is none beyond the start or end of a line.
    qsizetype character = cursor.position();
    if (viewportPos.x() < caret.left()) {
        QTextCursor lineStart = cursor;
        lineStart.movePosition(QTextCursor::StartOfLine);
        if (lineStart.position() == cursor.position())
            return -1;
        --character;
    } else {
        QTextCursor next = cursor;
        if (!next.movePosition(QTextCursor::NextCharacter)
            || m_article->cursorRect(next).top() != caret.top())
            return -1;
    }
    return sentenceContaining(character);
}

void SourceView::selectEventsAt(int sentence)
{
    const QList<int> rows = eventsCiting(m_source, sentence);
    if (rows.isEmpty())
        return;
    QItemSelection selection;
    for (const int row : rows)
        selection.select(m_events->index(row, 0), m_events->index(row, 0));

    const QScopedValueRollback clicking(m_clicking, true);
    const auto command = QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    if (rows.contains(currentEvent())) {
        m_eventSelection->select(selection, command);
        return;
    }
    m_eventSelection->setCurrentIndex(m_events->index(rows.first(), 0), command);
    if (rows.size() > 1)
        m_eventSelection->select(selection, QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

bool SourceView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_article->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            // The hand shows where a click leads somewhere.
            const int sentence = sentenceAt(static_cast<QMouseEvent *>(event)->position().toPoint());
            m_article->viewport()->setCursor(
                eventsCiting(m_source, sentence).isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
        } else if (event->type() == QEvent::MouseButtonPress) {
            m_pressPos = static_cast<QMouseEvent *>(event)->position().toPoint();
        } else if (event->type() == QEvent::MouseButtonRelease) {
            // A drag selects text to copy; only a click selects events.
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QPoint pos = mouse->position().toPoint();
            if (mouse->button() == Qt::LeftButton
                && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
                const int sentence = sentenceAt(pos);
                if (sentence >= 0)
                    selectEventsAt(sentence);
            }
        }
    } else if (watched == m_article && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const int sentence = sentenceContaining(m_article->textCursor().position());
            if (sentence >= 0)
                selectEventsAt(sentence);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SourceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateHighlights();
    QWidget::changeEvent(event);
}
