"""Three stage clocks of one case (protocol 1.1): sign, resolve, callback, counting down.

Shown in the case detail: each stage with its deadline (local time), whether it counts in
working or wall-clock time, and what is left (near due and overdue in colour and symbol),
or "done" / "not started". Below them the 1.1 facts of the case: a pending request of the
unit (with its reason), the callback's result, a merge, the loop counters and the masked
reporter. With a 1.0 hub (``state.stages`` is None) it says that the hub gives no stage
deadlines. Everything from the hub is plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from client.overdue import NEAR, OVERDUE
from client.protocol import Case
from client.stages import CALLBACK, RESOLVE, SIGN, STAGES, StageClock
from client.timeutil import parse_time_or_none
from widgets.common import NEAR_COLOR, OVERDUE_COLOR, fg, format_local, plain_label
from widgets.qt import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget
from widgets.stage_text import (
    basis_text,
    clock_text,
    pending_kind_text,
    satisfaction_text,
    stage_title,
)
from widgets.text import safe

if TYPE_CHECKING:
    from widgets.pane import PaneContext

_DUE_FIELD = {SIGN: "sign_due", RESOLVE: "due_at", CALLBACK: "callback_due"}
#: statuses after which a stage is over
_DONE = {SIGN: {"accepted", "resolved", "closed"}, RESOLVE: {"resolved", "closed"},
         CALLBACK: {"closed"}}


class StageClocks(QFrame):
    """The stage clocks and loop facts of one case.

    Attributes:
        rows: stage → ``(title, due, left)`` labels.
        facts: the label under the clocks (pending request, callback, merge, counts).
    """

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageClocks")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.case: Case | None = None
        grid = QGridLayout()
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(12)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for r, stage in enumerate(STAGES):
            labels = (plain_label("", self), plain_label("", self), plain_label("", self))
            labels[2].setObjectName(f"stage_left_{stage}")
            f = labels[2].font()
            f.setBold(True)
            labels[2].setFont(f)
            for c, lab in enumerate(labels):
                grid.addWidget(lab, r, c)
            self.rows[stage] = labels
        grid.setColumnStretch(1, 1)
        self.note = plain_label("", self, wrap=True)
        self.note.setObjectName("stage_note")
        self.facts = plain_label("", self, wrap=True)
        self.facts.setObjectName("stage_facts")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)
        lay.addWidget(self.note)
        lay.addWidget(self.facts)

    # ---- Public API

    def show_case(self, case: Case | None, now: float) -> None:
        """Show ``case``'s clocks at ``now`` (None hides them)."""
        self.case = case
        self.setVisible(case is not None)
        if case is not None:
            self.refresh(now)

    def left_texts(self) -> dict[str, str]:
        """stage → the "left" text as shown."""
        return {s: labels[2].text() for s, labels in self.rows.items()}

    def refresh(self, now: float) -> None:
        """Advance the countdowns to ``now``."""
        case = self.case
        if case is None:
            return
        policy = self.ctx.state.stages
        if policy is None:
            for labels in self.rows.values():
                for lab in labels:
                    lab.hide()
            self.note.setText(self.tr("This hub speaks protocol 1.0: it sets no sign or "
                                      "callback deadlines, so only the due time above runs."))
            self.note.show()
            self.facts.hide()
            return
        self.note.hide()
        running = {c.stage: c for c in policy.clocks(case)}
        status = case.get("status")
        zone = self.ctx.zone
        for stage, (title, due_label, left) in self.rows.items():
            for lab in (title, due_label, left):
                lab.show()
            title.setText(stage_title(stage))
            due = parse_time_or_none(case.get(_DUE_FIELD[stage]))
            clock: StageClock | None = running.get(stage)
            basis = f" · {basis_text(clock)}" if clock is not None else ""
            due_label.setText((format_local(due, zone) if due is not None else "—") + basis)
            pal = self.palette()
            if clock is not None:
                left.setText(clock_text(policy, clock, now, with_stage=False))
                phase = policy.phase(clock, now)
                if phase in (NEAR, OVERDUE):
                    pal.setColor(left.foregroundRole(),
                                 fg(OVERDUE_COLOR if phase == OVERDUE else NEAR_COLOR))
            elif status in _DONE[stage]:
                left.setText(self.tr("done"))
            else:
                left.setText(self.tr("not started"))
            left.setPalette(pal)
        self.facts.setText(self.facts_text(case))
        self.facts.setVisible(bool(self.facts.text()))

    def facts_text(self, case: Case) -> str:
        """The pending request, the callback's result, a merge and the loop counters."""
        lines: list[str] = []
        pending = case.get("pending")
        if isinstance(pending, dict):
            line = self.tr("{kind} from {unit} at {at}: “{reason}”").format(
                kind=pending_kind_text(pending.get("kind")),
                unit=safe(self.ctx.unit_name(pending.get("by")), 40),
                at=format_local(parse_time_or_none(pending.get("at")), self.ctx.zone),
                reason=safe(pending.get("reason"), 200))
            until = parse_time_or_none(pending.get("until"))
            if until is not None:
                line += " " + self.tr("(until {t})").format(t=format_local(until, self.ctx.zone))
            lines.append(line)
        if case.get("satisfaction") is not None or case.get("solved") is not None:
            solved = case.get("solved")
            lines.append(self.tr("Callback: {solved}, {sat}").format(
                solved=self.tr("solved") if solved is True else
                self.tr("not solved") if solved is False else "—",
                sat=satisfaction_text(case.get("satisfaction"))))
        if isinstance(case.get("merged_into"), str):
            lines.append(self.tr("Merged into {case} (duplicate)").format(
                case=safe(case["merged_into"], 40)))
        counts = case.get("counts")
        if isinstance(counts, dict):
            def n(key: str) -> int:
                v = counts.get(key)
                return v if isinstance(v, int) and not isinstance(v, bool) else 0
            lines.append(self.tr("Urges {u} · returns {r} · extensions {e} · reworks {w}").format(
                u=n("urges"), r=n("returns"), e=n("extensions"), w=n("reworks")))
        rep = case.get("reporter")
        if isinstance(rep, dict):
            lines.append(self.tr("Reporter: {name} {phone}").format(
                name=safe(rep.get("name"), 20), phone=safe(rep.get("phone"), 20)))
        return "\n".join(lines)
