#include "eventtable.h"

#include "plaintooltips.h"
#include "timelinedocument.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace {

// Passes what the document's filter passes; sorts by EventModel::SortRole.
class EventProxy : public QSortFilterProxyModel
{
public:
    EventProxy(TimelineFilter *filter, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_filter(filter)
    {
        setSortRole(EventModel::SortRole);
        connect(filter, &TimelineFilter::changed, this, [this] { invalidateFilter(); });
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_filter->accepts(row);
    }

private:
    TimelineFilter *m_filter;
};

} // namespace

EventTable::EventTable(TimelineDocument *document, QWidget *parent)
    : QTableView(parent)
    , m_document(document)
    , m_proxy(new EventProxy(document->filter(), this))
{
    m_proxy->setSourceModel(document->events());
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
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        resizeColumnToContents(EventModel::DateColumn);
        setColumnWidth(EventModel::TitleColumn, 320);
        setColumnWidth(EventModel::ActorsColumn, 280);
        followDocument();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventTable::followDocument);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EventTable::followDocument);
}

int EventTable::rowOf(int event) const
{
    if (event < 0)
        return -1;
    return m_proxy->mapFromSource(m_document->events()->index(event, 0)).row();
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
    m_document->selectEvent(m_proxy->mapToSource(current).row());
    m_syncing = false;
}
