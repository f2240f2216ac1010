"""The command bar's language: ids, units, regions, 督办 and 改派 lines."""

from __future__ import annotations

from client.command_line import Intent, complete, parse
from client.regions import RegionIndex
from client.state import State
from testkit.fakehub import ts

REGIONS = [
    {"id": "P", "name": "楚雄州", "level": "prefecture", "parent_id": None},
    {"id": "C1", "name": "楚雄市", "level": "county", "parent_id": "P"},
    {"id": "T1", "name": "鹿城镇", "level": "town", "parent_id": "C1"},
    {"id": "G1", "name": "鹿城一网格", "level": "grid", "parent_id": "T1"},
]
UNITS = [{"id": "U-GA", "name": "楚雄市公安局", "kind": "department", "region_id": "C1",
          "on_duty": 3},
         {"id": "U-CG", "name": "楚雄市城管局", "kind": "department", "region_id": "C1",
          "on_duty": 3}]


def make_state() -> State:
    state = State()
    cases = [{"id": f"CX-20261130-00000{i}", "version": 1, "title": t, "status": "dispatched",
              "unit_id": "U-CG", "priority": "normal", "region_id": "G1",
              "reported_at": ts(0), "due_at": ts(3600), "closed_at": None}
             for i, t in enumerate(("路灯不亮", "井盖缺失", "占道经营"), start=1)]
    state.load_snapshot({"seq": 0, "server_time": ts(0),
                         "post": {"id": "PP", "name": "州", "region_id": "P"},
                         "regions": REGIONS, "units": UNITS, "cases": cases, "calls": [],
                         "whistles": []})
    return state


def test_ids_units_regions_and_commands() -> None:
    state = make_state()
    idx = RegionIndex(state.regions)
    assert parse(state, idx, "cx-20261130-000002") == Intent("case", "CX-20261130-000002")
    assert parse(state, idx, "井盖") == Intent("case", "CX-20261130-000002")
    assert parse(state, idx, "公安") == Intent("unit", unit_id="U-GA")
    assert parse(state, idx, "鹿城镇") == Intent("region", region_id="T1")
    assert parse(state, idx, "督办 000003") == Intent("urge", "CX-20261130-000003")
    assert parse(state, idx, "urge 路灯") == Intent("urge", "CX-20261130-000001")
    assert parse(state, idx, "改派 000001") is None  # no unit yet
    assert parse(state, idx, "改派 000001 → 公安局") == Intent(
        "reassign", "CX-20261130-000001", unit_id="U-GA")
    assert parse(state, idx, "reassign CX-20261130-000001 -> 城管") == Intent(
        "reassign", "CX-20261130-000001", unit_id="U-CG")
    assert parse(state, idx, "没有这个") is None
    labels = [s.label for s in complete(state, idx, "改派 000001")]
    assert labels == ["改派 CX-20261130-000001  路灯不亮 → …"]
    lines = [s.line for s in complete(state, idx, "改派 000001 → 楚雄市")]
    assert lines == ["改派 CX-20261130-000001 → 楚雄市公安局",
                     "改派 CX-20261130-000001 → 楚雄市城管局"]
    assert [s.intent.kind for s in complete(state, idx, "楚雄")] == [
        "unit", "unit", "region", "region"]
