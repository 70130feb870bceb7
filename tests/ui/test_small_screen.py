"""A 1024x600 screen with a title bar, at 200% text, in every language:
the window fits and nothing is wider than it (no page needs sideways
scrolling, which is switched off)."""
import pytest
from PySide6.QtWidgets import QApplication
from ui_driver import CASE, answer_all, choose_language, dispose, make_window, new_client, press_enter, set_passphrase, settle

from desktop.i18n import LANGUAGES

WIDTH, HEIGHT = 1024, 570  # 600 less a title bar


def _fits(window, where):
    screen = window.stack.currentWidget()
    settle(3)
    need = screen.scroll.widget().minimumSizeHint().width()
    have = screen.scroll.viewport().width()
    assert need <= have, (where, need, have)
    if screen.navbar.isVisible():
        assert screen.navbar.minimumSizeHint().width() <= window.width(), where
    assert window.minimumSizeHint().width() <= WIDTH, where
    assert window.minimumSizeHint().height() <= HEIGHT, where


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_wider_than_the_window_at_200_percent(qtbot, data_dir, lang):
    window = make_window(data_dir, size=(WIDTH, HEIGHT))
    try:
        choose_language(window, lang)
        window.set_text_scale(2.0)
        _fits(window, "unlock")
        set_passphrase(window)
        new_client(window, "Made Up", "Made Up")
        _fits(window, window.view)
        for stop in ("decision_date", "country_of_nationality", "harm_reasons"):
            answer_all(window, CASE, stop_after=window.session.flow.previous_view(stop, CASE, window.session.today))
            _fits(window, stop)
        answer_all(window, CASE)
        _fits(window, "review")
        press_enter(window)
        _fits(window, "results")
        window.go("summary")
        _fits(window, "summary")
        window.go("clients")  # now with a saved client's row and its buttons
        _fits(window, "clients")
        window.go("language")
        _fits(window, "language")
    finally:
        dispose(window)


def test_the_window_opens_no_taller_than_the_screen_with_its_title_bar(qtbot, data_dir):
    from desktop.ui.app import build_window, make_application
    from desktop.ui.main_window import FRAME_TOP

    make_application()
    window = build_window(data_dir=str(data_dir))
    try:
        avail = QApplication.primaryScreen().availableGeometry()
        assert window.height() + FRAME_TOP <= avail.height()
        assert window.width() <= avail.width()
    finally:
        dispose(window)
