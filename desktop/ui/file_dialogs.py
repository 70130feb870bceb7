"""Where a file the person saves goes, and the dialog that asks.

Files are offered in the Documents folder under a name built from the client
code, never the client's name: a file name shows in folder listings and on a
USB stick. A name typed without the extension gets it, so the file opens
with the right program.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home()))


def ask_save_path(parent: QWidget, title: str, file_name: str, type_label: str, suffix: str) -> Path | None:
    """The path the person chose (with `suffix`), or None if they cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / file_name),
                                          f"{type_label} (*{suffix})")
    if not path:
        return None
    if not path.lower().endswith(suffix):
        path += suffix
    return Path(path)


def ask_open_path(parent: QWidget, title: str, type_label: str, suffix: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), f"{type_label} (*{suffix})")
    return Path(path) if path else None
