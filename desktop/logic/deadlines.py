"""Filing deadlines: calendar days, rolled past weekends and federal holidays.

8 CFR 1001.1(h) (and 8 CFR 1003.38(b) for appeals, FRAP 26(a)(1)(C) in the
courts of appeals): a period counts every calendar day, but when its last day
is a Saturday, Sunday or legal holiday it runs to the next day that is none of
those. The holidays are the federal ones of 5 U.S.C. 6103, with the weekday a
holiday is observed on, as the `holidays` package keeps them (see holiday_table).
"""
from __future__ import annotations

import datetime as dt

from .holiday_table import federal_holidays

CITATION_ROLL = "8 CFR 1001.1(h)"


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def roll_forward(day: dt.date) -> dt.date:
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def days_after(start: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` calendar days that starts at `start`."""
    return roll_forward(start + dt.timedelta(days=days))


def days_left(deadline: dt.date | None, today: dt.date) -> int | None:
    return None if deadline is None else (deadline - today).days


def add_days_rolled(start: dt.date | None, days: int) -> dt.date | None:
    """`days_after`, or None when the date it counts from is not known: a
    deadline counted from an unknown date is not computed (contract v2)."""
    return None if start is None else days_after(start, days)
