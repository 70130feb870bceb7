"""The row of section marks above each question: done, current, to come.
Drawn, not written, so it reads the same in every script; its accessible
text says it in words."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..theme import current_theme


class SectionSteps(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.count = 6
        self.index = 0
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setFocusPolicy(Qt.NoFocus)

    def set_step(self, index: int, count: int) -> None:
        self.index, self.count = index, count
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, max(12, round(12 * current_theme().scale)))

    def paintEvent(self, _event) -> None:  # noqa: N802
        colors = current_theme().colors
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing, True)
        gap = 6
        w = (self.width() - gap * (self.count - 1)) / max(1, self.count)
        h = self.height()
        for i in range(self.count):
            slot = i if not self.isRightToLeft() else self.count - 1 - i
            r = QRectF(slot * (w + gap), 1, w, h - 2)
            if i < self.index:
                p.setPen(Qt.NoPen)
                p.setBrush(QColor(colors.accent))
            elif i == self.index:
                p.setPen(QPen(QColor(colors.accent), 2))
                p.setBrush(QColor(colors.checked))
            else:
                p.setPen(QPen(QColor(colors.border), 1))
                p.setBrush(Qt.NoBrush)
            p.drawRoundedRect(r, h / 2 - 1, h / 2 - 1)
        p.end()
