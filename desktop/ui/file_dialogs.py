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


def ask_open_path(parent: QWidget, title: str, type_label: str, suffix: str,
                  start: Path | None = None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start or documents_folder()),
                                          f"{type_label} (*{suffix})")
    return Path(path) if path else None


# -- USB sticks -------------------------------------------------------------------

def _is_removable(root: str) -> bool:
    import sys

    if sys.platform == "win32":
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == 2  # DRIVE_REMOVABLE
    if sys.platform == "darwin":
        return root.startswith("/Volumes/")
    # udisks mounts sticks under /media/USER or /run/media/USER.
    return root.startswith(("/media/", "/run/media/"))


def removable_drives() -> list[Path]:
    """The USB sticks (removable drives) mounted now, from QStorageInfo."""
    from PySide6.QtCore import QStorageInfo

    return [Path(v.rootPath()) for v in QStorageInfo.mountedVolumes()
            if v.isValid() and v.isReady() and _is_removable(v.rootPath())]


def files_on_drives(drives: list[Path], suffix: str, depth: int = 2, limit: int = 20) -> list[Path]:
    """Files ending in `suffix` at the top of each drive or a folder or two
    down: where a person copies a file to a stick. Bounded, as a stick may
    hold thousands of photos."""
    found: list[Path] = []

    def walk(folder: Path, level: int) -> None:
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
        except OSError:
            return
        for entry in entries:
            if len(found) >= limit:
                return
            try:
                if entry.is_file() and entry.name.lower().endswith(suffix):
                    found.append(entry)
                elif level < depth and entry.is_dir() and not entry.name.startswith((".", "$")):
                    walk(entry, level + 1)
            except OSError:
                continue

    for drive in drives:
        walk(drive, 1)
    return found
