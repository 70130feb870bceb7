"""Each screen's promises: checks at once, "I'm not sure", review, privacy,
keyboard, screen readers, text size, fonts."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit,
                               QListWidget, QScrollArea)
from ui_driver import (CASE, TODAY, answer_all, answer_current, choose_language, click, new_client,
                       press_enter, set_passphrase, settle, visible_texts)

from desktop.i18n import Translator
from desktop.logic.questions import NOT_SURE, NOT_SURE_LABEL
from desktop.logic.text import N_, Message
from desktop.ui import fonts


def start(window, lang="en", name="Made Up"):
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, name)


def go_to(window, qid):
    answer_all(window, CASE, stop_after=window.session.flow.previous_view(qid, CASE, TODAY))
    assert window.view == qid


# -- start ------------------------------------------------------------------------------
def test_language_picker_names_each_language_in_its_own_script(window):
    buttons = window.screens["language"].buttons
    assert [buttons[l].text() for l in ("en", "es", "bn", "hi", "pa", "ur")] == [
        "English", "Español", "বাংলা", "हिन्दी", "ਪੰਜਾਬੀ", "اردو"]
    assert buttons["pa"].font().families()[0] == "Noto Sans Gurmukhi"
    assert buttons["ur"].font().families()[0] == "Noto Naskh Arabic"


def test_first_run_warns_that_a_lost_passphrase_cannot_be_recovered(window):
    choose_language(window, "en")
    unlock = window.screens["unlock"]
    assert unlock.mode == "create" and unlock.warning.isVisible()
    assert "nobody can recover it" in unlock.warning.text()
    QTest.keyClicks(unlock.passphrase, "short")
    press_enter(window)
    assert unlock.error.isVisible() and window.view == "unlock"


def test_wrong_passphrase_is_refused_with_a_message(window, qtbot, data_dir):
    from desktop.store import Store

    Store.create(data_dir, "the right passphrase").close()
    choose_language(window, "es")
    unlock = window.screens["unlock"]
    assert unlock.mode == "unlock" and not unlock.repeat.isVisible()
    QTest.keyClicks(unlock.passphrase, "the wrong passphrase")
    press_enter(window)
    assert window.view == "unlock" and unlock.error.isVisible()
    assert unlock.error.text() == Translator("es").gettext("The passphrase is not right. Nothing was changed.")
    unlock.passphrase.clear()
    QTest.keyClicks(unlock.passphrase, "the right passphrase")
    press_enter(window)
    assert window.view == "clients"


def test_language_is_reachable_from_every_screen(window):
    start(window)
    for view in ("decision_stage", "review", "results", "summary", "clients"):
        window.go(view)
        assert window.lang_button.isVisible()
        click(window.lang_button)
        assert window.view == "language"
        choose_language(window, "hi" if view != "results" else "en")
        assert window.view == view  # back where the person was


def test_a_switch_lets_go_of_the_language_left_and_its_dates_come_back(window):
    from babel import localedata

    start(window, "bn")
    go_to(window, "nta_date")
    answer_current(window, "2026-03-15")
    window.go("results")
    settle()
    bengali = visible_texts(window)
    window.set_language("es")
    settle()
    assert "bn" not in localedata._cache  # only what Spanish needed was read again
    assert visible_texts(window) != bengali
    window.set_language("bn")
    settle()
    assert visible_texts(window) == bengali


# -- clients ------------------------------------------------------------------------------
def test_clients_most_recent_first_search_and_code(window, qtbot):
    choose_language(window, "en")
    set_passphrase(window)
    s = window.session
    for name in ("Alpha Made", "Beta Made", "Gamma Made"):
        s.store.new_client(name)
    window.go("clients")
    clients = window.screens["clients"]
    names = [row.findChildren(QLabel)[0].text() for row in clients.rows]
    assert names == ["Gamma Made", "Beta Made", "Alpha Made"]
    QTest.keyClicks(clients.search, "beta")
    qtbot.waitUntil(lambda: len(clients.rows) == 1)
    assert [row.findChildren(QLabel)[0].text() for row in clients.rows] == ["Beta Made"]
    code = s.store.list_clients("beta")[0].code
    assert any(code in t for t in visible_texts(clients.rows[0]))
    clients.search.clear()
    qtbot.waitUntil(lambda: len(clients.rows) == 3)
    QTest.keyClicks(clients.search, code.replace("-", "").lower())
    qtbot.waitUntil(lambda: len(clients.rows) == 1)


def test_delete_asks_first_and_then_deletes(window, monkeypatch):
    choose_language(window, "en")
    set_passphrase(window)
    window.session.store.new_client("Delta Made")
    window.go("clients")
    clients = window.screens["clients"]
    asked = []
    monkeypatch.setattr(window, "confirm", lambda msg, yes, no, danger=False: asked.append(msg) or False)
    click(clients.rows[0].findChild(QAbstractButton, "delete_client"))
    assert asked and len(window.session.store.list_clients()) == 1  # kept: the answer was no
    monkeypatch.setattr(window, "confirm", lambda msg, yes, no, danger=False: True)
    click(clients.rows[0].findChild(QAbstractButton, "delete_client"))
    assert window.session.store.list_clients() == [] and clients.rows == []


def test_new_client_needs_a_name(window):
    choose_language(window, "en")
    set_passphrase(window)
    click(window.screens["clients"].start)
    assert window.view == "clients" and window.screens["clients"].new_error.isVisible()


# -- questions ------------------------------------------------------------------------------
def test_a_future_decision_date_is_explained_at_once_and_not_saved(window):
    start(window, "bn")
    go_to(window, "decision_date")
    q = window.screens["question"]
    answer_current(window, "2027-01-05")
    msg = Message("This date is in the future. Enter a date on or before {today}.", {"today": TODAY})
    assert q.input.error_label.isVisible()
    assert q.input.error_label.text() == Translator("bn").render(msg)
    assert "decision_date" not in window.session.store.answers(window.session.client.id)
    press_enter(window)
    assert window.view == "decision_date"  # Next waits for a real date
    answer_current(window, "2026-11-03")
    assert not q.input.error_label.isVisible()
    assert q.input.confirm.text() == Translator("bn").render(
        Message("The date you gave: {date}", {"date": __import__("datetime").date(2026, 11, 3)}))
    assert window.session.store.answers(window.session.client.id)["decision_date"] == "2026-11-03"


def test_a_birth_after_arrival_is_explained(window):
    start(window)
    go_to(window, "last_arrival_date")
    answer_current(window, "1980-01-01")  # the birth given before was 1991
    q = window.screens["question"]
    assert q.input.error_label.isVisible()
    assert "date of birth is after the date of arrival" in q.input.error_label.text()
    assert "last_arrival_date" not in window.session.answers


def test_dates_in_the_persons_own_digits_are_read(window):
    start(window, "bn")
    go_to(window, "decision_date")
    q = window.screens["question"]
    q.input.edit.setFocus()
    q.input.edit.insert("২০২৬-১১-০৩")
    q.input._edited(q.input.edit.text())
    assert window.session.answers["decision_date"] == "2026-11-03"


@pytest.mark.parametrize("qid", ["decision_stage", "spouse_status", "detained", "decision_date",
                                 "country_of_nationality", "children_status", "harm_reasons"])
def test_every_question_offers_im_not_sure(window, qid):
    start(window)
    window.go(qid)
    q = window.screens["question"]
    labels = [w.card_text() for w in q.input.findChildren(QAbstractButton) if hasattr(w, "card_text")]
    assert Translator("en").gettext(NOT_SURE_LABEL) in labels
    answer_current(window, NOT_SURE if qid != "harm_reasons" else [NOT_SURE])
    assert window.session.store.answers(window.session.client.id)[qid] in (NOT_SURE, [NOT_SURE])


def test_progress_shows_part_and_count(window):
    start(window)
    go_to(window, "date_of_birth")
    q = window.screens["question"]
    assert q.section.text().startswith("Part 2 of 6")
    assert q.steps.index == 1 and q.steps.count == 6
    assert "questions answered" in q.progress_text.text()


def test_back_and_next_follow_the_flow(window):
    start(window)
    answer_current(window, "asylum_office")
    press_enter(window)
    answer_current(window, "2026-11-03")
    press_enter(window)
    s = window.session
    assert window.view == s.flow.next_view("decision_date", s.answers, TODAY)
    click(window.screens["question"].back)
    assert window.view == "decision_date"
    assert window.screens["question"].input.edit.text() == "2026-11-03"


# -- review ------------------------------------------------------------------------------------
def test_review_lists_every_answer_and_changes_one(window):
    start(window)
    answer_all(window, CASE)
    review = window.screens["review"]
    s = window.session
    assert set(review.change_buttons) == set(s.flow.applicable_ids(s.answers, TODAY))
    click(review.change_buttons["detained"])
    q = window.screens["question"]
    assert window.view == "detained" and q.to_review.isVisible()
    answer_current(window, "yes")
    click(q.to_review)
    assert window.view == "review"
    row = review.findChild(QLabel, "answer_text", Qt.FindChildrenRecursively)
    assert row is not None
    assert s.store.answers(s.client.id)["detained"] == "yes"


# -- privacy ------------------------------------------------------------------------------------
def test_idle_time_locks_and_unlock_returns_to_the_same_question(window):
    start(window, name="Zyxwv Made")
    go_to(window, "nta_date")
    window.idle_lock.set_minutes(1)
    window.idle_lock._last -= 61
    window.idle_lock.check()
    settle()
    assert window.view == "unlock" and window.screens["unlock"].mode == "locked"
    assert "Zyxwv" not in "\n".join(visible_texts(window))
    assert not window.close_button.isVisible() and not window.client_code.isVisible()
    set_passphrase(window)
    assert window.view == "nta_date" and window.session.client.name == "Zyxwv Made"


def test_input_keeps_an_unlocked_window_open_and_nothing_is_watched_before(window):
    # The input watch is an application-wide filter, installed only while a
    # store is unlocked (it made the first screen a fifth slower).
    lock = window.idle_lock
    assert not lock.enabled
    lock._last -= 3600
    QTest.keyClick(window, Qt.Key_Shift)
    assert lock.idle_seconds() >= 3600  # not watching yet: nothing to protect
    start(window, name="Zyxwv Made")
    assert lock.enabled
    lock._last -= 3600
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key_Shift)
    assert lock.idle_seconds() < 60
    window.lock()
    assert not lock.enabled


def test_idle_lock_default_is_ten_minutes_and_can_be_chosen(window):
    choose_language(window, "en")
    set_passphrase(window)
    assert window.idle_lock.minutes == 10
    combo = window.screens["clients"].idle
    combo.setCurrentIndex(combo.findData(5))
    combo.activated.emit(combo.currentIndex())
    assert window.idle_lock.minutes == 5 and window.session.idle_minutes() == 5


def test_closing_a_client_leaves_nothing_of_theirs_on_screen(window):
    start(window, name="Zyxwv Made")
    answer_all(window, CASE)
    press_enter(window)
    settle()
    code = window.session.client.code
    click(window.close_button)
    settle()
    assert window.view == "clients" and window.session.client is None
    for name in ("question", "review", "results", "summary"):
        texts = "\n".join(lab.text() for lab in window.screens[name].findChildren(QLabel))
        assert code not in texts and "2026-11-03" not in texts
    assert window.screens["results"].cards == {} and window.screens["review"].change_buttons == {}
    assert not window.client_code.isVisible()


# -- keyboard, screen readers, size ----------------------------------------------------------------
def test_keyboard_only_space_chooses_enter_goes_on(window):
    start(window)
    q = window.screens["question"]
    first = q.input.focus_target()
    assert first.hasFocus()
    QTest.keyClick(first, Qt.Key_Space)
    settle(1)
    assert window.session.answers["decision_stage"] == "asylum_office"
    # Arrow keys move between the answers of one question, as radio buttons do.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    assert QApplication.focusWidget() is q.input.cards["immigration_judge"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Space)
    settle(1)
    assert window.session.answers["decision_stage"] == "immigration_judge"
    # Tab leaves the answers for the buttons at the bottom.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() in (q.back, q.next)
    QApplication.focusWidget().clearFocus()
    q.input.focus_target().setFocus()
    press_enter(window)
    assert window.view == "decision_date"
    assert QApplication.focusWidget() is window.screens["question"].input.edit


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_every_control_has_an_accessible_name(window, lang):
    start(window, lang)
    s = window.session
    checked = 0
    for view in ("decision_stage", "decision_date", "country_of_nationality", "harm_reasons", "review",
                 "results", "summary", "clients"):
        window.go(view)
        settle()
        page = window.stack.currentWidget()
        for w in page.findChildren(QAbstractButton) + page.findChildren(QLineEdit) + \
                page.findChildren(QComboBox) + page.findChildren(QListWidget) + \
                window.topbar.findChildren(QAbstractButton):
            if w.isVisibleTo(window) and not isinstance(w.parent(), QScrollArea):
                assert (w.accessibleName() or "").strip(), (view, w.objectName())
                checked += 1
        if view == "clients":
            break
        if s.client is None:
            new_client(window)
    assert checked > 40


@pytest.mark.parametrize("lang", ["pa", "ur"])
def test_200_percent_text_is_never_clipped_at_1024x600(window, lang):
    start(window, lang)
    window.set_text_scale(2.0)
    for view in ("missed_hearing_reason", "decision_date", "review", "results"):
        window.go(view)
        settle(5)
        page = window.stack.currentWidget()
        assert not page.scroll.horizontalScrollBar().isVisible()
        for lab in page.findChildren(QLabel):
            if not lab.isVisibleTo(window) or not lab.text() or not lab.wordWrap():
                continue
            assert lab.height() >= lab.heightForWidth(lab.width()), (view, lab.text()[:40])
            assert lab.width() <= page.scroll.viewport().width()
        for b in page.findChildren(QAbstractButton) + window.topbar.findChildren(QAbstractButton):
            if b.isVisibleTo(window) and b.text():
                assert b.width() >= b.sizeHint().width() - 1, (view, b.text())
                assert b.height() >= b.sizeHint().height() - 1, (view, b.text())
    assert window.larger.isEnabled() is False  # 200% is the top


def test_high_contrast_theme_switches_palette(window):
    choose_language(window, "en")
    click(window.contrast)
    assert window.contrast.isChecked()
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).name() == "#000000"
    click(window.contrast)
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).name() != "#000000"


def test_bundled_fonts_are_loaded_and_used(window):
    families = set(QFontDatabase.families())
    for family in ("Noto Sans", "Noto Sans Bengali", "Noto Sans Devanagari", "Noto Sans Gurmukhi",
                   "Noto Naskh Arabic"):
        assert family in families
    choose_language(window, "pa")
    assert QApplication.font().families()[:2] == ["Noto Sans Gurmukhi", "Noto Sans"]
    window.set_language("ur")
    assert QApplication.font().families()[:2] == ["Noto Naskh Arabic", "Noto Sans"]
    assert "Noto Nastaliq Urdu" not in fonts.load_fonts()  # Qt misplaces its joins: the PDF only
    assert fonts.families_for("bn")[0] == "Noto Sans Bengali"


def test_window_fits_a_small_screen(window):
    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 600


def test_the_date_example_is_in_the_digits_the_person_reads(window):
    start(window, "bn")
    go_to(window, "decision_date")
    q = window.screens["question"]
    assert "২০২৬-০৩-১৫" in q.input.hint.text() and "2026" not in q.input.hint.text()
    assert q.input.edit.placeholderText() == "২০২৬-০৩-১৫"


def test_confirm_and_inform_boxes_speak_the_persons_language(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    choose_language(window, "ur")
    t = window.session.t
    seen = []

    def answer(which: str):
        box = QApplication.activeModalWidget()
        seen.append((box.text(), sorted(b.text() for b in box.buttons()), box.icon()))
        [b for b in box.buttons() if b.text() == t.gettext(which)][0].click()

    QTimer.singleShot(0, lambda: answer("Delete"))
    assert window.confirm(Message(N_("Back")), N_("Delete"), N_("Keep it"), danger=True) is True
    QTimer.singleShot(0, lambda: answer("Keep it"))
    assert window.confirm(Message(N_("Back")), N_("Delete"), N_("Keep it")) is False
    QTimer.singleShot(0, lambda: answer("OK"))
    window.inform(Message(N_("Back")))
    rlm_back = "\u200f" + t.gettext(N_("Back"))
    assert seen == [(rlm_back, sorted([t.gettext("Delete"), t.gettext("Keep it")]), QMessageBox.Warning),
                    (rlm_back, sorted([t.gettext("Delete"), t.gettext("Keep it")]), QMessageBox.Question),
                    (rlm_back, [t.gettext("OK")], QMessageBox.NoIcon)]
