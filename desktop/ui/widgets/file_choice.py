"""Offers the files found on USB sticks, before any file dialog: a volunteer
should not have to find the stick's drive letter in a folder tree."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from ...i18n import Translator
from .labels import wrap_label

OTHER = "other"


class FileChoiceDialog(QDialog):
    """`choice` is the chosen path, OTHER (open a file dialog) or None."""

    def __init__(self, parent, t: Translator, *, title: str, text: str, files: list[Path],
                 use: str, other: str, cancel: str):
        super().__init__(parent)
        self.setObjectName("file_choice_dialog")
        self.setWindowTitle(t.gettext(title))
        self.setModal(True)
        self.choice: Path | str | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(wrap_label(t.gettext(title), role="heading", parent=self))
        lay.addWidget(wrap_label(t.gettext(text), parent=self))
        self.list = QListWidget(self)
        self.list.setObjectName("found_files")
        self.list.setAccessibleName(t.gettext(text))
        for path in files:
            item = QListWidgetItem(f"{path.name}   ({path.parent})")
            item.setData(256, str(path))  # Qt.UserRole
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.use())
        lay.addWidget(self.list)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(t.gettext(cancel), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.other_button = QPushButton(t.gettext(other), self)
        self.other_button.setObjectName("choose_other_file")
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self.other)
        self.use_button = QPushButton(t.gettext(use), self)
        self.use_button.setObjectName("use_found_file")
        self.use_button.setProperty("role", "primary")
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self.use)
        for b in (self.cancel_button, self.other_button, self.use_button):
            b.setAccessibleName(b.text())
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.other_button)
        row.addWidget(self.use_button)
        lay.addLayout(row)

    def use(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.choice = Path(item.data(256))
            self.accept()

    def other(self) -> None:
        self.choice = OTHER
        self.accept()
