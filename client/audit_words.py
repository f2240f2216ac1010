"""The audit log in words: an entry's action and detail as a sentence in the UI's language.

The reference hub writes its audit details as short English phrases (``dispatch
unit=U532301-GA``, ``approve extension of U532301-GA``, a refusal's message such as
``case CX-… is at version 2, not 1``). The protocol keeps ``detail`` free text, so the hub
does not change: the console recognises the reference hub's phrases here and says them in
Chinese (or plain English), with the glossary's words for roles, actions and statuses and
unit names instead of unit ids. Text it does not recognise (another hub's own words, a
note a person typed) is returned as it came, for the caller to show as plain text.

Both the supervisors' audit tail (``widgets/audit_tail.py``) and the auditor's window
(``console/audit_viewer.py``) call :func:`detail_text`, :func:`action_word` and
:func:`target_text`.

Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from client import glossary
from client.timeutil import parse_time_or_none

UnitName = Callable[[str], str]

#: the audit log's actions that are not feed actions (the rest come from the glossary)
_ACTIONS: dict[str, dict[str, str]] = {
    "zh_CN": {"login": "登录", "logout": "退出登录", "report": "上报", "assign": "派遣",
              "extend": "申请延期", "decide": "审批申请", "callback": "回访",
              "merge": "并单", "reporter": "查看上报人", "return": "退回",
              "password.change": "修改密码", "otp.start": "开始绑定动态口令",
              "otp.confirm": "启用动态口令", "user.add": "新增账号",
              "user.disable": "停用账号", "user.enable": "启用账号",
              "user.reset_password": "重置密码", "user.unlock": "解锁账号",
              "user.reset_otp": "重置动态口令", "GET": "读取", "POST": "提交",
              "PUT": "提交", "PATCH": "修改", "DELETE": "删除"},
    "en": {"login": "log in", "logout": "log out", "report": "report", "assign": "dispatch",
           "extend": "ask for an extension", "decide": "decide a request",
           "callback": "call back", "merge": "merge", "reporter": "read the reporter",
           "return": "return", "password.change": "change password",
           "otp.start": "start two-step enrolment", "otp.confirm": "turn two-step on",
           "user.add": "add account", "user.disable": "disable account",
           "user.enable": "enable account", "user.reset_password": "reset password",
           "user.unlock": "unlock account", "user.reset_otp": "reset two-step",
           "GET": "read", "POST": "submit", "PUT": "submit", "PATCH": "change",
           "DELETE": "delete"},
}

_KINDS = {"zh_CN": {"return": "退单", "extension": "延期", "request": "", "None": ""},
          "en": {"return": "return ", "extension": "extension ", "request": "", "None": ""}}
_SATISFACTION = {"zh_CN": {"satisfied": "满意", "basically_satisfied": "基本满意",
                           "dissatisfied": "不满意", "unreachable": "未联系上"},
                 "en": {"satisfied": "satisfied", "basically_satisfied": "basically satisfied",
                        "dissatisfied": "dissatisfied", "unreachable": "not reached"}}
_SOLVED = {"zh_CN": {"True": "：已解决", "False": "：未解决", "None": ""},
           "en": {"True": "solved, ", "False": "not solved, ", "None": ""}}


def action_word(action: object, lang: str | None = None) -> str:
    """The word for an audit entry's ``action`` (an unknown code as it came)."""
    if action is None:
        return ""
    code = str(action)
    lang = glossary.normalize(lang)
    return _ACTIONS[lang].get(code) or glossary.word("action", code, lang)


#: a target that names no object but a kind of one (a refused report has no case yet)
_TARGETS = {"zh_CN": {"case": "案件"}, "en": {"case": "case"}}


def target_text(target: object, lang: str | None = None) -> str:
    """An audit entry's ``target`` for a person: ids as they are, ``case`` as a word."""
    if target is None:
        return ""
    return _TARGETS[glossary.normalize(lang)].get(str(target), str(target))


# ---- Accepted commands: the reference hub's detail phrases, per action

