"""Paths through family: cancellation of removal and a relative's petition."""
from __future__ import annotations

from ..dates import add_years
from ..facts import Facts
from ..text import N_
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, at_most, because, best, rule
from .unknowns import unsettled

# INA 240A(b)(1)(D): a citizen or resident spouse, parent or child. A "child"
# is unmarried and under 21 (INA 101(b)(1)), so a citizen son or daughter of
# 21 or more does not count.
QUALIFYING_CHILDREN = frozenset({"us_citizen_under_21", "permanent_resident"})
WITH_STATUS = ("us_citizen", "permanent_resident")
FRIVOLOUS = N_("A judge found an asylum application of yours made up (frivolous). That bars most benefits for life.")


def qualifying_relative(f: Facts) -> bool | None:
    """A citizen or resident spouse, parent or child; None when unanswered
    relatives leave it open."""
    if f.is_("spouse_status", *WITH_STATUS) or f.is_("parent_status", *WITH_STATUS):
        return True
    if f.items("children_status") & QUALIFYING_CHILDREN:
        return True
    if any(q not in f.answers for q in ("spouse_status", "parent_status", "children_status")):
        return None
    return False


def ten_years(f: Facts) -> tuple[bool | None, bool]:
    """(ten years of presence, counted to the Notice to Appear).

    Presence stops at the NTA only if the NTA itself gave the time and place of
    the hearing (Pereira v. Sessions, 2018; Niz-Chavez v. Garland, 2021);
    otherwise it runs on to today."""
    arrival = f.date("last_arrival_date")
    if not arrival:
        return None, False
    if f.yes("nta_listed_time_place"):
        nta = f.date("nta_date")
        if not nta:
            return None, True
        return add_years(arrival, 10) <= nta, True
    return add_years(arrival, 10) <= f.today, False


@rule("cancellation_of_removal", "INA 240A(b)(1)", "INA 240A(d)(1)", "8 CFR 1240.20")
def cancellation_of_removal(f: Facts) -> Outcome:
    if not f.may_be_in_proceedings:
        return Outcome(NOT_AVAILABLE, [because(N_("Only an immigration judge can give this, so you must have a case in court."))])
    if f.aggravated_felony or f.yes("harmed_others"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A very serious crime (aggravated felony), or taking part in harming others, blocks cancellation of removal."))],
            citations=("INA 240A(b)(1)(C)", "INA 240A(c)(5)"))
    relative = qualifying_relative(f)
    if relative is False:
        return Outcome(NOT_AVAILABLE, [because(N_("You need a citizen or permanent resident husband or wife, parent, or child under 21."))])
    reasons, cites = [], ["Pereira v. Sessions, 585 U.S. 198 (2018)", "Niz-Chavez v. Garland, 593 U.S. 155 (2021)"]
    status = LIKELY
    if relative:
        reasons.append(because(N_("You have a citizen or permanent resident family member.")))
    else:
        status = POSSIBLE
        reasons.append(because(N_("It is not known whether you have a citizen or permanent resident husband or wife, parent, or child under 21; ask a lawyer.")))
    if not f.in_proceedings:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("It is not known whether you have a case in immigration court; only a judge can give this.")))
    enough, at_nta = ten_years(f)
    if enough is False:
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("You need 10 years in the US before the Notice to Appear; your dates show less.")))
    elif enough is None:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("You need 10 years in the US before the Notice to Appear; we could not count them.")))
    elif at_nta:
        reasons.append(because(N_("You were in the US for 10 years before the Notice to Appear.")))
    if not at_nta:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("The years are counted up to today, because the Notice to Appear did not give, or it is not known whether it gave, the date and time of the hearing. A lawyer must check this.")))
    if f.no("family_hardship"):
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("The judge must find that your family would suffer very serious hardship, and you said they would not.")))
    elif not f.yes("family_hardship"):
        status = at_most(status, POSSIBLE)
    reasons.append(because(N_("The hardship to your family must be much worse than usual (exceptional and extremely unusual hardship).")))
    if f.felony_or_worse:
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("A serious crime (felony) often blocks cancellation of removal; a lawyer must look at the conviction.")))
        cites.append("INA 240A(b)(1)(C)")
    elif f.is_("criminal_history", "misdemeanor"):
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("Some crimes, even small ones, can block it; a lawyer must check your record.")))
        cites.append("INA 240A(b)(1)(C)")
    barred = []
    if f.missed_hearing:
        barred.append(because(N_("You were ordered removed for missing a hearing. If you had been warned of this, cancellation is barred for 10 years, unless the order is reopened.")))
        cites.append("INA 240(b)(7)")
    if f.yes("prior_removal"):
        barred.append(because(N_("You were removed before and came back. The old order can be put back in force, which blocks cancellation.")))
        cites.append("INA 241(a)(5)")
    if f.yes("frivolous_finding"):
        barred.append(because(FRIVOLOUS))
        cites.append("INA 208(d)(6)")
    if barred:
        status = at_most(status, UNLIKELY)
        reasons += barred
    if f.stage in ("bia", "circuit_court"):
        reasons.append(because(N_("Your case already has a final decision, so this would need a motion to reopen.")))
    reasons += unsettled(f, "criminal_history", "harmed_others", "prior_removal", "frivolous_finding")
    if f.may_be_in_proceedings:
        reasons += unsettled(f, "missed_hearing")
    return Outcome(status, reasons, None, tuple(cites))


