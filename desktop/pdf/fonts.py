"""The bundled fonts, registered with reportlab once per process.

Only `assets/fonts/` is read (the files the wizard uses), so a center PC
needs no installed fonts. reportlab embeds a TrueType font as subsets of
the glyphs actually drawn, so a summary carries a few kilobytes per font.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import fonts_dir
from .subsets import embed_once

LATIN, BENGALI, DEVANAGARI, GURMUKHI, ARABIC = "latin", "bengali", "devanagari", "gurmukhi", "arabic"

_FILES = {
    LATIN: "NotoSans",
    BENGALI: "NotoSansBengali",
    DEVANAGARI: "NotoSansDevanagari",
    GURMUKHI: "NotoSansGurmukhi",
    ARABIC: "NotoNastaliqUrdu",
}

SCRIPT_OF_LANG = {"en": LATIN, "es": LATIN, "bn": BENGALI, "hi": DEVANAGARI, "pa": GURMUKHI, "ur": ARABIC}

# How tall a line must be, as a multiple of the font size. Nastaliq stacks
# letters diagonally and reaches far above and below the baseline: at the
# Latin leading its lines overprint each other.
_LEADING = {LATIN: 1.25, BENGALI: 1.45, DEVANAGARI: 1.45, GURMUKHI: 1.45, ARABIC: 1.8}


def font_name(script: str, bold: bool = False) -> str:
    return f"RW-{_FILES[script]}-{'Bold' if bold else 'Regular'}"


@lru_cache(maxsize=None)
def register(script: str, bold: bool = False) -> TTFont:
    """The reportlab font for a script; shapable through HarfBuzz."""
    name = font_name(script, bold)
    path = fonts_dir() / f"{_FILES[script]}-{'Bold' if bold else 'Regular'}.ttf"
    if not path.exists():
        raise FileNotFoundError(f"bundled font missing: {path}")
    font = TTFont(name, str(path), shapable=True)
    embed_once(font)
    pdfmetrics.registerFont(font)
    return font


def covers(font: TTFont, char: str) -> bool:
    return ord(char) in font.face.charToGlyph


@dataclass(frozen=True)
class FontSet:
    """Fonts tried in order for each character: the column's own script
    first, then Latin (form names, digits, the Latin name), then the other
    scripts (a client's name in their own script inside the English column)."""

    scripts: tuple[str, ...]
    leading: float

    @property
    def primary(self) -> str:
        return self.scripts[0]

    def fonts(self, bold: bool) -> tuple[TTFont, ...]:
        return tuple(register(s, bold) for s in self.scripts)


@lru_cache(maxsize=None)
def font_set(lang: str) -> FontSet:
    primary = SCRIPT_OF_LANG[lang]
    rest = [s for s in _FILES if s not in (primary, LATIN)]
    scripts = (primary,) + ((LATIN,) if primary != LATIN else ()) + tuple(rest)
    return FontSet(scripts, _LEADING[primary])