_ID = r"[\w.:-]+"
#: (action, pattern, Chinese, English); named groups are turned into words by _word()
_DONE: tuple[tuple[str, str, str, str], ...] = (
    ("assign", rf"dispatch unit=(?P<unit>{_ID})", "派遣至{unit}", "dispatched to {unit}"),
    ("assign", rf"reassign unit=(?P<unit>{_ID})", "改派至{unit}", "reassigned to {unit}"),
    ("assign", rf"unit=(?P<unit>{_ID}) \(no change\)", "已由{unit}承办，无变化",
     "already with {unit}, no change"),
    ("urge", rf"unit=(?P<unit>{_ID})", "督办{unit}", "urged {unit}"),
    ("whistle", rf"(?P<units>{_ID}(?:,{_ID})*)", "召集：{units}", "summoned: {units}"),
    ("checkin", rf"(?P<unit>{_ID})", "{unit}已报到", "{unit} checked in"),
    ("call.start", rf"(?P<case>{_ID})", "关于案件 {case}", "about case {case}"),
    ("extend", r"until=(?P<time>\S+)", "延期至 {time}", "until {time}"),
    ("decide", rf"approve (?P<kind>return|extension|None) of (?P<unit>{_ID})",
     "批准{unit}的{kind}申请", "approved the {kind}request of {unit}"),
    ("decide", rf"deny (?P<kind>return|extension|None) of (?P<unit>{_ID})",
     "驳回{unit}的{kind}申请", "refused the {kind}request of {unit}"),
    ("callback", r"callback solved=(?P<solved>True|False|None) (?P<satisfaction>\w+)",
     "回访{solved}，{satisfaction}，已结案", "called back: {solved}{satisfaction}; closed"),
    ("callback", r"rework solved=(?P<solved>True|False|None) (?P<satisfaction>\w+)",
     "回访{solved}，{satisfaction}，退回重办",
     "called back: {solved}{satisfaction}; sent back for rework"),
    ("merge", rf"into=(?P<case>{_ID})", "并入案件 {case}", "merged into case {case}"),
    ("reporter", r"unmasked reporter read", "查看了未脱敏的上报人信息",
     "read the unmasked reporter"),
    ("user.add", rf"role (?P<role>\w+), post (?P<post>{_ID})", "角色：{role}，岗位：{post}",
     "role: {role}, post: {post}"),
)

# ---- Refusals: the reference hub's messages (hub/*.py ``raise …("…")``), in Chinese.
# In English the hub's own message is shown.

