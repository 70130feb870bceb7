"""UI tests run offscreen, with a cheap key derivation and a fixed day."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported anywhere
os.environ.setdefault("RELIEF_WIZARD_KDF_TEST", "1")

import pytest  # noqa: E402
from ui_driver import TODAY, dispose, make_window  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    monkeypatch.setenv("RELIEF_WIZARD_KDF_TEST", "1")
    for name in ("RELIEF_WIZARD_DATA_DIR", "RELIEF_WIZARD_PASSPHRASE"):
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def window(qtbot, data_dir):
    w = make_window(data_dir)
    yield w
    dispose(w)


@pytest.fixture(autouse=True)
def _no_window_left_over():
    yield
    from PySide6.QtWidgets import QApplication

    left = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"]
    assert not left, "a test left a window alive; it would slow every later test"
