"""The Store: a center's client records, encrypted, saved as they are typed.

Open it with the center's passphrase; every method then reads and writes
sealed rows (see crypto.py). Each change is its own durable transaction, so
a crash or a power cut loses nothing that a method had returned from.

Names are sealed, so they cannot be searched in SQL. After unlock the
profiles are decrypted once into memory and kept there (never on disk in
clear); listing and searching 10,000 clients is then a scan of a Python
list. The first listing reads them from a sealed name index (one blob, one
decryption) rather than decrypting 10,000 rows one by one.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any

from ..logic.text import N_, Message
from . import backup, crypto, db, paths, records, transfer
from .errors import (
    BadClientField,
    DamagedDatabase,
    DamagedRecord,
    KeyChanged,
    NoStore,
    StoreBusy,
    StoreError,
    StoreExists,
    TooNew,
    UnknownClient,
    WeakPassphrase,
    WrongPassphrase,
)

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U: read aloud and typed back safely
CODE_LEN = 6
LANGS = transfer.LANGS
MAX_NAME = 200
_SEP = records.SEP
_REC = "\x1e"

SETTING_DEFAULTS: dict[str, Any] = {
    "purge_days": None,        # None: the center has not chosen; nothing is purged automatically
    "idle_lock_minutes": 10,
    "paper_size": None,        # None: from the client's language
    "language": "en",
    "backups_kept": backup.KEEP,
}


@dataclass(frozen=True)
class Client:
    id: int
    code: str
    name: str
    name_latin: str
    lang: str
    created: dt.datetime
    updated: dt.datetime
    last_question: str | None
    # The sealed profile failed authentication (a flipped bit on disk, or an
    # edited file): the name is unknown. The rest of the list still opens.
    damaged: bool = False


class HealthCheck:
    """The database file's health check (PRAGMA integrity_check), started
    before the passphrase is known: the unlock screen starts it while the
    person types, so that on a one-CPU PC unlocking costs the KDF and not the
    KDF plus the check (a quarter of the KDF's time with 10,000 clients).
    Reads only, through SQLite, on its own connection. It holds only while
    the database file is as it was when it started (see current())."""

    def __init__(self, data_dir):
        self.path = paths.db_path(Path(data_dir))
        self._stamp = self._file_stamp()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="store-health", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = db.connect(self.path)
            try:
                db.check_health(conn)
            finally:
                conn.close()
        except BaseException as exc:  # noqa: BLE001 - raised in the unlocking thread
            self._error = exc

    def _file_stamp(self):
        # The database file only: a reader's own connection makes the WAL, and
        # commits to the WAL by SQLite do not damage anything.
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns, st.st_ino

    def current(self, path: Path) -> bool:
        """Checked this file, and nothing has written to it since."""
        return path == self.path and self._file_stamp() == self._stamp

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def _spare_cpu() -> bool:
    """Whether another CPU can read the client list while scrypt runs. On a
    single CPU the reading would not overlap the KDF, only add to it."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # Windows, macOS
        return (os.cpu_count() or 1) > 1


def _make_client(*values) -> Client:
    # The frozen dataclass __init__ costs three times a plain one (a guarded
    # setattr per field); the list builds 10,000 of them after unlock.
    client = object.__new__(Client)
    client.__dict__.update(zip(_CLIENT_FIELDS, values))
    return client


_CLIENT_FIELDS = tuple(Client.__dataclass_fields__)


def _skeleton(row) -> _Entry:
    """An entry with everything but the sealed profile: needs no key, so the
    first listing's share of this work runs beside the KDF at unlock. The
    profile fields are filled in before anyone sees the Client."""
    client_id, code, nonce, created, updated, version = row
    return _Entry(_make_client(client_id, code, "", "", "en", _time(created), _time(updated), None, False),
                  nonce, updated, code, "", code.replace("-", ""), created, version)


def _skeletons(rows) -> list[_Entry]:
    return [_skeleton(r) for r in rows]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def normalize_code(text: str) -> str | None:
    """'k7m3qp', 'K7M 3QP', 'K7M-3QP' -> 'K7M-3QP'; None if it cannot be a code."""
    raw = "".join(ch for ch in str(text).upper() if ch not in "- ")
    if len(raw) != CODE_LEN or any(ch not in CODE_ALPHABET for ch in raw):
        return None
    return f"{raw[:3]}-{raw[3:]}"


def _new_code() -> str:
    # SystemRandom is what secrets.choice uses (os.urandom), without secrets'
    # import of hmac and the system's OpenSSL (see crypto.random_bytes).
    pick = random.SystemRandom().choice
    raw = "".join(pick(CODE_ALPHABET) for _ in range(CODE_LEN))
    return f"{raw[:3]}-{raw[3:]}"


class _MarkStripper(dict):
    """str.translate table that drops combining marks, filled in as characters
    are met (a full table would mean testing 1.1 million code points)."""

    def __missing__(self, cp: int):
        value = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = value
        return value


_STRIP_MARKS = _MarkStripper()


def fold(text: str) -> str:
    """Search form: case and accents ignored ('José' matches 'jose')."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).translate(_STRIP_MARKS).casefold()


def _code_key(text: str) -> str:
    return text.upper().replace("-", "").replace(" ", "")


# The zero-width joiner and non-joiner choose letter forms in Bengali,
# Devanagari, Gurmukhi and Urdu names; every other format character
# (bidi overrides and embeddings, isolates, marks, zero-width spaces, the
# BOM) is invisible or reorders text, so a name holding one can pose as another.
_KEPT_FORMAT = {"\u200c", "\u200d"}


def clean_name(text: str) -> str:
    """A name as it may be saved and shown: one line, nothing invisible."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif cat == "Cf" and ch not in _KEPT_FORMAT:
            continue
        else:
            out.append(ch)
    return "".join(out).strip()


def check_name(value: Any) -> str:
    if not isinstance(value, str):
        raise BadClientField(Message(N_("The name must be text.")))
    # Line breaks and control characters have no place in a name (the profile
    # format uses one as separator), nor invisible ones (see clean_name).
    value = clean_name(value)
    if len(value) > MAX_NAME:
        raise BadClientField(Message(N_("The name is too long (at most {max} characters)."), {"max": MAX_NAME}))
    return value


def _check_passphrase(passphrase: str) -> None:
    """For a new passphrase only: the one a store already has always opens it."""
    from .passphrase_strength import too_weak

    why = too_weak(passphrase)
    if why:
        raise WeakPassphrase(crypto.MIN_PASSPHRASE, guessable=why == "guessable")


def _locked(method):
    @wraps(method)
    def run(self, *args, **kwargs):
        with self._lock:
            if self._conn is None:
                raise RuntimeError("the store is closed")
            return method(self, *args, **kwargs)
    return run


@dataclass(eq=False, slots=True)
class _Entry:
    client: Client
    nonce: bytes  # of the sealed profile: a new one each time the profile changes
    updated: str  # as stored, to see cheaply whether the row changed
    code: str
    names: str    # folded name and Latin name, for search
    code_key: str
    created: str  # as stored: with code, updated and version, what the seals are bound to
    version: int

    def keys(self) -> records.RowKeys:
        return records.RowKeys(self.client.id, self.code, self.created, self.updated, self.version)

    def sort_key(self) -> tuple[str, int]:
        return (self.updated, self.client.id)


class Settings:
    """Center settings, sealed like client data (they say how long data is kept)."""

    def __init__(self, store: Store):
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        return self._store._get_setting(key, SETTING_DEFAULTS.get(key, default))

    def set(self, key: str, value: Any) -> None:
        self._store._set_setting(key, value)

    __getitem__ = get
    __setitem__ = set

    def all(self) -> dict[str, Any]:
        return {k: self.get(k) for k in SETTING_DEFAULTS}



# Sealed settings are padded with NULs to a whole number of buckets, so their
# length does not tell one value from another (answers live in the padded
# document of records.py). JSON never holds a raw NUL (it escapes control
# characters), so the padding comes off unambiguously.
VALUE_BUCKET = 128


def _padded(raw: bytes) -> bytes:
    size = max(VALUE_BUCKET, -(-len(raw) // VALUE_BUCKET) * VALUE_BUCKET)
    return raw + b"\x00" * (size - len(raw))


class Store:
    def __init__(self, root: Path, conn: sqlite3.Connection, key: bytes):
        self.data_dir = Path(root)
        self.path = paths.db_path(self.data_dir)
        self._conn: sqlite3.Connection | None = conn
        self._aead = crypto.aead_for(key)
        self._key = key
        self._lock = threading.RLock()
        self._entries: dict[int, _Entry] = {}
        self._listing: list[_Entry] | None = None
        self._seen_version = -1
        self._index_stale = False
        self._since_copy = 0  # saves since the last automatic copy
        self.purge_refused = 0  # stale clients purge left alone: their seal did not match their row
        self._epoch = _key_epoch(conn)
        # Copies that a delete or purge could not clean (damaged, or busy):
        # they may still hold the deleted clients; the caller tells the person.
        self.unclean_copies: list[Path] = []
        self._ready = None  # listing rows read during unlock, filled in on the first listing
        self.settings = Settings(self)

    # --- opening and closing -------------------------------------------------

    @staticmethod
    def exists(data_dir) -> bool:
        """Whether this folder holds client records (a passphrase was set).
        Backups without the database count: the file went missing, and a new
        passphrase must not be set over what the backups hold."""
        root = Path(data_dir)
        return paths.db_path(root).exists() or bool(backup.list_backups(root))

    @classmethod
    def create(cls, data_dir, passphrase: str) -> Store:
        _check_passphrase(passphrase)
        root = Path(data_dir)
        target = paths.db_path(root)
        if Store.exists(root):
            raise StoreExists(root)
        paths.make_private_dir(root)
        # Built under another name and renamed when complete: a crash half-way
        # never leaves a file that looks like a store without a key.
        # The name is this process's own: two windows or commands creating
        # the store at once must not build into one file.
        fd, name = tempfile.mkstemp(dir=root, prefix=f".{target.name}.", suffix=".new")
        os.close(fd)
        fresh = Path(name)
        try:
            key = crypto.new_data_key()
            wk = crypto.wrap(key, passphrase, crypto.store_kdf())
            conn = db.connect(fresh, create=True)
            try:
                db.migrate(conn)
                conn.execute("INSERT INTO keys (id, kdf, salt, wrapped, changed) VALUES (1, ?, ?, ?, ?)",
                             (wk.params.to_json(), wk.salt, wk.wrapped, _now()))
            finally:
                conn.close()
            # link() creates the name only if it is free: of two creators,
            # one wins and the other is told the records exist.
            try:
                os.link(fresh, target)
            except FileExistsError:
                raise StoreExists(root) from None
            except OSError:
                if target.exists():
                    raise StoreExists(root) from None
                os.replace(fresh, target)
        finally:
            backup._remove(fresh)
        conn = db.connect(target)
        db.use_wal(conn)
        store = cls(root, conn, key)
        store.backup_if_due()
        return store

    @classmethod
    def open(cls, data_dir, passphrase: str, health: HealthCheck | None = None) -> Store:
        """Unlock the records. Raises WrongPassphrase (nothing written),
        DamagedDatabase (the file is left untouched), NoStore, TooNew, StoreBusy.
        `health`: the file's check, started while the passphrase was typed."""
        root = Path(data_dir)
        path = paths.db_path(root)
        paths.tighten(root)
        if not path.exists():
            backups = backup.list_backups(root)
            if backups:
                raise DamagedDatabase(path, backups, missing=True)
            raise NoStore(root)
        try:
            conn = db.connect(path)
        except db.Unhealthy:
            raise DamagedDatabase(path, backup.list_backups(root)) from None
        try:
            key, wk, ready = cls._unlock(conn, path, passphrase, health)
            # Unlocked: from here on, writing is allowed.
            db.use_wal(conn)
            try:
                if db.migrate(conn, keyed=_keyed_steps(crypto.aead_for(key))) != db.SCHEMA_VERSION:
                    ready = None  # rows read before the migration are not today's rows
            except db.Unhealthy:
                raise DamagedDatabase(path, backup.list_backups(root)) from None
        except BaseException:
            conn.close()
            raise
        store = cls(root, conn, key)
        try:
            # Filled in (names from the index) when the whole list is first
            # needed: the first screen after unlock asks for one page only.
            store._ready = ready
            store._strengthen_kdf(passphrase, wk)
            store.backup_if_due()
        except BaseException:
            store.close()
            raise
        return store

    @staticmethod
    def _unlock(conn: sqlite3.Connection, path: Path, passphrase: str, health: HealthCheck | None = None):
        """The data key, its wrapping, and the listing rows read while scrypt ran.

        scrypt releases the GIL, so the integrity check, reading the list and
        preparing its entries run beside it on the second core: unlock costs
        about the KDF plus filling in the names from the name index.
        Damage is reported before a wrong passphrase, and nothing is written.
        """
        root = path.parent
        try:
            wk = _read_key(conn)
            version = db.schema_version(conn)
        except (db.Unhealthy, sqlite3.DatabaseError):
            wk = version = None  # the integrity check below says what is wrong
        found: dict[str, Any] = {}

        def check_and_read():
            try:
                if health is not None and health.current(path):
                    health.wait()  # raises what check_health raised
                else:
                    db.check_health(conn)
                if version == db.SCHEMA_VERSION and _spare_cpu():
                    rows = conn.execute(Store._LISTING_SQL).fetchall()
                    found["ready"] = (_skeletons(rows),
                                      conn.execute("SELECT blob FROM name_index WHERE id=1").fetchone(),
                                      conn.execute("PRAGMA data_version").fetchone()[0])
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                found["error"] = exc

        worker = threading.Thread(target=check_and_read, name="store-unlock", daemon=True)
        worker.start()
        key = None
        try:
            if wk is not None and version is not None and version <= db.SCHEMA_VERSION:
                try:
                    key = crypto.unwrap(wk, passphrase)
                except crypto.InvalidSeal:
                    pass
        finally:
            worker.join()
        error = found.get("error")
        if isinstance(error, db.Unhealthy) or (error is None and wk is None):
            raise DamagedDatabase(path, backup.list_backups(root))
        if error is not None:
            raise error
        if version > db.SCHEMA_VERSION:
            raise TooNew(version)
        if key is None:
            raise WrongPassphrase()
        return key, wk, found.get("ready")

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._save_name_index()
                self._checkpoint()
                if self._since_copy:
                    self._copy_now()
            finally:
                self._conn.close()
                self._conn = None
                # Best effort: Python cannot wipe memory, but nothing keeps these alive.
                self._aead = self._key = None
                self._entries.clear()
                self._listing = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @staticmethod
    def backups(data_dir) -> list[Path]:
        """Automatic copies, newest first."""
        return backup.list_backups(Path(data_dir))

    @staticmethod
    def check_passphrase(db_file, passphrase: str) -> None:
        """Whether the passphrase opens this database file (a backup, say),
        without changing it. Raises WrongPassphrase or DamagedDatabase."""
        path = Path(db_file)
        try:
            conn = db.connect(path)
        except db.Unhealthy:
            raise DamagedDatabase(path, []) from None
        try:
            db.check_health(conn)
            crypto.unwrap(_read_key(conn), passphrase)
        except db.Unhealthy:
            raise DamagedDatabase(path, []) from None
        except crypto.InvalidSeal:
            raise WrongPassphrase() from None
        finally:
            conn.close()

    @staticmethod
    def restore_backup(data_dir, backup_path) -> Path | None:
        """Replace the database with a copy; the replaced file is kept in
        `damaged/` (its path is returned). Open the store again afterwards."""
        try:
            return backup.restore(Path(data_dir), Path(backup_path))
        except db.Unhealthy:
            raise DamagedDatabase(Path(backup_path), []) from None
        except PermissionError:
            # Windows: another window still has the file open.
            raise StoreBusy() from None

    @staticmethod
    def damaged_copies(data_dir) -> list[Path]:
        """Files a restore moved aside, newest first."""
        return backup.damaged_copies(Path(data_dir))

    @_locked
    def backup_if_due(self) -> Path | None:
        """Take today's copy unless it exists (the GUI may call this now and
        then; opening the store does). An empty store is not worth a copy, and
        would use up the day's one."""
        if not self._conn.execute("SELECT 1 FROM clients LIMIT 1").fetchone():
            return None
        try:
            return backup.take_if_due(self._conn, self.data_dir, keep=self._keep())
        except (OSError, sqlite3.Error):
            # The copy is a safety net, not the work: a full disk or a busy
            # moment must not stop the person's save or command. The next
            # open tries again.
            return None

    def _copy_now(self) -> None:
        """A copy of this moment; like the daily one, never fails the work."""
        try:
            backup.take_now(self._conn, self.data_dir, keep=self._keep())
            self._since_copy = 0
        except (OSError, sqlite3.Error, StoreError):
            pass

    def _keep(self) -> int:
        kept = self._get_setting("backups_kept", backup.KEEP)
        return kept if isinstance(kept, int) and kept >= 1 else backup.KEEP

    def _strengthen_kdf(self, passphrase: str, wk: crypto.WrappedKey) -> None:
        # A store created with the test KDF, or by an older version with a
        # lower cost, is re-wrapped at today's cost once it is unlocked.
        if crypto.test_mode():
            return
        target = crypto.STORE_KDF
        p = wk.params
        if p.n * p.r * p.p < target.n * target.r * target.p:
            self._write_key(crypto.wrap(self._key, passphrase, target))

    def _write_key(self, wk: crypto.WrappedKey) -> None:
        row = (wk.params.to_json(), wk.salt, wk.wrapped, _now())
        with self._txn():
            self._conn.execute("UPDATE keys SET kdf=?, salt=?, wrapped=?, changed=? WHERE id=1", row)
        # The old wrapping must not linger in the WAL, nor in the copies.
        self._checkpoint()
        backup.replace_key(self.data_dir, *row)

    @contextlib.contextmanager
    def _txn(self):
        """A write transaction, refused if the rows were put under a new data
        key (a passphrase change in another window) since this one opened:
        what it would seal with the old key nobody could read."""
        with db.write(self._conn) as conn:
            if self._epoch != _key_epoch(conn):
                raise KeyChanged()
            yield conn

    @_locked
    def change_passphrase(self, old: str, new: str) -> None:
        """A new passphrase and a new data key: every sealed value is sealed
        again in one transaction, so a copy of the file taken before, with the
        old passphrase, opens only what was there before the change. The
        automatic copies follow (the new passphrase opens them); one that
        cannot be opened is reported in `unclean_copies`."""
        try:
            old_key = crypto.unwrap(_read_key(self._conn), old)
        except crypto.InvalidSeal:
            raise WrongPassphrase() from None
        except db.Unhealthy:
            raise DamagedDatabase(self.path, backup.list_backups(self.data_dir)) from None
        _check_passphrase(new)
        new_key = crypto.new_data_key()
        wk = crypto.wrap(new_key, new, crypto.store_kdf())
        old_aead, new_aead = crypto.aead_for(old_key), crypto.aead_for(new_key)
        row = (wk.params.to_json(), wk.salt, wk.wrapped, _now())
        with self._txn():
            records.reseal_all(self._conn, old_aead, new_aead)
            self._conn.execute("UPDATE keys SET kdf=?, salt=?, wrapped=?, changed=?, epoch=epoch+1 WHERE id=1", row)
            self._epoch = _key_epoch(self._conn)
        self._aead, self._key = new_aead, new_key
        # Every nonce changed: the list is read again (and its index rebuilt).
        self._entries.clear()
        self._listing = None
        self._index_stale = True
        self._checkpoint()  # no old-key page may linger in the WAL
        self.unclean_copies = backup.rekey_copies(self.data_dir, old_aead, new_aead, row,
                                                  _keyed_steps(old_aead))

    def _checkpoint(self) -> None:
        # TRUNCATE empties the WAL file, so deleted or replaced rows do not
        # survive in old WAL frames. If another window is reading, it cannot
        # finish now; the next checkpoint will.
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.OperationalError:
            pass

    # --- sealing -----------------------------------------------------------

    def _seal(self, value: Any, context: str) -> bytes:
        raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return crypto.seal(self._aead, _padded(raw), context)

    def _unseal(self, blob: bytes, context: str) -> Any:
        try:
            # Values sealed before padding have no trailing NULs: rstrip keeps them as they were.
            return json.loads(crypto.unseal(self._aead, blob, context).rstrip(b"\x00"))
        except (crypto.InvalidSeal, ValueError):
            raise DamagedRecord() from None

    def _open_profile(self, keys: records.RowKeys, blob) -> tuple[str, str, str, str | None]:
        try:
            return records.open_profile(self._aead, keys, blob)
        except records.Unreadable:
            raise DamagedRecord() from None

    def _row_keys(self, client_id: int, *, with_blobs: bool = False):
        row = self._conn.execute("SELECT id, code, created, updated, version, profile, doc FROM clients "
                                 "WHERE id=?", (client_id,)).fetchone()
        if row is None:
            raise UnknownClient(str(client_id))
        keys = records.RowKeys(*row[:5])
        return (keys, row[5], row[6]) if with_blobs else keys

    def _read_doc(self, keys: records.RowKeys, blob) -> records.Answers:
        try:
            return records.open_doc(self._aead, keys, blob)
        except records.Unreadable:
            raise DamagedRecord() from None

    def _rewrite(self, client_id: int, change) -> None:
        """Read a client's profile and answers, let `change(answers)` edit the
        answers (and return the new profile fields or None), seal both again
        under the next version, in the caller's transaction. Read inside the
        transaction: another window may have saved this client a moment ago."""
        keys, profile, doc = self._row_keys(client_id, with_blobs=True)
        try:
            current = self._open_profile(keys, profile)[:3]
        except DamagedRecord:
            current = None  # typing the name again repairs it (see update_client)
        answers = self._read_doc(keys, doc)
        fields = change(answers) or current
        if fields is None:
            raise DamagedRecord()
        new = records.RowKeys(keys.id, keys.code, keys.created, _now(), keys.version + 1)
        self._conn.execute(
            "UPDATE clients SET profile=?, doc=?, updated=?, version=? WHERE id=?",
            (records.seal_profile(self._aead, new, *fields, records.last_question(answers)),
             records.seal_doc(self._aead, new, answers), new.updated, new.version, client_id))

    # --- clients ---------------------------------------------------------------

    @_locked
    def new_client(self, name: str, name_latin: str = "", lang: str = "en") -> Client:
        name, name_latin, lang = check_name(name), check_name(name_latin), transfer.check_lang(lang)
        with self._txn():
            client_id = self._insert_client(name, name_latin, lang, _now())
        self._changed(client_id)
        return self.get_client(client_id)

    def _insert_client(self, name: str, name_latin: str, lang: str, created: str,
                       code: str | None = None, answers: records.Answers | None = None) -> int:
        def taken(c: str) -> bool:
            return self._conn.execute("SELECT 1 FROM clients WHERE code=?", (c,)).fetchone() is not None

        if not code or taken(code):
            code = _new_code()
            while taken(code):
                code = _new_code()
        now = _now()
        # The id is part of what the values are sealed to, so it is known only
        # after the insert; both writes are in the caller's one transaction.
        client_id = self._conn.execute(
            "INSERT INTO clients (code, profile, doc, created, updated, version, last_question) "
            "VALUES (?, x'', x'', ?, ?, 1, NULL) RETURNING id", (code, created, now)).fetchone()[0]
        keys = records.RowKeys(client_id, code, created, now, 1)
        answers = dict(answers or {})
        self._conn.execute("UPDATE clients SET profile=?, doc=? WHERE id=?",
                           (records.seal_profile(self._aead, keys, name, name_latin, lang,
                                                 records.last_question(answers)),
                            records.seal_doc(self._aead, keys, answers), client_id))
        return client_id

    # Rows are read with the profile's nonce only: every seal draws a fresh
    # nonce, so it names the profile's version and tells whether the copy in
    # memory, or in the name index, is still the current one.
    _COLUMNS = "id, code, substr(profile, 2, 12), created, updated, version"

    def _entry(self, row) -> _Entry:
        """The entry for a row read now, reusing what is known of it. Every
        write seals the profile again (a fresh nonce), so a row whose nonce
        is known but whose clear columns differ was changed outside the app:
        its profile is opened again, and fails if the columns were forged."""
        client_id, code, nonce, created, updated, version = row
        cached = self._entries.get(client_id)
        if (cached is not None and cached.nonce == nonce and cached.updated == updated
                and cached.code == code and cached.created == created and cached.version == version):
            return cached
        entry = _skeleton(row)
        self._fill_profile(entry)
        self._entries[client_id] = entry
        return entry

    def _fill_profile(self, entry: _Entry) -> None:
        """Decrypt one profile into a skeleton entry (a new or changed client)."""
        client_id = entry.client.id
        blob = self._conn.execute("SELECT profile FROM clients WHERE id=?", (client_id,)).fetchone()[0]
        fields = entry.client.__dict__
        try:
            (fields["name"], fields["name_latin"], fields["lang"],
             fields["last_question"]) = self._open_profile(entry.keys(), blob)
        except DamagedRecord:
            fields["damaged"] = True
            entry.names = "\n"
            return
        entry.names = fold(fields["name"]) + "\n" + fold(fields["name_latin"])
        self._index_stale = True

    def _fill(self, skeletons: list[_Entry], index_row, version: int) -> None:
        """The first listing: names from the sealed name index into entries
        prepared without the key (see _skeleton); only profiles the index
        does not know, or knows in an older version, are decrypted one by one."""
        known = self._read_name_index(index_row[0]) if index_row is not None else {}
        entries = self._entries
        for e in skeletons:
            fields = e.client.__dict__
            k = known.get(fields["id"])
            # The index was sealed with the row as it was then: a row whose
            # code or times changed since must prove itself on its own.
            if k is not None and k[0] == e.nonce and k[6:] == (e.code, e.created, e.updated, e.version):
                fields["name"], fields["name_latin"], fields["lang"], fields["last_question"] = k[1], k[2], k[3], k[5]
                e.names = k[4]
            else:
                self._fill_profile(e)
            entries[fields["id"]] = e
        self._listing = skeletons
        self._seen_version = version

    _LISTING_SQL = f"SELECT {_COLUMNS} FROM clients ORDER BY updated DESC, id DESC"

    def _all_entries(self) -> list[_Entry]:
        # data_version moves when another connection (a second window, a CLI
        # command) commits; our own writes keep _listing up to date themselves.
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        ready, self._ready = self._ready, None
        if self._listing is None and ready is not None and ready[2] == version:
            self._fill(*ready)
        elif self._listing is None or version != self._seen_version:
            rows = self._conn.execute(self._LISTING_SQL).fetchall()
            if self._entries and self._seen_version >= 0:  # a re-read: most rows are known already
                self._listing = [self._entry(r) for r in rows]
                live = {e.client.id for e in self._listing}
                for gone in self._entries.keys() - live:
                    del self._entries[gone]
                self._seen_version = version
            else:
                index = self._conn.execute("SELECT blob FROM name_index WHERE id=1").fetchone()
                self._fill(_skeletons(rows), index, version)
        return self._listing

    # --- the name index: every profile, decrypted, sealed as one value -------
    #
    # Opening the list must not decrypt 10,000 profiles one by one. The index
    # holds (id, nonce, name, Latin name, language) for every client, sealed
    # as one blob: one decryption and one split at the first listing. It is a
    # cache: an entry whose nonce no longer matches its row is ignored and
    # that profile decrypted on its own, so a stale index (a crash, another
    # window) is slower, never wrong. It is rewritten when the store closes,
    # and at once, in the same transaction, when clients are deleted: a
    # deleted name must not live on inside it.

    def _read_name_index(self, blob: bytes | None = None) -> dict[int, tuple]:
        if blob is None:
            row = self._conn.execute("SELECT blob FROM name_index WHERE id=1").fetchone()
            if row is None:
                return {}
            blob = row[0]
        try:
            text = crypto.unseal(self._aead, blob, "name-index").decode("utf-8")
            out = {}
            for record in filter(None, text.split(_REC)):
                cid, nonce, name, latin, lang, names, last, code, created, updated, version = record.split(_SEP)
                out[int(cid)] = (bytes.fromhex(nonce), name, latin, lang, names, last or None,
                                 code, created, updated, int(version))
            return out
        except (crypto.InvalidSeal, ValueError):
            return {}  # a cache: rebuilt from the rows

    def _write_name_index(self, entries: dict[int, tuple]) -> None:
        """Inside the caller's transaction. Only clients that exist now are
        written: another window may have deleted some since we read them."""
        live = {r[0] for r in self._conn.execute("SELECT id FROM clients")}
        text = _REC.join(_SEP.join((str(cid), v[0].hex(), v[1], v[2], v[3], v[4], v[5] or "",
                                    v[6], v[7], v[8], str(v[9])))
                         for cid, v in entries.items() if cid in live)
        blob = crypto.seal(self._aead, text.encode("utf-8"), "name-index")
        self._conn.execute("INSERT INTO name_index (id, blob) VALUES (1, ?) "
                           "ON CONFLICT (id) DO UPDATE SET blob=excluded.blob", (blob,))

    def _save_name_index(self) -> None:
        if not self._index_stale or self._listing is None:
            return
        entries = {cid: (e.nonce, e.client.name, e.client.name_latin, e.client.lang, e.names,
                         e.client.last_question, e.code, e.created, e.updated, e.version)
                   for cid, e in self._entries.items() if not e.client.damaged}
        try:
            with self._txn():
                self._write_name_index(entries)
            self._index_stale = False
        except StoreBusy:
            pass  # another window holds the lock; the index stays a little stale
        except KeyChanged:
            pass  # sealed with our old key it would be useless: the new key's holder rebuilds it

    def _drop_from_name_index(self, ids: list[int]) -> None:
        """Inside the deleting transaction."""
        entries = self._read_name_index()
        if any(i in entries for i in ids):
            for i in ids:
                entries.pop(i, None)
            self._write_name_index(entries)

    def _changed(self, client_id: int | None = None) -> None:
        """After our own write. One client touched: move just its entry (a
        save must not cost a re-read of 10,000 rows); otherwise re-read."""
        if not self._conn.in_transaction:  # a batch counts when it commits
            self._since_copy += 1
            if self._since_copy >= backup.EVERY_CHANGES:
                self._copy_now()
        listing = self._listing
        if listing is None:
            return
        if client_id is None or self._conn.in_transaction:
            self._listing = None
            return
        old = self._entries.get(client_id)
        if old is not None and old in listing:
            listing.remove(old)  # identity comparison (eq=False)
        row = self._conn.execute(f"SELECT {self._COLUMNS} FROM clients WHERE id=?", (client_id,)).fetchone()
        if row is None:
            self._entries.pop(client_id, None)
            return
        entry = self._entry(row)
        if listing and entry.sort_key() < listing[0].sort_key():
            self._listing = None  # the clock went back: re-read in order
        else:
            listing.insert(0, entry)

    @_locked
    def list_clients(self, search: str = "") -> list[Client]:
        """Most recently changed first. `search` matches names (any case,
        accents ignored) and codes (3 characters or more, dash optional);
        every word must match."""
        entries = self._all_entries()
        words = search.split()
        if not words:
            return [e.client for e in entries]
        # A word is looked for in codes only from 3 characters on: "Ana B"
        # must not match every code that holds a B.
        tests = [(fold(w), k if len(k) >= 3 else None) for w in words for k in (_code_key(w),)]
        for n, c in tests:  # narrowing word by word: comprehensions, no per-entry generator
            if c:
                entries = [e for e in entries if n in e.names or c in e.code_key]
            else:
                entries = [e for e in entries if n in e.names]
        return [e.client for e in entries]

    @_locked
    def recent_clients(self, limit: int) -> tuple[int, list[Client]]:
        """How many clients there are, and the `limit` most recently changed:
        what the client list shows before a search. Before the whole list was
        first read, only these profiles are decrypted, so the list appears
        right after the passphrase is checked (on one CPU, reading 10,000
        names would add more than the KDF's own time)."""
        if self._listing is not None:
            entries = self._all_entries()
            return len(entries), [e.client for e in entries[:limit]]
        count = self._conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        rows = self._conn.execute(f"{self._LISTING_SQL} LIMIT ?", (limit,)).fetchall()
        stale = self._index_stale  # the whole listing reads the index again and decides
        page = [self._entry(r).client for r in rows]
        self._index_stale = stale
        return count, page

    @_locked
    def get_client(self, code_or_id: int | str) -> Client:
        if isinstance(code_or_id, int) and not isinstance(code_or_id, bool):
            row = self._conn.execute(f"SELECT {self._COLUMNS} FROM clients WHERE id=?",
                                     (code_or_id,)).fetchone()
        else:
            code = normalize_code(code_or_id)
            row = code and self._conn.execute(f"SELECT {self._COLUMNS} FROM clients WHERE code=?",
                                              (code,)).fetchone()
        if not row:
            raise UnknownClient(str(code_or_id))
        return self._entry(row).client

    @_locked
    def update_client(self, client_id: int, *, name: str | None = None, name_latin: str | None = None,
                      lang: str | None = None) -> Client:
        current = self.get_client(client_id)
        name = current.name if name is None else check_name(name)
        name_latin = current.name_latin if name_latin is None else check_name(name_latin)
        lang = current.lang if lang is None else transfer.check_lang(lang)
        with self._txn():
            self._rewrite(client_id, lambda answers: (name, name_latin, lang))
        self._changed(client_id)
        return self.get_client(client_id)

    @_locked
    def delete_client(self, client_id: int) -> None:
        """Gone from the database file, its WAL and every automatic copy."""
        with self._txn():
            if self._conn.execute("DELETE FROM clients WHERE id=?", (client_id,)).rowcount == 0:
                raise UnknownClient(str(client_id))
            self._drop_from_name_index([client_id])
        self._changed(client_id)
        self._checkpoint()
        self.unclean_copies = backup.delete_clients(self.data_dir, [client_id])

    @staticmethod
    def _cutoff(older_than_days: int) -> str:
        if isinstance(older_than_days, bool) or not isinstance(older_than_days, int) or older_than_days < 1:
            raise BadClientField(Message(N_("Give a number of days of 1 or more.")))
        return (dt.datetime.now(dt.UTC) - dt.timedelta(days=older_than_days)).isoformat(timespec="microseconds")

    def _stale_ids(self, cutoff: str) -> list[int]:
        return [r[0] for r in self._conn.execute("SELECT id FROM clients WHERE updated < ?", (cutoff,))]

    @_locked
    def count_stale(self, older_than_days: int) -> int:
        """How many clients `purge` would delete now: asked before it runs."""
        return len(self._stale_ids(self._cutoff(older_than_days)))

    @_locked
    def purge(self, older_than_days: int) -> int:
        """Delete every client not changed in this many days; returns how many."""
        cutoff = self._cutoff(older_than_days)
        with self._txn():
            ids = []
            self.purge_refused = 0
            for i in self._stale_ids(cutoff):
                # The last-change time is clear (purge must read it without
                # the key), so it is checked against the seal before a client
                # is deleted for it: a back-dated row is not purged.
                keys, profile, _ = self._row_keys(i, with_blobs=True)
                try:
                    self._open_profile(keys, profile)
                    ids.append(i)
                except DamagedRecord:
                    self.purge_refused += 1
            self._conn.executemany("DELETE FROM clients WHERE id=?", [(i,) for i in ids])
            if ids:
                self._drop_from_name_index(ids)
        self.unclean_copies = []
        if ids:
            self._changed()
            self._checkpoint()
            self.unclean_copies = backup.delete_clients(self.data_dir, ids)
        return len(ids)

    # --- answers ---------------------------------------------------------------

    @_locked
    def set_answer(self, client_id: int, qid: str, value: Any) -> None:
        """Save one answer now, durably. Accepts what the wizard may store for
        this question (its values, or "not_sure"); raises AnswerError."""
        from ..logic.questions import catalog
        from ..logic.validation import AnswerError, check_value

        cat = catalog()
        if qid not in cat:
            raise AnswerError(str(qid), Message(N_("This is not a question of the form.")))
        check_value(cat[qid], value, dt.date.today(), allow_not_sure=True)

        def put(answers):
            answers[qid] = (value, _now())

        with self._txn():
            self._rewrite(client_id, put)
        self._changed(client_id)

    @_locked
    def clear_answer(self, client_id: int, qid: str) -> None:
        def drop(answers):
            if qid not in answers:
                raise _Unchanged  # nothing to clear: no new version, no new time
            del answers[qid]

        try:
            with self._txn():
                self._rewrite(client_id, drop)
        except _Unchanged:
            return
        self._changed(client_id)

    @_locked
    def answers(self, client_id: int) -> dict[str, Any]:
        return {qid: value for qid, (value, _) in self._answer_rows(client_id).items()}

    @_locked
    def answer_times(self, client_id: int) -> dict[str, dt.datetime]:
        return {qid: _time(changed) for qid, (_, changed) in self._answer_rows(client_id).items()}

    def _answer_rows(self, client_id: int) -> dict[str, tuple[Any, str]]:
        keys, _, doc = self._row_keys(client_id, with_blobs=True)
        return dict(sorted(self._read_doc(keys, doc).items()))

    # --- moving clients ----------------------------------------------------------

    @_locked
    def export_client(self, client_id: int, path, pin: str, *, overwrite: bool = False) -> None:
        """Write one client to a file sealed with the client's PIN (MIN_PIN+
        digits). A new file unless `overwrite`; never in the records folder."""
        from . import outfile

        transfer.normalize_pin(pin, minimum=transfer.MIN_PIN)  # a bad PIN is refused before any work
        target = outfile.check_target(Path(path), self.data_dir, overwrite=overwrite)
        c = self.get_client(client_id)
        if c.damaged:
            raise DamagedRecord()
        record = transfer.Record(name=c.name, name_latin=c.name_latin, lang=c.lang, code=c.code,
                                 created=c.created.isoformat(timespec="microseconds"),
                                 answers=self._answer_rows(client_id))
        transfer.write_client_file(target, record, pin, _now(), overwrite=overwrite)

    @_locked
    def import_client_file(self, path, pin: str, name: str | None = None) -> Client:
        """Add the client in an exported file. Raises WrongPin or
        DamagedClientFile and then changes nothing. The client keeps its code
        unless this center already uses it."""
        record = transfer.read_client_file(Path(path), pin, dt.date.today())
        if name is not None:
            record.name = check_name(name)
        return self.add_record(record)

    @_locked
    def import_answers_json(self, path, name: str = "") -> Client:
        """Add a client from a contract answers file, validated as `evaluate` does."""
        record = transfer.read_answers_json(Path(path), dt.date.today())
        record.name = check_name(name or "")
        return self.add_record(record)

    @_locked
    def add_record(self, record: transfer.Record) -> Client:
        """One client and all its answers, in one transaction."""
        name, latin = check_name(record.name), check_name(record.name_latin)
        lang = transfer.check_lang(record.lang)
        with self._txn():
            client_id = self._insert_client(name, latin, lang, record.created or _now(),
                                            code=normalize_code(record.code) if record.code else None,
                                            answers=record.answers)
        self._changed()
        return self.get_client(client_id)

    # --- settings -----------------------------------------------------------------

    @_locked
    def _get_setting(self, key: str, default: Any) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return default if row is None else self._unseal(row[0], f"setting/{key}")

    @_locked
    def _set_setting(self, key: str, value: Any) -> None:
        with self._txn():
            self._conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value=excluded.value",
                               (key, self._seal(value, f"setting/{key}")))

    @contextlib.contextmanager
    def batch(self):
        """Group many changes into one transaction (bulk imports, benchmarks).
        Nothing in the block is saved until it ends."""
        with self._lock, self._txn():
            yield self


class _Unchanged(Exception):
    """Raised by a _rewrite change that finds nothing to change."""


def _keyed_steps(aead):
    """The parts of migrations that rewrite sealed rows (see db.migrate)."""
    def run(conn: sqlite3.Connection, version: int) -> None:
        if version == 3:
            records.convert_v2_rows(conn, aead)
    return run


def _key_epoch(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT epoch FROM keys WHERE id=1").fetchone()[0]
    except (TypeError, sqlite3.OperationalError):
        return 0  # a file from before schema 3, during its migration


def _read_key(conn: sqlite3.Connection) -> crypto.WrappedKey:
    try:
        kdf, salt, wrapped = conn.execute("SELECT kdf, salt, wrapped FROM keys WHERE id=1").fetchone()
        return crypto.WrappedKey(crypto.KdfParams.from_json(kdf), bytes(salt), bytes(wrapped))
    except (TypeError, ValueError, KeyError, sqlite3.DatabaseError):
        raise db.Unhealthy() from None
