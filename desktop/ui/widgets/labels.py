"""Labels that wrap and never interpret markup.

Client names and translated text go into plain-text labels only: a name
typed with "<" must not turn into HTML, and every text must wrap so that 200%
text on a 1024 px screen is never cut.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSizePolicy, QWidget

from ..direction import directed, undirected


# Styles that mark a heading: screen readers list and jump by headings.
HEADING_ROLES = ("title", "heading", "prompt", "group")


class _DirectedText:
    """Text laid out right to left in an RTL window whatever its first
    character is (see desktop.ui.direction); text() gives it back without
    the marks."""

    def _rtl(self) -> bool:
        return self.isRightToLeft()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(directed(text, self._rtl()))

    def text(self) -> str:
        return undirected(super().text())

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.LayoutDirectionChange:
            self.setText(self.text())


class WrapLabel(_DirectedText, QLabel):
    """QLabel that remembers its height for a width.

    Layouts ask a wrapped label's height for the same few widths many times
    per pass, and QLabel lays the text out again for each question. For
    Nastaliq that is slow enough (milliseconds a label) to make a results
    page or a language switch take seconds; the answer only changes with the
    text or the font.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hfw: dict[int, int] = {}

    # Keyed by the width alone and emptied when the text or the font
    # changes: a key of (width, text, font) cost a string and a font copy
    # per question, thousands of them on a language switch.
    def setText(self, text: str) -> None:  # noqa: N802
        self._hfw.clear()
        super().setText(text)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self._hfw.clear()
        super().setWordWrap(on)

    def changeEvent(self, event) -> None:  # noqa: N802
        # What else changes the height at a width: the font, the style, the direction.
        if event.type() in (QEvent.FontChange, QEvent.StyleChange, QEvent.LayoutDirectionChange):
            self._hfw.clear()
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._hfw.get(width)
        if height is None:
            if len(self._hfw) > 32:
                self._hfw.clear()
            height = super().heightForWidth(width)
            self._hfw[width] = height
        return height


def wrap_label(text: str = "", role: str | None = None, parent: QWidget | None = None,
               selectable: bool = False) -> QLabel:
    label = WrapLabel(parent)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
    policy.setHeightForWidth(True)  # a plain setSizePolicy would drop what setWordWrap set
    label.setSizePolicy(policy)
    if role:
        label.setProperty("role", role)
        if role in HEADING_ROLES:
            label.setProperty("a11y_role", "heading")  # see desktop.ui.accessibility
    if selectable:
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Change a style role after the widget was polished."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class DirectedButton(_DirectedText, QPushButton):
    """A push button whose text is right to left in an RTL window, as
    WrapLabel's is, whatever its first character. The window's direction,
    not the button's: a "next" button is turned left to right only to put
    its arrow after the words."""

    def _rtl(self) -> bool:
        return QApplication.layoutDirection() == Qt.RightToLeft
