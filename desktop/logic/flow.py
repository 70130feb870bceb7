"""The wizard's navigation, with no Qt in it (after Electrum's wizard.py).

Views are named: "language", "unlock", "clients", one per question id,
"review" and "results". Each view's `next` is a name or a function of the
answers; question views share one function, which skips the questions whose
`ask_if` does not hold. The screens only ask this engine where to go, so the
whole flow can be walked by headless tests.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from .questions import catalog
from .records import record

Answers = Mapping[str, object]
Next = "str | Callable[[Answers, dt.date], str]"

START_VIEWS = ("language", "unlock", "clients")
END_VIEWS = ("review", "results")


@record
class Progress:
    section_index: int      # 0-based index of the view's section
    section_count: int
    answered: int           # applicable questions answered
    total: int              # applicable questions


class WizardFlow:
    def __init__(self):
        self.catalog = catalog()
        ids = self.catalog.ids
        self.navmap: dict[str, Next] = {
            "language": "unlock",
            "unlock": "clients",
            "clients": lambda a, t: self.first_question(a, t),
            "review": "results",
            "results": "results",
        }
        for qid in ids:
            self.navmap[qid] = self._question_next(qid)

    # -- navigation ----------------------------------------------------------
    def _question_next(self, qid: str) -> Callable[[Answers, dt.date], str]:
        def nxt(answers: Answers, today: dt.date) -> str:
            return self._after(qid, answers, today)
        return nxt

    def next_view(self, view: str, answers: Answers, today: dt.date) -> str:
        target = self.navmap[view]
        return target(answers, today) if callable(target) else target

    def previous_view(self, view: str, answers: Answers, today: dt.date) -> str:
        applicable = self.applicable_ids(answers, today)
        if view in ("review", "results"):
            return "review" if view == "results" else (applicable[-1] if applicable else "clients")
        if view in applicable:
            i = applicable.index(view)
            return applicable[i - 1] if i > 0 else "clients"
        return "clients"

    def first_question(self, answers: Answers, today: dt.date) -> str:
        applicable = self.applicable_ids(answers, today)
        return applicable[0] if applicable else "review"

    def _after(self, qid: str, answers: Answers, today: dt.date) -> str:
        ids = self.catalog.ids
        applicable = set(self.applicable_ids(answers, today))
        for later in ids[ids.index(qid) + 1:]:
            if later in applicable:
                return later
        return "review"

    def applicable_ids(self, answers: Answers, today: dt.date) -> list[str]:
        return [q.id for q in self.catalog.applicable(answers, today)]

    def resume_view(self, answers: Answers, today: dt.date) -> str:
        """Where a returning client continues: the first question that applies
        and has no answer yet, or the review when all are answered."""
        for qid in self.applicable_ids(answers, today):
            if qid not in answers:
                return qid
        return "review"

    # -- progress ------------------------------------------------------------
    def progress(self, view: str, answers: Answers, today: dt.date) -> Progress:
        sections = [s.id for s in self.catalog.sections]
        applicable = self.applicable_ids(answers, today)
        answered = sum(1 for q in applicable if q in answers)
        if view in self.catalog:
            index = sections.index(self.catalog[view].section)
        else:
            index = len(sections) - 1 if view in END_VIEWS else 0
        return Progress(index, len(sections), answered, len(applicable))
