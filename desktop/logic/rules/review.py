"""Asking again: asylum before a judge, appeal, motion to reconsider, review in
the courts, and stays. The motion to reopen has its own module (reopen.py)."""
from __future__ import annotations

from ..deadlines import add_days_rolled
from ..facts import Facts
from ..text import N_, Term
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, at_most, because, rule
from .unknowns import unsettled

STAGE_NAMES = {
    "asylum_office": N_("the asylum office"),
    "immigration_judge": N_("an immigration judge"),
    "bia": N_("the Board of Immigration Appeals (BIA)"),
    "circuit_court": N_("a federal court of appeals"),
}


def decided_by(f: Facts):
    """A reason naming who decided, and when if known."""
    who = Term(STAGE_NAMES[f.stage])
    if f.decision_date:
        return because(N_("Your case was denied by {who} on {date}."), who=who, date=f.decision_date)
    return because(N_("Your case was denied by {who}. The date of the decision is not known yet."), who=who)


def find_date_reason():
    return because(N_("Find the date of the decision: the deadline is counted from it."))


def stage_unknown_reason():
    return because(N_("It is not known who made the last decision. This is worked out as if it applies to you; find out from the decision paper."))


def stage_unknown(f: Facts, outcome: Outcome) -> Outcome:
    """Contract v2: with the stage unknown, an option that depends on it is
    worked out as if the stage were the one it needs, at most `possible`."""
    if f.stage_known or outcome.status == NOT_AVAILABLE:
        return outcome
    said = stage_unknown_reason()
    reasons = outcome.reasons if said in outcome.reasons else [said, *outcome.reasons]
    return Outcome(at_most(outcome.status, POSSIBLE), reasons, outcome.deadline, outcome.citations)


@rule("renew_asylum_in_court", "INA 208(a)", "8 CFR 208.14(c)(1)", "8 CFR 1240.11(c)")
def renew_asylum_in_court(f: Facts) -> Outcome:
    if f.court_decided:
        return Outcome(NOT_AVAILABLE, [
            because(N_("A judge has already decided your asylum case; this step is behind you.")),
        ])
    if f.yes("frivolous_finding"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A judge found an asylum application of yours made up (frivolous). That bars asylum for life."))],
            citations=("INA 208(d)(6)",))
    if f.yes("valid_immigration_status"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("You have a valid immigration status, so the asylum office denies the case and does not send it to a judge.")),
            because(N_("Ask a lawyer whether you can apply again.")),
        ], citations=("8 CFR 208.14(c)(2)",))
    reasons = [decided_by(f) if f.stage_known else stage_unknown_reason(),
               because(N_("Without a valid status, the asylum office sends the case to an immigration judge, who hears asylum again."))]
    status = LIKELY if f.no("valid_immigration_status") else POSSIBLE
    if status == POSSIBLE:
        reasons.append(because(N_("You were not sure whether you have a valid status.")))
    cites: tuple[str, ...] = ()
    if f.aggravated_felony or f.yes("harmed_others"):
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("A very serious crime (aggravated felony), or taking part in harming others, bars asylum, but not every protection.")))
        cites = ("INA 208(b)(2)(A)(i)", "INA 208(b)(2)(A)(ii)", "INA 208(b)(2)(B)(i)")
    elif f.felony_or_worse:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("A serious crime (felony) can bar asylum; a lawyer must look at the conviction.")))
        cites = ("INA 208(b)(2)(A)(ii)",)
    if f.yes("prior_removal"):
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("You were removed before and came back. The old order can be put back in force, which blocks asylum.")))
        cites += ("INA 241(a)(5)",)
    elif f.has_removal_order:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("A removal order exists, so the case must first be opened again (motion to reopen).")))
    reasons += unsettled(f, "criminal_history", "harmed_others", "prior_removal", "frivolous_finding")
    return stage_unknown(f, Outcome(status, reasons, None, cites))


