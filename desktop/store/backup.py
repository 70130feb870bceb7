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
import errno
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

from . import paths
from .db import Unhealthy, check_health, connect, migrate, write
from .errors import DiskFull, StoreError

KEEP = 7
# A copy every this many saves, and one when a store with unsaved-to-copy
# changes closes: a daily copy alone, taken at the first open, once brought
# back 1 of 401 clients.
EVERY_CHANGES = 25
_NAME = re.compile(r"^clients-(\d{4}-\d{2}-\d{2})(?:-(\d{6}))?\.db$")


def _order(name: str) -> tuple[str, str]:
    m = _NAME.match(name)
    return (m.group(1), m.group(2) or "000000") if m else ("", "")


def list_backups(root: Path) -> list[Path]:
    """Newest first."""
    folder = paths.backup_dir(root)
    try:
        names = [n for n in os.listdir(folder) if _NAME.match(n)]
    except OSError:
        return []
    return [folder / n for n in sorted(names, key=_order, reverse=True)]


def damaged_copies(root: Path) -> list[Path]:
    """Files that restore moved aside (newest first): they may still hold
    clients, so delete and purge reach them too."""
    folder = paths.damaged_dir(root)
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".db")]
    except OSError:
        return []
    return [folder / n for n in sorted(names, reverse=True)]


def take_if_due(conn: sqlite3.Connection, root: Path, today: dt.date | None = None,
                keep: int = KEEP) -> Path | None:
    """The day's copy, unless it exists."""
    today = today or dt.date.today()
    final = paths.backup_dir(root) / f"clients-{today.isoformat()}.db"
    if final.exists():
        return None
    return _take(conn, root, final, keep)


def take_now(conn: sqlite3.Connection, root: Path, keep: int = KEEP,
             now: dt.datetime | None = None) -> Path:
    """A copy of this moment (on close, and every EVERY_CHANGES saves)."""
    now = now or dt.datetime.now()
    final = paths.backup_dir(root) / f"clients-{now:%Y-%m-%d-%H%M%S}.db"
    return _take(conn, root, final, keep)


def _take(conn: sqlite3.Connection, root: Path, final: Path, keep: int) -> Path:
    folder = final.parent
    paths.make_private_dir(folder)
    # A name of this process's own: several processes may take a copy at
    # once, and a shared ".partial" was deleted under another's writer.
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.", suffix=".partial")
    os.close(fd)
    partial = Path(name)
    try:
        _snapshot(conn, partial)
        os.replace(partial, final)  # two finished snapshots of one moment: either will do
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
    """Keep the newest `keep` copies, and the newest copy of each of `keep`
    earlier days: many saves today must not push out yesterday's copy, the
    one to go back to if today's damage came early."""
    keep = max(keep, 1)
    kept_days: set[str] = set()
    for i, path in enumerate(list_backups(root)):
        day = _order(path.name)[0]
        if i < keep:
            kept_days.add(day)
        elif day not in kept_days and len(kept_days) < 2 * keep:
            kept_days.add(day)
        else:
            _remove(path)


def _open_copy(path: Path) -> sqlite3.Connection:
    conn = connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    return conn


def _change_copies(copies: list[Path], change) -> list[Path]:
    """Apply change(conn) to each copy; returns the copies it could not be
    applied to (damaged, busy, or a disk that is full)."""
    failed = []
    for path in copies:
        try:
            conn = _open_copy(path)
        except (Unhealthy, StoreError, sqlite3.DatabaseError):
            failed.append(path)
            continue
        try:
            change(conn)
        except (Unhealthy, StoreError, sqlite3.DatabaseError):
            failed.append(path)
        finally:
            conn.close()
    return failed


def delete_clients(root: Path, ids: list[int]) -> list[Path]:
    """Remove these clients from every copy, automatic or moved aside as
    damaged (secure_delete zeroes the space). Returns the copies that could
    not be cleaned: they may still hold the clients, and the person is told."""
    if not ids:
        return []

    def delete(conn: sqlite3.Connection) -> None:
        with write(conn):
            conn.executemany("DELETE FROM clients WHERE id = ?", [(i,) for i in ids])
            # The copy's name index may still hold the names: drop it whole
            # (a cache; rebuilt if the copy is ever restored).
            conn.execute("DELETE FROM name_index")

    return _change_copies(list_backups(root) + damaged_copies(root), delete)


def replace_key(root: Path, kdf: str, salt: bytes, wrapped: bytes, changed: str) -> None:
    _change_copies(list_backups(root), lambda conn: conn.execute(
        "UPDATE keys SET kdf=?, salt=?, wrapped=?, changed=? WHERE id=1", (kdf, salt, wrapped, changed)))


def rekey_copies(root: Path, old_aead, new_aead, key_row: tuple, keyed_steps) -> list[Path]:
    """After a passphrase change: every automatic copy sealed again under the
    new data key and wrapped with the new passphrase (older copies are
    brought to today's schema first, with the old key). Returns the copies
    that could not be done: they still open with the old passphrase only."""
    from .records import reseal_all

    def rekey(conn: sqlite3.Connection) -> None:
        migrate(conn, keyed=keyed_steps)
        with write(conn):
            reseal_all(conn, old_aead, new_aead)
            conn.execute("UPDATE keys SET kdf=?, salt=?, wrapped=?, changed=?, epoch=epoch+1 WHERE id=1",
                         key_row)
        conn.execute("VACUUM")  # no old-key page left in the copy's free space

    return _change_copies(list_backups(root), rekey)


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

    The new file is built and checked beside the database before anything
    moves, after checking there is room for it: a full disk once left no
    clients.db at all. The current file (damaged or not) is never deleted:
    it moves, with its WAL, into `damaged/`. Returns where it went, or None
    if there was none.
    """
    root = Path(root)
    backup_path = Path(backup_path)
    if not healthy(backup_path):
        raise Unhealthy()
    db = paths.db_path(root)
    if shutil.disk_usage(root).free < 2 * backup_path.stat().st_size + (1 << 20):
        raise DiskFull(root)
    fd, name = tempfile.mkstemp(dir=root, prefix=f".{db.name}.", suffix=".restoring")
    os.close(fd)
    restoring = Path(name)
    try:
        src = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            _snapshot(src, restoring)
        finally:
            src.close()
        if not healthy(restoring):
            raise Unhealthy()
        kept = _move_aside(root, db)
        try:
            os.replace(restoring, db)
        except BaseException:
            if kept is not None:
                _move_back(kept, db)
            raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(root) from None
        raise
    finally:
        _remove(restoring)
    return kept


def _move_aside(root: Path, db: Path) -> Path | None:
    if not db.exists():
        return None
    folder = paths.damaged_dir(root)
    paths.make_private_dir(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = folder / f"clients-{stamp}.db"
    n = 1
    while kept.exists():
        n += 1
        kept = folder / f"clients-{stamp}-{n}.db"
    # The WAL goes with its database: left behind, SQLite would replay it
    # into the restored file and corrupt it.
    for side in paths.sidecars(db):
        if side.exists():
            os.replace(side, folder / (kept.name + side.name[len(db.name):]))
    os.replace(db, kept)
    return kept


def _move_back(kept: Path, db: Path) -> None:
    os.replace(kept, db)
    for side in paths.sidecars(kept):
        if side.exists():
            os.replace(side, db.with_name(db.name + side.name[len(kept.name):]))


def _remove(path: Path) -> None:
    for p in [path, *paths.sidecars(path)]:
        try:
            os.remove(p)
        except FileNotFoundError:
            pass
