"""US federal legal holidays as a shipped table, made from the `holidays` package.

Importing `holidays` costs about 0.3 s, most of a cold `evaluate`. The table
holds the package's answer (5 U.S.C. 6103, with observed days) for the years
a deadline can fall in; tests/logic/test_holiday_table.py checks it still
equals the package year by year. Regenerate after upgrading the package:

    python -m desktop.logic.holiday_table
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from .datafiles import data_path, read_text

FIRST_YEAR, LAST_YEAR = 2000, 2060
TABLE = "us_federal_holidays.json"


def from_package(year: int) -> list[str]:
    import holidays

    return sorted(d.isoformat() for d in holidays.US(years=year, observed=True))


@lru_cache(maxsize=1)
def _table() -> dict[str, list[str]]:
    return json.loads(read_text(TABLE))["years"]


@lru_cache(maxsize=128)
def federal_holidays(year: int) -> frozenset[dt.date]:
    days = _table().get(str(year))
    if days is None:  # outside the shipped years: ask the package itself
        days = from_package(year)
    return frozenset(dt.date.fromisoformat(d) for d in days)


def main() -> None:
    import holidays

    data = {
        "source": f"holidays {holidays.__version__}, holidays.US(observed=True)",
        "years": {str(y): from_package(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)},
    }
    with open(data_path(TABLE), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(data, indent=0) + "\n")
    print(f"wrote {data_path(TABLE)} ({LAST_YEAR - FIRST_YEAR + 1} years)")


if __name__ == "__main__":
    main()
