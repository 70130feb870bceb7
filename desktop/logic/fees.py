"""Filing fees per option (data/fees.toml), and how each is said to a person.

A fee that could not be confirmed from a public source has no amount: the
person is told to ask a lawyer about it rather than given a guess. A waiver is
mentioned only where the data says one exists (the asylum and TPS fees of
Public Law 119-21, for instance, cannot be waived).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .dates import parse_iso
from .datafiles import load_toml
from .records import record
from .text import N_, Message, Term


@record
class Fee:
    option: str
    filing: str
    fee_usd: int | None
    waiver: str  # yes | no | none_needed | unknown
    source: str
    as_of: dt.date | None
    note: str = ""


@record
class FeeTable:
    as_of: dt.date
    by_option: dict[str, tuple[Fee, ...]]


@lru_cache(maxsize=1)
def fee_table() -> FeeTable:
    raw = load_toml("fees.toml")
    by_option: dict[str, list[Fee]] = {}
    for f in raw["filings"]:
        by_option.setdefault(f["option"], []).append(Fee(
            f["option"], f["filing"], f.get("fee_usd"), f["waiver"], f["source"],
            parse_iso(f.get("as_of")), f.get("note", "")))
    return FeeTable(parse_iso(raw["as_of"]), {k: tuple(v) for k, v in by_option.items()})


def fees_for(option: str) -> tuple[Fee, ...]:
    return fee_table().by_option.get(option, ())


def fee_message(fee: Fee) -> Message:
    """One line a person reads about one filing's fee."""
    filing = Term(fee.filing)
    if fee.fee_usd == 0 or fee.waiver == "none_needed":
        return Message(N_("{filing}: no fee."), {"filing": filing})
    if fee.fee_usd is None:
        msgid = {
            "yes": N_("{filing}: ask a lawyer about the fee. It can be waived for a person who cannot pay."),
            "no": N_("{filing}: ask a lawyer about the fee. It cannot be waived."),
        }.get(fee.waiver, N_("{filing}: ask a lawyer about the fee."))
        return Message(msgid, {"filing": filing})
    msgid = {
        "yes": N_("{filing}: fee {amount} US dollars. It can be waived for a person who cannot pay."),
        "no": N_("{filing}: fee {amount} US dollars. It cannot be waived."),
    }.get(fee.waiver, N_("{filing}: fee {amount} US dollars. Ask a lawyer whether it can be waived."))
    return Message(msgid, {"filing": filing, "amount": fee.fee_usd})
