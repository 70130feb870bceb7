"""Schema versions, integrity, automatic backups and damaged files."""
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from store_helpers import PASSPHRASE, snapshot

from desktop.store import DamagedDatabase, Store, TooNew, WrongPassphrase, backup, db

V1 = Path(__file__).parent / "data" / "store_v1.db"
V1_PASSPHRASE = "first version passphrase"


def _v1_copy(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True)
    target = data_dir / "clients.db"
    shutil.copyfile(V1, target)
    return target


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_opens_a_database_written_by_the_first_version(data_dir):
    path = _v1_copy(data_dir)
    assert _user_version(path) == 1
    with Store.open(data_dir, V1_PASSPHRASE) as s:
        (c,) = s.list_clients()
        assert (c.code, c.name, c.name_latin, c.lang) == ("K7M-3QP", "রহিম উদ্দিন", "Rahim Uddin", "bn")
        # v2 fills in where the client stopped from the answers' times.
        assert c.last_question == "decision_date"
        assert s.answers(c.id) == {"decision_stage": "immigration_judge", "decision_date": "2026-11-02",
                                   "harm_reasons": ["religion", "political_opinion"]}
        assert s.settings["purge_days"] == 90
        s.set_answer(c.id, "detained", "no")
        assert s.get_client("k7m3qp").last_question == "detained"
    assert _user_version(path) == db.SCHEMA_VERSION


def test_wrong_passphrase_does_not_migrate(data_dir):
    path = _v1_copy(data_dir)
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphrase):
        Store.open(data_dir, PASSPHRASE)
    assert _user_version(path) == 1
    assert snapshot(data_dir) == before


def test_migrations_are_contiguous():
    assert sorted(db.MIGRATIONS) == list(range(1, db.SCHEMA_VERSION + 1))


def test_newer_version_is_refused_untouched(data_dir):
    Store.create(data_dir, PASSPHRASE).close()
    path = data_dir / "clients.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 1}")
    conn.close()
    before = snapshot(data_dir)
    with pytest.raises(TooNew):
        Store.open(data_dir, PASSPHRASE)
    assert snapshot(data_dir) == before


def test_store_runs_in_wal_with_full_sync(store):
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- backups


def _store_with_client(data_dir, name="Ana"):
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client(name)
    s.set_answer(c.id, "detained", "yes")
    return s, c


def test_backup_taken_on_open_once_a_day(data_dir):
    s, _ = _store_with_client(data_dir)
    assert Store.backups(data_dir) == []  # an empty store at creation is not worth the day's copy
    s.close()
    daily = data_dir / "backups" / f"clients-{dt.date.today().isoformat()}.db"
    with Store.open(data_dir, PASSPHRASE) as s:
        assert daily in Store.backups(data_dir)
        stamp = daily.stat().st_mtime_ns
        s.new_client("Second")
    with Store.open(data_dir, PASSPHRASE):
        assert daily in Store.backups(data_dir)
        assert daily.stat().st_mtime_ns == stamp  # the day's copy is taken once
    first = daily
    # The copy is a complete, standalone database with no WAL beside it.
    conn = sqlite3.connect(first)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 1
    conn.close()


def test_backups_pruned_to_a_few(store, data_dir):
    store.new_client("A")
    start = dt.date(2026, 1, 1)
    for i in range(20):
        backup.take_if_due(store._conn, data_dir, today=start + dt.timedelta(days=i), keep=7)
    names = [p.name for p in Store.backups(data_dir)]
    # The newest 7, then one a day back to 14 days.
    assert len(names) == 14
    assert names[0] == "clients-2026-01-20.db" and names[-1] == "clients-2026-01-07.db"
    assert not [p for p in (data_dir / "backups").iterdir() if p.name.endswith(".partial")]


def _corrupt(path: Path) -> None:
    """Overwrite whole pages in the middle of the file: a bad sector, a torn copy."""
    page = 4096
    assert path.stat().st_size >= 6 * page
    with open(path, "r+b") as fh:
        fh.seek(2 * page)  # the clients table and what follows
        fh.write(os.urandom(2 * page))


def _grow(s, n=40):
    with s.batch():
        for i in range(n):
            c = s.new_client(f"client {i}")
            for q in ("detained", "new_evidence", "lawyer_mistake"):
                s.set_answer(c.id, q, "yes")


