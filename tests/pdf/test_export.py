"""`relief-wizard export`: a whole PDF or nothing, and exit 2 on bad input."""
from __future__ import annotations

import json
import os

import pytest

from desktop import cli
from desktop.pdf import summary

from .helpers import CASE_FILE, request


def _export(tmp_path, *extra, answers_file=None, out=None):
    out = out or tmp_path / "summary.pdf"
    argv = ["export", str(answers_file or CASE_FILE), "--lang", "ur", "--out", str(out),
            "--today", "2026-11-23", *extra]
    return cli.main(argv), out


def test_export_writes_the_pdf(tmp_path):
    code, out = _export(tmp_path, "--paper", "a4", "--name", "عبدالرحمٰن خان", "--name-latin", "KHAN, Abdul",
                        "--code", "RW-1")
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert os.listdir(tmp_path) == ["summary.pdf"]  # no temporary file left
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in out.read_bytes()


@pytest.mark.parametrize("content, field", [
    ("{not json", "file"),
    (json.dumps({"favourite_colour": "blue"}), "favourite_colour"),
    (json.dumps({"decision_date": "2025-02-30"}), "decision_date"),
    (json.dumps({"decision_date": "2027-01-01"}), "decision_date"),
])
def test_bad_answers_exit_2_and_write_nothing(tmp_path, capsys, content, field):
    bad = tmp_path / "answers.json"
    bad.write_text(content, "utf-8")
    code, out = _export(tmp_path, answers_file=bad)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and field in err
    assert not out.exists()
    assert os.listdir(tmp_path) == ["answers.json"]


@pytest.mark.parametrize("extra, words", [
    (("--name", "\U0001F600"), "--name"),
    (("--name-latin", "আব্দুর"), "--name-latin"),
    (("--code", "x" * 60), "--code"),
])
def test_bad_header_values_exit_2(tmp_path, capsys, extra, words):
    code, out = _export(tmp_path, *extra)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert os.listdir(tmp_path) == []


def test_missing_folder_exits_2(tmp_path, capsys):
    code, _ = _export(tmp_path, out=tmp_path / "no" / "such" / "folder.pdf")
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_out_is_a_folder_exits_2(tmp_path, capsys):
    code, _ = _export(tmp_path, out=tmp_path)
    assert code == 2
    assert "folder" in capsys.readouterr().err


def test_failure_while_writing_leaves_no_partial_pdf(tmp_path, monkeypatch):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"the previous summary")

    def broken_replace(src, dst):
        assert os.path.exists(src) and os.path.dirname(src) == str(tmp_path)  # temp file beside the target
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(summary.os, "replace", broken_replace)
    with pytest.raises(summary.SummaryError, match="No space left"):
        summary.write_summary(request("bn"), out)
    assert sorted(os.listdir(tmp_path)) == ["summary.pdf"]
    assert out.read_bytes() == b"the previous summary"


def test_failure_while_building_writes_nothing(tmp_path, monkeypatch):
    def boom(self):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(summary._Summary, "checklist", boom)
    with pytest.raises(RuntimeError):
        summary.write_summary(request("pa"), tmp_path / "summary.pdf")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("lang", ["ur", "bn"])
def test_an_option_taller_than_a_page_continues_on_the_next(tmp_path, lang):
    """A TPS client from Ukraine with a BIA denial: in Urdu and Bengali one
    option's row of reasons is taller than a page, and reportlab gave up on
    the whole summary (LayoutError, a traceback, no PDF). Found by the
    bundle's smoke test on 7d23224."""
    answers = tmp_path / "ua.json"
    answers.write_text(json.dumps({
        "decision_stage": "bia", "decision_date": "2026-11-02", "date_of_birth": "1990-05-01",
        "country_of_nationality": "UA", "last_arrival_date": "2019-03-10", "fears_harm_on_return": "yes",
        "harm_reasons": ["political_opinion"], "criminal_history": "none"}), "utf-8")
    out = tmp_path / "ua.pdf"
    assert cli.main(["export", str(answers), "--lang", lang, "--out", str(out), "--today", "2026-11-23"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