@rule("bia_appeal", "8 CFR 1003.38(b)", "8 CFR 1003.3(a)(1)", "8 CFR 1001.1(h)")
def bia_appeal(f: Facts) -> Outcome:
    if f.stage_known and f.stage != "immigration_judge":
        return Outcome(NOT_AVAILABLE, [
            because(N_("An appeal to the BIA is only against a decision of an immigration judge.")),
        ])
    if f.yes("bia_appeal_filed"):
        return Outcome(NOT_AVAILABLE, [because(N_("An appeal to the BIA was already filed."))])
    deadline = add_days_rolled(f.decision_date, 30)
    reasons = [decided_by(f) if f.stage_known else because(N_("If an immigration judge made the decision, you can appeal it.")),
               because(N_("The appeal must reach the BIA within 30 days of the judge's decision."))]
    status = LIKELY
    if not f.no("bia_appeal_filed"):
        status = POSSIBLE
        reasons.append(because(N_("Check whether an appeal was already filed.")))
    if deadline is None:
        status = POSSIBLE
        reasons.append(find_date_reason())
    if f.missed_hearing:
        return stage_unknown(f, Outcome(UNLIKELY, reasons + [
            because(N_("You were ordered removed because you missed a hearing. Such an order is challenged with a motion to reopen, not an appeal.")),
        ], deadline, ("INA 240(b)(5)(C)",)))
    return stage_unknown(f, Outcome(status, reasons, deadline))


@rule("motion_to_reconsider", "INA 240(c)(6)", "8 CFR 1003.23(b)(1)", "8 CFR 1003.2(b)(2)", "8 CFR 1001.1(h)")
def motion_to_reconsider(f: Facts) -> Outcome:
    if f.final_order is False:
        return Outcome(NOT_AVAILABLE, [
            because(N_("A motion to reconsider needs a final order of a judge or the BIA; you have none.")),
        ])
    # With the stage unknown it is worked out as if the BIA had decided (the
    # stage it needs), so a pending appeal closes it only after a judge's decision.
    if f.stage == "immigration_judge" and f.yes("bia_appeal_filed"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("Your appeal to the BIA is pending, so the judge's order is not final yet; the BIA decides the appeal first.")),
        ], citations=("8 CFR 1003.39",))
    deadline = add_days_rolled(f.final_order_date, 30)
    reasons = [
        decided_by(f) if f.stage_known else stage_unknown_reason(),
        because(N_("It must point to a mistake of law or fact in the decision, and be filed within 30 days. Only one is allowed.")),
    ]
    status = POSSIBLE
    if f.stage == "circuit_court":
        status = UNLIKELY
        reasons.append(because(N_("This asks the BIA to look again at its own decision; the 30 days ran from the BIA decision, not from the court's.")))
    elif f.missed_hearing:
        status = UNLIKELY
        reasons.append(because(N_("An order for a missed hearing is usually challenged with a motion to reopen instead.")))
    if f.final_order is None:
        reasons.append(because(N_("It is not known whether a judge ordered you removed. Ask a lawyer; this is worked out as if one did.")))
    if deadline is None:
        reasons.append(because(N_("Find the date of the order: the deadline is counted from it.")))
    return stage_unknown(f, Outcome(status, reasons, deadline))


