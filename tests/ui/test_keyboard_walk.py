"""Without a mouse: from the language screen to a saved PDF by keys alone,
the top bar reachable and every option card on the results reached."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from keyboard_walk import save_by_keys, walk_to_saved_pdf
from ui_driver import CASE, choose_language, dispose, make_window, new_client, set_passphrase, settle

from desktop.ui import save_places
from desktop.ui.save_places import Volume
from desktop.ui.screens import summary as summary_screen
from desktop.ui.widgets.save_dialog import SaveDialog


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_keyboard_only_from_language_to_saved_pdf(qtbot, data_dir, tmp_path, monkeypatch, lang):
    if not summary_screen.pdf_available():
        pytest.skip("desktop.pdf.summary is not there")
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(save_places, "mounted_volumes",
                        lambda: [Volume(root=str(stick), name="STICK", removable=True)])
    target = stick / "summary.pdf"

    monkeypatch.setattr(SaveDialog, "exec", save_by_keys(target.name))
    # 1024x600 less a title bar.
    window = make_window(data_dir, size=(1024, 570))
    try:
        walk = walk_to_saved_pdf(window, lang, CASE, target)
        assert len(walk.log) > 50
    finally:
        dispose(window)


def test_shortcuts_reach_the_top_bar_from_the_page(window):
    choose_language(window, "hi")
    set_passphrase(window)
    new_client(window)
    settle()
    q = window.screens["question"]
    focus = QApplication.focusWidget()
    assert focus is q.input.focus_target()
    # Every top-bar button says its key, in the tooltip and to a screen reader.
    for b in window.topbar_chain():
        keys = b.shortcut().toString()
        assert keys and keys in b.toolTip() and keys in b.accessibleDescription(), b.objectName()
    QTest.keyClick(focus, Qt.Key_F6)
    settle()
    assert QApplication.focusWidget() is window.lang_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_F6)
    settle()
    assert q.isAncestorOf(QApplication.focusWidget())
    scale = window._scale
    # A button's shortcut presses it visibly: the click comes a moment later.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Plus, Qt.ControlModifier)
    QTest.qWait(250)
    assert window._scale > scale
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Minus, Qt.ControlModifier)
    QTest.qWait(250)
    assert window._scale == scale
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Equal, Qt.ControlModifier)
    QTest.qWait(250)
    assert window._scale > scale
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key_L, Qt.ControlModifier)
    QTest.qWait(250)
    assert window.view == "unlock" and window.session.store is None
