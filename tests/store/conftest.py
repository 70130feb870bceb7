from pathlib import Path

import pytest
from store_helpers import PASSPHRASE


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    # Cheap scrypt for every store a test makes, here and in child processes.
    monkeypatch.setenv("RELIEF_WIZARD_KDF_TEST", "1")
    for name in ("RELIEF_WIZARD_DATA_DIR", "RELIEF_WIZARD_PASSPHRASE", "RELIEF_WIZARD_PIN"):
        # set-then-delete makes monkeypatch restore the variable's state after
        # the test even if the code under test sets it (desktop.cli does for --data-dir).
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    from desktop.store import Store

    s = Store.create(data_dir, PASSPHRASE)
    yield s
    s.close()
