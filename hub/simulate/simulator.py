"""The simulator: citizens, dispatchers and units acting on a hub over its public API.

``Simulator`` is the engine's jobs and decisions: the intake account reports cases
(``scenario``, or NYC 311 records in ``--mode nyc311``), the supervisor dispatches them,
each unit (``unit-<unit id>``, logged in lazily) accepts, resolves or returns them,
callbacks close or reopen them, overdue cases are urged, critical ones get a whistle
(吹哨报到) and sometimes a video call; on a 1.1 hub the closed loop (``ClosedLoop``) too.
Every command carries ``expected_version``.

Limits: the simulator remembers only the cases it reported itself (and polls a few that it
left for a human dispatcher); it does not follow the feed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from hub import nyc311
from hub.seed import unit_username
from hub.simulate import nyc_replay, scenario
from hub.simulate.config import SimConfig
from hub.simulate.hubapi import Transport, error_message, parse_time
from hub.simulate.jobs import Job, Track
from hub.simulate.loop11 import ClosedLoop, hub_speaks_loop
from hub.simulate.world import World

log = logging.getLogger(__name__)

_FROM_STATUS = {"accept": "dispatched", "return": "dispatched", "resolve": "accepted"}


class Simulator(ClosedLoop):
    """Drives a hub through its API: reports, dispatches, handles and closes cases.

    Attributes (besides the engine's):
        world: what the hub told about regions, units and categories (after setup).
    """

    MAX_WATCHES = 12

    def __init__(self, config: SimConfig, transport: Transport | None = None, *,
                 clock: Callable[[], float] | None = None, virtual: bool = False) -> None:
        super().__init__(config, transport, clock=clock, virtual=virtual)
        self._use_code = False  # send subcategory codes instead of names (a hub that wants them)
        self._handlers.update({
            "report": self._do_report,
            "nyc_report": self._do_nyc_report,
            "dispatch": self._do_dispatch,
            "accept": self._do_accept,
            "resolve": self._do_resolve,
            "return": self._do_return,
            "callback": self._do_callback,
            "overdue": self._do_overdue,
            "watch": self._do_watch,
            "whistle": self._do_whistle,
            "checkin": self._do_checkin,
            "call_open": self._do_call_open,
            "call_end": self._do_call_end,
            "extend": self._do_extend,
            "decide": self._do_decide,
            "merge": self._do_merge,
        })

    # ---- setup
    def setup(self) -> bool:
        """Log in, learn the hub's world, plan the first jobs; False if not possible yet."""
        for username in (self.config.intake, self.config.supervisor):
            reply = self.api.login(username)
            if not reply.ok:
                log.warning("cannot log in as %s (status %s)", username, reply.status)
                return False
        cats = self.api.call(self.config.supervisor, "GET", "/categories")
        snap = self.api.call(self.config.supervisor, "GET", "/snapshot")
        if not (cats.ok and snap.ok and isinstance(cats.body, list) and isinstance(snap.body, dict)):
            log.warning("cannot read the hub's categories and snapshot (%s, %s)", cats.status,
                        snap.status)
            return False
        self.world = World(snap.body, cats.body)
        geo = self.api.call(self.config.supervisor, "GET", "/regions/geometry", optional=True)
        if geo.ok and isinstance(geo.body, dict):  # a 1.1 hub: points go inside their grid
            log.info("hub: %d region polygons", self.world.set_shapes(geo.body))
        self.loop11 = hub_speaks_loop(cats.body)
        if not self.world.grids or not self.world.categories:
            log.warning("the hub has no regions or no categories")
            return False
        if not self.api.login(self.config.officer).ok:
            self._caller = self.config.supervisor
        log.info("hub: %d regions, %d grids, %d units, %d categories; mode %s, speed %g",
                 len(self.world.regions), len(self.world.grids), len(self.world.units),
                 len(self.world.categories), self.config.mode, self.config.speed)
        if self.config.mode == "nyc311":
            self._plan_replay()
        elif self.config.rate > 0:
            self.schedule(self._next_arrival(), "report")
        return True

    def _next_arrival(self) -> float:
        return scenario.arrival_gap_s(self.rng, self.config.rate)

    # ---- what comes next
    def decide(self, track: Track) -> None:
        """Schedule the next step of a case from its current status."""
        if track.id not in self.tracks or track.pending or track.awaiting:
            return
        status = track.status
        if status == "reported" and track.duplicate_of is not None:
            self._lifecycle(track, self.sim_delay(300, 3600), "merge")
        elif track.nyc_stage is not None and self._nyc_stop(track):
            return
        elif status in ("reported", "returned"):
            if track.dispatch or status == "returned":
                self._lifecycle(track, self.sim_delay(60, 600), "dispatch")
            elif track.watches < self.MAX_WATCHES:
                self._lifecycle(track, self.sim_delay(1200, 2400), "watch")
            else:
                self.tracks.pop(track.id, None)
        elif status == "dispatched":
            if track.unit_id is None:
                self._lifecycle(track, self.sim_delay(60, 300), "watch")
            elif track.will_return and track.returns == 0:
                self._lifecycle(track, self.sim_delay(300, 1800), "return")
            else:
                self._lifecycle(track, self.accept_delay(track), "accept")
        elif status == "accepted":
            if track.fixed_resolve and track.resolve_after_s is None:
                return  # nyc311: never closed in the data, so it stays open (and is urged)
            if self.loop11 and track.will_extend and track.extensions == 0:
                self._lifecycle(track, self._resolve_delay(track) * 0.5, "extend")
                return
            self._lifecycle(track, self._resolve_delay(track), "resolve")
        elif status == "resolved":
            delay = (self.sim_delay(60, 300) if track.fixed_resolve
                     else self.sim_delay(300, 3600))
            self._lifecycle(track, delay, "callback")
        else:  # closed or unknown: nothing more to do
            self.tracks.pop(track.id, None)

    def _resolve_delay(self, track: Track) -> float:
        """Real seconds until the unit resolves: a draw around the SLA, or the 311 record's."""
        now = self.clock()
        if track.fixed_resolve and track.resolve_after_s is not None:
            target = track.created + track.resolve_after_s
        else:
            share = self.rng.uniform(1.1, 1.6) if track.late else self.rng.uniform(0.25, 0.9)
            target = track.created + share * track.window_s
        return max(self.sim_delay(60, 300), target - now)

    def _window(self, case: Mapping[str, Any], category: str, subcategory: str) -> float:
        """The SLA in real seconds: the compressed SLA, or the hub's due window if shorter."""
        assert self.world is not None
        hours = self.world.sla_hours(category, subcategory)
        windows = []
        if hours is not None:
            windows.append(hours * 3600 / self.config.speed)
        reported, due = parse_time(case.get("reported_at")), parse_time(case.get("due_at"))
        if reported is not None and due is not None:
            windows.append(max(0.0, (due - reported).total_seconds()))
        return min(windows) if windows else 24 * 3600 / self.config.speed

    # ---- reporting
    def new_case(self) -> scenario.ReportDraft:
        """Invent one report: category, place, words, priority and source."""
        assert self.world is not None
        return scenario.invent_case(self.world, self.rng, self._use_code)

    def _do_report(self, job: Job) -> None:
        if job.attempt == 0 and self.config.rate > 0:
            self.schedule(self._next_arrival(), "report")  # the next arrival
        if "body" not in job.data:
            body = self.new_case()
            job.data.update(body=body, key=str(uuid.uuid4()),
                            **scenario.case_fate(self.rng, self.config.dispatch_share,
                                                 self.loop11))
            body = self.maybe_duplicate(self.with_reporter(body))
            if "_duplicate_of" in body:
                job.data.update(body=body, dispatch=False)
        self._create(job)

    def _create(self, job: Job) -> None:
        """POST /cases with the job's body and key (the same key on every retry)."""
        assert self.world is not None
        body = dict(job.data["body"])
        code, name = body.pop("_code", ""), body.pop("_name", "")
        duplicate_of = body.pop("_duplicate_of", None)
        body["subcategory"] = code if self._use_code and code else name
        reply = self.api.call(self.config.intake, "POST", "/cases", json=body,
                              headers={"Idempotency-Key": job.data["key"]})
        if self._retry(job, reply):
            return
        if reply.status == 422 and code and not self._use_code and not job.data.get("flipped"):
            log.info("the hub refused a subcategory name; sending codes from now on")
            self._use_code = True
            job.data["flipped"] = True
            job.data["key"] = str(uuid.uuid4())
            self._create(job)
            return
        if not reply.ok or not isinstance(reply.body, dict) or "id" not in reply.body:
            log.warning("report refused: %s %s", reply.status, error_message(reply.body))
            self.stats["report_refused"] += 1
            return
        track = self._follow(reply.body, body, name or body["subcategory"], duplicate_of,
                             job.data)
        self.tracks[track.id] = track
        self.stats["reported"] += 1
        log.info("reported %s [%s/%s, %s, %s] %s", track.id, track.category, track.subcategory,
                 track.priority, body["source"], track.title)
        self.schedule(track.window_s + self.sim_delay(60, 600), "overdue", track.id)
        self.decide(track)

    def _follow(self, case: dict[str, Any], body: dict[str, Any], subcategory: str,
                duplicate_of: str | None, plan: dict[str, Any]) -> Track:
        """A track for a case the hub just created, with the fate drawn for it."""
        track = Track(
            id=str(case["id"]), version=int(case.get("version", 1)),
            status=str(case.get("status", "reported")), unit_id=case.get("unit_id"),
            category=body["category"], subcategory=subcategory,
            priority=body["priority"], region_id=body["region_id"], title=body["title"],
            created=self.clock(), window_s=self._window(case, body["category"], subcategory),
            dispatch=bool(plan.get("dispatch", True)), late=bool(plan.get("late")),
            will_return=bool(plan.get("will_return")),
            will_reopen=bool(plan.get("will_reopen")),
            late_sign=bool(plan.get("late_sign")),
            will_extend=bool(plan.get("will_extend")), duplicate_of=duplicate_of)
        nyc = plan.get("nyc")
        if isinstance(nyc, dict):
            track.target_unit = nyc.get("unit")
            track.resolve_after_s = nyc.get("resolve_after_s")
            track.fixed_resolve = True
            if self.loop11:
                track.nyc_stage = nyc.get("stage")
        return track

    # ---- nyc311 replay
    def _plan_replay(self) -> None:
        path, items = nyc_replay.replay_items(self.config)
        log.info("replaying %d NYC 311 records from %s over %.0f s", len(items), path,
                 items[-1].offset_s if items else 0.0)
        for index, item in enumerate(items):
            self.schedule(item.offset_s, "nyc_report", index=index, item=item)

    def _do_nyc_report(self, job: Job) -> None:
        if "body" not in job.data:
            assert self.world is not None
            item: nyc311.ReplayItem = job.data["item"]
            body, unit = nyc_replay.report_for(self.world, self.rng, item)
            job.data.update(body=body, key=f"nyc311-{item.record.key}-{uuid.uuid4()}",
                            dispatch=True, nyc=nyc_replay.replay_plan(item, unit))
        self._create(job)

    # ---- the supervisor
    def _do_dispatch(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None or self.world is None:
            return
        if track.status not in ("reported", "returned"):
            self.decide(track)
            return
        unit = track.target_unit if track.target_unit not in track.exclude else None
        if unit is None:
            unit = self.world.unit_for(track.region_id, track.category, track.exclude)
        if unit is None:
            track.exclude.clear()
            unit = self.world.unit_for(track.region_id, track.category)
        if unit is None:
            log.warning("no unit for %s (%s)", track.id, track.category)
            self.tracks.pop(track.id, None)
            return
        name = self.world.units.get(unit, {}).get("name", unit)
        reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/assign", json={
            "unit_id": unit, "expected_version": track.version,
            "note": f"请{name}按时限办理" if track.returns == 0 else f"原单位退回，改派{name}办理"})
        if not self._outcome(job, track, reply, "dispatch"):
            return
        self.stats["dispatched"] += 1
        self.note_dispatch(track, reply.body)
        log.info("dispatched %s → %s", track.id, unit)
        critical = track.priority == "critical"
        if critical and not track.whistled and self.rng.random() < scenario.WHISTLE:
            track.whistled = True
            self.schedule(self.sim_delay(60, 300), "whistle", track.id)
        if critical and not track.called and self.rng.random() < scenario.CALL:
            track.called = True
            self.schedule(self.sim_delay(120, 600), "call_open", track.id)
        self.decide(track)

    def _do_watch(self, job: Job) -> None:
        """Look at a case left for a human: once someone dispatches it, the units take over."""
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        track.watches += 1
        reply = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
        if self._retry(job, reply):
            return
        if reply.status == 404:
            self.tracks.pop(track.id, None)
            return
        self._apply(track, reply.body)
        self.decide(track)

    def _do_overdue(self, job: Job) -> None:
        """Urge a case still open past its SLA (督办), at most twice."""
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        got = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
        if self._retry(job, got):
            return
        if not got.ok:
            return
        self._apply(track, got.body)
        if track.status not in ("dispatched", "accepted") or track.unit_id is None:
            return
        if self.rng.random() < scenario.URGE:
            reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/urge",
                                  json={"note": "该案件已超期，请加快办理并及时反馈",
                                        "expected_version": track.version})
            if reply.ok:
                track.urges += 1
                self.stats["urged"] += 1
                log.info("urged %s (%s)", track.id, track.unit_id)
            elif reply.status == 409:
                self.stats["conflicts"] += 1
                self._refresh(track, reply)  # changed meanwhile: look again at the next check
        if track.urges < 2:
            self.schedule(max(track.window_s / 2, self.sim_delay(600, 1800)), "overdue", track.id)

    def _do_whistle(self, job: Job) -> None:
        """Blow a whistle (吹哨报到): the holding unit plus the county police and the grid team."""
        track = self.tracks.get(job.case_id or "")
        if track is None or self.world is None or track.unit_id is None:
            return
        units = [track.unit_id]
        county = self.world.ancestor(track.region_id, "county")
        police = self.world.department(county, "GA") if county else None
        village = self.world.ancestor(track.region_id, "village")
        team = next((u for u in self.world.units_by_region.get(village or "", [])
                     if self.world.units[u].get("kind") == "grid_team"), None)
        for uid in (police, team):
            if uid and uid not in units:
                units.append(uid)
        reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/whistle", json={
            "unit_ids": units, "minutes": 30, "note": f"吹哨报到：{track.title}"[:1000],
            "expected_version": track.version},
            headers={"Idempotency-Key": job.data.setdefault("key", str(uuid.uuid4()))})
        if self._retry(job, reply):
            return
        if reply.status == 409 and job.attempt < 3 and self._refresh(track, reply):
            self.stats["conflicts"] += 1  # the case moved on: whistle on its new version
            if track.status in ("dispatched", "accepted"):
                self.schedule(0, "whistle", track.id, attempt=job.attempt + 1, **job.data)
            return
        if not reply.ok or not isinstance(reply.body, dict) or "id" not in reply.body:
            log.warning("whistle on %s refused: %s %s", track.id, reply.status,
                        error_message(reply.body))
            return
        whistle_id = str(reply.body["id"])
        self.stats["whistles"] += 1
        log.info("whistle %s on %s → %s", whistle_id, track.id, ", ".join(units))
        for uid in units:
            self.schedule(self.sim_delay(120, 1500), "checkin", track.id, whistle=whistle_id,
                          unit=uid)

    def _do_checkin(self, job: Job) -> None:
        unit = str(job.data["unit"])
        reply = self.api.call(unit_username(unit), "POST", f"/whistles/{job.data['whistle']}/checkin",
                              json={})
        if self._retry(job, reply):
            return
        if reply.ok:
            self.stats["checkins"] += 1
            log.info("checked in %s to whistle %s", unit, job.data["whistle"])
        else:
            log.info("check-in of %s refused: %s %s", unit, reply.status,
                     error_message(reply.body))

    def _do_call_open(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None or track.unit_id is None:
            return
        reply = self.api.call(self._caller, "POST", "/calls", json={
            "title": f"视频会商：{track.title}"[:200], "case_id": track.id,
            "unit_ids": [track.unit_id]},
            headers={"Idempotency-Key": job.data.setdefault("key", str(uuid.uuid4()))})
        if self._retry(job, reply):
            return
        if not reply.ok or not isinstance(reply.body, dict) or "id" not in reply.body:
            log.warning("call on %s refused: %s %s", track.id, reply.status,
                        error_message(reply.body))
            return
        self.stats["calls_opened"] += 1
        log.info("video call %s opened for %s", reply.body["id"], track.id)
        self.schedule(self.sim_delay(600, 2400), "call_end", track.id, call=str(reply.body["id"]))

    def _do_call_end(self, job: Job) -> None:
        reply = self.api.call(self._caller, "POST", f"/calls/{job.data['call']}/end", json={})
        if self._retry(job, reply):
            return
        if reply.ok:
            self.stats["calls_ended"] += 1
            log.info("video call %s ended", job.data["call"])

    # ---- the units
    def _unit_command(self, job: Job, command: str, note: str) -> Track | None:
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return None
        if track.status != _FROM_STATUS[command] or track.unit_id is None:
            self.decide(track)
            return None
        reply = self.api.call(unit_username(track.unit_id), "POST",
                              f"/cases/{track.id}/{command}",
                              json={"note": note, "expected_version": track.version})
        return track if self._outcome(job, track, reply, command) else None

    def _do_accept(self, job: Job) -> None:
        track = self._unit_command(job, "accept", "已签收，正在安排人员处置")
        if track is not None:
            self.stats["accepted"] += 1
            log.info("accepted %s by %s", track.id, track.unit_id)
            self.decide(track)

    def _do_return(self, job: Job) -> None:
        holder = self.tracks[job.case_id].unit_id if job.case_id in self.tracks else None
        track = self._unit_command(job, "return", "不属于本单位职责范围，申请退回重新派遣")
        if track is not None:
            track.returns += 1
            if holder:
                track.exclude.add(holder)
            self.stats["returned"] += 1
            log.info("returned %s by %s", track.id, holder)
            if self.loop11 and track.status != "returned":
                self.stats["return_requested"] += 1
                self.after_return_request(track)  # 1.1: the supervisor decides
                return
            self.decide(track)

    def _do_resolve(self, job: Job) -> None:
        track = self._unit_command(job, "resolve", "已处置完毕，现场已整改，请回访核实")
        if track is not None:
            self.stats["resolved"] += 1
            log.info("resolved %s by %s", track.id, track.unit_id)
            self.decide(track)

    # ---- callbacks (intake)
    def _do_callback(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        if track.status != "resolved":
            self.decide(track)
            return
        if self.loop11:
            self.loop_callback(job, track)
            return
        reopen = track.will_reopen and track.reopens == 0 and not track.fixed_resolve
        command = "reopen" if reopen else "close"
        note = ("回访群众不满意，问题仍未解决，重新派单" if reopen
                else "回访群众满意，同意结案")
        reply = self.api.call(self.config.intake, "POST", f"/cases/{track.id}/{command}",
                              json={"note": note, "expected_version": track.version})
        if not self._outcome(job, track, reply, command):
            return
        if reopen:
            track.reopens += 1
            self.stats["reopened"] += 1
            log.info("reopened %s after callback", track.id)
        else:
            self.stats["closed"] += 1
            log.info("closed %s after callback", track.id)
        self.decide(track)
