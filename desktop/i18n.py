"""Translations, CLDR formats and text direction for one language.

Qt-free on purpose: the wizard, the PDF and the command line all render the
same `Message`s through a `Translator`. Catalogs are gettext `.mo` files
compiled from `locales/<lang>/LC_MESSAGES/messages.po` at set-up; a checkout
where they were not compiled yet reads the `.po` directly.
"""
from __future__ import annotations

import datetime as dt
import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .logic.text import Country, Message, PluralMessage, Term
from .paths import locales_dir

LANGUAGES = ("en", "es", "bn", "hi", "pa", "ur")
RTL_LANGUAGES = frozenset({"ur"})
DOMAIN = "messages"

# Unicode directional isolates (UAX #9): a name, date or number placed inside
# a sentence keeps its own direction and does not reorder its neighbours.
FSI, PDI = "\u2068", "\u2069"
LRI = "\u2066"

_DIGITS = {
    "beng": "০১২৩৪৫৬৭৮৯",
    "deva": "०१२३४५६७८९",
    "guru": "੦੧੨੩੪੫੬੭੮੯",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
}


class MissingTranslation(LookupError):
    pass


def _strict_default() -> bool:
    # The test suite sets this, so a message missing from a catalog fails the
    # tests instead of quietly showing English.
    import os

    return os.environ.get("RELIEF_WIZARD_STRICT_I18N") == "1"


@dataclass
class Translator:
    lang: str
    strict: bool = field(default_factory=_strict_default)

    def __post_init__(self):
        if self.lang not in LANGUAGES:
            raise ValueError(f"unsupported language {self.lang!r}")
        # Kept here, so a catalog let go of (release_language_data) is read
        # again only by the next Translator of that language.
        self._catalog, self._plural = _load(self.lang)

    # CLDR data is read when a date, number or country is first formatted,
    # not when a Translator is made: the language picker needs none of it.
    @property
    def locale(self):
        return _locale(self.lang)

    # -- direction -----------------------------------------------------------
    @property
    def is_rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES

    def isolate(self, text: str) -> str:
        """Wrap an inserted value so it keeps its own direction in RTL text."""
        return f"{FSI}{text}{PDI}" if self.is_rtl else text

    # -- text ----------------------------------------------------------------
    def gettext(self, msgid: str) -> str:
        if self.lang == "en" or not msgid:
            return msgid
        text = self._catalog.get(msgid) if self._catalog else None
        if not text:
            if self.strict:
                raise MissingTranslation(f"{self.lang}: {msgid!r}")
            return msgid  # English rather than nothing
        return text

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if self.lang != "en" and self._catalog is not None:
            forms = self._catalog.get((singular, self.plural_index(n)))
            if forms:
                return forms
            if self.strict:
                raise MissingTranslation(f"{self.lang}: {singular!r}")
        return singular if n == 1 else plural

    def plural_index(self, n: int) -> int:
        # The translator's own Plural-Forms header decides, as in GNU gettext:
        # the forms in a catalog were written for that rule, and a newer CLDR
        # (babel 2.19 gives Spanish three categories) must never ask for a form
        # the catalog does not have.
        return self._plural(n) if self._catalog is not None else int(n != 1)

    def render(self, message: Message | PluralMessage | Term | str) -> str:
        if isinstance(message, str):
            return self.gettext(message)
        if isinstance(message, Term):
            return self.gettext(message.msgid)
        if isinstance(message, PluralMessage):
            text = self.ngettext(*message.forms, message.count)
            return text.format(**{k: self.format_value(v) for k, v in message.params.items()})
        text = self.gettext(message.msgid)
        return text.format(**{k: self.format_value(v) for k, v in message.params.items()})

    # -- values --------------------------------------------------------------
    def format_value(self, value: Any) -> str:
        if isinstance(value, dt.date):
            return self.isolate(self.format_date(value))
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self.isolate(self.format_number(value))
        if isinstance(value, (Message, PluralMessage, Term)):
            return self.render(value)
        if isinstance(value, Country):
            return self.isolate(self.country_name(value.code))
        return self.isolate(str(value))

    def digits(self, text: str) -> str:
        """Latin digits as the digits this language's readers expect."""
        return _local_digits(self.lang, text)

    def format_date(self, day: dt.date, form: str = "long") -> str:
        return _format_date(self.lang, day, form)

    def format_number(self, number: int) -> str:
        return _format_number(self.lang, number)

    def language_name(self, lang: str | None = None) -> str:
        """A language's name in its own script (for the picker)."""
        from babel import Locale

        loc = Locale.parse(lang or self.lang)
        return loc.get_display_name(loc)

    def country_name(self, code: str) -> str:
        return _territories(self.lang).get(code, code)


