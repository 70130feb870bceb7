"""The center's passphrase: set once on a new computer, asked at every start
and after the screen locked itself."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFrame, QLineEdit, QVBoxLayout

from ...logic.text import Message, N_
from ...store import DamagedDatabase, StoreError
from ...store.crypto import MIN_PASSPHRASE
from ...store.errors import backup_label
from ..widgets.labels import wrap_label
from .base import Screen

CREATE_TITLE = N_("Set the center's passphrase")
CREATE_TEXT = N_("The passphrase protects the client records on this computer. Volunteers type it each time the app starts. Choose at least {minimum} characters.")
CREATE_WARNING = N_("Write the passphrase down and keep it in a safe place. If it is lost, nobody can recover it, and the client records on this computer can never be opened again.")
UNLOCK_TITLE = N_("Enter the center's passphrase")
UNLOCK_TEXT = N_("The client records on this computer are locked. Type the center's passphrase to open them.")
LOCKED_TITLE = N_("Locked to protect client information")
LOCKED_TEXT = N_("Nobody used the app for a while, or someone locked it. Type the center's passphrase to go on where you were.")


class UnlockScreen(Screen):
    view_name = "unlock"

    def __init__(self, window):
        super().__init__(window)
        self.mode = "unlock"  # create | unlock | locked
        self.title = wrap_label(role="title")
        self.text = wrap_label()
        self.warning_box = QFrame(self)
        self.warning_box.setProperty("role", "notice")
        wl = QVBoxLayout(self.warning_box)
        self.warning = wrap_label(role="heading")
        self.warning.setObjectName("passphrase_warning")
        wl.addWidget(self.warning)
        self.pass_label = wrap_label()
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.repeat_label = wrap_label()
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("passphrase_repeat")
        self.repeat.setEchoMode(QLineEdit.Password)
        self.pass_label.setBuddy(self.passphrase)
        self.repeat_label.setBuddy(self.repeat)
        self.show_box = QCheckBox(self)
        self.show_box.setObjectName("show_passphrase")
        self.show_box.toggled.connect(self._show_toggled)
        self.error = wrap_label(role="error")
        self.error.setObjectName("unlock_error")
        self.error.hide()
        self.restore_box = QFrame(self)
        self.restore_box.setProperty("role", "notice")
        self.restore_layout = QVBoxLayout(self.restore_box)
        self.restore_box.hide()
        self._backups: list = []
        self._error_message: Message | None = None

        for w in (self.title, self.text, self.warning_box, self.pass_label, self.passphrase,
                  self.repeat_label, self.repeat, self.show_box, self.error, self.restore_box):
            self.body.addWidget(w)
        self.body.addStretch(1)

        self.go_button = self.button("unlock_button", role="primary")
        self.go_button.clicked.connect(self.submit)
        self.nav.addStretch(1)
        self.nav.addWidget(self.go_button)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        creating = mode == "create"
        for w in (self.warning_box, self.repeat_label, self.repeat):
            w.setVisible(creating)
        self.passphrase.clear()
        self.repeat.clear()
        self.show_box.setChecked(False)
        self._set_error(None)
        self.restore_box.hide()
        self.retranslate()

    def _show_toggled(self, on: bool) -> None:
        mode = QLineEdit.Normal if on else QLineEdit.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _set_error(self, message: Message | None) -> None:
        self._error_message = message
        if message is None:
            self.error.hide()
            self.error.clear()
        else:
            self.error.setText(self.t.render(message))
            self.error.show()
        self.passphrase.setAccessibleDescription(self.error.text())
        if message is not None:
            self.win.announce(self.error.text())

    def retranslate(self) -> None:
        t = self.t
        if self.mode == "create":
            self.title.setText(t.gettext(CREATE_TITLE))
            self.text.setText(t.render(Message(CREATE_TEXT, {"minimum": MIN_PASSPHRASE})))
            self.go_button.setText(t.gettext(N_("Set the passphrase")))
        elif self.mode == "locked":
            self.title.setText(t.gettext(LOCKED_TITLE))
            self.text.setText(t.gettext(LOCKED_TEXT))
            self.go_button.setText(t.gettext(N_("Unlock")))
        else:
            self.title.setText(t.gettext(UNLOCK_TITLE))
            self.text.setText(t.gettext(UNLOCK_TEXT))
            self.go_button.setText(t.gettext(N_("Unlock")))
        self.warning.setText(t.gettext(CREATE_WARNING))
        self.pass_label.setText(t.gettext(N_("Passphrase")))
        self.passphrase.setAccessibleName(t.gettext(N_("Passphrase")))
        self.repeat_label.setText(t.gettext(N_("Type the passphrase again")))
        self.repeat.setAccessibleName(t.gettext(N_("Type the passphrase again")))
        self.show_box.setText(t.gettext(N_("Show the passphrase")))
        self.show_box.setAccessibleName(self.show_box.text())
        self.go_button.setAccessibleName(self.go_button.text())
        if self._error_message is not None:
            self.error.setText(t.render(self._error_message))
        self._fill_restore()

    def entered(self) -> None:
        self.passphrase.setFocus()

    def default_action(self) -> None:
        self.submit()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()

    # -- actions -----------------------------------------------------------------------
    def submit(self) -> None:
        secret = self.passphrase.text()
        if self.mode == "create":
            if len(secret) < MIN_PASSPHRASE:
                self._set_error(Message(N_("Choose a passphrase of at least {minimum} characters."),
                                        {"minimum": MIN_PASSPHRASE}))
                self.passphrase.setFocus()
                return
            if secret != self.repeat.text():
                self._set_error(Message(N_("The two passphrases are not the same. Type them again.")))
                self.repeat.clear()
                self.repeat.setFocus()
                return
        self._set_error(None)
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            if self.mode == "create":
                self.session.create_store(secret)
            else:
                self.session.unlock(secret)
        except DamagedDatabase as err:
            self._backups = list(err.backups)
            self._set_error(err.message)
            self._fill_restore()
            return
        except StoreError as err:
            self._set_error(err.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.repeat.clear()
        self.win.unlocked()

    def _fill_restore(self) -> None:
        while self.restore_layout.count():
            item = self.restore_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not self._backups:
            self.restore_box.hide()
            return
        t = self.t
        self.restore_layout.addWidget(wrap_label(t.gettext(N_("You can go back to an automatic backup. Changes made after it are lost."))))
        for path in self._backups[:3]:
            b = self.button("restore_backup", parent=self.restore_box)
            label = t.render(Message(N_("Go back to the backup of {date}"), {"date": backup_label(path)}))
            b.setText(label)
            b.setAccessibleName(label)
            b.clicked.connect(lambda _=False, p=path: self._restore(p))
            self.restore_layout.addWidget(b)
        self.restore_box.show()

    def _restore(self, path) -> None:
        from ...store import Store

        if not self.win.confirm(Message(N_("Go back to this backup? Changes made after it are lost.")),
                                N_("Go back to the backup"), N_("Cancel")):
            return
        try:
            Store.restore_backup(self.session.data_dir, path)
        except StoreError as err:
            self._set_error(err.message)
            return
        self._backups = []
        self._fill_restore()
        self._set_error(Message(N_("The backup is back in place. Type the passphrase to open it.")))
        self.passphrase.setFocus()
