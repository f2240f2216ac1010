<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../console/supervisor/actions.py" line="+236"/>
        <location line="+252"/>
        <source>Already with {unit}: nothing to do.</source>
        <extracomment>who may do what (the hub enforces the same; the console hides the rest) after the hub said yes, how long to wait for the feed to show it before giving up how many replaced case versions are kept for conflict dialogs at most this many cases urged at once from a unit</extracomment>
        <translation>已由{unit}承办，无需操作。</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>Still assigning; wait for the feed to confirm.</source>
        <translation>正在派遣，请等待数据流确认。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{case} is no longer in this post&apos;s picture; nothing was sent for it.</source>
        <translation>{case} 已不在本指挥中心的视图中，未对其发送任何指令。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only a supervisor can reassign cases; nothing was sent.</source>
        <translation>只有值班长可以改派案件；未发送任何指令。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to undo (a reassignment can be undone for 10 seconds).</source>
        <translation>没有可撤销的操作（改派后 10 秒内可撤销）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+23"/>
        <source>Your role cannot urge cases; nothing was sent.</source>
        <translation>您的角色不能督办案件；未发送任何指令。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Only an open case held by a unit can be urged.</source>
        <translation>只有已派遣给单位且未办结的案件才能督办。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+26"/>
        <source>Urge {case}</source>
        <translation>督办 {case}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>{unit} has no overdue cases to urge.</source>
        <translation>{unit}没有需要督办的超期案件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only a supervisor can blow the whistle; nothing was sent.</source>
        <translation>只有值班长可以吹哨；未发送任何指令。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose at least one unit to summon.</source>
        <translation>请至少选择一个报到单位。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whistle for {case}</source>
        <translation>为 {case} 吹哨</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your role cannot open video calls; nothing was sent.</source>
        <translation>您的角色不能发起视频会商；未发送任何指令。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start video call</source>
        <translation>发起视频会商</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your role cannot end video calls; nothing was sent.</source>
        <translation>您的角色不能结束视频会商；未发送任何指令。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End video call</source>
        <translation>结束视频会商</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>no unit</source>
        <translation>无承办单位</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Undo: back to {unit} ({case})</source>
        <translation>撤销：退回{unit}（{case}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign {case} to {unit}</source>
        <translation>将 {case} 派遣给{unit}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{case} reassigned to {unit}.</source>
        <translation>{case} 已改派给{unit}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} cases reassigned to {unit}.</source>
        <translation>{n} 件案件已改派给{unit}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo: Ctrl+Z (10 s)</source>
        <translation>撤销：Ctrl+Z（10 秒内）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{case} is now with {unit} (confirmed by the feed).</source>
        <translation>{case} 现由{unit}承办（数据流已确认）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The hub accepted {case}, but the feed has not shown it yet; check the link.</source>
        <translation>中枢已接受 {case} 的指令，但数据流尚未同步；请检查连接。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{case}: left as it is now.</source>
        <translation>{case}：保持现状。</translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <location filename="../../widgets/alerts.py" line="+240"/>
        <source>Alarm sound on/off</source>
        <translation>告警声音开/关</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Near due</source>
        <translation>即将超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unassigned</source>
        <translation>未派遣</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>New critical</source>
        <translation>新特急案件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urge received</source>
        <translation>收到督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newly overdue</source>
        <translation>新超期</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 more not listed: use the queue&apos;s “My overdue” filter to see every overdue case.</source>
        <translation>另有 %1 件未列出：请在案件队列中使用“超期案件”筛选查看全部超期案件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 overdue · %3 %4 near due</source>
        <translation>%1 %2 件超期 · %3 %4 件即将超期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 acknowledged)</source>
        <translation>（已确认 %1 件）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Acknowledge the selected alerts, or every ringing alarm when none is selected (Ctrl+Shift+K)</source>
        <translation>确认所选告警；未选择时确认全部正在响铃的告警（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alarm sounds on or off (Ctrl+M); the flashing goes on</source>
        <translation>告警声音开/关（Ctrl+M）；闪烁提示不受影响</translation>
    </message>
    <message>
        <location line="-299"/>
        <location line="+294"/>
        <source>Acknowledge</source>
        <extracomment>how many alerts the list shows (the most urgent); the banner counts all of them at most this many ringing alarms are pinned to the top of the list (the rest ring too and are counted in the tab; acknowledging brings the next ones up) new critical / newly overdue / urged cases not acknowledged yet (ring and flash) ``(case_id, phase)``: overdue (most overdue first) then near due (soonest first)</extracomment>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound on</source>
        <translation>声音开</translation>
    </message>
</context>
<context>
    <name>AssessmentPane</name>
    <message>
        <location filename="../../console/loop/board.py" line="+103"/>
        <source>Today</source>
        <extracomment>the table&apos;s columns: (key, kind) — kind &quot;rate&quot; (a share), &quot;count&quot; or &quot;score&quot;</extracomment>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Range…</source>
        <translation>自选时段…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Units</source>
        <translation>按单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counties</source>
        <translation>按县市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Towns</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monthly report…</source>
        <translation>月度通报…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Weights</source>
        <extracomment>the scored rows shown, in the board&apos;s order (synced by unit or region id) the red list (top 5) and the black list (bottom 5), synced by unit or region id</extracomment>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+146"/>
        <source>Red line</source>
        <translation>红线</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Red list (top 5)</source>
        <translation>红榜（前 5 名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Black list (bottom 5)</source>
        <translation>黑榜（后 5 名）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The last day is before the first day: choose the range again.</source>
        <translation>结束日期早于开始日期：请重新选择时间范围。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the assessment…</source>
        <translation>正在读取考核数据…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This hub (protocol 1.0) does not provide assessment: the board needs a protocol 1.1 hub (GET /assessment).</source>
        <translation>该枢纽（协议 1.0）不提供考核数据：考核看板需要协议 1.1 的枢纽（GET /assessment）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the assessment: {error}</source>
        <translation>无法读取考核数据：{error}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on time</source>
        <translation>签收及时率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolved on time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rework rate</source>
        <translation>重办率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return rate</source>
        <translation>退单率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urges</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Whistle check-in</source>
        <translation>吹哨报到率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open overdue</source>
        <translation>超期未办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Double-click a figure to see the cases behind it</source>
        <translation>双击数字查看其对应的案件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Composite score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Weights not changed: {error}</source>
        <translation>权重未更改：{error}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} rows · {a} – {b} · {flagged} under the red line {line:g}</source>
        <translation>{n} 行 · {a} – {b} · {flagged} 个低于红线 {line:g}</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>below</source>
        <translation>低于红线</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Score = ({r:g} × signed on time + {s:g} × solved + {t:g} × satisfied) ÷ {total:g} × 100; a rate without data is left out and the weights rescaled. Signed on time = on-time signs ÷ dispatches; resolved on time = on-time resolves ÷ resolves; solved = solved ÷ (callbacks − unreachable); satisfied = (satisfied + basically satisfied) ÷ rated callbacks; rework rate = reworks ÷ resolves; return rate = return requests ÷ dispatches.</source>
        <translation>综合得分 =（{r:g} × 签收及时率 + {s:g} × 解决率 + {t:g} × 满意率）÷ {total:g} × 100；无数据的指标不计，权重按比例折算。签收及时率 = 按时签收数 ÷ 派单数；按期办结率 = 按期办结数 ÷ 办结数；解决率 = 已解决数 ÷（回访数 − 未接通数）；满意率 =（满意 + 基本满意）÷ 有效回访数；重办率 = 重办数 ÷ 办结数；退单率 = 退单申请数 ÷ 派单数。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{name}: open overdue cases (now)</source>
        <translation>{name}：当前超期未办案件</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{name}: the cases behind this figure</source>
        <translation>{name}：该数字对应的案件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not read the events: {error}</source>
        <translation>无法读取事件：{error}</translation>
    </message>
