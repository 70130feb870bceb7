"""A guard against a reference-count bug in PySide6 6.12.0 on Python 3.11.

Measured here: in PySide6/shiboken6 6.12.0, every call of a Qt method that
returns nothing (QLabel.setText, QWidget.show, ...) takes one reference from
None without having given it one, and every call that returns a bool
(Signal.emit, ...) takes one from True or False. Python 3.12+ made these
singletons immortal, so there it is harmless; on 3.11, after a few thousand
calls, a count reaches zero and the interpreter aborts ("none_dealloc:
deallocating None", "bool_dealloc"). 6.11.3 does not do this.

On an affected pair only, the counts of None, True and False are raised far
out of reach, which is what Python 3.12 does for every interpreter (PEP 683).
The count is the first field of every object in a release build of CPython.
"""
from __future__ import annotations

import sys

_FAR = 1 << 60


def _affected() -> bool:
    if sys.version_info >= (3, 12):
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return PySide6.__version__.startswith("6.12.")


def make_none_immortal() -> bool:
    """Returns True when the guard was applied."""
    if not _affected():
        return False
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _FAR // 2:
            count.value = _FAR
    return True


GUARDED = make_none_immortal()
