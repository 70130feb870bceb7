"""A country, found by typing part of its name in the person's language, in
English, or its two-letter code.

Names come from CLDR through the Translator. In the scripts a volunteer may
not read, each name is followed by its English name, so both can find it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from ...i18n import Translator
from ...logic.countries import country_codes, country_name
from ...logic.questions import NOT_SURE, NOT_SURE_LABEL, Question
from ...logic.text import N_
from ..direction import directed
from .answer_input import AnswerInput
from .cards import CheckCard
from .labels import wrap_label

LATIN_LANGS = ("en", "es")


def fold(text: str) -> str:
    """Search form: case and accents ignored ("peru" finds "Perú")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class CountryInput(AnswerInput):
    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.t: Translator | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("country_search")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("country_list")
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.chosen = wrap_label(role="ok")
        self.not_sure = CheckCard(NOT_SURE_LABEL, self)
        self.not_sure.setObjectName("answer_not_sure")
        self._layout.addWidget(self.search)
        self._layout.addWidget(self.list)
        self._layout.addWidget(self.chosen)
        self._layout.addWidget(self.error_label)
        self._layout.addWidget(self.not_sure)
        self.chosen.hide()
        self._value: Any = None
        self._filling = False

        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._current_changed)
        self.not_sure.clicked.connect(self._not_sure_clicked)

    def _fill(self) -> None:
        t = self.t
        self._filling = True
        self.list.clear()
        rows = []
        for code in country_codes():
            local = t.country_name(code)
            english = country_name(code, "en")
            shown = local if t.lang in LATIN_LANGS or local == english else f"{local} ({t.isolate(english)})"
            rows.append((fold(local), shown, code, fold(english)))
        rows.sort()
        for key, shown, code, english in rows:
            item = QListWidgetItem(directed(shown, t.is_rtl))
            item.setData(Qt.UserRole, code)
            item.setData(Qt.UserRole + 1, f"{key}\n{english}\n{code.casefold()}")
            self.list.addItem(item)
            if code == self._value:
                self.list.setCurrentItem(item)
        self._filling = False
        self._filter(self.search.text())
        self._size_list()

    def _size_list(self) -> None:
        rows = 6
        h = self.list.fontMetrics().height() + 14
        self.list.setMinimumHeight(h * rows)
        self.list.setMaximumHeight(h * rows + 4)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        first_visible = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.data(Qt.UserRole + 1)
            hidden = bool(words) and not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.list.currentItem()
        if words and first_visible is not None and (current is None or current.isHidden()):
            self.list.scrollToItem(first_visible)

    def _current_changed(self, item, _previous) -> None:
        if self._filling or item is None:
            return
        code = item.data(Qt.UserRole)
        self.not_sure.setChecked(False)
        self.answered.emit(code)

    def _not_sure_clicked(self, checked: bool) -> None:
        if checked:
            self._filling = True
            self.list.setCurrentItem(None)
            self.list.clearSelection()
            self._filling = False
            self.answered.emit(NOT_SURE)

    def accepted(self, value: Any) -> None:
        self._value = value
        self._show_chosen()

    def set_value(self, value: Any) -> None:
        self._value = value
        self.not_sure.setChecked(value == NOT_SURE)
        if self.t:
            self._fill()
        self._show_chosen()

    def _show_chosen(self) -> None:
        if self.t and isinstance(self._value, str) and self._value != NOT_SURE:
            self.chosen.setText(self.t.country_name(self._value))
            self.chosen.show()
        else:
            self.chosen.hide()

    def retranslate(self, t: Translator) -> None:
        self.t = t
        self.search.setPlaceholderText(t.gettext(N_("Type part of the country's name")))
        self.search.setAccessibleName(t.gettext(N_("Search for a country")))
        self.list.setAccessibleName(t.gettext(N_("Countries")))
        self.not_sure.set_card_text(t.gettext(NOT_SURE_LABEL))
        self._fill()
        self._show_chosen()

    def focus_target(self) -> QWidget:
        return self.search
