"""The rules version printed with every evaluation.

RULES_REVISION is raised by hand whenever a rule changes; the digest of the
legal data files is added automatically, so new TPS data changes the version
even if nobody remembers, and so is the version of the legal data in use
(desktop/logic/legal_data.py). tests/test_rules_version.py fails when the rule
sources change without a new revision.
"""
from __future__ import annotations

import zlib
from functools import lru_cache

from .datafiles import read_bytes

RULES_REVISION = "2026.12.1"
LEGAL_DATA = ("tps.json", "fees.toml", "options.toml", "questions.toml", "us_federal_holidays.json", "countries.json")


@lru_cache(maxsize=1)
def data_digest() -> str:
    # crc32, not sha256: it only has to notice a change, and hashlib's
    # OpenSSL load would cost `evaluate` a few milliseconds of start-up.
    crc = 0
    for name in LEGAL_DATA:
        crc = zlib.crc32(read_bytes(name), crc)
    return f"{crc:08x}"


def rules_version() -> str:
    """e.g. 2026.12.1+data-2027.1.15+1a2b3c4d: the rules, the legal data's
    version (shipped or a signed update), and the digest of the files read."""
    from .legal_data import active

    return f"{RULES_REVISION}+data-{active().version}+{data_digest()}"
