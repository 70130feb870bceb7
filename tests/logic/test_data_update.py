"""Signed legal-data updates (.rwdata): a good one changes what `evaluate`
says; every bad one is refused with one line, exit 2, and the data folder
byte for byte as it was; the same version twice is a no-op; no rollback."""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.cli import main
from desktop.logic import data_update, legal_data
from desktop.logic.data_schema import SchemaError, check_fees, check_holidays, check_set, check_tps
from desktop.logic.data_update import pack
from desktop.logic.datafiles import shipped_path
from desktop.logic.evaluate import evaluate
from desktop.logic.validation import validate_answers

from .data_update_helpers import (  # noqa: F401 - fixtures
    AS_OF,
    TODAY,
    TPS_CASE,
    data_root,
    good_files,
    make_update,
    signed_files,
    signing_key,
    snapshot,
)


def run_cli(capsys, *args) -> tuple[int, str, str]:
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


def tps(root: Path, capsys) -> dict:
    answers = root.parent / "answers.json"
    answers.write_text(json.dumps(TPS_CASE))
    rc, out, _ = run_cli(capsys, "evaluate", str(answers), "--today", TODAY.isoformat(), "--data-dir", str(root))
    assert rc == 0
    result = json.loads(out)
    return result


def test_shipped_data_passes_the_schema_check():
    files = {n: Path(shipped_path(n)).read_bytes() for n in ("tps.json", "fees.toml", "us_federal_holidays.json")}
    files["fees.compiled.json"] = data_update.compiled_fees(files["fees.toml"])
    dates = check_set(files)
    shipped = legal_data.shipped()
    # The date every result shows is never later than the files' own dates.
    assert shipped.as_of == min(dates.values())
    assert legal_data.shipped_keys(), "the release must ship at least one public key"


def test_a_good_update_changes_what_evaluate_says(tmp_path, signing_key, data_root, capsys):
    before = tps(data_root, capsys)
    opt = next(o for o in before["options"] if o["id"] == "tps")
    assert opt["status"] == "not_available"
    assert before["data_version"] == legal_data.shipped().version

    update = make_update(tmp_path, signing_key, "2027.1.10")
    rc, out, err = run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))
    assert (rc, err) == (0, "")
    assert out.strip() == "The legal data is updated: version 2027.1.10, as of January 10, 2027."

    after = tps(data_root, capsys)
    opt = next(o for o in after["options"] if o["id"] == "tps")
    assert (opt["status"], opt["deadline"]) == ("likely", "2027-06-30")
    assert after["data_version"] == "2027.1.10"
    assert after["data_as_of"] == AS_OF.isoformat()
    assert after["tps_data_as_of"] == AS_OF.isoformat()
    assert "+data-2027.1.10+" in after["rules_version"]
    assert after["rules_version"] != before["rules_version"]

    rc, out, _ = run_cli(capsys, "data", "status", "--data-dir", str(data_root))
    assert rc == 0
    assert "Legal data in use: version 2027.1.10, as of 2027-01-10" in out
    kid = legal_data.key_id(list(legal_data.TRUSTED_KEYS.values())[0])
    assert f"Source: signed update (key {kid})" in out
    assert f"Trusted keys: {kid}" in out


def test_same_version_twice_is_a_no_op(tmp_path, signing_key, data_root, capsys):
    update = make_update(tmp_path, signing_key, "2027.1.10")
    assert run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))[0] == 0
    before = snapshot(data_root)
    rc, out, err = run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))
    assert (rc, err) == (0, "")
    assert out.strip() == "This legal data (version 2027.1.10) is already in use. Nothing was changed."
    assert snapshot(data_root) == before


def test_the_shipped_version_again_is_a_no_op(tmp_path, signing_key, data_root, capsys):
    update = make_update(tmp_path, signing_key, legal_data.shipped().version)
    rc, out, _ = run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))
    assert rc == 0 and "already in use" in out
    assert snapshot(data_root) == {}


def refused(capsys, root: Path, update: Path, expected: str) -> None:
    before = snapshot(root)
    rc, out, err = run_cli(capsys, "data", "import", str(update), "--data-dir", str(root))
    assert rc == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err and err.strip().endswith("Nothing was changed."), err
    assert snapshot(root) == before


@pytest.fixture(params=["empty", "updated"])
def center(request, tmp_path, signing_key, data_root, capsys):
    """A data folder with no update yet, or with 2027.1.10 installed."""
    if request.param == "updated":
        update = make_update(tmp_path, signing_key, "2027.1.10")
        assert run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))[0] == 0
    return data_root


