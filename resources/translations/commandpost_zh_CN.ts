<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../widgets/common.py" line="+69"/>
        <source>CaseStatus</source>
        <comment>Returned</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseStatus</source>
        <comment>Dispatched</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseStatus</source>
        <comment>Accepted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseStatus</source>
        <comment>Resolved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseStatus</source>
        <comment>Closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CasePriority</source>
        <comment>Urgent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CasePriority</source>
        <comment>Normal</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CaseSource</source>
        <comment>WeChat</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseSource</source>
        <comment>Hotline</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseSource</source>
        <comment>Grid worker</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseSource</source>
        <comment>Video AI</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseSource</source>
        <comment>Self-found</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CaseAction</source>
        <comment>dispatched</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>reassigned</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>accepted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>resolved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>returned</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>reopened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CaseAction</source>
        <comment>edited</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <location filename="../../widgets/alerts.py" line="+273"/>
        <source>Alerts</source>
        <extracomment>how many alerts the list shows (the most urgent); the banner counts all of them</extracomment>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Near due</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unassigned</source>
        <translation>未派遣</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 more not listed: use the queue&apos;s “My overdue” filter to see every overdue case.</source>
        <translation>另有 %1 件未列出：请在案件队列中使用“超时案件”筛选查看全部超时案件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 overdue · %3 %4 near due</source>
        <translation>%1 %2 件超时 · %3 %4 件即将超时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 acknowledged)</source>
        <translation>（已确认 %1 件）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>确认选中的预警（Ctrl+K）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound on</source>
        <translation>声音开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound cue for critical cases on or off (Ctrl+M)</source>
        <translation>特急案件提示音开关（Ctrl+M）</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <location filename="../../widgets/calls.py" line="+184"/>
        <source>Video calls</source>
        <translation>视频会商</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>— no case</source>
        <translation>— 无关联案件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a call first.</source>
        <translation>请先选择一个会商。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link refused (only https links are opened): %1</source>
        <translation>链接被拒绝（只打开 https 链接）：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Join video call</source>
        <translation>加入视频会商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this video call in the browser?

%1
%2</source>
        <translation>在浏览器中打开此视频会商？

%1
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 active calls</source>
        <translation>%1 个进行中的会商</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call</source>
        <translation>会商</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Join…</source>
        <translation>加入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected call after confirming (Ctrl+J)</source>
        <translation>确认后打开选中的会商（Ctrl+J）</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="+149"/>
        <source>Case detail</source>
        <extracomment>roles that may urge (督办) a case</extracomment>
        <translation>案件详情</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Only a case held by a unit can be urged.</source>
        <translation>只有已派遣给单位的案件才能督办。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urge case %1</source>
        <translation>督办案件 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urges</source>
        <translation>督办次数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urge (Ctrl+U)</source>
        <translation>督办（Ctrl+U）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a reminder (督办) to the unit holding the case</source>
        <translation>向承办单位发送督办提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No description</source>
        <translation>无描述</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No case selected. Pick one in the queue, the map or the alerts.</source>
        <translation>未选择案件。请在案件队列、地图或预警中选择。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case %1 is no longer in this post&apos;s picture.</source>
        <translation>案件 %1 已不在本中心的管辖范围内。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— unassigned</source>
        <translation>— 未派遣</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>SLA stopped</source>
        <translation>时限已停止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Near due</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading history…</source>
        <translation>正在加载办理过程…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not load the history: %1</source>
        <translation>无法加载办理过程：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No history yet.</source>
        <translation>暂无办理记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>urged</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whistle</source>
        <translation>吹哨</translation>
    </message>
</context>
<context>
    <name>CaseQueuePane</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="+400"/>
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Unit: %1  ✕</source>
        <translation>单位：%1  ✕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every unit&apos;s cases</source>
        <translation>显示所有单位的案件</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>已历时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All open</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My overdue</source>
        <translation>超时案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unassigned</source>
        <translation>未派遣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All (incl. closed)</source>
        <translation>全部（含已结案）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search id, title, address, unit… (Ctrl+F)</source>
        <translation>搜索编号、标题、地址、单位…（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy case IDs</source>
        <translation>复制案件编号</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 of %2 cases</source>
        <translation>%1 / %2 件</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/shell.py" line="+114"/>
        <source>The feed stopped: {error}</source>
        <translation>数据推送已停止：{error}</translation>
    </message>