@rule("petition_for_review", "INA 242(b)(1)", "INA 242(b)(2)", "FRAP 26(a)(1)(C)")
def petition_for_review(f: Facts) -> Outcome:
    if f.stage_known and f.stage != "bia":
        if f.stage == "circuit_court":
            return Outcome(NOT_AVAILABLE, [because(N_("A court of appeals has already decided your case."))])
        return Outcome(NOT_AVAILABLE, [because(N_("A federal court reviews only a final decision of the BIA."))])
    deadline = add_days_rolled(f.decision_date, 30)
    reasons = [decided_by(f) if f.stage_known else because(N_("If the BIA made the decision, a federal court can review it, but only within 30 days.")),
               because(N_("The petition must reach the court of appeals within 30 days of the BIA decision. Treat this deadline as strict: filing a motion does not extend it."))]
    status = LIKELY
    # Riley v. Bondi: the 30 days are a claim-processing rule, not
    # jurisdictional; still the only safe plan is to file within them.
    cites: tuple[str, ...] = ("Riley v. Bondi, 606 U.S. ___ (2025)", "Stone v. INS, 514 U.S. 386 (1995)")
    if f.aggravated_felony:
        status = POSSIBLE
        reasons.append(because(N_("With a very serious crime (aggravated felony), the court can review only legal and constitutional questions.")))
        cites += ("INA 242(a)(2)(C)", "INA 242(a)(2)(D)")
    if deadline is None:
        status = POSSIBLE
        reasons.append(find_date_reason())
    reasons += unsettled(f, "criminal_history")
    return stage_unknown(f, Outcome(status, reasons, deadline, cites))


@rule("circuit_rehearing", "FRAP 40(d)(1)", "FRAP 26(a)(1)(C)")
def circuit_rehearing(f: Facts) -> Outcome:
    if f.stage_known and f.stage != "circuit_court":
        return Outcome(NOT_AVAILABLE, [because(N_("Rehearing is asked of a federal court of appeals after it decides; no such court has decided your case."))])
    deadline = add_days_rolled(f.decision_date, 45)
    reasons = [decided_by(f) if f.stage_known else because(N_("If a federal court of appeals made the decision, you can ask it to hear the case again.")),
               because(N_("A petition for rehearing asks the same court, or all its judges, to look again. When the United States is a party, it is due within 45 days of the court's judgment. It is rarely granted."))]
    if deadline is None:
        reasons.append(find_date_reason())
    return stage_unknown(f, Outcome(POSSIBLE, reasons, deadline))


@rule("supreme_court_certiorari", "28 U.S.C. 2101(c)", "Supreme Court Rule 13.1", "Supreme Court Rule 13.3",
      "Supreme Court Rule 30.1")
def supreme_court_certiorari(f: Facts) -> Outcome:
    if f.stage_known and f.stage != "circuit_court":
        return Outcome(NOT_AVAILABLE, [because(N_("The Supreme Court is asked only after a federal court of appeals decides; none has decided your case."))])
    deadline = add_days_rolled(f.decision_date, 90)
    reasons = [decided_by(f) if f.stage_known else because(N_("If a federal court of appeals made the decision, you can ask the Supreme Court to hear it.")),
               because(N_("A petition for a writ of certiorari must be filed within 90 days of the court of appeals' judgment. The Supreme Court takes very few cases.")),
               because(N_("If a petition for rehearing is filed in time, the 90 days start again from the day rehearing is denied."))]
    if deadline is None:
        reasons.append(find_date_reason())
    return stage_unknown(f, Outcome(POSSIBLE, reasons, deadline))


@rule("stay_of_removal", "8 CFR 241.6", "8 CFR 1003.6(a)", "INA 240(b)(5)(C)", "INA 242(b)(3)(B)")
def stay_of_removal(f: Facts) -> Outcome:
    how = [
        because(N_("A stay pauses removal while your other requests are decided. It gives no status by itself.")),
        because(N_("An appeal to the BIA filed in time pauses removal on its own, and so does a motion to reopen an order for a missed hearing for lack of notice or an emergency (exceptional circumstances).")),
        because(N_("A petition for review in a court of appeals does not pause removal: a stay must be asked for separately.")),
    ]
    if f.removal_order is False:
        return Outcome(NOT_AVAILABLE, [because(N_("You have no removal order now."))])
    reasons = []
    if f.removal_order:
        reasons.append(because(N_("You have a removal order, or a decision that leads to one.")))
        status = LIKELY
    else:
        reasons.append(because(N_("It is not known whether you have a removal order. If you do, a stay can pause removal.")))
        status = POSSIBLE
    if f.yes("detained"):
        reasons.append(because(N_("You are in detention, so removal can happen fast.")))
    return stage_unknown(f, Outcome(status, reasons + how))