@lru_cache(maxsize=None)
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang)


@lru_cache(maxsize=None)
def _digits_for(lang: str) -> str | None:
    return _DIGITS.get(_locale(lang).default_numbering_system or "latn")


def _local_digits(lang: str, text: str) -> str:
    digits = _digits_for(lang)
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


@lru_cache(maxsize=None)
def _territories(lang: str) -> dict[str, str]:
    """Country names (about 30 KiB a language), kept apart from the rest of
    the CLDR data so that release_language_data() can let that go."""
    return dict(_locale(lang).territories)


@lru_cache(maxsize=1024)
def _format_number(lang: str, number: int) -> str:
    from babel.numbers import format_decimal

    return _local_digits(lang, format_decimal(number, locale=_locale(lang)))


def release_language_data() -> None:
    """Let go of the catalogs (about 0.2 MiB a language) and babel's CLDR
    data (0.9 MiB a language, 3.5 MiB with the root) of every language,
    once a screen has what it needs. Translators made keep their catalog;
    names, numbers and dates already formatted stay in the small caches
    here; babel reads a language again (some 40 ms) only for a value not
    seen before. A person who went through the six languages otherwise
    carried all six to the end."""
    from babel import localedata

    _load.cache_clear()
    _locale.cache_clear()
    localedata.clear_caches()


@lru_cache(maxsize=4096)
def _format_date(lang: str, day: dt.date, form: str) -> str:
    """Dates are formatted again on every language switch and every summary;
    the same few dates each time."""
    from babel.dates import format_date

    return _local_digits(lang, format_date(day, form, locale=_locale(lang)))


def _catalog(lang: str) -> dict | None:
    """msgid -> translation (plural forms keyed by (msgid, index))."""
    return _load(lang)[0]


def compile_plural_forms(header: str):
    """`nplurals=N; plural=EXPR;` from a Plural-Forms header -> n -> index.

    A header without a usable expression falls back to English's rule, which
    every two-form catalog agrees with for 1 and for many."""
    match = re.search(r"plural\s*=\s*([^;]+)", header or "")
    rule = gettext.c2py(match.group(1).strip()) if match else (lambda n: int(n != 1))
    forms = re.search(r"nplurals\s*=\s*(\d+)", header or "")
    most = int(forms.group(1)) - 1 if forms else 1
    return lambda n: min(int(rule(n)), most)


@lru_cache(maxsize=None)
def _load(lang: str):
    if lang == "en":
        return None, lambda n: int(n != 1)
    base = locales_dir() / lang / "LC_MESSAGES"
    mo, po = base / f"{DOMAIN}.mo", base / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            gnu = gettext.GNUTranslations(fh)
        header = gnu._info.get("plural-forms", "")  # noqa: SLF001
        return dict(gnu._catalog), compile_plural_forms(header)  # noqa: SLF001
    if po.exists():
        return _read_po(po)
    return {}, lambda n: int(n != 1)


def _read_po(path):
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        cat = read_po(fh)
    out: dict = {}
    for m in cat:
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, tuple):
            for i, s in enumerate(m.string):
                if s:
                    out[(m.id[0], i)] = s
        elif m.string:
            out[m.id] = m.string
    header = dict(cat.mime_headers).get("Plural-Forms", "")
    return out, compile_plural_forms(header)


def source_texts(lang: str) -> list[str]:
    """The English source texts that `lang`'s catalog translates."""
    catalog = _catalog(lang) or {}
    return [k if isinstance(k, str) else k[0] for k in catalog]


def translator(lang: str, strict: bool | None = None) -> Translator:
    return Translator(lang) if strict is None else Translator(lang, strict=strict)
