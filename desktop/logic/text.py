"""Sentences as data: an English message id plus the values that go into it.

Logic never formats text for a person. It returns `Message`s; the CLI renders
them in English for `evaluate`, the GUI and the PDF render them in the
person's language (desktop.i18n). That keeps translation out of the rules and
lets one rule feed every surface.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType

from .records import record


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (gettext's ngettext)."""
    return singular, plural


@record
class Message:
    msgid: str
    params: Mapping[str, object] = MappingProxyType({})

    def render(self, translate=None, format_value=None) -> str:
        """Translate the id, then fill in the values.

        `translate` maps an English id to the target text; `format_value`
        turns a date or number into the target language's form. Both default
        to English.
        """
        text = translate(self.msgid) if translate else self.msgid
        fmt = format_value or english_value
        return text.format(**{k: fmt(v) for k, v in self.params.items()})


@record
class PluralMessage:
    """A sentence whose wording depends on a count, e.g. "{days} days left".
    Each language picks its own form for the count (CLDR plural rules)."""

    forms: tuple[str, str]
    count: int
    params: Mapping[str, object] = MappingProxyType({})

    def render(self) -> str:
        text = self.forms[0] if self.count == 1 else self.forms[1]
        return text.format(**{k: english_value(v) for k, v in self.params.items()})


@record
class Term:
    """A value that is itself translatable text (an option name, a country)."""

    msgid: str


@record
class Country:
    """A country, named in whatever language the sentence is rendered in."""

    code: str


def english_value(value: object) -> str:
    if isinstance(value, _dt.date):
        return f"{value:%B} {value.day}, {value.year}"
    if isinstance(value, Term):
        return value.msgid
    if isinstance(value, Country):
        from .countries import country_name

        return country_name(value.code)
    if isinstance(value, (Message, PluralMessage)):
        return value.render()
    return str(value)
