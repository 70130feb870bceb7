"""Where the client records live on this computer."""
from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "RELIEF_WIZARD_DATA_DIR"
APP_DIR_NAME = "ReliefWizard"

DB_NAME = "clients.db"
BACKUP_DIR = "backups"
DAMAGED_DIR = "damaged"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--data-dir, else RELIEF_WIZARD_DATA_DIR, else the user's data folder.

    Local (not roaming) on Windows: the records must stay on this PC, never
    follow a user profile to a server.
    """
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def db_path(root: Path) -> Path:
    return Path(root) / DB_NAME


def backup_dir(root: Path) -> Path:
    return Path(root) / BACKUP_DIR


def damaged_dir(root: Path) -> Path:
    return Path(root) / DAMAGED_DIR


def sidecars(db: Path) -> list[Path]:
    """SQLite's companion files, which belong to the database they sit beside."""
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


# Client records are for this user only: folders 0700, files 0600 on
# Linux/macOS. On Windows the per-user data folder already restricts access
# and the mode bits are ignored.
DIR_MODE, FILE_MODE = 0o700, 0o600
_POSIX = os.name == "posix"


def make_private_dir(path: Path) -> None:
    """Create the folder private, and tighten it if it already existed
    (made by an older version, or by hand with the default 0755)."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _chmod(path, DIR_MODE)


def make_private_file(path: Path) -> None:
    _chmod(path, FILE_MODE)


def tighten(root: Path) -> None:
    """Every folder and file of the records private: the database, its
    SQLite companions (created with the database's own mode), backups and
    damaged copies."""
    if not _POSIX:
        return
    root = Path(root)
    make_private_dir(root)
    for folder in (root, backup_dir(root), damaged_dir(root)):
        if folder != root and folder.is_dir():
            _chmod(folder, DIR_MODE)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_file(follow_symlinks=False):
                _chmod(Path(entry.path), FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    if not _POSIX:
        return
    try:
        if (os.stat(path).st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # not ours to change (a shared folder): the files inside still are