def _bad_files(tmp_path: Path, key) -> dict[str, tuple[bytes, str]]:
    good = make_update(tmp_path, key, "2027.2.1").read_bytes()
    members = {i.filename: zipfile.ZipFile(io.BytesIO(good)).read(i) for i in zipfile.ZipFile(io.BytesIO(good)).infolist()}
    tampered = dict(members)
    tampered["tps.json"] = tampered["tps.json"].replace(b'"designated"', b'"terminated"', 1)
    unsigned = {k: v for k, v in members.items() if k != "manifest.sig"}
    other_key = Ed25519PrivateKey.generate()
    files = good_files(tmp_path)
    bad_schema = dict(files)
    bad_schema["tps.json"] = files["tps.json"].replace(b'"data_as_of": "2027-01-10"', b'"data_as_of": "soon"', 1)
    bad_fee = dict(files)
    bad_fee["fees.toml"] = files["fees.toml"].replace(b'waiver = "no"', b'waiver = "maybe"', 1)
    code = dict(members)
    code["evaluate.py"] = b"import os\n"
    with_path = dict(members)
    with_path["../tps.json"] = with_path.pop("tps.json")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body if name != "tps.json" else b" " * (data_update.MAX_MEMBER * 2))
    return {
        "tampered": (pack(tampered), "changed after it was signed"),
        "unsigned": (pack(unsigned), "not signed by the makers of this app"),
        "signed by another key": (signed_files(files, other_key, "2027.2.1"), "not signed by the makers of this app"),
        "older": (make_update(tmp_path, key, "2026.1.1", add_country=False).read_bytes(), "is older than the legal data in use"),
        "wrong schema": (signed_files(bad_schema, key, "2027.2.1"), "not in the form the app needs"),
        "wrong fee value": (signed_files(bad_fee, key, "2027.2.1"), "not in the form the app needs"),
        "as of later than its files": (signed_files(files, key, "2027.2.1", AS_OF.replace(month=3)), "not in the form"),
        "truncated": (good[: len(good) * 2 // 3], "damaged or incomplete"),
        "not a zip": (b"%PDF-1.4 this is a summary, not an update\n", "not a legal-data update file"),
        "empty": (b"", "not a legal-data update file"),
        "code inside": (pack(code), "something other than legal data"),
        "a path inside": (pack(with_path), "something other than legal data"),
        "zip bomb": (bomb.getvalue(), "too large"),
        "too large": (good + b"\0" * data_update.MAX_FILE, "too large"),
    }


def test_every_kind_of_bad_file_is_refused_and_nothing_changes(tmp_path, signing_key, center, capsys):
    for kind, (data, expected) in _bad_files(tmp_path, signing_key).items():
        path = tmp_path / f"bad-{kind.replace(' ', '-')}.rwdata"
        path.write_bytes(data)
        try:
            refused(capsys, center, path, expected)
        except AssertionError as exc:
            raise AssertionError(f"{kind}: {exc}") from None


def test_rollback_is_refused(tmp_path, signing_key, data_root, capsys):
    newer = make_update(tmp_path, signing_key, "2027.1.10")
    older = make_update(tmp_path, signing_key, "2027.1.9")
    assert run_cli(capsys, "data", "import", str(newer), "--data-dir", str(data_root))[0] == 0
    refused(capsys, data_root, older, "(version 2027.1.9) is older than the legal data in use (version 2027.1.10)")
    # Versions are numbers: 2027.1.10 is newer than 2027.1.9, and 2027.2 newer than both.
    assert run_cli(capsys, "data", "import", str(make_update(tmp_path, signing_key, "2027.2")),
                   "--data-dir", str(data_root))[0] == 0
    assert legal_data.active().version == "2027.2"


def test_a_missing_file_is_refused(tmp_path, signing_key, data_root, capsys):
    refused(capsys, data_root, tmp_path / "not-there.rwdata", "not a legal-data update file")


def test_a_damaged_install_falls_back_to_the_shipped_data(tmp_path, signing_key, data_root, capsys):
    update = make_update(tmp_path, signing_key, "2027.1.10")
    assert run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))[0] == 0
    folder = data_root / "legal-data" / "2027.1.10"
    (folder / "tps.json").write_bytes((folder / "tps.json").read_bytes().replace(b"terminated", b"designated"))
    legal_data.reload()
    assert legal_data.active() == legal_data.shipped()
    ev = evaluate(validate_answers(TPS_CASE, TODAY), TODAY)
    assert ev.option("tps").status == "not_available"
    rc, out, _ = run_cli(capsys, "data", "status", "--data-dir", str(data_root))
    assert "Source: shipped with this release" in out and "2027.1.10 is damaged or not signed" in out
    # Importing the same version again repairs it.
    assert run_cli(capsys, "data", "import", str(update), "--data-dir", str(data_root))[0] == 0
    assert legal_data.active().version == "2027.1.10"
    assert not [n for n in os.listdir(data_root / "legal-data") if n.startswith(".")]


