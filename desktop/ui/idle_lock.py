"""Locks the window after a chosen time without keyboard, mouse or touch
input, so a volunteer called away does not leave a client's answers on a
shared screen."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT = {
    QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel,
    QEvent.TouchBegin, QEvent.TouchUpdate, QEvent.TabletPress,
}


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, app, minutes: int = 10, clock=time.monotonic):
        super().__init__()
        self._clock = clock
        self._last = clock()
        self._minutes = minutes
        self._enabled = False
        self._app = app
        self._timer = QTimer(self)
        # A coarse check instead of restarting a timer on every mouse move.
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, on: bool) -> None:
        # Watched only while a store is unlocked: an application-wide filter
        # in Python runs for every event of every object, and the first few
        # hundred (building the first screen) make PySide create the enums of
        # most of QtWidgets, about a fifth of the cold start.
        if on and not self._enabled:
            self._app.installEventFilter(self)
        elif self._enabled and not on:
            self._app.removeEventFilter(self)
        self._enabled = bool(on)

    def stop(self) -> None:
        self._timer.stop()
        self.enabled = False

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(1, int(minutes))

    @property
    def minutes(self) -> int:
        return self._minutes

    def touch(self) -> None:
        self._last = self._clock()

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802
        if event.type() in _INPUT:
            self._last = self._clock()
        return False

    def idle_seconds(self) -> float:
        return self._clock() - self._last

    def check(self) -> None:
        if self.enabled and self.idle_seconds() >= self._minutes * 60:
            self._last = self._clock()
            self.idle.emit()
