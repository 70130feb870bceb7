"""The summary screen: save the PDF, open it, print it."""
from ui_driver import CASE, answer_all, choose_language, click, new_client, press_enter, set_passphrase, settle

import sys
from pathlib import Path

from desktop.ui import printing, save_places
from desktop.ui.save_places import Volume
from desktop.ui.widgets import save_dialog
from desktop.ui.widgets.save_dialog import PrintIntro, SaveDialog


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
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(save_places, "mounted_volumes", lambda: [
        Volume(root=str(stick), name="STICK", removable=True), Volume(root="/", name="system", is_root=True)])
    screen = to_summary(window)
    assert screen.save.isEnabled()
    assert not screen.open.isEnabled() and not screen.print.isEnabled()
    offered = []

    def run_save(dialog):
        offered.extend((folder, card.card_text()) for folder, card in dialog.places)
        assert dialog.chosen_folder() == stick  # the stick first, and chosen
        assert dialog.name.text().endswith(".pdf") and window.session.client.code in dialog.name.text()
        assert "Made Up" not in dialog.name.text()  # a file name never carries the name
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(SaveDialog, "exec", run_save)
    click(screen.save)
    target = stick / f"relief-wizard-summary-{window.session.client.code}.pdf"
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert "STICK" in offered[0][1]  # the stick, by the name it shows
    for folder, _label in offered:
        for program in save_places.program_folders():
            assert not str(folder.resolve()).startswith(str(program)), folder
    opened, printed, intro = [], [], []
    monkeypatch.setattr(printing, "open_file", lambda p: opened.append(p) or True)
    monkeypatch.setattr(printing, "print_file", lambda p, name, copies=1: printed.append(p) or True)
    click(screen.open)
    assert opened == [target]
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(PrintIntro, "exec", lambda self: intro.append(self.what.text()) or PrintIntro.Accepted)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.Accepted)
    click(screen.print)
    assert printed == [target]
    # Before the English print dialog, a Punjabi note with the page count.
    pages = printing.page_count(target)
    assert len(intro) == 1 and window.session.t.format_number(pages) in intro[0]
    assert not any("a" <= c.lower() <= "z" for c in intro[0]), intro[0]
    click(screen.finish)
    assert window.view == "clients" and window.session.client is None


def test_save_step_asks_before_replacing_and_refuses_a_folder_it_cannot_write(window, tmp_path, monkeypatch):
    stick = tmp_path / "run" / "media" / "person" / "USB"
    stick.mkdir(parents=True)
    monkeypatch.setattr(save_places, "mounted_volumes", lambda: [Volume(root=str(stick), name="USB", removable=True)])
    screen = to_summary(window, "bn")
    name = f"relief-wizard-summary-{window.session.client.code}.pdf"
    (stick / name).write_bytes(b"old")
    asked = []
    monkeypatch.setattr(window, "confirm", lambda message, yes, no, danger=False: asked.append(message) or False)
    seen = {}

    def run_save(dialog):
        dialog.submit()
        seen["kept"] = (dialog.result(), dialog.error.isVisible())
        with monkeypatch.context() as m:  # a read-only stick (root would write anyway)
            m.setattr(save_places, "is_writable", lambda folder: False)
            dialog.name.setText("other")
            dialog.submit()
            seen["locked"] = (dialog.result(), dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(SaveDialog, "exec", run_save)
    click(screen.save)
    assert len(asked) == 1 and (stick / name).read_bytes() == b"old"  # asked, and the answer was keep
    assert seen["kept"][0] == 0
    assert seen["locked"][0] == 0 and seen["locked"][1] == window.session.t.gettext(save_dialog.CANNOT)
    assert not (stick / "other.pdf").exists()


def test_removable_volumes_are_sticks_never_the_system_or_the_program():
    program = [Path("/opt/relief-wizard")]
    volumes = [
        Volume(root="/", name="", is_root=True),
        Volume(root="/media/ana/KINGSTON", name="KINGSTON"),
        Volume(root="/run/media/ana/SANDISK", name="SANDISK"),
        Volume(root="/media/ana/CDROM", name="CDROM", read_only=True),
        Volume(root="/media/ana/BUSY", name="BUSY", ready=False),
        Volume(root="/home", name="home"),
        Volume(root="/opt/relief-wizard", name="app"),
        Volume(root="/media/ana/APP", name="APP"),
    ]
    got = [v.name for v in save_places.removable_volumes(volumes, "linux", program + [Path("/media/ana/APP/bin")])]
    assert got == ["KINGSTON", "SANDISK"]
    windows = [Volume(root="C:/", name="Windows", is_root=True), Volume(root="E:/", name="STICK", removable=True),
               Volume(root="D:/", name="DATA", removable=False)]
    assert [v.name for v in save_places.removable_volumes(windows, "win32", [])] == ["STICK"]
    assert save_places.safe_folder(save_places.program_folders()[0]) is None
    assert save_places.safe_folder(Path(sys.executable).parent) is None


def test_smoke_screenshot_hook_saves_first_screen_and_quits(tmp_path):
    import subprocess
    import sys

    shot = tmp_path / "first.png"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "RELIEF_WIZARD_SMOKE_SCREENSHOT": str(shot), "RELIEF_WIZARD_DATA_DIR": str(tmp_path / "data")}
    r = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr[-800:]
    assert shot.exists() and shot.stat().st_size > 1000
