"""Masking of citizens' names and phones (PIPL): ``张*``, ``138****5678``.

Every case the hub sends carries its reporter masked; only ``GET /cases/{id}/reporter``
(supervisor, intake; audited) answers the stored values.
"""

from __future__ import annotations

from hub.bodies import ReporterJSON


def mask_name(name: str) -> str:
    """Keep the first character (the family name, usually), star the rest: ``张*``, ``欧**``."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def mask_phone(phone: str) -> str:
    """Keep the first 3 and last 4 digits of a long number (``138****5678``), else only the
    last 2."""
    digits = phone.strip()
    if len(digits) >= 8:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    if len(digits) > 2:
        return "*" * (len(digits) - 2) + digits[-2:]
    return "*" * len(digits)


def masked_reporter(name: str | None, phone: str | None) -> ReporterJSON | None:
    """The protocol's masked ``reporter`` object, or None when nobody was recorded."""
    if name is None and phone is None:
        return None
    return {"name": mask_name(name or ""), "phone": mask_phone(phone or "")}
