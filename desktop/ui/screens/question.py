"""One question at a time, in its section, with where the person is, why it
is asked, and "I'm not sure".

Which question comes next is the flow's decision (desktop.logic.flow); what
an acceptable answer is, is validation's. An answer is saved the moment it is
given and checked first: an impossible or contradictory date is explained at
once, in the person's language, and is not saved.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ...logic.text import Message, N_, Term
from ...logic.validation import AnswerError, check_value, conflicts_with
from ...store import StoreError
from ..widgets.answer_input import AnswerInput, ChoiceInput, MultiInput
from ..widgets.country_input import CountryInput
from ..widgets.date_input import DateInput
from ..widgets.labels import wrap_label
from ..widgets.steps import SectionSteps
from .base import Screen


KEYBOARD_FOCUS = (Qt.TabFocusReason, Qt.BacktabFocusReason, Qt.ShortcutFocusReason)


class QuestionScreen(Screen):
    view_name = "question"

    def __init__(self, window):
        super().__init__(window)
        self.qid: str | None = None
        self.from_review = False
        self.input: AnswerInput | None = None
        self._invalid: Message | None = None

        self.section = wrap_label(role="meta")
        self.section.setObjectName("section_label")
        self.steps = SectionSteps(self)
        self.progress_text = wrap_label(role="meta")
        self.progress_text.setObjectName("progress_text")
        self.prompt = wrap_label(role="prompt")
        self.prompt.setObjectName("prompt")
        self.help_box = QFrame(self)
        self.help_box.setProperty("role", "help")
        hl = QVBoxLayout(self.help_box)
        self.help_title = wrap_label(role="heading")
        self.help_text = wrap_label()
        self.help_text.setObjectName("help_text")
        hl.addWidget(self.help_title)
        hl.addWidget(self.help_text)
        self.input_holder = QVBoxLayout()
        self.input_holder.setContentsMargins(0, 0, 0, 0)
        head = QWidget(self)
        head_row = QHBoxLayout(head)
        head_row.setContentsMargins(0, 0, 0, 0)
        head_row.setSpacing(16)
        head_row.addWidget(self.section, 3)
        head_row.addWidget(self.progress_text, 2)
        self.progress_text.setAlignment(Qt.AlignTrailing | Qt.AlignVCenter)
        for w in (head, self.steps, self.prompt, self.help_box):
            self.body.addWidget(w)
        self.body.addLayout(self.input_holder)
        self.body.addStretch(1)

        self.back = self.button("back")
        self.back.clicked.connect(self.go_back)
        self.read = self.read_button()
        self.to_review = self.button("to_review")
        self.to_review.clicked.connect(self.go_review)
        self.next = self.button("next", role="primary")
        self.next.clicked.connect(self.go_next)
        self.nav.addWidget(self.back)
        self.nav.addWidget(self.read)
        self.nav.addStretch(1)
        self.nav.addWidget(self.to_review)
        self.nav.addWidget(self.next)

    # -- showing a question --------------------------------------------------------
    def show_question(self, qid: str, from_review: bool = False) -> None:
        s = self.session
        q = s.flow.catalog[qid]
        self.qid = qid
        self.from_review = from_review
        self._invalid = None
        if self.input is not None:
            self.input.setParent(None)
            self.input.deleteLater()
        if q.type in ("choice", "yes_no"):
            widget: AnswerInput = ChoiceInput(q)
        elif q.type == "multi":
            widget = MultiInput(q)
        elif q.type == "date":
            widget = DateInput(q, s.today)
        elif q.type == "country":
            widget = CountryInput(q)
        else:  # pragma: no cover - the catalog is checked by the logic tests
            raise ValueError(q.type)
        widget.setObjectName("answer_input")
        self.input = widget
        self.input_holder.addWidget(widget)
        widget.retranslate(self.t)
        widget.set_value(s.answers.get(qid))
        widget.answered.connect(self._answered)
        for card in getattr(widget, "cards", {}).values():
            card.installEventFilter(self)
        self.retranslate()
        self.scroll.verticalScrollBar().setValue(0)

    def entered(self) -> None:
        if self.input is not None:
            self.input.focus_target().setFocus()

    def speech_parts(self) -> list[str]:
        if self.qid is None:
            return []
        parts = [self.prompt.text(), self.help_text.text()]
        if self.input is not None:
            parts += [card.card_text() for card in getattr(self.input, "cards", {}).values()]
        return parts

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        # A choice reached with the keyboard is read while reading is on; the
        # focus a new page puts on its first choice is not (the page is read).
        if (event.type() == QEvent.FocusIn and event.reason() in KEYBOARD_FOCUS
                and hasattr(obj, "card_text")):
            self.win.read_focused(obj.card_text())
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        t = self.t
        self.back.setText(t.gettext(N_("Back")))
        self.next.setText(t.gettext(N_("Next")))
        self.to_review.setText(t.gettext(N_("Back to the review")))
        for b in (self.back, self.next, self.to_review):
            b.setAccessibleName(b.text())
        self.back_icon(self.back)
        self.next_icon(self.next)
        self.help_title.setText(t.gettext(N_("Why we ask")))
        if self.qid is None:
            return
        s = self.session
        q = s.flow.catalog[self.qid]
        section = s.flow.catalog.section_of(self.qid)
        prog = s.flow.progress(self.qid, s.answers, s.today)
        self.section.setText(t.render(Message(N_("Part {number} of {count}: {section}"), {
            "number": prog.section_index + 1, "count": prog.section_count, "section": Term(section.title)})))
        self.steps.set_step(prog.section_index, prog.section_count)
        self._refresh_progress()
        self.prompt.setText(t.gettext(q.prompt))
        self.help_text.setText(t.gettext(q.help))
        self.help_box.setAccessibleName(self.help_title.text())
        self.to_review.setVisible(self.from_review)
        if self.input is not None:
            self.input.retranslate(t)
            self.input.setAccessibleName(self.prompt.text())
            how = self.input.instructions(t)
            self.input.setAccessibleDescription(" ".join(x for x in (self.help_text.text(), how) if x))
            # "Choose nothing and press Next" belongs to Next as well: that
            # is the control where nothing chosen becomes "none of these".
            self.next.setAccessibleDescription(how if isinstance(self.input, MultiInput) else "")
            self.input.show_error(t.render(self._invalid) if self._invalid else None)

    def window_title(self) -> str:
        if self.qid is None:
            return ""
        s = self.session
        ids = s.flow.applicable_ids(s.answers, s.today)
        if self.qid not in ids:
            return self.prompt.text()
        return self.t.render(Message(N_("Question {number} of {total}"),
                                     {"number": ids.index(self.qid) + 1, "total": len(ids)}))

    def clear(self) -> None:
        self.qid = None
        self._invalid = None
        if self.input is not None:
            self.input.setParent(None)
            self.input.deleteLater()
            self.input = None
        for label in (self.prompt, self.help_text, self.section, self.progress_text):
            label.clear()

    # -- answering ----------------------------------------------------------------------
    def _problem(self, value: Any) -> Message | None:
        s = self.session
        q = s.flow.catalog[self.qid]
        try:
            check_value(q, value, s.today, allow_not_sure=True)
        except AnswerError as err:
            return err.message
        err = conflicts_with(self.qid, value, s.answers)
        return err.message if err else None

    def _answered(self, value: Any) -> None:
        self.answer_given(value)  # a slot returns nothing (see qt_compat)

    def answer_given(self, value: Any) -> bool:
        problem = self._problem(value)
        self._invalid = problem
        if problem is not None:
            text = self.t.render(problem)
            self.input.show_error(text)
            self.win.announce(text)
            return False
        try:
            self.session.set_answer(self.qid, value)
        except (StoreError, AnswerError) as err:
            self._invalid = err.message
            self.input.show_error(self.t.render(err.message))
            return False
        self.input.show_error(None)
        if hasattr(self.input, "accepted"):
            self.input.accepted(value)
        if isinstance(self.input, CountryInput):
            self.win.announce(self.input.chosen_text())
        self._refresh_progress()
        return True

    def _refresh_progress(self) -> None:
        s = self.session
        prog = s.flow.progress(self.qid, s.answers, s.today)
        text = self.t.render(Message(N_("{answered} of {total} questions answered"),
                                     {"answered": prog.answered, "total": prog.total}))
        self.progress_text.setText(text)
        self.steps.setAccessibleName(self.section.text())
        self.steps.setAccessibleDescription(text)
        self.win.update_title()

    # -- moving ------------------------------------------------------------------------------
    def _settle(self) -> bool:
        """Save what is typed but not saved yet; False if it cannot be."""
        if self.input is None:
            return True
        pending = self.input.pending_text()
        if pending is not None:
            if not self.answer_given(pending):
                self.input.focus_target().setFocus()
                return False
        elif self._invalid is not None:
            self.input.show_error(self.t.render(self._invalid))
            self.input.focus_target().setFocus()
            return False
        if isinstance(self.input, CountryInput) and self.qid not in self.session.answers:
            unchosen = self.input.typed_but_not_chosen()
            if unchosen is not None:
                # Typed a name but chose nothing: ask, never save or skip silently.
                text = self.t.render(unchosen)
                self.input.show_error(text)
                self.win.announce(text)
                self.input.list.setFocus()
                return False
        if self.qid not in self.session.answers:
            value = self.input.value_on_next()
            if value is not None and not self.answer_given(value):
                return False
        return True

    def go_next(self) -> None:
        if not self._settle():
            return
        s = self.session
        self.win.go(s.flow.next_view(self.qid, s.answers, s.today))

    def go_back(self) -> None:
        s = self.session
        # Going back never needs a valid answer here: the person may be unsure.
        self.win.go(s.flow.previous_view(self.qid, s.answers, s.today))

    def go_review(self) -> None:
        if self._settle():
            self.win.go("review")

    def default_action(self) -> None:
        self.go_next()
