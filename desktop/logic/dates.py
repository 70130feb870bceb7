"""Parsing and small date arithmetic shared by validation, facts and rules."""
from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso(value: object) -> dt.date | None:
    """The date of a strict `YYYY-MM-DD` string, or None if it is not one."""
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def add_years(day: dt.date, years: int, leap_day: str = "february") -> dt.date:
    """Same month and day `years` later; 29 February becomes 28 February.

    The law does not settle whether a leap-day anniversary falls on 28 February
    or 1 March; the earlier date is the safe one for a deadline. For a test of
    how long someone has been here (the two years of expedited removal), the
    safe date is the later one, so `leap_day="march"` gives 1 March.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        if leap_day == "march":
            return dt.date(day.year + years, 3, 1)
        return day.replace(year=day.year + years, day=28)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years of age on `day`, birthdays counted by add_years."""
    years = day.year - birth.year
    if add_years(birth, years) > day:
        years -= 1
    return years
