"""Protection from return: withholding of removal and the Convention Against Torture."""
from __future__ import annotations

from ..facts import Facts
from ..text import N_
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, at_most, because, rule
from .review import stage_unknown_reason
from .unknowns import unsettled

THIRD_COUNTRY = N_("It stops removal only to the country where you fear harm: removal to another, third country remains possible.")


def _already_decided(f: Facts, status: str, reasons: list) -> str:
    """After a judge or the BIA decided the case, these protections stay alive
    only through the appeal, petition or motion that keeps the case open."""
    if f.court_decided:
        reasons.append(because(N_("A judge or the BIA has already decided your case. This protection stays possible only through an appeal, a petition for review, or a motion to reopen, in time.")))
        return at_most(status, POSSIBLE)
    if not f.stage_known:
        reasons.append(stage_unknown_reason())
        return at_most(status, POSSIBLE)
    return status


@rule("withholding_of_removal", "INA 241(b)(3)", "8 CFR 1208.16(b)", "8 CFR 1208.16(d)(2)")
def withholding_of_removal(f: Facts) -> Outcome:
    if f.yes("harmed_others"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("Taking part in harming others blocks withholding of removal.")),
            because(N_("Protection under the Convention Against Torture may still be possible.")),
        ], citations=("INA 241(b)(3)(B)(i)",))
    if f.no("fears_harm_on_return"):
        return Outcome(NOT_AVAILABLE, [because(N_("You said you do not fear serious harm if you return."))])
    reasons = [because(N_("You must show that harm is more likely than not, which is harder to prove than for asylum."))]
    reasons_given = f.items("harm_reasons")
    if f.yes("fears_harm_on_return") and f.fears_protected_ground:
        status = LIKELY
        reasons.insert(0, because(N_("You fear harm because of who you are or what you believe (a reason the law protects).")))
    elif f.yes("fears_harm_on_return") and reasons_given == {"other"}:
        status = UNLIKELY
        reasons.insert(0, because(N_("The harm must be because of race, religion, nationality, political opinion, or a particular social group; the reason you gave may not fit. A lawyer can check.")))
    else:
        status = POSSIBLE
        reasons.insert(0, because(N_("The harm must be because of race, religion, nationality, political opinion, or a particular social group; a lawyer can check whether yours fits.")))
    cites: tuple[str, ...] = ()
    if f.aggravated_felony:
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("A very serious crime (aggravated felony) with total prison sentences of 5 years or more blocks withholding; with shorter sentences a judge decides whether the crime was particularly serious.")))
        cites = ("INA 241(b)(3)(B)(ii)", "Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)")
    elif f.felony_or_worse:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("A serious crime (felony) can block withholding if a judge finds it particularly serious; a lawyer must look at the conviction.")))
        cites = ("INA 241(b)(3)(B)(ii)", "Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)")
    status = _already_decided(f, status, reasons)
    reasons.append(because(THIRD_COUNTRY))
    reasons += unsettled(f, "criminal_history", "harmed_others")
    return Outcome(status, reasons, None, cites)


@rule("cat_protection", "8 CFR 1208.16(c)", "8 CFR 1208.17", "8 CFR 1208.18(a)")
def cat_protection(f: Facts) -> Outcome:
    if f.no("fears_torture_by_official"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("You said you do not fear torture by officials or with their approval."))])
    reasons = [because(N_("You must show torture is more likely than not, by officials or with their approval."))]
    if f.yes("fears_torture_by_official"):
        reasons.insert(0, because(N_("You fear torture by officials or with their approval.")))
        status = LIKELY
    else:
        reasons.insert(0, because(N_("You were not sure whether officials would take part in the harm.")))
        status = POSSIBLE
    if f.crime_bars or not f.is_("criminal_history", "none") or not f.no("harmed_others"):
        reasons.append(because(N_("Because of crimes or harm to others, only the basic form (deferral of removal) may be open, and no crime blocks it.")))
    status = _already_decided(f, status, reasons)
    reasons.append(because(THIRD_COUNTRY))
    return Outcome(status, reasons)