_REFUSED: tuple[tuple[str, str], ...] = (
    # logging in and sessions (hub/auth.py, hub/login_guard.py, hub/session_policy.py)
    (r"wrong username or password", "用户名或密码错误"),
    (r"wrong second factor", "动态口令错误"),
    (r"second factor required", "需要动态口令"),
    (r"enter the 6-digit code of your authenticator", "请输入身份验证器上的 6 位动态口令"),
    (r"the code is wrong; enter the current one", "动态口令错误，请输入当前的口令"),
    (r"the hub is busy checking passwords; try again shortly", "服务器正忙于核对密码，请稍后再试"),
    (r"too many failed logins from this address; try again in 15 minutes",
     "该地址登录失败次数过多，请 15 分钟后再试"),
    (r"too many failed logins; try again in 15 minutes", "登录失败次数过多，请 15 分钟后再试"),
    (r"too many logins for this name at once; try again", "该账号同时登录过多，请再试一次"),
    (r"missing bearer token", "缺少登录令牌"),
    (r"unknown token", "登录令牌无效"),
    (r"session expired; log in again", "会话已过期，请重新登录"),
    (r"change your password first \(POST /session/password\)", "请先修改密码"),
    (r"set up your second factor first \(POST /session/otp\)", "请先绑定动态口令"),
    (r"an auditor account reads the audit log only", "审计管理员账号只能查看审计日志"),
    (r"only a supervisor or an auditor reads the audit log", "只有值班长和审计管理员可以查看审计日志"),
    (r"at most (?P<n>\d+) feeds per user", "每个用户最多 {n} 个实时连接"),
    # accounts (hub/accounts.py, hub/otp.py)
    (r"no such user", "没有该用户"),
    (r"no user (?P<user>\S+)", "没有用户 {user}"),
    (r"the old password is wrong", "原密码错误"),
    (r"the new password must differ from the last (?P<n>\d+)", "新密码不能与最近 {n} 次的密码相同"),
    (r"a password needs at least 8 characters", "密码至少 8 个字符"),
    (r"a password has at most 200 characters", "密码最多 200 个字符"),
    (r"a password needs 3 of: lower case, upper case, digits, symbols",
     "密码须包含小写字母、大写字母、数字、符号中的至少 3 种"),
    (r"a second factor is already on; an admin resets it", "动态口令已启用，须由管理员重置"),
    (r"start the enrolment first \(POST /session/otp\)", "请先开始绑定动态口令"),
    (r"the code does not match; check the device's clock", "动态口令不匹配，请检查设备时间"),
    # roles and units (hub/commands.py, hub/loop.py)
    (r"a (?P<role>\w+) account cannot (?P<action>[\w.]+)", "{role}账号无权{action}"),
    (rf"case (?P<case>{_ID}) is not held by your unit", "案件 {case} 不由本单位承办"),
    (r"this account belongs to no unit", "该账号不属于任何单位"),
    (r"your unit was not summoned by this whistle", "本单位不在此次吹哨召集之列"),
    (r"a (?P<role>\w+) account cannot read the assessment", "{role}账号无权查看考核"),
    # cases (hub/commands.py, hub/loop.py, hub/lifecycle.py, hub/reads.py, hub/geo.py)
    (rf"case (?P<case>{_ID}) is at version (?P<v>\d+), not (?P<e>\S+)",
     "案件 {case} 已被他人修改（现为第 {v} 版，而非第 {e} 版）"),
    (rf"case (?P<case>{_ID}) has no unit to urge \((?P<status>\w+)\)",
     "案件 {case} 尚无承办单位，无法督办（{status}）"),
    (rf"case (?P<case>{_ID}) is closed; merge into an open case",
     "案件 {case} 已结案，请并入未结案的案件"),
    (rf"case (?P<case>{_ID}) is closed", "案件 {case} 已结案"),
    (rf"case (?P<case>{_ID}) already has a pending (?P<kind>\w+) request",
     "案件 {case} 已有待审批的{kind}申请"),
    (rf"case (?P<case>{_ID}) has no pending request to decide", "案件 {case} 没有待审批的申请"),
    (r"cannot extend a case that is (?P<status>\w+)", "{status}的案件不能申请延期"),
    (r"cannot return a case that is (?P<status>\w+)", "{status}的案件不能退回"),
    (r"cannot call back on a case that is (?P<status>\w+)", "{status}的案件不能回访"),
    (r"cannot (?P<action>[\w.]+) a case that is (?P<status>\w+)", "{status}的案件不能{action}"),
    (r"a closed case cannot be assigned", "已结案的案件不能派遣"),
    (r"a case cannot be merged into itself", "案件不能并入自身"),
    (rf"unknown case (?P<case>{_ID})", "未知案件 {case}"),
    (rf"no case (?P<case>{_ID})", "没有案件 {case}"),
    (rf"unknown unit (?P<unit>{_ID})", "未知单位 {unit}"),
    (rf"unknown region (?P<region>{_ID})", "未知区域 {region}"),
    (r"unknown category/subcategory (?P<cat>.+)", "未知类别/子类 {cat}"),
    (r"this Idempotency-Key was used for a different report; send a new report with a new key",
     "该幂等键已用于另一份上报，请用新的键重新上报"),
    (r"region_id, or lat and lon, are required", "须给出所属区域，或经纬度"),
    (r"this hub has no region polygons: give region_id", "本平台没有区域边界，请给出所属区域"),
    (r"the point \(lat (?P<lat>\S+), lon (?P<lon>\S+)\) lies outside the jurisdiction",
     "位置（纬度 {lat}，经度 {lon}）不在辖区内"),
    (r"until is not an RFC 3339 time: .*", "延期时间的格式不正确"),
    (r"until must be later than the case's due_at", "延期时间须晚于原办理时限"),
    (r"until must be in the future", "延期时间须在当前时间之后"),
    (rf"no call (?P<call>{_ID})", "没有视频会商 {call}"),
    (rf"call (?P<call>{_ID}) has already ended", "视频会商 {call} 已结束"),
    (rf"no whistle (?P<whistle>{_ID})", "没有吹哨 {whistle}"),
    (rf"whistle (?P<whistle>{_ID}) is over", "吹哨 {whistle} 已结束"),
    # request bodies (hub/routes/kit.py, hub/api_security.py)
    (r"a JSON body is required", "请求缺少内容"),
    (r"broken JSON: .*", "请求内容不是有效的 JSON"),
    (r"request body too large", "请求内容过大"),
    (r"request body over (?P<n>\d+) bytes", "请求内容超过 {n} 字节"),
    (r"(?:(?P<field>\S+): )?NUL characters are not allowed", "请求内容含有空字符"),
    (r"open311: .*", "开放接口的上报被拒绝"),
)

