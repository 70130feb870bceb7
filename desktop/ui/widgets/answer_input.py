"""The answer inputs of the question screen, one class per question type.

An input only turns what the person did into a candidate value and emits
`answered`; the question screen checks it (desktop.logic.validation), saves
it and hands any error back with `show_error`. Every type offers "I'm not
sure": the catalog's own option when the question has one, otherwise the
wizard's, stored as "not_sure".
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from ...i18n import Translator
from ...logic.questions import NOT_SURE, NOT_SURE_LABEL, Question
from ...logic.text import N_
from ..accessibility import set_a11y_role
from .cards import CheckCard, RadioCard
from .labels import wrap_label


MULTI_HINT = N_("Choose all that fit. If none fit, choose nothing and press Next.")


class AnswerInput(QWidget):
    answered = Signal(object)

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        # The question is the group's name and its help the description:
        # what a screen reader says when the focus enters the answers.
        set_a11y_role(self, "group")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self.error_label = wrap_label(role="error")
        self.error_label.hide()

    # -- for the question screen -------------------------------------------------
    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value_on_next(self) -> Any:
        """A value to save when Next is pressed with nothing chosen (or None)."""
        return None

    def instructions(self, t: Translator) -> str:
        """How to answer, said with the question (not only shown)."""
        return ""

    def pending_text(self) -> str | None:
        """Typed text that was not accepted yet (dates), to check on Next."""
        return None

    def retranslate(self, t: Translator) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self

    def show_error(self, text: str | None) -> None:
        if text:
            self.error_label.setText(text)
            self.error_label.show()
        else:
            self.error_label.clear()
            self.error_label.hide()
        self.focus_target().setAccessibleDescription(text or "")


class ChoiceInput(AnswerInput):
    """choice and yes_no: one card per option, Space or a click chooses."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.cards: dict[str, RadioCard] = {}
        options = [(o.id, o.label) for o in question.options]
        if not question.has_own_not_sure:
            options.append((NOT_SURE, NOT_SURE_LABEL))
        for value, label in options:
            card = RadioCard(label, self)
            card.setObjectName(f"answer_{value}")
            card.setProperty("label_msgid", label)
            self.group.addButton(card)
            self.cards[value] = card
            self._layout.addWidget(card)
            card.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
        self._layout.addWidget(self.error_label)

    def set_value(self, value: Any) -> None:
        card = self.cards.get(value) if isinstance(value, str) else None
        if card is None:
            self.group.setExclusive(False)
            for c in self.cards.values():
                c.setChecked(False)
            self.group.setExclusive(True)
        else:
            card.setChecked(True)

    def retranslate(self, t: Translator) -> None:
        for card in self.cards.values():
            card.set_card_text(t.gettext(card.property("label_msgid")))

    def focus_target(self) -> QWidget:
        # Not QButtonGroup.checkedButton(): with nothing checked, PySide 6.12
        # mis-counts the None it returns and aborts the interpreter.
        for card in self.cards.values():
            if card.isChecked():
                return card
        return next(iter(self.cards.values()))


class MultiInput(AnswerInput):
    """multi: check boxes; an empty list means "none of these". The wizard's
    own "I'm not sure" excludes the other boxes."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.cards: dict[str, CheckCard] = {}
        self.hint = wrap_label(role="muted")
        self._layout.addWidget(self.hint)
        for o in question.options:
            self._add(o.id, o.label)
        self.own_not_sure = question.has_own_not_sure
        if not self.own_not_sure:
            self._add(NOT_SURE, NOT_SURE_LABEL)
        self._layout.addWidget(self.error_label)
        self._touched = False

    def _add(self, value: str, label: str) -> None:
        card = CheckCard(label, self)
        card.setObjectName(f"answer_{value}")
        card.setProperty("label_msgid", label)
        self.cards[value] = card
        self._layout.addWidget(card)
        card.clicked.connect(lambda checked=False, v=value: self._clicked(v, checked))

    def _clicked(self, value: str, checked: bool) -> None:
        self._touched = True
        if not self.own_not_sure:
            if value == NOT_SURE and checked:
                for v, c in self.cards.items():
                    if v != NOT_SURE:
                        c.setChecked(False)
                self.answered.emit(NOT_SURE)
                return
            if value != NOT_SURE and checked:
                self.cards[NOT_SURE].setChecked(False)
        self.answered.emit(self.current())

    def current(self) -> list[str]:
        return [v for v, c in self.cards.items() if c.isChecked() and not (v == NOT_SURE and not self.own_not_sure)]

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for v, c in self.cards.items():
            c.setChecked(v in chosen)
        if not self.own_not_sure:
            self.cards[NOT_SURE].setChecked(value == NOT_SURE)
        self._touched = value is not None

    def value_on_next(self) -> Any:
        # Nothing ticked and Next pressed: the person says none of these apply.
        return None if self._touched else []

    def instructions(self, t: Translator) -> str:
        return t.gettext(MULTI_HINT)

    def retranslate(self, t: Translator) -> None:
        self.hint.setText(t.gettext(MULTI_HINT))
        for card in self.cards.values():
            card.set_card_text(t.gettext(card.property("label_msgid")))

    def focus_target(self) -> QWidget:
        return next(iter(self.cards.values()))
