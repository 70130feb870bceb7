"""Issue 13: what the outside security and reliability review broke, one
test a finding (1, 2 and 5 live beside the code they test:
test_store_parallel.py, test_store_raw_bytes.py and
test_change_passphrase_seals_everything_under_a_new_key)."""
import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import PASSPHRASE, snapshot

from desktop.cli import main
from desktop.store import Store, WeakPassphrase, backup, crypto, transfer
from desktop.store.clients import DamagedRecord, check_name
from desktop.store.errors import DiskFull, StoreNotWritable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch, data_dir):
    monkeypatch.setenv("RELIEF_WIZARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("RELIEF_WIZARD_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("RELIEF_WIZARD_PIN", "48291500")
    return monkeypatch


def run(capsys, *argv):
    code = main(["clients", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_client(data_dir, name="Ana"):
    with Store.create(data_dir, PASSPHRASE) as s:
        c = s.new_client(name)
        s.set_answer(c.id, "detained", "yes")
        return c


# --- 3. export --out ---------------------------------------------------------------

def test_export_never_overwrites_the_live_database_or_a_file(env, capsys, data_dir, tmp_path):
    c = _one_client(data_dir)
    for target in (data_dir / "clients.db", data_dir / "new.rwc", data_dir / "backups" / "x.rwc"):
        code, _, err = run(capsys, "export", c.code, "--out", str(target))
        assert code == 2 and "outside the client records folder" in err and "Traceback" not in err
    assert not [p for p in data_dir.rglob("*.rwc")]
    with Store.open(data_dir, PASSPHRASE) as s:  # the live database is still the live database
        assert s.answers(s.get_client(c.code).id) == {"detained": "yes"}

    kept = tmp_path / "letter.pdf"
    kept.write_bytes(b"the client's own letter")
    code, _, err = run(capsys, "export", c.code, "--out", str(kept))
    assert code == 2 and "already exists" in err and "--force" in err
    assert kept.read_bytes() == b"the client's own letter"
    assert run(capsys, "export", c.code, "--out", str(kept), "--force")[0] == 0
    assert transfer.is_client_file(kept.read_bytes())

    code, _, err = run(capsys, "export", c.code, "--out", str(tmp_path))  # a folder
    assert code == 2 and "not a file" in err
    code, _, err = run(capsys, "export", c.code, "--out", str(tmp_path / "missing" / "x.rwc"))
    assert code == 2 and "does not exist" in err and "Traceback" not in err
    code, _, err = run(capsys, "export", c.code, "--out", "/dev/null")
    assert code == 2 and "not a file" in err
    new = tmp_path / "new.rwc"
    assert run(capsys, "export", c.code, "--out", str(new))[0] == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


# --- 4. full disk, read-only, restore, several backups ------------------------------

def test_full_disk_is_not_reported_as_damage(data_dir):
    c = _one_client(data_dir)
    with Store.open(data_dir, PASSPHRASE) as s:
        pages = s._conn.execute("PRAGMA page_count").fetchone()[0]
        s._conn.execute(f"PRAGMA max_page_count={pages}")  # the disk is full from here on
        with pytest.raises(DiskFull) as err:
            for i in range(200):
                s.new_client(f"Filler {i} " + "x" * 150)
        assert "full" in err.value.message.render() and "restore" not in err.value.message.render().lower()
        assert err.value.exit_code == 5
        assert s.answers(c.id) == {"detained": "yes"}  # nothing lost, the store still works
        s._conn.execute("PRAGMA max_page_count=1073741823")
        s.set_answer(c.id, "detained", "no")


def test_read_only_file_is_not_reported_as_damage(data_dir):
    _one_client(data_dir)
    with Store.open(data_dir, PASSPHRASE) as s:
        s._conn.execute("PRAGMA query_only=1")  # what SQLite says for a read-only file
        with pytest.raises(StoreNotWritable) as err:
            s.new_client("B")
        assert "read-only" in err.value.message.render()
        s._conn.execute("PRAGMA query_only=0")


def test_restore_checks_space_first_and_never_leaves_no_database(data_dir, monkeypatch):
    c = _one_client(data_dir)
    Store.open(data_dir, PASSPHRASE).close()
    chosen = Store.backups(data_dir)[0]
    before = snapshot(data_dir)
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10, 10, 1000))
    with pytest.raises(DiskFull):
        Store.restore_backup(data_dir, chosen)
    assert snapshot(data_dir) == before
    monkeypatch.undo()

    # The copy fails half-way: the healthy database is still in its place.
    def broken(conn, path):
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_snapshot", broken)
    with pytest.raises(DiskFull):
        Store.restore_backup(data_dir, chosen)
    monkeypatch.undo()
    assert snapshot(data_dir) == before
    with Store.open(data_dir, PASSPHRASE) as s:
        assert s.answers(c.id) == {"detained": "yes"}


def test_copies_on_close_and_every_few_saves(data_dir, monkeypatch):
    taken = []
    take_now = backup.take_now
    monkeypatch.setattr(backup, "take_now", lambda *a, **k: taken.append(1) or take_now(*a, **k))
    s = Store.create(data_dir, PASSPHRASE)
    made = [s.new_client(f"Client {i}") for i in range(3 * backup.EVERY_CHANGES + 7)]
    assert len(taken) == 3  # every EVERY_CHANGES saves
    s.close()  # and the last few at close
    assert len(taken) == 4
    newest = Store.backups(data_dir)[0]
    Path(data_dir / "clients.db").write_bytes(b"damaged")
    assert Store.restore_backup(data_dir, newest)
    with Store.open(data_dir, PASSPHRASE) as s:
        assert len(s.list_clients()) == len(made)


# --- 6. metadata bound into the seals ---------------------------------------------

def test_swapped_codes_back_dated_rows_and_old_answers_are_caught(data_dir, tmp_path):
    s = Store.create(data_dir, PASSPHRASE)
    a, b = s.new_client("Alice"), s.new_client("Bashir")
    s.set_answer(a.id, "detained", "yes")
    s.set_answer(b.id, "detained", "no")
    s.close()
    path = data_dir / "clients.db"

    conn = sqlite3.connect(path)
    conn.execute("UPDATE clients SET code='TMP-TMP' WHERE id=?", (a.id,))
    conn.execute("UPDATE clients SET code=? WHERE id=?", (a.code, b.id))
    conn.execute("UPDATE clients SET code=? WHERE id=?", (b.code, a.id))
    conn.commit()
    conn.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        # The code asked for no longer leads to the other person's record.
        for code in (a.code, b.code):
            got = s.get_client(code)
            assert got.damaged
            with pytest.raises(DamagedRecord):
                s.export_client(got.id, tmp_path / f"{code}.rwc", "48291500")
        assert not list(tmp_path.glob("*.rwc"))


def test_old_answers_cannot_be_put_back(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("Alice")
    s.set_answer(c.id, "criminal_history", "none")
    old_doc, old_version = s._conn.execute("SELECT doc, version FROM clients WHERE id=?", (c.id,)).fetchone()
    s.set_answer(c.id, "criminal_history", "aggravated_felony")
    s.close()
    conn = sqlite3.connect(data_dir / "clients.db")
    conn.execute("UPDATE clients SET doc=? WHERE id=?", (old_doc, c.id))
    conn.commit()
    conn.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        with pytest.raises(DamagedRecord):
            s.answers(c.id)


def test_back_dating_a_row_does_not_make_purge_delete_it(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    target, other = s.new_client("Chosen"), s.new_client("Other")
    s.close()
    Store.open(data_dir, PASSPHRASE).close()  # a backup holds both
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=400)).isoformat(timespec="microseconds")
    conn = sqlite3.connect(data_dir / "clients.db")
    conn.execute("UPDATE clients SET updated=? WHERE id=?", (old, target.id))
    conn.commit()
    conn.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert s.purge(30) == 0
        assert s.purge_refused == 1
        assert {c.id for c in s.list_clients()} == {target.id, other.id}
    for copy in Store.backups(data_dir):
        assert sqlite3.connect(copy).execute("SELECT count(*) FROM clients").fetchone()[0] == 2


# --- 7. delete and purge reach damaged/ copies --------------------------------------

def test_delete_reaches_damaged_copies_and_reports_what_it_could_not(env, capsys, data_dir):
    c = _one_client(data_dir)
    Store.open(data_dir, PASSPHRASE).close()
    Store.restore_backup(data_dir, Store.backups(data_dir)[0])  # the old file moves into damaged/
    (kept,) = Store.damaged_copies(data_dir)
    assert sqlite3.connect(kept).execute("SELECT count(*) FROM clients").fetchone()[0] == 1
    unreadable = data_dir / "damaged" / "clients-20260101-000000.db"
    unreadable.write_bytes(os.urandom(8192))
    code, out, err = run(capsys, "delete", c.code)
    assert code == 0 and out.startswith("Deleted client")
    assert sqlite3.connect(kept).execute("SELECT count(*) FROM clients").fetchone()[0] == 0
    assert "could not be opened" in err and unreadable.name in err
    assert kept.name not in err


# --- 8. one line, never a traceback --------------------------------------------------

@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, '{"x": ' + "9" * 5000 + "}"])
def test_odd_json_is_one_line(env, capsys, data_dir, tmp_path, content):
    path = tmp_path / "answers.json"
    path.write_text(content, "utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code = main(["evaluate", str(path)])
    assert code == 2


def test_corrupt_cell_and_flipped_user_version_are_one_line(env, capsys, data_dir):
    c = _one_client(data_dir)
    conn = sqlite3.connect(data_dir / "clients.db")
    conn.execute("UPDATE clients SET doc='not a blob', profile=12345 WHERE id=?", (c.id,))
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "list")
    assert code == 0 and "Traceback" not in err
    code, _, err = run(capsys, "export", c.code, "--out", str(data_dir.parent / "x.rwc"))
    assert code == 4 and len(err.strip().splitlines()) == 1
    conn = sqlite3.connect(data_dir / "clients.db")
    conn.execute("PRAGMA user_version=2")  # a bit flipped: 3 -> 2
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "list")
    assert code == 4 and "damaged" in err and "Traceback" not in err