def _petitioners(f: Facts) -> tuple[list, list, bool]:
    """(no-wait relatives, waiting-line relatives, something unknown)."""
    direct, line, unknown = [], [], False
    married, under_21 = f.married, f.under_21
    spouse = f.answers.get("spouse_status")
    if spouse == "us_citizen":
        direct.append(because(N_("Your husband or wife is a US citizen.")))
    elif spouse == "permanent_resident":
        line.append(because(N_("Your husband or wife is a permanent resident; there is a waiting line.")))
    elif spouse is None:
        unknown = True
    parent = f.answers.get("parent_status")
    if parent == "us_citizen":
        if under_21 and married is False:
            direct.append(because(N_("Your parent is a US citizen, and you are under 21 and not married.")))
        elif under_21 is None or married is None:
            line.append(because(N_("Your parent is a US citizen. Your age or marriage is not known: under 21 and not married there is no waiting line, otherwise there is one.")))
        else:
            line.append(because(N_("Your parent is a US citizen; because you are 21 or older, or married, there is a waiting line.")))
    elif parent == "permanent_resident":
        if married is False:
            line.append(because(N_("Your parent is a permanent resident; this works only for sons and daughters who are not married, with a waiting line.")))
        elif married is None:
            line.append(because(N_("Your parent is a permanent resident; this works only if you are not married, with a waiting line.")))
    elif parent is None:
        unknown = True
    kids = f.items("children_status")
    if "us_citizen_21_or_older" in kids:
        direct.append(because(N_("You have a US citizen son or daughter who is 21 or older.")))
    if "children_status" not in f.answers:
        unknown = True
    return direct, line, unknown


@rule("family_petition", "INA 201(b)(2)(A)(i)", "INA 203(a)", "INA 101(b)(1)", "INA 204(a)(1)", "8 CFR 204.1")
def family_petition(f: Facts) -> Outcome:
    direct, line, unknown = _petitioners(f)
    if not direct and not line and not unknown:
        if f.items("children_status") & {"us_citizen_under_21"}:
            return Outcome(NOT_AVAILABLE, [because(N_("A citizen child can ask for a parent only after turning 21."))])
        return Outcome(NOT_AVAILABLE, [because(N_("You have no citizen or permanent resident relative who can petition for you."))])
    reasons = direct + line
    status = best(LIKELY if direct else NOT_AVAILABLE, POSSIBLE if (line or unknown) else NOT_AVAILABLE)
    if unknown and not direct:
        reasons.append(because(N_("Some of your relatives' status is not known. A citizen or resident husband, wife, parent, or adult citizen child may be able to petition for you.")))
    cites = ["INA 245(a)"]
    if f.is_("entry_type", "without_inspection"):
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("You did not come in through an official border post. Then the green card is often only possible from abroad, with a waiver; a lawyer must plan this.")))
        cites.append("INA 212(a)(9)(B)")
    if f.yes("prior_removal") or f.yes("frivolous_finding"):
        status = at_most(status, UNLIKELY)
        if f.yes("prior_removal"):
            reasons.append(because(N_("You were removed before and came back. That can bar a green card for years, or for good; a lawyer must check.")))
            cites.append("INA 212(a)(9)(C)")
        if f.yes("frivolous_finding"):
            reasons.append(because(FRIVOLOUS))
            cites.append("INA 208(d)(6)")
    reasons += unsettled(f, "entry_type", "prior_removal", "frivolous_finding")
    return Outcome(status, reasons, None, tuple(cites))
