"""The results: a banner when a deadline is near or passed, the line that
this is not legal advice, the warnings, then the options in three groups.

Grouping, ordering, labels and the banner rule all come from
desktop.logic.presentation, shared with the printed summary, so the screen
and the paper always say the same thing.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...logic import presentation as pres
from ...logic.fees import fee_message, fees_for
from ...logic.options import option_info
from ...logic.text import Message, N_
from ..accessibility import set_a11y_role
from ..widgets.labels import wrap_label
from .base import Screen

BANNER = N_("Urgent: a deadline is 14 days away or less, or has already passed. Show this to a lawyer today.")
NO_OPTIONS = N_("Nothing in this group.")


class ReadableFrame(QFrame):
    """A box of text the keyboard can stop on, so a screen reader reads its
    name and description and the page scrolls to it; Up and Down step to the
    box before or after."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        set_a11y_role(self, "group")

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Up, Qt.Key_Down) and not event.modifiers():
            screen = self.parentWidget()
            while screen is not None and not isinstance(screen, Screen):
                screen = screen.parentWidget()
            boxes = [w for w in screen.tab_chain() if isinstance(w, ReadableFrame)] if screen is not None else []
            if self in boxes:
                i = boxes.index(self) + (1 if event.key() == Qt.Key_Down else -1)
                if 0 <= i < len(boxes):
                    boxes[i].setFocus(Qt.TabFocusReason if event.key() == Qt.Key_Down else Qt.BacktabFocusReason)
                    event.accept()
                    return
        super().keyPressEvent(event)


def _plain(text: str) -> str:
    return text.replace("\u2022 ", "")


