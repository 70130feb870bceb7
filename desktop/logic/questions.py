"""The question catalog, loaded from data/questions.toml.

Types map to contract v2 values:
  choice   one option id            yes_no  yes | no | not_sure
  date     YYYY-MM-DD               country ISO 3166-1 alpha-2 code
  multi    list of option ids, each once
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

from .datafiles import load_toml
from .facts import PREDICATES, Facts
from .records import record
from .text import N_

NOT_SURE = "not_sure"

YES_NO_OPTIONS = (
    ("yes", N_("Yes")),
    ("no", N_("No")),
    (NOT_SURE, N_("I'm not sure")),
)
NOT_SURE_LABEL = N_("I'm not sure")


@record
class Option:
    id: str
    label: str


@record
class Section:
    id: str
    title: str


@record
class Question:
    id: str
    section: str
    type: str
    prompt: str
    help: str
    options: tuple[Option, ...] = ()
    ask_if: tuple[str, ...] = ()
    # A date that may lie ahead (the judge's leave-by date), not a past event.
    future: bool = False

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @property
    def has_own_not_sure(self) -> bool:
        """Whether `not_sure` is a contract value of this question."""
        return NOT_SURE in self.option_ids

    def applies(self, facts: Facts) -> bool:
        return all(PREDICATES[name](facts) for name in self.ask_if)


class Catalog:
    def __init__(self, sections: tuple[Section, ...], questions: tuple[Question, ...]):
        self.sections = sections
        self.questions = questions
        self._by_id = {q.id: q for q in questions}

    def __getitem__(self, qid: str) -> Question:
        return self._by_id[qid]

    def __contains__(self, qid: object) -> bool:
        return qid in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    def section_of(self, qid: str) -> Section:
        sid = self[qid].section
        return next(s for s in self.sections if s.id == sid)

    def applicable(self, answers: Mapping[str, object], today: dt.date) -> list[Question]:
        facts = Facts(to_contract(answers), today)
        return [q for q in self.questions if q.applies(facts)]


def _load() -> Catalog:
    raw = load_toml("questions.toml")
    sections = tuple(Section(s["id"], s["title"]) for s in raw["sections"])
    questions = []
    for q in raw["questions"]:
        if q["type"] == "yes_no":
            options = tuple(Option(i, label) for i, label in YES_NO_OPTIONS)
        else:
            options = tuple(Option(o["id"], o["label"]) for o in q.get("options", ()))
        unknown = set(q.get("ask_if", ())) - PREDICATES.keys()
        if unknown:
            raise ValueError(f"question {q['id']}: unknown predicates {sorted(unknown)}")
        questions.append(
            Question(
                id=q["id"], section=q["section"], type=q["type"], prompt=q["prompt"],
                help=q["help"], options=options, ask_if=tuple(q.get("ask_if", ())),
                future=bool(q.get("future", False)),
            )
        )
    return Catalog(sections, tuple(questions))


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return _load()


def to_contract(answers: Mapping[str, object]) -> dict[str, object]:
    """Stored answers as contract v1 values.

    The wizard lets a person say "I'm not sure" to a date, a country or a
    list without its own not_sure option; the contract calls that "not
    answered", so those answers are left out.
    """
    cat = catalog()
    out = {}
    for qid, value in answers.items():
        if value == NOT_SURE and qid in cat and not _takes_not_sure(cat[qid]):
            continue
        out[qid] = value
    return out


def _takes_not_sure(q: Question) -> bool:
    return q.type == "yes_no" or (q.type == "choice" and q.has_own_not_sure)


def effective_answers(answers: Mapping[str, object], today: dt.date) -> dict[str, object]:
    """The contract answers to the questions that apply; a stale answer to a
    question that no longer applies (its branch was closed later) is dropped."""
    cat = catalog()
    kept = to_contract(answers)
    # Dropping one stale answer can close another branch: repeat until stable.
    while True:
        facts = Facts(kept, today)
        narrower = {q: v for q, v in kept.items() if q in cat and cat[q].applies(facts)}
        if narrower == kept:
            return kept
        kept = narrower
