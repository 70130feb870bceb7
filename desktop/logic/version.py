"""The rules version printed with every evaluation.

RULES_REVISION is raised by hand whenever a rule changes; the digest of the
legal data files is added automatically, so new TPS data changes the version
even if nobody remembers. tests/test_rules_version.py fails when the rule
sources change without a new revision.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

RULES_REVISION = "2026.11.1"
LEGAL_DATA = ("data/tps.json", "data/options.toml", "data/questions.toml")


@lru_cache(maxsize=1)
def data_digest() -> str:
    h = hashlib.sha256()
    root = resources.files(__package__)
    for name in LEGAL_DATA:
        h.update(root.joinpath(name).read_bytes())
    return h.hexdigest()[:8]


def rules_version() -> str:
    return f"{RULES_REVISION}+{data_digest()}"
