"""PySide's check of each imported module, made without keeping its source.

For its `__feature__` switches, PySide asks of every module imported after
it whether its source says "PySide6", through `inspect.getsource`, which
leaves every line of every such module in `linecache` for the life of the
process: about 7.5 MiB here (babel, cryptography, sqlite-utils and the app),
a sixth of what the window adds to a bare one. The same question is answered
here from the file's bytes, read once and let go. The app uses no
`__feature__`; the answer stays what PySide's own would be, so one that did
would still work.
"""
from __future__ import annotations

import sys


def _says_pyside(module) -> bool:
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):  # built in, compiled, or no file: PySide says no too
        return False
    try:
        with open(path, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def install() -> None:
    import PySide6  # noqa: F401  - loads shiboken's feature module, which asks

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _says_pyside
        import linecache

        linecache.clearcache()  # PySide's own package, asked about before this
