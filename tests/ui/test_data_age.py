"""The results screen says how old the legal data is, and past 90 days warns
in the urgent banner that TPS and fee information may be out of date; the
coordinator brings new data from a USB stick with 'Update legal data…'."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel
from ui_driver import CASE, TODAY, choose_language, dispose, make_window, new_client, set_passphrase, settle

from desktop.i18n import Translator
from desktop.logic import evaluate as evaluate_module
from desktop.logic import legal_data
from desktop.logic.presentation import DATA_AS_OF, DATA_OLD
from desktop.logic.text import Message

LANGS = ("en", "es", "bn", "hi", "pa", "ur")


def results_for(window, lang: str):
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, "Made Up", "Made Up")
    for qid, value in CASE.items():
        window.session.set_answer(qid, value)
    window.go("results")
    settle()
    return window.screens["results"]


@pytest.mark.parametrize("lang", LANGS)
def test_data_date_shown_and_warning_at_91_days_not_at_90(qtbot, tmp_path, monkeypatch, lang):
    t = Translator(lang)
    for days, warned in ((90, False), (91, True)):
        as_of = TODAY - dt.timedelta(days=days)
        data = legal_data.DataSet("2026.12.1", as_of, legal_data.SHIPPED, None)
        monkeypatch.setattr(evaluate_module, "active", lambda data=data: data)
        window = make_window(tmp_path / f"data-{days}")
        try:
            results = results_for(window, lang)
            assert results.data_age.isVisible()
            assert results.data_age.text() == t.render(Message(DATA_AS_OF, {"date": as_of}))
            line = results.findChild(QLabel, "banner_data_old")
            shown = line is not None and line.isVisibleTo(window)
            assert shown == warned, (lang, days)
            if warned:
                assert results.banner.isVisible()
                assert line.text() == t.render(Message(DATA_OLD, {"date": as_of}))
                assert t.format_date(as_of) in line.text()
                if t.is_rtl:
                    assert "\u2068" + t.format_date(as_of) + "\u2069" in line.text()
        finally:
            dispose(window)


def test_update_button_installs_from_a_usb_stick_and_reports_in_the_volunteers_language(
        qtbot, tmp_path, monkeypatch):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "logic"))
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from data_update_helpers import make_update, raw_public

    from desktop.logic import data_update
    from desktop.ui import file_dialogs
    from desktop.ui.screens import clients as clients_screen
    from desktop.ui.widgets.file_choice import FileChoiceDialog

    key = Ed25519PrivateKey.generate()
    monkeypatch.setattr(legal_data, "TRUSTED_KEYS", {legal_data.key_id(raw_public(key)): raw_public(key)})
    stick = tmp_path / "stick"
    (stick / "updates").mkdir(parents=True)
    update = make_update(tmp_path, key, "2027.1.10")
    update.rename(stick / "updates" / "relief-wizard-data.rwdata")
    (stick / "photo.jpg").write_bytes(b"not an update")
    assert file_dialogs.files_on_drives([stick], data_update.SUFFIX) == [stick / "updates" / "relief-wizard-data.rwdata"]
    monkeypatch.setattr(clients_screen, "removable_drives", lambda: [stick])
    offered = []

    def pick(self):
        offered.extend(self.list.item(i).text() for i in range(self.list.count()))
        self.use()
        return FileChoiceDialog.Accepted
    monkeypatch.setattr(FileChoiceDialog, "exec", pick)
    told = []
    window = make_window(tmp_path / "data")
    try:
        monkeypatch.setattr(window, "inform", lambda message: told.append(window.session.t.render(message)))
        choose_language(window, "es")
        set_passphrase(window)
        screen = window.screens["clients"]
        t = Translator("es")
        assert screen.update_data_button.text() == t.gettext("Update legal data…")
        assert legal_data.shipped().version in screen.data_label.text()
        screen.update_data_button.click()
        assert offered and "relief-wizard-data.rwdata" in offered[0]
        assert told == [t.render(Message(data_update.DONE, {"version": "2027.1.10", "date": dt.date(2027, 1, 10)}))]
        assert "2027.1.10" in screen.data_label.text()
        assert legal_data.active().version == "2027.1.10"
        # Again: a no-op, said so; a bad file: refused, said so, in Spanish.
        screen.update_data_button.click()
        assert told[-1].startswith(t.render(Message(data_update.SAME, {"version": "2027.1.10"})))
        assert told[-1].endswith("No se cambió nada.")
        bad = stick / "updates" / "relief-wizard-data.rwdata"
        bad.write_bytes(bad.read_bytes()[:500])
        screen.update_data_button.click()
        assert told[-1] == t.render(Message("{problem} Nothing was changed.",
                                            {"problem": Message(data_update.NOT_AN_UPDATE)}))
        assert legal_data.active().version == "2027.1.10"
    finally:
        dispose(window)
        legal_data.set_root(None)
