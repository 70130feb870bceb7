"""Checking answers before anything uses them.

Every problem becomes an `AnswerError` naming the question and carrying a
translatable message, so the CLI prints one line and the wizard shows the
same words in the person's language beside the field.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping

from .countries import is_country_code
from .dates import parse_iso
from .questions import NOT_SURE, Question, catalog
from .text import N_, Message

EARLIEST_YEAR = 1900


class AnswerError(ValueError):
    def __init__(self, field: str, message: Message):
        super().__init__(f"{printable_field(field)}: {message.render()}")
        self.field = field
        self.message = message


_PLAIN_FIELD = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
MAX_FIELD_SHOWN = 64


def printable_field(field: object) -> str:
    """A field name as it may be printed: a key from a file may hold terminal
    escape sequences, bidi overrides or a megabyte of text. Plain ids are
    shown as they are (the contract's messages name them); anything else as
    Python's ascii() form, cut short."""
    text = str(field)
    if _PLAIN_FIELD.fullmatch(text):
        return text
    shown = ascii(text)
    return shown if len(shown) <= MAX_FIELD_SHOWN else shown[:MAX_FIELD_SHOWN - 1] + "…"


def _fail(field: str, msgid: str, **params: object) -> AnswerError:
    return AnswerError(field, Message(msgid, params))


def parse_answers_json(text: str) -> dict[str, object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            "file",
            N_("The file is not valid JSON (line {line}, column {column})."),
            line=exc.lineno, column=exc.colno,
        ) from None
    except (RecursionError, ValueError):
        # Nesting thousands deep, or a number of thousands of digits: no
        # answer looks like that, and Python refuses to build it.
        raise _fail("file", N_("The file is not an answers file: it is nested too deeply "
                               "or holds a number that is far too long.")) from None
    if not isinstance(data, dict):
        raise _fail("file", N_("The file must hold one JSON object of question ids and answers."))
    return data


def check_value(q: Question, value: object, today: dt.date, *, allow_not_sure: bool) -> None:
    """One answer against its question's type.

    `allow_not_sure` admits the wizard's "I'm not sure" for dates, countries
    and lists, which the contract file format does not have.
    """
    if allow_not_sure and value == NOT_SURE:
        return
    if q.type in ("choice", "yes_no"):
        if value not in q.option_ids:
            raise _fail(q.id, N_("Choose one of: {choices}."), choices=", ".join(q.option_ids))
    elif q.type == "multi":
        if (not isinstance(value, list) or len(set(map(str, value))) != len(value)
                or any(v not in q.option_ids for v in value)):
            raise _fail(q.id, N_("Choose answers from this list, each only once: {choices}."),
                        choices=", ".join(q.option_ids))
    elif q.type == "country":
        if not isinstance(value, str) or not is_country_code(value):
            raise _fail(q.id, N_("Choose a country from the list (a two-letter code such as BD or SV)."))
    elif q.type == "date":
        day = parse_iso(value)
        if day is None:
            if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
                raise _fail(q.id, N_("This date does not exist. Check the day and the month."))
            raise _fail(q.id, N_("Enter the date as year-month-day, for example 2026-03-15."))
        if day > today and not q.future:
            raise _fail(q.id, N_("This date is in the future. Enter a date on or before {today}."),
                        today=today)
        if day.year < EARLIEST_YEAR:
            raise _fail(q.id, N_("Check the year: {year} is too long ago."), year=day.year)
    else:  # pragma: no cover - the catalog is checked by tests
        raise ValueError(f"unknown question type {q.type}")


# Pairs of dates that must come in this order: (earlier, later, message).
_ORDER = (
    ("date_of_birth", "last_arrival_date",
     N_("The date of birth is after the date of arrival. Check both dates.")),
    ("date_of_birth", "decision_date",
     N_("The date of birth is after the date of the decision. Check both dates.")),
    ("date_of_birth", "asylum_filed_date",
     N_("The date of birth is after the date the application was filed. Check both dates.")),
    ("date_of_birth", "nta_date",
     N_("The date of birth is after the date of the Notice to Appear. Check both dates.")),
)


def check_order(answers: Mapping[str, object]) -> None:
    for earlier, later, msgid in _ORDER:
        a, b = parse_iso(answers.get(earlier)), parse_iso(answers.get(later))
        if a and b and a > b:
            raise _fail(later, msgid)


def conflicts_with(qid: str, value: object, answers: Mapping[str, object]) -> AnswerError | None:
    """Whether giving `value` to `qid` contradicts a date already given."""
    merged = dict(answers)
    merged[qid] = value
    try:
        check_order(merged)
    except AnswerError as err:
        return err
    return None


def validate_answers(data: Mapping[str, object], today: dt.date, *, allow_not_sure: bool = False) -> dict[str, object]:
    """A contract answers object, checked field by field; raises AnswerError."""
    cat = catalog()
    for qid in data:
        if qid not in cat:
            raise _fail(str(qid), N_("This is not a question of the form."))
    for q in cat.questions:
        if q.id in data:
            check_value(q, data[q.id], today, allow_not_sure=allow_not_sure)
    check_order(data)
    return dict(data)
