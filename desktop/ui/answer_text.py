"""An answer as a person reads it, for the review screen."""
from __future__ import annotations

from typing import Any

from ..i18n import Translator
from ..logic.dates import parse_iso
from ..logic.questions import NOT_SURE, NOT_SURE_LABEL, Question
from ..logic.text import N_

NOT_ANSWERED = N_("Not answered yet")
NONE_CHOSEN = N_("None of these")


def answer_lines(q: Question, value: Any, t: Translator) -> list[str]:
    """One line per chosen item (a list is not a sentence: no joining)."""
    if value is None:
        return [t.gettext(NOT_ANSWERED)]
    labels = {o.id: o.label for o in q.options}
    if value == NOT_SURE and NOT_SURE not in labels:
        return [t.gettext(NOT_SURE_LABEL)]
    if q.type in ("choice", "yes_no"):
        return [t.gettext(labels.get(value, str(value)))]
    if q.type == "multi":
        if not value:
            return [t.gettext(NONE_CHOSEN)]
        return [t.gettext(labels.get(v, str(v))) for v in value]
    if q.type == "date":
        day = parse_iso(value)
        return [t.format_date(day) if day else str(value)]
    if q.type == "country":
        return [t.country_name(str(value))]
    return [str(value)]
