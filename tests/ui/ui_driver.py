"""Driving the wizard as a person would: clicks, typing and Enter.

Shared by the UI tests and the kill test's child process. Data is made up.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

TODAY = dt.date(2026, 11, 23)
PASSPHRASE = "made-up passphrase"

# One case that walks through most of the catalog: an immigration judge's
# denial 20 days ago (appeal due in 10 days: the urgent banner), fear of
# harm, a US citizen child.
CASE = {
    "decision_stage": "immigration_judge", "decision_date": "2026-11-03", "nta_date": "2016-02-10",
    "missed_hearing": "no", "bia_appeal_filed": "no", "motion_filed_before": "no", "detained": "no",
    "date_of_birth": "1991-04-12", "country_of_nationality": "BD", "last_arrival_date": "2015-08-20",
    "entry_type": "without_inspection", "asylum_filed_date": "2016-01-15", "fears_harm_on_return": "yes",
    "harm_reasons": ["religion", "political_opinion"], "fears_torture_by_official": "yes",
    "country_conditions_worse": "not_sure", "new_evidence": "no", "lawyer_mistake": "no",
    "criminal_history": "none", "harmed_others": "no", "spouse_status": "none", "parent_status": "none",
    "children_status": ["us_citizen_under_21"], "family_hardship": "yes", "crime_victim_in_us": "no",
    "trafficking_victim": "no", "abused_by_citizen_relative": "no",
}


def settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def make_window(data_dir, size=(1024, 600)):
    from desktop.ui.app import build_window, make_application

    make_application()
    w = build_window(data_dir=str(data_dir), today=TODAY)
    w.resize(*size)
    w.show()
    settle()
    return w


def dispose(window) -> None:
    """Close and delete: a closed window that lives on is restyled with every
    later one and slows the whole suite down."""
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    settle(1)
    # processEvents() leaves deferred deletes for the outer loop: run them now.
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    settle(1)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, widget.rect().center())
    settle(1)


def press_enter(window) -> None:
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, Qt.Key_Return)
    settle(1)


def choose_language(window, lang: str) -> None:
    click(window.screens["language"].buttons[lang])


def set_passphrase(window, passphrase: str = PASSPHRASE) -> None:
    unlock = window.screens["unlock"]
    QTest.keyClicks(unlock.passphrase, passphrase)
    if unlock.repeat.isVisible():
        QTest.keyClicks(unlock.repeat, passphrase)
    press_enter(window)


def type_text(edit, text: str) -> None:
    # QTest types ASCII only (it aborts on other characters); other scripts
    # arrive through an input method, which sets the text.
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:
        edit.insert(text)


def new_client(window, name: str = "Made Up Person", latin: str = "") -> None:
    clients = window.screens["clients"]
    type_text(clients.name, name)
    if latin:
        type_text(clients.name_latin, latin)
    click(clients.start)


def answer_current(window, value) -> None:
    """Give `value` to the question on screen, with the widgets."""
    q = window.screens["question"]
    inp = q.input
    kind = q.session.flow.catalog[q.qid].type
    if kind in ("choice", "yes_no"):
        click(inp.cards[value])
    elif kind == "multi":
        if value == "not_sure":
            click(inp.cards["not_sure"])
        else:
            for v in value:
                click(inp.cards[v])
    elif kind == "date":
        if value == "not_sure":
            click(inp.not_sure)
        else:
            inp.edit.setFocus()
            inp.edit.selectAll()
            QTest.keyClicks(inp.edit, value)
            settle(1)
    elif kind == "country":
        if value == "not_sure":
            click(inp.not_sure)
        else:
            from desktop.logic.countries import country_name

            QTest.keyClicks(inp.search, country_name(value, "en")[:5])
            settle(1)
            item = next(inp.list.item(i) for i in range(inp.list.count())
                        if inp.list.item(i).data(Qt.UserRole) == value)
            inp.list.scrollToItem(item)
            settle(1)
            rect = inp.list.visualItemRect(item)
            QTest.mouseClick(inp.list.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
            settle(1)
    else:  # pragma: no cover
        raise ValueError(kind)


def answer_all(window, answers: dict, stop_after: str | None = None) -> list[str]:
    """Answer each question the flow shows, pressing Enter for Next, until
    the review (or after `stop_after`). Returns the question ids seen."""
    seen = []
    while window.view in window.session.flow.catalog:
        qid = window.view
        seen.append(qid)
        answer_current(window, answers.get(qid, "not_sure"))
        press_enter(window)
        if qid == stop_after:
            break
    return seen


def visible_texts(root: QWidget) -> list[str]:
    return [lab.text() for lab in root.findChildren(QLabel) if lab.isVisibleTo(root) and lab.text()]


def center_x(widget: QWidget) -> int:
    return widget.mapToGlobal(QPoint(widget.width() // 2, 0)).x()
