"""Warnings of contract v1: things a person must not miss, whatever they choose."""
from __future__ import annotations

import datetime as dt

from .dates import add_years
from .deadlines import roll_forward
from .facts import Facts
from .records import record

SOON_DAYS, URGENT_DAYS = 14, 7


@record
class Warning:
    id: str
    severity: str  # urgent | important | info
    option: str | None = None
    deadline: dt.date | None = None
    citations: tuple[str, ...] = ()


def one_year_deadline(arrival: dt.date) -> dt.date:
    """INA 208(a)(2)(B); 8 CFR 208.4(a)(2)(ii): one year from the last arrival,
    rolled past a weekend or holiday."""
    return roll_forward(add_years(arrival, 1))


def warnings_for(f: Facts, options) -> list[Warning]:
    out: list[Warning] = []
    for opt in options:
        if opt.days_left is not None and 0 <= opt.days_left <= SOON_DAYS and opt.status != "not_available":
            severity = "urgent" if opt.days_left <= URGENT_DAYS else "important"
            out.append(Warning("deadline_soon", severity, opt.id, opt.deadline))
    arrival, filed = f.date("last_arrival_date"), f.date("asylum_filed_date")
    if arrival and filed and filed > one_year_deadline(arrival):
        out.append(Warning("one_year_filing_deadline", "important", deadline=one_year_deadline(arrival),
                           citations=("INA 208(a)(2)(B)", "INA 208(a)(2)(D)", "8 CFR 208.4(a)")))
    if arrival and not f.in_proceedings and f.today < add_years(arrival, 2):
        out.append(Warning("expedited_removal_risk", "important",
                           citations=("INA 235(b)(1)(A)(iii)", "8 CFR 235.3(b)(1)(ii)")))
    if f.yes("detained"):
        out.append(Warning("detained", "urgent"))
    if f.crime_bars:
        out.append(Warning("crime_bars", "important",
                           citations=("INA 208(b)(2)(A)", "INA 241(b)(3)(B)")))
    return out
