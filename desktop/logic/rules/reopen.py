"""The motion to reopen: every ground the answers support or leave open, each
with its own status and last day, then combined (contract v2, "Motion to
reopen").

One ground's closed door must never hide another's open one: a missed-hearing
order can still be reopened for worse country conditions, and a ground whose
trigger was not answered stays open (at most `possible`) so that a lawyer
asks about it.
"""
from __future__ import annotations

import datetime as dt

from ..dates import add_years
from ..deadlines import add_days_rolled, roll_forward
from ..facts import Facts
from ..records import record
from ..text import N_, Message, Term
from . import EXPIRED, LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, at_most, because, best, rule
from .review import stage_unknown
from .unknowns import unsettled

GROUND_NAMES = {
    "new_facts": N_("New facts or new proof"),
    "worse_conditions": N_("Worse conditions in your country"),
    "no_notice": N_("Missed hearing: no notice, or held by the government"),
    "exceptional": N_("Missed hearing: a serious emergency (exceptional circumstances)"),
    "vawa": N_("Abuse by a citizen or resident spouse or parent (VAWA)"),
    "remand": N_("Appeal pending: new proof goes to the BIA (motion to remand)"),
    "lawyer": N_("A former lawyer's mistakes"),
}


@record
class Ground:
    id: str
    status: str
    deadline: dt.date | None
    reasons: tuple[Message, ...]
    citations: tuple[str, ...] = ()


def _limited(f: Facts, status: str) -> str:
    """Grounds under the one-motion limit (INA 240(c)(7)(A))."""
    return at_most(status, UNLIKELY) if f.yes("motion_filed_before") else status


def _trigger(f: Facts, question: str) -> str | None:
    """LIKELY when the trigger was answered yes, POSSIBLE when unanswered,
    None when the person said no (the ground is left out)."""
    if f.yes(question):
        return LIKELY
    return POSSIBLE if f.unknown(question) else None


