"""The bundled Noto fonts, registered with Qt at start.

A center PC may have no Bengali, Gurmukhi or Urdu font at all; Qt would
then draw boxes. The font files in assets/fonts/ are registered, and each
language gets a family list with its own script first, Noto Sans for Latin
runs (form names, digits) after it, and the other scripts last so that a
client's name typed in another script still renders.

Urdu on screen is in Naskh (Noto Naskh Arabic), not Nastaliq. Qt (6.8 to
6.12 measured, with its own HarfBuzz 14.6) places the glyphs of Noto Nastaliq
Urdu wrongly: in words such as فائل and کلائنٹ the cursive joins and dots land
on top of each other (the same font through HarfBuzz directly, in the PDF and
in a browser, is right). Naskh has no such joins, Qt draws it correctly, and
Urdu readers read it every day on phones and Windows. The printed summary
keeps Nastaliq, which desktop.pdf shapes itself.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from ..paths import fonts_dir

LATIN = "Noto Sans"
SCRIPT_FAMILY = {
    "en": LATIN,
    "es": LATIN,
    "bn": "Noto Sans Bengali",
    "hi": "Noto Sans Devanagari",
    "pa": "Noto Sans Gurmukhi",
    "ur": "Noto Naskh Arabic",
}
# Used by the PDF only; kept away from Qt so that Qt never falls back to it.
NOT_FOR_SCREEN = ("NotoNastaliqUrdu",)
# At one point size, the Indic and Arabic Noto fonts draw their letters
# smaller than Latin (the screenshots show Gurmukhi visibly smaller than the
# Latin form names beside it); readers of these scripts expect them larger.
SIZE_FACTOR = {"ur": 1.12, "bn": 1.1, "hi": 1.1, "pa": 1.12}

_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register every font file once; returns the families Qt now knows."""
    if _loaded:
        return list(_loaded)
    for path in sorted(fonts_dir().iterdir()):
        if path.suffix.lower() not in (".ttf", ".otf") or path.name.startswith(NOT_FOR_SCREEN):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _loaded:
                _loaded.append(family)
    return list(_loaded)


@lru_cache(maxsize=None)
def families_for(lang: str) -> tuple[str, ...]:
    first = SCRIPT_FAMILY.get(lang, LATIN)
    rest = [LATIN] + [f for f in SCRIPT_FAMILY.values() if f not in (first, LATIN)]
    out: list[str] = []
    for family in [first, *rest]:
        if family not in out:
            out.append(family)
    return tuple(out)


def size_factor(lang: str) -> float:
    return SIZE_FACTOR.get(lang, 1.0)


def font_for(lang: str, point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(families_for(lang)))
    font.setPointSizeF(point_size * size_factor(lang))
    font.setBold(bold)
    # Full hinting blurs less on old low-DPI screens; shaping is untouched.
    font.setHintingPreference(QFont.PreferDefaultHinting)
    return font
