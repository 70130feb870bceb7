"""One evaluation: every option of contract v1 with status, deadline, reasons
and citations, plus the warnings. Qt-free and reportlab-free."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .deadlines import days_left as _days_left
from .facts import Facts
from .legal_data import active
from .options import option_ids
from .questions import effective_answers
from .records import record
from .rules import EXPIRED, NOT_AVAILABLE, RULES, because
from .text import N_, Message
from .tps import tps_list
from .version import rules_version
from .warnings import Warning, warnings_for


@record
class OptionResult:
    id: str
    status: str
    deadline: dt.date | None
    days_left: int | None
    reasons: tuple[Message, ...]
    citations: tuple[str, ...]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_left": self.days_left,
            "reasons": [r.render() for r in self.reasons],
            "citations": list(self.citations),
        }


@record
class Evaluation:
    as_of: dt.date
    rules_version: str
    options: tuple[OptionResult, ...]
    warnings: tuple[Warning, ...]
    tps_data_as_of: dt.date
    data_version: str
    data_as_of: dt.date  # the legal data's as-of date, shown with every result

    def option(self, oid: str) -> OptionResult:
        return next(o for o in self.options if o.id == oid)

    def to_json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "rules_version": self.rules_version,
            "tps_data_as_of": self.tps_data_as_of.isoformat(),
            "data_version": self.data_version,
            "data_as_of": self.data_as_of.isoformat(),
            "options": [o.to_json() for o in self.options],
            "warnings": [_warning_json(w) for w in self.warnings],
        }


def _warning_json(w: Warning) -> dict:
    out: dict = {"id": w.id, "severity": w.severity}
    if w.option:
        out["option"] = w.option
    if w.deadline:
        out["deadline"] = w.deadline.isoformat()
    if w.citations:
        out["citations"] = list(w.citations)
    return out


def evaluate(answers: Mapping[str, object], today: dt.date) -> Evaluation:
    facts = Facts(effective_answers(answers, today), today)
    results = []
    for oid in option_ids():
        rule = RULES[oid]
        outcome = rule.decide(facts)
        reasons = list(outcome.reasons)
        status = outcome.status
        left = _days_left(outcome.deadline, today)
        if left is not None and left < 0 and status != NOT_AVAILABLE:
            status = EXPIRED
            reasons.append(because(N_("The last day to file was {date}. That day has passed; ask a lawyer at once whether anything can still be done."),
                                   date=outcome.deadline))
        citations = tuple(dict.fromkeys(rule.citations + outcome.citations))
        results.append(OptionResult(oid, status, outcome.deadline, left, tuple(reasons), citations))
    data = active()
    return Evaluation(today, rules_version(), tuple(results), tuple(warnings_for(facts, results)),
                      tps_list().data_as_of, data.version, data.as_of)
