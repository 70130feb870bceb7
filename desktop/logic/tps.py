"""The shipped list of countries designated for Temporary Protected Status.

Designations change by Federal Register notice; the app is offline, so every
answer built on this list names its `data_as_of` date and sends the person to
a lawyer to check the current designation.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from .datafiles import read_text
from .dates import parse_iso
from .records import record


@record
class RegistrationPeriod:
    """An initial registration period: when people who never had TPS could
    file under a designation or redesignation (8 CFR 244.2(f))."""
    start: dt.date
    end: dt.date
    federal_register: str
    kind: str  # designation | redesignation


@record
class Designation:
    code: str
    name: str
    status: str  # designated | termination_announced | terminated
    designated_since: dt.date | None
    continuous_residence_since: dt.date | None
    continuous_presence_since: dt.date | None
    registration_ends: dt.date | None
    status_until: dt.date | None
    federal_register: tuple[str, ...]
    notes: str
    initial_registration_periods: tuple[RegistrationPeriod, ...] = ()


@record
class TpsList:
    data_as_of: dt.date
    countries: dict[str, Designation]


@lru_cache(maxsize=1)
def tps_list() -> TpsList:
    raw = json.loads(read_text("tps.json"))
    countries = {}
    for c in raw["countries"]:
        countries[c["code"]] = Designation(
            code=c["code"], name=c["name"], status=c["status"],
            designated_since=parse_iso(c.get("designated_since")),
            continuous_residence_since=parse_iso(c.get("continuous_residence_since")),
            continuous_presence_since=parse_iso(c.get("continuous_presence_since")),
            registration_ends=parse_iso(c.get("registration_ends")),
            status_until=parse_iso(c.get("status_until")),
            federal_register=tuple(c.get("federal_register") or ()),
            notes=c.get("notes", ""),
            initial_registration_periods=tuple(
                RegistrationPeriod(parse_iso(p["start"]), parse_iso(p["end"]), p["federal_register"], p["kind"])
                for p in c.get("initial_registration_periods") or ()),
        )
    return TpsList(parse_iso(raw["data_as_of"]), countries)
