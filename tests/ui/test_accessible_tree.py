"""What a screen reader gets, read through Qt's accessibility interface (the
tree Qt hands to AT-SPI and UI Automation): the results' deadlines and
statuses on focusable nodes, the question as the name of the focused answer
group, headings, names on every control, and colours that can be seen."""
import pytest
from a11y_tree import INTERACTIVE, dump, focused_with_ancestors, nodes
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from ui_driver import CASE, answer_all, choose_language, new_client, press_enter, set_passphrase, settle

from desktop.i18n import Translator
from desktop.logic import presentation as pres
from desktop.logic.evaluate import evaluate
from desktop.logic.options import option_info
from desktop.logic.questions import to_contract
from desktop.logic.text import Message
from desktop.ui.theme import Theme


def _start(window, lang):
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, "Made Up")


@pytest.mark.parametrize("lang", ["en", "bn"])
def test_results_deadlines_and_statuses_are_in_the_tree(window, today, lang):
    _start(window, lang)
    answer_all(window, CASE)
    press_enter(window)
    settle()
    t = Translator(lang)
    results = window.screens["results"]
    tree = nodes(QAccessible.queryAccessibleInterface(window))
    focusable_text = [(n.text(QAccessible.Name) or "") + " " + (n.text(QAccessible.Description) or "")
                      for _d, n in tree if n.state().focusable]
    expected = evaluate(to_contract(window.session.answers), today)
    for opt in expected.options:
        card = results.cards[opt.id]
        iface = QAccessible.queryAccessibleInterface(card)
        assert iface.state().focusable and iface.role() == QAccessible.Grouping
        assert iface.text(QAccessible.Name) == t.gettext(option_info()[opt.id].title)
        desc = iface.text(QAccessible.Description)
        assert t.gettext(pres.STATUS_LABELS[opt.status]) in desc, opt.id
        assert t.gettext(dict(pres.GROUPS)[pres.group_of(opt)]) in desc, opt.id
        if opt.deadline:
            assert t.render(Message("Last day to file: {date}", {"date": opt.deadline})) in desc
            assert t.render(pres.days_left_message(opt)) in desc
            assert any(t.render(pres.days_left_message(opt)) in text for text in focusable_text)
    # The urgent box has the focus when the page opens, and says what is urgent.
    banner = QAccessible.queryAccessibleInterface(results.banner)
    assert banner.state().focused and QApplication.focusWidget() is results.banner
    for opt in pres.urgent_deadlines(expected):
        assert t.gettext(option_info()[opt.id].title) in banner.text(QAccessible.Description)
    assert window.windowTitle().startswith(results.title.text())
    assert any(n.role() == QAccessible.Heading and n.text(QAccessible.Name) == results.title.text()
               for _d, n in tree)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_question_and_help_are_what_the_focused_group_says(window, lang):
    _start(window, lang)
    t = Translator(lang)
    s = window.session
    seen_types = set()
    previous_group = None
    while window.view in s.flow.catalog and len(seen_types) < 4:
        qid = window.view
        q = window.screens["question"]
        question = s.flow.catalog[qid]
        focus = QApplication.focusWidget()
        assert focus is q.input.focus_target()
        chain = focused_with_ancestors(focus)
        groups = [n for n in chain if n.role() == QAccessible.Grouping]
        assert groups, qid
        group = groups[0]
        assert group.text(QAccessible.Name) == t.gettext(question.prompt), qid
        assert t.gettext(question.help) in group.text(QAccessible.Description), qid
        assert group.text(QAccessible.Name) != previous_group  # two date questions no longer sound alike
        previous_group = group.text(QAccessible.Name)
        prompt = QAccessible.queryAccessibleInterface(q.prompt)
        assert prompt.role() == QAccessible.Heading and prompt.text(QAccessible.Name) == t.gettext(question.prompt)
        ids = s.flow.applicable_ids(s.answers, s.today)
        assert window.windowTitle().startswith(t.render(Message("Question {number} of {total}", {
            "number": ids.index(qid) + 1, "total": len(ids)})))
        if question.type == "multi":
            how = t.gettext("Choose all that fit. If none fit, choose nothing and press Next.")
            assert how in group.text(QAccessible.Description)
            assert QAccessible.queryAccessibleInterface(q.next).text(QAccessible.Description) == how
        seen_types.add(question.type)
        answer_all(window, CASE, stop_after=qid)
    assert len(seen_types) >= 3


def test_every_interactive_node_has_a_name_on_every_screen(window):
    choose_language(window, "ur")
    lang_iface = QAccessible.queryAccessibleInterface(window.screens["language"].buttons["ur"])
    assert lang_iface.role() == QAccessible.RadioButton and lang_iface.state().checked
    set_passphrase(window)
    new_client(window)
    checked = 0
    for view in ("decision_stage", "decision_date", "country_of_nationality", "harm_reasons", "review",
                 "results", "summary", "clients"):
        window.go(view)
        settle()
        for _d, node in nodes(QAccessible.queryAccessibleInterface(window)):
            if node.role() in INTERACTIVE and node.role() != QAccessible.ListItem and node.state().focusable:
                assert (node.text(QAccessible.Name) or "").strip(), (view, node.role())
                checked += 1
        if view == "clients":
            break
        if window.session.client is None:
            new_client(window)
    assert checked > 60
    # A saved client's buttons: Tab goes the way they stand (it went Continue, Delete, Copy).
    chain = [w.objectName() for w in window.screens["clients"].tab_chain()]
    row = [n for n in chain if n in ("continue_client", "export_client", "delete_client")]
    assert row[:3] == ["continue_client", "export_client", "delete_client"]


def test_calendar_navigation_buttons_are_named(window):
    from desktop.ui.widgets.date_input import CalendarDialog

    choose_language(window, "hi")
    t = Translator("hi")
    dialog = CalendarDialog(window, t, window.session.today, window.session.today)
    for child, name in (("qt_calendar_prevmonth", "Previous month"), ("qt_calendar_nextmonth", "Next month")):
        assert dialog.calendar.findChild(QWidget, child).accessibleName() == t.gettext(name)
    dialog.deleteLater()


def _luminance(color: QColor) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def _ratio(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_placeholder_focus_and_box_outlines_can_be_seen(window, high_contrast):
    window.set_high_contrast(high_contrast)
    settle()
    colors = Theme(high_contrast=high_contrast).colors
    card, page = QColor(colors.card), QColor(colors.window)
    edit = QLineEdit(window)
    edit.setPlaceholderText("Type here")
    edit.show()
    settle()
    shown = edit.palette().color(QPalette.PlaceholderText)
    a = shown.alphaF()  # Qt draws a style-sheet placeholder half transparent unless told its colour
    seen = QColor(round(shown.red() * a + card.red() * (1 - a)), round(shown.green() * a + card.green() * (1 - a)),
                  round(shown.blue() * a + card.blue() * (1 - a)))
    assert _ratio(seen, card) >= 4.5
    assert _ratio(QColor(colors.focus), card) >= 3 and _ratio(QColor(colors.focus), page) >= 3
    # An unchecked box is drawn in the text colour on the card.
    assert _ratio(QColor(colors.text), card) >= 3
    edit.deleteLater()
