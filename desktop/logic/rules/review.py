"""Asking again: asylum before a judge, appeal, motions, court review, stays."""
from __future__ import annotations

from ..deadlines import days_after
from ..facts import Facts
from ..text import N_
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, because, rule

STAGE_NAMES = {
    "asylum_office": N_("the asylum office"),
    "immigration_judge": N_("an immigration judge"),
    "bia": N_("the Board of Immigration Appeals (BIA)"),
    "circuit_court": N_("a federal court of appeals"),
}


def _decided_by(f: Facts):
    """A reason naming who decided, and when if known."""
    from ..text import Term

    who = Term(STAGE_NAMES[f.stage])
    if f.decision_date:
        return because(N_("Your case was denied by {who} on {date}."), who=who, date=f.decision_date)
    return because(N_("Your case was denied by {who}. The date of the decision is not known yet."), who=who)


def _no_date_reason():
    return because(N_("Find the date of the decision: the deadline is counted from it."))


@rule("renew_asylum_in_court", "INA 208(a)", "8 CFR 208.14(c)(1)", "8 CFR 1240.11(c)")
def renew_asylum_in_court(f: Facts) -> Outcome:
    if f.stage in ("immigration_judge", "bia", "circuit_court"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A judge has already decided your asylum case; this step is behind you.")),
        ])
    if f.stage == "asylum_office":
        if f.yes("valid_immigration_status"):
            return Outcome(NOT_AVAILABLE, [
                because(N_("You have a valid immigration status, so the asylum office denies the case and does not send it to a judge.")),
                because(N_("Ask a lawyer whether you can apply again.")),
            ], citations=("8 CFR 208.14(c)(2)",))
        reasons = [_decided_by(f),
                   because(N_("Without a valid status, the asylum office sends the case to an immigration judge, who hears asylum again."))]
        status = LIKELY if f.no("valid_immigration_status") else POSSIBLE
        if status == POSSIBLE:
            reasons.append(because(N_("You were not sure whether you have a valid status.")))
        if f.aggravated_felony:
            return Outcome(UNLIKELY, reasons + [
                because(N_("A very serious crime (aggravated felony) blocks asylum, but not every protection."))],
                citations=("INA 208(b)(2)(A)(ii)", "INA 208(b)(2)(B)(i)"))
        return Outcome(status, reasons)
    # Who decided is not known: the person may be at either stage.
    return Outcome(POSSIBLE, [
        because(N_("It is not clear who denied your case. If it was the asylum office, a judge may hear asylum again.")),
    ])


@rule("bia_appeal", "8 CFR 1003.38(b)", "8 CFR 1003.3(a)(1)", "8 CFR 1001.1(h)")
def bia_appeal(f: Facts) -> Outcome:
    if f.stage not in ("immigration_judge", "not_sure"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("An appeal to the BIA is only against a decision of an immigration judge.")),
        ])
    if f.stage == "not_sure" and not f.may_be_in_proceedings:
        return Outcome(NOT_AVAILABLE, [because(N_("You have no case in immigration court."))])
    if f.yes("bia_appeal_filed"):
        return Outcome(NOT_AVAILABLE, [because(N_("An appeal to the BIA was already filed."))])
    deadline = days_after(f.decision_date, 30) if f.decision_date else None
    reasons = [because(N_("The appeal must reach the BIA within 30 days of the judge's decision."))]
    if f.missed_hearing:
        return Outcome(UNLIKELY, [
            because(N_("You were ordered removed because you missed a hearing. Such an order is challenged with a motion to reopen, not an appeal.")),
        ], deadline, ("INA 240(b)(5)(C)",))
    if f.stage == "immigration_judge":
        reasons.insert(0, _decided_by(f))
        status = LIKELY if f.no("bia_appeal_filed") else POSSIBLE
        if status == POSSIBLE:
            reasons.append(because(N_("Check whether an appeal was already filed.")))
    else:
        status = POSSIBLE
        reasons.insert(0, because(N_("If an immigration judge made the decision, you can appeal it.")))
    if deadline is None:
        reasons.append(_no_date_reason())
    return Outcome(status, reasons, deadline)


@rule("motion_to_reconsider", "INA 240(c)(6)", "8 CFR 1003.23(b)(1)", "8 CFR 1003.2(b)(2)", "8 CFR 1001.1(h)")
def motion_to_reconsider(f: Facts) -> Outcome:
    if f.stage not in ("immigration_judge", "bia", "not_sure"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A motion to reconsider is filed with the judge or the BIA that made the decision, within 30 days.")),
        ])
    if f.stage == "not_sure" and not f.may_be_in_proceedings:
        return Outcome(NOT_AVAILABLE, [because(N_("You have no case in immigration court."))])
    deadline = days_after(f.decision_date, 30) if f.decision_date else None
    reasons = [
        _decided_by(f) if f.stage != "not_sure" else because(N_("If a judge or the BIA made the decision, you can ask them to look again.")),
        because(N_("It must point to a mistake of law or fact in the decision, and be filed within 30 days. Only one is allowed.")),
    ]
    if deadline is None:
        reasons.append(_no_date_reason())
    return Outcome(POSSIBLE, reasons, deadline)


