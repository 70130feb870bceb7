"""What the answers say, as named facts.

The question catalog's `ask_if` names predicates from `PREDICATES`; the rules
read the same `Facts`. One definition of "has a removal order" serves the
branching and every rule that depends on it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cached_property

from .dates import add_years, age_on, parse_iso

COURT_STAGES = frozenset({"immigration_judge", "bia", "circuit_court"})
PROTECTED_GROUNDS = frozenset(
    {"race", "religion", "nationality", "political_opinion", "social_group"}
)


class Facts:
    """Read-only view of one client's contract answers on a given day.

    A missing answer means "not sure" (contract v2).
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

    # -- derived facts (contract v2, "Stage, final order, removal order") -----
    @property
    def stage(self) -> str:
        return str(self.answers.get("decision_stage", "not_sure"))

    @property
    def stage_known(self) -> bool:
        return self.stage != "not_sure"

    @property
    def decision_date(self) -> dt.date | None:
        return self.date("decision_date")

    @property
    def court_decided(self) -> bool:
        """A judge, the BIA or a court of appeals decided: a court case exists."""
        return self.stage in COURT_STAGES

    @property
    def in_proceedings(self) -> bool:
        return self.court_decided or self.yes("in_removal_proceedings")

    @property
    def may_be_in_proceedings(self) -> bool:
        return self.court_decided or not self.no("in_removal_proceedings")

    @property
    def missed_hearing(self) -> bool:
        """Ordered removed in absentia, as the person said."""
        return self.yes("missed_hearing")

    @property
    def removal_order(self) -> bool | None:
        """Whether a removal order exists; None when the answers leave it open."""
        if (self.court_decided or self.missed_hearing or self.date("removal_order_date")
                or self.yes("prior_removal")):
            return True
        if not self.stage_known:
            return None
        return None if self._asylum_office_order_open else False

    @property
    def has_removal_order(self) -> bool:
        return self.removal_order is True

    @property
    def may_have_removal_order(self) -> bool:
        return self.removal_order is not False

    @property
    def final_order(self) -> bool | None:
        """An order of a judge or the BIA that a motion can attack; None when unknown."""
        if self.stage in COURT_STAGES:
            return True
        if self.stage == "asylum_office":
            if self.missed_hearing or self.date("removal_order_date"):
                return True
            return None if self._asylum_office_order_open else False
        return None

    @property
    def _asylum_office_order_open(self) -> bool:
        """After an asylum-office denial, whether a judge may since have
        ordered removal: a case in court is not ruled out and the missed
        hearing was not answered."""
        return (self.stage == "asylum_office" and self.unknown("missed_hearing")
                and not self.no("in_removal_proceedings"))

    @property
    def has_final_order(self) -> bool:
        return self.final_order is True

    @property
    def final_order_date(self) -> dt.date | None:
        """The date motions count from: the BIA's order after a court of appeals,
        the judge's removal order after an asylum-office referral, and the
        decision date otherwise (the earlier, safe date while the 30 days to
        appeal a judge's decision still run)."""
        if self.stage == "circuit_court":
            return self.date("bia_decision_date")
        if self.stage == "asylum_office":
            return self.date("removal_order_date")
        return self.decision_date

    @property
    def removal_order_date(self) -> dt.date | None:
        """The in absentia order's date, for the 180-day motion."""
        given = self.date("removal_order_date")
        if given:
            return given
        return self.decision_date if self.stage in ("immigration_judge", "not_sure") else None

    @cached_property
    def age(self) -> int | None:
        birth = self.date("date_of_birth")
        return age_on(birth, self.today) if birth else None

    @property
    def under_21(self) -> bool | None:
        return None if self.age is None else self.age < 21

    @property
    def married(self) -> bool | None:
        spouse = self.answers.get("spouse_status")
        return None if spouse is None else spouse != "none"

    @property
    def arrived_within_two_years(self) -> bool | None:
        """Whether today is before the second anniversary of the last arrival,
        the reach of expedited removal (INA 235(b)(1)(A)(iii)); None when the
        arrival is unknown. 29 February gives 1 March: the later, safer end."""
        arrival = self.date("last_arrival_date")
        return None if arrival is None else self.today < add_years(arrival, 2, leap_day="march")

    @property
    def under_18_at_arrival(self) -> bool | None:
        birth, arrival = self.date("date_of_birth"), self.date("last_arrival_date")
        if not birth or not arrival:
            return None
        return age_on(birth, arrival) < 18

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


Predicate = Callable[[Facts], bool]

# The names the question catalog may use in `ask_if`.
PREDICATES: dict[str, Predicate] = {
    "proceedings_not_implied": lambda f: not f.court_decided,
    "may_be_in_proceedings": lambda f: f.may_be_in_proceedings,
    "missed_a_hearing": lambda f: f.may_be_in_proceedings and f.missed_hearing,
    "may_have_missed_hearing": lambda f: f.may_be_in_proceedings and not f.no("missed_hearing"),
    "may_be_asylum_office": lambda f: f.stage in ("asylum_office", "not_sure"),
    "may_be_judge_decision": lambda f: f.stage in ("immigration_judge", "not_sure"),
    "court_of_appeals_decided": lambda f: f.stage == "circuit_court",
    "may_have_removal_order": lambda f: f.may_have_removal_order,
    "may_fear_harm": lambda f: not f.no("fears_harm_on_return"),
    "may_have_family_with_status": lambda f: not (
        f.is_("spouse_status", "none", "other") and f.is_("parent_status", "none")
        and "children_status" in f.answers and not f.items("children_status")),
    "crime_victim": lambda f: not f.no("crime_victim_in_us"),
    "may_be_under_21": lambda f: f.under_21 is not False,
    "voluntary_departure_granted": lambda f: f.yes("voluntary_departure_granted"),
    "may_have_arrived_under_18": lambda f: f.under_18_at_arrival is not False,
}
