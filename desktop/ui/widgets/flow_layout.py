"""A layout that wraps its items onto more lines when they do not fit.

The top bar holds six controls; at 200% text on a 1024 px screen they do not
fit on one line, and a clipped "Language" button would strand a person in
the wrong language.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout


class FlowLayout(QLayout):
    def __init__(self, parent=None, spacing: int = 8):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self._stretch_after: set[int] = set()

    # -- QLayout API -------------------------------------------------------------
    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def addWidget(self, widget) -> None:  # noqa: N802
        super().addWidget(widget)

    def add_break(self) -> None:
        """Push the following items to the end of the line (like a stretch)."""
        self._stretch_after.add(len(self._items) - 1)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientations(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        w = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        h = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self):
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _do_layout(self, rect: QRect, apply: bool) -> int:  # noqa: C901
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list] = [[]]
        x = 0
        for index, item in enumerate(self._items):
            if item.widget() and item.widget().isHidden():
                continue
            w = min(_natural_width(item), area.width())
            if lines[-1] and x + w > area.width():
                lines.append([])
                x = 0
            lines[-1].append((index, item, w))
            x += w + self._spacing
        y = area.y()
        rtl = self.parentWidget() is not None and self.parentWidget().isRightToLeft()
        for line in lines:
            if not line:
                continue
            height = max(_height(i, w) for _, i, w in line)
            used = sum(w for _, _, w in line) + self._spacing * (len(line) - 1)
            free = max(0, area.width() - used)
            x = area.x()
            for index, item, w in line:
                if apply:
                    h = _height(item, w)
                    geo = QRect(x, y + (height - h) // 2, w, h)
                    if rtl:
                        geo.moveLeft(area.x() + area.right() - geo.right())
                    item.setGeometry(geo)
                x += w + self._spacing
                if index in self._stretch_after:
                    x += free
                    free = 0
            y += height + self._spacing
        return y - self._spacing - rect.y() + m.bottom()


def _natural_width(item) -> int:
    """A wrapping label asks for its whole text on one line when that fits;
    QLabel's own size hint would wrap it at an arbitrary width."""
    widget = item.widget()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        m = widget.contentsMargins()
        lines = widget.text().split("\n")
        text_w = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
        return text_w + m.left() + m.right() + 2 * widget.margin() + 4
    return item.sizeHint().width()


def _height(item, width: int) -> int:
    return item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
