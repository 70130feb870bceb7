"""Starting the wizard window (`relief-wizard` with no command)."""
from __future__ import annotations

import os

import sys

from PySide6.QtCore import QLoggingCategory, Qt
from PySide6.QtWidgets import QApplication

from . import accessibility, fonts


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        # Fusion from the start (see MainWindow.apply_appearance): set later
        # through setStyle(), PySide makes QStyle's eight enums (700 names).
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
        app.setProperty("relief_wizard_fusion", True)
    # Qt notes each time a script's fallback font lacks tables for another
    # script; our family lists already put the right font first.
    QLoggingCategory.setFilterRules("qt.text.font.db.info=false")
    app.setApplicationName("Relief Wizard")
    app.setOrganizationName("Relief Wizard")
    app.setDesktopFileName("relief-wizard")
    fonts.load_fonts()
    accessibility.install()
    return app


def build_window(lang: str | None = None, data_dir=None, today=None, start: str = "language"):
    """The window, shown at its first screen: the language picker on a fresh
    start, or the passphrase when the language was given (--lang)."""
    from .main_window import MainWindow
    from .session import Session

    session = Session(data_dir=data_dir, lang=lang or "en", today=today)
    window = MainWindow(session)
    window.go("unlock" if lang and start == "language" else start)
    window.preload()  # the other screens, once this one is on the display
    return window


def run_gui(lang: str | None = None) -> int:
    app = make_application()
    window = build_window(lang=lang)
    window.show()
    shot = os.environ.get("RELIEF_WIZARD_SMOKE_SCREENSHOT")
    if shot:
        # For packaging/smoke_test.py: prove the bundle reaches its first
        # screen, save it as a picture and quit.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(500, lambda: (window.grab().save(shot), app.quit()))
    return app.exec()
