"""What the government or the judge may allow: prosecutorial discretion and
voluntary departure."""
from __future__ import annotations

from ..facts import Facts
from ..text import N_
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, at_most, because, rule
from .unknowns import unsettled


@rule("prosecutorial_discretion", "8 CFR 239.2(c)", "8 CFR 1239.2(c)", "8 CFR 274a.12(c)(14)")
def prosecutorial_discretion(f: Facts) -> Outcome:
    if not f.may_be_in_proceedings and f.removal_order is False:
        return Outcome(NOT_AVAILABLE, [because(N_("You have no case in court and no removal order."))])
    reasons = [
        because(N_("The government lawyer may agree to close or pause your case. It is a favour, not a right.")),
        because(N_("It depends on the policy of the government at the time; ask a lawyer what is possible now.")),
    ]
    if not f.is_("entry_type", "inspected") and f.arrived_within_two_years is not False:
        reasons.append(because(N_("If you came in less than two years ago without being admitted, a dismissed court case can be followed by quick removal without a judge (expedited removal). Ask a lawyer before agreeing to a dismissal.")))
    if f.crime_bars:
        reasons.append(because(N_("A serious crime, or harm to others, makes this less likely.")))
    return Outcome(POSSIBLE, reasons)


# Leaving on time avoids a removal order, not the unlawful-presence bars of
# INA 212(a)(9)(B); said whether or not the judge already granted it.
LEAVING_KEEPS_BARS = N_("Leaving does not erase time spent here without status: that can still bar a return for 3 or 10 years. Ask a lawyer before you leave.")
_GRANTED_RULES = (
    N_("A bond set by the judge must be paid within 5 business days, or the permission ends."),
    N_("Filing a motion to reopen or reconsider, or a petition for review, ends the permission to leave on your own."),
    N_("If you do not leave in time, you face a fine of $1,000 to $5,000 and for 10 years cannot get cancellation, voluntary departure, a green card, or a change of status."),
    LEAVING_KEEPS_BARS,
)


@rule("voluntary_departure", "INA 240B", "INA 240B(d)", "8 CFR 1240.26")
def voluntary_departure(f: Facts) -> Outcome:
    if f.yes("voluntary_departure_granted"):
        by = f.date("voluntary_departure_by")
        reasons = ([because(N_("A judge gave you permission to leave on your own by {date}."), date=by)] if by else
                   [because(N_("A judge gave you permission to leave on your own. Find the date on the judge's order: it is your last day."))])
        reasons += [because(r) for r in _GRANTED_RULES]
        return Outcome(LIKELY if by else POSSIBLE, reasons, by,
                       ("INA 240B(b)(3)", "8 CFR 1240.26(c)(3)", "8 CFR 1240.26(e)(1)", "INA 212(a)(9)(B)"))
    if not f.may_be_in_proceedings:
        return Outcome(NOT_AVAILABLE, [because(N_("The judge gives this in court; you have no case in court."))])
    if f.aggravated_felony:
        return Outcome(NOT_AVAILABLE, [because(N_("A very serious crime (aggravated felony) blocks voluntary departure."))],
                       citations=("INA 240B(a)(1)", "INA 240B(b)(1)(C)"))
    reasons = [
        because(N_("You would leave on your own by a date the judge sets, and avoid a removal order.")),
        because(N_("Talk to a lawyer first: it can end your other requests. If you do not leave in time, you must pay a fine, and for 10 years you cannot get a green card or other relief in the US.")),
        because(LEAVING_KEEPS_BARS),
    ]
    cites = ["INA 212(a)(9)(B)"]
    if f.stage == "asylum_office" and f.in_proceedings:
        status = LIKELY
    else:
        status = POSSIBLE
        if f.stage in ("bia", "circuit_court"):
            reasons.append(because(N_("It is asked of the judge; after the BIA decision it is usually too late, unless the judge already gave it.")))
    if f.missed_hearing:
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("You were ordered removed for missing a hearing. If you had been warned of this, voluntary departure is barred for 10 years, unless the order is reopened.")))
        cites.append("INA 240(b)(7)")
    if f.yes("prior_removal"):
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("You were removed before and came back. The old order can be put back in force, which blocks voluntary departure.")))
        cites.append("INA 241(a)(5)")
    reasons += unsettled(f, "criminal_history", "prior_removal")
    if f.may_be_in_proceedings:
        reasons += unsettled(f, "missed_hearing")
    return Outcome(status, reasons, None, tuple(cites))
