"""The audit log in words (client.audit_words): every phrase and refusal message the
reference hub writes reads as Chinese, with unit names; other text comes back as it was."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from client.audit_words import action_word, detail_text, target_text

HUB = Path(__file__).resolve().parents[2] / "hub"
#: the hub modules whose refusals are written to the audit log
AUDITED = ("commands.py", "loop.py", "lifecycle.py", "geo.py", "auth.py", "login_guard.py",
           "otp.py", "session_policy.py", "routes/kit.py")
ERRORS = {"BadRequest", "Unauthenticated", "OtpRequired", "Forbidden", "NotFound",
          "Conflict", "Gone", "TooLarge", "Invalid", "RateLimited"}
#: what a placeholder of the hub's f-strings stands for, by the expression's text
SAMPLES = (("role", "officer"), ("status", "dispatched"), ("command", "assign"),
           ("kind", "extension"), ("until", "'tomorrow'"), ("exc", "bad"), ("lat", "25.03"),
           ("lon", "101.54"), ("username", "officer-7"), ("id", "CX-7"), ("into", "CX-8"))
ENGLISH = re.compile(r"[A-Za-z]{2,}")
NAMES = {"U1": "楚雄市公安局", "U2": "鹿城镇城管中队"}


def _sample(node: ast.expr) -> str | None:
    """A message the f-string or literal ``node`` can make (placeholders as samples)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value))
            else:
                src = ast.unparse(part)
                out.append(next((v for k, v in SAMPLES if k in src), "7"))
        return "".join(out)
    if isinstance(node, ast.BinOp):  # "…" "…" split over lines stays one Constant
        return None
    return None


def hub_messages() -> list[str]:
    """Every refusal message literal the audited hub modules raise or audit."""
    found: list[str] = []
    for name in AUDITED:
        tree = ast.parse((HUB / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ERRORS and node.args):
                msg = _sample(node.args[0])
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "_audit_refusal" and len(node.args) > 1):
                msg = _sample(node.args[1])
            elif (isinstance(node, ast.keyword) and node.arg == "detail"
                  and name == "auth.py"):  # the login refusals' own details
                values = ([node.value.body, node.value.orelse]
                          if isinstance(node.value, ast.IfExp) else [node.value])
                for value in values:
                    if (msg := _sample(value)):
                        found.append(msg)
                continue
            else:
                continue
            if msg:
                found.append(msg)
    return found


def test_the_hub_raises_the_messages_this_test_knows() -> None:
    """The scan finds the hub's messages (a scan finding nothing would prove nothing)."""
    messages = hub_messages()
    assert len(messages) > 50
    assert "wrong username or password" in messages
    assert "case CX-7 is at version 7, not 7" in messages


@pytest.mark.parametrize("message", sorted(set(hub_messages())))
def test_every_refusal_of_the_reference_hub_reads_as_chinese(message: str) -> None:
    entry = {"action": "assign", "outcome": "denied", "detail": message}
    text = detail_text(entry, "zh_CN")
    words = re.sub(r"JSON|CX-\d|officer-\d", "", text)  # a format's name, the samples' ids
    assert not ENGLISH.search(words), (message, text)
    assert detail_text(entry, "en") == message  # English: the hub's own sentence


