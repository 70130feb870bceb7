"""A process killed at a random moment loses no answer whose save had returned.

Each trial starts kill_child.py, which saves answers one by one and reports
each save on a pipe only after it returned; the parent kills it (SIGKILL on
POSIX) at a random moment, reopens the store and checks every reported
answer and client, and that everything from earlier trials is unchanged.
Some trials kill during start-up (opening, WAL recovery, the daily backup).
"""
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from store_helpers import child_reports

from desktop.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TRIALS = 50
PASSPHRASE = "kill test passphrase"


def _trial(data_dir: Path, trial: int, rng: random.Random) -> list[str]:
    proc = subprocess.Popen([sys.executable, str(HERE / "kill_child.py"), str(data_dir), str(trial)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[str] = []
    ready = threading.Event()

    def read():
        buf = b""
        while chunk := proc.stdout.read1(65536):
            buf += chunk
            *done, buf = buf.split(b"\n")
            for raw in done:
                line = raw.decode()
                lines.append(line)
                if line == "ready":
                    ready.set()
        # A line cut by the kill (no newline) was never fully reported: ignored.

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if trial % 5 == 0:
        time.sleep(rng.uniform(0.0, 0.6))  # anywhere, start-up included
    else:
        assert ready.wait(30), proc.stderr.read().decode()
        time.sleep(rng.uniform(0.0, 0.3))
    proc.kill()
    proc.wait(10)
    reader.join(10)
    err = proc.stderr.read().decode()
    assert proc.returncode != 0 and "Traceback" not in err, err
    return lines


@pytest.mark.slow
def test_killed_writer_loses_no_returned_save(tmp_path):
    data_dir = tmp_path / "data"
    Store.create(data_dir, PASSPHRASE).close()
    rng = random.Random()
    settled_answers: dict[tuple[int, str], str] = {}
    settled_clients: dict[int, str] = {}
    trials_with_saves = 0
    for trial in range(TRIALS):
        answers, clients = child_reports(_trial(data_dir, trial, rng))
        trials_with_saves += bool(answers)
        with Store.open(data_dir, PASSPHRASE) as s:  # also runs PRAGMA integrity_check
            for cid, name in {**settled_clients, **clients}.items():
                assert s.get_client(cid).name == name, (trial, cid)
            stored = {}
            for cid, qid in {**settled_answers, **answers}:
                stored[(cid, qid)] = s.answers(cid).get(qid)
            for key, value in answers.items():
                # A later save may have finished without being reported: never an earlier one.
                assert stored[key] is not None and stored[key] >= value, (trial, key, stored[key], value)
            for key, value in settled_answers.items():
                assert stored[key] == value, (trial, key)
            for c in s.list_clients():
                settled_clients.setdefault(c.id, c.name)
                for qid, value in s.answers(c.id).items():
                    settled_answers[(c.id, qid)] = value
    # Most trials were killed in the saving loop, not only during start-up.
    assert trials_with_saves >= TRIALS // 2
