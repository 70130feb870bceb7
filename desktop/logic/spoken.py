"""Text made for the ear: what the screen shows, changed so that a speech
engine reads it the way a person would say it.

The screen's text carries things a listener does not need or that a voice
reads badly: the English legal term in brackets after each translated term
(a hint for the attorney, never meant to be said to the client), the
invisible direction marks around inserted values, bullets, and digits that
eSpeak NG's Urdu voice does not read at all (Extended Arabic-Indic digits,
which CLDR gives Urdu: with them a date is read as silence). Bengali,
Devanagari and Gurmukhi digits, and Latin ones in every voice, are read as
whole numbers by eSpeak NG (checked with its phoneme output: "২০২৪" is read
"dui hajar chobbish"), so they are left as they are; dates come in the
language's long CLDR form, with the month as a word.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# Direction marks and isolates (UAX #9) and the zero-width joiners' plain
# neighbours: they are layout, not words.
_INVISIBLE = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c"), None)

# eSpeak NG reads ۰-۹ (U+06F0..) as nothing in its Urdu voice, while it reads
# the same number in Latin or Arabic-Indic digits: map them to Latin.
_ARABEXT = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")

# A bracketed group after a space, e.g. " (motion to reopen)"; a group glued
# to a word ("casado(a)", "240(b)") is a word ending or a legal citation.
_BRACKETED = re.compile(r"\s+\(([^()]*)\)")
_LATIN_ONLY = re.compile(r"^[A-Za-z0-9 ,.;:'/&\-]*[A-Za-z][A-Za-z0-9 ,.;:'/&\-]*$")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# A thousands separator between digits ("1,250", "١٬٢٥٠"): eSpeak reads the
# number either way in most voices, but some say the comma.
_GROUPING = re.compile(r"(?<=\d)[,\u066c\u060c](?=\d{2,3}(?!\d))")
_SPANISH_ENDING = re.compile(r"(?<=\w)\((?:a|as|os)\)")
_BULLETS = re.compile(r"^[\u2022\u25cf\-\*]\s*", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")

NON_LATIN_LANGUAGES = frozenset({"bn", "hi", "pa", "ur"})


def english_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lower-case words of English source texts, to tell an English hint
    in a Spanish sentence ("(motion to reopen)") from a Spanish aside
    ("(huellas digitales y foto)")."""
    words: set[str] = set()
    for text in texts:
        words.update(w.lower() for w in _WORDS.findall(text))
    return frozenset(words)


def is_english_hint(inner: str, lang: str, vocabulary: frozenset[str] = frozenset()) -> bool:
    """Whether a bracketed group is an English term added for the attorney."""
    if lang == "en" or not _LATIN_ONLY.match(inner.strip()):
        return False
    if lang in NON_LATIN_LANGUAGES:
        return True  # Latin letters in a Bengali, Hindi, Punjabi or Urdu sentence
    words = [w.lower() for w in _WORDS.findall(inner)]
    return bool(words) and bool(vocabulary) and all(w in vocabulary for w in words)


def for_the_ear(text: str, lang: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """The text a voice should read for what the screen shows as `text`."""
    text = text.translate(_INVISIBLE)
    text = _BRACKETED.sub(lambda m: "" if is_english_hint(m.group(1), lang, vocabulary) else m.group(0), text)
    if lang == "es":
        # "casado(a)": the reader says the word once, not "casado a".
        text = _SPANISH_ENDING.sub("", text)
    if lang == "ur":
        text = text.translate(_ARABEXT)
    text = _GROUPING.sub("", text)
    text = _BULLETS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def spoken_parts(parts: Iterable[str], lang: str, vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """Each non-empty part for the ear, in order; a part that does not end
    a sentence gets a full stop so that the voice pauses between them."""
    stop = "۔" if lang == "ur" else "।" if lang in ("bn", "hi", "pa") else "."
    out = []
    for part in parts:
        said = for_the_ear(part, lang, vocabulary)
        if not said:
            continue
        if said[-1] not in ".!?;:।۔؟" + stop:
            said += stop
        out.append(said)
    return out


def wizard_texts() -> list[str]:
    """Every question and option text the wizard can read aloud (English
    source texts, each once): questions with their help and choices, the
    options with what they give and what to bring, the status names."""
    from .options import option_info
    from .presentation import GROUPS, NOT_LEGAL_ADVICE, STATUS_LABELS
    from .questions import NOT_SURE_LABEL, catalog

    texts: list[str] = []
    for q in catalog().questions:
        texts += [q.prompt, q.help] + [o.label for o in q.options]
    texts.append(NOT_SURE_LABEL)
    for info in option_info().values():
        texts += [info.title, info.gives, *info.bring]
    texts += list(STATUS_LABELS.values()) + [title for _, title in GROUPS] + [NOT_LEGAL_ADVICE]
    return list(dict.fromkeys(t for t in texts if t))
