"""The coordinator's jobs done on the Clients screen, with no command line:
copy a client to a PIN-locked file, add it at another center, delete old
records after saying how many."""
import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog
from ui_driver import choose_language, click, dispose, make_window, set_passphrase, settle

from desktop.store.transfer import is_client_file

ANSWERS = {"decision_stage": "immigration_judge", "decision_date": "2026-11-02", "country_of_nationality": "BD"}


def _ready(window, lang="en"):
    choose_language(window, lang)
    set_passphrase(window)
    window.go("clients")
    return window.screens["clients"]


def _with_pin_dialog(steps):
    """Run `steps(dialog)` once the PIN dialog is up (exec() blocks the test)."""
    seen = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "pin_dialog":
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        steps(dialog)

    QTimer.singleShot(0, poll)
    return seen


def _type(dialog, pin, repeat=None):
    dialog.pin.clear()
    QTest.keyClicks(dialog.pin, pin)
    if dialog.repeat is not None:
        dialog.repeat.clear()
        QTest.keyClicks(dialog.repeat, pin if repeat is None else repeat)
    click(dialog.ok_button)


@pytest.fixture
def informed(window, monkeypatch):
    messages = []
    monkeypatch.setattr(window, "inform", lambda m: messages.append(window.session.t.render(m)))
    return messages


def test_copy_a_client_to_a_file_and_add_it_at_another_center(window, tmp_path, monkeypatch, informed, qtbot):
    clients = _ready(window)
    store = window.session.store
    c = store.new_client("Rahim Uddin", "Rahim Uddin", "bn")
    for qid, value in ANSWERS.items():
        store.set_answer(c.id, qid, value)
    clients.refresh()
    chosen = tmp_path / "stick" / "client"  # no suffix typed: the app adds .rwc
    chosen.parent.mkdir()
    offered = []

    def save_dialog(parent, title, default, filter_):
        offered.append((title, default, filter_))
        return str(chosen), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    errors = []

    def export_steps(dialog):
        _type(dialog, "48291300", "48291400")           # typed differently twice
        errors.append(dialog.error.text())
        assert dialog.isVisible()
        _type(dialog, "4829")                       # too short
        errors.append(dialog.error.text())
        _type(dialog, "48291300")

    shown = _with_pin_dialog(export_steps)
    click(clients.rows[0].findChild(QAbstractButton, "export_client"))
    qtbot.waitUntil(lambda: bool(informed), timeout=5000)
    target = chosen.with_suffix(".rwc")
    assert shown and errors == ["The two PINs are not the same. Type them again.",
                                "The PIN must be at least 8 digits, and only digits."]
    assert "Rahim" not in offered[0][1] and c.code in offered[0][1]  # the file name never shows the name
    assert offered[0][2] == "Client file (*.rwc)"
    assert is_client_file(target.read_bytes()[:64]) and b"Rahim" not in target.read_bytes()
    assert str(target) in informed[0]
    assert shown[0].pin.text() == ""  # the PIN does not stay in the closed dialog

    # Another center: another data folder, another passphrase.
    other = make_window(tmp_path / "other-center")
    try:
        other_clients = _ready(other)
        added_msgs = []
        monkeypatch.setattr(other, "inform", lambda m: added_msgs.append(other.session.t.render(m)))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), "")))
        wrong = []

        def import_steps(dialog):
            assert dialog.repeat is None  # typed once when opening
            _type(dialog, "11111111")
            wrong.append(dialog.error.text())
            assert other.session.store.list_clients() == []  # a wrong PIN adds nothing
            _type(dialog, "48291300")

        _with_pin_dialog(import_steps)
        click(other_clients.import_button)
        qtbot.waitUntil(lambda: bool(added_msgs), timeout=5000)
        assert wrong == ["The PIN is not right. Nothing was imported."]
        [moved] = other.session.store.list_clients()
        assert (moved.name, moved.code) == ("Rahim Uddin", c.code)
        assert other.session.store.answers(moved.id) == ANSWERS
        assert added_msgs == [f"Added: Rahim Uddin (client code {c.code})."]
        assert len(other_clients.rows) == 1
    finally:
        dispose(other)


def test_a_file_that_is_not_a_client_file_is_refused_before_any_pin(window, tmp_path, monkeypatch, informed):
    clients = _ready(window, "es")
    bogus = tmp_path / "notes.rwc"
    bogus.write_text("not a client file")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bogus), "")))
    click(clients.import_button)
    settle()
    assert informed == [window.session.t.gettext(
        "This is not a Relief Wizard client file, or it is damaged. Nothing was imported.")]
    assert informed[0] != "This is not a Relief Wizard client file, or it is damaged. Nothing was imported."
    assert window.session.store.list_clients() == []


def _age(store, client_id, days):
    """Make the client's last change `days` ago, as the app would have saved
    it then: the time is sealed with the record, so editing the row alone
    would make purge refuse it."""
    from desktop.store import clients as clients_mod

    when = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="microseconds")
    real = clients_mod._now
    clients_mod._now = lambda: when
    try:
        store.update_client(client_id, name=store.get_client(client_id).name)
    finally:
        clients_mod._now = real


def test_delete_old_records_says_how_many_and_asks_first(window, monkeypatch, informed):
    clients = _ready(window)
    store = window.session.store
    old = [store.new_client(f"Old {i}") for i in range(3)]
    recent = store.new_client("Recent")
    for c, days in zip(old, (200, 400, 181)):
        _age(store, c.id, days)
    _age(store, recent.id, 20)
    clients.refresh()
    combo = clients.purge_days
    assert [combo.itemData(i) for i in range(combo.count())] == [30, 90, 180, 365, 730]
    assert combo.currentData() == 180 and combo.currentText() == "180 days"
    asked = []
    monkeypatch.setattr(window, "confirm", lambda msg, yes, no, danger=False: asked.append(
        (window.session.t.render(msg), danger)) or False)
    click(clients.purge_button)
    assert asked == [("Delete 3 client records that have not changed for 180 days? They are deleted from this "
                      "computer and from the automatic backups. This cannot be undone.", True)]
    assert len(store.list_clients()) == 4  # the answer was no
    monkeypatch.setattr(window, "confirm", lambda msg, yes, no, danger=False: True)
    combo.setCurrentIndex(combo.findData(365))
    click(clients.purge_button)
    assert informed[-1] == "1 client record was deleted."
    assert [c.name for c in store.list_clients()] == ["Recent", "Old 2", "Old 0"]
    combo.setCurrentIndex(combo.findData(730))
    click(clients.purge_button)
    assert informed[-1] == "No record is older than that. Nothing was deleted."
    assert len(clients.rows) == 3


def test_the_coordinator_controls_are_translated(window):
    clients = _ready(window, "bn")
    t = window.session.t
    assert clients.import_button.text() == t.gettext("Add a client from a file") != "Add a client from a file"
    assert clients.settings_heading.text() == t.gettext("For the coordinator") != "For the coordinator"
    assert clients.purge_days.currentText() == t.ngettext("{days} day", "{days} days", 180).format(
        days=t.format_value(180))
    assert "১৮০" in clients.purge_days.currentText()  # Bengali digits, as everywhere in bn
