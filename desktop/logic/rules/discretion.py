"""What the government or the judge may allow: prosecutorial discretion and
voluntary departure."""
from __future__ import annotations

from ..facts import Facts
from ..text import N_
from . import NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, because, rule


@rule("prosecutorial_discretion", "8 CFR 239.2(c)", "8 CFR 1239.2(c)", "8 CFR 274a.12(c)(14)")
def prosecutorial_discretion(f: Facts) -> Outcome:
    if not (f.may_be_in_proceedings or f.has_removal_order):
        return Outcome(NOT_AVAILABLE, [because(N_("You have no case in court and no removal order."))])
    reasons = [
        because(N_("The government lawyer may agree to close or pause your case. It is a favour, not a right.")),
        because(N_("It depends on the policy of the government at the time; ask a lawyer what is possible now.")),
    ]
    if f.crime_bars:
        return Outcome(UNLIKELY, reasons + [because(N_("A serious crime, or harm to others, makes this much less likely."))])
    return Outcome(POSSIBLE, reasons)


@rule("voluntary_departure", "INA 240B", "INA 240B(d)", "8 CFR 1240.26")
def voluntary_departure(f: Facts) -> Outcome:
    if not f.may_be_in_proceedings:
        return Outcome(NOT_AVAILABLE, [because(N_("The judge gives this in court; you have no case in court."))])
    if f.aggravated_felony:
        return Outcome(NOT_AVAILABLE, [because(N_("A very serious crime (aggravated felony) blocks voluntary departure."))],
                       citations=("INA 240B(a)(1)", "INA 240B(b)(1)(C)"))
    reasons = [
        because(N_("You would leave on your own by a date the judge sets, and avoid a removal order.")),
        because(N_("Talk to a lawyer first: it can end your other requests. If you do not leave in time, you must pay a fine, and for 10 years you cannot get a green card or other relief in the US.")),
    ]
    if f.stage in ("bia", "circuit_court"):
        return Outcome(UNLIKELY, reasons + [because(N_("It is asked of the judge; after the BIA decision it is usually too late, unless the judge already gave it."))])
    return Outcome(POSSIBLE, reasons)
