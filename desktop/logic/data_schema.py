"""The shape of every legal-data file a signed update may replace.

The same check runs on the shipped files (tests/logic/test_data_update.py) and
on every file of an update before it is installed: a signed file with a typo
in a date would otherwise reach the rules and be read as "no designation".
Each failure names the file and the field, in one English line for the
maintainer (the volunteer sees the translated "wrong content" message).
"""
from __future__ import annotations

import datetime as dt
import json
import re

from .dates import parse_iso

# The files an update may carry. options.toml and questions.toml are not here:
# their ids and texts belong to the code and the translations of a release.
UPDATABLE = ("tps.json", "fees.toml", "us_federal_holidays.json")
# fees.toml is also carried in its compiled JSON form (what the app reads
# without the 30 ms of tomllib); the two must say the same.
FEES_COMPILED = "fees.compiled.json"
TPS_STATUSES = ("designated", "termination_announced", "terminated")
PERIOD_KINDS = ("designation", "redesignation")
WAIVERS = ("yes", "no", "none_needed", "unknown")
_CODE = re.compile(r"^[A-Z]{2}$")


class SchemaError(ValueError):
    """A data file that does not have the expected shape."""


def _fail(name: str, where: str, what: str) -> SchemaError:
    return SchemaError(f"{name}: {where}: {what}")


def _date(name: str, where: str, value, *, nullable: bool = False) -> dt.date | None:
    if value is None and nullable:
        return None
    day = parse_iso(value)
    if day is None:
        raise _fail(name, where, f"not a YYYY-MM-DD date: {value!r}")
    return day


