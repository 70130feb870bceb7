"""Paths through family: cancellation of removal and a relative's petition."""
from __future__ import annotations

from ..dates import add_years
from ..facts import Facts
from ..text import N_
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, because, rule


def _ten_years_before_nta(f: Facts) -> bool | None:
    """Ten years of presence before the Notice to Appear (the stop-time rule);
    None when a date is missing. Presence before the last arrival can also
    count if an absence was short, so a lawyer checks a 'no'."""
    arrival, nta = f.date("last_arrival_date"), f.date("nta_date")
    if not arrival or not nta:
        return None
    return add_years(arrival, 10) <= nta


@rule("cancellation_of_removal", "INA 240A(b)(1)", "INA 240A(d)(1)", "8 CFR 1240.20")
def cancellation_of_removal(f: Facts) -> Outcome:
    if not f.may_be_in_proceedings:
        return Outcome(NOT_AVAILABLE, [because(N_("Only an immigration judge can give this, so you must have a case in court."))])
    if f.felony_or_worse:
        return Outcome(NOT_AVAILABLE, [because(N_("A felony conviction blocks cancellation of removal."))])
    relatives = f.citizen_or_resident_relatives
    kids = f.items("children_status")
    minor_kid = "us_citizen_under_21" in kids
    if not relatives or (relatives == ["child"] and kids == {"us_citizen_21_or_older"}):
        return Outcome(NOT_AVAILABLE, [because(N_("You need a citizen or permanent resident husband or wife, parent, or child under 21."))])
    reasons = [because(N_("You have a citizen or permanent resident family member."))]
    status = LIKELY
    if relatives == ["child"] and not minor_kid:
        status = POSSIBLE
        reasons.append(because(N_("A child counts only if under 21 and not married.")))
    ten = _ten_years_before_nta(f)
    if ten is False:
        return Outcome(UNLIKELY, reasons + [because(N_("You need 10 years in the US before the Notice to Appear; your dates show less."))])
    if ten is None:
        status = POSSIBLE
        reasons.append(because(N_("You need 10 years in the US before the Notice to Appear; we could not count them.")))
    else:
        reasons.append(because(N_("You were in the US for 10 years before the Notice to Appear.")))
    if f.no("family_hardship"):
        return Outcome(UNLIKELY, reasons + [because(N_("The judge must find that your family would suffer very serious hardship, and you said they would not."))])
    if not f.yes("family_hardship"):
        status = POSSIBLE
    reasons.append(because(N_("The hardship to your family must be much worse than usual (exceptional and extremely unusual hardship).")))
    if not f.is_("criminal_history", "none") or not f.no("harmed_others"):
        status = POSSIBLE
        reasons.append(because(N_("Some crimes also block it; a lawyer must check your record.")))
    if f.stage in ("bia", "circuit_court"):
        status = POSSIBLE if status == LIKELY else status
        reasons.append(because(N_("Your case already has a final decision, so this would need a motion to reopen.")))
    return Outcome(status, reasons)


@rule("family_petition", "INA 201(b)(2)(A)(i)", "INA 203(a)", "INA 204(a)(1)", "8 CFR 204.1")
def family_petition(f: Facts) -> Outcome:
    under_21 = f.under_21
    kids = f.items("children_status")
    direct = []      # immediate relatives: no waiting line
    line = []        # family preference: a waiting line, often long
    if f.is_("spouse_status", "us_citizen"):
        direct.append(because(N_("Your husband or wife is a US citizen.")))
    if f.is_("spouse_status", "permanent_resident"):
        line.append(because(N_("Your husband or wife is a permanent resident; there is a waiting line.")))
    if f.is_("parent_status", "us_citizen"):
        if under_21:
            direct.append(because(N_("Your parent is a US citizen and you are under 21.")))
        else:
            line.append(because(N_("Your parent is a US citizen; because you are 21 or older, or your age is not known, there is a waiting line.")))
    if f.is_("parent_status", "permanent_resident"):
        line.append(because(N_("Your parent is a permanent resident; this works only for sons and daughters who are not married, with a waiting line.")))
    if "us_citizen_21_or_older" in kids:
        direct.append(because(N_("You have a US citizen son or daughter who is 21 or older.")))
    if not direct and not line:
        if kids & {"us_citizen_under_21"}:
            return Outcome(NOT_AVAILABLE, [because(N_("A citizen child can ask for a parent only after turning 21."))])
        return Outcome(NOT_AVAILABLE, [because(N_("You have no citizen or permanent resident relative who can petition for you."))])
    reasons = direct + line
    status = LIKELY if direct else POSSIBLE
    if not f.is_("entry_type", "inspected"):
        status = POSSIBLE
        reasons.append(because(N_("You did not come in through an official border post, or are not sure. Then the green card is often only possible from abroad, with a waiver; a lawyer must plan this.")))
        return Outcome(status, reasons, citations=("INA 245(a)", "INA 212(a)(9)(B)"))
    return Outcome(status, reasons, citations=("INA 245(a)",))