@rule("motion_to_reopen", "INA 240(c)(7)", "8 CFR 1003.23(b)", "8 CFR 1003.2(c)", "8 CFR 1001.1(h)")
def motion_to_reopen(f: Facts) -> Outcome:
    if f.missed_hearing:
        return _reopen_in_absentia(f)
    # After a court of appeals, the BIA's order is still the one to reopen.
    has_order = f.has_final_order or f.stage == "circuit_court"
    if not has_order and not (f.stage == "not_sure" and f.may_be_in_proceedings):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A motion to reopen needs a final order of a judge or the BIA.")),
        ])
    if f.stage == "circuit_court":
        # The motion goes to the BIA, and its 90 days ran from the BIA's order.
        ninety_day = None
    else:
        ninety_day = days_after(f.decision_date, 90) if f.decision_date else None

    if f.yes("country_conditions_worse") and f.yes("fears_harm_on_return"):
        return Outcome(LIKELY, [
            because(N_("You said conditions in your country became worse and you fear harm there.")),
            because(N_("A motion based on worse country conditions, with new proof of them, has no deadline and is allowed even after an earlier motion.")),
        ], None, ("INA 240(c)(7)(C)(ii)", "8 CFR 1003.2(c)(3)(ii)", "8 CFR 1003.23(b)(4)(i)"))

    grounds = []
    if f.yes("new_evidence"):
        grounds.append(because(N_("You have important new proof that was not available before.")))
    if f.yes("country_conditions_worse"):
        grounds.append(because(N_("You said conditions in your country became worse.")))
    if f.yes("lawyer_mistake"):
        grounds.append(because(N_("A past lawyer made serious mistakes. The motion must follow strict steps, such as telling the old lawyer and reporting the mistakes.")))
    extra = ("Matter of Lozada, 19 I&N Dec. 637 (BIA 1988)",) if f.yes("lawyer_mistake") else ()
    reasons = grounds + [because(N_("A motion to reopen must usually be filed within 90 days of the final order. Only one is allowed."))]
    if ninety_day is None and f.stage != "circuit_court":
        reasons.append(_no_date_reason())
    if f.yes("motion_filed_before"):
        return Outcome(UNLIKELY, reasons + [
            because(N_("A motion to reopen was already filed, and usually only one is allowed."))],
            ninety_day, extra)
    if grounds:
        status = LIKELY if f.stage != "circuit_court" else POSSIBLE
        return Outcome(status, reasons, ninety_day, extra)
    if any(f.unknown(q) for q in ("new_evidence", "country_conditions_worse", "lawyer_mistake")):
        return Outcome(POSSIBLE, reasons + [
            because(N_("You were not sure about new proof, worse conditions, or a lawyer's mistakes; a lawyer can check."))],
            ninety_day, extra)
    return Outcome(UNLIKELY, reasons + [
        because(N_("You did not name new proof, worse conditions, or a lawyer's mistakes."))], ninety_day, extra)


def _reopen_in_absentia(f: Facts) -> Outcome:
    reason = str(f.value("missed_hearing_reason"))
    base = [because(N_("You were ordered removed because you missed a hearing (in absentia)."))]
    cites = ("INA 240(b)(5)(C)", "8 CFR 1003.23(b)(4)(ii)")
    if reason in ("no_notice", "in_custody"):
        why = (N_("You said you never got notice of the hearing.") if reason == "no_notice"
               else N_("You said you were held by the government at the time."))
        return Outcome(LIKELY, base + [
            because(why),
            because(N_("For this reason the motion can be filed at any time, and removal is paused while it is decided.")),
        ], None, cites)
    deadline = days_after(f.decision_date, 180) if f.decision_date else None
    reasons = base + [because(N_("For a serious emergency (exceptional circumstances), the motion must be filed within 180 days of the order."))]
    if deadline is None:
        reasons.append(_no_date_reason())
    if reason == "exceptional_circumstances":
        return Outcome(LIKELY, reasons, deadline, cites + ("INA 240(e)(1)",))
    reasons.append(because(N_("The law accepts only some reasons for missing a hearing; a lawyer must look at yours.")))
    return Outcome(POSSIBLE, reasons, deadline, cites + ("INA 240(e)(1)",))


@rule("petition_for_review", "INA 242(b)(1)", "INA 242(b)(2)", "FRAP 26(a)(1)(C)")
def petition_for_review(f: Facts) -> Outcome:
    if f.stage == "bia":
        deadline = days_after(f.decision_date, 30) if f.decision_date else None
        reasons = [_decided_by(f), because(N_("The petition must reach the court of appeals within 30 days of the BIA decision. This deadline is never extended, even if you file a motion."))]
        if deadline is None:
            reasons.append(_no_date_reason())
        return Outcome(LIKELY, reasons, deadline, ("Stone v. INS, 514 U.S. 386 (1995)",))
    if f.stage == "not_sure" and f.may_be_in_proceedings:
        deadline = days_after(f.decision_date, 30) if f.decision_date else None
        return Outcome(POSSIBLE, [
            because(N_("If the BIA made the decision, a federal court can review it, but only within 30 days.")),
        ], deadline)
    if f.stage == "circuit_court":
        return Outcome(NOT_AVAILABLE, [because(N_("A court of appeals has already decided your case."))])
    return Outcome(NOT_AVAILABLE, [
        because(N_("A federal court reviews only a final decision of the BIA."))])


@rule("stay_of_removal", "8 CFR 241.6", "8 CFR 1003.6", "INA 242(b)(3)(B)")
def stay_of_removal(f: Facts) -> Outcome:
    reasons = []
    if f.has_removal_order:
        reasons.append(because(N_("You have a removal order, or a decision that leads to one.")))
    if f.yes("detained"):
        reasons.append(because(N_("You are in detention, so removal can happen fast.")))
    if reasons:
        reasons.append(because(N_("A stay pauses removal while your other requests are decided. An appeal to the BIA pauses it on its own.")))
        return Outcome(LIKELY, reasons)
    if f.may_have_removal_order:
        return Outcome(POSSIBLE, [
            because(N_("If you have a removal order, a stay can pause removal.")),
        ])
    return Outcome(NOT_AVAILABLE, [because(N_("You have no removal order now."))])
