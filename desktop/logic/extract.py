"""Babel extractor for the TOML data files (questions, options).

Only the keys listed here are text a person reads; ids and predicate names
are not extracted.
"""
from __future__ import annotations

import json
import tomllib

TRANSLATABLE_KEYS = frozenset(
    {"title", "prompt", "help", "label", "name", "gives", "where", "bring", "summary", "what", "filing"}
)


def extract_toml(fileobj, keywords, comment_tags, options):
    raw = fileobj.read().decode("utf-8")
    data = tomllib.loads(raw)
    lines = raw.splitlines()
    seen: set[str] = set()
    for text in _strings(data):
        if text in seen:
            continue
        seen.add(text)
        yield _line_of(lines, text), None, text, []


def _strings(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, key)
    elif isinstance(node, str) and key in TRANSLATABLE_KEYS:
        yield node


def _line_of(lines, text):
    needle = json.dumps(text, ensure_ascii=False)[1:-1]
    for number, line in enumerate(lines, 1):
        if needle in line:
            return number
    return 1
