"""The window: a top bar that is always there (language, text size,
contrast, the open client's code, close client, lock) above one screen at a
time.

Where to go next is asked of WizardFlow; the window only maps a view name to
a screen. Locking and closing a client go through here, so that every
screen forgets the client at the same moment.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ..i18n import LANGUAGES, release_language_data
from ..logic.text import Message, N_
from . import accessibility, icons
from .fonts import font_for, size_factor
from .idle_lock import IdleLock
from .screens.base import step_focus
from .screens.language import native_name
from .session import Session
from .theme import BASE_PT, TEXT_SCALES, Theme, current_theme, set_current_theme
from .widgets.flow_layout import FlowLayout
from .direction import directed
from .widgets.labels import DirectedButton, wrap_label

APP_NAME = "Relief Wizard"
READ_ALOUD_KEY = "F5"
CLIENT_VIEWS = ("review", "results", "summary")
FRAME_TOP = 40  # a title bar and borders, about as tall as Windows draws them
FRAME_SIDE = 8

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
        accessibility.install()
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
        self.slow_speech = self._tool("slow_speech")
        self.slow_speech.setCheckable(True)
        self.slow_speech.toggled.connect(self.set_slow_speech)
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
        self._shortcuts()

        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # One reader for the window; reading is a mode: while it is on, each
        # page is read when it opens and a choice when the keyboard reaches it.
        # Made after the first paint (preload) or with the first screen that
        # has a read button, not before the language picker; the voices
        # themselves at the first reading (speech.reader).
        self._reader = None
        self.reading = False
        self.read_shortcut = QShortcut(QKeySequence(READ_ALOUD_KEY), self)
        self.read_shortcut.activated.connect(self._read_key)


        self.screens = _Screens(self)
        self._stale: set[str] = set()  # built screens still in an earlier language
        self._building = False

        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        self.idle_lock = IdleLock(app, session.idle_minutes())
        self.idle_lock.idle.connect(self.lock)
        self.apply_appearance()
        self.retranslate()
        self._fit_screen()

    def _shortcuts(self) -> None:
        """The top bar by keyboard from anywhere. A button's own shortcut
        works only while it is shown (lock and close client only with a
        client open) and is what a screen reader reports with the button."""
        self._keys = {self.lang_button: "Ctrl+Shift+L", self.smaller: "Ctrl+-", self.larger: "Ctrl++",
                      self.contrast: "Ctrl+Shift+H", self.close_button: "Ctrl+Shift+W", self.lock_button: "Ctrl+L"}
        # Ctrl+= is where + is on most keyboards without Shift.
        QShortcut(QKeySequence("Ctrl+="), self, self.larger.animateClick)
        QShortcut(QKeySequence(Qt.Key_F6), self, self.toggle_topbar)
        QShortcut(QKeySequence(Qt.SHIFT | Qt.Key_F6), self, self.toggle_topbar)

    def topbar_chain(self) -> list[QPushButton]:
        return [b for b in (self.lang_button, self.smaller, self.larger, self.contrast,
                            self.close_button, self.lock_button) if b.isVisibleTo(self) and b.isEnabled()]

    def focus_topbar(self, first: bool = True) -> bool:
        chain = self.topbar_chain()
        if not chain:
            return False
        (chain[0] if first else chain[-1]).setFocus(Qt.TabFocusReason if first else Qt.BacktabFocusReason)
        return True

    def toggle_topbar(self) -> None:
        """F6: between the top bar and the page."""
        focus = QApplication.focusWidget()
        screen = self.stack.currentWidget()
        if focus is not None and self.topbar.isAncestorOf(focus):
            screen.focus_page()
        else:
            self.focus_topbar()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        # Tab in the top bar: along it, then into the page (and back).
        chain = self.topbar_chain()
        focus = QApplication.focusWidget()
        if focus in chain:
            if step_focus(chain, focus, forward):
                return True
            if self.stack.currentWidget().focus_page(first=forward):
                return True
        return super().focusNextPrevChild(forward)

    def _build_screen(self, view: str):
        screen = _screen_class(view)(self)  # styled by the style sheet in force, sized by the theme
        dict.__setitem__(self.screens, view, screen)
        self.stack.addWidget(screen)
        screen.retranslate()
        # A screen built after the window (most are, on first use) gets its
        # read-aloud button's words and state like the others; the first
        # screen comes before the top bar, which sets them all when made.
        if getattr(self, "read_shortcut", None) is not None:
            self._update_read_buttons()
        return screen

    def preload(self) -> None:
        """Build the screens not built yet, one per event-loop tick, starting
        a moment after the first screen is on the display."""
        QTimer.singleShot(PRELOAD_DELAY_MS, self, self._preload_one)

    def _preload_one(self) -> None:
        if self._reader is None:  # the reader first: the top bar's "slower" waits for it
            self._update_read_buttons(load=True)
            QTimer.singleShot(0, self, self._preload_one)
            return
        missing = [v for v in SCREENS if v not in self.screens]
        if missing:
            self.screens[missing[0]]
            QTimer.singleShot(0, self, self._preload_one)

    def _tool(self, name: str) -> QPushButton:
        b = DirectedButton(self.topbar)
        b.setObjectName(name)
        b.setProperty("role", "tool")
        b.setAutoDefault(True)
        b.setIconSize(QSize(20, 20))
        self.topbar_layout.addWidget(b)
        return b

    def _focus_changed(self, _old, new) -> None:
        if new is None or new.window() is not self:
            return
        # After the layout has placed a page that was just built.
        QTimer.singleShot(0, self, lambda w=new: self._show_focused(w))

    def _show_focused(self, widget) -> None:
        screen = self.stack.currentWidget()
        if screen is not None and QApplication.focusWidget() is widget:
            screen.show_focused(widget)

    def _fit_screen(self) -> None:
        screen = QApplication.primaryScreen()
        self.setMinimumSize(640, 440)
        if screen is None:
            self.resize(1024, 680)
            return
        avail = screen.availableGeometry()
        # resize() sets the inside of the window; the title bar and frame
        # come on top of it. On a 1024x600 screen the whole window must fit,
        # or Next is cut off at the bottom.
        self.resize(min(1200, avail.width() - 2 * FRAME_SIDE), min(820, avail.height() - FRAME_TOP))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        # The real frame is known once shown: shrink if it still sticks out.
        avail = screen.availableGeometry()
        extra = self.frameGeometry().height() - avail.height()
        if extra > 0:
            self.resize(self.width(), max(self.minimumHeight(), self.height() - extra))
            self.move(self.x(), avail.top())

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
        self.slow_speech.setIcon(icons.speaker(color))
        self.contrast.setIcon(icons.contrast(color))
        self.close_button.setIcon(icons.close(color))
        self.lock_button.setIcon(icons.lock(color))
        icon = max(18, round(20 * min(theme.scale, 1.5)))
        for b in (self.lang_button, self.contrast, self.slow_speech, self.close_button, self.lock_button):
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
        self._silence()
        self.session.set_language(lang)
        # Not a restyle: the style sheet does not change with the language,
        # and every screen sets its texts again in place.
        self.apply_appearance()
        self.retranslate()
        # Once the screen is painted: the screen in view has formatted what
        # it shows, and the texts and CLDR data of the others are let go of.
        QTimer.singleShot(0, self, release_language_data)

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
        self.slow_speech.setText(t.gettext(N_("Slower reading")))
        self.slow_speech.setAccessibleName(t.gettext(N_("Read aloud more slowly")))
        self.close_button.setToolTip(self.close_button.accessibleName())
        self.lock_button.setToolTip(self.lock_button.accessibleName())
        self.contrast.setToolTip(self.contrast.accessibleName())
        for b, sequence in self._keys.items():
            b.setShortcut(QKeySequence(sequence))  # after setText, which resets it
            # The key is shown where the mouse rests and said with the button.
            keys = b.shortcut().toString(QKeySequence.NativeText)
            b.setToolTip(f"{b.toolTip()} ({keys})")
            b.setAccessibleDescription(t.render(Message(N_("Shortcut: {keys}"), {"keys": keys})))
        self._update_topbar()
        # The screen in view now; the others when they come into view (go()).
        current = self.stack.currentWidget()
        for view, screen in self.screens.items():
            if screen is current or self.view == "":
                screen.retranslate()
                self._stale.discard(view)
            else:
                self._stale.add(view)
        self._update_read_buttons()
        self.topbar_layout.invalidate()
        self.update_title()

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
        self._silence()  # the person moved on
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
        self.update_title()
        if self.reading:
            self.read_page()

    def update_title(self) -> None:
        """The title names the page and step: the first thing a screen
        reader says when the window changes, and a sign that it did."""
        screen = self.stack.currentWidget() if hasattr(self, "stack") else None
        page = screen.window_title() if screen is not None else ""
        self.setWindowTitle(f"{page} \u2014 {APP_NAME}" if page else APP_NAME)

    def unlocked(self) -> None:
        """The passphrase was accepted: back where the lock found us, or the list."""
        s = self.session
        self.idle_lock.set_minutes(s.idle_minutes())
        self.idle_lock.enabled = True
        self.set_slow_speech(s.slow_speech())
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
        # The next client starts with reading off, as every client does.
        self.set_reading(False)
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
        self.set_reading(False)
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

    # -- reading aloud -----------------------------------------------------------------------
    @property
    def reader(self):
        if self._reader is None:
            from .speech.reader import Reader

            self._reader = Reader()
            self._reader.slow = self.slow_speech.isChecked()
        return self._reader

    def _silence(self) -> None:
        if self._reader is not None:
            self._reader.stop()

    def set_reader(self, reader) -> None:
        """Use another reader (a test's, with a recording player)."""
        self._silence()
        self._reader = reader
        reader.slow = self.slow_speech.isChecked()
        self._update_read_buttons()

    def _read_buttons(self) -> list[QPushButton]:
        return [s.read for s in self.screens.values() if hasattr(s, "read")]

    def _update_read_buttons(self, load: bool = False) -> None:
        buttons = self._read_buttons()
        if self._reader is None and not buttons and not load:
            # Nothing to read yet: the top bar's "slower" waits for the reader.
            self.slow_speech.setEnabled(False)
            self.read_shortcut.setEnabled(False)
            return
        t = self.session.t
        available = self.reader.is_available()
        if available:
            tip = t.render(Message(N_("Read this page aloud, and each choice you move to ({key}). Press again to stop."),
                                   {"key": READ_ALOUD_KEY}))
        elif self.reader.has_engine:
            tip = t.gettext(N_("Reading aloud is off: no sound device was found on this computer."))
        else:
            tip = t.gettext(N_("Reading aloud is off: the voices are missing from this installation."))
        color = current_theme().colors.text
        for b in buttons:
            b.setText(t.gettext(N_("Read aloud")))
            b.setAccessibleName(b.text())
            b.setAccessibleDescription(tip)
            b.setToolTip(tip)
            b.setIcon(icons.speaker(color))
            b.setEnabled(available)
            b.setChecked(self.reading and available)
        self.slow_speech.setEnabled(available)
        self.slow_speech.setToolTip(self.slow_speech.accessibleName() if available else tip)
        self.read_shortcut.setEnabled(available)

    def _read_key(self) -> None:
        if any(b.isVisible() for b in self._read_buttons()):
            self.set_reading(not self.reading)

    def set_reading(self, on: bool) -> None:
        """Turn reading aloud on (reads the page now) or off (silence now)."""
        on = bool(on) and self.reader.is_available()
        self.reading = on
        for b in self._read_buttons():
            if b.isChecked() != on:
                b.setChecked(on)
        if on:
            self.read_page()
        else:
            self._silence()

    def read_page(self) -> None:
        screen = self.stack.currentWidget()
        parts = screen.speech_parts() if screen is not None else []
        if parts:
            self._speak(parts)
        else:
            self._silence()

    def read_focused(self, text: str) -> None:
        if self.reading and text:
            self._speak([text])

    def _speak(self, parts: list[str]) -> None:
        if not self.reader.speak(parts, self.session.lang) and not self.reader.is_available():
            # The voices are loaded at the first reading; if they would not
            # load, the buttons say so from now on, as when none were found.
            self.set_reading(False)
            self._update_read_buttons()

    def set_slow_speech(self, on: bool) -> None:
        if self._reader is not None:  # else the reader takes it from the button when made
            self._reader.slow = bool(on)
        if self.slow_speech.isChecked() != bool(on):
            self.slow_speech.setChecked(bool(on))
            return  # toggled() comes back here
        if self.session.slow_speech() != bool(on):
            self.session.set_slow_speech(bool(on))

    # -- messages -------------------------------------------------------------------------------
    def _message_box(self, message: Message):
        # Imported here: importing QMessageBox makes its enums, and the first
        # screen has no message box.
        from PySide6.QtWidgets import QMessageBox

        t = self.session.t
        box = QMessageBox(self)
        box.setWindowTitle(APP_NAME)
        box.setTextFormat(Qt.PlainText)
        box.setText(directed(t.render(message), t.is_rtl))
        return box

    def confirm(self, message: Message, yes: str, no: str, danger: bool = False) -> bool:
        t = self.session.t
        box = self._message_box(message)
        box.setIcon(box.Icon.Warning if danger else box.Icon.Question)
        yes_b = box.addButton(t.gettext(yes), box.ButtonRole.AcceptRole)
        no_b = box.addButton(t.gettext(no), box.ButtonRole.RejectRole)
        if danger:
            yes_b.setProperty("role", "danger")
        box.setDefaultButton(no_b)  # Enter never deletes by accident
        box.setEscapeButton(no_b)
        box.exec()
        return box.clickedButton() is yes_b

    def inform(self, message: Message) -> None:
        box = self._message_box(message)
        box.addButton(self.session.t.gettext(N_("OK")), box.ButtonRole.AcceptRole)
        box.exec()

    def announce(self, text: str) -> None:
        """Have a screen reader say a message that appeared (an error)."""
        if text and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    # -- closing -------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self._silence()
        self._forget_client()
        self.session.shutdown()
        self.idle_lock.stop()
        super().closeEvent(event)