@pytest.mark.parametrize("damage", ["middle", "garbage", "truncated", "empty"])
def test_damaged_database_is_kept_and_backups_offered(data_dir, damage):
    s, _ = _store_with_client(data_dir)
    _grow(s)
    s.close()
    Store.open(data_dir, PASSPHRASE).close()  # takes today's backup
    path = data_dir / "clients.db"
    if damage == "middle":
        _corrupt(path)
    elif damage == "garbage":
        path.write_bytes(os.urandom(50_000))
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:5000])
    else:
        path.write_bytes(b"")
    before = snapshot(data_dir)
    with pytest.raises(DamagedDatabase) as err:
        Store.open(data_dir, PASSPHRASE)
    assert err.value.path == path
    assert err.value.backups == Store.backups(data_dir) and len(err.value.backups) >= 1
    assert "damaged" in err.value.message.render() and "backup" in err.value.message.render()
    assert err.value.exit_code == 4
    assert snapshot(data_dir) == before  # neither overwritten nor "repaired"
    assert Store.exists(data_dir)
    with pytest.raises(DamagedDatabase):
        Store.open(data_dir, "a wrong passphrase")  # damage is reported before any unlock
    assert snapshot(data_dir) == before


def test_restore_latest_backup_keeps_damaged_file(data_dir):
    s, c = _store_with_client(data_dir, "Ana")
    _grow(s)
    s.close()
    Store.open(data_dir, PASSPHRASE).close()
    path = data_dir / "clients.db"
    _corrupt(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DamagedDatabase) as err:
        Store.open(data_dir, PASSPHRASE)
    kept = Store.restore_backup(data_dir, err.value.backups[0])
    assert kept.parent == data_dir / "damaged"
    assert kept.read_bytes() == damaged_bytes
    with Store.open(data_dir, PASSPHRASE) as s:
        assert s.answers(s.get_client(c.code).id) == {"detained": "yes"}
        assert len(s.list_clients()) == 41
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_refuses_a_damaged_backup(data_dir):
    s, _ = _store_with_client(data_dir)
    _grow(s)
    s.close()
    Store.open(data_dir, PASSPHRASE).close()
    copy = Store.backups(data_dir)[0]
    _corrupt(copy)
    before = snapshot(data_dir)
    with pytest.raises(DamagedDatabase):
        Store.restore_backup(data_dir, copy)
    assert snapshot(data_dir) == before


def test_passphrase_change_reaches_the_backups(data_dir):
    s, _ = _store_with_client(data_dir)
    s.close()
    s = Store.open(data_dir, PASSPHRASE)
    s.change_passphrase(PASSPHRASE, "brand new passphrase")
    s.close()
    copies = Store.backups(data_dir)
    assert copies
    for copy in copies:
        with pytest.raises(WrongPassphrase):
            Store.check_passphrase(copy, PASSPHRASE)
        Store.check_passphrase(copy, "brand new passphrase")


def test_delete_and_purge_reach_the_backups(data_dir):
    s, c = _store_with_client(data_dir)
    keep = s.new_client("Keep")
    s.close()
    s = Store.open(data_dir, PASSPHRASE)
    s.delete_client(c.id)
    s.close()
    copies = Store.backups(data_dir)
    assert len(copies) >= 2  # the day's, and the one taken at close
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("SELECT id FROM clients").fetchall() == [(keep.id,)]
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
        conn.close()


def test_missing_database_with_backups_is_not_a_fresh_start(data_dir):
    s, c = _store_with_client(data_dir)
    s.close()
    Store.open(data_dir, PASSPHRASE).close()
    (data_dir / "clients.db").unlink()
    assert Store.exists(data_dir)
    with pytest.raises(DamagedDatabase) as err:
        Store.open(data_dir, PASSPHRASE)
    assert err.value.missing and "missing" in err.value.message.render()
    from desktop.store import StoreExists

    with pytest.raises(StoreExists):
        Store.create(data_dir, "a brand new passphrase")
    assert Store.restore_backup(data_dir, err.value.backups[0]) is None
    with Store.open(data_dir, PASSPHRASE) as s:
        assert s.get_client(c.code).name == "Ana"
