"""What each option is (data/options.toml), in contract order."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class OptionInfo:
    id: str
    title: str
    gives: str
    what: str
    where: str
    bring: tuple[str, ...]


@lru_cache(maxsize=1)
def option_info() -> dict[str, OptionInfo]:
    raw = tomllib.loads(resources.files(__package__).joinpath("data/options.toml").read_text("utf-8"))
    return {
        o["id"]: OptionInfo(o["id"], o["title"], o["gives"], o["what"], o["where"], tuple(o["bring"]))
        for o in raw["options"]
    }


def option_ids() -> tuple[str, ...]:
    return tuple(option_info())
