#pragma once

#include <QStringView>

#include <vector>

// Where in a text each of the temporal tagger's rules can match, found in one pass over it.
// Every match of a rule holds one of its triggers (a month name, a unit of time, a run of
// digits: TimexRules::CompiledRule), so a rule need only run near them. A window covers the
// words around a trigger that the rule may read, and no more than `reach` characters on
// either side; one rule's windows are merged where their text overlaps, so that running a rule
// over its windows reads each character at most once and never reads text without its
// triggers. The work is linear in the text whatever its shape.
class TimexWindows
{
public:
    struct Window
    {
        qsizetype from = 0; // matches that start in [from, to) hold a trigger of this window
        qsizetype to = 0;
        qsizetype end = 0; // and end before `end`: the rule reads the text up to here
    };

    // The longest stretch of an expression on either side of its trigger, e.g. "the day before"
    // before "yesterday", or "of fiscal 2024" after "quarter", with room for white space: a
    // window ends there even when its words go on (one long run of letters).
    static constexpr qsizetype reach = 128;

    // Windows for TimexRules::rules(), in their order.
    explicit TimexWindows(QStringView text);

    const std::vector<Window> &of(std::size_t rule) const { return m_windows[rule]; }

private:
    class Words;
    void add(Words &words, qsizetype begin, qsizetype end, quint32 rules);

    qsizetype m_size = 0;
    std::vector<std::vector<Window>> m_windows;
};
