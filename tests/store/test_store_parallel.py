"""Several processes on one data folder lose nothing (issue 13, finding 1).

A long-lived writer (kill_child.py, as the GUI would be) saves answers while
three `clients import` loops and `clients list` calls run beside it, each a
separate process opening and closing the store; then the writer is killed.
Every import that printed its code and every answer the writer reported must
be there, and SQLite's integrity check must pass. Before the health check
stopped reading the file with open(), closing that descriptor dropped the
process's POSIX locks and another process deleted the WAL under a live
connection: 1 to 12 confirmed clients were lost.

    RW_PARALLEL_RUNS=20 .venv/bin/python -m pytest tests/store/test_store_parallel.py
repeats it.
"""
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from store_helpers import child_reports

from desktop.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PASSPHRASE = "kill test passphrase"  # kill_child.py's
WRITERS, IMPORTS = 3, 6
RUNS = int(os.environ.get("RW_PARALLEL_RUNS", "1"))


def _cli(args, env):
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def _import_loop(answers: Path, env: dict, writer: int, codes: list, errors: list) -> None:
    for n in range(IMPORTS):
        r = _cli(["clients", "import", str(answers), "--name", f"writer {writer} client {n}"], env)
        if r.returncode == 0 and r.stdout.startswith("Imported client "):
            codes.append(r.stdout.split()[-1].rstrip("."))
        elif "busy" not in (r.stderr + r.stdout).lower():
            errors.append(r.stderr or r.stdout)
        listed = _cli(["clients", "list"], env)
        if listed.returncode not in (0,) and "busy" not in listed.stderr.lower():
            errors.append(listed.stderr)


def _one_run(data_dir: Path, tmp: Path) -> None:
    Store.create(data_dir, PASSPHRASE).close()
    answers = tmp / "answers.json"
    answers.write_text(json.dumps({"decision_stage": "immigration_judge", "decision_date": "2026-11-02"}), "utf-8")
    env = dict(os.environ, RELIEF_WIZARD_DATA_DIR=str(data_dir), RELIEF_WIZARD_PASSPHRASE=PASSPHRASE)
    child = subprocess.Popen([sys.executable, str(HERE / "kill_child.py"), str(data_dir), "0"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    lines: list[str] = []

    def read():
        buf = b""
        while chunk := child.stdout.read1(65536):
            buf += chunk
            *done, buf = buf.split(b"\n")
            lines.extend(raw.decode() for raw in done)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    codes: list[str] = []
    errors: list[str] = []
    loops = [threading.Thread(target=_import_loop, args=(answers, env, w, codes, errors)) for w in range(WRITERS)]
    for t in loops:
        t.start()
    for t in loops:
        t.join(600)
    child.kill()
    child.wait(10)
    reader.join(10)
    assert not errors, errors[:3]
    assert len(codes) == WRITERS * IMPORTS, f"only {len(codes)} imports confirmed"
    reported, made = child_reports(lines)
    assert reported, "the long-lived writer saved nothing"
    with Store.open(data_dir, PASSPHRASE) as s:  # runs PRAGMA integrity_check too
        have = {c.code for c in s.list_clients()}
        assert set(codes) <= have, f"lost {len(set(codes) - have)} confirmed imports"
        for cid, name in made.items():
            assert s.get_client(cid).name == name
        for (cid, qid), value in reported.items():
            got = s.answers(cid).get(qid)
            assert got is not None and got >= value, (cid, qid, value, got)  # later saves only move forward
    from desktop.store.paths import db_path

    conn = sqlite3.connect(str(db_path(data_dir)))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX lock semantics")
def test_parallel_writers_and_a_killed_window_lose_nothing(tmp_path):
    for run in range(RUNS):
        _one_run(tmp_path / f"data{run}", tmp_path)
