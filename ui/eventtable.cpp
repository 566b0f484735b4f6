#include "eventtable.h"

#include "eventproxymodel.h"
#include "plaintooltips.h"
#include "timelinedocument.h"

#include <QHeaderView>

#include <algorithm>

EventTable::EventTable(TimelineDocument *document, QWidget *parent)
    : QTableView(parent)
    , m_document(document)
    , m_proxy(new EventProxyModel(document->events(), document->filter(), this))
{
    setModel(m_proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSortingEnabled(true);
    sortByColumn(EventModel::DateColumn, Qt::AscendingOrder);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(EventModel::TitleColumn, QHeaderView::Interactive);
    PlainToolTips::install(this);
    setAccessibleName(tr("Events"));
    setAccessibleDescription(tr("Every event that passes the search, with its date, title and actors"));

    connect(document->selection(), &QItemSelectionModel::currentChanged, this, &EventTable::followDocument);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this, &EventTable::followTable);
    connect(document, &TimelineDocument::timelineChanged, this, &EventTable::showNewTimeline);
    // The proxy resets when the search or the visible actors change, too.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventTable::followDocument);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventTable::followDocument);
    // An added or edited event may have a longer date than the column was made for (the first
    // event of a new timeline, whose column fit only its header).
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { fitDates(first, last); });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (topLeft.column() <= EventModel::DateColumn
                    && EventModel::DateColumn <= bottomRight.column())
                    fitDates(topLeft.row(), bottomRight.row());
            });
}

void EventTable::fitDates(int firstRow, int lastRow)
{
    // A few rows at most: an edit touches one, and a reset sizes the column itself.
    constexpr int measured = 64;
    int width = columnWidth(EventModel::DateColumn);
    const int grid = showGrid() ? 1 : 0;
    for (int row = firstRow; row <= std::min(lastRow, firstRow + measured - 1); ++row)
        width = std::max(width, sizeHintForIndex(m_proxy->index(row, EventModel::DateColumn)).width() + grid);
    if (width > columnWidth(EventModel::DateColumn))
        setColumnWidth(EventModel::DateColumn, width);
}

int EventTable::rowOf(int event) const
{
    return m_proxy->rowOf(event);
}

void EventTable::showNewTimeline()
{
    // A new timeline comes in date order, and the proxy shows it so: say so in the header.
    horizontalHeader()->setSortIndicator(m_proxy->sortColumn(), m_proxy->sortOrder());
    resizeColumnToContents(EventModel::DateColumn);
    setColumnWidth(EventModel::TitleColumn, 320);
    setColumnWidth(EventModel::ActorsColumn, 280);
}

void EventTable::followDocument()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const int row = rowOf(m_document->currentEvent());
    if (row < 0) {
        selectionModel()->clear();
    } else {
        const QModelIndex index = m_proxy->index(row, EventModel::TitleColumn);
        selectionModel()->setCurrentIndex(index,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        scrollTo(index);
    }
    m_syncing = false;
}

void EventTable::followTable()
{
    if (m_syncing)
        return;
    const QModelIndex current = selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    m_syncing = true;
    m_document->selectEvent(m_proxy->eventAt(current.row()));
    m_syncing = false;
}