</context>
<context>
    <name>AuditTailPane</name>
    <message>
        <location filename="../../widgets/audit_tail.py" line="+107"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>not an audit answer</source>
        <translation>不是审计日志应答</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The audit log is shown to supervisors only.</source>
        <translation>审计日志仅对值班长显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} entries · {refused} refused · newest first</source>
        <translation>{n} 条记录 · {refused} 条被拒 · 最新在前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Audit log unavailable ({error}); retrying.</source>
        <translation>⚠ 审计日志暂不可用（{error}），正在重试。</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Time</source>
        <extracomment>the kept entries, newest first</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../console/audit_viewer.py" line="+82"/>
        <source>Command Post — audit log</source>
        <translation>指挥中心 — 审计日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.</source>
        <extracomment>the entries shown, oldest first (new pages are appended: the selection stays)</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load newer entries</source>
        <translation>加载更新的记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the audit log</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chain intact: {count} entries checked.</source>
        <translation>哈希链完整：已校验 {count} 条。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chain broken at entry {id}: it was edited, inserted or an entry before it deleted.</source>
        <translation>哈希链在第 {id} 条断开：该条被修改、插入，或其前一条被删除。</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location line="-120"/>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>urge</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accept</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>return</source>
        <translation>退单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>whistle</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>check in</source>
        <translation>报到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start a call</source>
        <translation>发起视频通话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>end a call</source>
        <translation>结束视频通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start two-step enrolment</source>
        <translation>开始绑定双因素认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turn two-step verification on</source>
        <translation>启用双因素认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add account</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disable account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enable account</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlock account</source>
        <translation>解锁账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reset two-step</source>
        <translation>重置双因素认证</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="+470"/>
        <source>Start a video call (云视讯)</source>
        <translation>发起视频会商（云视讯）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Video call: {title}</source>
        <translation>视频会商：{title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video call of the post</source>
        <translation>指挥中心视频会商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— no case</source>
        <translation>— 不关联案件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>参会单位</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Video call</source>
        <translation>视频会商</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="+132"/>
        <source>Callback: {case}</source>
        <translation>回访：{case}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} {phone}</source>
        <translation>{name} {phone}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not given</source>
        <translation>未留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the number (logged)</source>
        <translation>显示号码（留痕）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved by</source>
        <translation>办结单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Citizen says</source>
        <translation>群众反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record callback</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The case will be closed without a rating.</source>
        <translation>案件将结案，不计满意度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case goes back to the same unit for rework (重办).</source>
        <translation>案件将退回原单位重办。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case will be closed.</source>
        <translation>案件将结案。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not show the number: {e}</source>
        <translation>无法显示号码：{e}</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <location filename="../../widgets/calls.py" line="+133"/>
        <source>Video calls</source>
        <translation>视频会商</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+5"/>
        <source>✕ link refused: %1</source>
        <translation>✕ 链接已拒绝：%1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 active calls</source>
        <translation>%1 个进行中的会商</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Call</source>
        <extracomment>the active calls, newest first</extracomment>
        <translation>会商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+153"/>
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
        <location filename="../../widgets/case_detail.py" line="+137"/>
        <source>Urge the shown case</source>
        <translation>督办当前案件</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Case detail</source>
        <translation>案件详情</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Only a case held by a unit can be urged.</source>
        <translation>只有已派遣给单位的案件才能督办。</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="-134"/>
        <location line="+138"/>
        <source>History</source>
        <extracomment>roles that may urge (督办) a case the history timeline (synced by event: live reloads add only the new events)</extracomment>
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
        <location line="+11"/>
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
        <location line="+36"/>
        <source>SLA stopped</source>
        <translation>时限已停止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Near due</source>
        <translation>即将超期</translation>
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
        <location line="+8"/>
        <source>Could not load the history: %1</source>
        <translation>无法加载办理过程：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No history yet.</source>
        <translation>暂无办理记录。</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <message>
        <location line="+3"/>
        <source>video call started</source>
        <translation>视频会商已开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video call ended</source>
        <translation>视频会商已结束</translation>
    </message>
</context>
<context>
    <name>CaseNoteDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="+120"/>
        <source>{what}: {case}</source>
        <translation>{what}：{case}</translation>
    </message>
</context>
<context>
    <name>CaseQueuePane</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="+286"/>
        <source>… assigning → %1</source>
        <translation>… 正在改派 → %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Unit: %1  ✕</source>
        <translation>单位：%1  ✕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every unit&apos;s cases</source>
        <translation>显示所有单位的案件</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>— unassigned</source>
        <extracomment>what the unit column shows for a case no unit holds</extracomment>
        <translation>— 未派遣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-243"/>
        <location line="+243"/>
        <source>Priority</source>
        <extracomment>a busy feed repaints the table at most this often (ms); user input repaints at once. One repaint of a full-screen table costs 4-9 ms with the table&apos;s own painting (widgets.static_cells; 27-47 ms through QTableView&apos;s), and the rows it shows change many times a second under a 2,000 events/s feed: once a second keeps them readable.</extracomment>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Search the queue</source>
        <translation>搜索案件队列</translation>
    </message>
    <message>
        <location line="+189"/>
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
        <translation>超期案件</translation>
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
        <location line="+11"/>
        <source>Search id, title, address, unit… (Ctrl+F)</source>
        <translation>搜索编号、标题、地址、单位…（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy case IDs</source>
        <translation>复制案件编号</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1 of %2 cases</source>
        <translation>%1 / %2 件</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../console/security_dialogs.py" line="+79"/>
        <location line="+18"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Your password was reset: choose a new one before you continue.</source>
        <translation>您的密码已被重置：请先设置新密码再继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least 8 characters, from 3 of: lower case, upper case, digits, symbols; not one of your last 5 passwords.</source>
        <translation>至少 8 个字符，包含小写字母、大写字母、数字、符号中的 3 类；不得与最近 5 次密码相同。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter the current and the new password.</source>
        <translation>请输入当前密码和新密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
