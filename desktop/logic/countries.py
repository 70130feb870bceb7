"""Country codes and names from CLDR (through babel), shipped with babel."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    from babel import Locale

    # CLDR also names regions ("001") and private codes ("ZZ" unknown,
    # "QO", "EU"…); only two-letter country codes are nationalities.
    skip = {"ZZ", "QO", "EU", "EZ", "UN", "AQ", "BV", "HM", "TF"}
    return frozenset(
        c for c in Locale.parse("en").territories
        if len(c) == 2 and c.isalpha() and c.isupper() and c not in skip
    )


def is_country_code(code: str) -> bool:
    return code in _codes()


def country_codes() -> frozenset[str]:
    return _codes()


def country_name(code: str, lang: str = "en") -> str:
    from babel import Locale

    return Locale.parse(lang).territories.get(code, code)
