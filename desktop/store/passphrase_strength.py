"""Whether a new center passphrase is too easy to guess.

The passphrase guards every client record on the PC, and the database file
can be copied away and guessed at offline, so the few passphrases people
pick first must be refused. A rule a volunteer can follow: at least
MIN_PASSPHRASE characters, not a common password, not one character or a
keyboard or counting run; a few ordinary words pass ("blue river center
stone"), which is what the message suggests.
"""
from __future__ import annotations

import unicodedata

from .crypto import MIN_PASSPHRASE

# Each compared without case, spaces or punctuation. The most used
# passwords of public leak lists, and the obvious ones for this app.
_COMMON = frozenset("""
password passw0rd password1 password12 password123 p4ssw0rd passwort contrasena contraseña
12345678 123456789 1234567890 0123456789 87654321 11111111 00000000 12341234 11223344
qwertyui qwertyuiop asdfghjk asdfghjkl zxcvbnm1 1q2w3e4r 1qaz2wsx qazwsxed abcd1234
abcdefgh iloveyou sunshine princess football baseball welcome1 welcome123 letmein1
trustno1 superman starwars whatever computer internet monkey123 dragon12 master12
changeme admin123 administrator secret12 security immigration asylum123 passphrase
reliefwizard reliefwizard1 relief123 community center123 volunteer volunteer1
""".split())
_RUNS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _squashed(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _is_run(text: str) -> bool:
    """One character repeated, or a stretch of counting or a keyboard row
    (forwards or backwards), repeated: 'aaaaaaaa', '12345678', '98769876'."""
    if len(set(text)) <= 2:
        return True
    for period in range(3, len(text) // 2 + 1):
        if text == (text[:period] * (len(text) // period + 1))[:len(text)]:
            return _is_run(text[:period]) or len(set(text[:period])) <= 3
    for run in _RUNS:
        if text in run or text in run[::-1]:
            return True
    return False


def too_weak(passphrase: str) -> str | None:
    """None if acceptable; else why not: 'short' or 'guessable'."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_PASSPHRASE:
        return "short"
    squashed = _squashed(passphrase)
    if squashed in _COMMON or len(squashed) < 6 or len(set(squashed)) < 4 or _is_run(squashed):
        return "guessable"
    # A common password with a digit or two stuck on ("password2026").
    if squashed.rstrip("0123456789") in _COMMON:
        return "guessable"
    return None