def grounds(f: Facts) -> list[Ground]:
    out: list[Ground] = []
    final = f.final_order_date
    ninety = add_days_rolled(final, 90)
    no_fear = f.no("fears_harm_on_return") and f.no("fears_torture_by_official")

    # New facts: new proof, or worse conditions with no fear to found the
    # no-deadline ground on (INA 240(c)(7)(B)-(C)(i)).
    new = _trigger(f, "new_evidence")
    if f.yes("country_conditions_worse") and no_fear:
        new = LIKELY
    elif not new and f.unknown("country_conditions_worse") and no_fear:
        new = POSSIBLE
    if new:
        why = (because(N_("You have important new proof that was not available before.")) if f.yes("new_evidence")
               else because(N_("You said conditions in your country became worse.")) if new == LIKELY
               else because(N_("It is not known whether you have important new proof, or whether conditions in your country became worse; ask a lawyer.")))
        out.append(Ground("new_facts", _limited(f, new), ninety, (why,), ("INA 240(c)(7)(B)", "INA 240(c)(7)(C)(i)")))

    # Worse country conditions: no deadline, no number limit.
    worse = _trigger(f, "country_conditions_worse")
    if worse and not no_fear:
        fear = f.yes("fears_harm_on_return") or f.yes("fears_torture_by_official")
        status = worse if fear else POSSIBLE
        why = (because(N_("You said conditions in your country became worse and you fear harm there.")) if status == LIKELY
               else because(N_("Whether conditions in your country became worse, and whether you fear harm there, is not fully known; ask a lawyer.")))
        out.append(Ground("worse_conditions", status, None, (
            why,
            because(N_("A motion based on worse country conditions, with new proof of them, has no deadline and is allowed even after an earlier motion.")),
        ), ("INA 240(c)(7)(C)(ii)", "8 CFR 1003.2(c)(3)(ii)", "8 CFR 1003.23(b)(4)(i)")))

    # An order for a missed hearing (in absentia), by the reason it was missed.
    missed = _trigger(f, "missed_hearing")
    if missed:
        reason = str(f.value("missed_hearing_reason")) if f.missed_hearing else "not_sure"
        intro = (because(N_("You were ordered removed because you missed a hearing (in absentia).")) if f.missed_hearing
                 else because(N_("It is not known whether you were ordered removed for missing a hearing; if you were, these grounds apply.")))
        if reason in ("no_notice", "in_custody", "not_sure"):
            status = LIKELY if reason != "not_sure" and missed == LIKELY else POSSIBLE
            why = {"no_notice": N_("You said you never got notice of the hearing."),
                   "in_custody": N_("You said you were held by the government at the time."),
                   "not_sure": N_("If you never got notice, or were held by the government, the motion has no deadline.")}[reason]
            out.append(Ground("no_notice", _limited(f, status), None, (
                intro, because(why),
                because(N_("For this reason the motion can be filed at any time, and removal is paused while it is decided.")),
                because(N_("But a notice mailed to the address you gave the court counts as received. Keep your address current with the court (Form EOIR-33).")),
            ), ("INA 240(b)(5)(C)(ii)", "INA 240(b)(5)(A)", "INA 240(b)(5)(B)")))
        if reason in ("exceptional_circumstances", "other", "not_sure"):
            status = LIKELY if reason == "exceptional_circumstances" and missed == LIKELY else POSSIBLE
            deadline = add_days_rolled(f.removal_order_date, 180)
            reasons = [intro, because(N_("For a serious emergency (exceptional circumstances), the motion must be filed within 180 days of the order."))]
            if reason != "exceptional_circumstances":
                reasons.append(because(N_("The law accepts only some reasons for missing a hearing; a lawyer must look at yours.")))
            if deadline is None:
                reasons.append(because(N_("Find the date of the removal order: the 180 days are counted from it.")))
            out.append(Ground("exceptional", _limited(f, status), deadline, tuple(reasons),
                              ("INA 240(b)(5)(C)(i)", "INA 240(e)(1)", "8 CFR 1003.23(b)(4)(ii)")))

    # VAWA: one year, outside the one-motion limit; the year may be waived.
    abuse = _trigger(f, "abused_by_citizen_relative")
    if abuse:
        deadline = roll_forward(add_years(final, 1)) if final else None
        why = (because(N_("You were abused by a citizen or permanent resident spouse or parent.")) if abuse == LIKELY
               else because(N_("It is not known whether a citizen or resident spouse or parent abused you; ask a lawyer.")))
        out.append(Ground("vawa", POSSIBLE, deadline, (
            why,
            because(N_("A motion based on this abuse (VAWA) is due within one year of the final order, and is allowed even after another motion.")),
        ), ("INA 240(c)(7)(C)(iv)",)))

    # A pending appeal: new proof goes to the BIA as a motion to remand.
    if f.stage in ("immigration_judge", "not_sure"):
        pending = _trigger(f, "bia_appeal_filed")
        proof = _trigger(f, "new_evidence") or _trigger(f, "country_conditions_worse")
        if pending and proof:
            out.append(Ground("remand", POSSIBLE, None, (
                because(N_("While an appeal is pending at the BIA, new proof or worse conditions are sent to the BIA with a request to send the case back to the judge (motion to remand). There is no separate deadline while the appeal is open.")),
            ), ("8 CFR 1003.2(c)(4)",)))

    # A former lawyer's mistakes: 90 days, which may be tolled.
    lawyer = _trigger(f, "lawyer_mistake")
    if lawyer:
        why = (because(N_("A past lawyer made serious mistakes. The motion must follow strict steps, such as telling the old lawyer and reporting the mistakes.")) if lawyer == LIKELY
               else because(N_("It is not known whether a past lawyer made serious mistakes; ask a lawyer.")))
        out.append(Ground("lawyer", _limited(f, lawyer), ninety, (why,), (
            "Matter of Lozada, 19 I&N Dec. 637 (BIA 1988)", "Mata v. Lynch, 576 U.S. 143 (2015)")))
    # A deadline counted from a date nobody knows is not computed, and the
    # ground is then at most possible until the date is found.
    return [g._replace(status=at_most(g.status, POSSIBLE)) if g.id in COUNTED and g.deadline is None else g
            for g in out]