</context>
<context>
    <name>CommandBar</name>
    <message>
        <location filename="../../console/command_bar.py" line="+71"/>
        <location line="+104"/>
        <source>Command bar</source>
        <translation>命令栏</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Case ID, unit, region, or a command: 督办 CX-…, 改派 CX-… → unit</source>
        <translation>案件编号、单位、区域，或命令：督办 CX-…、改派 CX-… → 单位</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Nothing matches “%1”.</source>
        <translation>没有与“%1”匹配的内容。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Your role cannot urge cases.</source>
        <translation>您的角色不能督办案件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only a supervisor can reassign cases.</source>
        <translation>只有值班长可以改派案件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign {case} to {unit}?</source>
        <translation>将 {case} 改派给 {unit}？</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Command &amp;bar…</source>
        <translation>命令栏(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>CommandUi</name>
    <message>
        <location filename="../../console/supervisor/command_ui.py" line="+105"/>
        <source>&amp;Reassign to…</source>
        <translation>改派给(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo reassignment</source>
        <translation>撤销改派(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;rge…</source>
        <translation>督办(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blow the &amp;whistle…</source>
        <translation>吹哨报到(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Video call…</source>
        <translation>视频会商(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End video call</source>
        <translation>结束视频会商(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Urge the holding unit…</source>
        <translation>督办承办单位…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+126"/>
        <source>End video call</source>
        <translation>结束视频会商</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Video call…</source>
        <translation>视频会商…</translation>
    </message>
    <message>
        <location line="+76"/>
        <location line="+16"/>
        <source>Select a case first.</source>
        <translation>请先选择一件案件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urge (督办)</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a reminder about {case} to the unit holding it.</source>
        <translation>向承办单位发送 {case} 的督办提醒。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select a call in the calls pane first.</source>
        <translation>请先在视频会商窗格中选择一个会商。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End the video call “{title}” for everyone?</source>
        <translation>为所有参会方结束视频会商“{title}”？</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../console/supervisor/reassign_dialogs.py" line="+189"/>
        <source>Someone changed this case</source>
        <extracomment>the units, suggested first then lightest load (the filter hides rows)</extracomment>
        <translation>案件已被他人修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{case} changed since you looked at it (another post or officer acted at the same moment). Nothing was changed by your request.</source>
        <translation>{case} 在您查看后已发生变化（其他指挥中心或值班员同时进行了操作）。您的请求未做任何修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field</source>
        <extracomment>the changed fields in words, as the table shows them</extracomment>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You saw</source>
        <translation>您看到的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retry: assign to {unit} (version {v})</source>
        <translation>重试：派遣给{unit}（版本 {v}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave it as it is</source>
        <translation>保持现状</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/shell.py" line="+139"/>
        <source>The feed stopped: {error}</source>
        <extracomment>no size given: open maximised on the screen (a shift console fills its screen) every pane gets the feed&apos;s change sets, events and ticks from here</extracomment>
        <translation>数据推送已停止：{error}</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="-255"/>
        <source>Decide: {case}</source>
        <translation>审核：{case}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>申请单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New due time</source>
        <translation>申请办结时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due now</source>
        <translation>当前时限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DispatchBoardPane</name>
    <message>
        <location filename="../../console/supervisor/dispatch_board.py" line="+338"/>
        <source>Dispatch board</source>
        <translation>派遣台</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No unit fits {case}; choose one with Ctrl+R.</source>
        <translation>没有适合 {case} 的单位；请按 Ctrl+R 选择。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a case first.</source>
        <translation>请先选择一件案件。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select a unit first.</source>
        <translation>请先选择一个单位。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>— none fits</source>
        <translation>— 无合适单位</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} cases waiting for dispatch · oldest {age}</source>
        <translation>{n} 件案件待派遣 · 最久 {age}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>showing the oldest {m}</source>
        <translation>显示最久的 {m} 件</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>… assigning → {unit}</source>
        <translation>… 正在派遣 → {unit}</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>→ {n}</source>
        <translation>→ {n}</translation>
    </message>
    <message>
        <location line="+293"/>
        <source>Units of the post — drop cases on a unit</source>
        <translation>本中心单位 — 将案件拖到单位上派遣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units of the post</source>
        <translation>本中心单位</translation>
    </message>
    <message>
        <location line="-319"/>
        <source>Waiting</source>
        <extracomment>at most this many waiting cases are listed (the oldest); the header counts them all the listed waiting cases, oldest first (synced by case id: the selection stays)</extracomment>
        <translation>已等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested unit</source>
        <translation>建议单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Urges</source>
        <translation>督办次数</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unit</source>
        <extracomment>the post&apos;s units, heaviest load first (synced by unit id)</extracomment>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load</source>
        <translation>人均负荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incoming</source>
        <translation>派遣中</translation>
    </message>
    <message>
        <location line="+300"/>
        <source>Dispatch to suggested (Enter)</source>
        <translation>派遣给建议单位（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign to… (Ctrl+R)</source>
        <translation>改派给…（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urge unit&apos;s overdue cases</source>
        <translation>督办该单位的超期案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter: dispatch the selected cases to the suggested unit (★) · drag cases onto a unit · Ctrl+R: choose a unit · Ctrl+Z: undo a reassignment (10 s)</source>
        <translation>Enter：将所选案件派遣给建议单位（★）· 将案件拖到单位上 · Ctrl+R：选择单位 · Ctrl+Z：撤销改派（10 秒内）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read-only for your role: only a supervisor dispatches.</source>
        <translation>您的角色只读：只有值班长可以派遣。</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../console/loop/board.py" line="+40"/>
        <source>Case</source>
        <extracomment>``(case id, title, status, ✓/✗ or &quot;&quot;)`` as the figure was drilled, as listed</extracomment>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} cases. Double-click one to select it.</source>
        <translation>共 {n} 件。双击选中案件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub no longer keeps every event of this period: the list may be incomplete.</source>
        <translation>枢纽已不保留该时段的全部事件：列表可能不完整。</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../widgets/common.py" line="+84"/>
        <source>en</source>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <location filename="../../console/loop/inbox.py" line="+98"/>
        <source>Asked at</source>
        <extracomment>the cases with a pending request (oldest first) and those awaiting a callback; synced by case id, so a rebuild keeps the operator&apos;s row</extracomment>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New due time</source>
        <translation>申请办结时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call back by</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolved by</source>
        <translation>办结单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reworks</source>
        <translation>重办次数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record callback…</source>
        <translation>记录回访…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>This hub speaks protocol 1.0: units return cases at once and there are no extension requests or callbacks to record here.</source>
        <translation>该枢纽使用协议 1.0：单位退单立即生效，没有延期申请，也无法在此记录回访。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Requests ({n})</source>
        <translation>待审申请（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks due ({n})</source>
        <translation>待回访（{n}）</translation>
    </message>
</context>
<context>
    <name>KpiPane</name>
    <message>
        <location filename="../../widgets/kpi.py" line="+92"/>
        <source>Today</source>
        <extracomment>the scope narrowed to (client.regions.Scope; None: the whole post) and its figures, kept by deltas (the same cases as the queue&apos;s scope filter)</extracomment>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+1"/>
        <source>gaps filled</source>
        <translation>已补缺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>junk frames</source>
        <translation>无效帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid events skipped</source>
        <translation>跳过的无效事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reconnects</source>
        <translation>重连次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snapshots</source>
        <translation>快照</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 of %2 closed</source>
        <translation>%2 件中已结案 %1 件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue in %1</source>
        <translation>%1 超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported today in %1</source>
        <translation>%1 今日上报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>◔ %1 near due</source>
        <translation>◔ %1 件即将超期</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+6"/>
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
        <location line="-8"/>
        <location line="+9"/>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>last problem: %1</source>
        <translation>最近的问题：%1</translation>
    </message>
    <message>
        <location line="+47"/>
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
        <location filename="../../console/app.py" line="+323"/>
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
        <location filename="../../console/login.py" line="+50"/>
        <source>Enter the code of your authenticator app (or a recovery code).</source>
        <extracomment>demo accounts offered in demo mode (the prefecture post of the demo jurisdiction)</extracomment>
        <translation>请输入身份验证器应用显示的验证码（或一个恢复码）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong passwords: this account is locked for a while (15 minutes).</source>
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
        <location line="+31"/>
        <source>Command Post — log in</source>
        <extracomment>the officer asked to start the embedded hub again after it failed</extracomment>
        <translation>指挥中心 — 登录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Command Post console</source>
        <translation>指挥中心控制台</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>6-digit code or a recovery code</source>
        <translation>6 位验证码或恢复码</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> (embedded demo hub)</source>
        <translation>（内置演示中枢）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>embedded demo hub</source>
        <translation>内置演示中枢</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a hub address: {url}</source>
        <translation>不是有效的中枢地址：{url}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>LoopActions</name>
    <message>
        <location filename="../../console/loop/commands.py" line="+120"/>
        <source>Approve request on {case}</source>
        <extracomment>replaced in tests: ``(command, seen, current) -&gt; retry?`` where the reset change set of switching the stage clocks on goes: the :class:`console.distributor.ChangeDistributor`&apos;s ``deliver`` (console and wall set it; None: nothing shows the State yet)</extracomment>
        <translation>批准 {case} 的申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse request on {case}</source>
        <translation>驳回 {case} 的申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose how satisfied the citizen is.</source>
        <translation>请选择群众满意度。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Callback on {case}</source>
        <translation>回访 {case}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A case cannot be merged into itself.</source>
        <translation>案件不能并入自身。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge {case} into {into}</source>
        <translation>将 {case} 并入 {into}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close {case}</source>
        <translation>结案 {case}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopen {case}</source>
        <translation>重新办理 {case}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your role cannot do this; nothing was sent.</source>
        <translation>您的角色无此权限，未发送任何指令。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{case} is no longer in this post&apos;s picture; nothing was sent.</source>
        <translation>{case} 已不在本中心视图内，未发送任何指令。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{case}: left as it is now.</source>
        <translation>{case}：保持现状。</translation>
    </message>
    <message>
        <location filename="../../console/loop/dialogs.py" line="-37"/>
        <source>Optional note</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../console/loop/prompts.py" line="+22"/>
        <source>{case} has no request you can decide.</source>
        <translation>{case} 没有可审核的申请。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only a resolved case can be called back.</source>
        <translation>只有已办结的案件才能回访。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only an open case can be merged into another.</source>
        <translation>只有未结案的案件才能并单。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only a resolved case can be closed or reopened.</source>
        <translation>只有已办结的案件才能结案或重新办理。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Send this resolved case back to the unit that holds it.</source>
        <translation>将此已办结案件退回承办单位重新办理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close this resolved case (the callback confirmed it).</source>
        <translation>结案（回访已确认）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
</context>
<context>
    <name>LoopConflictDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="+291"/>
        <source>decide</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>record the callback</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge</source>
        <translation>并单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry: {what} {case} (version {v})</source>
        <translation>重试：{what} {case}（版本 {v}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign by</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back by</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solved</source>
        <translation>是否解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merged into</source>
        <translation>并入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counters</source>
        <translation>计数</translation>
    </message>
</context>
<context>
    <name>LoopUi</name>
    <message>
        <location filename="../../console/loop/wiring.py" line="+59"/>
        <source>&amp;Decide request…</source>
        <extracomment>the detail pane&apos;s row of loop buttons (None: no detail pane)</extracomment>
        <translation>审核申请(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;callback…</source>
        <translation>记录回访(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge duplicate…</source>
        <translation>并单(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose case…</source>
        <translation>结案(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;open case…</source>
        <translation>重新办理(&amp;O)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Loop</source>
        <translation>闭环(&amp;L)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select a case first.</source>
        <translation>请先选择案件。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Decide request…</source>
        <translation>审核申请…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record callback…</source>
        <translation>记录回访…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge duplicate…</source>
        <translation>并单…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen…</source>
        <translation>重新办理…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="+244"/>
        <source>&amp;Lock console</source>
        <extracomment>per pane: whether the user is giving it input right now (see widgets.gesture) selection signals refused because no user gesture caused them (for checks) the alerts tab&apos;s flash phase (True: highlighted) called with the layout kind after a built-in layout is applied (added panes) the command bar (Ctrl+K) and its menu action, once :mod:`console.command_bar` installed them</extracomment>
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
        <source>Layout for 1366×768</source>
        <translation>1366×768 布局</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layout for two screens</source>
        <translation>双屏布局</translation>
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
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Command Post — {post} — {user} ({role})</source>
        <translation>指挥中心 — {post} — {user}（{role}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(retry in {s} s)</source>
        <translation>（{s} 秒后重试）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last event {seq}; reconnects {n}</source>
        <translation>最新事件 {seq}；重连 {n} 次</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Layout reset.</source>
        <translation>已恢复默认布局。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layout saved.</source>
        <translation>布局已保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The saved layout does not fit this screen; the built-in layout is used.</source>
        <translation>保存的布局不适合当前屏幕，已改用内置布局。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{case} is not in this post&apos;s picture.</source>
        <translation>{case} 不在本指挥中心的案件范围内。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Alarm sound off</source>
        <translation>告警声音已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn it on in the alerts pane (Ctrl+M)</source>
        <translation>在告警窗格中打开（Ctrl+M）</translation>
    </message>
    <message>
        <location line="+56"/>
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
        <location filename="../../widgets/map_view.py" line="+263"/>
        <source>Map</source>
        <extracomment>regions labelled at most (more are drawn, unlabelled) the scope the cases are narrowed to (None: the whole post)</extracomment>
        <translation>地图</translation>
    </message>
    <message>
        <location line="+383"/>
        <source>%1 open · %2 overdue</source>
        <translation>在办 %1 · 超期 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 open</source>
        <translation>在办 %1</translation>
    </message>
    <message>
        <location line="+62"/>
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
        <location line="+4"/>
        <source>regions shaded by open cases; click a region to drill in</source>
        <translation>区域底色 = 在办件数；点击区域可逐级下钻</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a case to select it; Shift+drag it onto a unit to assign it</source>
        <translation>单击案件以选中；按住 Shift 拖到单位上即可派给该单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a case to select it</source>
        <translation>单击案件以选中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑ Up</source>
        <translation>↑ 上一级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the region above</source>
        <translation>返回上一级区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heat</source>
        <translation>热力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the density of cases instead of points</source>
        <translation>以热力图显示案件密度（代替点位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the view to the region and its cases</source>
        <translation>缩放到当前区域及其全部案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base map: none (boundaries only)</source>
        <translation>底图：无（仅显示边界）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Base map: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(GCJ-02, shifted to WGS 84)</source>
        <translation>（GCJ-02 坐标，已纠偏至 WGS 84）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../console/loop/dialogs.py" line="-134"/>
        <source>Merge duplicate: {case}</source>
        <translation>并单：{case}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close {case} as a duplicate of the case chosen below (并单).</source>
        <translation>将 {case} 作为下方所选案件的重复件结案（并单）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search by ID, title or address</source>
        <translation>按编号、标题或地址搜索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case</source>
        <extracomment>the candidates shown (synced by case id: a new search keeps the picked one)</extracomment>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Merge</source>
        <translation>并单</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No open case looks like this one; search by ID, title or address.</source>
        <translation>没有相似的未结案件；可按编号、标题或地址搜索。</translation>
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
        <source>hub database unavailable; try again shortly.</source>
        <translation>中枢数据库不可用，请稍后重试。</translation>
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
    <name>MonthlyReport</name>
    <message>
        <location filename="../../console/loop/report.py" line="+52"/>
        <source>Composite score, best first (dashed: the red line {line:g})</source>
        <translation>综合得分排名（虚线：红线 {line:g} 分）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Command Post · monthly assessment report · {post} · {month}</source>
        <translation>指挥中心 · 月度考核通报 · {post} · {month}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Monthly assessment report (考核通报)</source>
        <translation>月度考核通报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period {span} ({zone}); made {at} from the hub&apos;s counts.</source>
        <translation>统计时段 {span}（{zone}）；{at} 根据枢纽统计数据生成。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dispatched</source>
        <translation>派单数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on time</source>
        <translation>签收及时率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved on time</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Solved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+47"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Units ranked</source>
        <translation>参评单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below the red line</source>
        <translation>低于红线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reworks</source>
        <translation>重办数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Urges</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Open overdue</source>
        <translation>超期未办</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the score is computed</source>
        <translation>计分方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score = ({r:g} × signed-on-time rate + {s:g} × solved rate + {t:g} × satisfied rate) ÷ {sum:g} × 100. Red line: {line:g} points; a unit under it is flagged ▼.</source>
        <translation>综合得分 =（{r:g} × 签收及时率 + {s:g} × 解决率 + {t:g} × 满意率）÷ {sum:g} × 100。红线：{line:g} 分；低于红线的单位标记 ▼。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed-on-time rate (签收及时率) = signs at or before the sign deadline ÷ dispatches and reassignments; resolved-on-time rate (按期办结率) = resolves at or before the due time ÷ resolves; solved rate (解决率) = callbacks the citizen called solved ÷ (callbacks − unreachable); satisfied rate (满意率) = (satisfied + basically satisfied) ÷ rated callbacks; rework rate (重办率) = reworks ÷ resolves; return rate (退单率) = return requests ÷ dispatches. A rate without data is left out and the other weights rescaled; a unit with none is not ranked.</source>
        <translation>签收及时率 = 在签收时限内签收数 ÷（派单数 + 改派数）；按期办结率 = 在办结时限内办结数 ÷ 办结数；解决率 = 群众反馈已解决的回访数 ÷（回访数 − 未接通数）；满意率 =（满意 + 基本满意）÷ 有效评价回访数；重办率 = 重办数 ÷ 办结数；退单率 = 退单申请数 ÷ 派单数。无数据的指标不计，其余权重按比例折算；三项均无数据的单位不参与排名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Red list (top 5)</source>
        <translation>红榜（前 5 名）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <location line="+17"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Black list (bottom 5)</source>
        <translation>黑榜（后 5 名）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On time</source>
        <translation>按期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rework</source>
        <translation>重办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return</source>
        <translation>退单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Monthly assessment report</source>
        <translation>月度考核通报</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <location filename="../../console/loop/report_dialog.py" line="+35"/>
        <source>Monthly assessment report</source>
        <translation>月度考核通报</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write report</source>
        <translation>生成通报</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weights {w}, red line {line:g}</source>
        <translation>权重 {w}，红线 {line:g}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading {month}…</source>
        <translation>正在读取 {month}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot write: {e}</source>
        <translation>无法写入：{e}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written: {pdf} ({n} pages) {csv}</source>
        <translation>已生成：{pdf}（{n} 页）{csv}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub did not give the figures: {e}</source>
        <translation>枢纽未提供数据：{e}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="+16"/>
        <source>Optional note</source>
        <translation>备注（可选）</translation>
    </message>
</context>
<context>
    <name>OtpEnrolDialog</name>
    <message>
        <location filename="../../console/security_dialogs.py" line="+35"/>
        <source>Two-step verification</source>
        <translation>双因素认证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This hub requires two-step verification for your role. Scan the code with an authenticator app (TOTP), then enter the 6 digits it shows.</source>
        <translation>本系统要求您的角色启用双因素认证。请用身份验证器应用（TOTP）扫描二维码，然后输入它显示的 6 位数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the code with an authenticator app (TOTP), then enter the 6 digits it shows.</source>
        <translation>请用身份验证器应用（TOTP）扫描二维码，然后输入它显示的 6 位数字。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key (to type in by hand)</source>
        <translation>密钥（手动输入用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code from the app</source>
        <translation>应用中的验证码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking the hub for a new key…</source>
        <translation>正在向中心申请新密钥…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Enter the 6 digits the app shows.</source>
        <translation>请输入应用显示的 6 位数字。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Two-step verification is on. Keep these recovery codes somewhere safe: each logs you in once without the app. They are shown only now.</source>
        <translation>双因素认证已启用。请妥善保存以下恢复码：每个恢复码可在没有应用时登录一次。恢复码仅显示这一次。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I have saved them</source>
        <translation>我已保存</translation>
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
        <location line="+1"/>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{n} cases</source>
        <translation>{n} 件</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../console/i18n.py" line="+30"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-4"/>
        <source>&amp;Look in:</source>
        <extracomment>Qt&apos;s own words that its qtbase_zh_CN.qm (Qt 6) lacks, seen in the file dialog of the handover report under zh_CN: translated in commandpost_zh_CN.ts, whose translator is asked before Qt&apos;s (installed after it). &quot;Folder&quot; is asked for with the comment &quot;All other platforms&quot;; a translator falls back to the entry without one.</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RegionTreePane</name>
    <message>
        <location filename="../../widgets/region_tree.py" line="+118"/>
        <source>Regions</source>
        <extracomment>the counts are repainted at most this often (ms) the near-due column shows when the name column keeps room for this many characters the scope shown (the console&apos;s, as ``on_scope`` told it)</extracomment>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>%1: %2 open · %3 overdue · %4 near due</source>
        <translation>%1：在办 %2 件 · 超期 %3 件 · 即将超期 %4 件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All subcategories</source>
        <translation>全部子类</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Showing the whole post.</source>
        <translation>显示本指挥中心全部案件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Narrowed to: %1</source>
        <translation>已筛选：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Near due</source>
        <translation>即将超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases in the region</source>
        <translation>该区域内在办案件数</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../console/review/cli.py" line="+319"/>
        <location filename="../../console/review/window.py" line="+617"/>
        <source>Handover report…</source>
        <translation>交接班报告…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not write the report: {err}</source>
        <translation>报告生成失败：{err}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report written: {pdf}</source>
        <translation>报告已生成：{pdf}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a shift to review</source>
        <translation>选择要回放的班次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/review/window.py" line="-156"/>
        <location line="+7"/>
        <source>Events</source>
        <extracomment>every move of the cursor reaches the panes from here (as the feed does live) the numbers of the events that match the filter (also as an array, for seeking) the cursor steps of those events (for following the cursor in the list)</extracomment>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../console/review/report.py" line="+99"/>
        <source>Page {n}</source>
        <extracomment>OpenType features turned off in the reports&apos; text, so every glyph drawn is the one the font&apos;s character map gives: the PDF&apos;s ToUnicode map (how a reader copies the text) is built by looking each glyph up in that map. With ``locl`` on, Noto Sans CJK draws the digits of a Latin run as substitute glyphs no character maps to, and the English report&apos;s figures and case numbers copied as nothing; ``liga`` turns &quot;ffl&quot; into one glyph.</extracomment>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>… and {n} more (see the CSV)</source>
        <translation>……另有 {n} 条（见 CSV）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cases reported and closed per hour</source>
        <translation>每小时上报与办结案件数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Command Post · shift handover report · {post} · shift {label}</source>
        <translation>指挥中心 · 交接班报告 · {post} · 班次 {label}</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+258"/>
        <source>Shift handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>Shift {label}: {span} ({zone})</source>
        <translation>班次 {label}：{span}（{zone}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures as at {at}; made from {n} cached events (seq {seqs}), offline.</source>
        <translation>数据截至 {at}；依据本机缓存的 {n} 条事件（序号 {seqs}）离线生成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning: the cache file is damaged; the report covers only what could be read.</source>
        <translation>警告：缓存文件已损坏，本报告只包含可读取的部分。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cases of the shift</source>
        <translation>本班案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+85"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue at handover</source>
        <translation>交班时超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open critical</source>
        <translation>未结特急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urges</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whistles</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>视频会商</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Activity</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Cases by status</source>
        <translation>案件状态分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases by category (top 8)</source>
        <translation>案件类别（前 8）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counts by status, category and unit</source>
        <translation>按状态、类别、单位统计</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+21"/>
        <location line="+12"/>
        <location line="+18"/>
        <location filename="../../console/review/window.py" line="-164"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <location line="+75"/>
        <location line="+9"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+13"/>
        <location line="+11"/>
        <location line="+19"/>
        <source>— unassigned</source>
        <translation>— 未派遣</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Overdue at handover ({n})</source>
        <translation>交班时超期案件（{n}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+18"/>
        <location line="+9"/>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+34"/>
        <location line="+14"/>
        <location line="+9"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+12"/>
        <location line="+18"/>
        <location line="+36"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+12"/>
        <location line="+18"/>
        <source>Held by</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+12"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Overdue by</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open critical cases ({n})</source>
        <translation>未办结的特急案件（{n}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closed during the shift, known from a snapshot ({n})</source>
        <translation>本班次内办结、由快照得知的案件（{n}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cache holds no close event for these cases (it started mid-shift or reloaded a snapshot); they are counted as closed in the shift.</source>
        <translation>缓存中没有这些案件的办结事件（缓存在班次中途开始，或重新加载了快照），它们计入本班次办结数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Urges ({n})</source>
        <translation>督办（{n}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <location line="+48"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+13"/>
        <location line="+55"/>
        <location filename="../../console/review/window.py" line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+13"/>
        <location line="+49"/>
        <location line="+6"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Whistles ({n})</source>
        <translation>吹哨报到（{n}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checked in</source>
        <translation>已报到</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calls ({n})</source>
        <translation>视频会商（{n}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Definitions: cases of the shift = open at its start or changed during it, as at its end; closure rate = closed in the shift / cases of the shift; on time = closed no later than due; overdue at handover = still being handled past due. Priorities: {c} = critical.</source>
        <translation>口径：本班案件 = 接班时未办结或本班内有变动的案件（按交班时状态统计）；办结率 = 本班办结数 / 本班案件数；按时办结 = 在办理时限内办结；交班时超期 = 超过时限仍在办理。{c} 即最高优先级。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closed loop: callbacks, reworks, merges, requests</source>
        <translation>闭环：回访、重办、并单、申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{c} callbacks ({w} sent back for rework), {m} merged duplicates, {d} requests decided, {p} pending at handover, {s} late signs.</source>
        <translation>回访 {c} 件（其中退回重办 {w} 件），并单 {m} 件，审核申请 {d} 件，交班时待审 {p} 件，超时签收 {s} 件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../console/review/window.py" line="-46"/>
        <source>solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../console/review/window.py" line="+1"/>
        <source>not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rework</source>
        <translation>重办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>case closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolved by</source>
        <translation>办结单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solved</source>
        <translation>是否解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duplicate</source>
        <translation>重复件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merged into</source>
        <translation>并入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Decision</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Asked at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../console/review/window.py" line="-186"/>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case changes</source>
        <translation>案件变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urges only</source>
        <translation>仅督办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whistles and calls</source>
        <translation>吹哨与会商</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+349"/>
        <source>Read-only review of a cached shift — no hub connection.</source>
        <extracomment>the shift file&apos;s folder: the map reads the region polygons kept there</extracomment>
        <translation>只读回放本机缓存的班次 — 不连接中枢。</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+14"/>
        <source>created</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+16"/>
        <source>urged</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+17"/>
        <source>whistle</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+17"/>
        <source>whistle check-in</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>call</source>
        <translation>视频会商</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+17"/>
        <source>call ended</source>
        <translation>会商结束</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>unit changed</source>
        <translation>单位更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped: invalid in the hub&apos;s log</source>
        <translation>已跳过：中枢日志中的无效事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other event ({type})</source>
        <translation>其他事件（{type}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>as found at shift start</source>
        <translation>接班时状态</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{stage} by {t}</source>
        <translation>{stage}时限 {t}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+35"/>
        <source>Select a case to see its story.</source>
        <translation>选择一个案件查看其经过。</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took</source>
        <translation>用时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Elapsed / SLA</source>
        <translation>累计 / 时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>SLA {d}</source>
        <translation>时限 {d}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{p}% of SLA</source>
        <translation>占时限 {p}%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LATE</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Offline review — {post} — shift {label}</source>
        <extracomment>the dock columns and their width shares (none until the docks are laid out) the review position: step, time and the replayed State there</extracomment>
        <translation>离线回放 — {post} — 班次 {label}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Case story</source>
        <translation>案件经过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cache file is damaged or truncated: {n} events could be read, up to seq {seq} ({time}). The rest is lost. Opened read-only.</source>
        <translation>缓存文件已损坏或被截断：可读取 {n} 条事件，截至序号 {seq}（{time}），其余部分已丢失。已以只读方式打开。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Offline review</source>
        <translation>离线回放</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+119"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Step back one event</source>
        <translation>后退一条事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step forward one event</source>
        <translation>前进一条事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous event of the selected case</source>
        <translation>所选案件的上一条事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event of the selected case</source>
        <translation>所选案件的下一条事件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter events: case id, unit, actor, action</source>
        <translation>筛选事件：案件号、单位、操作人、动作</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next match</source>
        <translation>下一条匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event matching the filter</source>
        <translation>下一条符合筛选的事件</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} events match</source>
        <translation>{n} 条事件符合</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{time} · shift start (snapshot, seq {seq})</source>
        <translation>{time} · 班次起点（快照，序号 {seq}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{time} · event {i} of {n} · seq {seq}</source>
        <translation>{time} · 第 {i} / {n} 条事件 · 序号 {seq}</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../console/security_dialogs.py" line="-203"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new password must differ from your last 5 passwords.</source>
        <translation>新密码不得与最近 5 次使用的密码相同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new password needs at least 8 characters.</source>
        <translation>新密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new password needs 3 of: lower case, upper case, digits, symbols.</source>
        <translation>新密码需包含小写字母、大写字母、数字、符号中的 3 类。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code does not match: check the phone&apos;s clock and try the next code.</source>
        <translation>验证码不匹配：请检查手机时间并尝试下一个验证码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub refused: {reason}</source>
        <translation>中心拒绝：{reason}</translation>
    </message>
</context>
<context>
    <name>SecurityUi</name>
    <message>
        <location filename="../../console/security_ui.py" line="+22"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two-step &amp;verification…</source>
        <translation>双因素认证(&amp;V)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unencrypted link (http): passwords and cases travel in clear</source>
        <translation>未加密连接（http）：密码和案件以明文传输</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../console/session.py" line="+118"/>
        <source>{label}: this console is read-only.</source>
        <extracomment>the shift cache folder (the map keeps the region polygons there), or None the post&apos;s working calendar: the closed-loop clocks count working hours on it the commands panes may ask for; the console installs its Actions here (:func:`console.supervisor.actions.actions_for`) before it builds the panes the closed-loop commands (protocol 1.1), made on first use by :func:`console.loop.commands.loop_for` the region node and category the panes are narrowed to (shared, like selected)</extracomment>
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
        <location filename="../../console/main_window.py" line="+39"/>
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
    <name>Stage</name>
    <message>
        <location filename="../../widgets/stage_text.py" line="+17"/>
        <source>sign</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign overdue</source>
        <translation>签收超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve overdue</source>
        <translation>办结超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback overdue</source>
        <translation>回访超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign near due</source>
        <translation>签收临期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve near due</source>
        <translation>办结临期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback near due</source>
        <translation>回访临期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign by</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolve by</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back by</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>return request</source>
        <translation>退单申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extension request</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>working time</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>wall-clock time</source>
        <translation>自然时间</translation>
    </message>
</context>
<context>
    <name>StageClocks</name>
    <message>
        <location filename="../../widgets/stage_clocks.py" line="+100"/>
        <source>This hub speaks protocol 1.0: it sets no sign or callback deadlines, so only the due time above runs.</source>
        <extracomment>statuses after which a stage is over</extracomment>
        <translation>该枢纽使用协议 1.0：没有签收和回访时限，只计上方的办结时限。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{kind} from {unit} at {at}: “{reason}”</source>
        <translation>{unit} 于 {at} 提出{kind}：“{reason}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(until {t})</source>
        <translation>（申请至 {t}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Callback: {solved}, {sat}</source>
        <translation>回访结果：{solved}，{sat}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merged into {case} (duplicate)</source>
        <translation>已并入 {case}（重复件）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Urges {u} · returns {r} · extensions {e} · reworks {w}</source>
        <translation>督办 {u} · 退单 {r} · 延期 {e} · 重办 {w}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reporter: {name} {phone}</source>
        <translation>反映人：{name} {phone}</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <location filename="../../console/login.py" line="+43"/>
        <source>Command Post console</source>
        <translation>指挥中心控制台</translation>
    </message>
</context>
<context>
    <name>TickerPane</name>
    <message>
        <location filename="../../widgets/ticker.py" line="+147"/>
        <source>Incoming</source>
        <extracomment>the shown entries, newest first (the pane decides what is shown)</extracomment>
        <translation>实时动态</translation>
    </message>
    <message>
        <location line="+88"/>
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
    <name>UndoNotice</name>
    <message>
        <location filename="../../console/supervisor/reassign_dialogs.py" line="+63"/>
        <source>Undo ({s} s)</source>
        <translation>撤销（{s} 秒）</translation>
    </message>
</context>
<context>
    <name>UnitChecklist</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="-142"/>
        <source>Type to filter units…</source>
        <translation>输入以筛选单位…</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../console/supervisor/reassign_dialogs.py" line="-221"/>
        <source>Reassign to…</source>
        <translation>改派给…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign {case} to:</source>
        <translation>将 {case} 改派给：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign {n} cases to:</source>
        <translation>将 {n} 件案件改派给：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type to filter units…</source>
        <translation>输入以筛选单位…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>load {load}</source>
        <translation>负荷 {load}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(suggested)</source>
        <translation>（建议）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(holds it now)</source>
        <translation>（当前承办）</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../console/loop/wall_rank.py" line="+28"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>签收及时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reading the assessment…</source>
        <translation>正在读取考核数据…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>This hub (protocol 1.0) provides no assessment</source>
        <translation>该枢纽（协议 1.0）不提供考核数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Score (signed {a} / solved {b} / satisfied {c}) · red line {line} · {n} units</source>
        <translation>综合得分（签收 {a} / 解决 {b} / 满意 {c}）· 红线 {line} 分 · {n} 个单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No assessment figures this month yet</source>
        <translation>本月尚无考核数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>▼ below the red line</source>
        <translation>▼ 低于红线</translation>
    </message>
    <message>
        <location filename="../../console/wall/controller.py" line="+59"/>
        <source>○ Connecting</source>
        <translation>○ 正在连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◐ Catching up</source>
        <translation>◐ 正在同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>○ Link lost, reconnecting</source>
        <translation>○ 连接中断，重连中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✕ Offline</source>
        <translation>✕ 离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+435"/>
        <source>✕ Login expired</source>
        <translation>✕ 登录已过期</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>retry in {s} s</source>
        <extracomment>the pump&apos;s sink: the controller&apos;s bookkeeping first, then every page</extracomment>
        <translation>{s} 秒后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>data as of {t}</source>
        <translation>数据截至 {t}</translation>
    </message>
    <message>
        <location line="+70"/>
        <location filename="../../console/wall/window.py" line="+137"/>
        <source>Command Center</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The feed stopped: {e}</source>
        <translation>数据源停止：{e}</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Login expired, logging in again</source>
        <translation>登录已过期，正在重新登录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Logging in again failed: {e}</source>
        <translation>重新登录失败：{e}</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/base.py" line="+31"/>
        <source>Today at a glance</source>
        <translation>今日态势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases</source>
        <translation>在办案件分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports per hour</source>
        <translation>每小时上报量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s reports</source>
        <translation>今日上报构成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit load</source>
        <translation>单位负荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video calls</source>
        <translation>视频会商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month&apos;s ranking</source>
        <translation>本月考核排名</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/kpi.py" line="+27"/>
        <source>Reported today</source>
        <translation>今日上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live calls</source>
        <translation>进行中会商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests to decide</source>
        <translation>待审申请</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/breakdown.py" line="+25"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By area</source>
        <translation>按区域</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/load.py" line="+27"/>
        <source>▲▲▲ high</source>
        <translation>▲▲▲ 高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▲▲ medium</source>
        <translation>▲▲ 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▲ low</source>
        <translation>▲ 低</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/kpi.py" line="+55"/>
        <source>yesterday by now {n}</source>
        <translation>昨日同时 {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>since {t}</source>
        <translation>自 {t} 起</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{c} of {r} of today&apos;s reports closed</source>
        <translation>今日上报已办结 {c} / {r}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◔ {n} near due</source>
        <translation>◔ 临期 {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{c} on time of {n} closed</source>
        <translation>按时 {c} / 办结 {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} units taking part</source>
        <translation>涉及单位 {n} 个</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>returns {r} · extensions {e}</source>
        <translation>退单 {r} · 延期 {e}</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/map.py" line="+205"/>
        <source>{n} open</source>
        <translation>在办 {n} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shading = open cases</source>
        <translation>底色 = 在办件数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◯ pulsing = overdue</source>
        <translation>◯ 闪烁 = 超期</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{name}
{n} open · {d} overdue</source>
        <translation>{name}
在办 {n} · 超期 {d}</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/trend.py" line="+66"/>
        <source>▇ today</source>
        <translation>▇ 今日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◇┄ yesterday</source>
        <translation>◇┄ 昨日</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Up to {t}: today {a} · yesterday by then {b}</source>
        <translation>截至 {t}：今日 {a} 件 · 昨日同期 {b} 件</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/breakdown.py" line="+98"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No reports yet today</source>
        <translation>今日暂无上报</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/load.py" line="+74"/>
        <source>{open} open · {duty} on duty</source>
        <translation>在办 {open} · 在岗 {duty}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ {n} overdue</source>
        <translation>⚠ 超期 {n}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No open cases</source>
        <translation>暂无在办案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} more units</source>
        <translation>另有 {n} 个单位</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/overdue.py" line="+68"/>
        <source>{n} overdue</source>
        <translation>共 {n} 件超期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} more not shown</source>
        <translation>另有 {n} 件未显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ Nothing overdue</source>
        <translation>✓ 当前无超期案件</translation>
    </message>
    <message>
        <location filename="../../console/wall/pages/calls.py" line="+54"/>
        <source>case {id}</source>
        <translation>案件 {id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} units</source>
        <translation>{n} 个单位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No video call in progress</source>
        <translation>当前无视频会商</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>running {d}</source>
        <translation>已进行 {d}</translation>
    </message>
    <message>
        <location filename="../../console/wall/window.py" line="-93"/>
        <source>‼ New critical case</source>
        <translation>‼ 特急新案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Newly overdue</source>
        <translation>⚠ 新增超期</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{n} more waiting</source>
        <translation>另有 {n} 条待显示</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>overdue {d}</source>
        <translation>超期 {d}</translation>
    </message>
</context>
<context>
    <name>WhistleDialog</name>
    <message>
        <location filename="../../console/supervisor/whistles.py" line="+47"/>
        <source>Blow the whistle (吹哨报到)</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units to summon</source>
        <translation>报到单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check in within</source>
        <translation>报到时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose at least one unit to summon.</source>
        <translation>请至少选择一个报到单位。</translation>
    </message>
</context>
<context>
    <name>WhistlesPane</name>
    <message>
        <location line="-260"/>
        <source>Whistles (吹哨报到)</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Select a case first.</source>
        <translation>请先选择一件案件。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>{done}/{total} checked in · {left} left</source>
        <translation>已报到 {done}/{total} · 剩余 {left}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ all {total} checked in</source>
        <translation>✓ {total} 个单位全部报到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{symbol} {missed} missed the deadline</source>
        <translation>{symbol} {missed} 个单位超期未报到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>■ over ({done}/{total} checked in)</source>
        <translation>■ 已结束（已报到 {done}/{total}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ checked in {time}</source>
        <translation>✓ {time} 已报到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{symbol} missed</source>
        <translation>{symbol} 未报到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… waiting</source>
        <translation>… 等待报到</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>{open} open whistles</source>
        <translation>{open} 个进行中的吹哨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{symbol} {n} check-ins missed</source>
        <translation>{symbol} {n} 个单位未按时报到</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+4"/>
        <source>Case / unit</source>
        <extracomment>the listed whistles (synced by id: current row, selection and expansion stay)</extracomment>
        <translation>案件 / 单位</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Check-in</source>
        <translation>报到</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>◎ Blow the whistle… (Ctrl+Shift+W)</source>
        <translation>◎ 吹哨报到…（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summon several units to the selected case (吹哨报到)</source>
        <translation>召集多个单位到所选案件报到（吹哨报到）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>☎ Video call… (Ctrl+Shift+V)</source>
        <translation>☎ 视频会商…（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a video call (云视讯) for the selected case</source>
        <translation>为所选案件发起视频会商（云视讯）</translation>
    </message>
</context>
<context>
    <name>WorkloadPane</name>
    <message>
        <location filename="../../widgets/workload.py" line="+230"/>
        <source>Unit workloads</source>
        <extracomment>the widget whose size is the space this pane is given (see showEvent)</extracomment>
        <translation>单位工作量</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 open cases for %2 on duty</source>
        <translation>%2 人在岗，在办案件 %1 件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 units · %2 open cases · %3 overloaded (≥ %4 per person)</source>
        <translation>%1 个单位 · %2 件在办 · %3 个超负荷（人均 ≥ %4 件）</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Unit</source>
        <extracomment>the most bars the chart shows (fewer when its height cannot fit their names) vertical space one bar&apos;s name needs, in lines of the tick font widest unit name beside a bar (px); longer names are elided the chart&apos;s least height, in bars (with the value axis and its label below them) the least pane width (table beside chart) or height (table above chart), in lines of the pane&apos;s font, at which the chart is shown; below both the table stands alone the unit column&apos;s least width, in characters of the table&apos;s font (see _size_unit_column) load (open cases per on-duty person) from which a unit is flagged as overloaded the region the units are narrowed to (None: every unit of the post) the shown units, heaviest load first (synced by unit id: the selection stays)</extracomment>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Near due</source>
        <translation>即将超期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>人均负荷</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Open cases per on-duty person</source>
        <translation>在岗人员人均在办案件数</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Bars: the %1 heaviest units · vermillion ≥ %2 per person (overloaded, ⚠) · orange: has overdue cases</source>
        <translation>条形图：负荷最重的 %1 个单位 · 朱红 = 人均 ≥ %2 件（超负荷，⚠）· 橙色 = 有超期案件</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Double-click or press Enter to show the unit&apos;s cases</source>
        <translation>双击或按回车查看该单位的案件</translation>
    </message>
</context>
</TS>
