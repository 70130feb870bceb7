"""Automatic daily copies of the database, and going back to one.

A copy is taken with SQLite's backup API (a consistent snapshot even while
the database is in use) at most once a local day, only from a file that
passed its integrity check, and the newest few are kept. Copies hold the
same sealed rows as the database, never clear text.

Copies follow the live data where privacy demands it: deleting or purging a
client removes it from every copy, and a new passphrase is written into
every copy, so that neither an old passphrase nor an old copy brings
deleted records back.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from . import paths
from .db import Unhealthy, check_health, connect
from .errors import StoreError

KEEP = 7
_NAME = re.compile(r"^clients-(\d{4}-\d{2}-\d{2})\.db$")


def list_backups(root: Path) -> list[Path]:
    """Newest first."""
    folder = paths.backup_dir(root)
    try:
        names = [n for n in os.listdir(folder) if _NAME.match(n)]
    except OSError:
        return []
    return [folder / n for n in sorted(names, reverse=True)]


def take_if_due(conn: sqlite3.Connection, root: Path, today: dt.date | None = None,
                keep: int = KEEP) -> Path | None:
    today = today or dt.date.today()
    folder = paths.backup_dir(root)
    final = folder / f"clients-{today.isoformat()}.db"
    if final.exists():
        return None
    paths.make_private_dir(folder)
    # A name of this process's own: several processes may take the day's copy
    # at once, and a shared ".partial" was deleted under another's writer.
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.", suffix=".partial")
    os.close(fd)
    partial = Path(name)
    try:
        _snapshot(conn, partial)
        os.replace(partial, final)  # two finished snapshots of one day: either will do
    except BaseException:
        _remove(partial)
        raise
    prune(root, keep)
    return final


def _snapshot(conn: sqlite3.Connection, path: Path) -> None:
    """A consistent copy of conn's database into path, with SQLite's backup
    API. A copy is a plain file, no WAL beside it, so it can be copied or
    restored as one file."""
    dest = sqlite3.connect(path, isolation_level=None)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def prune(root: Path, keep: int = KEEP) -> None:
    for old in list_backups(root)[max(keep, 1):]:
        _remove(old)


def _open_copy(path: Path) -> sqlite3.Connection:
    conn = connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    return conn


def delete_clients(root: Path, ids: list[int]) -> None:
    """Remove these clients from every copy (secure_delete zeroes the space)."""
    if not ids:
        return
    for path in list_backups(root):
        try:
            conn = _open_copy(path)
        except (Unhealthy, sqlite3.DatabaseError):
            continue  # a damaged copy is left for the person to see; it is not offered anyway
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("DELETE FROM clients WHERE id = ?", [(i,) for i in ids])
            # The copy's name index may still hold the names: drop it whole
            # (a cache; rebuilt if the copy is ever restored).
            conn.execute("DELETE FROM name_index")
            conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        finally:
            conn.close()


def replace_key(root: Path, kdf: str, salt: bytes, wrapped: bytes, changed: str) -> None:
    for path in list_backups(root):
        try:
            conn = _open_copy(path)
        except (Unhealthy, sqlite3.DatabaseError):
            continue
        try:
            conn.execute("UPDATE keys SET kdf=?, salt=?, wrapped=?, changed=? WHERE id=1",
                         (kdf, salt, wrapped, changed))
        except sqlite3.DatabaseError:
            pass
        finally:
            conn.close()


def healthy(path: Path) -> bool:
    try:
        conn = connect(path)
    except Unhealthy:
        return False
    try:
        check_health(conn)
        return True
    except (Unhealthy, StoreError):
        return False
    finally:
        conn.close()


def restore(root: Path, backup_path: Path) -> Path | None:
    """Put a copy back in place of the database.

    The current file (damaged or not) is never deleted: it moves, with its
    WAL, into `damaged/`. Returns where it went, or None if there was none.
    """
    root = Path(root)
    backup_path = Path(backup_path)
    if not healthy(backup_path):
        raise Unhealthy()
    db = paths.db_path(root)
    kept = None
    if db.exists():
        folder = paths.damaged_dir(root)
        paths.make_private_dir(folder)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = folder / f"clients-{stamp}.db"
        # The WAL goes with its database: left behind, SQLite would replay it
        # into the restored file and corrupt it.
        for side in paths.sidecars(db):
            if side.exists():
                os.replace(side, folder / (kept.name + side.name[len(db.name):]))
        os.replace(db, kept)
    restoring = db.with_name(db.name + ".restoring")
    _remove(restoring)
    src = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        _snapshot(src, restoring)
    finally:
        src.close()
    os.replace(restoring, db)
    return kept


def _remove(path: Path) -> None:
    for p in [path, *paths.sidecars(path)]:
        try:
            os.remove(p)
        except FileNotFoundError:
            pass
