"""What the answers say, as named facts.

The question catalog's `ask_if` names predicates from `PREDICATES`; the rules
read the same `Facts`. One definition of "has a removal order" serves the
branching and every rule that depends on it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cached_property

from .dates import age_on, parse_iso

COURT_STAGES = frozenset({"immigration_judge", "bia", "circuit_court"})
PROTECTED_GROUNDS = frozenset(
    {"race", "religion", "nationality", "political_opinion", "social_group"}
)
CITIZEN_OR_RESIDENT = frozenset({"us_citizen", "permanent_resident"})


class Facts:
    """Read-only view of one client's contract answers on a given day.

    A missing answer means "not sure" (contract v1).
    """

    def __init__(self, answers: Mapping[str, object], today: dt.date):
        self.answers = dict(answers)
        self.today = today

    # -- raw access ----------------------------------------------------------
    def value(self, qid: str, default: object = "not_sure") -> object:
        return self.answers.get(qid, default)

    def is_(self, qid: str, *values: str) -> bool:
        return self.answers.get(qid, "not_sure") in values

    def yes(self, qid: str) -> bool:
        return self.answers.get(qid) == "yes"

    def no(self, qid: str) -> bool:
        return self.answers.get(qid) == "no"

    def unknown(self, qid: str) -> bool:
        return self.answers.get(qid, "not_sure") == "not_sure"

    def date(self, qid: str) -> dt.date | None:
        return parse_iso(self.answers.get(qid))

    def items(self, qid: str) -> frozenset[str]:
        value = self.answers.get(qid)
        return frozenset(value) if isinstance(value, list) else frozenset()

    # -- derived facts -------------------------------------------------------
    @property
    def stage(self) -> str:
        return str(self.answers.get("decision_stage", "not_sure"))

    @property
    def decision_date(self) -> dt.date | None:
        return self.date("decision_date")

    @property
    def proceedings_implied(self) -> bool:
        """A judge, the BIA or a court of appeals decided: a court case exists."""
        return self.stage in COURT_STAGES

    @property
    def in_proceedings(self) -> bool:
        return self.proceedings_implied or self.yes("in_removal_proceedings")

    @property
    def may_be_in_proceedings(self) -> bool:
        return self.proceedings_implied or not self.no("in_removal_proceedings")

    @property
    def missed_hearing(self) -> bool:
        return self.may_be_in_proceedings and self.yes("missed_hearing")

    @property
    def has_removal_order(self) -> bool:
        return self.proceedings_implied or self.missed_hearing

    @property
    def may_have_removal_order(self) -> bool:
        if self.has_removal_order:
            return True
        if self.stage == "not_sure" and self.may_be_in_proceedings:
            return True
        return self.may_be_in_proceedings and self.unknown("missed_hearing")

    @property
    def has_final_order(self) -> bool:
        """An order of a judge or the BIA that a motion can attack."""
        return self.stage in ("immigration_judge", "bia") or self.missed_hearing

    @cached_property
    def age(self) -> int | None:
        birth = self.date("date_of_birth")
        return age_on(birth, self.today) if birth else None

    @property
    def under_21(self) -> bool | None:
        return None if self.age is None else self.age < 21

    @property
    def fears_protected_ground(self) -> bool:
        return bool(self.items("harm_reasons") & PROTECTED_GROUNDS)

    @property
    def aggravated_felony(self) -> bool:
        return self.is_("criminal_history", "aggravated_felony")

    @property
    def felony_or_worse(self) -> bool:
        return self.is_("criminal_history", "felony", "aggravated_felony")

    @property
    def crime_bars(self) -> bool:
        return self.felony_or_worse or self.yes("harmed_others")

    @property
    def citizen_or_resident_relatives(self) -> list[str]:
        """Which relatives have US status, named by answer: spouse, parent, child."""
        found = []
        if self.is_("spouse_status", *CITIZEN_OR_RESIDENT):
            found.append("spouse")
        if self.is_("parent_status", *CITIZEN_OR_RESIDENT):
            found.append("parent")
        if self.items("children_status"):
            found.append("child")
        return found


Predicate = Callable[[Facts], bool]

# The names the question catalog may use in `ask_if`.
PREDICATES: dict[str, Predicate] = {
    "proceedings_not_implied": lambda f: not f.proceedings_implied,
    "may_be_in_proceedings": lambda f: f.may_be_in_proceedings,
    "missed_a_hearing": lambda f: f.missed_hearing,
    "may_be_asylum_office": lambda f: f.stage in ("asylum_office", "not_sure"),
    "may_be_judge_decision": lambda f: f.stage in ("immigration_judge", "not_sure"),
    "may_have_removal_order": lambda f: f.may_have_removal_order,
    "may_fear_harm": lambda f: not f.no("fears_harm_on_return"),
    "has_citizen_or_resident_family": lambda f: bool(f.citizen_or_resident_relatives),
    "crime_victim": lambda f: not f.no("crime_victim_in_us"),
    "may_be_under_21": lambda f: f.under_21 is not False,
}
