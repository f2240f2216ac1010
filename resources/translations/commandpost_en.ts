<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name />
    <message>
        <location filename="../../widgets/common.py" line="+69" />
        <source>CaseStatus</source>
        <comment>Returned</comment>
        <translation>CaseStatus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseStatus</source>
        <comment>Dispatched</comment>
        <translation>CaseStatus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseStatus</source>
        <comment>Accepted</comment>
        <translation>CaseStatus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseStatus</source>
        <comment>Resolved</comment>
        <translation>CaseStatus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseStatus</source>
        <comment>Closed</comment>
        <translation>CaseStatus</translation>
    </message>
    <message>
        <location line="+8" />
        <source>CasePriority</source>
        <comment>Urgent</comment>
        <translation>CasePriority</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CasePriority</source>
        <comment>Normal</comment>
        <translation>CasePriority</translation>
    </message>
    <message>
        <location line="+8" />
        <source>CaseSource</source>
        <comment>WeChat</comment>
        <translation>CaseSource</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseSource</source>
        <comment>Hotline</comment>
        <translation>CaseSource</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseSource</source>
        <comment>Grid worker</comment>
        <translation>CaseSource</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseSource</source>
        <comment>Video AI</comment>
        <translation>CaseSource</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseSource</source>
        <comment>Self-found</comment>
        <translation>CaseSource</translation>
    </message>
    <message>
        <location line="+8" />
        <source>CaseAction</source>
        <comment>dispatched</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>reassigned</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>accepted</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>resolved</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>returned</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>reopened</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>closed</comment>
        <translation>CaseAction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CaseAction</source>
        <comment>edited</comment>
        <translation>CaseAction</translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <location filename="../../widgets/alerts.py" line="+273" />
        <source>Alerts</source>
        <extracomment>how many alerts the list shows (the most urgent); the banner counts all of them</extracomment>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="+110" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Near due</source>
        <translation>Near due</translation>
    </message>
    <message>
        <location line="+5" />
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location line="+4" />
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1 more not listed: use the queue's “My overdue” filter to see every overdue case.</source>
        <translation>%1 more not listed: use the queue's “My overdue” filter to see every overdue case.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 overdue · %3 %4 near due</source>
        <translation>%1 %2 overdue · %3 %4 near due</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(%1 acknowledged)</source>
        <translation>(%1 acknowledged)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Acknowledge the selected alerts (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sound off</source>
        <translation>Sound off</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sound on</source>
        <translation>Sound on</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sound cue for critical cases on or off (Ctrl+M)</source>
        <translation>Sound cue for critical cases on or off (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <location filename="../../widgets/calls.py" line="+184" />
        <source>Video calls</source>
        <translation>Video calls</translation>
    </message>
    <message>
        <location line="+21" />
        <source>— no case</source>
        <translation>— no case</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Select a call first.</source>
        <translation>Select a call first.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Link refused (only https links are opened): %1</source>
        <translation>Link refused (only https links are opened): %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Join video call</source>
        <translation>Join video call</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open this video call in the browser?

%1
%2</source>
        <translation>Open this video call in the browser?

%1
%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1 active calls</source>
        <translation>%1 active calls</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Join…</source>
        <translation>Join…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the selected call after confirming (Ctrl+J)</source>
        <translation>Open the selected call after confirming (Ctrl+J)</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="+149" />
        <source>Case detail</source>
        <extracomment>roles that may urge (督办) a case</extracomment>
        <translation>Case detail</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Only a case held by a unit can be urged.</source>
        <translation>Only a case held by a unit can be urged.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Urge case %1</source>
        <translation>Urge case %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Urges</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location line="+4" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Urge (Ctrl+U)</source>
        <translation>Urge (Ctrl+U)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send a reminder (督办) to the unit holding the case</source>
        <translation>Send a reminder (督办) to the unit holding the case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No description</source>
        <translation>No description</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No case selected. Pick one in the queue, the map or the alerts.</source>
        <translation>No case selected. Pick one in the queue, the map or the alerts.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Case %1 is no longer in this post's picture.</source>
        <translation>Case %1 is no longer in this post's picture.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+7" />
        <source>— unassigned</source>
        <translation>— unassigned</translation>
    </message>
    <message>
        <location line="+24" />
        <source>SLA stopped</source>
        <translation>SLA stopped</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Near due</source>
        <translation>Near due</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Loading history…</source>
        <translation>Loading history…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Could not load the history: %1</source>
        <translation>Could not load the history: %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No history yet.</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <location line="+8" />
        <source>urged</source>
        <translation>urged</translation>
    </message>
    <message>
        <location line="+2" />
        <source>whistle</source>
        <translation>whistle</translation>
    </message>
</context>
<context>
    <name>CaseQueuePane</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="+400" />
        <source>Case queue</source>
        <translation>Case queue</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Unit: %1  ✕</source>
        <translation>Unit: %1  ✕</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show every unit's cases</source>
        <translation>Show every unit's cases</translation>
    </message>
    <message>
        <location line="+93" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3" />
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My overdue</source>
        <translation>My overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All (incl. closed)</source>
        <translation>All (incl. closed)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Search id, title, address, unit… (Ctrl+F)</source>
        <translation>Search id, title, address, unit… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy case IDs</source>
        <translation>Copy case IDs</translation>
    </message>
    <message>
        <location line="+101" />
        <source>%1 of %2 cases</source>
        <translation>%1 of %2 cases</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/shell.py" line="+114" />
        <source>The feed stopped: {error}</source>
        <translation>The feed stopped: {error}</translation>
    </message>
</context>
<context>
    <name>KpiPane</name>
    <message>
        <location filename="../../widgets/kpi.py" line="+82" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Catching up</source>
        <translation>Catching up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reconnecting</source>
        <translation>Reconnecting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Session expired</source>
        <translation>Session expired</translation>
    </message>
    <message>
        <location line="+7" />
        <source>seq %1 · lag %2</source>
        <translation>seq %1 · lag %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>retry in %1 s</source>
        <translation>retry in %1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>frames</source>
        <translation>frames</translation>
    </message>
    <message>
        <location line="+0" />
        <source>applied</source>
        <translation>applied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>duplicates</source>
        <translation>duplicates</translation>
    </message>
    <message>
        <location line="+0" />
        <source>gaps filled</source>
        <translation>gaps filled</translation>
    </message>
    <message>
        <location line="+1" />
        <source>junk frames</source>
        <translation>junk frames</translation>
    </message>
    <message>
        <location line="+0" />
        <source>reconnects</source>
        <translation>reconnects</translation>
    </message>
    <message>
        <location line="+1" />
        <source>snapshots</source>
        <translation>snapshots</translation>
    </message>
    <message>
        <location line="+4" />
        <source>last error: %1</source>
        <translation>last error: %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 of %2 closed</source>
        <translation>%1 of %2 closed</translation>
    </message>
    <message>
        <location line="+6" />
        <source>◔ %1 near due</source>
        <translation>◔ %1 near due</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reported today</source>
        <translation>Reported today</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Closure rate</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Hub link</source>
        <translation>Hub link</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Post time</source>
        <translation>Post time</translation>
    </message>
    <message>
        <location line="+3" />
        <source>of today's reports</source>
        <translation>of today's reports</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../console/app.py" line="+245" />
        <source>The demo hub did not start: {error}</source>
        <extracomment>subcommands handled before the console's own options: name -&gt; main(argv) -&gt; exit code</extracomment>
        <translation>The demo hub did not start: {error}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>Link</name>
    <message>
        <location filename="../../console/main_window.py" line="+459" />
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location line="+1" />
        <source>catching up</source>
        <translation>catching up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reconnecting</source>
        <translation>reconnecting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>session expired</source>
        <translation>session expired</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../console/lock.py" line="+180" />
        <source>Session expired</source>
        <translation>Session expired</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The hub ended the session of {user}. Enter the password to continue; the console keeps its state.</source>
        <translation>The hub ended the session of {user}. Enter the password to continue; the console keeps its state.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Console locked</source>
        <translation>Console locked</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Locked after a spell without input. Enter the password of {user} to unlock.</source>
        <translation>Locked after a spell without input. Enter the password of {user} to unlock.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Enter the password.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Too many wrong passwords: the account is locked for a while. Ask the supervisor.</source>
        <translation>Too many wrong passwords: the account is locked for a while. Ask the supervisor.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../console/login.py" line="+45" />
        <source>Too many wrong passwords: this account is locked for a while (15 minutes).</source>
        <extracomment>demo accounts offered in demo mode (the prefecture post of the demo jurisdiction)</extracomment>
        <translation>Too many wrong passwords: this account is locked for a while (15 minutes).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hub unreachable: check the address and the network.</source>
        <translation>Hub unreachable: check the address and the network.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>First start: creating the demo database (this takes a few seconds)…</source>
        <translation>First start: creating the demo database (this takes a few seconds)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Starting the demo hub…</source>
        <translation>Starting the demo hub…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location line="+27" />
        <source>Command Post — log in</source>
        <translation>Command Post — log in</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Command Post console</source>
        <translation>Command Post console</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+24" />
        <source> (embedded demo hub)</source>
        <translation> (embedded demo hub)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>embedded demo hub</source>
        <translation>embedded demo hub</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Enter user name and password.</source>
        <translation>Enter user name and password.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="-286" />
        <source>&amp;Lock console</source>
        <translation>&amp;Lock console</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save layout</source>
        <translation>&amp;Save layout</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layout for 1920×1080</source>
        <translation>Layout for 1920×1080</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Layout for 3840×2160</source>
        <translation>Layout for 3840×2160</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reset layout</source>
        <translation>&amp;Reset layout</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Night theme</source>
        <translation>&amp;Night theme</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clear selection</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;Console</source>
        <translation>&amp;Console</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Panes</source>
        <translation>&amp;Panes</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Command Post — {post} — {user} ({role})</source>
        <translation>Command Post — {post} — {user} ({role})</translation>
    </message>
    <message>
        <location line="+12" />
        <source>(retry in {s} s)</source>
        <translation>(retry in {s} s)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Last event {seq}; reconnects {n}</source>
        <translation>Last event {seq}; reconnects {n}</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Layout reset.</source>
        <translation>Layout reset.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Layout saved.</source>
        <translation>Layout saved.</translation>
    </message>
    <message>
        <location line="+86" />
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Command Post console — a live multi-pane command post for duty officers.</source>
        <translation>Command Post console — a live multi-pane command post for duty officers.</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../../widgets/map_view.py" line="+155" />
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+151" />
        <source>vermillion</source>
        <translation>vermillion</translation>
    </message>
    <message>
        <location line="+0" />
        <source>orange</source>
        <translation>orange</translation>
    </message>
    <message>
        <location line="+1" />
        <source>blue</source>
        <translation>blue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 open cases · shape = status: %2 · fill = priority: %3</source>
        <translation>%1 open cases · shape = status: %2 · fill = priority: %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../console/messages.py" line="+25" />
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <location line="+1" />
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location line="+1" />
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+9" />
        <source>your session has expired; enter your password again.</source>
        <translation>your session has expired; enter your password again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not allowed for your role.</source>
        <translation>not allowed for your role.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>conflict with the current case (now {status}, version {version}); nothing was changed. Check the case and try again.</source>
        <translation>conflict with the current case (now {status}, version {version}); nothing was changed. Check the case and try again.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>conflict with the current state of the case; nothing was changed.</source>
        <translation>conflict with the current state of the case; nothing was changed.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the hub refused it: {message}</source>
        <translation>the hub refused it: {message}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no such case or object (it may have left your jurisdiction).</source>
        <translation>no such case or object (it may have left your jurisdiction).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>too many attempts; wait a while and try again.</source>
        <translation>too many attempts; wait a while and try again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>hub unreachable; check the network and try again.</source>
        <translation>hub unreachable; check the network and try again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>wrong user name or password.</source>
        <translation>wrong user name or password.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the hub answered an error: {message}</source>
        <translation>the hub answered an error: {message}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>failed: {message}</source>
        <translation>failed: {message}</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../console/panes.py" line="+43" />
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case queue</source>
        <translation>Case queue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case detail</source>
        <translation>Case detail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit workload</source>
        <translation>Unit workload</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Live events</source>
        <translation>Live events</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calls and whistles</source>
        <translation>Calls and whistles</translation>
    </message>
    <message>
        <location line="+43" />
        <source>{n} cases</source>
        <translation>{n} cases</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <location filename="../../widgets/common.py" line="-41" />
        <source>CaseStatus</source>
        <comment>Reported</comment>
        <translation>CaseStatus</translation>
    </message>
    <message>
        <location line="+12" />
        <source>CasePriority</source>
        <comment>Critical</comment>
        <translation>CasePriority</translation>
    </message>
    <message>
        <location line="+9" />
        <source>CaseSource</source>
        <comment>App</comment>
        <translation>CaseSource</translation>
    </message>
    <message>
        <location line="+12" />
        <source>CaseAction</source>
        <comment>new</comment>
        <translation>CaseAction</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../console/main_window.py" line="+37" />
        <source>duty officer</source>
        <translation>duty officer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>video wall</source>
        <translation>video wall</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unit</source>
        <translation>unit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>intake</source>
        <translation>intake</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../console/session.py" line="+86" />
        <source>{label}: this console is read-only.</source>
        <translation>{label}: this console is read-only.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{label}: done.</source>
        <translation>{label}: done.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../console/main_window.py" line="-29" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Key</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <location filename="../../console/login.py" line="+37" />
        <source>Command Post console</source>
        <translation>Command Post console</translation>
    </message>
</context>
<context>
    <name>TickerPane</name>
    <message>
        <location filename="../../widgets/ticker.py" line="+195" />
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location line="+82" />
        <source>New · %1 · %2 · %3</source>
        <translation>New · %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Urged · %1</source>
        <translation>Urged · %1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Whistle · %1 · %2 units summoned</source>
        <translation>Whistle · %1 · %2 units summoned</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Whistle check-in · %1 · %2/%3 arrived</source>
        <translation>Whistle check-in · %1 · %2/%3 arrived</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Video call started · %1</source>
        <translation>Video call started · %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Video call ended · %1</source>
        <translation>Video call ended · %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Urges</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whistles</source>
        <translation>Whistles</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show or hide this kind of event</source>
        <translation>Show or hide this kind of event</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pause or resume the ticker (Ctrl+P)</source>
        <translation>Pause or resume the ticker (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 Paused · %2 new</source>
        <translation>%1 Paused · %2 new</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
</context>
<context>
    <name>WorkloadPane</name>
    <message>
        <location filename="../../widgets/workload.py" line="+246" />
        <source>Unit workloads</source>
        <translation>Unit workloads</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1 units · %2 open cases · %3 overloaded (≥ %4 per person)</source>
        <translation>%1 units · %2 open cases · %3 overloaded (≥ %4 per person)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Near due</source>
        <translation>Near due</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open cases per on-duty person</source>
        <translation>Open cases per on-duty person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bars: the %1 heaviest units · vermillion ≥ %2 per person (overloaded, ⚠) · orange: has overdue cases</source>
        <translation>Bars: the %1 heaviest units · vermillion ≥ %2 per person (overloaded, ⚠) · orange: has overdue cases</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Double-click or press Enter to show the unit's cases</source>
        <translation>Double-click or press Enter to show the unit's cases</translation>
    </message>
</context>
<context>
    <name>p</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="-423" />
        <source>— unassigned</source>
        <extracomment>saved filters: key -&gt; predicate on (case, alert phase)</extracomment>
        <translation>— unassigned</translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <location filename="../../widgets/calls.py" line="-154" />
        <source>✕ link refused: %1</source>
        <translation>✕ link refused: %1</translation>
    </message>
</context>
<context>
    <name>self._pane</name>
    <message>
        <location filename="../../widgets/workload.py" line="-166" />
        <source>%1 open cases for %2 on duty</source>
        <extracomment>load (open cases per on-duty person) from which a unit is flagged as overloaded</extracomment>
        <translation>%1 open cases for %2 on duty</translation>
    </message>
</context>
</TS>
