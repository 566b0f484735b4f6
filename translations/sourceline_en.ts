<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleCli</name>
    <message numerus="yes">
        <source>wrote %n draft event(s) to %1</source>
        <translation>
            <numerusform>wrote %n draft event to %1</numerusform>
            <numerusform>wrote %n draft events to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n actor(s)</source>
        <translation>
            <numerusform>%n actor</numerusform>
            <numerusform>%n actors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) (%1)</source>
        <translation>
            <numerusform>%n source (%1)</numerusform>
            <numerusform>%n sources (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n era(s)</source>
        <translation>
            <numerusform>%n era</numerusform>
            <numerusform>%n eras</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message numerus="yes">
        <source>“%1” is cited by %n event(s): remove their quotes from it first.</source>
        <translation>
            <numerusform>“%1” is cited by %n event: remove its quote from it first.</numerusform>
            <numerusform>“%1” is cited by %n events: remove their quotes from it first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the actor “%1”? %n event(s) will lose it; the events stay.</source>
        <translation>
            <numerusform>Delete the actor “%1”? %n event will lose it; the event stays.</numerusform>
            <numerusform>Delete the actor “%1”? %n events will lose it; the events stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s) match</source>
        <translation>
            <numerusform>%1 of %n event matches</numerusform>
            <numerusform>%1 of %n events match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%1 was not opened: it has %n problem(s). The timeline that was open stays open.</source>
        <translation>
            <numerusform>%1 was not opened: it has %n problem. The timeline that was open stays open.</numerusform>
            <numerusform>%1 was not opened: it has %n problems. The timeline that was open stays open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineChartView</name>
    <message numerus="yes">
        <source>%n event(s) here
Scroll or double-click to zoom in</source>
        <translation>
            <numerusform>%n event here
Scroll or double-click to zoom in</numerusform>
            <numerusform>%n events here
Scroll or double-click to zoom in</numerusform>
        </translation>
    </message>
</context>
</TS>
