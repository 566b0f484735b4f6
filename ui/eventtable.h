#pragma once

#include <QTableView>

class EventProxyModel;
class TimelineDocument;

// The events as a sortable table: the chart's accessible twin, for the keyboard and for screen
// readers. It shows what the filter passes, and keeps its own selection in step with the
// document's single selection model, both ways.
class EventTable : public QTableView
{
    Q_OBJECT
public:
    explicit EventTable(TimelineDocument *document, QWidget *parent = nullptr);

    EventProxyModel *proxy() const { return m_proxy; }
    // The table row showing `event` (a row of the event model), or -1 when filtered out.
    int rowOf(int event) const;

private:
    void showNewTimeline();
    void followDocument();
    void followTable();
    void fitDates(int firstRow, int lastRow);

    TimelineDocument *m_document;
    EventProxyModel *m_proxy;
    bool m_syncing = false;
};
