"""Where a summary may be saved: USB sticks first, then Documents and the
Desktop; never the program's own folder.

The client should leave with the file on their own stick, and a shared PC's
program folder is the worst place for it (every user of the PC can read it,
and an update may delete it). Which volumes count as removable is decided by
`removable_volumes`, a pure function over plain `Volume`s so tests can feed
it made-up drives; `mounted_volumes` reads the real ones from QStorageInfo.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

# Where desktop Linux mounts a stick for the person logged in (udisks), and
# macOS for everyone.
_REMOVABLE_ROOTS = {"linux": ("/media/", "/run/media/"), "darwin": ("/Volumes/",)}


@dataclass(frozen=True)
class Volume:
    root: str          # the mount point or drive ("E:/")
    name: str          # what the person sees ("KINGSTON"); may be empty
    ready: bool = True
    read_only: bool = False
    is_root: bool = False  # the system volume ("/" or the drive Windows runs from)
    removable: bool | None = None  # the system's own answer where it gives one (Windows)


def program_folders() -> list[Path]:
    """The program's own folders: the bundle or checkout, and the Python or
    .exe that runs it."""
    from ..paths import resource_root

    return [resource_root().resolve(), Path(sys.executable).resolve().parent]


def _inside(path: str | PurePath, folders) -> bool:
    p = Path(path)
    for folder in folders:
        try:
            p.relative_to(folder)
            return True
        except ValueError:
            continue
    return False


def _holds(volume_root: str, folders) -> bool:
    """True if a program folder lies on this volume."""
    root = Path(volume_root)
    for folder in folders:
        try:
            Path(folder).relative_to(root)
            return True
        except ValueError:
            continue
    return False


def removable_volumes(volumes, platform: str = sys.platform, program=None) -> list[Volume]:
    """The volumes a person would call a USB stick or an external drive:
    mounted and ready, writable, not the system volume, not holding the
    program, and removable by the system's word (Windows) or by where it is
    mounted (Linux, macOS). Sorted by name for a stable list."""
    program = program_folders() if program is None else program
    key = "linux" if platform.startswith("linux") else platform
    out = []
    for v in volumes:
        if not v.ready or v.read_only or v.is_root:
            continue
        if program and _holds(v.root, program):
            continue
        if v.removable is not None:
            ok = v.removable
        else:
            root = v.root.replace("\\", "/").rstrip("/") + "/"
            ok = any(root.startswith(prefix) and root != prefix for prefix in _REMOVABLE_ROOTS.get(key, ()))
        if ok:
            out.append(v)
    return sorted(out, key=lambda v: (v.name or v.root).casefold())


def safe_folder(folder: str | os.PathLike | None, program=None) -> Path | None:
    """`folder` if it exists and is not inside the program's folders."""
    if not folder:
        return None
    path = Path(folder)
    program = program_folders() if program is None else program
    if not path.is_dir() or _inside(path.resolve(), program):
        return None
    return path


def is_writable(folder: Path) -> bool:
    """Asked of the folder itself: a read-only stick or a locked-down
    folder answers no before any file is written."""
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def mounted_volumes() -> list[Volume]:  # pragma: no cover - depends on the machine's drives
    from PySide6.QtCore import QStorageInfo

    out = []
    for info in QStorageInfo.mountedVolumes():
        if not info.isValid():
            continue
        root = info.rootPath()
        out.append(Volume(root=root, name=info.displayName() or info.name() or root, ready=info.isReady(),
                          read_only=info.isReadOnly(), is_root=info.isRoot() or _is_system_drive(root),
                          removable=_windows_removable(root)))
    return out


def _is_system_drive(root: str) -> bool:
    if sys.platform != "win32":
        return False
    system = os.environ.get("SystemDrive", "C:").rstrip("\\/").upper()
    return root.replace("\\", "/").rstrip("/").upper() == system


def _windows_removable(root: str) -> bool | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return None
    import ctypes

    drive_removable = 2
    return ctypes.windll.kernel32.GetDriveTypeW(root.replace("/", "\\")) == drive_removable
