"""Can the wizard window open here? Asked before Qt is imported.

Qt aborts the process (exit 134, sometimes a core file) when it finds no
screen, and its message blames `libxcb-cursor0` even when that is installed.
A volunteer or an administrator on an SSH session deserves a plain answer and
the command-line way to the same summary.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache

NO_SCREEN = """\
relief-wizard: the wizard window needs a screen, and none was found here
(no DISPLAY or WAYLAND_DISPLAY is set: a server, or an SSH session).

The same options and summary are made from the command line:

  relief-wizard evaluate answers.json
  relief-wizard export answers.json --lang bn --out summary.pdf

"relief-wizard --help" lists every command."""

# What Qt's xcb plugin loads on Debian 12, by soname, with the package that
# brings it (scripts/setup.sh installs the same packages, in shell). libxcb-cursor0
# is the one Qt names; the rest fail the same way.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_xcb_packages(loadable=None) -> list[str]:
    """Debian packages whose library Qt's xcb plugin would fail to load."""
    loadable = loadable or _loadable
    return sorted({pkg for soname, pkg in XCB_LIBRARIES.items() if not loadable(soname)})


def _loadable(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        # A bundle may carry its own copy beside Qt's libraries.
        return _bundled(soname)


def _bundled(soname: str) -> bool:
    return soname in _bundle_files()


@lru_cache(maxsize=1)
def _bundle_files() -> frozenset[str]:
    """Names of the files a PyInstaller bundle carries (walked once)."""
    base = getattr(sys, "_MEIPASS", None)
    return frozenset(name for _dirpath, _dirs, files in os.walk(base) for name in files) if base else frozenset()


def screen_problem(environ=None, platform: str | None = None, loadable=None) -> str | None:
    """None when the window can open; otherwise the message to print."""
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own platform plugin
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the caller chose
    if not qpa and environ.get("WAYLAND_DISPLAY"):
        return None
    if not environ.get("DISPLAY"):
        return NO_SCREEN
    missing = missing_xcb_packages(loadable)
    if missing:
        return ("relief-wizard: the window cannot open: the system is missing libraries that Qt needs.\n"
                f"Install them as administrator:\n\n  apt-get install {' '.join(missing)}\n\n"
                "Until then the summary can be made from the command line:\n\n"
                "  relief-wizard export answers.json --lang bn --out summary.pdf")
    return None
