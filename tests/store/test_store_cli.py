"""`relief-wizard clients list|import|export|delete|purge` as the contract gives it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import PASSPHRASE, snapshot

from desktop.cli import main
from desktop.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch, data_dir):
    monkeypatch.setenv("RELIEF_WIZARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("RELIEF_WIZARD_PASSPHRASE", PASSPHRASE)
    return monkeypatch


def run(capsys, *argv):
    code = main(["clients", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _answers(tmp_path, data=None, name="answers.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data if data is not None else
                               {"decision_stage": "immigration_judge", "decision_date": "2026-01-05"}), "utf-8")
    return path


def test_first_command_sets_the_passphrase(env, capsys, data_dir):
    assert not data_dir.exists()
    code, out, err = run(capsys, "list")
    assert (code, out) == (0, "")
    assert "passphrase" in err
    assert Store.exists(data_dir)
    Store.open(data_dir, PASSPHRASE).close()


def test_import_list_export_delete(env, capsys, tmp_path, data_dir):
    code, out, _ = run(capsys, "import", str(_answers(tmp_path)), "--name", "José Núñez")
    assert code == 0 and out.startswith("Imported client ")
    client_code = out.split()[-1].rstrip(".")
    code, out, _ = run(capsys, "list")
    assert code == 0
    (line,) = out.splitlines()
    got_code, name, changed = line.split("\t")
    assert (got_code, name) == (client_code, "José Núñez")
    assert len(changed) == len("2026-01-05 10:00")
    env.setenv("RELIEF_WIZARD_PIN", "77441100")
    out_file = tmp_path / "move.rwclient"
    assert run(capsys, "export", client_code.lower(), "--out", str(out_file))[0] == 0
    assert out_file.read_bytes().startswith(b"RWCLIENT")
    code, out, _ = run(capsys, "delete", client_code)
    assert code == 0 and client_code in out
    assert run(capsys, "list")[1] == ""
    code, out, _ = run(capsys, "import", str(out_file))
    assert code == 0
    with Store.open(data_dir, PASSPHRASE) as s:
        (c,) = s.list_clients()
        assert c.code == client_code and c.name == "José Núñez"
        assert s.answers(c.id) == {"decision_stage": "immigration_judge", "decision_date": "2026-01-05"}


def test_list_order_and_latin_name(env, capsys, data_dir):
    with Store.create(data_dir, PASSPHRASE) as s:
        a = s.new_client("রহিম", "Rahim")
        b = s.new_client("", "Only Latin")
        s.new_client("Tab\tand\nnewline")
        s.set_answer(b.id, "detained", "no")
    lines = run(capsys, "list")[1].splitlines()
    assert [ln.split("\t")[1] for ln in lines] == ["Only Latin", "Tab and newline", "রহিম (Rahim)"]
    assert lines[2].startswith(a.code)


@pytest.mark.parametrize("data, field", [
    ({"detained": "maybe"}, "detained"),
    ({"decision_date": "2025-02-30"}, "decision_date"),
    ({"not_a_question": 1}, "not_a_question"),
])
def test_import_bad_answers_exit_2_and_nothing_written(env, capsys, tmp_path, data_dir, data, field):
    code, out, err = run(capsys, "import", str(_answers(tmp_path, data)))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and f"{field}:" in err
    assert not data_dir.exists()  # not even the store was created


def test_import_not_json(env, capsys, tmp_path, data_dir):
    path = tmp_path / "x.json"
    path.write_text("{oops", "utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and "file:" in err and "JSON" in err
    assert run(capsys, "import", str(tmp_path / "missing.json"))[0] == 2
    assert not data_dir.exists()


def test_wrong_passphrase_exit_3_nothing_changed(env, capsys, tmp_path, data_dir):
    assert run(capsys, "import", str(_answers(tmp_path)))[0] == 0
    before = snapshot(data_dir)
    env.setenv("RELIEF_WIZARD_PASSPHRASE", "not the right one")
    for argv in (["list"], ["import", str(_answers(tmp_path))], ["purge", "--older-than", "1"]):
        code, out, err = run(capsys, *argv)
        assert code == 3 and out == ""
        assert err == "relief-wizard: The passphrase is not right. Nothing was changed.\n"
    assert snapshot(data_dir) == before


def test_wrong_pin_exit_3_and_tampered_exit_2(env, capsys, tmp_path, data_dir):
    code_line = run(capsys, "import", str(_answers(tmp_path)))[1]
    client_code = code_line.split()[-1].rstrip(".")
    env.setenv("RELIEF_WIZARD_PIN", "77441100")
    moved = tmp_path / "m.rwclient"
    assert run(capsys, "export", client_code, "--out", str(moved))[0] == 0
    before = snapshot(data_dir)
    env.setenv("RELIEF_WIZARD_PIN", "77441200")
    code, _, err = run(capsys, "import", str(moved))
    assert code == 3 and "PIN is not right" in err
    data = bytearray(moved.read_bytes())
    data[-30] ^= 0x80
    moved.write_bytes(bytes(data))
    env.setenv("RELIEF_WIZARD_PIN", "77441100")
    code, _, err = run(capsys, "import", str(moved))
    assert code == 2 and "changed" in err
    assert snapshot(data_dir) == before


def test_export_bad_pin_and_unknown_code(env, capsys, tmp_path, data_dir):
    client_code = run(capsys, "import", str(_answers(tmp_path)))[1].split()[-1].rstrip(".")
    env.setenv("RELIEF_WIZARD_PIN", "123")
    code, _, err = run(capsys, "export", client_code, "--out", str(tmp_path / "o"))
    assert code == 2 and "8 digits" in err
    assert not (tmp_path / "o").exists()
    env.setenv("RELIEF_WIZARD_PIN", "12345678")
    code, _, err = run(capsys, "export", "ZZZ-ZZZ", "--out", str(tmp_path / "o"))
    assert code == 2 and "ZZZ-ZZZ" in err
    assert run(capsys, "delete", "nonsense")[0] == 2


def test_purge(env, capsys, data_dir, monkeypatch):
    import datetime as dt

    from desktop.store import clients as clients_mod

    with Store.create(data_dir, PASSPHRASE) as s:
        old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=10)).isoformat(timespec="microseconds")
        real = clients_mod._now
        monkeypatch.setattr(clients_mod, "_now", lambda: old)
        s.new_client("old")
        monkeypatch.setattr(clients_mod, "_now", real)
        s.new_client("new")
    code, out, _ = run(capsys, "purge", "--older-than", "7")
    assert code == 0 and out == "Deleted 1 client not changed in the last 7 days.\n"
    assert [ln.split("\t")[1] for ln in run(capsys, "list")[1].splitlines()] == ["new"]
    with pytest.raises(SystemExit) as exit_:
        main(["clients", "purge", "--older-than", "0"])
    assert exit_.value.code == 2


def test_damaged_exit_4_file_kept_then_restore(env, capsys, tmp_path, data_dir):
    assert run(capsys, "import", str(_answers(tmp_path)))[0] == 0
    assert run(capsys, "list")[0] == 0  # the day's backup
    db = data_dir / "clients.db"
    db.write_bytes(b"\x00" * 8192)
    before = snapshot(data_dir)
    code, out, err = run(capsys, "list")
    assert code == 4 and out == ""
    assert "damaged" in err and "clients restore" in err
    assert snapshot(data_dir) == before
    code, out, _ = run(capsys, "restore")
    assert code == 0 and "Restored" in out
    assert len(run(capsys, "list")[1].splitlines()) == 1
    assert (data_dir / "damaged").is_dir()


def test_data_dir_option_everywhere(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("RELIEF_WIZARD_PASSPHRASE", PASSPHRASE)
    for i, argv in enumerate((["--data-dir", str(tmp_path / "a"), "clients", "list"],
                              ["clients", "--data-dir", str(tmp_path / "b"), "list"],
                              ["clients", "list", "--data-dir", str(tmp_path / "c")])):
        monkeypatch.delenv("RELIEF_WIZARD_DATA_DIR", raising=False)
        assert main(argv) == 0
        assert Store.exists(tmp_path / "abc"[i]), argv


def test_no_action_is_usage_error(env, capsys):
    assert main(["clients"]) == 2


def test_cli_module_is_import_light():
    code = ("import sys, desktop.cli as c; c.build_parser(); "
            "bad = [m for m in ('sqlite3', 'sqlite_utils', 'cryptography', 'PySide6', 'reportlab', "
            "'platformdirs') if m in sys.modules]; print(bad)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False, capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stderr


def test_real_exit_codes(tmp_path):
    env = dict(os.environ, RELIEF_WIZARD_DATA_DIR=str(tmp_path / "d"), RELIEF_WIZARD_PASSPHRASE=PASSPHRASE)
    r = subprocess.run([sys.executable, "-m", "desktop", "clients", "list"], cwd=ROOT, env=env, check=False,
                       capture_output=True, timeout=60)
    assert r.returncode == 0
    env["RELIEF_WIZARD_PASSPHRASE"] = "wrong passphrase!"
    r = subprocess.run([sys.executable, "-m", "desktop", "clients", "list"], cwd=ROOT, env=env, check=False,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 3 and r.stderr.count("\n") == 1


def test_no_terminal_and_no_passphrase_gives_one_clear_line(tmp_path):
    env = dict(os.environ, RELIEF_WIZARD_DATA_DIR=str(tmp_path / "d"))
    env.pop("RELIEF_WIZARD_PASSPHRASE", None)
    r = subprocess.run([sys.executable, "-m", "desktop", "clients", "list"], cwd=ROOT, env=env, check=False,
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr == ("relief-wizard: There is no terminal to type it at: set RELIEF_WIZARD_PASSPHRASE. "
                        "Nothing was changed.\n")
    assert not (tmp_path / "d").exists()
