"""Right-to-left text: embedding levels and visual order (Unicode UAX #9).

reportlab's own bidi support needs `rlbidi`, which is not on PyPI, and
without it a mixed Urdu line (a date, a number, "EOIR-26", brackets) comes
out in the wrong order. python-bidi 0.6 wraps the Rust `unicode-bidi` crate,
which implements the isolates (FSI ... PDI) that `Translator.isolate` puts
around every date, number and name. Its Python API returns only a reordered
string, so the levels are read from its `debug=True` answer: the crate's
`BidiInfo`, one level per UTF-8 byte. `levels()` checks that answer's shape
and fails loudly rather than guess, and tests pin the result.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi import get_display

# Explicit direction marks and isolates: they steer the algorithm but are
# never drawn (UAX #9, rule X9), and the fonts have no glyphs for them.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_LEVELS_BLOCK = re.compile(r"levels:\s*\[(.*?)\]\s*,\s*paragraphs", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+)\s*,?\s*\)")


class BidiError(RuntimeError):
    """python-bidi answered in a shape this module does not know."""


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


@lru_cache(maxsize=4096)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """One resolved embedding level per character of `text` (a single
    paragraph) with the given base direction."""
    if not text:
        return ()
    if not rtl and not has_rtl(text):
        return (0,) * len(text)  # nothing to reorder; skip the library
    info = get_display(text, base_dir="R" if rtl else "L", debug=True)
    block = _LEVELS_BLOCK.search(info) if isinstance(info, str) else None
    if not block:
        raise BidiError("python-bidi gave no levels; check its version (needs >= 0.6)")
    per_byte = [int(n) for n in _LEVEL.findall(block.group(1))]
    encoded = [len(c.encode("utf-8")) for c in text]
    if len(per_byte) != sum(encoded):
        raise BidiError(f"python-bidi gave {len(per_byte)} levels for {sum(encoded)} bytes")
    out, at = [], 0
    for width in encoded:
        out.append(per_byte[at])
        at += width
    return tuple(out)


def visual_order(run_levels: list[int]) -> list[int]:
    """Indexes of runs in left-to-right drawing order (rule L2): from the
    highest level down to the lowest odd one, reverse every stretch of runs
    at that level or above."""
    order = list(range(len(run_levels)))
    if not run_levels:
        return order
    top = max(run_levels)
    low_odd = min(lv for lv in run_levels) | 1
    for level in range(top, low_odd - 1, -1):
        i = 0
        while i < len(order):
            if run_levels[order[i]] >= level:
                j = i
                while j < len(order) and run_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order
