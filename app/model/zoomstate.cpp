#include "zoomstate.h"

#include <algorithm>
#include <cmath>

ZoomState::ZoomState(QObject *parent)
    : QObject(parent)
{ }

void ZoomState::setExtent(double firstDay, double lastDay)
{
    // One day is [day, day + 1): the last day's end is lastDay + 1.
    const double span = std::max(lastDay + 1 - firstDay, minimumSpan);
    const double margin = span * 0.04;
    m_extentFirst = firstDay - margin;
    m_extentLast = firstDay + span + margin;
    fit();
}

void ZoomState::setRange(double first, double last)
{
    if (!std::isfinite(first) || !std::isfinite(last))
        return;
    if (last - first < minimumSpan) {
        const double centre = (first + last) / 2;
        first = centre - minimumSpan / 2;
        last = centre + minimumSpan / 2;
    }
    // Never wander further than one extent beyond the timeline on either side.
    const double extent = m_extentLast - m_extentFirst;
    const double span = std::min(last - first, extent * 3);
    first = std::clamp(first, m_extentFirst - extent, m_extentLast + extent - span);
    last = first + span;
    if (first == m_first && last == m_last)
        return;
    m_first = first;
    m_last = last;
    Q_EMIT rangeChanged(m_first, m_last);
}

void ZoomState::fit()
{
    setRange(m_extentFirst, m_extentLast);
}

void ZoomState::zoom(double factor, double anchor)
{
    if (!(factor > 0))
        return;
    setRange(anchor - (anchor - m_first) / factor, anchor + (m_last - anchor) / factor);
}

void ZoomState::zoomIn()
{
    zoom(1.5, (m_first + m_last) / 2);
}

void ZoomState::zoomOut()
{
    zoom(1 / 1.5, (m_first + m_last) / 2);
}

void ZoomState::pan(double days)
{
    setRange(m_first + days, m_last + days);
}

void ZoomState::reveal(double first, double last)
{
    const double margin = span() * 0.08;
    if (last - first > span() - 2 * margin) {
        const double pad = (last - first) * 0.1 + 1;
        setRange(first - pad, last + pad);
    } else if (first < m_first + margin) {
        pan(first - margin - m_first);
    } else if (last > m_last - margin) {
        pan(last + margin - m_last);
    }
}

void ZoomState::setMaxTopLane(double row)
{
    if (!std::isfinite(row))
        return;
    row = std::max(0.0, row);
    if (row == m_maxTopLane)
        return;
    m_maxTopLane = row;
    m_topLane = std::min(m_topLane, m_maxTopLane);
    Q_EMIT lanesChanged();
}

void ZoomState::setTopLane(double row)
{
    if (!std::isfinite(row))
        return;
    row = std::clamp(row, 0.0, m_maxTopLane);
    if (row == m_topLane)
        return;
    m_topLane = row;
    Q_EMIT lanesChanged();
}

void ZoomState::scrollLanes(double rows)
{
    setTopLane(m_topLane + rows);
}

void ZoomState::setLanesOverview(bool on)
{
    if (on == m_lanesOverview)
        return;
    m_lanesOverview = on;
    Q_EMIT lanesChanged();
}
