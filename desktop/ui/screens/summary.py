"""The summary to take to a lawyer: save it as a PDF, then open or print it.

The PDF itself is made by desktop.pdf.summary, from the same answers and the
same evaluation the results screen shows.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout

from ...logic.presentation import NOT_LEGAL_ADVICE
from ...logic.text import Message, N_
from .. import printing, save_places
from ..widgets.labels import wrap_label
from ..widgets.save_dialog import PrintIntro, SaveDialog
from .base import Screen

# The program loads no Qt translations, so the system's print dialog speaks
# English (or, on Windows, the language of Windows): everyone else is told
# first, in their language, what will be printed and what comes next.
PRINT_DIALOG_LANGUAGES = frozenset({"en"})
PRIVACY = N_("The summary holds the client's answers. Do not leave it on this computer: print it or save it on the client's own USB stick, then delete the file here.")


def pdf_available() -> bool:
    try:
        return importlib.util.find_spec("desktop.pdf.summary") is not None
    except (ImportError, ValueError):
        return False


def find_drives():
    return save_places.removable_volumes(save_places.mounted_volumes())


class SummaryScreen(Screen):
    view_name = "summary"

    def __init__(self, window):
        super().__init__(window)
        self.saved: Path | None = None
        self._status: Message | None = None
        self._status_error = False
        self.title = wrap_label(role="title")
        self.intro = wrap_label()
        self.steps = wrap_label()
        self.save = self.button("save_pdf", role="primary")
        self.save.clicked.connect(self.save_pdf)
        self.open = self.button("open_pdf")
        self.open.clicked.connect(self.open_pdf)
        self.print = self.button("print_pdf")
        self.print.clicked.connect(self.print_pdf)
        self.status = wrap_label(role="ok")
        self.status.setObjectName("pdf_status")
        self.privacy_box = QFrame(self)
        self.privacy_box.setProperty("role", "notice")
        pl = QVBoxLayout(self.privacy_box)
        self.privacy = wrap_label()
        pl.addWidget(self.privacy)
        self.advice = wrap_label(role="muted")
        for w in (self.title, self.intro, self.steps, self.save, self.status, self.open,
                  self.print, self.privacy_box, self.advice):
            self.body.addWidget(w)
        self.body.addStretch(1)

        self.back = self.button("back")
        self.back.clicked.connect(lambda: self.win.go("results"))
        self.finish = self.button("finish")
        self.finish.clicked.connect(self.win.close_client)
        self.nav.addWidget(self.back)
        self.nav.addStretch(1)
        self.nav.addWidget(self.finish)

    def retranslate(self) -> None:
        t = self.t
        self.title.setText(t.gettext(N_("Summary to take to a lawyer")))
        self.intro.setText(t.gettext(N_("The summary lists the answers, the options with their deadlines, and what to bring, in the client's language and in English.")))
        self.steps.setText(t.gettext(N_("First save it as a PDF file. Then open it to look at it, or print it.")))
        self.save.setText(t.gettext(N_("Save the summary (PDF)")))
        self.open.setText(t.gettext(N_("Open the summary")))
        self.print.setText(t.gettext(N_("Print the summary")))
        self.privacy.setText(t.gettext(PRIVACY))
        self.advice.setText(t.gettext(NOT_LEGAL_ADVICE))
        self.back.setText(t.gettext(N_("Back to the results")))
        self.finish.setText(t.gettext(N_("Finish and close this client")))
        for b in (self.save, self.open, self.print, self.back, self.finish):
            b.setAccessibleName(b.text())
        self.back_icon(self.back)
        self._show_status()
        self._update_state()

    def _update_state(self) -> None:
        ready = pdf_available()
        self.save.setEnabled(ready)
        has_file = self.saved is not None and self.saved.exists()
        self.open.setEnabled(has_file)
        self.print.setEnabled(has_file)

    def entered(self) -> None:
        self._update_state()
        (self.save if self.save.isEnabled() else self.back).setFocus()

    def clear(self) -> None:
        self.saved = None
        self._status = None
        self.status.clear()
        self._update_state()

    def default_action(self) -> None:
        if self.save.isEnabled():
            self.save_pdf()

    def _set_status(self, message: Message | None, error: bool = False) -> None:
        self._status, self._status_error = message, error
        self._show_status()
        if message is not None:
            self.win.announce(self.status.text())

    def _show_status(self) -> None:
        if self._status is None:
            self.status.clear()
            self.status.hide()
            return
        self.status.setProperty("role", "error" if self._status_error else "ok")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(self.t.render(self._status))
        self.status.show()

    # -- actions ----------------------------------------------------------------------
    def save_pdf(self) -> None:
        if not pdf_available() or self.session.client is None:
            return
        dialog = SaveDialog(self.win, self.t, default_name=f"relief-wizard-summary-{self.session.client.code}.pdf",
                            find_drives=find_drives, confirm=self.win.confirm)
        if dialog.exec() == SaveDialog.Accepted and dialog.path is not None:
            self.write_to(dialog.path)

    def write_to(self, path: Path) -> bool:
        from ...pdf.summary import SummaryRequest, write_summary

        s = self.session
        c = s.client
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            evaluation = s.evaluation()
            write_summary(SummaryRequest(answers=s.contract_answers(), evaluation=evaluation, lang=s.lang,
                                         today=s.today, paper=s.paper(), name=c.name or None,
                                         name_latin=c.name_latin or None, code=c.code), path)
        except OSError:
            self._set_status(Message(N_("The summary could not be saved there. Choose another folder.")), error=True)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.saved = path
        self._set_status(Message(N_("Saved: {path}"), {"path": str(path)}))
        self._update_state()
        self.open.setFocus()
        return True

    def open_pdf(self) -> None:
        if self.saved and not printing.open_file(self.saved):
            self._set_status(Message(N_("No program on this computer could open the PDF. Copy the file to a computer that can.")), error=True)

    def print_pdf(self) -> None:
        if not self.saved:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.t.lang not in PRINT_DIALOG_LANGUAGES:
            intro = PrintIntro(self.win, self.t, pages=printing.page_count(self.saved),
                               paper=self.session.paper() or "letter")
            if intro.exec() != PrintIntro.Accepted:
                return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.t.gettext(N_("Print the summary")))
        dialog.setOptions(QPrintDialog.PrintDialogOption(0))
        if dialog.exec() != QPrintDialog.Accepted:
            return
        if printing.print_file(self.saved, printer.printerName(), printer.copyCount()):
            self._set_status(Message(N_("The summary was sent to the printer.")))
        else:
            printing.open_file(self.saved)
            self._set_status(Message(N_("The summary could not be sent to the printer directly. It is open in the PDF viewer: use its Print button.")), error=True)