@pytest.mark.parametrize(("action", "detail", "zh", "en"), [
    ("assign", "dispatch unit=U1", "派遣至楚雄市公安局", "dispatched to 楚雄市公安局"),
    ("assign", "reassign unit=U2", "改派至鹿城镇城管中队", "reassigned to 鹿城镇城管中队"),
    ("assign", "unit=U1 (no change)", "已由楚雄市公安局承办，无变化",
     "already with 楚雄市公安局, no change"),
    ("urge", "unit=U1", "督办楚雄市公安局", "urged 楚雄市公安局"),
    ("whistle", "U1,U2", "召集：楚雄市公安局、鹿城镇城管中队",
     "summoned: 楚雄市公安局, 鹿城镇城管中队"),
    ("checkin", "U2", "鹿城镇城管中队已报到", "鹿城镇城管中队 checked in"),
    ("call.start", "CX-20261201-000001", "关于案件 CX-20261201-000001",
     "about case CX-20261201-000001"),
    ("extend", "until=2026-12-01T02:00:00Z", "延期至 2026-12-01 10:00",
     "until 2026-12-01 10:00"),
    ("decide", "approve extension of U1", "批准楚雄市公安局的延期申请",
     "approved the extension request of 楚雄市公安局"),
    ("decide", "deny return of U2", "驳回鹿城镇城管中队的退单申请",
     "refused the return request of 鹿城镇城管中队"),
    ("callback", "callback solved=True satisfied", "回访：已解决，满意，已结案",
     "called back: solved, satisfied; closed"),
    ("callback", "rework solved=False dissatisfied", "回访：未解决，不满意，退回重办",
     "called back: not solved, dissatisfied; sent back for rework"),
    ("callback", "callback solved=None unreachable", "回访，未联系上，已结案",
     "called back: not reached; closed"),
    ("merge", "into=CX-1", "并入案件 CX-1", "merged into case CX-1"),
    ("reporter", "unmasked reporter read", "查看了未脱敏的上报人信息",
     "read the unmasked reporter"),
    ("user.add", "role officer, post 532300", "角色：值班员，岗位：532300",
     "role: duty officer, post: 532300"),
])
def test_accepted_commands_in_words(action: str, detail: str, zh: str, en: str) -> None:
    entry = {"action": action, "outcome": "ok", "detail": detail}
    assert detail_text(entry, "zh_CN", NAMES.get) == zh
    assert detail_text(entry, "en", NAMES.get) == en


def test_refusals_name_roles_actions_and_statuses_in_words() -> None:
    def zh(detail: str) -> str:
        return detail_text({"action": "assign", "outcome": "denied", "detail": detail})

    assert zh("a officer account cannot assign") == "值班员账号无权派遣"
    assert zh("cannot close a case that is dispatched") == "已派遣的案件不能结案"
    assert zh("case CX-1 is at version 4, not 3") == "案件 CX-1 已被他人修改（现为第 4 版，而非第 3 版）"
    assert zh("title: String should have at most 200 characters; priority: bad") == \
        "请求内容有误：标题、紧急程度"


def test_other_text_comes_back_as_it_came() -> None:
    """Another hub's own words and a person's note are shown as they are (plain text)."""
    assert detail_text({"action": "assign", "outcome": "ok", "detail": "到场处置"}) == "到场处置"
    assert detail_text({"action": "resolve", "outcome": "ok", "detail": "unit=U1"}) == "unit=U1"
    other = {"action": "assign", "outcome": "denied", "detail": "Quota exceeded for today"}
    assert detail_text(other, "zh_CN") == "Quota exceeded for today"
    assert detail_text({"action": "login", "outcome": "ok", "detail": None}) == ""


def test_every_action_the_hub_audits_has_a_word() -> None:
    actions = ("login", "logout", "report", "assign", "accept", "resolve", "return", "close",
               "reopen", "urge", "whistle", "checkin", "call.start", "call.end", "extend",
               "decide", "callback", "merge", "reporter", "password.change", "otp.start",
               "otp.confirm", "user.add", "user.disable", "user.enable",
               "user.reset_password", "user.unlock", "user.reset_otp", "POST")
    for code in actions:
        assert not ENGLISH.search(action_word(code, "zh_CN")), code
        assert action_word(code, "en") and "." not in action_word(code, "en"), code
    assert action_word("frobnicate", "zh_CN") == "frobnicate"


def test_a_refused_reports_target_is_a_word() -> None:
    assert target_text("case", "zh_CN") == "案件"
    assert target_text("CX-20261201-000001", "zh_CN") == "CX-20261201-000001"
