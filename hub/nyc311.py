"""NYC 311 records → Chuxiong cases: parsing and mapping for the simulator's replay mode.

Pure (reads only the CSV it is given). New York City's public 311 service requests keep
their real complaint type, descriptor, address and timing; what they become here:

* Complaint Type → a catalog subcategory (``COMPLAINT_SUBCATEGORY``; unknown → 其他事项);
* Agency → a county department (``AGENCY_DEPARTMENT``; other agencies → the town station);
* Borough → one of the first five counties (``BOROUGHS``; "Unspecified" → by record key);
* Latitude/Longitude → mapped linearly from New York's bounding box into the county's area;
* Created Date gaps → kept, divided by the replay speed; Closed Date − Created Date → the
  (compressed) time until the case is resolved and closed; no Closed Date → stays open.
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hub.catalog import OTHER_SUBCATEGORY, subcategory_index
from hub.seed import shared_data_dir

NYC_TZ = ZoneInfo("America/New_York")
TIME_FORMAT = "%m/%d/%Y %I:%M:%S %p"

DEFAULT_FILE = "nyc311-2013-sample.csv"
FILES = ("nyc311-2013-sample.csv", "nyc311-2011-sample.csv")

# Complaint Type (exactly as in the data) → subcategory code.
COMPLAINT_SUBCATEGORY: dict[str, str] = {
    "Animal in a Park": "STBH-07",
    "Asbestos": "STBH-04",
    "Benefit Card Replacement": "MSJZ-01",
    "Bike Rack Condition": "GGSS-07",
    "Bike/Roller/Skate Chronic": "DLJT-09",
    "Blocked Driveway": "DLJT-02",
    "Bridge Condition": "DLJT-04",
    "Broken Muni Meter": "DLJT-05",
    "Consumer Complaint": "SCJG-05",
    "DCA / DOH New License Application Request": "QT-01",
    "DHS Advantage - Tenant": "MSJZ-06",
    "DHS Advantage - Third Party": "MSJZ-06",
    "DHS Advantage -Landlord/Broker": "MSJZ-06",
    "DOF Literature Request": "QT-01",
    "DOF Parking - Payment Issue": "QT-01",
    "DOF Property - City Rebate": "QT-01",
    "DOF Property - Owner Issue": "QT-01",
    "DOF Property - Payment Issue": "QT-01",
    "DOF Property - Reduction Issue": "QT-01",
    "DOF Property - Request Copy": "QT-01",
    "Damaged Tree": "GGSS-08",
    "Derelict Vehicle": "DLJT-06",
    "Derelict Vehicles": "DLJT-06",
    "Drinking": "GGAQ-08",
    "ELECTRIC": "GGSS-09",
    "Elder Abuse": "MSJZ-04",
    "Food Establishment": "SCJG-01",
    "GENERAL CONSTRUCTION": "GGSS-09",
    "Graffiti": "SRSM-02",
    "HEAP Assistance": "MSJZ-03",
    "HEATING": "GGSS-09",
    "Harboring Bees/Wasps": "HJWS-07",
    "Home Delivered Meal - Missed Delivery": "MSJZ-04",
    "Homeless Encampment": "MSJZ-02",
    "Homeless Person Assistance": "MSJZ-02",
    "Illegal Parking": "DLJT-01",
    "Illegal Tree Damage": "STBH-01",
    "Indoor Air Quality": "STBH-04",
    "Lead": "STBH-03",
    "Maintenance or Facility": "GGSS-07",
    "Mold": "GGSS-09",
    "Noise": "STBH-05",
    "Noise - Commercial": "SHWD-06",
    "Noise - Helicopter": "QT-02",
    "Noise - House of Worship": "SHWD-06",
    "Noise - Park": "SHWD-06",
    "Noise - Residential": "SHWD-06",
    "Noise - Street/Sidewalk": "SHWD-06",
    "Noise - Vehicle": "SHWD-06",
    "Non-Emergency Police Matter": "GGAQ-08",
    "Overgrown Tree/Branches": "GGSS-08",
    "PLUMBING": "GGSS-09",
    "Panhandling": "MSJZ-02",
    "Rodent": "HJWS-07",
    "Root/Sewer/Sidewalk Condition": "GGSS-05",
    "SCRIE": "MSJZ-06",
    "Sanitation Condition": "HJWS-01",
    "Sidewalk Condition": "GGSS-05",
    "Smoking": "SCJG-07",
    "Street Condition": "DLJT-04",
    "Street Light Condition": "GGSS-01",
    "Street Sign - Dangling": "DLJT-05",
    "Street Sign - Missing": "DLJT-05",
    "Taxi Complaint": "DLJT-08",
    "Traffic": "DLJT-07",
    "Traffic Signal Condition": "DLJT-03",
    "Water System": "GGSS-03",
}

# Agency → county department code (hub.seed.DEPARTMENTS); absent → the town station.
AGENCY_DEPARTMENT: dict[str, str] = {
    "NYPD": "GA",   # 公安局
    "DSNY": "CG",   # 城市管理局
    "DOT": "JT",    # 交通运输局
    "TLC": "JT",    # taxis are the transport bureau's in Chuxiong
    "DEP": "ST",    # 生态环境分局
    "HPD": "ZJ",    # 住房和城乡建设局
    "DOB": "ZJ",
    "DOHMH": "SJ",  # 市场监督管理局
    "DCA": "SJ",
    "DHS": "MZ",    # 民政局
    "HRA": "MZ",
    "DFTA": "MZ",   # the aging department's work is 民政 work here
}

BOROUGHS = ("MANHATTAN", "BROOKLYN", "QUEENS", "BRONX", "STATEN ISLAND")
"""Borough i → the i-th county of the jurisdiction (楚雄市, 双柏县, 牟定县, 南华县, 姚安县)."""

# New York City's bounding box (lat_min, lat_max, lon_min, lon_max).
NYC_BOX = (40.49, 40.92, -74.26, -73.69)
# Half-size, in degrees, of the area a county's cases are spread over around its seat.
COUNTY_HALF_LAT = 0.12
COUNTY_HALF_LON = 0.15

_CHANNEL_SOURCE = {"PHONE": "hotline", "ONLINE": "app", "MOBILE": "app", "OTHER": "self_found"}

# Complaint types that a Chinese dispatcher would mark urgent beyond the SLA rule.
_URGENT_TYPES = frozenset({"Elder Abuse", "HEATING", "Water System", "Homeless Person Assistance"})


@dataclass(frozen=True, slots=True)
class NycRecord:
    """One 311 service request, parsed; times are aware (America/New_York)."""

    key: str
    created: datetime
    closed: datetime | None
    agency: str
    complaint_type: str
    descriptor: str
    location_type: str
    address: str
    borough: str
    lat: float | None
    lon: float | None
    channel: str
    status: str


@dataclass(frozen=True, slots=True)
class ReplayItem:
    """A record placed on the replay clock (seconds after the replay starts)."""

    offset_s: float
    resolve_after_s: float | None
    record: NycRecord


def default_path(name: str = DEFAULT_FILE) -> Path:
    """Return the path of one of the shipped sample files."""
    return shared_data_dir() / name


def parse_time(text: str) -> datetime | None:
    """Parse ``MM/DD/YYYY hh:mm:ss AM`` New York local time; empty → None."""
    text = text.strip()
    if not text:
        return None
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=NYC_TZ)


def _float(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def _address(row: dict[str, str]) -> str:
    """The real Incident Address, else the intersection or street, else city and zip."""
    address = row.get("Incident Address", "").strip()
    if address:
        return address
    one, two = row.get("Intersection Street 1", "").strip(), row.get("Intersection Street 2", "").strip()
    if one and two:
        return f"{one} & {two}"
    street = row.get("Street Name", "").strip()
    if street:
        return street
    return " ".join(x for x in (row.get("City", "").strip(), row.get("Incident Zip", "").strip()) if x)


def parse_row(row: dict[str, str]) -> NycRecord:
    """Turn one CSV row (``csv.DictReader``) into a record; raises ValueError on a bad date."""
    created = parse_time(row["Created Date"])
    if created is None:
        raise ValueError(f"record {row.get('Unique Key')} has no Created Date")
    closed = parse_time(row.get("Closed Date", ""))
    if closed is not None and closed < created:
        closed = created
    return NycRecord(
        key=row["Unique Key"].strip(),
        created=created,
        closed=closed,
        agency=row.get("Agency", "").strip(),
        complaint_type=row.get("Complaint Type", "").strip(),
        descriptor=row.get("Descriptor", "").strip(),
        location_type=row.get("Location Type", "").strip(),
        address=_address(row),
        borough=row.get("Borough", "").strip().upper(),
        lat=_float(row.get("Latitude", "")),
        lon=_float(row.get("Longitude", "")),
        channel=row.get("Open Data Channel Type", "").strip().upper(),
        status=row.get("Status", "").strip(),
    )


def read_records(path: Path | str) -> list[NycRecord]:
    """Read a 311 CSV file; the records come sorted by Created Date (then key)."""
    with open(path, newline="", encoding="utf-8") as fh:
        records = [parse_row(row) for row in csv.DictReader(fh)]
    records.sort(key=lambda r: (r.created, r.key))
    return records


def subcategory_code(complaint_type: str) -> str:
    """Return the catalog subcategory code for a complaint type (unknown → 其他事项)."""
    return COMPLAINT_SUBCATEGORY.get(complaint_type.strip(), OTHER_SUBCATEGORY)


def map_complaint(complaint_type: str) -> tuple[str, str]:
    """Return ``(category name, subcategory code)`` for a complaint type."""
    code = subcategory_code(complaint_type)
    category, _sub = subcategory_index()[code]
    return category.name, code


def department_code(agency: str) -> str | None:
    """Return the county department code for an agency, or None for the town station."""
    return AGENCY_DEPARTMENT.get(agency.strip().upper())


def county_index(record: NycRecord) -> int:
    """Return the borough's county index 0–4 (an unknown borough: stable by record key)."""
    try:
        return BOROUGHS.index(record.borough)
    except ValueError:
        return zlib.crc32(record.key.encode()) % len(BOROUGHS)


