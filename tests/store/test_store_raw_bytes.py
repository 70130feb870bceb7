"""Nothing a client said is readable in any file the app writes.

A unique marker goes into a name, a Latin name and answers; then every byte
of every file under the data folder (database, WAL, shared memory, backups,
exports, the damaged/ folder) is searched for it, as UTF-8 and UTF-16.
"""
import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from store_helpers import PASSPHRASE, needles, scan

from desktop.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _markers():
    tag = uuid.uuid4().hex[:12].upper()
    name = f"Zéphyrine MARKER{tag} কমলা"
    latin = f"Zephyrine MARKERLAT{tag}"
    # Answers can only be catalog values; a random old date is as unique as a marker.
    day = dt.date(1900, 1, 1) + dt.timedelta(days=random.randrange(18000))
    return name, latin, day.isoformat()


def _patterns(name, latin, day):
    pats = []
    for text in (name, latin, f"MARKER{name.split('MARKER')[1][:12]}", day, "aggravated_felony",
                 "political_opinion"):
        pats += needles(text)
    return pats


def _fill(s, name, latin, day):
    c = s.new_client(name, latin, "bn")
    s.set_answer(c.id, "date_of_birth", day)
    s.set_answer(c.id, "criminal_history", "aggravated_felony")
    s.set_answer(c.id, "harm_reasons", ["political_opinion"])
    return c


def test_no_clear_text_in_any_file(data_dir, tmp_path):
    name, latin, day = _markers()
    pats = _patterns(name, latin, day)
    s = Store.create(data_dir, PASSPHRASE)
    c = _fill(s, name, latin, day)
    for i in range(30):  # enough writes that pages and WAL frames get reused
        s.set_answer(c.id, "detained", random.choice(["yes", "no"]))
    # While open: the main file, the -wal and the -shm.
    assert (data_dir / "clients.db-wal").exists()
    assert scan(data_dir, pats) == []
    exports = tmp_path / "exports"
    exports.mkdir()
    s.export_client(c.id, exports / "c.rwclient", "90211400")
    assert scan(exports, pats) == []
    s.settings["language"] = "bn"
    s.update_client(c.id, name=name + " 2")
    s.close()
    assert scan(data_dir, pats) == []
    # The next day's opening takes a backup; a new passphrase re-wraps everywhere.
    with Store.open(data_dir, PASSPHRASE) as s:
        assert Store.backups(data_dir)
        s.change_passphrase(PASSPHRASE, "second passphrase")
        assert scan(data_dir, pats) == []
    # A restore moves the old file into damaged/: still nothing in clear.
    Store.restore_backup(data_dir, Store.backups(data_dir)[0])
    assert any((data_dir / "damaged").iterdir())
    assert scan(data_dir, pats) == []
    # The scan itself works: the same bytes in clear are found.
    (tmp_path / "probe").mkdir()
    (tmp_path / "probe" / "f").write_bytes(b"\x00" + name.encode("utf-16-le"))
    assert scan(tmp_path / "probe", pats)


def test_cli_writes_no_clear_text_anywhere(tmp_path):
    """The real command, in a child process, with its temp folder watched too."""
    name, latin, day = _markers()
    pats = _patterns(name, latin, day)
    data, tmp = tmp_path / "data", tmp_path / "tmp"
    tmp.mkdir()
    answers = tmp_path / "in" / "answers.json"
    answers.parent.mkdir()
    answers.write_text(f'{{"date_of_birth": "{day}", "criminal_history": "aggravated_felony", '
                       f'"harm_reasons": ["political_opinion"]}}', "utf-8")
    env = dict(os.environ, RELIEF_WIZARD_DATA_DIR=str(data), RELIEF_WIZARD_PASSPHRASE=PASSPHRASE,
               RELIEF_WIZARD_PIN="55123400", TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp))
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop", "clients", *a],
                                    cwd=ROOT, env=env, capture_output=True, timeout=60, check=False)
    r = run("import", str(answers), "--name", name)
    assert r.returncode == 0, r.stderr
    code = r.stdout.decode().split()[-1].rstrip(".")
    moved = tmp_path / "out" / "moved.rwclient"
    moved.parent.mkdir()
    assert run("export", code, "--out", str(moved)).returncode == 0
    assert scan(moved.parent, pats) == []
    assert run("import", str(moved)).returncode == 0
    r = run("delete", "ZZZ-ZZZ")
    assert r.returncode == 2 and not any(p in r.stderr for p in pats)
    assert scan(data, pats) == []
    assert list(tmp.iterdir()) == []