#: pydantic's field errors as the hub joins them: ``where: what; where: what``
_FIELD_ERRORS = re.compile(r"[\w.]+: [^;]+(?:; [\w.]+: [^;]+)*")

_DONE_RE = tuple((action, re.compile(p), zh, en) for action, p, zh, en in _DONE)
_REFUSED_RE = tuple((re.compile(p), zh) for p, zh in _REFUSED)


def detail_text(entry: Mapping[str, object], lang: str | None = None,
                unit_name: UnitName | None = None,
                zone: str | ZoneInfo = "Asia/Shanghai") -> str:
    """An audit entry's ``detail`` as a sentence in ``lang``.

    Args:
        entry: the entry as ``GET /audit`` gives it (``action``, ``outcome``, ``detail``).
        lang: ``zh_CN`` (default) or ``en``.
        unit_name: unit id → the unit's name (ids as they are without it).
        zone: the post's time zone, for times in a detail.

    Return:
        The sentence; text it does not recognise as it came (plain text for the caller).
    """
    text = entry.get("detail")
    if text is None:
        return ""
    text = str(text)
    if not text:
        return ""
    lang = glossary.normalize(lang)
    action, outcome = str(entry.get("action") or ""), entry.get("outcome")
    if outcome == "ok":
        for code, pattern, zh, en in _DONE_RE:
            if code == action and (m := pattern.fullmatch(text)):
                return _fill(zh if lang == "zh_CN" else en, m, lang, unit_name, zone)
        return text
    if lang != "zh_CN":
        return text
    for pattern, zh in _REFUSED_RE:
        if m := pattern.fullmatch(text):
            return _fill(zh, m, lang, unit_name, zone)
    if _FIELD_ERRORS.fullmatch(text):
        fields = [part.split(": ", 1)[0] for part in text.split("; ")]
        return "请求内容有误：" + "、".join(glossary.word("field", f, lang) for f in fields)
    return text


def _fill(template: str, m: re.Match[str], lang: str, unit_name: UnitName | None,
          zone: str | ZoneInfo) -> str:
    words = {name: _word(name, value, lang, unit_name, zone)
             for name, value in m.groupdict().items()}
    return template.format(**words)


def _word(name: str, value: str | None, lang: str, unit_name: UnitName | None,
          zone: str | ZoneInfo) -> str:
    """One matched piece of a phrase in words."""
    if value is None:
        return ""
    sep = "、" if lang == "zh_CN" else ", "
    if name == "unit":
        return unit_name(value) if unit_name else value
    if name == "units":
        return sep.join(unit_name(u) if unit_name else u for u in value.split(","))
    if name == "role":
        return glossary.word("role", value, lang)
    if name == "action":
        return action_word(value, lang)
    if name == "status":
        return glossary.word("status", value, lang)
    if name == "kind":
        return _KINDS[lang].get(value, value)
    if name == "solved":
        return _SOLVED[lang].get(value, value)
    if name == "satisfaction":
        return _SATISFACTION[lang].get(value, value)
    if name == "time":
        ts = parse_time_or_none(value)
        if ts is None:
            return value
        z = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
        return datetime.fromtimestamp(ts, z).strftime("%Y-%m-%d %H:%M")
    return value
