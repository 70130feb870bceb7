"""One rule per option of contract v2, each in one place with its law.

A rule reads `Facts` and returns an `Outcome`: a status, the plain reasons
that led there (as translatable `Message`s), the last day to file if any, and
any citations that only some paths of the rule rest on. The statutes and
regulations that always apply are given once, in the `@rule` line.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..facts import Facts
from ..records import record
from ..text import Message

LIKELY, POSSIBLE, UNLIKELY, NOT_AVAILABLE, EXPIRED = (
    "likely", "possible", "unlikely", "not_available", "expired")
STATUSES = (LIKELY, POSSIBLE, UNLIKELY, NOT_AVAILABLE, EXPIRED)
# Strength of an open status: a cap ("at most possible") takes the weaker.
_STRENGTH = {LIKELY: 3, POSSIBLE: 2, UNLIKELY: 1, NOT_AVAILABLE: 0}


def at_most(status: str, cap: str) -> str:
    """`status`, lowered to `cap` if it is stronger. Never raises a status."""
    return cap if _STRENGTH[status] > _STRENGTH[cap] else status


def best(*statuses: str) -> str:
    return max(statuses, key=_STRENGTH.__getitem__)


@record
class Outcome:
    status: str
    reasons: list[Message]
    deadline: dt.date | None = None
    citations: tuple[str, ...] = ()


@record
class Rule:
    option: str
    citations: tuple[str, ...]
    decide: Callable[[Facts], Outcome]


RULES: dict[str, Rule] = {}


def rule(option: str, *citations: str):
    def register(fn: Callable[[Facts], Outcome]) -> Callable[[Facts], Outcome]:
        if option in RULES:
            raise ValueError(f"two rules for {option}")
        RULES[option] = Rule(option, citations, fn)
        return fn
    return register


def because(msgid: str, **params) -> Message:
    return Message(msgid, params)


def _load_all() -> None:
    # Importing the modules registers their rules, in contract order.
    from . import discretion, family, humanitarian, protection, reopen, review  # noqa: F401


_load_all()
