"""Reasons for answers that could only reveal a bar or a limit.

Contract v2, "Unknown is never no": a missing or `not_sure` answer to such a
question never lowers a status; a reason names the question instead, so the
lawyer asks it first.
"""
from __future__ import annotations

from ..facts import Facts
from ..text import N_, Message

BAR_QUESTIONS = {
    "criminal_history": N_("Your criminal record is not known here. Some crimes can block this; a lawyer must see your record."),
    "harmed_others": N_("It is not known whether you took part in harming others. That can block this; tell a lawyer."),
    "prior_removal": N_("It is not known whether you were removed (deported) before. An earlier removal can block this; tell a lawyer."),
    "frivolous_finding": N_("It is not known whether a judge found your asylum application made up (frivolous). That can block this; ask a lawyer."),
    "missed_hearing": N_("It is not known whether you were ordered removed for missing a hearing. That can block this for 10 years; ask a lawyer."),
    "motion_filed_before": N_("It is not known whether a motion to reopen was filed before. Usually only one is allowed; ask a lawyer."),
    "entry_type": N_("It is not known how you last came in. That changes how a green card can be done; ask a lawyer."),
}


def unsettled(f: Facts, *questions: str) -> list[Message]:
    """One reason for each of these bar questions left unanswered."""
    return [Message(BAR_QUESTIONS[q]) for q in questions if f.unknown(q)]
