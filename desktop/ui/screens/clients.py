"""The client list: start a new client, continue one (most recent first, or
found by name or code), delete one after confirming. Also where the center
sets how soon the screen locks itself."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ...logic.text import Message, N_
from ...store import StoreError
from ..session import IDLE_CHOICES
from ..widgets.labels import wrap_label
from .base import Screen

SHOWN = 25  # the list is for the day's clients; older ones are found by search


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
        for w in (self.saved_heading, self.search_label, self.search, self.count_label, self.list_box):
            self.body.addWidget(w)

        # -- the center's setting
        self.idle_label = wrap_label()
        self.idle = QComboBox(self)
        self.idle.setObjectName("idle_minutes")
        self.idle_label.setBuddy(self.idle)
        self.idle.activated.connect(self._idle_chosen)
        self.body.addWidget(self.idle_label)
        self.body.addWidget(self.idle)
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
        self.idle_label.setText(t.gettext(N_("Lock the screen when nobody uses it for")))
        self.idle.setAccessibleName(self.idle_label.text())
        self._fill_idle()
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
        clients = self.session.list_clients(self.search.text())
        t = self.t
        if not clients:
            text = N_("No client matches this search.") if self.search.text().strip() else N_("No saved clients yet.")
            self.count_label.setText(t.gettext(text))
        elif len(clients) > SHOWN:
            self.count_label.setText(t.render(Message(N_("Showing the {shown} most recent of {count} clients. Search to find the others."),
                                                      {"shown": SHOWN, "count": len(clients)})))
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
        buttons = QHBoxLayout()
        cont = self.button("continue_client", role="primary", parent=card)
        cont.setText(t.gettext(N_("Continue")))
        who = client.name or client.code
        cont.setAccessibleName(t.render(Message(N_("Continue with {name}"), {"name": who})))
        cont.clicked.connect(lambda _=False, cid=client.id: self.win.resume_client(cid))
        delete = self.button("delete_client", role="danger", parent=card)
        delete.setText(t.gettext(N_("Delete")))
        delete.setAccessibleName(t.render(Message(N_("Delete the record of {name}"), {"name": who})))
        delete.clicked.connect(lambda _=False, c=client: self.delete_client(c))
        buttons.addWidget(cont)
        buttons.addStretch(1)
        buttons.addWidget(delete)
        lay.addLayout(buttons)
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
        self.refresh()
        self.search.setFocus()

    # -- settings ---------------------------------------------------------------------------
    def _fill_idle(self) -> None:
        self.idle.blockSignals(True)
        self.idle.clear()
        current = self.session.idle_minutes()
        for minutes in IDLE_CHOICES:
            self.idle.addItem(self.t.render(Message(N_("{minutes} minutes"), {"minutes": minutes})), minutes)
        index = self.idle.findData(current)
        if index < 0:
            self.idle.addItem(self.t.render(Message(N_("{minutes} minutes"), {"minutes": current})), current)
            index = self.idle.count() - 1
        self.idle.setCurrentIndex(index)
        self.idle.blockSignals(False)

    def _idle_chosen(self, index: int) -> None:
        minutes = self.idle.itemData(index)
        self.session.set_idle_minutes(minutes)
        self.win.idle_lock.set_minutes(minutes)