def _blob_pieces(conn, client_id):
    """Pieces of every sealed value of one client, as they sit in the file."""
    rows = conn.execute("SELECT profile FROM clients WHERE id=?", (client_id,)).fetchall()
    rows += conn.execute("SELECT doc FROM clients WHERE id=?", (client_id,)).fetchall()
    blobs = [bytes(r[0]) for r in rows]
    # nonce + start of ciphertext, and the GCM tag: each 16+ random bytes.
    return [b[1:29] for b in blobs] + [b[-16:] for b in blobs]


@pytest.mark.parametrize("how", ["delete", "purge"])
def test_deleted_client_is_gone_from_every_file(data_dir, how, monkeypatch):
    from desktop.store import clients as clients_mod

    name, latin, day = _markers()
    s = Store.create(data_dir, PASSPHRASE)
    others = [s.new_client(f"other {i}") for i in range(20)]
    if how == "purge":
        old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=100)).isoformat(timespec="microseconds")
        monkeypatch.setattr(clients_mod, "_now", lambda: old)
    victim = _fill(s, name, latin, day)
    monkeypatch.undo()
    monkeypatch.setenv("RELIEF_WIZARD_KDF_TEST", "1")
    for o in others:
        s.set_answer(o.id, "detained", "no")
    s.list_clients()
    s.close()  # writes the sealed name index, which holds the victim's name too
    s = Store.open(data_dir, PASSPHRASE)  # today's backup holds the victim
    pieces = _blob_pieces(s._conn, victim.id)
    (index,) = s._conn.execute("SELECT blob FROM name_index").fetchone()
    assert victim.id in s._read_name_index()
    pieces += [index[1:29], index[-16:]]
    s._checkpoint()
    assert len(scan(data_dir, pieces)) >= len(pieces) * 2  # in clients.db and in the backups
    if how == "delete":
        s.delete_client(victim.id)
    else:
        assert s.purge(30) == 1
    assert scan(data_dir, pieces) == []  # open: db, truncated WAL, shm, backup
    s.close()
    assert scan(data_dir, pieces) == []
    conn = sqlite3.connect(data_dir / "clients.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert len(s.list_clients()) == 20


def test_no_answer_can_be_told_from_its_ciphertext_length(store):
    """Issue 13, finding 2: nothing in the file tells which questions were
    answered, or what, by length or by name (before: "yes" 34 bytes, "no" 33,
    "not_sure" 39; the five criminal-history values five lengths; a clear
    `helped_police` row marked a crime victim)."""
    from desktop.logic.questions import catalog

    questions = catalog().questions
    # A name long enough that a last question of varying length would push
    # the profile across a padding boundary.
    c = store.new_client("Length Probe " * 3)
    empty = store.new_client("Length Probe " * 3)
    sizes = set()

    def row_sizes(client_id):
        return store._conn.execute("SELECT length(profile), length(doc) FROM clients WHERE id=?",
                                   (client_id,)).fetchone()

    for q in questions:
        if q.type == "date":
            values = ["2001-02-03", "not_sure"]
        elif q.type == "country":
            values = ["BD", "SV", "not_sure"]
        elif q.type == "multi":
            values = [[], [q.option_ids[0]], list(q.option_ids), "not_sure"]
        else:
            values = list(q.option_ids)
        for value in values:
            store.set_answer(c.id, q.id, value)
            sizes.add(row_sizes(c.id))
            assert store.answers(c.id)[q.id] == value
    # One answer or every answer, any value: the same sizes as no answer at all.
    sizes.add(row_sizes(empty.id))
    assert len(sizes) == 1, sorted(sizes)
    assert store._conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    assert store._conn.execute("SELECT count(*) FROM clients WHERE last_question IS NOT NULL").fetchone()[0] == 0
    store._checkpoint()
    raw = (store.data_dir / "clients.db").read_bytes()
    named = [q.id for q in questions if q.id.encode() in raw]
    assert named == [], named
