"""The summary screen: save the PDF, open it, print it."""
from PySide6.QtWidgets import QFileDialog
from ui_driver import CASE, answer_all, choose_language, click, new_client, press_enter, set_passphrase, settle

from desktop.ui import printing
from desktop.ui.screens import summary as summary_screen


def to_summary(window, lang="pa"):
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, "Made Up", "Made Up")
    answer_all(window, CASE)
    press_enter(window)
    settle()
    click(window.screens["results"].summary)
    assert window.view == "summary"
    return window.screens["summary"]


def test_save_open_and_print_the_summary(window, tmp_path, monkeypatch):
    if not summary_screen.pdf_available():
        import pytest

        pytest.skip("desktop.pdf.summary is not there")
    screen = to_summary(window)
    assert screen.save.isEnabled()
    assert not screen.open.isEnabled() and not screen.print.isEnabled()
    target = tmp_path / "summary.pdf"
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, default, filter_: offered.append(default) or (str(target), "")))
    click(screen.save)
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert window.session.client.code in offered[0]
    assert "Made Up" not in offered[0]  # a file name never carries the name
    opened, printed = [], []
    monkeypatch.setattr(printing, "open_file", lambda p: opened.append(p) or True)
    monkeypatch.setattr(printing, "print_file", lambda p, name, copies=1: printed.append(p) or True)
    click(screen.open)
    assert opened == [target]
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.Accepted)
    click(screen.print)
    assert printed == [target]
    click(screen.finish)
    assert window.view == "clients" and window.session.client is None


def test_smoke_screenshot_hook_saves_first_screen_and_quits(tmp_path):
    import subprocess
    import sys

    shot = tmp_path / "first.png"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "RELIEF_WIZARD_SMOKE_SCREENSHOT": str(shot), "RELIEF_WIZARD_DATA_DIR": str(tmp_path / "data")}
    r = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr[-800:]
    assert shot.exists() and shot.stat().st_size > 1000
