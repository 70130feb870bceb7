"""What each option is (data/options.toml), in contract order."""
from __future__ import annotations

from functools import lru_cache

from .datafiles import load_toml
from .records import record


@record
class OptionInfo:
    id: str
    title: str
    gives: str
    what: str
    where: str
    bring: tuple[str, ...]


@lru_cache(maxsize=1)
def option_info() -> dict[str, OptionInfo]:
    raw = load_toml("options.toml")
    return {
        o["id"]: OptionInfo(o["id"], o["title"], o["gives"], o["what"], o["where"], tuple(o["bring"]))
        for o in raw["options"]
    }


def option_ids() -> tuple[str, ...]:
    return tuple(option_info())
