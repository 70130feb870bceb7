"""Screen text to spoken text in a language, with the catalog's English
vocabulary that tells a Spanish sentence's English hints from its own asides
(desktop.logic.spoken). Qt-free, for the reader, the tests and the samples."""
from __future__ import annotations

from functools import lru_cache

from ...logic.spoken import english_vocabulary, for_the_ear


@lru_cache(maxsize=None)
def vocabulary(lang: str) -> frozenset[str]:
    """English words of the catalog's source texts; needed for Spanish only
    (in the other languages any Latin-letter bracket is a hint)."""
    if lang != "es":
        return frozenset()
    from ...i18n import source_texts

    return english_vocabulary(source_texts(lang))


def said(text: str, lang: str) -> str:
    return for_the_ear(text, lang, vocabulary(lang))
