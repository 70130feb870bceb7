"""The country picker chooses only on Space, Enter or a click: focus and a
filter never choose, and Next with a filter typed but nothing chosen asks."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_driver import CASE, answer_all, choose_language, new_client, set_passphrase, settle

from desktop.i18n import Translator
from desktop.logic.text import Message


def _to_country_question(window, lang="en"):
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window)
    answer_all(window, CASE, stop_after="date_of_birth")
    assert window.view == "country_of_nationality"
    return window.screens["question"].input


def _key(key, modifier=Qt.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    settle(1)


def test_tabbing_in_and_filtering_saves_nothing_until_chosen(window):
    inp = _to_country_question(window)
    s = window.session
    assert QApplication.focusWidget() is inp.search
    _key(Qt.Key_Tab)
    assert QApplication.focusWidget() is inp.list
    assert inp.list.currentItem() is not None  # Qt makes a row current on focus ...
    assert "country_of_nationality" not in s.answers  # ... and that chooses nothing
    _key(Qt.Key_Tab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is inp.search
    QTest.keyClicks(inp.search, "bangla")
    settle(1)
    current = inp.list.currentItem()
    assert current is None or not current.isHidden()  # no hidden row stays current
    _key(Qt.Key_Return)  # Next, with a filter typed and nothing chosen
    assert window.view == "country_of_nationality"
    assert "country_of_nationality" not in s.answers
    assert "country_of_nationality" not in s.store.answers(s.client.id)
    assert inp.error_label.isVisible() and QApplication.focusWidget() is inp.list
    # Down from the filter, then Space: now Bangladesh is chosen, and said.
    inp.search.setFocus()
    _key(Qt.Key_Down)
    assert QApplication.focusWidget() is inp.list
    assert inp.list.currentItem().data(Qt.UserRole) == "BD"
    assert "country_of_nationality" not in s.answers
    _key(Qt.Key_Space)
    assert s.store.answers(s.client.id)["country_of_nationality"] == "BD"
    chosen = Translator("en").render(Message("Chosen: {country}", {"country": "Bangladesh"}))
    assert inp.chosen.text() == chosen and chosen in inp.list.accessibleDescription()
    assert not inp.error_label.isVisible()
    window.screens["question"].next.setFocus()
    _key(Qt.Key_Return)
    assert window.view != "country_of_nationality"
    assert s.answers["country_of_nationality"] == "BD"


def test_a_filter_that_hides_the_highlighted_row_clears_it(window):
    inp = _to_country_question(window, "ur")
    s = window.session
    inp.list.setFocus()
    settle(1)
    first = inp.list.currentItem()
    assert first is not None and "country_of_nationality" not in s.answers
    inp.search.setFocus()
    QTest.keyClicks(inp.search, "bangla")
    settle(1)
    assert first.isHidden() and inp.list.currentItem() is None
    assert not [i for i in inp.list.selectedItems() if i.isHidden()]
    inp.list.setFocus()
    settle(1)
    current = inp.list.currentItem()
    assert current is None or not current.isHidden()
    assert "country_of_nationality" not in s.answers
