<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
