"""Checks every catalog must pass, shared by the test suite and translators
(`python -m desktop.i18n_build check LANG`)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from .i18n import DOMAIN
from .paths import locales_dir

SCRIPTS = {  # letters a reader of that language expects, as Unicode ranges
    "bn": [(0x0980, 0x09FF)],
    "hi": [(0x0900, 0x097F)],
    "pa": [(0x0A00, 0x0A7F)],
    "ur": [(0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Latin text allowed inside a translation: form names, agency codes and other
# tokens that stay as they are in every language.
ALLOWED_LATIN = re.compile(
    r"\b(?:EOIR|USCIS|BIA|TPS|CAT|NTA|ICE|DHS|SIJS|VAWA|JSON|PDF|PIN|OPLA|US|USA|OK|ID|A4|"
    r"[A-Z]{1,4}-\d+[A-Z]?|I-\d{3}|Supplement\s+B|BD|SV|YYYY-MM-DD)\b")
# A message equal to its English is right only for codes like these,
SAME_AS_ENGLISH = re.compile(r"^[\s\d\W]*(?:[A-Z]{1,5}-?\d*[A-Z]?[\s\d\W]*)*$")
# and for words that are the same in that language.
SAME_WORD = {"es": {"No", "PIN", "Error", "Total", "Normal"}}


@dataclass
class Problem:
    lang: str
    msgid: str
    what: str

    def __str__(self) -> str:
        return f"{self.lang}: {self.what}: {self.msgid[:70]!r}"


def load_catalog(lang: str):
    with (locales_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def glossary() -> list[dict]:
    with (locales_dir() / "glossary.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _ids(message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def in_script(text: str, lang: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in SCRIPTS[lang])


def stray_latin(text: str) -> list[str]:
    """Latin words outside brackets and outside the allowed tokens."""
    text = PLACEHOLDER.sub(" ", text)
    text = re.sub(r"\([^()]*\)", " ", text)  # "(immigration judge)" is the glossary's rule
    text = ALLOWED_LATIN.sub(" ", text)
    return re.findall(r"[A-Za-z]{2,}", text)


def glossary_problems(lang: str, msgid: str, text: str, terms: list[dict]) -> list[str]:
    """A legal term in the English must appear in the translation with its
    English in brackets, at least once per message (glossary rule)."""
    found = []
    lowered = msgid.lower()
    for term in sorted(terms, key=lambda t: -len(t["en"])):
        if term["keep_english"] != "yes":
            continue
        en = term["en"]
        pattern = re.compile(rf"(?<![\w-]){re.escape(en.lower())}(?![\w-])")
        if not pattern.search(lowered):
            continue
        lowered = pattern.sub(" ", lowered)  # a longer term covers the shorter ones in it
        if en.lower() not in text.lower():
            found.append(f"glossary term {en!r} needs its English in the translation, as {term[lang]!r}")
    return found


def cldr_plural_note(lang: str) -> str | None:
    """A note for translators when CLDR's plural rule differs from the
    catalog's header. Only a note: the header is the translator's decision and
    the runtime follows it, so a newer CLDR never changes what a person reads."""
    header = load_catalog(lang).plural_forms.replace(" ", "")
    cldr = get_plural(lang).plural_forms
    if header != cldr.replace(" ", ""):
        return f"{lang}: note: CLDR's plural rule is now {cldr.rstrip(';')}; the catalog keeps its own header"
    return None


def check_catalog(lang: str) -> list[Problem]:
    cat = load_catalog(lang)
    terms = glossary()
    problems: list[Problem] = []
    for m in cat:
        if not m.id:
            continue
        ids, strings = _ids(m), _strings(m)
        if isinstance(m.id, tuple) and len(strings) != cat.num_plurals:
            problems.append(Problem(lang, ids[0], f"{len(strings)} plural forms, the header says {cat.num_plurals}"))
        if m.fuzzy:
            problems.append(Problem(lang, ids[0], "fuzzy"))
        if not all(strings):
            problems.append(Problem(lang, ids[0], "not translated"))
            continue
        want = set(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            if set(PLACEHOLDER.findall(s)) != want:
                problems.append(Problem(lang, ids[0], f"placeholders differ: {sorted(want)} vs {sorted(set(PLACEHOLDER.findall(s)))}"))
            if s == ids[0] and not SAME_AS_ENGLISH.match(s) and s not in SAME_WORD.get(lang, ()):
                problems.append(Problem(lang, ids[0], "left in English"))
            if lang in SCRIPTS:
                if not in_script(s, lang) and not SAME_AS_ENGLISH.match(ids[0]):
                    problems.append(Problem(lang, ids[0], "not in the language's script"))
                latin = stray_latin(s)
                if latin:
                    problems.append(Problem(lang, ids[0], f"Latin words outside brackets: {latin[:4]}"))
            for what in glossary_problems(lang, ids[0], strings[0], terms):
                problems.append(Problem(lang, ids[0], what))
    return problems
