"""Protection from return: withholding of removal and the Convention Against Torture."""
from __future__ import annotations

from ..facts import Facts
from ..text import N_
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, because, rule


@rule("withholding_of_removal", "INA 241(b)(3)", "8 CFR 1208.16(b)", "8 CFR 1208.16(d)(2)")
def withholding_of_removal(f: Facts) -> Outcome:
    if f.aggravated_felony:
        return Outcome(NOT_AVAILABLE, [
            because(N_("A very serious crime (aggravated felony) can block withholding of removal.")),
            because(N_("Protection under the Convention Against Torture may still be possible.")),
        ], citations=("INA 241(b)(3)(B)(ii)",))
    if f.yes("harmed_others"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("Taking part in harming others blocks withholding of removal.")),
            because(N_("Protection under the Convention Against Torture may still be possible.")),
        ], citations=("INA 241(b)(3)(B)(i)",))
    if f.no("fears_harm_on_return"):
        return Outcome(UNLIKELY, [because(N_("You said you do not fear serious harm if you return."))])
    reasons = [because(N_("You must show that harm is more likely than not, which is harder to prove than for asylum."))]
    if f.yes("fears_harm_on_return") and f.fears_protected_ground:
        status = LIKELY
        reasons.insert(0, because(N_("You fear harm because of who you are or what you believe (a reason the law protects).")))
    else:
        status = POSSIBLE
        reasons.insert(0, because(N_("The harm must be because of race, religion, nationality, political opinion, or a social group; a lawyer can check whether yours fits.")))
    if f.is_("criminal_history", "felony", "not_sure") or f.unknown("harmed_others"):
        status = POSSIBLE
        reasons.append(because(N_("Some crimes and acts block this protection; a lawyer must check your record.")))
    return Outcome(status, reasons)


@rule("cat_protection", "8 CFR 1208.16(c)", "8 CFR 1208.17", "8 CFR 1208.18(a)")
def cat_protection(f: Facts) -> Outcome:
    if f.no("fears_torture_by_official"):
        return Outcome(UNLIKELY, [
            because(N_("You said you do not fear torture by officials or with their approval."))])
    reasons = [because(N_("You must show torture is more likely than not, by officials or with their approval."))]
    if f.yes("fears_torture_by_official"):
        reasons.insert(0, because(N_("You fear torture by officials or with their approval.")))
        status = LIKELY
    else:
        reasons.insert(0, because(N_("You were not sure whether officials would take part in the harm.")))
        status = POSSIBLE
    if f.crime_bars:
        reasons.append(because(N_("Because of crimes or harm to others, only the basic form (deferral of removal) is open, and no crime blocks it.")))
    return Outcome(status, reasons)
