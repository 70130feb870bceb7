"""A date, typed as year-month-day or picked on a calendar.

Typing is the fast way for a volunteer with the paper in hand; the calendar
is for a person who cannot type. Digits in the person's own script are read
too (২০২৬-০৩-১৫). The chosen date is repeated below in the person's language,
so both can check it before going on.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (QCalendarWidget, QDialog, QHBoxLayout, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ...i18n import Translator
from ...logic.dates import parse_iso
from ...logic.questions import NOT_SURE, NOT_SURE_LABEL, Question
from ...logic.text import Message, N_
from .answer_input import AnswerInput
from .cards import CheckCard
from .labels import wrap_label

# Checked while typing only once the day has two digits: "2026-11-0" on the
# way to "2026-11-05" must not flash "this date does not exist". A one-digit
# day is checked when the field is left or Next is pressed.
_COMPLETE = re.compile(r"^\s*(\d{4})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{2})\s*$")
_LOOSE = re.compile(r"^\s*(\d{4})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*$")
EXAMPLE = "2026-03-15"


def latin_digits(text: str) -> str:
    out = []
    for ch in text:
        d = unicodedata.digit(ch, None) if not ch.isascii() else None
        out.append(str(d) if d is not None else ch)
    return "".join(out)


def candidate(text: str, final: bool = False) -> str | None:
    """ISO text for a complete typed date, else None (still typing)."""
    m = (_LOOSE if final else _COMPLETE).match(latin_digits(text))
    if not m:
        return None
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}"


class DateInput(AnswerInput):
    def __init__(self, question: Question, today: dt.date, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.today = today
        self.t: Translator | None = None
        self.hint = wrap_label(role="muted")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("date_edit")
        self.edit.setMaxLength(24)
        self.edit.setPlaceholderText(EXAMPLE)
        # Dates are written year-month-day in every language here: keep the
        # field left to right inside Urdu so the digits do not reorder.
        self.edit.setLayoutDirection(Qt.LeftToRight)
        self.edit.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.pick = QPushButton(self)
        self.pick.setObjectName("date_pick")
        self.pick.setAutoDefault(True)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.edit, 2)
        row.addWidget(self.pick, 1)
        self.confirm = wrap_label(role="ok")
        self.confirm.setObjectName("date_confirm")
        self.not_sure = CheckCard(NOT_SURE_LABEL, self)
        self.not_sure.setObjectName("answer_not_sure")
        self._layout.addWidget(self.hint)
        self._layout.addLayout(row)
        self._layout.addWidget(self.confirm)
        self._layout.addWidget(self.error_label)
        self._layout.addWidget(self.not_sure)
        self.confirm.hide()
        self._value: Any = None

        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._finished)
        self.pick.clicked.connect(self._open_calendar)
        self.not_sure.clicked.connect(self._not_sure_clicked)

    # -- events --------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        iso = candidate(text)
        if iso:
            self.not_sure.setChecked(False)
            self.answered.emit(iso)
        else:
            self.show_error(None)
            self._show_confirm(None)

    def _finished(self) -> None:
        text = self.edit.text().strip()
        if not text or candidate(text) is not None:
            return
        iso = candidate(text, final=True)
        if iso and iso == self._value:
            return
        self.answered.emit(iso or latin_digits(text))  # the screen explains a bad form

    def _not_sure_clicked(self, checked: bool) -> None:
        if checked:
            self.edit.clear()
            self.show_error(None)
            self._show_confirm(None)
            self.answered.emit(NOT_SURE)

    def _open_calendar(self) -> None:
        start = parse_iso(self._value) if isinstance(self._value, str) else None
        # The judge's leave-by date may lie ahead; every other date is past.
        latest = self.today.replace(year=self.today.year + 5) if self.question.future else self.today
        picked = CalendarDialog.ask(self, self.t, start or self.today, latest)
        if picked:
            self.edit.setText(picked.isoformat())
            self.not_sure.setChecked(False)
            self.answered.emit(picked.isoformat())
            self.edit.setFocus()

    # -- API ---------------------------------------------------------------------------
    def accepted(self, value: Any) -> None:
        """Called by the screen once a value is saved."""
        self._value = value
        day = parse_iso(value) if isinstance(value, str) else None
        self._show_confirm(day)

    def set_value(self, value: Any) -> None:
        self._value = value
        day = parse_iso(value) if isinstance(value, str) else None
        self.edit.setText(day.isoformat() if day else "")
        self.not_sure.setChecked(value == NOT_SURE)
        self._show_confirm(day)

    def pending_text(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        iso = candidate(text, final=True)
        if iso and iso == self._value:
            return None
        return iso or latin_digits(text)

    def _show_confirm(self, day: dt.date | None) -> None:
        if day and self.t:
            self.confirm.setText(self.t.render(Message(N_("The date you gave: {date}"), {"date": day})))
            self.confirm.show()
        else:
            self.confirm.clear()
            self.confirm.hide()

    def show_error(self, text: str | None) -> None:
        super().show_error(text)
        if text:
            self._show_confirm(None)

    def retranslate(self, t: Translator) -> None:
        self.t = t
        hint = t.render(Message(N_("Type the date as year-month-day, for example {example}, or choose it on the calendar."),
                                {"example": t.digits(EXAMPLE)}))
        self.hint.setText(hint)
        # The example in the digits the person reads (CLDR's numbering for
        # the language); the field reads those digits as well as Latin ones.
        self.edit.setPlaceholderText(t.digits(EXAMPLE))
        self.edit.setAccessibleName(t.gettext(N_("Date, as year-month-day")))
        self.pick.setText(t.gettext(N_("Choose on a calendar")))
        self.pick.setAccessibleName(self.pick.text())
        self.not_sure.set_card_text(t.gettext(NOT_SURE_LABEL))
        day = parse_iso(self._value) if isinstance(self._value, str) else None
        self._show_confirm(day)

    def instructions(self, t: Translator) -> str:
        return self.hint.text()

    def focus_target(self) -> QWidget:
        return self.edit


class CalendarDialog(QDialog):
    def __init__(self, parent: QWidget, t: Translator, start: dt.date, latest: dt.date):
        super().__init__(parent)
        self.setWindowTitle(t.gettext(N_("Choose a date")))
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setLocale(QLocale(t.lang))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        self.calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.calendar.setMinimumDate(QDate(1900, 1, 1))
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.setAccessibleName(t.gettext(N_("Calendar")))
        self.calendar.setAccessibleDescription(
            t.gettext(N_("Use the arrow keys to move between days, Page Up and Page Down for months, and Enter to choose.")))
        # Qt's navigation buttons carry only an arrow or a number: name them.
        for child, name in (("qt_calendar_prevmonth", N_("Previous month")), ("qt_calendar_nextmonth", N_("Next month")),
                            ("qt_calendar_monthbutton", N_("Choose the month")),
                            ("qt_calendar_yearbutton", N_("Choose the year"))):
            button = self.calendar.findChild(QWidget, child)
            if button is not None:
                button.setAccessibleName(t.gettext(name))
                button.setToolTip(t.gettext(name))
        ok = QPushButton(t.gettext(N_("Choose this date")), self)
        ok.setProperty("role", "primary")
        ok.setDefault(True)
        cancel = QPushButton(t.gettext(N_("Cancel")), self)
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.calendar.activated.connect(lambda _d: self.accept())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        lay = QVBoxLayout(self)
        lay.addWidget(self.calendar)
        lay.addLayout(buttons)

    def chosen(self) -> dt.date:
        d = self.calendar.selectedDate()
        return dt.date(d.year(), d.month(), d.day())

    @classmethod
    def ask(cls, parent: QWidget, t: Translator, start: dt.date, latest: dt.date) -> dt.date | None:
        dlg = cls(parent, t, start, latest)
        return dlg.chosen() if dlg.exec() == QDialog.Accepted else None
