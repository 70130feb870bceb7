"""Warnings of contract v2: things a person must not miss, whatever they choose."""
from __future__ import annotations

import datetime as dt

from .dates import add_years
from .deadlines import roll_forward
from .facts import Facts
from .records import record

SOON_DAYS, URGENT_DAYS = 14, 7
# The one-year asylum deadline counts from arrival, but never from before the
# rule took effect (IIRIRA, 1 April 1997; 8 CFR 208.4(a)(2)(ii)).
ONE_YEAR_RULE_START = dt.date(1997, 4, 1)
# Warnings a person must see before anything else, in this order.
ORDER = ("detained", "prior_removal", "frivolous_finding", "deadline_soon", "expedited_removal_risk",
         "in_absentia_bars", "one_year_filing_deadline", "crime_bars")


@record
class Warning:
    id: str
    severity: str  # urgent | important | info
    option: str | None = None
    deadline: dt.date | None = None
    citations: tuple[str, ...] = ()


def one_year_deadline(arrival: dt.date) -> dt.date:
    """INA 208(a)(2)(B); 8 CFR 208.4(a)(2)(ii): one year from the last arrival
    (or from 1 April 1997), rolled past a weekend or holiday."""
    return roll_forward(add_years(max(arrival, ONE_YEAR_RULE_START), 1))


def warnings_for(f: Facts, options) -> list[Warning]:
    out: list[Warning] = []
    if f.yes("detained"):
        out.append(Warning("detained", "urgent"))
    if f.yes("prior_removal"):
        out.append(Warning("prior_removal", "urgent", citations=("INA 241(a)(5)", "8 CFR 241.8")))
    if f.yes("frivolous_finding"):
        out.append(Warning("frivolous_finding", "urgent", citations=("INA 208(d)(6)", "8 CFR 1208.20")))
    for opt in options:
        if opt.days_left is not None and 0 <= opt.days_left <= SOON_DAYS and opt.status in ("likely", "possible"):
            severity = "urgent" if opt.days_left <= URGENT_DAYS else "important"
            out.append(Warning("deadline_soon", severity, opt.id, opt.deadline))
    # Admitted or paroled people are outside expedited removal of people
    # present under two years (INA 235(b)(1)(A)(iii)); a dismissed court case
    # can be followed by it, so it is shown in court as well.
    if f.arrived_within_two_years and not f.is_("entry_type", "inspected"):
        severity = "urgent" if f.is_("entry_type", "without_inspection") else "important"
        out.append(Warning("expedited_removal_risk", severity,
                           citations=("INA 235(b)(1)(A)(iii)", "8 CFR 235.3(b)(1)(ii)")))
    if f.missed_hearing:
        out.append(Warning("in_absentia_bars", "important", citations=("INA 240(b)(7)",)))
    arrival, filed = f.date("last_arrival_date"), f.date("asylum_filed_date")
    one_year = one_year_deadline(arrival) if arrival else None
    if one_year and filed and filed > one_year and not f.yes("arrived_unaccompanied_minor"):
        out.append(Warning("one_year_filing_deadline", "important", deadline=one_year,
                           citations=("INA 208(a)(2)(B)", "INA 208(a)(2)(D)", "8 CFR 208.4(a)")))
    if f.crime_bars:
        out.append(Warning("crime_bars", "important", citations=("INA 208(b)(2)(A)", "INA 241(b)(3)(B)")))
    elif f.unknown("criminal_history"):
        out.append(Warning("crime_bars", "info", citations=("INA 208(b)(2)(A)", "INA 241(b)(3)(B)")))
    return out