def _text(name: str, where: str, value, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise _fail(name, where, "must be text")
    return value


def _object(name: str, where: str, value, required: set[str], optional: set[str] = frozenset()) -> dict:
    if not isinstance(value, dict):
        raise _fail(name, where, "must be an object")
    missing = required - value.keys()
    if missing:
        raise _fail(name, where, f"missing {', '.join(sorted(missing))}")
    unknown = value.keys() - required - optional
    if unknown:
        raise _fail(name, where, f"unknown field {', '.join(sorted(unknown))}")
    return value


def check_tps(raw: dict, name: str = "tps.json") -> dt.date:
    """The TPS list; returns its data_as_of date."""
    _object(name, "top level", raw, {"data_as_of", "countries"}, {"source_note"})
    as_of = _date(name, "data_as_of", raw["data_as_of"])
    if not isinstance(raw["countries"], list) or not raw["countries"]:
        raise _fail(name, "countries", "must be a non-empty list")
    seen = set()
    for i, c in enumerate(raw["countries"]):
        where = f"countries[{i}]"
        _object(name, where, c, {"code", "name", "status"},
                {"designated_since", "continuous_residence_since", "continuous_presence_since",
                 "registration_ends", "status_until", "federal_register", "notes",
                 "initial_registration_periods"})
        if not isinstance(c["code"], str) or not _CODE.match(c["code"]):
            raise _fail(name, f"{where}.code", f"not a two-letter country code: {c['code']!r}")
        if c["code"] in seen:
            raise _fail(name, f"{where}.code", f"{c['code']} is listed twice")
        seen.add(c["code"])
        _text(name, f"{where}.name", c["name"])
        if c["status"] not in TPS_STATUSES:
            raise _fail(name, f"{where}.status", f"one of {', '.join(TPS_STATUSES)}, not {c['status']!r}")
        for key in ("designated_since", "continuous_residence_since", "continuous_presence_since",
                    "registration_ends", "status_until"):
            _date(name, f"{where}.{key}", c.get(key), nullable=True)
        fr = c.get("federal_register", [])
        if not isinstance(fr, list) or not all(isinstance(x, str) and x.strip() for x in fr):
            raise _fail(name, f"{where}.federal_register", "must be a list of citations")
        _text(name, f"{where}.notes", c.get("notes", ""), empty=True)
        periods = c.get("initial_registration_periods", [])
        if not isinstance(periods, list):
            raise _fail(name, f"{where}.initial_registration_periods", "must be a list")
        for j, p in enumerate(periods):
            pw = f"{where}.initial_registration_periods[{j}]"
            _object(name, pw, p, {"start", "end", "federal_register", "kind"})
            start, end = _date(name, f"{pw}.start", p["start"]), _date(name, f"{pw}.end", p["end"])
            if end < start:
                raise _fail(name, pw, "ends before it starts")
            _text(name, f"{pw}.federal_register", p["federal_register"])
            if p["kind"] not in PERIOD_KINDS:
                raise _fail(name, f"{pw}.kind", f"one of {', '.join(PERIOD_KINDS)}, not {p['kind']!r}")
    return as_of


def check_fees(raw: dict, name: str = "fees.toml", *, options=None, filings=None) -> dt.date:
    """The fee table; returns its as_of date. `options` are the option ids the
    app knows; `filings` the filing names it can translate (a new name would
    reach the person in English)."""
    _object(name, "top level", raw, {"as_of", "filings"}, {"source_note"})
    as_of = _date(name, "as_of", raw["as_of"])
    if not isinstance(raw["filings"], list) or not raw["filings"]:
        raise _fail(name, "filings", "must be a non-empty list")
    for i, f in enumerate(raw["filings"]):
        where = f"filings[{i}]"
        _object(name, where, f, {"option", "filing", "waiver", "source"}, {"fee_usd", "as_of", "note"})
        if options is not None and f["option"] not in options:
            raise _fail(name, f"{where}.option", f"not an option of the app: {f['option']!r}")
        _text(name, f"{where}.filing", f["filing"])
        if filings is not None and f["filing"] not in filings:
            raise _fail(name, f"{where}.filing", "a filing name the app cannot translate; it needs a new release")
        fee = f.get("fee_usd")
        if fee is not None and (not isinstance(fee, int) or isinstance(fee, bool) or not 0 <= fee <= 100_000):
            raise _fail(name, f"{where}.fee_usd", f"a whole number of dollars or absent, not {fee!r}")
        if f["waiver"] not in WAIVERS:
            raise _fail(name, f"{where}.waiver", f"one of {', '.join(WAIVERS)}, not {f['waiver']!r}")
        _text(name, f"{where}.source", f["source"])
        _date(name, f"{where}.as_of", f.get("as_of"), nullable=True)
        _text(name, f"{where}.note", f.get("note", ""), empty=True)
    return as_of


def check_holidays(raw: dict, name: str = "us_federal_holidays.json") -> None:
    _object(name, "top level", raw, {"years"}, {"source"})
    years = raw["years"]
    if not isinstance(years, dict) or not years:
        raise _fail(name, "years", "must be an object of years")
    for year, days in years.items():
        if not (isinstance(year, str) and year.isdigit() and len(year) == 4):
            raise _fail(name, "years", f"not a year: {year!r}")
        if not isinstance(days, list) or not days:
            raise _fail(name, f"years.{year}", "must be a non-empty list of dates")
        for d in days:
            day = _date(name, f"years.{year}", d)
            if str(day.year) != year:
                raise _fail(name, f"years.{year}", f"{d} is not in {year}")


def _json(name: str, data: bytes):
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(name, "file", f"not JSON ({exc})") from None


def _toml(name: str, data: bytes):
    import tomllib

    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _fail(name, "file", f"not TOML ({exc})") from None


def shipped_fee_names() -> tuple[frozenset[str], frozenset[str]]:
    """The option ids, and the filing names the shipped catalog translates."""
    from .datafiles import shipped_path
    from .options import option_ids

    with open(shipped_path("fees.toml"), "rb") as fh:
        shipped = _toml("fees.toml", fh.read())
    return frozenset(option_ids()), frozenset(f["filing"] for f in shipped["filings"])


def check_set(files: dict[str, bytes]) -> dict[str, dt.date]:
    """Every updatable file (and the compiled fee table) checked; returns the
    dates the files themselves give (tps.json, fees.toml)."""
    for name in (*UPDATABLE, FEES_COMPILED):
        if name not in files:
            raise _fail(name, "file", "missing")
    tps_as_of = check_tps(_json("tps.json", files["tps.json"]))
    options, filings = shipped_fee_names()
    fees = _toml("fees.toml", files["fees.toml"])
    fees_as_of = check_fees(fees, options=options, filings=filings)
    if _json(FEES_COMPILED, files[FEES_COMPILED]) != fees:
        raise _fail(FEES_COMPILED, "file", "does not say the same as fees.toml")
    check_holidays(_json("us_federal_holidays.json", files["us_federal_holidays.json"]))
    return {"tps.json": tps_as_of, "fees.toml": fees_as_of}
