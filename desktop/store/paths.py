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


def make_private_dir(path: Path) -> None:
    # 0o700 matters on Linux/macOS; on Windows the per-user data folder already
    # restricts access and the mode is ignored.
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
