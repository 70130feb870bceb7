"""Opening and printing a saved summary PDF with what the computer has.

Qt Widgets cannot draw a PDF page (that needs QtPdf, not in the Essentials
wheel), so the PDF is handed to the system: on Windows through the PDF
viewer's "printto" verb for the printer chosen in Qt's print dialog; on
Linux and macOS through CUPS (`lp`), which prints PDF directly. When neither
works, the PDF opens in the viewer, whose Print button always does.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def page_count(path: Path) -> int:
    """Pages in a PDF this program wrote (reportlab writes one /Type /Page
    object a page, uncompressed)."""
    data = Path(path).read_bytes()
    return max(1, len(re.findall(rb"/Type\s*/Page\b(?!s)", data)))


def print_file(path: Path, printer: str, copies: int = 1) -> bool:
    """Send the PDF to a printer; False if the system could not take it."""
    path = Path(path)
    if sys.platform == "win32":
        return _windows_print(path, printer)
    lp = shutil.which("lp")
    if lp:
        args = [lp, "-n", str(max(1, copies))]
        if printer:
            args += ["-d", printer]
        args.append(str(path))
        try:
            return subprocess.run(args, capture_output=True, timeout=30).returncode == 0
        except (OSError, subprocess.SubprocessError):
            return False
    return False


def _windows_print(path: Path, printer: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    shell = ctypes.windll.shell32.ShellExecuteW
    if printer:
        if shell(None, "printto", str(path), f'"{printer}"', None, 0) > 32:
            return True
    try:
        os.startfile(str(path), "print")  # type: ignore[attr-defined]
        return True
    except OSError:
        return False