</context>
<context>
    <name>KpiPane</name>
    <message>
        <location filename="../../widgets/kpi.py" line="+82"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catching up</source>
        <translation>同步中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session expired</source>
        <translation>会话已过期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>seq %1 · lag %2</source>
        <translation>序号 %1 · 滞后 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>retry in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gaps filled</source>
        <translation>已补缺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>junk frames</source>
        <translation>无效帧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reconnects</source>
        <translation>重连次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snapshots</source>
        <translation>快照</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 of %2 closed</source>
        <translation>%2 件中已结案 %1 件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>◔ %1 near due</source>
        <translation>◔ %1 件即将超时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reported today</source>
        <translation>今日上报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed today</source>
        <translation>今日结案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue now</source>
        <translation>当前超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hub link</source>
        <translation>中枢连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post time</source>
        <translation>本地时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of today&apos;s reports</source>
        <translation>（今日上报）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../console/app.py" line="+245"/>
        <source>The demo hub did not start: {error}</source>
        <extracomment>subcommands handled before the console&apos;s own options: name -&gt; main(argv) -&gt; exit code</extracomment>
        <translation>演示中枢未能启动：{error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>Link</name>
    <message>
        <location filename="../../console/main_window.py" line="+459"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catching up</source>
        <translation>同步中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session expired</source>
        <translation>会话已过期</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../console/lock.py" line="+180"/>
        <source>Session expired</source>
        <translation>会话已过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub ended the session of {user}. Enter the password to continue; the console keeps its state.</source>
        <translation>中枢已结束 {user} 的会话。请输入密码继续；控制台会保留当前状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Console locked</source>
        <translation>控制台已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked after a spell without input. Enter the password of {user} to unlock.</source>
        <translation>长时间无操作，已自动锁定。请输入 {user} 的密码解锁。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Too many wrong passwords: the account is locked for a while. Ask the supervisor.</source>
        <translation>密码错误次数过多，账号已暂时锁定。请联系值班长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../console/login.py" line="+45"/>
        <source>Too many wrong passwords: this account is locked for a while (15 minutes).</source>
        <extracomment>demo accounts offered in demo mode (the prefecture post of the demo jurisdiction)</extracomment>
        <translation>密码错误次数过多，该账号已锁定一段时间（15 分钟）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub unreachable: check the address and the network.</source>
        <translation>无法连接中枢：请检查地址和网络。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>First start: creating the demo database (this takes a few seconds)…</source>
        <translation>首次启动：正在创建演示数据库（需要几秒钟）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting the demo hub…</source>
        <translation>正在启动演示中枢…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location line="+27"/>
        <source>Command Post — log in</source>
        <translation>指挥中心 — 登录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Command Post console</source>
        <translation>指挥中心控制台</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hub</source>
        <translation>中枢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> (embedded demo hub)</source>
        <translation>（内置演示中枢）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>embedded demo hub</source>
        <translation>内置演示中枢</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="-286"/>
        <source>&amp;Lock console</source>
        <translation>锁定控制台(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save layout</source>
        <translation>保存布局(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout for 1920×1080</source>
        <translation>1920×1080 布局</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layout for 3840×2160</source>
        <translation>3840×2160 布局</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset layout</source>
        <translation>恢复默认布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Night theme</source>
        <translation>夜间主题(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Console</source>
        <translation>控制台(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panes</source>
        <translation>窗格(&amp;P)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Command Post — {post} — {user} ({role})</source>
        <translation>指挥中心 — {post} — {user}（{role}）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(retry in {s} s)</source>
        <translation>（{s} 秒后重试）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last event {seq}; reconnects {n}</source>
        <translation>最新事件 {seq}；重连 {n} 次</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Layout reset.</source>
        <translation>已恢复默认布局。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layout saved.</source>
        <translation>布局已保存。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command Post console — a live multi-pane command post for duty officers.</source>
        <translation>指挥中心控制台 — 供值班人员使用的实时多窗格指挥平台。</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../../widgets/map_view.py" line="+155"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>vermillion</source>
        <translation>朱红</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 open cases · shape = status: %2 · fill = priority: %3</source>
        <translation>%1 件在办 · 形状 = 状态：%2 · 颜色 = 紧急程度：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../console/messages.py" line="+25"/>
        <source>reported</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>your session has expired; enter your password again.</source>
        <translation>会话已过期，请重新输入密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not allowed for your role.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>conflict with the current case (now {status}, version {version}); nothing was changed. Check the case and try again.</source>
        <translation>与案件当前状态冲突（现为{status}，版本 {version}），未做任何更改。请核对案件后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>conflict with the current state of the case; nothing was changed.</source>
        <translation>与案件当前状态冲突，未做任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the hub refused it: {message}</source>
        <translation>中枢拒绝了该操作：{message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no such case or object (it may have left your jurisdiction).</source>
        <translation>没有该案件或对象（可能已不在您的管辖范围内）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too many attempts; wait a while and try again.</source>
        <translation>尝试次数过多，请稍后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub unreachable; check the network and try again.</source>
        <translation>无法连接中枢，请检查网络后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the hub answered an error: {message}</source>
        <translation>中枢返回错误：{message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: {message}</source>
        <translation>失败：{message}</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../console/panes.py" line="+43"/>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case detail</source>
        <translation>案件详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit workload</source>
        <translation>单位工作量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live events</source>
        <translation>实时动态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls and whistles</source>
        <translation>会商与吹哨</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{n} cases</source>
        <translation>{n} 件</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <location filename="../../widgets/common.py" line="-41"/>
        <source>CaseStatus</source>
        <comment>Reported</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>CasePriority</source>
        <comment>Critical</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CaseSource</source>
        <comment>App</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>CaseAction</source>
        <comment>new</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../console/main_window.py" line="+37"/>
        <source>duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video wall</source>
        <translation>指挥大屏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unit</source>
        <translation>处置单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intake</source>
        <translation>受理渠道</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../console/session.py" line="+86"/>
        <source>{label}: this console is read-only.</source>
        <translation>{label}：此控制台为只读。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{label}: done.</source>
        <translation>{label}：已完成。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../console/main_window.py" line="-29"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <location filename="../../console/login.py" line="+37"/>
        <source>Command Post console</source>
        <translation>指挥中心控制台</translation>
    </message>
</context>
<context>
    <name>TickerPane</name>
    <message>
        <location filename="../../widgets/ticker.py" line="+195"/>
        <source>Incoming</source>
        <translation>实时动态</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>New · %1 · %2 · %3</source>
        <translation>新上报 · %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Urged · %1</source>
        <translation>督办 · %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Whistle · %1 · %2 units summoned</source>
        <translation>吹哨 · %1 · 召集 %2 个单位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whistle check-in · %1 · %2/%3 arrived</source>
        <translation>吹哨报到 · %1 · 已到 %2/%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Video call started · %1</source>
        <translation>视频会商开始 · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video call ended · %1</source>
        <translation>视频会商结束 · %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urges</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whistles</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calls</source>
        <translation>会商</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide this kind of event</source>
        <translation>显示或隐藏此类事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause or resume the ticker (Ctrl+P)</source>
        <translation>暂停或继续滚动（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 Paused · %2 new</source>
        <translation>%1 已暂停 · %2 条新动态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
</context>
<context>
    <name>WorkloadPane</name>
    <message>
        <location filename="../../widgets/workload.py" line="+246"/>
        <source>Unit workloads</source>
        <translation>单位工作量</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 units · %2 open cases · %3 overloaded (≥ %4 per person)</source>
        <translation>%1 个单位 · %2 件在办 · %3 个超负荷（人均 ≥ %4 件）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Near due</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>人均负荷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases per on-duty person</source>
        <translation>在岗人员人均在办案件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars: the %1 heaviest units · vermillion ≥ %2 per person (overloaded, ⚠) · orange: has overdue cases</source>
        <translation>条形图：负荷最重的 %1 个单位 · 朱红 = 人均 ≥ %2 件（超负荷，⚠）· 橙色 = 有超时案件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click or press Enter to show the unit&apos;s cases</source>
        <translation>双击或按回车查看该单位的案件</translation>
    </message>
</context>
<context>
    <name>p</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="-423"/>
        <source>— unassigned</source>
        <extracomment>saved filters: key -&gt; predicate on (case, alert phase)</extracomment>
        <translation>— 未派遣</translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <location filename="../../widgets/calls.py" line="-154"/>
        <source>✕ link refused: %1</source>
        <translation>✕ 链接被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>self._pane</name>
    <message>
        <location filename="../../widgets/workload.py" line="-166"/>
        <source>%1 open cases for %2 on duty</source>
        <extracomment>load (open cases per on-duty person) from which a unit is flagged as overloaded</extracomment>
        <translation>%1 件在办，%2 人在岗</translation>
    </message>
</context>
</TS>
