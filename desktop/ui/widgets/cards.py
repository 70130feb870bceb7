"""Large answer cards: a radio button or check box whose whole surface is
the target and whose text wraps.

Qt's own QRadioButton neither wraps nor grows with its text, and its target
is the small circle plus one line; answer labels here are whole sentences in
any script at up to 200%. The cards keep the QRadioButton/QCheckBox classes
so screen readers announce them as radio buttons and check boxes, with their
checked state.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QWidget

from ..fonts import LATIN
from ..theme import current_theme
from .labels import wrap_label


class _CardMixin:
    _indicator_round = True

    def _setup_card(self, text: str) -> None:
        self.setText("")  # the label below draws the text, wrapped
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        self.setAttribute(Qt.WA_Hover, True)
        self._label = wrap_label(text)
        self._label.setAttribute(Qt.WA_TransparentForMouseEvents, True)
        self._label.setFocusPolicy(Qt.NoFocus)
        self._layout = QHBoxLayout(self)
        self._spacer = QWidget(self)
        self._spacer.setAttribute(Qt.WA_TransparentForMouseEvents, True)
        self._layout.addWidget(self._spacer)
        self._layout.addWidget(self._label, 1)
        self._update_metrics()
        self.set_card_text(text)

    def _update_metrics(self) -> None:
        # Sized from a Latin font at the same size: Nastaliq's very tall line
        # would make the circle twice as large as in the other languages.
        latin = QFont(LATIN)
        latin.setPointSizeF(self.font().pointSizeF())
        h = QFontMetrics(latin).height()
        pad = max(8, h // 2)
        self._ind = max(16, int(h * 0.9))
        self._pad = pad
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(pad)
        self._spacer.setFixedWidth(self._ind)

    def set_card_text(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def card_text(self) -> str:
        return self._label.text()

    # -- geometry: from the layout, so wrapped text gets its height ----------
    def sizeHint(self) -> QSize:  # noqa: N802
        return self._layout.totalSizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self._layout.totalMinimumSize()
        return QSize(min(hint.width(), 120), hint.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout.totalHeightForWidth(width)

    def hitButton(self, pos) -> bool:  # noqa: N802
        return self.rect().contains(pos)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._update_metrics()
            self.updateGeometry()
        if event.type() == event.Type.StyleChange and self.focusPolicy() != Qt.StrongFocus:
            # Measured: after a restyle the style hint drops Tab focus from
            # radio buttons and check boxes; every answer must be reachable
            # with Tab (or the arrow keys) alone.
            self.setFocusPolicy(Qt.StrongFocus)

    def paintEvent(self, event) -> None:  # noqa: N802
        pal = self.palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing, True)
        checked = self.isChecked()
        focus = self.hasFocus()
        text = pal.color(pal.ColorRole.Text)
        accent = pal.color(pal.ColorRole.Highlight)
        base = pal.color(pal.ColorRole.Base)
        fill = QColor(base)
        if checked:
            fill = _mix(base, accent, 0.16)
        elif self.underMouse():
            fill = _mix(base, accent, 0.06)
        colors = current_theme().colors
        border = QColor(colors.focus) if focus else (accent if checked else QColor(colors.border))
        width = 4 if focus else (3 if checked else 2)
        r = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        p.setPen(QPen(border, width))
        p.setBrush(fill)
        p.drawRoundedRect(r, 8, 8)

        # The indicator sits at the reading start: left, or right in Urdu.
        size = self._ind
        first_line = min(self._label.fontMetrics().height(), self._label.height())
        y = self._label.geometry().top() + max(0, (first_line - size) // 2)
        x = self._spacer.geometry().left()
        box = QRectF(x, y, size, size).adjusted(1, 1, -1, -1)
        p.setPen(QPen(text if not checked else accent, 2))
        p.setBrush(base)
        if self._indicator_round:
            p.drawEllipse(box)
            if checked:
                p.setPen(Qt.NoPen)
                p.setBrush(accent)
                p.drawEllipse(box.adjusted(size * 0.25, size * 0.25, -size * 0.25, -size * 0.25))
        else:
            p.drawRoundedRect(box, 3, 3)
            if checked:
                p.setBrush(accent)
                p.setPen(Qt.NoPen)
                p.drawRoundedRect(box, 3, 3)
                path = QPainterPath(QPointF(box.left() + size * 0.22, box.top() + size * 0.52))
                path.lineTo(box.left() + size * 0.42, box.top() + size * 0.72)
                path.lineTo(box.left() + size * 0.78, box.top() + size * 0.28)
                p.setPen(QPen(pal.color(pal.ColorRole.HighlightedText), max(2.0, size / 8)))
                p.setBrush(Qt.NoBrush)
                p.drawPath(path)
        p.end()


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class RadioCard(_CardMixin, QRadioButton):
    _indicator_round = True

    def __init__(self, text: str = "", parent: QWidget | None = None):
        QRadioButton.__init__(self, parent)
        self._setup_card(text)


class CheckCard(_CardMixin, QCheckBox):
    _indicator_round = False

    def __init__(self, text: str = "", parent: QWidget | None = None):
        QCheckBox.__init__(self, parent)
        self._setup_card(text)


def card_label(card) -> QLabel:
    return card._label  # noqa: SLF001 - for tests and screenshots
