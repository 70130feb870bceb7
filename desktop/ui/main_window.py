"""The window: a top bar that is always there (language, text size,
contrast, the open client's code, close client, lock) above one screen at a
time.

Where to go next is asked of WizardFlow; the window only maps a view name to
a screen. Locking and closing a client go through here, so that every
screen forgets the client at the same moment.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (QApplication, QFrame, QMainWindow, QMessageBox, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from ..i18n import LANGUAGES
from ..logic.text import Message, N_
from . import icons
from .fonts import font_for, size_factor
from .idle_lock import IdleLock
from .screens.language import native_name
from .session import Session
from .theme import BASE_PT, TEXT_SCALES, Theme, current_theme, set_current_theme
from .widgets.flow_layout import FlowLayout
from .widgets.labels import wrap_label

APP_NAME = "Relief Wizard"
CLIENT_VIEWS = ("review", "results", "summary")
# Screens are built on first use, so the first screen needs neither the
# store, the rules nor the PDF.
SCREENS = ("language", "unlock", "clients", "question", "review", "results", "summary")


def _screen_class(view: str):
    # Plain import statements, not importlib: PyInstaller finds these.
    if view == "language":
        from .screens.language import LanguageScreen as cls
    elif view == "unlock":
        from .screens.unlock import UnlockScreen as cls
    elif view == "clients":
        from .screens.clients import ClientsScreen as cls
    elif view == "question":
        from .screens.question import QuestionScreen as cls
    elif view == "review":
        from .screens.review import ReviewScreen as cls
    elif view == "results":
        from .screens.results import ResultsScreen as cls
    elif view == "summary":
        from .screens.summary import SummaryScreen as cls
    else:
        raise KeyError(view)
    return cls
# After the first screen is painted, the other screens are built one per
# tick, so a click on a language is served between two of them.
PRELOAD_DELAY_MS = 250


class _Screens(dict):
    """The screens built so far; asking for another builds it."""

    def __init__(self, window: MainWindow):
        super().__init__()
        self._window = window

    def __missing__(self, view: str):
        return self._window._build_screen(view)


class MainWindow(QMainWindow):
    def __init__(self, session: Session, high_contrast: bool = False, scale: float = 1.0):
        super().__init__()
        self.session = session
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())
        self.view = ""
        self._return_view: str | None = None
        self._view_before_lock: str | None = None
        self._scale = scale
        self._high_contrast = high_contrast

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.topbar = QFrame(central)
        self.topbar.setProperty("role", "topbar")
        self.topbar_layout = FlowLayout(self.topbar, spacing=8)
        self.topbar_layout.setContentsMargins(10, 6, 10, 6)
        self.lang_button = self._tool("top_language")
        self.lang_button.clicked.connect(lambda: self.go("language"))
        self.smaller = self._tool("text_smaller")
        self.smaller.setText("A\u2212")
        self.smaller.clicked.connect(lambda: self.step_text(-1))
        self.larger = self._tool("text_larger")
        self.larger.setText("A+")
        self.larger.clicked.connect(lambda: self.step_text(+1))
        self.contrast = self._tool("high_contrast")
        self.contrast.setCheckable(True)
        self.contrast.setChecked(high_contrast)
        self.contrast.toggled.connect(self.set_high_contrast)
        self.topbar_layout.add_break()
        self.client_code = wrap_label(role="topcode")
        self.client_code.setObjectName("client_code")
        self.client_code.setWordWrap(False)
        self.topbar_layout.addWidget(self.client_code)
        self.close_button = self._tool("close_client")
        self.close_button.clicked.connect(self.close_client)
        self.lock_button = self._tool("lock")
        self.lock_button.clicked.connect(self.lock)
        outer.addWidget(self.topbar)

        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.screens = _Screens(self)
        self._stale: set[str] = set()  # built screens still in an earlier language
        self._building = False

        app = QApplication.instance()
        self.idle_lock = IdleLock(app, session.idle_minutes())
        self.idle_lock.idle.connect(self.lock)
        self.apply_appearance()
        self.retranslate()
        self._fit_screen()

    def _build_screen(self, view: str):
        screen = _screen_class(view)(self)  # styled by the style sheet in force, sized by the theme
        dict.__setitem__(self.screens, view, screen)
        self.stack.addWidget(screen)
        screen.retranslate()
        return screen

    def preload(self) -> None:
        """Build the screens not built yet, one per event-loop tick, starting
        a moment after the first screen is on the display."""
        QTimer.singleShot(PRELOAD_DELAY_MS, self, self._preload_one)

    def _preload_one(self) -> None:
        missing = [v for v in SCREENS if v not in self.screens]
        if missing:
            self.screens[missing[0]]
            QTimer.singleShot(0, self, self._preload_one)

    def _tool(self, name: str) -> QPushButton:
        b = QPushButton(self.topbar)
        b.setObjectName(name)
        b.setProperty("role", "tool")
        b.setAutoDefault(True)
        b.setIconSize(QSize(20, 20))
        self.topbar_layout.addWidget(b)
        return b

    def _fit_screen(self) -> None:
        screen = QApplication.primaryScreen()
        self.setMinimumSize(640, 440)
        if screen is None:
            self.resize(1024, 680)
            return
        avail = screen.availableGeometry()
        self.resize(min(1200, avail.width()), min(820, avail.height()))

    # -- appearance ----------------------------------------------------------------------
    def apply_appearance(self) -> None:
        lang = self.session.lang
        theme = Theme(scale=self._scale, high_contrast=self._high_contrast, lang_factor=size_factor(lang))
        set_current_theme(theme)
        app = QApplication.instance()
        # Once: a style sheet wraps Fusion in a style named "", and setting
        # Fusion again would repolish every widget (seconds on a switch).
        if not app.property("relief_wizard_fusion"):
            app.setStyle("Fusion")  # the same look, and full palette support, on every PC
            app.setProperty("relief_wizard_fusion", True)
        app.setLayoutDirection(Qt.RightToLeft if self.session.t.is_rtl else Qt.LeftToRight)
        app.setPalette(theme.palette())
        app.setFont(font_for(lang, BASE_PT * theme.scale))
        sheet = theme.stylesheet()
        if app.styleSheet() != sheet:  # a restyle costs a second; a language switch needs none
            app.setStyleSheet(sheet)
        color = theme.colors.text
        self.lang_button.setIcon(icons.globe(color))
        self.contrast.setIcon(icons.contrast(color))
        self.close_button.setIcon(icons.close(color))
        self.lock_button.setIcon(icons.lock(color))
        icon = max(18, round(20 * min(theme.scale, 1.5)))
        for b in (self.lang_button, self.contrast, self.close_button, self.lock_button):
            b.setIconSize(QSize(icon, icon))
        self.smaller.setEnabled(self._scale > TEXT_SCALES[0])
        self.larger.setEnabled(self._scale < TEXT_SCALES[-1])
        for screen in self.screens.values():
            screen.appearance_changed()
            screen.update()

    def step_text(self, step: int) -> None:
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - self._scale))
        index = max(0, min(len(TEXT_SCALES) - 1, index + step))
        self.set_text_scale(TEXT_SCALES[index])

    def _restyle(self) -> None:
        # Restyling thousands of laid-out labels costs seconds (Nastaliq most);
        # the long lists are emptied first and built again in the new style.
        for screen in self.screens.values():
            screen.drop_content()
        self.apply_appearance()
        self.retranslate()

    def set_text_scale(self, scale: float) -> None:
        self._scale = scale
        self._restyle()
        self.announce(self.session.t.render(Message(N_("Text size {percent} percent"), {"percent": round(scale * 100)})))

    def set_high_contrast(self, on: bool) -> None:
        self._high_contrast = on
        if self.contrast.isChecked() != on:
            self.contrast.setChecked(on)
            return  # toggled() comes back here
        self._restyle()

    # -- language ---------------------------------------------------------------------------
    def choose_language(self, lang: str) -> None:
        self.set_language(lang)
        back = self._return_view
        self._return_view = None
        if back:
            self.go(back)
        else:
            self.go(self.session.flow.next_view("language", self.session.answers, self.session.today))

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        if lang == self.session.lang:
            return
        self.session.set_language(lang)
        # Not a restyle: the style sheet does not change with the language,
        # and every screen sets its texts again in place.
        self.apply_appearance()
        self.retranslate()

    def retranslate(self) -> None:
        t = self.session.t
        self.lang_button.setText(t.render(Message(N_("Language: {language}"), {"language": native_name(t.lang)})))
        self.lang_button.setAccessibleName(self.lang_button.text())
        self.lang_button.setToolTip(t.gettext(N_("Choose another language")))
        self.smaller.setAccessibleName(t.gettext(N_("Smaller text")))
        self.smaller.setToolTip(self.smaller.accessibleName())
        self.larger.setAccessibleName(t.gettext(N_("Larger text")))
        self.larger.setToolTip(self.larger.accessibleName())
        self.contrast.setText(t.gettext(N_("High contrast")))
        self.contrast.setAccessibleName(self.contrast.text())
        self.close_button.setText(t.gettext(N_("Close client")))
        self.close_button.setAccessibleName(t.gettext(N_("Close this client and go back to the client list")))
        self.lock_button.setText(t.gettext(N_("Lock")))
        self.lock_button.setAccessibleName(t.gettext(N_("Lock the screen now")))
        self._update_topbar()
        # The screen in view now; the others when they come into view (go()).
        current = self.stack.currentWidget()
        for view, screen in self.screens.items():
            if screen is current or self.view == "":
                screen.retranslate()
                self._stale.discard(view)
            else:
                self._stale.add(view)
        self.topbar_layout.invalidate()

    def _update_topbar(self) -> None:
        s = self.session
        client = s.client
        if client is not None:
            self.client_code.setText(s.t.render(Message(N_("Client code: {code}"), {"code": client.code})))
            self.client_code.setAccessibleName(self.client_code.text())
        else:
            self.client_code.clear()
        self.client_code.setVisible(client is not None)
        self.close_button.setVisible(client is not None)
        self.lock_button.setVisible(s.unlocked)

    # -- navigation ---------------------------------------------------------------------------
    def go(self, view: str, from_review: bool = False) -> None:
        s = self.session
        if view == "language":
            if self.view and self.view != "language":
                self._return_view = self.view
            screen = self.screens["language"]
        elif view == "unlock" and s.unlocked:
            return self.go(s.flow.next_view("unlock", s.answers, s.today))
        elif view == "unlock":
            unlock = self.screens["unlock"]
            if not s.store_exists():
                unlock.set_mode("create")
            else:
                s.check_store_ahead()
                unlock.set_mode("locked" if self._view_before_lock is not None else "unlock")
            screen = unlock
        elif not s.unlocked:
            return self.go("unlock")
        elif view == "clients":
            if s.client is not None:
                self._forget_client()
            screen = self.screens["clients"]
        elif s.client is None:
            return self.go("clients")
        elif view in CLIENT_VIEWS:
            screen = self.screens[view]
        elif view in s.flow.catalog:
            screen = self.screens["question"]
            self._stale.discard("question")  # showing a question sets all its texts
            screen.show_question(view, from_review=from_review)
        else:
            raise ValueError(f"unknown view {view!r}")
        self.view = view
        if screen.view_name in self._stale:
            self._stale.discard(screen.view_name)
            screen.retranslate()
        self.stack.setCurrentWidget(screen)
        self._update_topbar()
        screen.entered()

    def unlocked(self) -> None:
        """The passphrase was accepted: back where the lock found us, or the list."""
        s = self.session
        self.idle_lock.set_minutes(s.idle_minutes())
        self.idle_lock.enabled = True
        self.idle_lock.touch()
        back, self._view_before_lock = self._view_before_lock, None
        self.retranslate()
        if back and s.client is not None:
            self.go(back)
        else:
            self.go(s.flow.next_view("unlock", s.answers, s.today))

    def start_questions(self) -> None:
        s = self.session
        self.go(s.flow.next_view("clients", s.answers, s.today))

    def resume_client(self, client_id: int) -> None:
        from ..store import StoreError

        s = self.session
        try:
            client = s.open_client(client_id)
        except StoreError as err:  # a damaged record, or deleted from another window
            s.close_client()
            self.inform(err.message)
            self.screens["clients"].refresh()
            return
        if client.lang != s.lang and client.lang in LANGUAGES:
            self.set_language(client.lang)
        self.go(s.flow.resume_view(s.answers, s.today))

    def _forget_client(self) -> None:
        self.session.close_client()
        for name in ("question", "review", "results", "summary"):
            screen = self.screens.get(name)  # one never built holds nothing
            if screen is not None:
                screen.clear()

    def close_client(self) -> None:
        self._forget_client()
        self.go("clients")

    def lock(self) -> None:
        s = self.session
        if not s.unlocked:
            return
        self._close_dialogs()
        self._view_before_lock = self.view if s.client is not None and self.view != "language" else "clients"
        self._return_view = None
        s.lock()
        self.idle_lock.enabled = False
        for screen in self.screens.values():
            screen.clear()
        self.go("unlock")

    def _close_dialogs(self) -> None:
        # A question box may show a client's name; it must not outlive the lock.
        while True:
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self:
                break
            modal.reject() if hasattr(modal, "reject") else modal.close()
            QApplication.processEvents()

    # -- messages -------------------------------------------------------------------------------
    def confirm(self, message: Message, yes: str, no: str, danger: bool = False) -> bool:
        t = self.session.t
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Warning if danger else QMessageBox.Question)
        box.setWindowTitle(APP_NAME)
        box.setTextFormat(Qt.PlainText)
        box.setText(t.render(message))
        yes_b = box.addButton(t.gettext(yes), QMessageBox.AcceptRole)
        no_b = box.addButton(t.gettext(no), QMessageBox.RejectRole)
        if danger:
            yes_b.setProperty("role", "danger")
        box.setDefaultButton(no_b)  # Enter never deletes by accident
        box.setEscapeButton(no_b)
        box.exec()
        return box.clickedButton() is yes_b

    def inform(self, message: Message) -> None:
        t = self.session.t
        box = QMessageBox(self)
        box.setWindowTitle(APP_NAME)
        box.setTextFormat(Qt.PlainText)
        box.setText(t.render(message))
        box.addButton(t.gettext(N_("OK")), QMessageBox.AcceptRole)
        box.exec()

    def announce(self, text: str) -> None:
        """Have a screen reader say a message that appeared (an error)."""
        if text and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    # -- closing -------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self._forget_client()
        self.session.shutdown()
        self.idle_lock.stop()
        super().closeEvent(event)
