"""Bad answers files: exit 2, one line naming the field, nothing on stdout, no traceback."""
import json

import pytest

from .helpers import cli, write_json

GOOD = {"decision_stage": "immigration_judge", "decision_date": "2026-11-02"}

BAD = [
    ("unknown id", {"decision_stage": "bia", "favourite_colour": "blue"}, "favourite_colour"),
    ("wrong choice", {"decision_stage": "supreme_court"}, "decision_stage"),
    ("yes_no as bool", {"detained": True}, "detained"),
    ("impossible date", {"decision_date": "2025-02-30"}, "decision_date"),
    ("not a date", {"decision_date": "02/03/2025"}, "decision_date"),
    ("future decision", {"decision_date": "2026-12-01"}, "decision_date"),
    ("birth after arrival", {"date_of_birth": "2001-01-01", "last_arrival_date": "2000-01-01"}, "last_arrival_date"),
    ("country lower case", {"country_of_nationality": "bd"}, "country_of_nationality"),
    ("country unknown", {"country_of_nationality": "XX"}, "country_of_nationality"),
    ("list not list", {"harm_reasons": "religion"}, "harm_reasons"),
    ("list repeated", {"harm_reasons": ["religion", "religion"]}, "harm_reasons"),
    ("list bad item", {"children_status": ["us_citizen_under_21", "cousin"]}, "children_status"),
    ("not_sure for date", {"decision_date": "not_sure"}, "decision_date"),
    ("not_sure where no such value", {"spouse_status": "not_sure"}, "spouse_status"),
]


@pytest.mark.parametrize("label,data,field", BAD, ids=[b[0] for b in BAD])
def test_bad_value_exits_2_naming_the_field(tmp_path, label, data, field):
    p = write_json(tmp_path, data)
    r = cli("evaluate", str(p), "--today", "2026-11-23")
    assert r.returncode == 2, r
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0], r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("text", ["", "{not json", "[1, 2]", '"a string"', "\x00\x01"])
def test_not_an_object(tmp_path, text):
    p = write_json(tmp_path, text)
    r = cli("evaluate", str(p), "--today", "2026-11-23")
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_missing_file(tmp_path):
    r = cli("evaluate", str(tmp_path / "nope.json"))
    assert r.returncode == 2 and "nope.json" in r.stderr


def test_good_file_exits_0_with_json(tmp_path):
    r = cli("evaluate", str(write_json(tmp_path, GOOD)), "--today", "2026-11-23")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["as_of"] == "2026-11-23"


def test_today_defaults_to_machine_date(tmp_path):
    import datetime as dt

    r = cli("evaluate", str(write_json(tmp_path, {})))
    assert json.loads(r.stdout)["as_of"] == dt.date.today().isoformat()


def test_export_bad_input_writes_nothing(tmp_path):
    out = tmp_path / "summary.pdf"
    r = cli("export", str(write_json(tmp_path, {"decision_date": "2025-02-30"})), "--lang", "bn",
            "--out", str(out))
    assert r.returncode == 2 and "decision_date" in r.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "answers.json"]


def test_byte_order_mark_is_accepted(tmp_path):
    p = tmp_path / "bom.json"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    assert cli("evaluate", str(p), "--today", "2026-11-23").returncode == 0


@pytest.mark.parametrize("argv", [
    ["evaluate", "a.json"],
    ["evaluate", "a.json", "--today", "2026-11-23"],
    ["evaluate", "--today=2026-11-23", "a.json", "--data-dir", "/tmp/x"],
    ["evaluate", "--data-dir=/tmp/x", "a.json"],
])
def test_plain_evaluate_reads_arguments_as_argparse_does(argv):
    from desktop.cli import _plain_evaluate, build_parser

    fast, full = _plain_evaluate(argv), build_parser().parse_args(argv)
    assert fast is not None
    for key in ("command", "answers", "today", "data_dir"):
        assert getattr(fast, key) == getattr(full, key), key


@pytest.mark.parametrize("argv", [
    ["evaluate"], ["evaluate", "--help"], ["evaluate", "a.json", "b.json"], ["evaluate", "a.json", "--today"],
    ["evaluate", "a.json", "--today", "23/11/2026"], ["evaluate", "a.json", "--tody", "2026-11-23"],
    ["evaluate", "a.json", "--today", "2026-11-23", "--today", "2026-11-24"], ["export", "a.json"],
    ["evaluate", "a.json", "--today", "20261123"],
])
def test_anything_unusual_goes_to_the_full_parser(argv):
    from desktop.cli import _plain_evaluate

    assert _plain_evaluate(argv) is None


def test_bad_today_is_explained(tmp_path):
    r = cli("evaluate", str(write_json(tmp_path, GOOD)), "--today", "23/11/2026")
    assert r.returncode == 2 and "--today" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("argv", [
    ["--data-dir", "/tmp/x", "evaluate", "a.json", "--help-not"],
    ["--data-dir", "/tmp/x", "export", "a.json", "--lang", "bn", "--out", "o.pdf"],
    ["export", "a.json", "--lang", "bn", "--out", "o.pdf", "--data-dir", "/tmp/x"],
])
def test_data_dir_before_or_after_the_command(argv):
    from desktop.cli import build_parser

    argv = [a for a in argv if a != "--help-not"]
    assert build_parser().parse_args(argv).data_dir == "/tmp/x"
