"""The simulator's closed loop on a protocol 1.1 hub (``ClosedLoop``, the engine plus 1.1).

What it adds, only through the public API and only when the hub announces 1.1 (its
categories carry ``limits``; against a 1.0 hub the simulator behaves as before):

- units sign late sometimes (``scenario.LATE_SIGN``), past the hub's ``sign_due``;
- a unit's return is a request: the supervisor decides it (``APPROVE_RETURN`` approved →
  re-dispatched elsewhere; refused → the unit carries on);
- some units ask for an extension before their due time (``EXTEND``), mostly approved;
- the callback (回访) records the citizen's answer (``ANSWERS``): dissatisfied or not solved
  → rework (重办) by the same unit, once at most; unreachable closes without a rating;
- some reports repeat a recent open case (``DUPLICATE``) and the officer merges them (并单).

The shares live in ``hub.simulate.scenario``.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from hub.simulate import scenario
from hub.simulate.engine import SimulationEngine
from hub.simulate.hubapi import parse_time
from hub.simulate.jobs import Job, Track
from hub.simulate.scenario import ReportDraft
from hub.timeutil import to_rfc3339

log = logging.getLogger(__name__)

_CALLBACK_NOTES = {"satisfied": "回访群众满意", "basically_satisfied": "回访群众基本满意",
                   "dissatisfied": "回访群众不满意，要求重新办理",
                   "unreachable": "多次回访未接通"}


def hub_speaks_loop(categories: object) -> bool:
    """True when ``GET /categories`` shows a 1.1 hub (subcategories with ``limits``)."""
    if not isinstance(categories, list):
        return False
    return any(isinstance(sub, dict) and isinstance(sub.get("limits"), dict)
               for cat in categories if isinstance(cat, dict)
               for sub in cat.get("subcategories") or [])


class ClosedLoop(SimulationEngine):
    """1.1 behaviour of the simulator: signing windows, requests decided by the supervisor,
    callbacks with the citizen's answer, reporters and merged duplicates."""

    # ---- signing
    def accept_delay(self, track: Track) -> float:
        """Real seconds until the unit signs: mostly well within the sign window."""
        window = track.sign_window_s
        if window is None or not self.loop11:
            return self.sim_delay(120, 1200)
        if track.late_sign and not track.signed_late:
            track.signed_late = True
            return window * self.rng.uniform(1.2, 2.0)
        return max(self.config.min_delay_s, window * self.rng.uniform(0.1, 0.8))

    def note_dispatch(self, track: Track, case: object) -> None:
        """Learn the sign window from the hub's answer to a dispatch (real seconds)."""
        track.sign_window_s = None
        if not isinstance(case, dict):
            return
        due, at = parse_time(case.get("sign_due")), parse_time(case.get("updated_at"))
        if due is None or at is None:
            return
        hub_window = max(0.0, (due - at).total_seconds())
        track.sign_window_s = min(hub_window, track.window_s / 4) if track.window_s else \
            hub_window

    # ---- nyc311: a record's status is where its case stops
    def _nyc_stop(self, track: Track) -> bool:
        """True when a replayed case has reached the stage its 311 status gives."""
        stage, status = track.nyc_stage, track.status
        if stage == "dispatched" and status == "dispatched":
            return True
        if stage == "accepted" and status == "accepted":
            return True
        if stage == "extension" and status == "accepted":
            if track.extensions == 0:
                self._lifecycle(track, self.sim_delay(300, 1800), "extend")
            return True
        return False

    # ---- return requests and extensions, decided by the supervisor
    def after_return_request(self, track: Track) -> None:
        """The unit asked to return the case: the supervisor decides within minutes."""
        track.awaiting = True
        self.schedule(self.sim_delay(120, 1800), "decide", track.id,
                      approve=self.rng.random() < scenario.APPROVE_RETURN, kind="return")

    def _do_extend(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None or track.status != "accepted" or track.unit_id is None:
            if track is not None:
                self.decide(track)
            return
        got = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
        if self._retry(job, got):
            return
        if not got.ok or not isinstance(got.body, dict):
            self.decide(track)
            return
        self._apply(track, got.body)
        due = parse_time(got.body.get("due_at"))
        if due is None or got.body.get("pending"):
            self.decide(track)
            return
        until = to_rfc3339(due + timedelta(seconds=max(3600.0, track.window_s * 0.5
                                                        * self.config.speed)))
        reply = self.api.call(f"unit-{track.unit_id}", "POST", f"/cases/{track.id}/extend",
                              json={"until": until, "reason": "需协调多部门联合处置，申请延期",
                                    "expected_version": track.version})
        track.extensions += 1
        if not self._outcome(job, track, reply, "extend"):
            return
        self.stats["extension_requested"] += 1
        log.info("extension asked for %s by %s until %s", track.id, track.unit_id, until)
        if track.nyc_stage == "extension":
            return  # the 311 record is still pending: so is the request
        track.awaiting = True
        self.schedule(self.sim_delay(300, 2400), "decide", track.id,
                      approve=self.rng.random() < scenario.APPROVE_EXTENSION, kind="extension")

    def _do_decide(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        approve, kind = bool(job.data.get("approve")), str(job.data.get("kind"))
        note = ("同意" if approve else "不同意，请继续办理") + ("退回" if kind == "return"
                                                         else "延期")
        reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/decide",
                              json={"approve": approve, "note": note,
                                    "expected_version": track.version})
        track.awaiting = False
        if not self._outcome(job, track, reply, "decide"):
            return
        verdict = "approved" if approve else "denied"
        self.stats[f"{kind}_{verdict}"] += 1
        log.info("%s of %s %s", kind, track.id, verdict)
        if kind == "extension" and approve:
            track.late = False  # the new due time is met
        self.decide(track)

    # ---- the callback
    def loop_callback(self, job: Job, track: Track) -> None:
        """``POST /cases/{id}/callback`` with the citizen's answer."""
        solved, satisfaction = scenario.callback_answer(self.rng, track.reworks)
        note = _CALLBACK_NOTES[satisfaction]
        if not solved and satisfaction != "unreachable":
            note = "回访群众反映问题仍未解决"
        reply = self.api.call(self.config.intake, "POST", f"/cases/{track.id}/callback",
                              json={"solved": solved, "satisfaction": satisfaction,
                                    "note": note, "expected_version": track.version})
        if not self._outcome(job, track, reply, "callback"):
            return
        self.stats["callbacks"] += 1
        self.stats[f"callback_{satisfaction}"] += 1
        if track.status == "closed":
            self.stats["closed"] += 1
            log.info("closed %s after callback (%s)", track.id, satisfaction)
        else:
            track.reworks += 1
            self.stats["reworks"] += 1
            log.info("rework of %s after callback (%s, solved=%s)", track.id, satisfaction,
                     solved)
        self.decide(track)

    # ---- the citizen
    def with_reporter(self, body: ReportDraft) -> ReportDraft:
        """Citizens' reports (hotline, app, WeChat) carry who reported: a name and a mobile."""
        if not self.loop11 or body.get("source") not in ("hotline", "app", "wechat"):
            return body
        return {**body, "reporter": scenario.citizen(self.rng)}

    # ---- duplicates
    def maybe_duplicate(self, body: ReportDraft) -> ReportDraft:
        """Sometimes report again what an open case already says (another caller)."""
        if not self.loop11 or self.rng.random() >= scenario.DUPLICATE:
            return body
        originals = [t for t in self.tracks.values() if t.status != "closed"
                     and t.duplicate_of is None and not t.fixed_resolve]
        if not originals:
            return body
        original = self.rng.choice(originals)
        return {**body, "region_id": original.region_id, "category": original.category,
                "subcategory": original.subcategory,
                "title": f"{original.title}（重复反映）"[:200],
                "_code": "", "_name": original.subcategory, "_duplicate_of": original.id}

    def _do_merge(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None or track.duplicate_of is None:
            return
        reply = self.api.call(self._caller, "POST", f"/cases/{track.id}/merge",
                              json={"into": track.duplicate_of, "note": "重复反映，并单处理",
                                    "expected_version": track.version})
        if reply.ok:
            self._apply(track, reply.body)
            self.stats["merged"] += 1
            log.info("merged %s into %s", track.id, track.duplicate_of)
            self.tracks.pop(track.id, None)
            return
        if self._retry(job, reply):
            return
        track.duplicate_of = None  # the original moved on: handle this one as a case
        if reply.status == 409:
            self._refresh(track, reply)
        self.decide(track)
