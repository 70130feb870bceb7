"""The client list: start a new client, continue one (most recent first, or
found by name or code), delete one after confirming, copy one to a PIN-locked
file for another center or add one from such a file. Also the coordinator's
settings: how soon the screen locks itself, and deleting old records."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ...logic.text import Message, N_, N_plural, PluralMessage
from ...store import NotAClientFile, StoreError
from ..file_dialogs import ask_open_path, ask_save_path, files_on_drives, removable_drives
from ..session import IDLE_CHOICES, PURGE_CHOICES, PURGE_DEFAULT
from ..direction import directed
from ..widgets.flow_layout import FlowLayout
from ..widgets.labels import wrap_label
from ..widgets.pin_dialog import PinDialog
from .base import Screen

SHOWN = 25  # the list is for the day's clients; older ones are found by search
CLIENT_FILE_SUFFIX = ".rwc"
EXPORT_TEXT = N_("The client chooses a PIN of at least {minimum} digits and types it twice. Only this PIN opens the file. "
                 "The client tells it to the next center or lawyer in person. Never write it on the USB stick.")


UNCLEAN_COPIES = N_("An old copy of the records could not be opened, so the deleted record may still be in it. "
                    "Ask the coordinator to delete the damaged copies in {folder}.")

class ClientsScreen(Screen):
    view_name = "clients"

    def __init__(self, window):
        super().__init__(window)
        self.title = wrap_label(role="title")
        self.body.addWidget(self.title)

        # -- a new client
        self.new_box = QFrame(self)
        self.new_box.setProperty("role", "card")
        nl = QVBoxLayout(self.new_box)
        self.new_heading = wrap_label(role="heading")
        self.name_label = wrap_label()
        self.name = QLineEdit(self)
        self.name.setObjectName("client_name")
        self.name_label.setBuddy(self.name)
        self.latin_label = wrap_label()
        self.name_latin = QLineEdit(self)
        self.name_latin.setObjectName("client_name_latin")
        self.name_latin.setLayoutDirection(Qt.LeftToRight)
        self.latin_label.setBuddy(self.name_latin)
        self.new_error = wrap_label(role="error")
        self.new_error.hide()
        self.start = self.button("new_client", role="primary", parent=self.new_box)
        self.start.clicked.connect(self.create_client)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start)
        for w in (self.new_heading, self.name_label, self.name, self.latin_label, self.name_latin, self.new_error):
            nl.addWidget(w)
        nl.addLayout(row)
        self.body.addWidget(self.new_box)

        # -- saved clients
        self.saved_heading = wrap_label(role="heading")
        self.search_label = wrap_label()
        self.search = QLineEdit(self)
        self.search.setObjectName("client_search")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.count_label = wrap_label(role="muted")
        self.list_box = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(10)
        self.import_button = self.button("import_client")
        self.import_button.clicked.connect(self.import_client)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        for w in (self.saved_heading, self.search_label, self.search, self.count_label, self.list_box):
            self.body.addWidget(w)
        self.body.addLayout(import_row)

        # -- the coordinator's settings
        self.settings_box = QFrame(self)
        self.settings_box.setProperty("role", "card")
        sl = QVBoxLayout(self.settings_box)
        self.settings_heading = wrap_label(role="heading")
        self.idle_label = wrap_label()
        self.idle = QComboBox(self)
        self.idle.setObjectName("idle_minutes")
        self.idle_label.setBuddy(self.idle)
        self.idle.activated.connect(self._idle_chosen)
        self.idle.activated.connect(lambda _i: _quiet_list(self.idle))
        self.purge_label = wrap_label()
        self.purge_days = QComboBox(self)
        self.purge_days.setObjectName("purge_days")
        self.purge_label.setBuddy(self.purge_days)
        self.purge_days.activated.connect(lambda _i: _quiet_list(self.purge_days))
        self.purge_button = self.button("purge_button", role="danger", parent=self.settings_box)
        self.purge_button.clicked.connect(self.purge_old)
        purge_row = QHBoxLayout()
        purge_row.addWidget(self.purge_days)
        purge_row.addStretch(1)
        purge_row.addWidget(self.purge_button)
        self.data_label = wrap_label()
        self.data_label.setObjectName("legal_data_in_use")
        self.update_data_button = self.button("update_legal_data", parent=self.settings_box)
        self.update_data_button.clicked.connect(self.update_legal_data)
        data_row = QHBoxLayout()
        data_row.addWidget(self.update_data_button)
        data_row.addStretch(1)
        for w in (self.settings_heading, self.idle_label, self.idle, self.purge_label):
            sl.addWidget(w)
        sl.addLayout(purge_row)
        sl.addWidget(self.data_label)
        sl.addLayout(data_row)
        self.body.addWidget(self.settings_box)
        self.body.addStretch(1)
        self.navbar.hide()
        self.rows: list[QFrame] = []

    # -- hooks -------------------------------------------------------------------------
    def retranslate(self) -> None:
        t = self.t
        self.title.setText(t.gettext(N_("Clients")))
        self.new_heading.setText(t.gettext(N_("A new client")))
        self.name_label.setText(t.gettext(N_("Client's name, written as they write it")))
        self.name.setAccessibleName(self.name_label.text())
        self.latin_label.setText(t.gettext(N_("Name in Latin letters, as on official papers (if known)")))
        self.name_latin.setAccessibleName(self.latin_label.text())
        self.start.setText(t.gettext(N_("Start")))
        self.start.setAccessibleName(t.gettext(N_("Start with a new client")))
        self.saved_heading.setText(t.gettext(N_("Saved clients")))
        self.search_label.setText(t.gettext(N_("Find a client by name or code")))
        self.search.setAccessibleName(self.search_label.text())
        self.import_button.setText(t.gettext(N_("Add a client from a file")))
        self.import_button.setAccessibleName(self.import_button.text())
        self.settings_heading.setText(t.gettext(N_("For the coordinator")))
        self.idle_label.setText(t.gettext(N_("Lock the screen when nobody uses it for")))
        self.idle.setAccessibleName(self.idle_label.text())
        self.purge_label.setText(t.gettext(N_("Delete the records not changed for")))
        self.purge_days.setAccessibleName(self.purge_label.text())
        self.purge_button.setText(t.gettext(N_("Delete old records")))
        self.purge_button.setAccessibleName(self.purge_button.text())
        self.update_data_button.setText(t.gettext(N_("Update legal data…")))
        self.update_data_button.setAccessibleName(self.update_data_button.text())
        self._show_legal_data()
        self._fill_idle()
        self._fill_purge()
        self.refresh()

    def entered(self) -> None:
        self.name.clear()
        self.name_latin.clear()
        self.new_error.hide()
        self.refresh()
        self.name.setFocus()

    def drop_content(self) -> None:
        self._clear_rows()

    def clear(self) -> None:
        self.search.clear()
        self.name.clear()
        self.name_latin.clear()
        self._clear_rows()

    def default_action(self) -> None:
        focus = self.focusWidget()
        if focus is self.search:
            if self.rows:
                self.rows[0].findChild(QWidget, "continue_client").setFocus()
            return
        if focus in (self.name, self.name_latin) or self.name.text().strip():
            self.create_client()

    # -- the list ---------------------------------------------------------------------
    def _clear_rows(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []

    def refresh(self) -> None:
        self._clear_rows()
        if not self.session.unlocked:
            self.count_label.clear()
            return
        if self.search.text().strip():
            clients = self.session.list_clients(self.search.text())
            count = len(clients)
        else:  # one page: the names of 10,000 clients are read at the first search
            count, clients = self.session.recent_clients(SHOWN)
        t = self.t
        if not clients:
            text = N_("No client matches this search.") if self.search.text().strip() else N_("No saved clients yet.")
            self.count_label.setText(t.gettext(text))
        elif count > SHOWN:
            self.count_label.setText(t.render(Message(N_("Showing the {shown} most recent of {count} clients. Search to find the others."),
                                                      {"shown": SHOWN, "count": count})))
        else:
            self.count_label.clear()
        self.count_label.setVisible(bool(self.count_label.text()))
        for client in clients[:SHOWN]:
            row = self._row(client)
            self.rows.append(row)
            self.list_layout.addWidget(row)

    def _row(self, client) -> QFrame:
        t = self.t
        card = QFrame(self.list_box)
        card.setProperty("role", "card")
        card.setObjectName(f"client_{client.code}")
        lay = QVBoxLayout(card)
        name = wrap_label(client.name or "—", role="heading")
        lay.addWidget(name)
        if client.name_latin:
            latin = wrap_label(client.name_latin, role="muted")
            lay.addWidget(latin)
        code = wrap_label(t.render(Message(N_("Client code: {code}"), {"code": client.code})), role="code")
        lay.addWidget(code)
        changed = client.updated.astimezone().date()
        lay.addWidget(wrap_label(t.render(Message(N_("Last change: {date}"), {"date": changed})), role="muted"))
        # The buttons wrap onto a second line rather than widen the page
        # (Bengali at 200% was wider than a 1024 px window); made in the
        # order they stand, so Tab follows what the eye sees.
        button_row = QWidget(card)
        buttons = FlowLayout(button_row, spacing=12)
        buttons.setContentsMargins(0, 0, 0, 0)
        cont = self.button("continue_client", role="primary", parent=button_row)
        cont.setText(t.gettext(N_("Continue")))
        who = client.name or client.code
        cont.setAccessibleName(t.render(Message(N_("Continue with {name}"), {"name": who})))
        cont.clicked.connect(lambda _=False, cid=client.id: self.win.resume_client(cid))
        export = self.button("export_client", parent=button_row)
        export.setText(t.gettext(N_("Copy for another center")))
        export.setAccessibleName(t.render(Message(N_("Copy the record of {name} to a file for another center"), {"name": who})))
        export.clicked.connect(lambda _=False, c=client: self.export_client(c))
        delete = self.button("delete_client", role="danger", parent=button_row)
        delete.setText(t.gettext(N_("Delete")))
        delete.setAccessibleName(t.render(Message(N_("Delete the record of {name}"), {"name": who})))
        delete.clicked.connect(lambda _=False, c=client: self.delete_client(c))
        buttons.addWidget(cont)
        buttons.addWidget(export)
        buttons.add_break()
        buttons.addWidget(delete)
        lay.addWidget(button_row)
        return card

    # -- actions --------------------------------------------------------------------------
    def create_client(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.new_error.setText(self.t.gettext(N_("Type the client's name first.")))
            self.new_error.show()
            self.name.setAccessibleDescription(self.new_error.text())
            self.win.announce(self.new_error.text())
            self.name.setFocus()
            return
        try:
            self.session.new_client(name, self.name_latin.text().strip())
        except StoreError as err:
            self.new_error.setText(self.t.render(err.message))
            self.new_error.show()
            return
        self.new_error.hide()
        self.name.clear()
        self.name_latin.clear()
        self.win.start_questions()

    def delete_client(self, client) -> None:
        who = client.name or client.code
        question = Message(N_("Delete the record of {name} (client code {code})? All their answers are deleted from this computer. This cannot be undone."),
                           {"name": who, "code": client.code})
        if not self.win.confirm(question, N_("Delete"), N_("Keep it"), danger=True):
            return
        try:
            self.session.delete_client(client.id)
        except StoreError as err:
            self.win.inform(err.message)
        else:
            self._tell_unclean_copies()
        self.refresh()
        self.search.setFocus()

    def _tell_unclean_copies(self) -> None:
        unclean = self.session.store.unclean_copies
        if unclean:
            self.win.inform(Message(UNCLEAN_COPIES, {"folder": str(unclean[0].parent)}))

    # -- moving a client to another center ------------------------------------------------
    def export_client(self, client) -> None:
        # Here, not at the top: the transfer code is not needed to start the app.
        from ...store.transfer import MIN_PIN

        target = ask_save_path(self, self.t.gettext(N_("Save the client file")),
                               f"relief-wizard-client-{client.code}{CLIENT_FILE_SUFFIX}",
                               self.t.gettext(N_("Client file")), CLIENT_FILE_SUFFIX)
        if target is None:
            return

        def attempt(pin: str, repeat: str) -> Message | None:
            if pin.strip() != repeat.strip():
                return Message(N_("The two PINs are not the same. Type them again."))
            try:
                self.session.export_client(client.id, target, pin)
            except StoreError as err:
                return err.message
            except OSError:
                return Message(N_("The file could not be saved there. Choose another folder."))
            return None

        dialog = PinDialog(self.win, self.t, title=N_("Protect the file with a PIN"),
                           text=Message(EXPORT_TEXT, {"minimum": MIN_PIN}), ok=N_("Save"), cancel=N_("Cancel"),
                           pin_label=N_("PIN"), repeat_label=N_("Type the PIN again"), show_label=N_("Show the PIN"),
                           attempt=attempt)
        if dialog.exec() == PinDialog.Accepted:
            self.win.inform(Message(N_("The client file is saved: {path}. The PIN is not in the file: the client must tell it in person."),
                                    {"path": str(target)}))

    def import_client(self) -> None:
        from ...store.transfer import is_client_file_at

        source = ask_open_path(self, self.t.gettext(N_("Open a client file")),
                               self.t.gettext(N_("Client file")), CLIENT_FILE_SUFFIX)
        if source is None:
            return
        try:
            recognised = is_client_file_at(source)
        except OSError:
            recognised = False
        if not recognised:
            self.win.inform(NotAClientFile().message)
            return
        added = []

        def attempt(pin: str, _repeat: str) -> Message | None:
            try:
                added.append(self.session.import_client_file(source, pin))
            except StoreError as err:
                return err.message
            except OSError:
                return NotAClientFile().message
            return None

        dialog = PinDialog(self.win, self.t, title=N_("PIN of the client file"),
                           text=Message(N_("Type the PIN the client chose when the file was made.")),
                           ok=N_("Open"), cancel=N_("Cancel"), pin_label=N_("PIN"), repeat_label=None,
                           show_label=N_("Show the PIN"), attempt=attempt)
        if dialog.exec() == PinDialog.Accepted and added:
            client = added[0]
            self.search.clear()
            self.refresh()
            self.win.inform(Message(N_("Added: {name} (client code {code})."),
                                    {"name": client.name or client.code, "code": client.code}))

    # -- deleting old records ------------------------------------------------------------------
    def _fill_purge(self) -> None:
        current = self.purge_days.currentData() or PURGE_DEFAULT
        self.purge_days.clear()
        for days in PURGE_CHOICES:
            self.purge_days.addItem(directed(self.t.render(PluralMessage(N_plural("{days} day", "{days} days"), days, {"days": days})), self.t.is_rtl), days)
        self.purge_days.setCurrentIndex(max(self.purge_days.findData(current), 0))
        _quiet_list(self.purge_days)

    def purge_old(self) -> None:
        days = self.purge_days.currentData()
        try:
            count = self.session.count_stale(days)
        except StoreError as err:
            self.win.inform(err.message)
            return
        if count == 0:
            self.win.inform(Message(N_("No record is older than that. Nothing was deleted.")))
            return
        question = PluralMessage(N_plural(
            "Delete {count} client record that has not changed for {days} days? It is deleted from this computer "
            "and from the automatic backups. This cannot be undone.",
            "Delete {count} client records that have not changed for {days} days? They are deleted from this computer "
            "and from the automatic backups. This cannot be undone."), count, {"count": count, "days": days})
        if not self.win.confirm(question, N_("Delete"), N_("Keep it") if count == 1 else N_("Keep them"), danger=True):
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            deleted = self.session.purge(days)
        except StoreError as err:
            self.win.inform(err.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh()
        self.win.inform(PluralMessage(N_plural("{count} client record was deleted.", "{count} client records were deleted."),
                                      deleted, {"count": deleted}))
        self._tell_unclean_copies()

    # -- legal data (TPS list, fees, holidays) from a signed file --------------------------------
    def _show_legal_data(self) -> None:
        from ...logic.legal_data import active

        ds = active()
        self.data_label.setText(self.t.render(Message(N_("Legal data in use: version {version}, as of {date}."),
                                                      {"version": ds.version, "date": ds.as_of})))

    def update_legal_data(self) -> None:
        source = self._pick_update_file()
        if source is not None:
            self.install_legal_data(source)

    def _pick_update_file(self) -> Path | None:
        from ...logic.data_update import SUFFIX
        from ..widgets.file_choice import OTHER, FileChoiceDialog

        t = self.t
        title, type_label = t.gettext(N_("Update legal data")), t.gettext(N_("Legal-data update"))
        drives = removable_drives()
        found = files_on_drives(drives, SUFFIX)
        if found:
            dialog = FileChoiceDialog(self.win, t, title=N_("Update legal data"),
                                      text=N_("These update files are on the USB stick. Choose one."),
                                      files=found, use=N_("Use this file"), other=N_("Choose another file…"),
                                      cancel=N_("Cancel"))
            if dialog.exec() != FileChoiceDialog.Accepted or dialog.choice is None:
                return None
            if dialog.choice != OTHER:
                return dialog.choice
        return ask_open_path(self, title, type_label, SUFFIX, start=drives[0] if drives else None)

    def install_legal_data(self, source: Path) -> None:
        from ...logic.data_update import UpdateRefused, import_update

        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            outcome, message, _ds = import_update(source, self.session.data_dir)
        except UpdateRefused as err:
            message, outcome = Message(N_("{problem} Nothing was changed."), {"problem": err.message}), "refused"
        finally:
            QApplication.restoreOverrideCursor()
        if outcome == "same":
            message = Message(N_("{problem} Nothing was changed."), {"problem": message})
        self._show_legal_data()
        self.win.inform(message)

    # -- settings ---------------------------------------------------------------------------
    def _fill_idle(self) -> None:
        current = self.session.idle_minutes()
        wanted = [self.t.render(Message(N_("{minutes} minutes"), {"minutes": m})) for m in IDLE_CHOICES]
        shown = [self.idle.itemText(i) for i in range(self.idle.count())]
        if shown[:len(wanted)] == wanted and self.idle.currentData() == current:
            # Refilling sends a screen reader "changed" events for a control
            # that has no focus, on every retranslate (each unlock, each
            # text size step): heard as noise from another screen.
            return
        self.idle.blockSignals(True)
        self.idle.clear()
        for minutes in IDLE_CHOICES:
            self.idle.addItem(directed(self.t.render(Message(N_("{minutes} minutes"), {"minutes": minutes})), self.t.is_rtl), minutes)
        index = self.idle.findData(current)
        if index < 0:
            self.idle.addItem(directed(self.t.render(Message(N_("{minutes} minutes"), {"minutes": current})), self.t.is_rtl), current)
            index = self.idle.count() - 1
        self.idle.setCurrentIndex(index)
        self.idle.blockSignals(False)
        _quiet_list(self.idle)

    def _idle_chosen(self, index: int) -> None:
        minutes = self.idle.itemData(index)
        self.session.set_idle_minutes(minutes)
        self.win.idle_lock.set_minutes(minutes)


def _quiet_list(combo: QComboBox) -> None:
    """Qt reports the current row of a closed drop-down's list as focused
    over AT-SPI, on whatever screen is showing: a screen reader then speaks
    the lock timeout on every page. The row is made current again when the
    list opens."""
    combo.view().selectionModel().clearCurrentIndex()
