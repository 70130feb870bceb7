"""The SQLite file: connection settings, health check, schema and migrations.

The schema version is SQLite's `user_version`. Migrations only ever move
forward, one version per transaction, and run only after the passphrase was
accepted: a wrong passphrase must leave the file exactly as it was.
"""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from .errors import DiskFull, StoreBusy, StoreError, StoreNotWritable, TooNew

SCHEMA_VERSION = 3
REQUIRED_TABLES = ("keys", "clients", "answers", "settings")
BUSY_TIMEOUT_S = 5.0


class Unhealthy(Exception):
    """The file cannot be read as a Relief Wizard database (cause not shown:
    SQLite's own wording is no help to a volunteer)."""


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    # mode=rw never creates a file: opening a damaged or missing database must
    # not leave a fresh empty one in its place.
    uri = Path(path).resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S,
                               check_same_thread=False)
    except sqlite3.OperationalError as exc:
        if not create:
            env = environment_error(exc, path)
            if env is not None:
                raise env from None
        raise Unhealthy() from exc
    # Safe before unlock: none of these writes to the file.
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA temp_store=MEMORY")  # no SQLite temp files with decrypted sort data
    return conn


def use_wal(conn: sqlite3.Connection) -> None:
    """Durable autosave: WAL with a sync on every commit, so an answer whose
    save returned survives a power cut, not just a killed process."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")


def is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (5, 6) or "locked" in str(exc) or "busy" in str(exc)


# SQLite's primary result codes (the low byte of extended ones).
_FULL, _READONLY, _CANTOPEN, _PERM = 13, 8, 14, 3


def environment_error(exc: BaseException, path: Path) -> StoreError | None:
    """What the machine, not the file, is to blame for: a full disk, a
    read-only or foreign folder, another process's lock. These must never be
    reported as damage, whose advice (restore a backup) would make them worse."""
    if is_busy(exc):
        return StoreBusy()
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _FULL:
        return DiskFull(Path(path).parent)
    if code in (_READONLY, _PERM):
        return StoreNotWritable(Path(path).parent)
    if code == _CANTOPEN and Path(path).exists():
        # The file is there but cannot be opened for writing, or its -shm
        # cannot be made beside it: the folder or file is read-only.
        return StoreNotWritable(Path(path).parent)
    return None


def db_file(conn: sqlite3.Connection) -> Path:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else Path(".")


def check_health(conn: sqlite3.Connection) -> None:
    """Raise Unhealthy unless the file is an intact Relief Wizard database.

    Everything is read through SQLite. Opening the file with Python's open()
    and closing it would drop every POSIX lock this process holds on it
    (closing any descriptor of a file does), and another process would then
    checkpoint and delete the WAL under a live connection: saved answers
    lost. SQLite itself answers "not a database" for a foreign file."""
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result == [("ok",)] and schema_version(conn) > SCHEMA_VERSION:
            return  # a later version's layout: the caller refuses it as too new
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        has_key = tables >= set(REQUIRED_TABLES) and conn.execute("SELECT count(*) FROM keys").fetchone()[0] == 1
    except sqlite3.DatabaseError as exc:
        env = environment_error(exc, db_file(conn))
        if env is not None:
            raise env from None
        raise Unhealthy() from exc
    if result != [("ok",)] or not has_key:
        raise Unhealthy()


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


@contextlib.contextmanager
def write(conn: sqlite3.Connection):
    """One transaction that takes the write lock at once (BEGIN IMMEDIATE), so
    a second window or a CLI command waits instead of failing half-way."""
    if conn.in_transaction:  # nested in a batch: the outer block commits
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        env = environment_error(exc, db_file(conn))
        if env is not None:
            raise env from None
        raise
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(conn)
        env = environment_error(exc, db_file(conn))
        if env is not None:
            raise env from None
        raise
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite has already rolled back (a full disk can do that)


# --- Migrations. Frozen: once released, a step is never edited, only followed.

_V1_SCHEMA = (
    """CREATE TABLE keys (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kdf TEXT NOT NULL,
    salt BLOB NOT NULL,
    wrapped BLOB NOT NULL,
    changed TEXT NOT NULL
)""",
    """CREATE TABLE clients (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    profile BLOB NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
)""",
    """CREATE TABLE answers (
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    qid TEXT NOT NULL,
    value BLOB NOT NULL,
    changed TEXT NOT NULL,
    PRIMARY KEY (client_id, qid)
)""",
    """CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
)""",
)


def _v1(conn: sqlite3.Connection) -> None:
    # The first version. Client text (names, language) lives only in the sealed
    # `profile`; codes, times and question ids are not client text and stay
    # readable so that listing, ordering and purging need no decryption.
    # executescript() would commit the open transaction first: one statement each.
    for statement in _V1_SCHEMA:
        conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    # Resume needs the last answered question, and the list is ordered by the
    # last change; both were computed by scanning answers in v1. A sealed
    # name index (see clients.Store) makes the first listing fast.
    import sqlite_utils

    db = sqlite_utils.Database(conn, execute_plugins=False)
    db["clients"].add_column("last_question", str)
    db.execute("""
        UPDATE clients SET last_question = (
            SELECT qid FROM answers WHERE answers.client_id = clients.id
            ORDER BY changed DESC, qid LIMIT 1)
    """)
    db["clients"].create_index(["updated"], index_name="clients_by_updated")
    # Opening the list would otherwise decrypt every profile one by one.
    db["name_index"].create({"id": int, "blob": bytes}, pk="id", not_null={"blob"})


def _v3(conn: sqlite3.Connection) -> None:
    # Answers move into one sealed, padded document per client, bound with
    # the profile to the row's code, times and a version counter (see
    # records.py). The sealed rows are rewritten with the key, in this same
    # transaction, by the step's keyed part (records.convert_v2_rows).
    conn.execute("ALTER TABLE clients ADD COLUMN doc BLOB NOT NULL DEFAULT x''")
    conn.execute("ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 0")
    # Moves when the passphrase change puts every row under a new data key:
    # a second window still holding the old key must stop writing.
    conn.execute("ALTER TABLE keys ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0")


MIGRATIONS = {1: _v1, 2: _v2, 3: _v3}


def migrate(conn: sqlite3.Connection, upto: int = SCHEMA_VERSION, keyed=None) -> int:
    """Bring the file forward to `upto`; returns the version it had.

    `keyed(conn, version)` runs inside each step's transaction, after the
    step: the steps that rewrite sealed rows need the data key, which this
    module never sees."""
    start = schema_version(conn)
    if start > SCHEMA_VERSION:
        raise TooNew(start)
    for version in range(start + 1, upto + 1):
        try:
            with write(conn):
                MIGRATIONS[version](conn)
                if keyed is not None:
                    keyed(conn, version)
                elif version == 3 and conn.execute("SELECT 1 FROM clients LIMIT 1").fetchone():
                    raise RuntimeError("schema 3 rewrites sealed rows: migrate with the key")
                conn.execute(f"PRAGMA user_version={version:d}")
        except sqlite3.OperationalError as exc:
            # A step that cannot run on this file (a flipped bit in
            # user_version makes a current file look old): the file is not
            # what its version says, and the transaction left it unchanged.
            raise Unhealthy() from exc
    return start