def test_a_damaged_newest_install_falls_back_to_the_one_before(tmp_path, signing_key, data_root, capsys):
    for version in ("2027.1.10", "2027.1.11"):
        assert run_cli(capsys, "data", "import", str(make_update(tmp_path, signing_key, version)),
                       "--data-dir", str(data_root))[0] == 0
    (data_root / "legal-data" / "2027.1.11" / "manifest.sig").unlink()
    legal_data.reload()
    assert legal_data.active().version == "2027.1.10"


def test_an_update_folder_without_trusted_keys_is_not_used(tmp_path, signing_key, data_root, capsys, monkeypatch):
    assert run_cli(capsys, "data", "import", str(make_update(tmp_path, signing_key, "2027.1.10")),
                   "--data-dir", str(data_root))[0] == 0
    monkeypatch.setattr(legal_data, "TRUSTED_KEYS", None)  # only the shipped keys
    legal_data.reload()
    assert legal_data.active() == legal_data.shipped()


def test_a_newer_release_outranks_an_older_installed_update(tmp_path, signing_key, data_root, capsys, monkeypatch):
    assert run_cli(capsys, "data", "import", str(make_update(tmp_path, signing_key, "2027.1.10")),
                   "--data-dir", str(data_root))[0] == 0
    newer_release = legal_data.DataSet("2027.6.1", AS_OF, legal_data.SHIPPED, None)
    import functools

    monkeypatch.setattr(legal_data, "shipped", functools.lru_cache(maxsize=1)(lambda: newer_release))
    legal_data.active.cache_clear()
    assert legal_data.active() is newer_release


@pytest.mark.parametrize("bad", [
    lambda t: t["countries"][0].__setitem__("status", "gone"),
    lambda t: t["countries"][0].__setitem__("code", "Bangladesh"),
    lambda t: t["countries"][1].__setitem__("code", t["countries"][0]["code"]),
    lambda t: t["countries"][0]["initial_registration_periods"][0].__setitem__("end", "2001-01-01"),
    lambda t: t["countries"][0].__setitem__("status_until", "2026-02-30"),
    lambda t: t["countries"][0].__setitem__("surprise", 1),
    lambda t: t.pop("countries"),
])
def test_schema_check_of_the_tps_list(bad):
    raw = json.loads(Path(shipped_path("tps.json")).read_text("utf-8"))
    check_tps(raw)
    bad(raw)
    with pytest.raises(SchemaError):
        check_tps(raw)


def test_schema_check_of_fees_and_holidays():
    import tomllib

    fees = tomllib.loads(Path(shipped_path("fees.toml")).read_text("utf-8"))
    check_fees(fees)
    for change in ({"fee_usd": -5}, {"fee_usd": "100"}, {"option": "lottery"}, {"filing": "A new filing"}):
        broken = json.loads(json.dumps(fees))
        broken["filings"][0].update(change)
        with pytest.raises(SchemaError):
            check_fees(broken, options={"renew_asylum_in_court", "bia_appeal"},
                       filings={f["filing"] for f in fees["filings"]})
    holidays = json.loads(Path(shipped_path("us_federal_holidays.json")).read_text("utf-8"))
    check_holidays(holidays)
    holidays["years"]["2030"] = ["2031-01-01"]
    with pytest.raises(SchemaError):
        check_holidays(holidays)


def test_the_maintainers_script_builds_a_file_the_app_accepts(tmp_path, signing_key, data_root, capsys):
    import subprocess
    import sys

    from cryptography.hazmat.primitives import serialization

    from .data_update_helpers import data_folder

    pem = tmp_path / "key.pem"
    pem.write_bytes(signing_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    out = tmp_path / "relief-wizard-data-2027.1.10.rwdata"
    script = Path(__file__).resolve().parents[2] / "scripts" / "make-data-update.py"
    folder = data_folder(tmp_path)
    done = subprocess.run([sys.executable, str(script), "--key", str(pem), "--version", "2027.1.10",
                           "--as-of", "2027-01-10", "--out", str(out), "--data-dir", str(folder)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "is not among desktop/logic/data/keys" in done.stderr  # a throw-away key, rightly flagged
    assert run_cli(capsys, "data", "import", str(out), "--data-dir", str(data_root))[0] == 0
    # A claimed date later than the files' own is refused when building.
    done = subprocess.run([sys.executable, str(script), "--key", str(pem), "--version", "2027.1.11",
                           "--as-of", "2027-02-01", "--out", str(tmp_path / "x.rwdata"), "--data-dir", str(folder)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "later than" in done.stderr
