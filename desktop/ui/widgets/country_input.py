"""A country, found by typing part of its name in the person's language, in
English, or its two-letter code.

Names come from CLDR through the Translator. In the scripts a volunteer may
not read, each name is followed by its English name, so both can find it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from ...i18n import Translator
from ...logic.countries import country_codes, country_name
from ...logic.questions import NOT_SURE, NOT_SURE_LABEL, Question
from ...logic.text import Message, N_
from ..direction import directed
from .answer_input import AnswerInput
from .cards import CheckCard
from .labels import wrap_label

LATIN_LANGS = ("en", "es")
CHOOSE_HOW = N_("Move with the arrow keys, then press Space or Enter to choose a country.")
CHOSEN = N_("Chosen: {country}")
NOT_CHOSEN_YET = N_("No country is chosen yet. Choose one in the list with Space or Enter, or choose \"I'm not sure\".")


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

        # Only Space, Enter or a click choose: the audit's screen reader
        # user saved a country by merely tabbing into the list, and a filter
        # then hid it while it stayed chosen.
        self.search.textChanged.connect(self._filter)
        self.list.itemClicked.connect(self._choose)
        self.list.installEventFilter(self)
        self.search.installEventFilter(self)
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
        if current is not None and current.isHidden():
            # A hidden row must not stay the list's current one: Enter on the
            # list would choose what the person cannot see.
            self._filling = True
            self.list.setCurrentItem(None)
            self.list.clearSelection()
            self._filling = False
            current = None
        if words and first_visible is not None and current is None:
            self.list.scrollToItem(first_visible)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.KeyPress:
            key = event.key()
            if obj is self.list and key in (Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter):
                item = self.list.currentItem()
                if item is not None and not item.isHidden() and item.data(Qt.UserRole) != self._value:
                    self._choose(item)
                # Space stays here; Enter goes on to Next, as on every question.
                return key == Qt.Key_Space
            elif obj is self.search and key == Qt.Key_Down:
                # From the filter straight into what it found.
                first = next((self.list.item(i) for i in range(self.list.count())
                              if not self.list.item(i).isHidden()), None)
                if first is not None:
                    self.list.setFocus(Qt.OtherFocusReason)
                    if self.list.currentItem() is None:
                        self.list.setCurrentItem(first)
                    return True
        return super().eventFilter(obj, event)

    def _choose(self, item) -> None:
        if self._filling or item is None or item.isHidden():
            return
        self.not_sure.setChecked(False)
        self.answered.emit(item.data(Qt.UserRole))

    def typed_but_not_chosen(self) -> Message | None:
        """Something typed in the filter but no country chosen: asked, not skipped."""
        if self._value is None and self.search.text().strip() and not self.not_sure.isChecked():
            return Message(NOT_CHOSEN_YET)
        return None

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

    def chosen_text(self) -> str:
        if self.t and isinstance(self._value, str) and self._value != NOT_SURE:
            return self.t.render(Message(CHOSEN, {"country": self.t.country_name(self._value)}))
        return ""

    def _show_chosen(self) -> None:
        text = self.chosen_text()
        self.chosen.setText(text)
        self.chosen.setVisible(bool(text))
        self._describe()

    def _describe(self) -> None:
        # What is chosen is said wherever the focus is in the picker.
        if self.t is None:
            return
        how = self.t.gettext(CHOOSE_HOW)
        parts = [p for p in (self.chosen_text(), self.error_label.text() if self.error_label.isVisible() else "", how) if p]
        self.list.setAccessibleDescription(" ".join(parts))
        self.search.setAccessibleDescription(" ".join(parts))

    def show_error(self, text: str | None) -> None:
        super().show_error(text)
        self._describe()

    def retranslate(self, t: Translator) -> None:
        self.t = t
        self.search.setPlaceholderText(t.gettext(N_("Type part of the country's name")))
        self.search.setAccessibleName(t.gettext(N_("Search for a country")))
        self.list.setAccessibleName(t.gettext(N_("Countries")))
        self.not_sure.set_card_text(t.gettext(NOT_SURE_LABEL))
        self._fill()
        self._show_chosen()

    def instructions(self, t: Translator) -> str:
        return t.gettext(CHOOSE_HOW)

    def focus_target(self) -> QWidget:
        return self.search
