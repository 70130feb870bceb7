"""Throw-away signing keys and update files for the legal-data tests.

The key is made in the test and trusted through legal_data.TRUSTED_KEYS
(monkeypatched): no environment variable a real run would honour."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.logic import legal_data
from desktop.logic.data_schema import FEES_COMPILED, UPDATABLE
from desktop.logic.data_update import build_update, compiled_fees, pack
from desktop.logic.datafiles import shipped_path

# A country the shipped list does not have, designated in the update with an
# initial registration period open on TODAY.
NEW_CODE = "BD"
AS_OF = dt.date(2027, 1, 10)
TODAY = dt.date(2027, 1, 20)
TPS_CASE = {"decision_stage": "bia", "decision_date": "2027-01-05", "country_of_nationality": NEW_CODE,
            "last_arrival_date": "2020-03-01", "criminal_history": "none", "harmed_others": "no"}


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@pytest.fixture
def signing_key(monkeypatch):
    key = Ed25519PrivateKey.generate()
    monkeypatch.setattr(legal_data, "TRUSTED_KEYS", {legal_data.key_id(raw_public(key)): raw_public(key)})
    yield key
    legal_data.reload()


@pytest.fixture
def data_root(tmp_path):
    root = tmp_path / "center"
    root.mkdir()
    legal_data.set_root(root)
    yield root
    legal_data.set_root(None)


def data_folder(tmp_path: Path, as_of: dt.date = AS_OF, *, add_country: bool = True) -> Path:
    """The shipped updatable files, re-dated to `as_of`, with one new designation."""
    folder = tmp_path / f"data-{as_of}-{add_country}-{os.urandom(3).hex()}"
    folder.mkdir()
    for name in UPDATABLE:
        shutil.copy(shipped_path(name), folder / name)
    tps = json.loads((folder / "tps.json").read_text("utf-8"))
    tps["data_as_of"] = as_of.isoformat()
    if add_country:
        tps["countries"].append({
            "code": NEW_CODE, "name": "Bangladesh", "status": "designated",
            "designated_since": "2027-01-01", "continuous_residence_since": "2026-12-31",
            "continuous_presence_since": "2027-01-01", "registration_ends": "2027-06-30",
            "status_until": "2028-06-30", "federal_register": ["92 FR 1000"],
            "notes": "A designation made up for the tests.",
            "initial_registration_periods": [{"start": "2027-01-01", "end": "2027-06-30",
                                              "federal_register": "92 FR 1000", "kind": "designation"}]})
    (folder / "tps.json").write_text(json.dumps(tps, indent=1), "utf-8")
    fees = (folder / "fees.toml").read_text("utf-8")
    fees = fees.replace('\nas_of = "2026-06-20"\nsource_note', f'\nas_of = "{as_of}"\nsource_note', 1)
    assert f'as_of = "{as_of}"' in fees
    (folder / "fees.toml").write_text(fees, "utf-8")
    return folder


def make_update(tmp_path: Path, key, version: str, as_of: dt.date = AS_OF, **kw) -> Path:
    out = tmp_path / f"update-{version}-{os.urandom(3).hex()}.rwdata"
    out.write_bytes(build_update(str(data_folder(tmp_path, as_of, **kw)), version, as_of, key))
    return out


def signed_files(files: dict[str, bytes], key, version: str, as_of: dt.date = AS_OF) -> bytes:
    """Signs whatever it is given, skipping the build's checks: for files that
    are signed correctly but wrong inside."""
    files = dict(files)
    if "fees.toml" in files and FEES_COMPILED not in files:
        files[FEES_COMPILED] = compiled_fees(files["fees.toml"])
    manifest = json.dumps({"format": 1, "data_version": version, "as_of": as_of.isoformat(),
                           "files": {n: {"sha256": legal_data.sha256(b), "size": len(b)}
                                     for n, b in files.items()}}).encode()
    return pack({**files, "manifest.json": manifest, "manifest.sig": key.sign(manifest)})


def good_files(tmp_path: Path) -> dict[str, bytes]:
    folder = data_folder(tmp_path)
    return {n: (folder / n).read_bytes() for n in UPDATABLE}


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every folder and file under `root`, with the bytes of each file."""
    out: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root) + "/"] = None
        for f in filenames:
            p = os.path.join(dirpath, f)
            out[os.path.relpath(p, root)] = Path(p).read_bytes()
    return out
