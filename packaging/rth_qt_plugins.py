"""Run-time hook of the bundle, in place of PyInstaller's PySide6 hook.

PyInstaller's hook imports PySide6.QtCore before every command, only to find
that the wheel already embeds its qt.conf; the command line (`--version`,
`evaluate`, `clients`) then paid for Qt it never uses (about 175 ms, the
most of a `--version`). This keeps the one thing of that hook the bundle
needs, where Qt looks for its plugins, and imports nothing.
"""
import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform.startswith("win") \
    else os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform.startswith("win"):
    # Where PyInstaller's hook looked for OpenSSL and other DLLs it collected.
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
del _qt