def map_position(lat: float | None, lon: float | None, center_lat: float,
                 center_lon: float) -> tuple[float, float] | None:
    """Map a New York position linearly into the county area around ``center``; None → None."""
    if lat is None or lon is None:
        return None
    lat_min, lat_max, lon_min, lon_max = NYC_BOX
    fy = min(1.0, max(0.0, (lat - lat_min) / (lat_max - lat_min)))
    fx = min(1.0, max(0.0, (lon - lon_min) / (lon_max - lon_min)))
    return (round(center_lat - COUNTY_HALF_LAT + 2 * COUNTY_HALF_LAT * fy, 6),
            round(center_lon - COUNTY_HALF_LON + 2 * COUNTY_HALF_LON * fx, 6))


def source_for(record: NycRecord) -> str:
    """Return the protocol source of the record's channel (phone → hotline …)."""
    return _CHANNEL_SOURCE.get(record.channel, "hotline")


def priority_for(record: NycRecord) -> str:
    """Return ``urgent`` for short-SLA subcategories and a few pressing types, else ``normal``."""
    _cat, sub = subcategory_index()[subcategory_code(record.complaint_type)]
    if sub.sla_hours <= 4 or record.complaint_type in _URGENT_TYPES:
        return "urgent"
    return "normal"


def title_for(record: NycRecord) -> str:
    """Return the real complaint type and descriptor (``Noise - Street/Sidewalk: Loud Talking``)."""
    title = record.complaint_type or "311 Service Request"
    if record.descriptor:
        title = f"{title}: {record.descriptor}"
    return title[:200]


