"""What the window knows at a moment: the language, the unlocked store, the
open client and their answers.

Everything the screens need from the store goes through here, so that
locking, closing a client and switching language each happen in one place,
and no screen keeps client data of its own that could outlive them.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ..i18n import LANGUAGES, Translator

DEFAULT_IDLE_MINUTES = 10
IDLE_CHOICES = (2, 5, 10, 15, 30)
PURGE_CHOICES = (30, 90, 180, 365, 730)  # days without a change
PURGE_DEFAULT = 180


class Session(QObject):
    language_changed = Signal(str)
    client_changed = Signal()      # opened, closed or renamed
    answers_changed = Signal(str)  # question id
    locked_changed = Signal(bool)

    def __init__(self, data_dir: Path | str | None = None, lang: str = "en",
                 today: Callable[[], dt.date] | dt.date | None = None):
        super().__init__()
        from ..store.paths import data_dir as resolve_data_dir

        self.data_dir = Path(resolve_data_dir(data_dir))
        from ..logic import legal_data

        # The legal-data updates installed in this data folder (or none).
        legal_data.set_root(self.data_dir)
        self._flow = None
        self._today = today
        self.lang = lang if lang in LANGUAGES else "en"
        self.t = Translator(self.lang)
        self.store = None
        self.client = None
        self.answers: dict[str, Any] = {}
        self._locked_client_id: int | None = None
        self._health = None  # the store file's check, run while the passphrase is typed

    @property
    def flow(self):
        """The questions and where each leads, read when the person has
        chosen a language: the first screen needs neither."""
        if self._flow is None:
            from ..logic.flow import WizardFlow

            self._flow = WizardFlow()
        return self._flow

    # -- time ----------------------------------------------------------------
    @property
    def today(self) -> dt.date:
        if isinstance(self._today, dt.date):
            return self._today
        if callable(self._today):
            return self._today()
        return dt.date.today()

    # -- language --------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        if lang == self.lang:
            return
        self.lang = lang
        self.t = Translator(lang)
        if self.client is not None and self.store is not None and self.client.lang != lang:
            # The client's language is remembered for the next visit and the summary.
            self.client = self.store.update_client(self.client.id, lang=lang)
        self.language_changed.emit(lang)

    # -- store ----------------------------------------------------------------------
    def store_exists(self) -> bool:
        from ..store import Store

        return Store.exists(self.data_dir)

    def create_store(self, passphrase: str) -> None:
        from ..store import Store

        self.store = Store.create(self.data_dir, passphrase)
        self.locked_changed.emit(False)

    def check_store_ahead(self) -> None:
        """Start the store file's health check now (the passphrase screen is
        showing), so that unlocking waits only for the key derivation."""
        from ..store import HealthCheck

        if self._health is None and self.store is None:
            self._health = HealthCheck(self.data_dir)

    def unlock(self, passphrase: str) -> None:
        """Open the store; raises the store's errors (WrongPassphrase, ...)."""
        from ..store import Store, WrongPassphrase

        health, self._health = self._health, None
        try:
            self.store = Store.open(self.data_dir, passphrase, health=health)
        except WrongPassphrase:
            self._health = health  # the file's check still holds for the next try
            raise
        if self._locked_client_id is not None:
            client_id, self._locked_client_id = self._locked_client_id, None
            try:
                self.open_client(client_id)
            except Exception:  # deleted meanwhile from another window or the CLI
                self.close_client()
        self.locked_changed.emit(False)

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    def lock(self) -> int | None:
        """Close the store and forget every client datum held in memory; the
        client's id is kept so that the same client reopens after unlock."""
        keep = self.client.id if self.client is not None else None
        self._drop_client()
        if self.store is not None:
            self.store.close()
            self.store = None
        self._locked_client_id = keep
        self.locked_changed.emit(True)
        return keep

    def shutdown(self) -> None:
        self._drop_client()
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- settings ----------------------------------------------------------------------
    def idle_minutes(self) -> int:
        if self.store is None:
            return DEFAULT_IDLE_MINUTES
        value = self.store.settings.get("idle_lock_minutes", DEFAULT_IDLE_MINUTES)
        return value if isinstance(value, int) and value > 0 else DEFAULT_IDLE_MINUTES

    def set_idle_minutes(self, minutes: int) -> None:
        if self.store is not None:
            self.store.settings.set("idle_lock_minutes", int(minutes))

    def slow_speech(self) -> bool:
        """Whether Read aloud speaks slowly (a setting of this PC's store)."""
        return self.store is not None and self.store.settings.get("speech_slow", False) is True

    def set_slow_speech(self, on: bool) -> None:
        if self.store is not None:
            self.store.settings.set("speech_slow", bool(on))

    def paper(self) -> str | None:
        return self.store.settings.get("paper_size") if self.store is not None else None

    # -- clients ------------------------------------------------------------------------
    def list_clients(self, search: str = ""):
        return self.store.list_clients(search) if self.store is not None else []

    def recent_clients(self, limit: int):
        """(how many clients, the `limit` most recent): the list before a search."""
        return self.store.recent_clients(limit) if self.store is not None else (0, [])

    def new_client(self, name: str, name_latin: str = ""):
        client = self.store.new_client(name, name_latin, lang=self.lang)
        self.client = client
        self.answers = {}
        self.client_changed.emit()
        return client

    def open_client(self, client_id: int):
        self.client = self.store.get_client(client_id)
        self.answers = dict(self.store.answers(client_id))
        self.client_changed.emit()
        return self.client

    def delete_client(self, client_id: int) -> None:
        if self.client is not None and self.client.id == client_id:
            self.close_client()
        self.store.delete_client(client_id)

    def export_client(self, client_id: int, path, pin: str) -> None:
        # The save dialog has already asked before replacing a file.
        self.store.export_client(client_id, path, pin, overwrite=True)

    def import_client_file(self, path, pin: str):
        return self.store.import_client_file(path, pin)

    def count_stale(self, days: int) -> int:
        return self.store.count_stale(days)

    def purge(self, days: int) -> int:
        deleted = self.store.purge(days)
        if self.client is not None:
            from ..store import UnknownClient

            try:
                self.store.get_client(self.client.id)
            except UnknownClient:
                self.close_client()
        return deleted

    def close_client(self) -> None:
        self._drop_client()
        self.client_changed.emit()

    def _drop_client(self) -> None:
        self.client = None
        self.answers = {}

    # -- answers -------------------------------------------------------------------------
    def set_answer(self, qid: str, value: Any) -> None:
        """Saved before this returns: a crash a moment later loses nothing."""
        self.store.set_answer(self.client.id, qid, value)
        self.answers[qid] = value
        self.answers_changed.emit(qid)

    def clear_answer(self, qid: str) -> None:
        self.store.clear_answer(self.client.id, qid)
        self.answers.pop(qid, None)
        self.answers_changed.emit(qid)

    def contract_answers(self) -> dict[str, Any]:
        from ..logic.questions import to_contract

        return to_contract(self.answers)

    def evaluation(self):
        from ..logic.evaluate import evaluate

        return evaluate(self.contract_answers(), self.today)