COUNTED = frozenset({"new_facts", "exceptional", "vawa", "lawyer"})


# Grounds that stay open after their last day, and how far they fall.
_STAY_OPEN = {"lawyer": POSSIBLE, "vawa": UNLIKELY}


def _after_deadline(g: Ground, today: dt.date) -> tuple[bool, str]:
    """(open, status) of a ground on `today`."""
    if g.deadline is None or g.deadline >= today:
        return True, g.status
    if g.id in _STAY_OPEN:
        return True, at_most(g.status, _STAY_OPEN[g.id])
    return False, EXPIRED


def _ground_line(g: Ground, open_: bool, today: dt.date) -> Message:
    name = Term(GROUND_NAMES[g.id])
    if g.deadline is None:
        return because(N_("{ground}: no deadline."), ground=name)
    if g.deadline >= today:
        return because(N_("{ground}: last day {date}."), ground=name, date=g.deadline)
    if g.id == "lawyer" and open_:
        return because(N_("{ground}: the 90 days passed on {date}, but the time may be extended (tolled) for a person who acted with diligence."),
                       ground=name, date=g.deadline)
    if g.id == "vawa" and open_:
        return because(N_("{ground}: the year passed on {date}, but it can be waived for extraordinary circumstances or extreme hardship to a child."),
                       ground=name, date=g.deadline)
    return because(N_("{ground}: passed on {date}."), ground=name, date=g.deadline)


@rule("motion_to_reopen", "INA 240(c)(7)", "8 CFR 1003.23(b)", "8 CFR 1003.2(c)", "8 CFR 1001.1(h)")
def motion_to_reopen(f: Facts) -> Outcome:
    if f.final_order is False:
        return Outcome(NOT_AVAILABLE, [
            because(N_("A motion to reopen needs a final order of a judge or the BIA; you have none.")),
        ])
    found = grounds(f)
    if not found:
        return Outcome(NOT_AVAILABLE, [
            because(N_("You did not name new proof, worse conditions, a missed hearing, abuse, or a lawyer's mistakes; these are the reasons a case can be opened again.")),
        ])
    today = f.today
    judged = [(g, *_after_deadline(g, today)) for g in found]
    reasons: list[Message] = []
    if f.stage == "circuit_court":
        reasons.append(because(N_("The 90 days for a motion to reopen ran from the BIA decision, not from the court's decision.")))
    if f.final_order is None:
        reasons.append(because(N_("It is not known whether a judge ordered you removed. Ask a lawyer; this is worked out as if one did.")))
    if f.final_order_date is None:
        reasons.append(because(N_("Find the date of the final order: the 90 days are counted from it.")))
    for g, open_, _status in judged:
        reasons.append(_ground_line(g, open_, today))
    for g, _open, _status in judged:
        reasons.extend(r for r in g.reasons if r not in reasons)
    if f.yes("motion_filed_before"):
        reasons.append(because(N_("A motion to reopen was already filed, and usually only one is allowed. Worse country conditions, some missed hearings, and abuse (VAWA) are exceptions.")))
    reasons += unsettled(f, "motion_filed_before")
    citations = tuple(c for g in found for c in g.citations)

    open_grounds = [(g, status) for g, open_, status in judged if open_]
    if open_grounds:
        status = best(*(s for _g, s in open_grounds))
        coming = [g.deadline for g, _s in open_grounds if g.deadline is not None and g.deadline >= today]
        deadline = min(coming) if coming else None
    else:
        status = EXPIRED
        deadline = max(g.deadline for g in found)
    if f.final_order is None:
        status = status if status == EXPIRED else at_most(status, POSSIBLE)
    outcome = Outcome(status, reasons, deadline, citations)
    return outcome if status == EXPIRED else stage_unknown(f, outcome)
