"""Sentences as data: an English message id plus the values that go into it.

Logic never formats text for a person. It returns `Message`s; the CLI renders
them in English for `evaluate`, the GUI and the PDF render them in the
person's language (desktop.i18n). That keeps translation out of the rules and
lets one rule feed every surface.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Mapping


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


@dataclass(frozen=True)
class Message:
    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate=None, format_value=None) -> str:
        """Translate the id, then fill in the values.

        `translate` maps an English id to the target text; `format_value`
        turns a date or number into the target language's form. Both default
        to English.
        """
        text = translate(self.msgid) if translate else self.msgid
        fmt = format_value or english_value
        return text.format(**{k: fmt(v) for k, v in self.params.items()})


@dataclass(frozen=True)
class Term:
    """A value that is itself translatable text (an option name, a country)."""

    msgid: str


def english_value(value: Any) -> str:
    if isinstance(value, _dt.date):
        return f"{value:%B} {value.day}, {value.year}"
    if isinstance(value, Term):
        return value.msgid
    if isinstance(value, Message):
        return value.render()
    return str(value)
