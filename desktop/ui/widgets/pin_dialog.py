"""Asks for a client file's PIN: chosen by the client (typed twice) when a
record is copied for another center, typed once when a file is added.

The dialog stays open on a wrong or badly typed PIN and says why in the
person's language, so nothing typed is lost to a closed window; `attempt`
decides, and may do the slow work (the PIN's key derivation) itself.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from ...i18n import Translator
from ...logic.text import Message
from .labels import wrap_label


class PinDialog(QDialog):
    def __init__(self, parent, t: Translator, *, title: str, text: Message, ok: str, cancel: str,
                 pin_label: str, repeat_label: str | None, show_label: str,
                 attempt: Callable[[str, str], Message | None]):
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.t = t
        self._attempt = attempt
        self.setWindowTitle(t.gettext(title))
        self.setModal(True)
        lay = QVBoxLayout(self)
        heading = wrap_label(t.gettext(title), role="heading", parent=self)
        lay.addWidget(heading)
        lay.addWidget(wrap_label(t.render(text), parent=self))

        self.pin = self._field("pin", pin_label, lay)
        self.repeat = self._field("pin_repeat", repeat_label, lay) if repeat_label else None
        self.show_box = QCheckBox(t.gettext(show_label), self)
        self.show_box.setObjectName("show_pin")
        self.show_box.setAccessibleName(self.show_box.text())
        self.show_box.toggled.connect(self._show_toggled)
        lay.addWidget(self.show_box)
        self.error = wrap_label(role="error", parent=self)
        self.error.setObjectName("pin_error")
        self.error.hide()
        lay.addWidget(self.error)

        row = QHBoxLayout()
        self.cancel_button = QPushButton(t.gettext(cancel), self)
        self.cancel_button.setObjectName("pin_cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(t.gettext(ok), self)
        self.ok_button.setObjectName("pin_ok")
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.ok_button)
        lay.addLayout(row)
        self.pin.setFocus()

    def _field(self, name: str, label: str, lay: QVBoxLayout) -> QLineEdit:
        caption = wrap_label(self.t.gettext(label), parent=self)
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.Password)
        # Digits are digits in any script; the field must not reverse them in RTL.
        field.setLayoutDirection(Qt.LeftToRight)
        field.setInputMethodHints(Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText)
        field.setAccessibleName(caption.text())
        caption.setBuddy(field)
        lay.addWidget(caption)
        lay.addWidget(field)
        return field

    def _show_toggled(self, on: bool) -> None:
        mode = QLineEdit.Normal if on else QLineEdit.Password
        for field in (self.pin, self.repeat):
            if field is not None:
                field.setEchoMode(mode)

    def submit(self) -> None:
        repeat = self.repeat.text() if self.repeat is not None else self.pin.text()
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            problem = self._attempt(self.pin.text(), repeat)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if problem is None:
            self.accept()
            return
        self.error.setText(self.t.render(problem))
        self.error.show()
        self.pin.setAccessibleDescription(self.error.text())
        self.pin.selectAll()
        self.pin.setFocus()

    def done(self, result: int) -> None:
        # A PIN must not linger in widget memory after the dialog closes.
        self.pin.clear()
        if self.repeat is not None:
            self.repeat.clear()
        super().done(result)