def test_two_processes_creating_the_store_at_once(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, RELIEF_WIZARD_DATA_DIR=str(data), RELIEF_WIZARD_PASSPHRASE=PASSPHRASE)
    procs = [subprocess.Popen([sys.executable, "-m", "desktop", "clients", "list"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]
    assert all("Traceback" not in err for _, err in results), results
    assert any(code == 0 for code, _ in results)
    Store.open(data, PASSPHRASE).close()
    assert not [p for p in data.iterdir() if p.name.endswith(".new")]


# --- 9. private files -----------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_files_0600_and_folders_0700_even_when_made_open_before(data_dir):
    _one_client(data_dir)
    Store.open(data_dir, PASSPHRASE).close()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "clients.db", 0o644)
    for p in (data_dir / "backups").iterdir():
        os.chmod(p, 0o644)
    with Store.open(data_dir, PASSPHRASE) as s:
        s.new_client("B")
    for path in [data_dir, *data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


# --- 10. weak secrets ----------------------------------------------------------------

@pytest.mark.parametrize("weak", ["12345678", "password", "Password1", "aaaaaaaaaa", "qwertyuiop", "short"])
def test_weak_passphrases_refused(data_dir, weak):
    with pytest.raises(WeakPassphrase) as err:
        Store.create(data_dir, weak)
    assert not data_dir.exists() or not any(data_dir.iterdir())
    assert "passphrase" in err.value.message.render()


def test_pins_of_8_digits_for_new_files_and_old_6_digit_files_still_open(data_dir, tmp_path, monkeypatch):
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("A")
    from desktop.store.errors import BadPin

    with pytest.raises(BadPin):
        s.export_client(c.id, tmp_path / "x.rwc", "000000")
    # A file made by an earlier version with a 6-digit PIN still opens.
    monkeypatch.setattr(transfer, "MIN_PIN", 6)
    s.export_client(c.id, tmp_path / "old.rwc", "482915")
    monkeypatch.undo()
    assert transfer.MIN_PIN == 8
    assert s.import_client_file(tmp_path / "old.rwc", "482915").name == "A"
    s.close()


def test_the_test_kdf_needs_the_test_runner(monkeypatch):
    monkeypatch.setenv(crypto.ENV_KDF_TEST, "1")
    assert crypto.test_mode()  # here, under pytest
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    assert not crypto.test_mode()
    assert crypto.store_kdf() == crypto.STORE_KDF and crypto.pin_kdf() == crypto.PIN_KDF


# --- 11. what is printed ----------------------------------------------------------------

def test_field_names_printed_safely(env, capsys, tmp_path):
    path = tmp_path / "answers.json"
    evil = "\x1b]0;owned\x07\x1b[2J" + "A" * 500
    path.write_text(json.dumps({evil: "yes"}), "utf-8")
    code = main(["evaluate", str(path)])
    _, err = capsys.readouterr()
    assert code == 2 and "\x1b" not in err and "\x07" not in err
    assert len(err.strip()) < 300 and len(err.strip().splitlines()) == 1
    path.write_text(json.dumps({"not_a_question": "yes"}), "utf-8")
    main(["evaluate", str(path)])
    assert "not_a_question" in capsys.readouterr().err  # plain ids are still named as they are


def test_names_lose_bidi_overrides_and_invisible_characters_but_keep_joiners():
    assert check_name("Ana\u202eanA") == "AnaanA"
    assert check_name("Jo\u200bse\u2066\u2069") == "Jose"
    assert check_name("\ufeffরহিম") == "রহিম"
    kept = "ক্\u200dষ" + " " + "ن\u200cم"  # the joiners Bengali and Urdu names need
    assert check_name(kept) == kept


def test_list_prints_names_cleaned(capsys):
    """A name saved by an earlier version, before names were cleaned, is
    cleaned when printed."""
    from desktop.store import cli as store_cli

    assert store_cli._one_line("Ana\u202eanA\tX\n") == "AnaanA X"


# --- 12. names off the command line ---------------------------------------------------

def test_name_on_the_command_line_warns(env, capsys, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"detained": "yes"}), "utf-8")
    code, _, err = run(capsys, "import", str(path), "--name", "Ana")
    assert code == 0 and "other users" in err


def test_name_asked_at_a_prompt(env, capsys, tmp_path, monkeypatch):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"detained": "yes"}), "utf-8")

    class Tty:
        def isatty(self):
            return True

        def readline(self):
            return "Rahim Uddin\n"

    monkeypatch.setattr(sys, "stdin", Tty())
    monkeypatch.setattr("builtins.input", lambda prompt="": "Rahim Uddin")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and "other users" not in err
    with Store.open(os.environ["RELIEF_WIZARD_DATA_DIR"], PASSPHRASE) as s:
        assert [c.name for c in s.list_clients()] == ["Rahim Uddin"]
