<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../console/supervisor/actions.py" line="+236" />
        <location line="+252" />
        <source>Already with {unit}: nothing to do.</source>
        <extracomment>who may do what (the hub enforces the same; the console hides the rest) after the hub said yes, how long to wait for the feed to show it before giving up how many replaced case versions are kept for conflict dialogs at most this many cases urged at once from a unit</extracomment>
        <translation>Already with {unit}: nothing to do.</translation>
    </message>
    <message>
        <location line="-250" />
        <source>Still assigning; wait for the feed to confirm.</source>
        <translation>Still assigning; wait for the feed to confirm.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{case} is no longer in this post's picture; nothing was sent for it.</source>
        <translation>{case} is no longer in this post's picture; nothing was sent for it.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Only a supervisor can reassign cases; nothing was sent.</source>
        <translation>Only a supervisor can reassign cases; nothing was sent.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nothing to undo (a reassignment can be undone for 10 seconds).</source>
        <translation>Nothing to undo (a reassignment can be undone for 10 seconds).</translation>
    </message>
    <message>
        <location line="+28" />
        <location line="+23" />
        <source>Your role cannot urge cases; nothing was sent.</source>
        <translation>Your role cannot urge cases; nothing was sent.</translation>
    </message>
    <message>
        <location line="-18" />
        <source>Only an open case held by a unit can be urged.</source>
        <translation>Only an open case held by a unit can be urged.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+26" />
        <source>Urge {case}</source>
        <translation>Urge {case}</translation>
    </message>
    <message>
        <location line="-5" />
        <source>{unit} has no overdue cases to urge.</source>
        <translation>{unit} has no overdue cases to urge.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Only a supervisor can blow the whistle; nothing was sent.</source>
        <translation>Only a supervisor can blow the whistle; nothing was sent.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose at least one unit to summon.</source>
        <translation>Choose at least one unit to summon.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Whistle for {case}</source>
        <translation>Whistle for {case}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Your role cannot open video calls; nothing was sent.</source>
        <translation>Your role cannot open video calls; nothing was sent.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Start video call</source>
        <translation>Start video call</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Your role cannot end video calls; nothing was sent.</source>
        <translation>Your role cannot end video calls; nothing was sent.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>End video call</source>
        <translation>End video call</translation>
    </message>
    <message>
        <location line="+53" />
        <source>no unit</source>
        <translation>no unit</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Undo: back to {unit} ({case})</source>
        <translation>Undo: back to {unit} ({case})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assign {case} to {unit}</source>
        <translation>Assign {case} to {unit}</translation>
    </message>
    <message>
        <location line="+16" />
        <source>{case} reassigned to {unit}.</source>
        <translation>{case} reassigned to {unit}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} cases reassigned to {unit}.</source>
        <translation>{n} cases reassigned to {unit}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Undo: Ctrl+Z (10 s)</source>
        <translation>Undo: Ctrl+Z (10 s)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{case} is now with {unit} (confirmed by the feed).</source>
        <translation>{case} is now with {unit} (confirmed by the feed).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The hub accepted {case}, but the feed has not shown it yet; check the link.</source>
        <translation>The hub accepted {case}, but the feed has not shown it yet; check the link.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>{case}: left as it is now.</source>
        <translation>{case}: left as it is now.</translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <location filename="../../widgets/alerts.py" line="+240" />
        <source>Alarm sound on/off</source>
        <translation>Alarm sound on/off</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="+160" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Near due</source>
        <translation>Near due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location line="+10" />
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location line="+8" />
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <location line="+46" />
        <source>New critical</source>
        <translation>New critical</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Urge received</source>
        <translation>Urge received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Newly overdue</source>
        <translation>Newly overdue</translation>
    </message>
    <message>
        <location line="+41" />
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
        <location line="+12" />
        <source>Acknowledge the selected alerts, or every ringing alarm when none is selected (Ctrl+Shift+K)</source>
        <translation>Acknowledge the selected alerts, or every ringing alarm when none is selected (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Alarm sounds on or off (Ctrl+M); the flashing goes on</source>
        <translation>Alarm sounds on or off (Ctrl+M); the flashing goes on</translation>
    </message>
    <message>
        <location line="-299" />
        <location line="+294" />
        <source>Acknowledge</source>
        <extracomment>how many alerts the list shows (the most urgent); the banner counts all of them at most this many ringing alarms are pinned to the top of the list (the rest ring too and are counted in the tab; acknowledging brings the next ones up) new critical / newly overdue / urged cases not acknowledged yet (ring and flash) ``(case_id, phase)``: overdue (most overdue first) then near due (soonest first)</extracomment>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sound off</source>
        <translation>Sound off</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sound on</source>
        <translation>Sound on</translation>
    </message>
</context>
<context>
    <name>AssessmentPane</name>
    <message>
        <location filename="../../console/loop/board.py" line="+103" />
        <source>Today</source>
        <extracomment>the table's columns: (key, kind) — kind "rate" (a share), "count" or "score"</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Range…</source>
        <translation>Range…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Counties</source>
        <translation>Counties</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Towns</source>
        <translation>Towns</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Monthly report…</source>
        <translation>Monthly report…</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Weights</source>
        <extracomment>the scored rows shown, in the board's order (synced by unit or region id) the red list (top 5) and the black list (bottom 5), synced by unit or region id</extracomment>
        <translation>Weights</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+146" />
        <source>Red line</source>
        <translation>Red line</translation>
    </message>
    <message>
        <location line="-138" />
        <source>Red list (top 5)</source>
        <translation>Red list (top 5)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Black list (bottom 5)</source>
        <translation>Black list (bottom 5)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The last day is before the first day: choose the range again.</source>
        <translation>The last day is before the first day: choose the range again.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Reading the assessment…</source>
        <translation>Reading the assessment…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>This hub (protocol 1.0) does not provide assessment: the board needs a protocol 1.1 hub (GET /assessment).</source>
        <translation>This hub (protocol 1.0) does not provide assessment: the board needs a protocol 1.1 hub (GET /assessment).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Could not read the assessment: {error}</source>
        <translation>Could not read the assessment: {error}</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed on time</source>
        <translation>Signed on time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Resolved on time</source>
        <translation>Resolved on time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rework rate</source>
        <translation>Rework rate</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Return rate</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Urges</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Whistle check-in</source>
        <translation>Whistle check-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open overdue</source>
        <translation>Open overdue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Double-click a figure to see the cases behind it</source>
        <translation>Double-click a figure to see the cases behind it</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Composite score</source>
        <translation>Composite score</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Weights not changed: {error}</source>
        <translation>Weights not changed: {error}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{n} rows · {a} – {b} · {flagged} under the red line {line:g}</source>
        <translation>{n} rows · {a} – {b} · {flagged} under the red line {line:g}</translation>
    </message>
    <message>
        <location line="-63" />
        <source>below</source>
        <translation>below</translation>
    </message>
    <message>
        <location line="+75" />
        <source>Score = ({r:g} × signed on time + {s:g} × solved + {t:g} × satisfied) ÷ {total:g} × 100; a rate without data is left out and the weights rescaled. Signed on time = on-time signs ÷ dispatches; resolved on time = on-time resolves ÷ resolves; solved = solved ÷ (callbacks − unreachable); satisfied = (satisfied + basically satisfied) ÷ rated callbacks; rework rate = reworks ÷ resolves; return rate = return requests ÷ dispatches.</source>
        <translation>Score = ({r:g} × signed on time + {s:g} × solved + {t:g} × satisfied) ÷ {total:g} × 100; a rate without data is left out and the weights rescaled. Signed on time = on-time signs ÷ dispatches; resolved on time = on-time resolves ÷ resolves; solved = solved ÷ (callbacks − unreachable); satisfied = (satisfied + basically satisfied) ÷ rated callbacks; rework rate = reworks ÷ resolves; return rate = return requests ÷ dispatches.</translation>
    </message>
    <message>
        <location line="+60" />
        <source>{name}: open overdue cases (now)</source>
        <translation>{name}: open overdue cases (now)</translation>
    </message>
    <message>
        <location line="+22" />
        <source>{name}: the cases behind this figure</source>
        <translation>{name}: the cases behind this figure</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Could not read the events: {error}</source>
        <translation>Could not read the events: {error}</translation>
    </message>
</context>
<context>
    <name>AuditTailPane</name>
    <message>
        <location filename="../../widgets/audit_tail.py" line="+107" />
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+23" />
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0" />
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <location line="+0" />
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location line="+0" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+37" />
        <source>not an audit answer</source>
        <translation>not an audit answer</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The audit log is shown to supervisors only.</source>
        <translation>The audit log is shown to supervisors only.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{n} entries · {refused} refused · newest first</source>
        <translation>{n} entries · {refused} refused · newest first</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⚠ Audit log unavailable ({error}); retrying.</source>
        <translation>⚠ Audit log unavailable ({error}); retrying.</translation>
    </message>
    <message>
        <location line="-130" />
        <source>Time</source>
        <extracomment>the kept entries, newest first</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../console/audit_viewer.py" line="+82" />
        <source>Command Post — audit log</source>
        <translation>Command Post — audit log</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No.</source>
        <extracomment>the entries shown, oldest first (new pages are appended: the selection stays)</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Load newer entries</source>
        <translation>Load newer entries</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Check the chain</source>
        <translation>Check the chain</translation>
    </message>
    <message>
        <location line="+28" />
        <source>{count} entries</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Reading the audit log</source>
        <translation>Reading the audit log</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Chain intact: {count} entries checked.</source>
        <translation>Chain intact: {count} entries checked.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Chain broken at entry {id}: it was edited, inserted or an entry before it deleted.</source>
        <translation>Chain broken at entry {id}: it was edited, inserted or an entry before it deleted.</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location line="-120" />
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+0" />
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <location line="+0" />
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location line="+0" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>log in</source>
        <translation>log in</translation>
    </message>
    <message>
        <location line="+0" />
        <source>log out</source>
        <translation>log out</translation>
    </message>
    <message>
        <location line="+0" />
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <location line="+1" />
        <source>dispatch</source>
        <translation>dispatch</translation>
    </message>
    <message>
        <location line="+0" />
        <source>urge</source>
        <translation>urge</translation>
    </message>
    <message>
        <location line="+0" />
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location line="+1" />
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location line="+0" />
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <location line="+0" />
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reopen</source>
        <translation>reopen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>whistle</source>
        <translation>whistle</translation>
    </message>
    <message>
        <location line="+0" />
        <source>check in</source>
        <translation>check in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>start a call</source>
        <translation>start a call</translation>
    </message>
    <message>
        <location line="+0" />
        <source>end a call</source>
        <translation>end a call</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change password</source>
        <translation>change password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>start two-step enrolment</source>
        <translation>start two-step enrolment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>turn two-step verification on</source>
        <translation>turn two-step verification on</translation>
    </message>
    <message>
        <location line="+1" />
        <source>add account</source>
        <translation>add account</translation>
    </message>
    <message>
        <location line="+0" />
        <source>disable account</source>
        <translation>disable account</translation>
    </message>
    <message>
        <location line="+1" />
        <source>enable account</source>
        <translation>enable account</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reset password</source>
        <translation>reset password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unlock account</source>
        <translation>unlock account</translation>
    </message>
    <message>
        <location line="+0" />
        <source>reset two-step</source>
        <translation>reset two-step</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="+470" />
        <source>Start a video call (云视讯)</source>
        <translation>Start a video call (云视讯)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Video call: {title}</source>
        <translation>Video call: {title}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Video call of the post</source>
        <translation>Video call of the post</translation>
    </message>
    <message>
        <location line="+2" />
        <source>— no case</source>
        <translation>— no case</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Video call</source>
        <translation>Video call</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="+132" />
        <source>Callback: {case}</source>
        <translation>Callback: {case}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{name} {phone}</source>
        <translation>{name} {phone}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show the number (logged)</source>
        <translation>Show the number (logged)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not solved</source>
        <translation>Not solved</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolved by</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Citizen says</source>
        <translation>Citizen says</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Record callback</source>
        <translation>Record callback</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The case will be closed without a rating.</source>
        <translation>The case will be closed without a rating.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The case goes back to the same unit for rework (重办).</source>
        <translation>The case goes back to the same unit for rework (重办).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The case will be closed.</source>
        <translation>The case will be closed.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Could not show the number: {e}</source>
        <translation>Could not show the number: {e}</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <location filename="../../widgets/calls.py" line="+133" />
        <source>Video calls</source>
        <translation>Video calls</translation>
    </message>
    <message>
        <location line="+18" />
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
        <location line="+5" />
        <source>✕ link refused: %1</source>
        <translation>✕ link refused: %1</translation>
    </message>
    <message>
        <location line="+49" />
        <source>%1 active calls</source>
        <translation>%1 active calls</translation>
    </message>
    <message>
        <location line="-156" />
        <source>Call</source>
        <extracomment>the active calls, newest first</extracomment>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+153" />
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
        <location filename="../../widgets/case_detail.py" line="+137" />
        <source>Urge the shown case</source>
        <translation>Urge the shown case</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Case detail</source>
        <translation>Case detail</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Only a case held by a unit can be urged.</source>
        <translation>Only a case held by a unit can be urged.</translation>
    </message>
    <message>
        <location line="+6" />
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
        <location line="-134" />
        <location line="+138" />
        <source>History</source>
        <extracomment>roles that may urge (督办) a case the history timeline (synced by event: live reloads add only the new events)</extracomment>
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
        <location line="+11" />
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
        <location line="+36" />
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
        <location line="+8" />
        <source>Could not load the history: %1</source>
        <translation>Could not load the history: %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No history yet.</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <location line="+11" />
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
    <message>
        <location line="+3" />
        <source>video call started</source>
        <translation>video call started</translation>
    </message>
    <message>
        <location line="+1" />
        <source>video call ended</source>
        <translation>video call ended</translation>
    </message>
</context>
<context>
    <name>CaseNoteDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="+120" />
        <source>{what}: {case}</source>
        <translation>{what}: {case}</translation>
    </message>
</context>
<context>
    <name>CaseQueuePane</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="+286" />
        <source>… assigning → %1</source>
        <translation>… assigning → %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Case queue</source>
        <translation>Case queue</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Unit: %1  ✕</source>
        <translation>Unit: %1  ✕</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show every unit's cases</source>
        <translation>Show every unit's cases</translation>
    </message>
    <message>
        <location line="+90" />
        <source>— unassigned</source>
        <extracomment>what the unit column shows for a case no unit holds</extracomment>
        <translation>— unassigned</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-243" />
        <location line="+243" />
        <source>Priority</source>
        <extracomment>a busy feed repaints the table at most this often (ms); user input repaints at once. One repaint of a full-screen table costs 4-9 ms with the table's own painting (widgets.static_cells; 27-47 ms through QTableView's), and the rows it shows change many times a second under a 2,000 events/s feed: once a second keeps them readable.</extracomment>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="-189" />
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <location line="+189" />
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
        <location line="+11" />
        <source>Search id, title, address, unit… (Ctrl+F)</source>
        <translation>Search id, title, address, unit… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy case IDs</source>
        <translation>Copy case IDs</translation>
    </message>
    <message>
        <location line="+133" />
        <source>%1 of %2 cases</source>
        <translation>%1 of %2 cases</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../console/security_dialogs.py" line="+79" />
        <location line="+18" />
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Your password was reset: choose a new one before you continue.</source>
        <translation>Your password was reset: choose a new one before you continue.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose a new password.</source>
        <translation>Choose a new password.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At least 8 characters, from 3 of: lower case, upper case, digits, symbols; not one of your last 5 passwords.</source>
        <translation>At least 8 characters, from 3 of: lower case, upper case, digits, symbols; not one of your last 5 passwords.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Enter the current and the new password.</source>
        <translation>Enter the current and the new password.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Changing the password…</source>
        <translation>Changing the password…</translation>
    </message>
