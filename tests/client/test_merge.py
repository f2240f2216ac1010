"""Merge (并单) candidates: likeness by title, address and distance; search; exclusions."""

from client.merge import distance_m, merge_candidates


def c(cid: str, title: str, address: str, lat: float | None = 25.03, lon: float | None = 101.54,
      **kw) -> dict:
    d = {"id": cid, "title": title, "address": address, "lat": lat, "lon": lon,
         "status": "dispatched", "region_id": "G1", "subcategory": "路灯损坏",
         "reported_at": "2026-11-30T01:00:00.000Z"}
    d.update(kw)
    return d


def test_the_same_matter_nearby_ranks_first_and_far_unlike_cases_are_left_out():
    me = c("A", "鹿城南路路灯不亮", "鹿城南路 12 号")
    cases = [me,
             c("B", "鹿城南路路灯坏了", "鹿城南路 14 号", lat=25.0305),
             c("C", "垃圾清运不及时", "开发区永安路", lat=25.2, lon=101.9, region_id="G9",
               subcategory="垃圾"),
             c("D", "鹿城南路路灯不亮", "鹿城南路 12 号", status="closed"),
             c("E", "鹿城南路路灯不亮", "鹿城南路 12 号", merged_into="B")]
    got = merge_candidates(me, cases)
    assert [x.case["id"] for x in got] == ["B"]
    assert got[0].distance_m is not None and got[0].distance_m < 100


def test_search_finds_by_id_title_or_address_even_when_unlike():
    me = c("A", "鹿城南路路灯不亮", "鹿城南路 12 号")
    other = c("CX-9", "垃圾清运不及时", "开发区永安路", lat=None, lon=None, region_id="G9",
              subcategory="垃圾")
    assert [x.case["id"] for x in merge_candidates(me, [other], "永安")] == ["CX-9"]
    assert [x.case["id"] for x in merge_candidates(me, [other], "cx-9")] == ["CX-9"]
    assert merge_candidates(me, [other], "没有") == []


def test_distance_needs_both_positions():
    assert distance_m({"lat": 25.0, "lon": 101.0}, {"lat": None, "lon": 101.0}) is None
    assert round(distance_m({"lat": 25.0, "lon": 101.0}, {"lat": 25.01, "lon": 101.0})) == 1112
