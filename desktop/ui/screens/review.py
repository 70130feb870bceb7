"""Every answer on one screen, by section, each with a button to change it."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ...logic.text import Message, N_
from ..answer_text import answer_lines
from ..widgets.labels import wrap_label
from .base import Screen


class ReviewScreen(Screen):
    view_name = "review"

    def __init__(self, window):
        super().__init__(window)
        self.title = wrap_label(role="title")
        self.intro = wrap_label()
        self.body.addWidget(self.title)
        self.body.addWidget(self.intro)
        self.list_box = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(10)
        self.body.addWidget(self.list_box)
        self.body.addStretch(1)
        self.back = self.button("back")
        self.back.clicked.connect(self.go_back)
        self.results = self.button("see_results", role="primary")
        self.results.clicked.connect(self.go_next)
        self.nav.addWidget(self.back)
        self.nav.addStretch(1)
        self.nav.addWidget(self.results)
        self.change_buttons: dict[str, object] = {}

    def retranslate(self) -> None:
        t = self.t
        self.title.setText(t.gettext(N_("Check your answers")))
        self.intro.setText(t.gettext(N_("Here is every answer. If one is wrong, press Change next to it.")))
        self.back.setText(t.gettext(N_("Back")))
        self.results.setText(t.gettext(N_("See the results")))
        for b in (self.back, self.results):
            b.setAccessibleName(b.text())
        self.back_icon(self.back)
        self.next_icon(self.results)
        self.fill()

    def entered(self) -> None:
        self.fill()
        self.results.setFocus()

    def drop_content(self) -> None:
        self._empty()

    def clear(self) -> None:
        self._empty()

    def _empty(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.change_buttons = {}

    def fill(self) -> None:
        self._empty()
        s = self.session
        if s.client is None:
            return
        t = self.t
        cat = s.flow.catalog
        applicable = s.flow.applicable_ids(s.answers, s.today)
        for section in cat.sections:
            qids = [q for q in applicable if cat[q].section == section.id]
            if not qids:
                continue
            heading = wrap_label(t.gettext(section.title), role="group", parent=self.list_box)
            self.list_layout.addWidget(heading)
            for qid in qids:
                self.list_layout.addWidget(self._row(qid))

    def _row(self, qid: str) -> QFrame:
        s, t = self.session, self.t
        q = s.flow.catalog[qid]
        card = QFrame(self.list_box)
        card.setProperty("role", "card")
        card.setObjectName(f"review_{qid}")
        lay = QVBoxLayout(card)
        prompt = wrap_label(t.gettext(q.prompt), role="heading")
        lay.addWidget(prompt)
        lines = answer_lines(q, s.answers.get(qid), t)
        for line in lines:
            label = wrap_label(line, role=None if qid in s.answers else "muted")
            label.setObjectName("answer_text")
            lay.addWidget(label)
        row = QHBoxLayout()
        change = self.button(f"change_{qid}", parent=card)
        change.setText(t.gettext(N_("Change")))
        change.setAccessibleName(t.render(Message(N_("Change the answer to: {question}"), {"question": prompt.text()})))
        change.setAccessibleDescription("; ".join(lines))
        change.clicked.connect(lambda _=False, x=qid: self.win.go(x, from_review=True))
        row.addStretch(1)
        row.addWidget(change)
        lay.addLayout(row)
        self.change_buttons[qid] = change
        return card

    def go_back(self) -> None:
        s = self.session
        self.win.go(s.flow.previous_view("review", s.answers, s.today))

    def go_next(self) -> None:
        s = self.session
        self.win.go(s.flow.next_view("review", s.answers, s.today))

    def default_action(self) -> None:
        self.go_next()
