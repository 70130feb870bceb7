"""The whole way from the language screen to a saved PDF with key events
only, noting what has the focus after each key. Shared by the tests and
by the walk log under docs/accessibility/."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_driver import PASSPHRASE, settle

KEY_NAMES = {Qt.Key_Tab: "Tab", Qt.Key_Backtab: "Shift+Tab", Qt.Key_Space: "Space", Qt.Key_Return: "Enter",
             Qt.Key_Down: "Down", Qt.Key_Up: "Up", Qt.Key_PageDown: "PageDown", Qt.Key_PageUp: "PageUp",
             Qt.Key_End: "End", Qt.Key_Home: "Home", Qt.Key_F6: "F6"}


def describe(widget) -> str:
    """What a screen reader would start with: role, name, description."""
    if widget is None:
        return "(no focus)"
    iface = QAccessible.queryAccessibleInterface(widget)
    role = iface.role().name if iface is not None else "?"
    name = iface.text(QAccessible.Name) if iface is not None else ""
    desc = iface.text(QAccessible.Description) if iface is not None else ""
    text = f"{widget.objectName() or type(widget).__name__} [{role}] {name!r}"
    return text + (f" — {desc[:160]!r}" if desc else "")


class Walker:
    def __init__(self, window):
        self.window = window
        self.log: list[str] = []

    @property
    def focus(self):
        return QApplication.focusWidget()

    def note(self, text: str) -> None:
        self.log.append(text)

    def key(self, key, modifiers=Qt.NoModifier, label: str | None = None) -> None:
        target = self.focus or self.window
        QTest.keyClick(target, key, modifiers)
        settle(2)
        name = label or KEY_NAMES.get(key, str(key))
        if modifiers & Qt.ShiftModifier and key == Qt.Key_Tab:
            name = "Shift+Tab"
        elif modifiers & Qt.ControlModifier:
            name = "Ctrl+" + name
        self.note(f"[{self.window.view}] {name:10} -> {describe(self.focus)}")

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus, text)
        settle(1)
        self.note(f"[{self.window.view}] typed {len(text)} characters into {self.focus.objectName()}")

    def tab_until(self, widget, forward: bool = True, limit: int = 60) -> None:
        for _ in range(limit):
            if self.focus is widget:
                return
            self.key(Qt.Key_Tab, Qt.NoModifier if forward else Qt.ShiftModifier)
        raise AssertionError(f"Tab never reached {widget.objectName()}; at {describe(self.focus)}")

    def visible_in_page(self, widget) -> bool:
        """The focused control is on screen: whole, or (taller than the
        window) from its start."""
        screen = self.window.stack.currentWidget()
        height = screen.scroll.viewport().height()
        top = widget.mapTo(screen.scroll.viewport(), QPoint(0, 0)).y()
        return top >= 0 and (top + widget.height() <= height or top <= height // 4)


def answer_by_keys(w: Walker, qid: str, value, kind: str) -> None:
    window = w.window
    q = window.screens["question"]
    inp = q.input
    assert w.focus is inp.focus_target(), (qid, describe(w.focus))
    settle(2)
    bottom = q.next.mapTo(window, QPoint(0, q.next.height())).y()
    assert q.next.isVisible() and bottom <= window.height(), (qid, bottom)  # Next never cut off
    assert window.windowTitle().startswith(window.screens["question"].window_title()), qid
    w.note(f"[{qid}] title {window.windowTitle()!r}; answers group {describe(inp)}")
    assert w.visible_in_page(w.focus), qid  # focus lands where it can be seen
    if kind in ("choice", "yes_no"):
        cards = list(inp.cards)
        for _ in range(cards.index(value)):
            w.key(Qt.Key_Down)
        assert w.focus is inp.cards[value], (qid, describe(w.focus))
        w.key(Qt.Key_Space)
        assert w.visible_in_page(w.focus), qid
        w.key(Qt.Key_Return)
    elif kind == "multi":
        wanted = ["not_sure"] if value == "not_sure" else list(value)
        for v, card in inp.cards.items():
            w.tab_until(card)
            assert w.visible_in_page(card), (qid, v)
            if v in wanted:
                w.key(Qt.Key_Space)
        w.tab_until(q.next)
        w.key(Qt.Key_Return)
    elif kind == "date":
        if value == "not_sure":
            w.tab_until(inp.not_sure)
            w.key(Qt.Key_Space)
            w.tab_until(q.next)
        else:
            w.type(value)
        w.key(Qt.Key_Return)
    elif kind == "country":
        if value == "not_sure":
            w.tab_until(inp.not_sure)
            w.key(Qt.Key_Space)
        else:
            from desktop.logic.countries import country_name

            w.type(country_name(value, "en")[:5])
            w.key(Qt.Key_Down)
            assert w.focus is inp.list
            while inp.list.currentItem().data(Qt.UserRole) != value:
                w.key(Qt.Key_Down)
            w.key(Qt.Key_Space)
        w.tab_until(q.next)
        w.key(Qt.Key_Return)
    else:  # pragma: no cover
        raise ValueError(kind)


def walk_to_saved_pdf(window, lang: str, answers: dict, pdf_path) -> Walker:
    """From the first screen to a saved PDF. The save dialog is the only
    thing not driven by keys (it is the system's); the caller patches it."""
    from desktop.i18n import LANGUAGES

    w = Walker(window)
    lang_screen = window.screens["language"]
    assert window.view == "language" and w.focus is lang_screen.buttons["en"]
    w.note(f"[language] start -> {describe(w.focus)}")
    # The top bar is in the Tab order: back from the first language button.
    w.key(Qt.Key_Tab, Qt.ShiftModifier)
    assert w.focus in window.topbar_chain(), describe(w.focus)
    w.key(Qt.Key_Tab)
    assert w.focus is lang_screen.buttons[LANGUAGES[0]]
    w.tab_until(lang_screen.buttons[lang])
    w.key(Qt.Key_Space)
    assert window.view == "unlock"
    unlock = window.screens["unlock"]
    assert w.focus is unlock.passphrase
    w.type(PASSPHRASE)
    w.tab_until(unlock.repeat)
    w.type(PASSPHRASE)
    w.key(Qt.Key_Return)
    assert window.view == "clients"
    clients = window.screens["clients"]
    assert w.focus is clients.name
    w.type("Made Up Person")
    w.key(Qt.Key_Return)
    # The lock is in the top bar once a client is open: reachable by Tab.
    assert window.view in window.session.flow.catalog, window.view
    first_q = window.view
    settle(2)
    w.key(Qt.Key_Tab, Qt.ShiftModifier)
    for _ in range(len(window.topbar_chain()) + 1):
        if w.focus is window.lock_button:
            break
        w.key(Qt.Key_Tab, Qt.ShiftModifier)
    assert w.focus is window.lock_button, describe(w.focus)
    w.key(Qt.Key_F6)  # back to the page
    assert window.screens["question"].isAncestorOf(w.focus), describe(w.focus)
    window.screens["question"].input.focus_target().setFocus()  # where arrival put it
    assert window.view == first_q
    catalog = window.session.flow.catalog
    while window.view in catalog:
        qid = window.view
        answer_by_keys(w, qid, answers.get(qid, "not_sure"), catalog[qid].type)
        assert window.view != qid, (qid, describe(w.focus))
        assert window.session.answers.get(qid) == answers.get(qid, "not_sure"), qid
    assert window.view == "review"
    w.key(Qt.Key_Return)
    assert window.view == "results"
    results = window.screens["results"]
    banner_shown = results.banner.isVisibleTo(results)
    assert w.focus is (results.banner if banner_shown else next(iter(results.cards.values())))
    # Every option card on Tab, each scrolled into view.
    reached = []
    for _ in range(200):
        if w.focus is results.summary:
            break
        if w.focus in results.cards.values():
            reached.append(w.focus)
            assert w.visible_in_page(w.focus), w.focus.objectName()
        w.key(Qt.Key_Tab)
    assert set(reached) == set(results.cards.values())
    # Page keys scroll: down to the end, back to the top.
    bar = results.scroll.verticalScrollBar()
    if bar.maximum() > 0:
        w.key(Qt.Key_Home, Qt.ControlModifier)
        assert bar.value() == 0
        w.key(Qt.Key_PageDown)
        assert bar.value() > 0
        w.key(Qt.Key_End, Qt.ControlModifier)
        assert bar.value() == bar.maximum()
    w.key(Qt.Key_Return)
    assert window.view == "summary"
    summary = window.screens["summary"]
    assert w.focus is summary.save
    w.key(Qt.Key_Return)
    assert pdf_path.exists() and pdf_path.read_bytes().startswith(b"%PDF")
    w.note(f"[summary] saved a PDF of {pdf_path.stat().st_size} bytes")
    return w


def save_by_keys(file_name: str):
    """A stand-in for SaveDialog.exec that works the app's own save step by
    keys, as a person would: the stick offered first is chosen already;
    select the file name, type one, Enter saves."""
    def run(dialog):
        dialog.show()
        dialog.name.setFocus()
        QTest.keySequence(dialog.name, QKeySequence.SelectAll)
        QTest.keyClicks(dialog.name, file_name)
        QTest.keyClick(dialog.name, Qt.Key_Return)
        return dialog.result()
    return run