def description_for(record: NycRecord) -> str:
    """Return a short description naming the original record."""
    created = record.created.strftime("%Y-%m-%d %H:%M %Z")
    parts = [f"纽约311回放 #{record.key}（{record.agency or '未知部门'}，{created}）",
             f"{record.complaint_type} / {record.descriptor}".strip(" /")]
    if record.location_type:
        parts.append(f"地点类型：{record.location_type}")
    if record.status:
        parts.append(f"原状态：{record.status}")
    return "；".join(p for p in parts if p)[:5000]


def address_for(record: NycRecord) -> str:
    """Return the real address (≤ 200 characters), or 地址不详."""
    return (record.address or "地址不详")[:200]


def replay_schedule(records: Iterable[NycRecord], speed: float,
                    max_gap_s: float | None = None) -> list[ReplayItem]:
    """Place records on the replay clock: gaps ÷ ``speed`` (each capped at ``max_gap_s``).

    ``resolve_after_s`` is (Closed − Created) ÷ ``speed``, None for a record still open.
    """
    if speed <= 0:
        raise ValueError("speed must be positive")
    ordered = sorted(records, key=lambda r: (r.created, r.key))
    items: list[ReplayItem] = []
    offset = 0.0
    previous: datetime | None = None
    for record in ordered:
        if previous is not None:
            gap = (record.created - previous).total_seconds() / speed
            if max_gap_s is not None:
                gap = min(gap, max_gap_s)
            offset += max(0.0, gap)
        previous = record.created
        resolve = None
        if record.closed is not None:
            resolve = max(0.0, (record.closed - record.created).total_seconds() / speed)
        items.append(ReplayItem(offset, resolve, record))
    return items


# Where a record's 311 status leaves the case on protocol 1.1's loop (the replay stops
# there; "closed" runs the whole loop, callback included).
LOOP_STAGES = {
    "closed": "closed", "closed - testing": "closed",
    "pending": "extension",  # waiting on something: accepted, an extension asked
    "started": "accepted", "in progress": "accepted",
    "assigned": "dispatched", "open": "dispatched", "email sent": "dispatched",
    "unspecified": "dispatched", "draft": "dispatched",
}


def loop_stage(record: NycRecord) -> str:
    """The loop stage a record reaches: closed, extension, accepted or dispatched."""
    if record.closed is not None:
        return "closed"
    return LOOP_STAGES.get(record.status.strip().lower(), "dispatched")
