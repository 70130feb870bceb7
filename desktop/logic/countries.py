"""Country codes from CLDR (through babel), shipped as a table.

Loading babel's locale data costs about 50 ms, too much for a cold
`evaluate`; the codes are written to data/countries.json by
`python -m desktop.logic.countries`, and a test checks the table still
equals CLDR. Names in a person's language come from babel at display time.
"""
from __future__ import annotations

import json
from functools import lru_cache

from .datafiles import data_path, read_text

TABLE = "countries.json"
# CLDR also names regions ("001") and private or non-country codes.
NOT_NATIONALITIES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "AQ", "BV", "HM", "TF"})


def from_cldr() -> dict[str, str]:
    """Two-letter country code -> English name."""
    from babel import Locale

    names = Locale.parse("en").territories
    return {c: names[c] for c in sorted(names)
            if len(c) == 2 and c.isalpha() and c.isupper() and c not in NOT_NATIONALITIES}


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    return json.loads(read_text(TABLE))["names"]


def country_codes() -> frozenset[str]:
    return frozenset(_english_names())


def is_country_code(code: str) -> bool:
    return code in country_codes()


def country_name(code: str, lang: str = "en") -> str:
    if lang == "en":
        return _english_names().get(code, code)
    from babel import Locale

    return Locale.parse(lang).territories.get(code, code)


if __name__ == "__main__":
    import babel

    with open(data_path(TABLE), "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"source": f"CLDR via babel {babel.__version__}", "names": from_cldr()},
                                ensure_ascii=False, indent=0) + "\n")
    print(f"wrote {data_path(TABLE)}")
