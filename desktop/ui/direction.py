"""Paragraph direction set by the language, never guessed from the text.

Qt gives each plain-text paragraph the direction of its first strong
character, skipping isolates: an Urdu line that begins with "ICE", with an
isolated date or a country's name ("{country} TPS ...") is laid out left to
right, bullet on the wrong side and words out of order. A RIGHT-TO-LEFT MARK
at the start of every paragraph is a strong right-to-left character that is
never drawn, so the paragraph is right to left whatever follows; Qt's label,
button, combo box and list item painters all honour it.
"""
from __future__ import annotations

RLM = "\u200f"


def directed(text: str, rtl: bool) -> str:
    """`text` with each paragraph's direction stated (only for right to left:
    left-to-right is what a bare paragraph already gets from the program's
    Latin-first strings and is never forced on a right-to-left name)."""
    if not rtl or not text:
        return text
    return "\n".join(p if p.startswith(RLM) else RLM + p for p in text.split("\n"))


def undirected(text: str) -> str:
    """The text as it was given, without the marks `directed` added."""
    if RLM not in text:
        return text
    return "\n".join(p[1:] if p.startswith(RLM) else p for p in text.split("\n"))
