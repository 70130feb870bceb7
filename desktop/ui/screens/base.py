"""What every screen shares: a scrolling body, a bar of buttons at the
bottom that never scrolls away, Enter for the main action, and the hooks the
window calls on a language switch, a lock and a closed client."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QPushButton, QRadioButton,
                               QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from ...i18n import Translator
from .. import icons
from ..theme import current_theme
from ..widgets.labels import DirectedButton

MAX_BODY_WIDTH = 1000  # at 100%; long lines are hard to read on a 1920 px screen


def step_focus(chain: list, current, forward: bool) -> bool:
    """Tab or Shift+Tab along our own focus chain: the next (or previous)
    stop after `current`, which is in the chain; False past either end."""
    i = chain.index(current) + (1 if forward else -1)
    if 0 <= i < len(chain):
        chain[i].setFocus(Qt.TabFocusReason if forward else Qt.BacktabFocusReason)
        return True
    return False


class Screen(QWidget):
    view_name = ""

    def __init__(self, window):
        super().__init__()
        self.win = window
        self.session = window.session
        self.setObjectName(f"screen_{self.view_name}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setFocusPolicy(Qt.NoFocus)
        holder = QWidget()
        # Height from height-for-width only: a wrapped label's minimum height
        # (at its narrowest) would otherwise leave pages of blank space below.
        holder.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        holder.installEventFilter(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.content = QWidget(holder)
        self.content.setObjectName("page")
        self.content.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        row.addStretch(0)
        row.addWidget(self.content, 1)
        row.addStretch(0)
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(24, 18, 24, 18)
        self.body.setSpacing(14)
        self.scroll.setWidget(holder)
        outer.addWidget(self.scroll, 1)

        self.navbar = QFrame(self)
        self.navbar.setProperty("role", "navbar")
        self.nav = QHBoxLayout(self.navbar)
        self.nav.setContentsMargins(16, 10, 16, 10)
        self.nav.setSpacing(12)
        outer.addWidget(self.navbar)
        self.appearance_changed()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        # Content built while the screen is showing does not make QScrollArea
        # measure it again; without this the new content is squeezed into
        # the old height.
        if event.type() == QEvent.LayoutRequest and obj is self.scroll.widget():
            QApplication.postEvent(self.scroll, QEvent(QEvent.LayoutRequest))
        return False

    @property
    def t(self) -> Translator:
        return self.session.t

    # -- helpers --------------------------------------------------------------------
    def button(self, name: str, role: str | None = None, parent: QWidget | None = None) -> QPushButton:
        b = DirectedButton(parent or self)
        b.setObjectName(name)
        b.setAutoDefault(True)  # Enter presses the focused button, as Space does
        if role:
            b.setProperty("role", role)
        return b

    def read_button(self) -> QPushButton:
        """The Read aloud toggle; the window keeps every screen's in step."""
        b = self.button("read_aloud")
        b.setCheckable(True)
        b.setAutoDefault(False)  # Enter on it would turn the reading off and on
        b.clicked.connect(lambda checked=False: self.win.set_reading(checked))
        return b

    def speech_parts(self) -> list[str]:
        """What Read aloud says on this screen, in order (screen texts)."""
        return []

    def back_icon(self, button: QPushButton) -> None:
        rtl = QApplication.layoutDirection() == Qt.RightToLeft
        button.setIcon(icons.arrow(current_theme().colors.text, pointing_left=not rtl))

    def next_icon(self, button: QPushButton) -> None:
        rtl = QApplication.layoutDirection() == Qt.RightToLeft
        colors = current_theme().colors
        color = colors.accent_text if button.property("role") == "primary" else colors.text
        button.setIcon(icons.arrow(color, pointing_left=rtl))
        # The arrow after the word, pointing the way the page turns.
        button.setLayoutDirection(Qt.LeftToRight if rtl else Qt.RightToLeft)

    def tab_chain(self) -> list[QWidget]:
        """The page top to bottom, then the buttons at the bottom; one stop
        for each group of radio answers (the arrow keys move inside it)."""
        chain: list[QWidget] = []
        groups_seen: set[int] = set()
        for w in self.content.findChildren(QWidget) + self.navbar.findChildren(QWidget):
            if not w.isVisibleTo(self) or not w.isEnabled():
                continue
            if isinstance(w, QRadioButton):
                group = w.group()
                key = id(group) if group is not None else id(w)
                if key in groups_seen:
                    continue
                groups_seen.add(key)
                chain.append(_checked_in_group(w))
            elif w.focusPolicy() != Qt.NoFocus and w.focusPolicy() != Qt.ClickFocus and w.focusProxy() is None:
                chain.append(w)
        return chain

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        # Our own order: content built after the screen (answers, result
        # cards, client rows) would otherwise come last in Qt's chain, and
        # Qt's setTabOrder drops Tab focus from grouped radio buttons.
        chain = self.tab_chain()
        current = QApplication.focusWidget()
        while current is not None and current not in chain and current is not self:
            if isinstance(current, QRadioButton) and current.group() is not None:
                current = _checked_in_group(current)
                break
            current = current.parentWidget()
        if current in chain:
            if step_focus(chain, current, forward):
                return True
            # Past either end of the page: on to the top bar, which is
            # outside the page (Tab used to cycle inside the page only).
            return self.win.focus_topbar(first=forward)
        return super().focusNextPrevChild(forward)

    def focus_page(self, first: bool = True) -> bool:
        """Focus the page's first (or last) stop; False if it has none."""
        chain = self.tab_chain()
        if not chain:
            return False
        target = chain[0] if first else chain[-1]
        target.setFocus(Qt.TabFocusReason if first else Qt.BacktabFocusReason)
        return True

    # -- hooks the window calls ---------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible text again from the current Translator."""

    def clear(self) -> None:
        """Forget everything about the client (closed, or the app locked)."""

    def drop_content(self) -> None:
        """Empty long generated lists before a restyle; retranslate() fills
        them again."""

    def entered(self) -> None:
        """The screen became the current one."""

    def window_title(self) -> str:
        """What the window's title says about this page (the screen and step)."""
        title = getattr(self, "title", None)
        return title.text() if title is not None else ""

    def default_action(self) -> None:
        """What Enter does when the focus is not on a button."""

    def appearance_changed(self) -> None:
        theme = current_theme()
        self.content.setMaximumWidth(round(MAX_BODY_WIDTH * theme.scale))
        m = theme.px(20)
        self.body.setContentsMargins(m, theme.px(14), m, theme.px(14))
        self.body.setSpacing(theme.px(12))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & (Qt.AltModifier | Qt.ControlModifier):
            self.default_action()
            event.accept()
            return
        if self.scroll_by_key(event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    def scroll_by_key(self, key, modifiers) -> bool:
        """Page Up/Down, Home/End (with or without Ctrl) scroll the page when
        the focused control has no use for them: at 200% most pages are
        taller than the window."""
        bar = self.scroll.verticalScrollBar()
        if modifiers & ~(Qt.ControlModifier | Qt.KeypadModifier):
            return False
        if key == Qt.Key_PageDown:
            bar.setValue(bar.value() + bar.pageStep())
        elif key == Qt.Key_PageUp:
            bar.setValue(bar.value() - bar.pageStep())
        elif key == Qt.Key_Home:
            bar.setValue(bar.minimum())
        elif key == Qt.Key_End:
            bar.setValue(bar.maximum())
        else:
            return False
        return True

    def show_focused(self, widget: QWidget) -> None:
        """Scroll so the focused control is on screen (Tab, arrows, a click)."""
        holder = self.scroll.widget()
        if widget is not None and holder is not None and holder.isAncestorOf(widget):
            margin = current_theme().px(24)
            if widget.height() + 2 * margin <= self.scroll.viewport().height():
                self.scroll.ensureWidgetVisible(widget, margin, margin)
            else:
                # Taller than the window: its start (the name, the heading)
                # near the top, where the rest of it can follow.
                top = widget.mapTo(holder, QPoint(0, 0)).y()
                bar = self.scroll.verticalScrollBar()
                if not 0 <= top - bar.value() <= self.scroll.viewport().height() // 4:
                    bar.setValue(top - margin)


def _checked_in_group(button):
    group = button.group()
    if group is None:
        return button
    for b in group.buttons():
        if b.isChecked():
            return b
    return group.buttons()[0]