class ResultsScreen(Screen):
    view_name = "results"

    def __init__(self, window):
        super().__init__(window)
        self.evaluation = None
        self.title = wrap_label(role="title")
        self.banner = ReadableFrame(self)
        self.banner.setObjectName("urgent_banner")
        self.banner.setProperty("role", "banner")
        bl = QVBoxLayout(self.banner)
        self.banner_text = wrap_label(role="banner")
        bl.addWidget(self.banner_text)
        self.banner_items = QVBoxLayout()
        bl.addLayout(self.banner_items)
        self.data_age = wrap_label(role="muted")
        self.data_age.setObjectName("data_as_of")
        self.advice = ReadableFrame(self)  # a listener hears it before the options
        self.advice.setObjectName("advice_notice")
        self.advice.setProperty("role", "notice")
        al = QVBoxLayout(self.advice)
        self.advice_text = wrap_label(role="heading")
        self.advice_text.setObjectName("not_legal_advice")
        al.addWidget(self.advice_text)
        self.list_box = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(12)
        for w in (self.title, self.data_age, self.banner, self.advice, self.list_box):
            self.body.addWidget(w)
        self.body.addStretch(1)
        self.banner.hide()

        self.back = self.button("back")
        self.back.clicked.connect(self.go_back)
        self.read = self.read_button()
        self.summary = self.button("to_summary", role="primary")
        self.summary.clicked.connect(lambda: self.win.go("summary"))
        self.nav.addWidget(self.back)
        self.nav.addWidget(self.read)
        self.nav.addStretch(1)
        self.nav.addWidget(self.summary)
        self.cards: dict[str, QFrame] = {}
        # (setter, text for a Translator) for every generated text: a language
        # switch sets the texts again in place instead of rebuilding the cards.
        self._texts: list = []

    # -- hooks -------------------------------------------------------------------------
    def entered(self) -> None:
        self.evaluation = self.session.evaluation()
        self.fill()
        self.scroll.verticalScrollBar().setValue(0)
        # The urgent box first: focus on it is what a screen reader says
        # when the page opens; without one, the first option.
        first = self.banner if self.banner.isVisibleTo(self) else next(iter(self.cards.values()), self.summary)
        first.setFocus(Qt.OtherFocusReason)

    def retranslate(self) -> None:
        t = self.t
        self.title.setText(t.gettext(N_("What may still be possible")))
        self.advice_text.setText(t.gettext(pres.NOT_LEGAL_ADVICE))
        self.advice.setAccessibleName(self.advice_text.text())
        self.back.setText(t.gettext(N_("Back to the answers")))
        self.summary.setText(t.gettext(N_("Summary and printing")))
        for b in (self.back, self.summary):
            b.setAccessibleName(b.text())
        self.back_icon(self.back)
        self.next_icon(self.summary)
        if self._texts:
            for setter, text in self._texts:
                setter(text(t))
        else:
            self.fill()

    def speech_parts(self) -> list[str]:
        """The urgent box, then each option's title, status and last day."""
        parts: list[str] = []
        if self.banner.isVisibleTo(self):
            parts.append(self.banner_text.text())
            for i in range(self.banner_items.count()):
                w = self.banner_items.itemAt(i).widget()
                if w is not None:
                    parts.append(w.text())
        for card in self.cards.values():
            for name in ("title", "status", "deadline", "days_left"):
                label = card.findChild(QLabel, name)
                if label is not None:
                    parts.append(label.text())
        return parts

    def drop_content(self) -> None:
        self._empty()

    def clear(self) -> None:
        self.evaluation = None
        self._empty()

    def default_action(self) -> None:
        self.win.go("summary")

    def go_back(self) -> None:
        s = self.session
        self.win.go(s.flow.previous_view("results", s.answers, s.today))

    # -- content ------------------------------------------------------------------------
    def _empty(self) -> None:
        for layout in (self.list_layout, self.banner_items):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget()
                if widget is not None:
                    widget.setParent(None)
                    widget.deleteLater()
        self.cards = {}
        self._texts = []
        self.banner.hide()

    def fill(self) -> None:
        self._empty()
        ev = self.evaluation
        if ev is None or self.session.client is None:
            self.data_age.clear()
            return
        info = option_info()
        titles = {oid: i.title for oid, i in info.items()}
        said = self._said
        said(self.data_age.setText, lambda t: t.render(pres.data_age(ev)))

        if pres.needs_banner(ev):
            # The heading speaks of deadlines; urgent warnings alone go without it.
            soon = pres.urgent_deadlines(ev)
            said(self.banner_text.setText, lambda t: t.gettext(BANNER) if soon else "")
            self.banner_text.setVisible(bool(soon))
            for w in pres.top_warnings(ev):
                line = wrap_label(role="bannertext")
                said(line.setText, lambda t, w=w: t.render(pres.warning_message(w, titles)))
                line.setObjectName(f"banner_warning_{w.id}")
                self.banner_items.addWidget(line)
            if pres.data_is_old(ev):
                line = said(wrap_label(role="bannertext").setText, lambda t: t.render(pres.data_old_message(ev)))
                line.setObjectName("banner_data_old")
                self.banner_items.addWidget(line)
            for opt in soon:
                line = wrap_label(role="bannertext")
                said(line.setText, lambda t, opt=opt: t.render(Message(N_("{option}: last day {date}. {days_left}"), {
                    "option": t.gettext(titles[opt.id]), "date": opt.deadline,
                    "days_left": pres.days_left_message(opt)})))
                self.banner_items.addWidget(line)
            self.banner.show()

            def banner_name(t):
                first = self.banner_items.itemAt(0).widget() if self.banner_items.count() else None
                return self.banner_text.text() or (first.text() if first else "")

            def banner_lines(t):
                lines = [self.banner_text.text()] + [self.banner_items.itemAt(i).widget().text()
                                                     for i in range(self.banner_items.count())]
                return "\n".join(x for x in lines if x)

            said(self.banner.setAccessibleName, banner_name)
            said(self.banner.setAccessibleDescription, banner_lines)

        in_banner = set(pres.top_warnings(ev))
        for w in ev.warnings:
            if w.id == "deadline_soon" or w in in_banner:
                continue  # the banner already says it
            box = ReadableFrame(self.list_box)
            box.setProperty("role", "notice")
            box.setObjectName(f"warning_{w.id}")
            lay = QVBoxLayout(box)
            text = said(wrap_label().setText, lambda t, w=w: t.render(pres.warning_message(w, titles)))
            lay.addWidget(text)
            said(box.setAccessibleName, lambda t, text=text: text.text())
            self.list_layout.addWidget(box)

        for gid, gtitle, members in pres.grouped(ev):
            heading = wrap_label(role="group", parent=self.list_box)
            said(heading.setText, lambda t, g=gtitle: t.gettext(g))
            heading.setProperty("group", gid)
            heading.setObjectName(f"group_{gid}")
            self.list_layout.addWidget(heading)
            if not members:
                self.list_layout.addWidget(said(wrap_label(role="muted").setText, lambda t: t.gettext(NO_OPTIONS)))
            for opt in members:
                card = self._card(opt, gid, info[opt.id])
                # After the card's own description: on a switch it is set anew, then this prepends.
                said(card.setAccessibleDescription,
                     lambda t, c=card, g=gtitle: f"{t.gettext(g)}\n{c.accessibleDescription()}")
                self.cards[opt.id] = card
                self.list_layout.addWidget(card)

    def _said(self, setter, text):
        """Set a text now and again on each language switch; returns the
        setter's widget, so a new label can be made and added in one line."""
        setter(text(self.t))
        self._texts.append((setter, text))
        return setter.__self__

    def _card(self, opt, gid: str, oi) -> QFrame:
        said = self._said
        card = ReadableFrame(self.list_box)
        card.setProperty("role", "card")
        card.setObjectName(f"option_{opt.id}")
        card.setProperty("group", gid)
        card.setProperty("status", opt.status)
        card.setProperty("deadline", opt.deadline.isoformat() if opt.deadline else "")
        lay = QVBoxLayout(card)
        title = said(wrap_label(role="heading").setText, lambda t: t.gettext(oi.title))
        title.setObjectName("title")
        lay.addWidget(title)
        status = said(wrap_label(role="ok").setText, lambda t: t.gettext(pres.STATUS_LABELS[opt.status]))
        status.setObjectName("status")
        lay.addWidget(status)
        if opt.deadline is not None:
            when = said(wrap_label(role="ok").setText,
                        lambda t: t.render(Message(N_("Last day to file: {date}"), {"date": opt.deadline})))
            when.setObjectName("deadline")
            lay.addWidget(when)
            left = pres.days_left_message(opt)
            if left is not None:
                days = said(wrap_label().setText, lambda t: t.render(left))
                days.setObjectName("days_left")
                lay.addWidget(days)
        for reason in opt.reasons:
            r = said(wrap_label().setText, lambda t, reason=reason: t.render(reason))
            r.setObjectName("reason")
            lay.addWidget(r)
        if gid != pres.PROBABLY_NOT:
            lay.addWidget(said(wrap_label().setText, lambda t: t.gettext(oi.gives)))
            fees = fees_for(opt.id)
            if fees:
                lay.addWidget(said(wrap_label(role="ok").setText, lambda t: t.gettext(N_("Fees:"))))
                for fee in fees:
                    f = said(wrap_label().setText, lambda t, fee=fee: "\u2022 " + t.render(fee_message(fee)))
                    f.setObjectName("fee")
                    lay.addWidget(f)
            lay.addWidget(said(wrap_label(role="ok").setText, lambda t: t.gettext(N_("What to bring to the lawyer:"))))
            for item in oi.bring:
                b = said(wrap_label().setText, lambda t, item=item: "\u2022 " + t.gettext(item))
                b.setObjectName("bring")
                lay.addWidget(b)
        said(card.setAccessibleName, lambda t: title.text())

        def described(t):
            # Group, status and deadline first: what a listener needs to
            # decide whether to hear the rest; one line each, a screen
            # reader pauses between them.
            texts = [lab.text() for lab in card.findChildren(QLabel) if lab is not title]
            return "\n".join(_plain(x) for x in texts if x)

        said(card.setAccessibleDescription, described)
        return card