</context>
<context>
    <name>CommandBar</name>
    <message>
        <location filename="../../console/command_bar.py" line="+71" />
        <location line="+104" />
        <source>Command bar</source>
        <translation>Command bar</translation>
    </message>
    <message>
        <location line="-99" />
        <source>Case ID, unit, region, or a command: 督办 CX-…, 改派 CX-… → unit</source>
        <translation>Case ID, unit, region, or a command: 督办 CX-…, 改派 CX-… → unit</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Nothing matches “%1”.</source>
        <translation>Nothing matches “%1”.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Your role cannot urge cases.</source>
        <translation>Your role cannot urge cases.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Only a supervisor can reassign cases.</source>
        <translation>Only a supervisor can reassign cases.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reassign</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign {case} to {unit}?</source>
        <translation>Reassign {case} to {unit}?</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Command &amp;bar…</source>
        <translation>Command &amp;bar…</translation>
    </message>
</context>
<context>
    <name>CommandUi</name>
    <message>
        <location filename="../../console/supervisor/command_ui.py" line="+105" />
        <source>&amp;Reassign to…</source>
        <translation>&amp;Reassign to…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Undo reassignment</source>
        <translation>&amp;Undo reassignment</translation>
    </message>
    <message>
        <location line="+2" />
        <source>U&amp;rge…</source>
        <translation>U&amp;rge…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Blow the &amp;whistle…</source>
        <translation>Blow the &amp;whistle…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Video call…</source>
        <translation>&amp;Video call…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;End video call</source>
        <translation>&amp;End video call</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Actions</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Urge the holding unit…</source>
        <translation>Urge the holding unit…</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+126" />
        <source>End video call</source>
        <translation>End video call</translation>
    </message>
    <message>
        <location line="-125" />
        <source>Video call…</source>
        <translation>Video call…</translation>
    </message>
    <message>
        <location line="+76" />
        <location line="+16" />
        <source>Select a case first.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Urge (督办)</source>
        <translation>Urge (督办)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send a reminder about {case} to the unit holding it.</source>
        <translation>Send a reminder about {case} to the unit holding it.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Select a call in the calls pane first.</source>
        <translation>Select a call in the calls pane first.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>End the video call “{title}” for everyone?</source>
        <translation>End the video call “{title}” for everyone?</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../console/supervisor/reassign_dialogs.py" line="+189" />
        <source>Someone changed this case</source>
        <extracomment>the units, suggested first then lightest load (the filter hides rows)</extracomment>
        <translation>Someone changed this case</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{case} changed since you looked at it (another post or officer acted at the same moment). Nothing was changed by your request.</source>
        <translation>{case} changed since you looked at it (another post or officer acted at the same moment). Nothing was changed by your request.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Field</source>
        <extracomment>the changed fields in words, as the table shows them</extracomment>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You saw</source>
        <translation>You saw</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Retry: assign to {unit} (version {v})</source>
        <translation>Retry: assign to {unit} (version {v})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Leave it as it is</source>
        <translation>Leave it as it is</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/shell.py" line="+139" />
        <source>The feed stopped: {error}</source>
        <extracomment>no size given: open maximised on the screen (a shift console fills its screen) every pane gets the feed's change sets, events and ticks from here</extracomment>
        <translation>The feed stopped: {error}</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="-255" />
        <source>Decide: {case}</source>
        <translation>Decide: {case}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Asked at</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2" />
        <source>New due time</source>
        <translation>New due time</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due now</source>
        <translation>Due now</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DispatchBoardPane</name>
    <message>
        <location filename="../../console/supervisor/dispatch_board.py" line="+338" />
        <source>Dispatch board</source>
        <translation>Dispatch board</translation>
    </message>
    <message>
        <location line="+76" />
        <source>No unit fits {case}; choose one with Ctrl+R.</source>
        <translation>No unit fits {case}; choose one with Ctrl+R.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Select a case first.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Select a unit first.</source>
        <translation>Select a unit first.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>— none fits</source>
        <translation>— none fits</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{n} cases waiting for dispatch · oldest {age}</source>
        <translation>{n} cases waiting for dispatch · oldest {age}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>showing the oldest {m}</source>
        <translation>showing the oldest {m}</translation>
    </message>
    <message>
        <location line="-21" />
        <source>… assigning → {unit}</source>
        <translation>… assigning → {unit}</translation>
    </message>
    <message>
        <location line="-249" />
        <source>→ {n}</source>
        <translation>→ {n}</translation>
    </message>
    <message>
        <location line="+293" />
        <source>Units of the post — drop cases on a unit</source>
        <translation>Units of the post — drop cases on a unit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units of the post</source>
        <translation>Units of the post</translation>
    </message>
    <message>
        <location line="-319" />
        <source>Waiting</source>
        <extracomment>at most this many waiting cases are listed (the oldest); the header counts them all the listed waiting cases, oldest first (synced by case id: the selection stays)</extracomment>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggested unit</source>
        <translation>Suggested unit</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+16" />
        <source>Urges</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location line="-15" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Unit</source>
        <extracomment>the post's units, heaviest load first (synced by unit id)</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location line="+300" />
        <source>Dispatch to suggested (Enter)</source>
        <translation>Dispatch to suggested (Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign to… (Ctrl+R)</source>
        <translation>Reassign to… (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Urge unit's overdue cases</source>
        <translation>Urge unit's overdue cases</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter: dispatch the selected cases to the suggested unit (★) · drag cases onto a unit · Ctrl+R: choose a unit · Ctrl+Z: undo a reassignment (10 s)</source>
        <translation>Enter: dispatch the selected cases to the suggested unit (★) · drag cases onto a unit · Ctrl+R: choose a unit · Ctrl+Z: undo a reassignment (10 s)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Read-only for your role: only a supervisor dispatches.</source>
        <translation>Read-only for your role: only a supervisor dispatches.</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../console/loop/board.py" line="+40" />
        <source>Case</source>
        <extracomment>``(case id, title, status, ✓/✗ or "")`` as the figure was drilled, as listed</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{n} cases. Double-click one to select it.</source>
        <translation>{n} cases. Double-click one to select it.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The hub no longer keeps every event of this period: the list may be incomplete.</source>
        <translation>The hub no longer keeps every event of this period: the list may be incomplete.</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../widgets/common.py" line="+84" />
        <source>en</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <location filename="../../console/loop/inbox.py" line="+98" />
        <source>Asked at</source>
        <extracomment>the cases with a pending request (oldest first) and those awaiting a callback; synced by case id, so a rebuild keeps the operator's row</extracomment>
        <translation>Asked at</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+12" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="-11" />
        <location line="+12" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>New due time</source>
        <translation>New due time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Call back by</source>
        <translation>Call back by</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Resolved by</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reworks</source>
        <translation>Reworks</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Approve…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refuse…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Record callback…</source>
        <translation>Record callback…</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location line="+70" />
        <source>This hub speaks protocol 1.0: units return cases at once and there are no extension requests or callbacks to record here.</source>
        <translation>This hub speaks protocol 1.0: units return cases at once and there are no extension requests or callbacks to record here.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Requests ({n})</source>
        <translation>Requests ({n})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Callbacks due ({n})</source>
        <translation>Callbacks due ({n})</translation>
    </message>
</context>
<context>
    <name>KpiPane</name>
    <message>
        <location filename="../../widgets/kpi.py" line="+92" />
        <source>Today</source>
        <extracomment>the scope narrowed to (client.regions.Scope; None: the whole post) and its figures, kept by deltas (the same cases as the queue's scope filter)</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Beijing time</source>
        <translation>Beijing time</translation>
    </message>
    <message>
        <location line="+19" />
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
        <location line="+1" />
        <source>gaps filled</source>
        <translation>gaps filled</translation>
    </message>
    <message>
        <location line="+1" />
        <source>junk frames</source>
        <translation>junk frames</translation>
    </message>
    <message>
        <location line="+1" />
        <source>invalid events skipped</source>
        <translation>invalid events skipped</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reconnects</source>
        <translation>reconnects</translation>
    </message>
    <message>
        <location line="+1" />
        <source>snapshots</source>
        <translation>snapshots</translation>
    </message>
    <message>
        <location line="+34" />
        <source>%1 of %2 closed</source>
        <translation>%1 of %2 closed</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Overdue in %1</source>
        <translation>Overdue in %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reported today in %1</source>
        <translation>Reported today in %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>◔ %1 near due</source>
        <translation>◔ %1 near due</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+6" />
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
        <location line="-8" />
        <location line="+9" />
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location line="-47" />
        <source>last problem: %1</source>
        <translation>last problem: %1</translation>
    </message>
    <message>
        <location line="+47" />
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
        <location filename="../../console/app.py" line="+323" />
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
        <location filename="../../console/login.py" line="+50" />
        <source>Enter the code of your authenticator app (or a recovery code).</source>
        <extracomment>demo accounts offered in demo mode (the prefecture post of the demo jurisdiction)</extracomment>
        <translation>Enter the code of your authenticator app (or a recovery code).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Too many wrong passwords: this account is locked for a while (15 minutes).</source>
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
        <location line="+31" />
        <source>Command Post — log in</source>
        <extracomment>the officer asked to start the embedded hub again after it failed</extracomment>
        <translation>Command Post — log in</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Command Post console</source>
        <translation>Command Post console</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+11" />
        <source>6-digit code or a recovery code</source>
        <translation>6-digit code or a recovery code</translation>
    </message>
    <message>
        <location line="+2" />
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
        <location line="+1" />
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <location line="+26" />
        <source> (embedded demo hub)</source>
        <translation> (embedded demo hub)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>embedded demo hub</source>
        <translation>embedded demo hub</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Enter user name and password.</source>
        <translation>Enter user name and password.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not a hub address: {url}</source>
        <translation>Not a hub address: {url}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>LoopActions</name>
    <message>
        <location filename="../../console/loop/commands.py" line="+120" />
        <source>Approve request on {case}</source>
        <extracomment>replaced in tests: ``(command, seen, current) -&gt; retry?`` where the reset change set of switching the stage clocks on goes: the :class:`console.distributor.ChangeDistributor`'s ``deliver`` (console and wall set it; None: nothing shows the State yet)</extracomment>
        <translation>Approve request on {case}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refuse request on {case}</source>
        <translation>Refuse request on {case}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose how satisfied the citizen is.</source>
        <translation>Choose how satisfied the citizen is.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Callback on {case}</source>
        <translation>Callback on {case}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A case cannot be merged into itself.</source>
        <translation>A case cannot be merged into itself.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Merge {case} into {into}</source>
        <translation>Merge {case} into {into}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Close {case}</source>
        <translation>Close {case}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reopen {case}</source>
        <translation>Reopen {case}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Your role cannot do this; nothing was sent.</source>
        <translation>Your role cannot do this; nothing was sent.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{case} is no longer in this post's picture; nothing was sent.</source>
        <translation>{case} is no longer in this post's picture; nothing was sent.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>{case}: left as it is now.</source>
        <translation>{case}: left as it is now.</translation>
    </message>
    <message>
        <location filename="../../console/loop/dialogs.py" line="-37" />
        <source>Optional note</source>
        <translation>Optional note</translation>
    </message>
    <message>
        <location filename="../../console/loop/prompts.py" line="+22" />
        <source>{case} has no request you can decide.</source>
        <translation>{case} has no request you can decide.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Only a resolved case can be called back.</source>
        <translation>Only a resolved case can be called back.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Only an open case can be merged into another.</source>
        <translation>Only an open case can be merged into another.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Only a resolved case can be closed or reopened.</source>
        <translation>Only a resolved case can be closed or reopened.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+2" />
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Send this resolved case back to the unit that holds it.</source>
        <translation>Send this resolved case back to the unit that holds it.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Close this resolved case (the callback confirmed it).</source>
        <translation>Close this resolved case (the callback confirmed it).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close case</source>
        <translation>Close case</translation>
    </message>
</context>
<context>
    <name>LoopConflictDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="+291" />
        <source>decide</source>
        <translation>decide</translation>
    </message>
    <message>
        <location line="+0" />
        <source>record the callback</source>
        <translation>record the callback</translation>
    </message>
    <message>
        <location line="+1" />
        <source>merge</source>
        <translation>merge</translation>
    </message>
    <message>
        <location line="+0" />
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reopen</source>
        <translation>reopen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retry: {what} {case} (version {v})</source>
        <translation>Retry: {what} {case} (version {v})</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign by</source>
        <translation>Sign by</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call back by</source>
        <translation>Call back by</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Counters</source>
        <translation>Counters</translation>
    </message>
</context>
<context>
    <name>LoopUi</name>
    <message>
        <location filename="../../console/loop/wiring.py" line="+59" />
        <source>&amp;Decide request…</source>
        <extracomment>the detail pane's row of loop buttons (None: no detail pane)</extracomment>
        <translation>&amp;Decide request…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Record &amp;callback…</source>
        <translation>Record &amp;callback…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Merge duplicate…</source>
        <translation>&amp;Merge duplicate…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;lose case…</source>
        <translation>C&amp;lose case…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;open case…</source>
        <translation>Re&amp;open case…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&amp;Loop</source>
        <translation>&amp;Loop</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Select a case first.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Decide request…</source>
        <translation>Decide request…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Record callback…</source>
        <translation>Record callback…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Merge duplicate…</source>
        <translation>Merge duplicate…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="+244" />
        <source>&amp;Lock console</source>
        <extracomment>per pane: whether the user is giving it input right now (see widgets.gesture) selection signals refused because no user gesture caused them (for checks) the alerts tab's flash phase (True: highlighted) called with the layout kind after a built-in layout is applied (added panes) the command bar (Ctrl+K) and its menu action, once :mod:`console.command_bar` installed them</extracomment>
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
        <source>Layout for 1366×768</source>
        <translation>Layout for 1366×768</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Layout for two screens</source>
        <translation>Layout for two screens</translation>
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
        <location line="+13" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Command Post — {post} — {user} ({role})</source>
        <translation>Command Post — {post} — {user} ({role})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location line="+11" />
        <source>(retry in {s} s)</source>
        <translation>(retry in {s} s)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Last event {seq}; reconnects {n}</source>
        <translation>Last event {seq}; reconnects {n}</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Layout reset.</source>
        <translation>Layout reset.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Layout saved.</source>
        <translation>Layout saved.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The saved layout does not fit this screen; the built-in layout is used.</source>
        <translation>The saved layout does not fit this screen; the built-in layout is used.</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+35" />
        <source>{case} is not in this post's picture.</source>
        <translation>{case} is not in this post's picture.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Alarm sound off</source>
        <translation>Alarm sound off</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Turn it on in the alerts pane (Ctrl+M)</source>
        <translation>Turn it on in the alerts pane (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+56" />
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
        <location filename="../../widgets/map_view.py" line="+263" />
        <source>Map</source>
        <extracomment>regions labelled at most (more are drawn, unlabelled) the scope the cases are narrowed to (None: the whole post)</extracomment>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+383" />
        <source>%1 open · %2 overdue</source>
        <translation>%1 open · %2 overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location line="+62" />
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
        <location line="+4" />
        <source>regions shaded by open cases; click a region to drill in</source>
        <translation>regions shaded by open cases; click a region to drill in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Click a case to select it; Shift+drag it onto a unit to assign it</source>
        <translation>Click a case to select it; Shift+drag it onto a unit to assign it</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Click a case to select it</source>
        <translation>Click a case to select it</translation>
    </message>
    <message>
        <location line="+1" />
        <source>↑ Up</source>
        <translation>↑ Up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the region above</source>
        <translation>Back to the region above</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heat</source>
        <translation>Heat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the density of cases instead of points</source>
        <translation>Show the density of cases instead of points</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit the view to the region and its cases</source>
        <translation>Fit the view to the region and its cases</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Base map: none (boundaries only)</source>
        <translation>Base map: none (boundaries only)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Base map: %1</source>
        <translation>Base map: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(GCJ-02, shifted to WGS 84)</source>
        <translation>(GCJ-02, shifted to WGS 84)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="-134" />
        <source>Merge duplicate: {case}</source>
        <translation>Merge duplicate: {case}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close {case} as a duplicate of the case chosen below (并单).</source>
        <translation>Close {case} as a duplicate of the case chosen below (并单).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Search by ID, title or address</source>
        <translation>Search by ID, title or address</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case</source>
        <extracomment>the candidates shown (synced by case id: a new search keeps the picked one)</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+21" />
        <source>No open case looks like this one; search by ID, title or address.</source>
        <translation>No open case looks like this one; search by ID, title or address.</translation>
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
        <source>hub database unavailable; try again shortly.</source>
        <translation>hub database unavailable; try again shortly.</translation>
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
    <name>MonthlyReport</name>
    <message>
        <location filename="../../console/loop/report.py" line="+52" />
        <source>Composite score, best first (dashed: the red line {line:g})</source>
        <translation>Composite score, best first (dashed: the red line {line:g})</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Command Post · monthly assessment report · {post} · {month}</source>
        <translation>Command Post · monthly assessment report · {post} · {month}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Monthly assessment report (考核通报)</source>
        <translation>Monthly assessment report (考核通报)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Period {span} ({zone}); made {at} from the hub's counts.</source>
        <translation>Period {span} ({zone}); made {at} from the hub's counts.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed on time</source>
        <translation>Signed on time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolved on time</source>
        <translation>Resolved on time</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+47" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="-46" />
        <location line="+47" />
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="-46" />
        <source>Units ranked</source>
        <translation>Units ranked</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Below the red line</source>
        <translation>Below the red line</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reworks</source>
        <translation>Reworks</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+43" />
        <source>Urges</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location line="-42" />
        <source>Open overdue</source>
        <translation>Open overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How the score is computed</source>
        <translation>How the score is computed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score = ({r:g} × signed-on-time rate + {s:g} × solved rate + {t:g} × satisfied rate) ÷ {sum:g} × 100. Red line: {line:g} points; a unit under it is flagged ▼.</source>
        <translation>Score = ({r:g} × signed-on-time rate + {s:g} × solved rate + {t:g} × satisfied rate) ÷ {sum:g} × 100. Red line: {line:g} points; a unit under it is flagged ▼.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Signed-on-time rate (签收及时率) = signs at or before the sign deadline ÷ dispatches and reassignments; resolved-on-time rate (按期办结率) = resolves at or before the due time ÷ resolves; solved rate (解决率) = callbacks the citizen called solved ÷ (callbacks − unreachable); satisfied rate (满意率) = (satisfied + basically satisfied) ÷ rated callbacks; rework rate (重办率) = reworks ÷ resolves; return rate (退单率) = return requests ÷ dispatches. A rate without data is left out and the other weights rescaled; a unit with none is not ranked.</source>
        <translation>Signed-on-time rate (签收及时率) = signs at or before the sign deadline ÷ dispatches and reassignments; resolved-on-time rate (按期办结率) = resolves at or before the due time ÷ resolves; solved rate (解决率) = callbacks the citizen called solved ÷ (callbacks − unreachable); satisfied rate (满意率) = (satisfied + basically satisfied) ÷ rated callbacks; rework rate (重办率) = reworks ÷ resolves; return rate (退单率) = return requests ÷ dispatches. A rate without data is left out and the other weights rescaled; a unit with none is not ranked.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ranking</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Red list (top 5)</source>
        <translation>Red list (top 5)</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+4" />
        <location line="+17" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Black list (bottom 5)</source>
        <translation>Black list (bottom 5)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+0" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rework</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Monthly assessment report</source>
        <translation>Monthly assessment report</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <location filename="../../console/loop/report_dialog.py" line="+35" />
        <source>Monthly assessment report</source>
        <translation>Monthly assessment report</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF file</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV file</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Write report</source>
        <translation>Write report</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Weights {w}, red line {line:g}</source>
        <translation>Weights {w}, red line {line:g}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Reading {month}…</source>
        <translation>Reading {month}…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Cannot write: {e}</source>
        <translation>Cannot write: {e}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Written: {pdf} ({n} pages) {csv}</source>
        <translation>Written: {pdf} ({n} pages) {csv}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The hub did not give the figures: {e}</source>
        <translation>The hub did not give the figures: {e}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="+16" />
        <source>Optional note</source>
        <translation>Optional note</translation>
    </message>
</context>
<context>
    <name>OtpEnrolDialog</name>
    <message>
        <location filename="../../console/security_dialogs.py" line="+35" />
        <source>Two-step verification</source>
        <translation>Two-step verification</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This hub requires two-step verification for your role. Scan the code with an authenticator app (TOTP), then enter the 6 digits it shows.</source>
        <translation>This hub requires two-step verification for your role. Scan the code with an authenticator app (TOTP), then enter the 6 digits it shows.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan the code with an authenticator app (TOTP), then enter the 6 digits it shows.</source>
        <translation>Scan the code with an authenticator app (TOTP), then enter the 6 digits it shows.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Key (to type in by hand)</source>
        <translation>Key (to type in by hand)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code from the app</source>
        <translation>Code from the app</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Asking the hub for a new key…</source>
        <translation>Asking the hub for a new key…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Enter the 6 digits the app shows.</source>
        <translation>Enter the 6 digits the app shows.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Two-step verification is on. Keep these recovery codes somewhere safe: each logs you in once without the app. They are shown only now.</source>
        <translation>Two-step verification is on. Keep these recovery codes somewhere safe: each logs you in once without the app. They are shown only now.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>I have saved them</source>
        <translation>I have saved them</translation>
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
        <location line="+1" />
        <source>Regions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location line="+44" />
        <source>{n} cases</source>
        <translation>{n} cases</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../console/i18n.py" line="+30" />
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 File</source>
        <translation>%1 File</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-4" />
        <source>&amp;Look in:</source>
        <extracomment>Qt's own words that its qtbase_zh_CN.qm (Qt 6) lacks, seen in the file dialog of the handover report under zh_CN: translated in commandpost_zh_CN.ts, whose translator is asked before Qt's (installed after it). "Folder" is asked for with the comment "All other platforms"; a translator falls back to the entry without one.</extracomment>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>RegionTreePane</name>
    <message>
        <location filename="../../widgets/region_tree.py" line="+118" />
        <source>Regions</source>
        <extracomment>the counts are repainted at most this often (ms) the near-due column shows when the name column keeps room for this many characters the scope shown (the console's, as ``on_scope`` told it)</extracomment>
        <translation>Regions</translation>
    </message>
    <message>
        <location line="+136" />
        <source>%1: %2 open · %3 overdue · %4 near due</source>
        <translation>%1: %2 open · %3 overdue · %4 near due</translation>
    </message>
    <message>
        <location line="+15" />
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+13" />
        <source>All subcategories</source>
        <translation>All subcategories</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Showing the whole post.</source>
        <translation>Showing the whole post.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Narrowed to: %1</source>
        <translation>Narrowed to: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Near due</source>
        <translation>Near due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open cases in the region</source>
        <translation>Open cases in the region</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../console/review/cli.py" line="+319" />
        <location filename="../../console/review/window.py" line="+617" />
        <source>Handover report…</source>
        <translation>Handover report…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Could not write the report: {err}</source>
        <translation>Could not write the report: {err}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Report written: {pdf}</source>
        <translation>Report written: {pdf}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Choose a shift to review</source>
        <translation>Choose a shift to review</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1" />
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../console/review/window.py" line="-156" />
        <location line="+7" />
        <source>Events</source>
        <extracomment>every move of the cursor reaches the panes from here (as the feed does live) the numbers of the events that match the filter (also as an array, for seeking) the cursor steps of those events (for following the cursor in the list)</extracomment>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../console/review/report.py" line="+99" />
        <source>Page {n}</source>
        <extracomment>OpenType features turned off in the reports' text, so every glyph drawn is the one the font's character map gives: the PDF's ToUnicode map (how a reader copies the text) is built by looking each glyph up in that map. With ``locl`` on, Noto Sans CJK draws the digits of a Latin run as substitute glyphs no character maps to, and the English report's figures and case numbers copied as nothing; ``liga`` turns "ffl" into one glyph.</extracomment>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location line="+95" />
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>… and {n} more (see the CSV)</source>
        <translation>… and {n} more (see the CSV)</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Cases reported and closed per hour</source>
        <translation>Cases reported and closed per hour</translation>
    </message>
    <message>
        <location line="+3" />
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <location line="+0" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+86" />
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{d} d {h} h</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Command Post · shift handover report · {post} · shift {label}</source>
        <translation>Command Post · shift handover report · {post} · shift {label}</translation>
    </message>
    <message>
        <location line="+23" />
        <location line="+258" />
        <source>Shift handover report</source>
        <translation>Shift handover report</translation>
    </message>
    <message>
        <location line="-254" />
        <source>Shift {label}: {span} ({zone})</source>
        <translation>Shift {label}: {span} ({zone})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Figures as at {at}; made from {n} cached events (seq {seqs}), offline.</source>
        <translation>Figures as at {at}; made from {n} cached events (seq {seqs}), offline.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Warning: the cache file is damaged; the report covers only what could be read.</source>
        <translation>Warning: the cache file is damaged; the report covers only what could be read.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cases of the shift</source>
        <translation>Cases of the shift</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+68" />
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="-67" />
        <location line="+85" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="-84" />
        <source>Closure rate</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On-time rate</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue at handover</source>
        <translation>Overdue at handover</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open critical</source>
        <translation>Open critical</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Urges</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whistles</source>
        <translation>Whistles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+19" />
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Cases by status</source>
        <translation>Cases by status</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cases by category (top 8)</source>
        <translation>Cases by category (top 8)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Counts by status, category and unit</source>
        <translation>Counts by status, category and unit</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+21" />
        <location line="+12" />
        <location line="+18" />
        <location filename="../../console/review/window.py" line="-164" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-51" />
        <location line="+2" />
        <location line="+3" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+55" />
        <location line="+75" />
        <location line="+9" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="-138" />
        <location line="+13" />
        <location line="+11" />
        <location line="+19" />
        <source>— unassigned</source>
        <translation>— unassigned</translation>
    </message>
    <message>
        <location line="-35" />
        <source>Overdue at handover ({n})</source>
        <translation>Overdue at handover ({n})</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+12" />
        <location line="+18" />
        <location line="+9" />
        <location line="+13" />
        <location line="+14" />
        <location line="+34" />
        <location line="+14" />
        <location line="+9" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="-123" />
        <location line="+12" />
        <location line="+18" />
        <location line="+36" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-66" />
        <location line="+12" />
        <location line="+18" />
        <source>Held by</source>
        <translation>Held by</translation>
    </message>
    <message>
        <location line="-30" />
        <location line="+12" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Overdue by</source>
        <translation>Overdue by</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open critical cases ({n})</source>
        <translation>Open critical cases ({n})</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Closed during the shift, known from a snapshot ({n})</source>
        <translation>Closed during the shift, known from a snapshot ({n})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The cache holds no close event for these cases (it started mid-shift or reloaded a snapshot); they are counted as closed in the shift.</source>
        <translation>The cache holds no close event for these cases (it started mid-shift or reloaded a snapshot); they are counted as closed in the shift.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Urges ({n})</source>
        <translation>Urges ({n})</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+13" />
        <location line="+48" />
        <location line="+7" />
        <location line="+7" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="-75" />
        <location line="+13" />
        <location line="+55" />
        <location filename="../../console/review/window.py" line="+0" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-68" />
        <location line="+13" />
        <location line="+49" />
        <location line="+6" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-62" />
        <source>Whistles ({n})</source>
        <translation>Whistles ({n})</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Calls ({n})</source>
        <translation>Calls ({n})</translation>
    </message>
    <message>
        <location line="+6" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Definitions: cases of the shift = open at its start or changed during it, as at its end; closure rate = closed in the shift / cases of the shift; on time = closed no later than due; overdue at handover = still being handled past due. Priorities: {c} = critical.</source>
        <translation>Definitions: cases of the shift = open at its start or changed during it, as at its end; closure rate = closed in the shift / cases of the shift; on time = closed no later than due; overdue at handover = still being handled past due. Priorities: {c} = critical.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Closed loop: callbacks, reworks, merges, requests</source>
        <translation>Closed loop: callbacks, reworks, merges, requests</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{c} callbacks ({w} sent back for rework), {m} merged duplicates, {d} requests decided, {p} pending at handover, {s} late signs.</source>
        <translation>{c} callbacks ({w} sent back for rework), {m} merged duplicates, {d} requests decided, {p} pending at handover, {s} late signs.</translation>
    </message>
    <message>
        <location line="+6" />
        <location filename="../../console/review/window.py" line="-46" />
        <source>solved</source>
        <translation>solved</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../console/review/window.py" line="+1" />
        <source>not solved</source>
        <translation>not solved</translation>
    </message>
    <message>
        <location line="+4" />
        <source>rework</source>
        <translation>rework</translation>
    </message>
    <message>
        <location line="+0" />
        <source>case closed</source>
        <translation>case closed</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Resolved by</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location line="+5" />
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location line="+0" />
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+9" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+8" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Asked at</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <location filename="../../console/review/window.py" line="-186" />
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case changes</source>
        <translation>Case changes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Urges only</source>
        <translation>Urges only</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whistles and calls</source>
        <translation>Whistles and calls</translation>
    </message>
    <message>
        <location line="+49" />
        <location line="+349" />
        <source>Read-only review of a cached shift — no hub connection.</source>
        <extracomment>the shift file's folder: the map reads the region polygons kept there</extracomment>
        <translation>Read-only review of a cached shift — no hub connection.</translation>
    </message>
    <message>
        <location line="-260" />
        <location line="+14" />
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <location line="-14" />
        <location line="+16" />
        <source>urged</source>
        <translation>urged</translation>
    </message>
    <message>
        <location line="-15" />
        <location line="+17" />
        <source>whistle</source>
        <translation>whistle</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+17" />
        <source>whistle check-in</source>
        <translation>whistle check-in</translation>
    </message>
    <message>
        <location line="-16" />
        <location line="+17" />
        <source>call</source>
        <translation>call</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+17" />
        <source>call ended</source>
        <translation>call ended</translation>
    </message>
    <message>
        <location line="-16" />
        <source>unit changed</source>
        <translation>unit changed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>skipped: invalid in the hub's log</source>
        <translation>skipped: invalid in the hub's log</translation>
    </message>
    <message>
        <location line="+2" />
        <source>other event ({type})</source>
        <translation>other event ({type})</translation>
    </message>
    <message>
        <location line="+6" />
        <source>as found at shift start</source>
        <translation>as found at shift start</translation>
    </message>
    <message>
        <location line="+17" />
        <source>{stage} by {t}</source>
        <translation>{stage} by {t}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <location line="+52" />
        <location line="+35" />
        <source>Select a case to see its story.</source>
        <translation>Select a case to see its story.</translation>
    </message>
    <message>
        <location line="-30" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Took</source>
        <translation>Took</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Elapsed / SLA</source>
        <translation>Elapsed / SLA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location line="+31" />
        <source>SLA {d}</source>
        <translation>SLA {d}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{p}% of SLA</source>
        <translation>{p}% of SLA</translation>
    </message>
    <message>
        <location line="+5" />
        <source>LATE</source>
        <translation>LATE</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Offline review — {post} — shift {label}</source>
        <extracomment>the dock columns and their width shares (none until the docks are laid out) the review position: step, time and the replayed State there</extracomment>
        <translation>Offline review — {post} — shift {label}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Case story</source>
        <translation>Case story</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The cache file is damaged or truncated: {n} events could be read, up to seq {seq} ({time}). The rest is lost. Opened read-only.</source>
        <translation>The cache file is damaged or truncated: {n} events could be read, up to seq {seq} ({time}). The rest is lost. Opened read-only.</translation>
    </message>
    <message>
        <location line="+83" />
        <source>Offline review</source>
        <translation>Offline review</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+119" />
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location line="-108" />
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Step back one event</source>
        <translation>Step back one event</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Step forward one event</source>
        <translation>Step forward one event</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous event of the selected case</source>
        <translation>Previous event of the selected case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next event of the selected case</source>
        <translation>Next event of the selected case</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Filter events: case id, unit, actor, action</source>
        <translation>Filter events: case id, unit, actor, action</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Next match</source>
        <translation>Next match</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next event matching the filter</source>
        <translation>Next event matching the filter</translation>
    </message>
    <message>
        <location line="+72" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+14" />
        <source>{n} events match</source>
        <translation>{n} events match</translation>
    </message>
    <message>
        <location line="+57" />
        <source>{time} · shift start (snapshot, seq {seq})</source>
        <translation>{time} · shift start (snapshot, seq {seq})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{time} · event {i} of {n} · seq {seq}</source>
        <translation>{time} · event {i} of {n} · seq {seq}</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../console/security_dialogs.py" line="-203" />
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The new password must differ from your last 5 passwords.</source>
        <translation>The new password must differ from your last 5 passwords.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The new password needs at least 8 characters.</source>
        <translation>The new password needs at least 8 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The new password needs 3 of: lower case, upper case, digits, symbols.</source>
        <translation>The new password needs 3 of: lower case, upper case, digits, symbols.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The code does not match: check the phone's clock and try the next code.</source>
        <translation>The code does not match: check the phone's clock and try the next code.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The hub refused: {reason}</source>
        <translation>The hub refused: {reason}</translation>
    </message>
</context>
<context>
    <name>SecurityUi</name>
    <message>
        <location filename="../../console/security_ui.py" line="+22" />
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Two-step &amp;verification…</source>
        <translation>Two-step &amp;verification…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unencrypted link (http): passwords and cases travel in clear</source>
        <translation>Unencrypted link (http): passwords and cases travel in clear</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../console/session.py" line="+118" />
        <source>{label}: this console is read-only.</source>
        <extracomment>the shift cache folder (the map keeps the region polygons there), or None the post's working calendar: the closed-loop clocks count working hours on it the commands panes may ask for; the console installs its Actions here (:func:`console.supervisor.actions.actions_for`) before it builds the panes the closed-loop commands (protocol 1.1), made on first use by :func:`console.loop.commands.loop_for` the region node and category the panes are narrowed to (shared, like selected)</extracomment>
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
        <location filename="../../console/main_window.py" line="+39" />
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
    <name>Stage</name>
    <message>
        <location filename="../../widgets/stage_text.py" line="+17" />
        <source>sign</source>
        <translation>sign</translation>
    </message>
    <message>
        <location line="+0" />
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location line="+1" />
        <source>callback</source>
        <translation>callback</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sign overdue</source>
        <translation>Sign overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolve overdue</source>
        <translation>Resolve overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Callback overdue</source>
        <translation>Callback overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sign near due</source>
        <translation>Sign near due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolve near due</source>
        <translation>Resolve near due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Callback near due</source>
        <translation>Callback near due</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sign by</source>
        <translation>Sign by</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Resolve by</source>
        <translation>Resolve by</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call back by</source>
        <translation>Call back by</translation>
    </message>
    <message>
        <location line="+5" />
        <source>satisfied</source>
        <translation>satisfied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>basically satisfied</source>
        <translation>basically satisfied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>dissatisfied</source>
        <translation>dissatisfied</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location line="+10" />
        <source>return request</source>
        <translation>return request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>extension request</source>
        <translation>extension request</translation>
    </message>
    <message>
        <location line="+5" />
        <source>working time</source>
        <translation>working time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>wall-clock time</source>
        <translation>wall-clock time</translation>
    </message>
</context>
<context>
    <name>StageClocks</name>
    <message>
        <location filename="../../widgets/stage_clocks.py" line="+100" />
        <source>This hub speaks protocol 1.0: it sets no sign or callback deadlines, so only the due time above runs.</source>
        <extracomment>statuses after which a stage is over</extracomment>
        <translation>This hub speaks protocol 1.0: it sets no sign or callback deadlines, so only the due time above runs.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{kind} from {unit} at {at}: “{reason}”</source>
        <translation>{kind} from {unit} at {at}: “{reason}”</translation>
    </message>
    <message>
        <location line="+7" />
        <source>(until {t})</source>
        <translation>(until {t})</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Callback: {solved}, {sat}</source>
        <translation>Callback: {solved}, {sat}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>solved</source>
        <translation>solved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not solved</source>
        <translation>not solved</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Merged into {case} (duplicate)</source>
        <translation>Merged into {case} (duplicate)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Urges {u} · returns {r} · extensions {e} · reworks {w}</source>
        <translation>Urges {u} · returns {r} · extensions {e} · reworks {w}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reporter: {name} {phone}</source>
        <translation>Reporter: {name} {phone}</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <location filename="../../console/login.py" line="+43" />
        <source>Command Post console</source>
        <translation>Command Post console</translation>
    </message>
</context>
<context>
    <name>TickerPane</name>
    <message>
        <location filename="../../widgets/ticker.py" line="+147" />
        <source>Incoming</source>
        <extracomment>the shown entries, newest first (the pane decides what is shown)</extracomment>
        <translation>Incoming</translation>
    </message>
    <message>
        <location line="+88" />
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
    <name>UndoNotice</name>
    <message>
        <location filename="../../console/supervisor/reassign_dialogs.py" line="+63" />
        <source>Undo ({s} s)</source>
        <translation>Undo ({s} s)</translation>
    </message>
</context>
<context>
    <name>UnitChecklist</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="-142" />
        <source>Type to filter units…</source>
        <translation>Type to filter units…</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../console/supervisor/reassign_dialogs.py" line="-221" />
        <source>Reassign to…</source>
        <translation>Reassign to…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign {case} to:</source>
        <translation>Reassign {case} to:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign {n} cases to:</source>
        <translation>Reassign {n} cases to:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type to filter units…</source>
        <translation>Type to filter units…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>load {load}</source>
        <translation>load {load}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(suggested)</source>
        <translation>(suggested)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(holds it now)</source>
        <translation>(holds it now)</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../console/loop/wall_rank.py" line="+28" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Reading the assessment…</source>
        <translation>Reading the assessment…</translation>
    </message>
    <message>
        <location line="+53" />
        <source>This hub (protocol 1.0) provides no assessment</source>
        <translation>This hub (protocol 1.0) provides no assessment</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Score (signed {a} / solved {b} / satisfied {c}) · red line {line} · {n} units</source>
        <translation>Score (signed {a} / solved {b} / satisfied {c}) · red line {line} · {n} units</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No assessment figures this month yet</source>
        <translation>No assessment figures this month yet</translation>
    </message>
    <message>
        <location line="+8" />
        <source>▼ below the red line</source>
        <translation>▼ below the red line</translation>
    </message>
    <message>
        <location filename="../../console/wall/controller.py" line="+59" />
        <source>○ Connecting</source>
        <translation>○ Connecting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>◐ Catching up</source>
        <translation>◐ Catching up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>○ Link lost, reconnecting</source>
        <translation>○ Link lost, reconnecting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>✕ Offline</source>
        <translation>✕ Offline</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+435" />
        <source>✕ Login expired</source>
        <translation>✕ Login expired</translation>
    </message>
    <message>
        <location line="-220" />
        <source>retry in {s} s</source>
        <extracomment>the pump's sink: the controller's bookkeeping first, then every page</extracomment>
        <translation>retry in {s} s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>data as of {t}</source>
        <translation>data as of {t}</translation>
    </message>
    <message>
        <location line="+70" />
        <location filename="../../console/wall/window.py" line="+137" />
        <source>Command Center</source>
        <translation>Command Center</translation>
    </message>
    <message>
        <location line="+46" />
        <source>The feed stopped: {e}</source>
        <translation>The feed stopped: {e}</translation>
    </message>
    <message>
        <location line="+104" />
        <source>Login expired, logging in again</source>
        <translation>Login expired, logging in again</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Logging in again failed: {e}</source>
        <translation>Logging in again failed: {e}</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/base.py" line="+31" />
        <source>Today at a glance</source>
        <translation>Today at a glance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reports per hour</source>
        <translation>Reports per hour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today's reports</source>
        <translation>Today's reports</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit load</source>
        <translation>Unit load</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Video calls</source>
        <translation>Video calls</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This month's ranking</source>
        <translation>This month's ranking</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/kpi.py" line="+27" />
        <source>Reported today</source>
        <translation>Reported today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closure rate</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On-time rate</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Live calls</source>
        <translation>Live calls</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Requests to decide</source>
        <translation>Requests to decide</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/breakdown.py" line="+25" />
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By area</source>
        <translation>By area</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/load.py" line="+27" />
        <source>▲▲▲ high</source>
        <translation>▲▲▲ high</translation>
    </message>
    <message>
        <location line="+1" />
        <source>▲▲ medium</source>
        <translation>▲▲ medium</translation>
    </message>
    <message>
        <location line="+1" />
        <source>▲ low</source>
        <translation>▲ low</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/kpi.py" line="+55" />
        <source>yesterday by now {n}</source>
        <translation>yesterday by now {n}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>since {t}</source>
        <translation>since {t}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{c} of {r} of today's reports closed</source>
        <translation>{c} of {r} of today's reports closed</translation>
    </message>
    <message>
        <location line="+4" />
        <source>◔ {n} near due</source>
        <translation>◔ {n} near due</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{c} on time of {n} closed</source>
        <translation>{c} on time of {n} closed</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{n} units taking part</source>
        <translation>{n} units taking part</translation>
    </message>
    <message>
        <location line="+6" />
        <source>returns {r} · extensions {e}</source>
        <translation>returns {r} · extensions {e}</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/map.py" line="+205" />
        <source>{n} open</source>
        <translation>{n} open</translation>
    </message>
    <message>
        <location line="+2" />
        <source>shading = open cases</source>
        <translation>shading = open cases</translation>
    </message>
    <message>
        <location line="+2" />
        <source>◯ pulsing = overdue</source>
        <translation>◯ pulsing = overdue</translation>
    </message>
    <message>
        <location line="+37" />
        <source>{name}
{n} open · {d} overdue</source>
        <translation>{name}
{n} open · {d} overdue</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/trend.py" line="+66" />
        <source>▇ today</source>
        <translation>▇ today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>◇┄ yesterday</source>
        <translation>◇┄ yesterday</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Up to {t}: today {a} · yesterday by then {b}</source>
        <translation>Up to {t}: today {a} · yesterday by then {b}</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/breakdown.py" line="+98" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No reports yet today</source>
        <translation>No reports yet today</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/load.py" line="+74" />
        <source>{open} open · {duty} on duty</source>
        <translation>{open} open · {duty} on duty</translation>
    </message>
    <message>
        <location line="+5" />
        <source>⚠ {n} overdue</source>
        <translation>⚠ {n} overdue</translation>
    </message>
    <message>
        <location line="+39" />
        <source>No open cases</source>
        <translation>No open cases</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} more units</source>
        <translation>{n} more units</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/overdue.py" line="+68" />
        <source>{n} overdue</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{n} more not shown</source>
        <translation>{n} more not shown</translation>
    </message>
    <message>
        <location line="+1" />
        <source>✓ Nothing overdue</source>
        <translation>✓ Nothing overdue</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/calls.py" line="+54" />
        <source>case {id}</source>
        <translation>case {id}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{n} units</source>
        <translation>{n} units</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No video call in progress</source>
        <translation>No video call in progress</translation>
    </message>
    <message>
        <location line="+7" />
        <source>running {d}</source>
        <translation>running {d}</translation>
    </message>
    <message>
        <location filename="../../console/wall/window.py" line="-93" />
        <source>‼ New critical case</source>
        <translation>‼ New critical case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>⚠ Newly overdue</source>
        <translation>⚠ Newly overdue</translation>
    </message>
    <message>
        <location line="+39" />
        <source>{n} more waiting</source>
        <translation>{n} more waiting</translation>
    </message>
    <message>
        <location line="+18" />
        <source>overdue {d}</source>
        <translation>overdue {d}</translation>
    </message>
</context>
<context>
    <name>WhistleDialog</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="+47" />
        <source>Blow the whistle (吹哨报到)</source>
        <translation>Blow the whistle (吹哨报到)</translation>
    </message>
    <message>
        <location line="+8" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units to summon</source>
        <translation>Units to summon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check in within</source>
        <translation>Check in within</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Choose at least one unit to summon.</source>
        <translation>Choose at least one unit to summon.</translation>
    </message>
</context>
<context>
    <name>WhistlesPane</name>
    <message>
        <location line="-260" />
        <source>Whistles (吹哨报到)</source>
        <translation>Whistles (吹哨报到)</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Select a case first.</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <location line="+70" />
        <source>{done}/{total} checked in · {left} left</source>
        <translation>{done}/{total} checked in · {left} left</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✓ all {total} checked in</source>
        <translation>✓ all {total} checked in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{symbol} {missed} missed the deadline</source>
        <translation>{symbol} {missed} missed the deadline</translation>
    </message>
    <message>
        <location line="+3" />
        <source>■ over ({done}/{total} checked in)</source>
        <translation>■ over ({done}/{total} checked in)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>✓ checked in {time}</source>
        <translation>✓ checked in {time}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{symbol} missed</source>
        <translation>{symbol} missed</translation>
    </message>
    <message>
        <location line="+2" />
        <source>… waiting</source>
        <translation>… waiting</translation>
    </message>
    <message>
        <location line="-37" />
        <source>{open} open whistles</source>
        <translation>{open} open whistles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{symbol} {n} check-ins missed</source>
        <translation>{symbol} {n} check-ins missed</translation>
    </message>
    <message>
        <location line="-137" />
        <location line="+4" />
        <source>Case / unit</source>
        <extracomment>the listed whistles (synced by id: current row, selection and expansion stay)</extracomment>
        <translation>Case / unit</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+4" />
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+185" />
        <source>◎ Blow the whistle… (Ctrl+Shift+W)</source>
        <translation>◎ Blow the whistle… (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Summon several units to the selected case (吹哨报到)</source>
        <translation>Summon several units to the selected case (吹哨报到)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>☎ Video call… (Ctrl+Shift+V)</source>
        <translation>☎ Video call… (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open a video call (云视讯) for the selected case</source>
        <translation>Open a video call (云视讯) for the selected case</translation>
    </message>
</context>
<context>
    <name>WorkloadPane</name>
    <message>
        <location filename="../../widgets/workload.py" line="+230" />
        <source>Unit workloads</source>
        <extracomment>the widget whose size is the space this pane is given (see showEvent)</extracomment>
        <translation>Unit workloads</translation>
    </message>
    <message>
        <location line="+26" />
        <source>%1 open cases for %2 on duty</source>
        <translation>%1 open cases for %2 on duty</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1 units · %2 open cases · %3 overloaded (≥ %4 per person)</source>
        <translation>%1 units · %2 open cases · %3 overloaded (≥ %4 per person)</translation>
    </message>
    <message>
        <location line="-130" />
        <source>Unit</source>
        <extracomment>the most bars the chart shows (fewer when its height cannot fit their names) vertical space one bar's name needs, in lines of the tick font widest unit name beside a bar (px); longer names are elided the chart's least height, in bars (with the value axis and its label below them) the least pane width (table beside chart) or height (table above chart), in lines of the pane's font, at which the chart is shown; below both the table stands alone the unit column's least width, in characters of the table's font (see _size_unit_column) load (open cases per on-duty person) from which a unit is flagged as overloaded the region the units are narrowed to (None: every unit of the post) the shown units, heaviest load first (synced by unit id: the selection stays)</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Near due</source>
        <translation>Near due</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location line="+159" />
        <source>Open cases per on-duty person</source>
        <translation>Open cases per on-duty person</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Bars: the %1 heaviest units · vermillion ≥ %2 per person (overloaded, ⚠) · orange: has overdue cases</source>
        <translation>Bars: the %1 heaviest units · vermillion ≥ %2 per person (overloaded, ⚠) · orange: has overdue cases</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Double-click or press Enter to show the unit's cases</source>
        <translation>Double-click or press Enter to show the unit's cases</translation>
    </message>
</context>
</TS>
