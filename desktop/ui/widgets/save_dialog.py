"""The "Save the summary" step and the note before printing, both in the
client's language.

Qt's own file and print dialogs speak English here (Qt ships nothing for
Bengali, Hindi, Punjabi or Urdu, and the program loads no Qt translations),
and the file dialog opened in whatever folder it liked, the program's own
among them. This step offers the places a client's file should go, USB
sticks first; Qt's folder dialog is only behind "Other folder…".
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QButtonGroup, QDialog, QFileDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ...i18n import Translator
from ...logic.text import Message, N_, N_plural, PluralMessage
from .. import save_places
from ..save_places import Volume
from .cards import RadioCard
from .labels import DirectedButton, wrap_label

WHERE = N_("Where should the summary go? The client's own USB stick is best: then nothing stays on this computer.")
DRIVE = N_("USB stick or drive: {name}")
DOCUMENTS = N_("Documents folder")
DESKTOP = N_("Desktop")
OTHER = N_("Other folder: {path}")
NO_DRIVE = N_("No USB stick was found. Put one in, then press “Look again”.")
CANNOT = N_("The summary cannot be saved in this folder. Choose another place.")
NO_NAME = N_("Type a file name.")
REPLACE = N_("A file named {name} is already there. Replace it with this summary?")


class SaveDialog(QDialog):
    """Choose a place and a file name; `path` holds the answer once accepted."""

    def __init__(self, parent, t: Translator, *, default_name: str, find_drives: Callable[[], list[Volume]],
                 confirm: Callable[[Message, str, str], bool]):
        super().__init__(parent)
        self.setObjectName("save_dialog")
        self.t = t
        self._find_drives = find_drives
        self._confirm = confirm
        self._other: Path | None = None
        self.path: Path | None = None
        self.places: list[tuple[Path, RadioCard]] = []
        self.setWindowTitle(t.gettext(N_("Save the summary")))
        self.setModal(True)
        lay = QVBoxLayout(self)
        lay.addWidget(wrap_label(t.gettext(N_("Save the summary")), role="heading", parent=self))
        lay.addWidget(wrap_label(t.gettext(WHERE), parent=self))
        self.place_box = QWidget(self)
        self.place_layout = QVBoxLayout(self.place_box)
        self.place_layout.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.place_box)
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        self.again = self._button("look_again", N_("Look again"))
        self.again.clicked.connect(self.fill_places)
        self.other = self._button("other_folder", N_("Other folder…"))
        self.other.clicked.connect(self.choose_other)
        row.addWidget(self.again)
        row.addWidget(self.other)
        row.addStretch(1)
        lay.addLayout(row)
        caption = wrap_label(t.gettext(N_("File name")), parent=self)
        self.name = QLineEdit(self)
        self.name.setObjectName("file_name")
        self.name.setText(default_name)
        self.name.setAccessibleName(caption.text())
        # A file name is read left to right like the folder it goes in.
        self.name.setLayoutDirection(Qt.LeftToRight)
        caption.setBuddy(self.name)
        lay.addWidget(caption)
        lay.addWidget(self.name)
        self.error = wrap_label(role="error", parent=self)
        self.error.setObjectName("save_error")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = self._button("save_cancel", N_("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.ok = self._button("save_ok", N_("Save"))
        self.ok.setProperty("role", "primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        lay.addLayout(buttons)
        self.fill_places()

    def _button(self, name: str, msgid: str) -> DirectedButton:
        b = DirectedButton(self)
        b.setObjectName(name)
        b.setText(self.t.gettext(msgid))
        b.setAccessibleName(b.text())
        return b

    # -- places --------------------------------------------------------------------------
    def candidate_places(self, drives: list[Volume]) -> list[tuple[Path, str]]:
        t = self.t
        out: list[tuple[Path, str]] = []
        for v in drives:
            out.append((Path(v.root), t.render(Message(DRIVE, {"name": v.name or v.root}))))
        for loc, msgid in ((QStandardPaths.DocumentsLocation, DOCUMENTS), (QStandardPaths.DesktopLocation, DESKTOP)):
            folder = save_places.safe_folder(QStandardPaths.writableLocation(loc))
            if folder is not None and all(folder != p for p, _ in out):
                out.append((folder, t.gettext(msgid)))
        if self._other is not None:
            out.append((self._other, t.render(Message(OTHER, {"path": str(self._other)}))))
        return out

    def fill_places(self) -> None:
        chosen = self.chosen_folder()
        for _folder, card in self.places:
            self.group.removeButton(card)
            card.setParent(None)
            card.deleteLater()
        while self.place_layout.count():
            item = self.place_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.places = []
        drives = self._find_drives()
        candidates = self.candidate_places(drives)
        if not drives:
            note = wrap_label(self.t.gettext(NO_DRIVE), role="muted", parent=self.place_box)
            note.setObjectName("no_drive")
            self.place_layout.addWidget(note)
        for folder, label in candidates:
            card = RadioCard(label, self.place_box)
            card.setObjectName("place")
            card.setProperty("folder", str(folder))
            self.group.addButton(card)
            self.place_layout.addWidget(card)
            self.places.append((folder, card))
        keep = [c for f, c in self.places if f == chosen]
        if keep:
            keep[0].setChecked(True)
        elif self.places:
            self.places[0][1].setChecked(True)  # a stick if there is one

    def chosen_folder(self) -> Path | None:
        for folder, card in self.places:
            if card.isChecked():
                return folder
        return None

    def select(self, folder: Path) -> bool:
        for f, card in self.places:
            if f == Path(folder):
                card.setChecked(True)
                return True
        return False

    def choose_other(self) -> None:
        start = str(self.chosen_folder() or "")
        picked = QFileDialog.getExistingDirectory(self, self.t.gettext(N_("Save the summary")), start)
        if not picked:
            return
        folder = save_places.safe_folder(picked)
        if folder is None:
            self._show_error(CANNOT)
            return
        self._other = folder
        self.fill_places()
        self.select(folder)

    # -- saving ----------------------------------------------------------------------------
    def _show_error(self, msgid: str) -> None:
        self.error.setText(self.t.gettext(msgid))
        self.error.show()

    def submit(self) -> None:
        folder = self.chosen_folder()
        name = Path(self.name.text().strip()).name  # a name, never a path somewhere else
        if not name:
            self._show_error(NO_NAME)
            self.name.setFocus()
            return
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        if folder is None or save_places.safe_folder(folder) is None or not save_places.is_writable(folder):
            self._show_error(CANNOT)
            return
        target = folder / name
        if target.exists() and not self._confirm(Message(REPLACE, {"name": name}), N_("Replace it"),
                                                 N_("Keep the old file")):
            self.name.setFocus()
            self.name.selectAll()
            return
        self.path = target
        self.accept()


PRINT_INTRO = N_plural("The summary has {pages} page, on {paper} paper.", "The summary has {pages} pages, on {paper} paper.")
PRINT_NEXT = N_("Next, the computer's own print window opens. It may be in English: choose the printer there and press “Print”.")
PAPER_NAMES = {"letter": N_("Letter (US)"), "a4": N_("A4")}


class PrintIntro(QDialog):
    """What will be printed, said before the system's print dialog opens."""

    def __init__(self, parent, t: Translator, *, pages: int, paper: str):
        super().__init__(parent)
        self.setObjectName("print_intro")
        self.setWindowTitle(t.gettext(N_("Print the summary")))
        self.setModal(True)
        lay = QVBoxLayout(self)
        lay.addWidget(wrap_label(t.gettext(N_("Print the summary")), role="heading", parent=self))
        paper_name = t.gettext(PAPER_NAMES.get(paper, PAPER_NAMES["letter"]))
        self.what = wrap_label(t.render(PluralMessage(PRINT_INTRO, pages, {"pages": pages, "paper": paper_name})),
                               parent=self)
        self.what.setObjectName("print_what")
        lay.addWidget(self.what)
        lay.addWidget(wrap_label(t.gettext(PRINT_NEXT), parent=self))
        row = QHBoxLayout()
        cancel = DirectedButton(self)
        cancel.setObjectName("print_cancel")
        cancel.setText(t.gettext(N_("Cancel")))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        go = DirectedButton(self)
        go.setObjectName("print_go")
        go.setText(t.gettext(N_("Open the print window")))
        go.setProperty("role", "primary")
        go.setDefault(True)
        go.clicked.connect(self.accept)
        for b in (cancel, go):
            b.setAccessibleName(b.text())
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(go)
        lay.addLayout(row)
