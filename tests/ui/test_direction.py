"""Urdu lines are right to left whatever their first character is.

Qt takes a paragraph's direction from its first strong character; a line
that begins with "ICE", with a bullet and then Latin, or with an isolated
country name or date, came out left to right. These tests look at where the
ink of the rendered line is, not only at a property.
"""
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QListWidget
from ui_driver import CASE, answer_all, answer_current, choose_language, new_client, press_enter, set_passphrase, settle

from desktop.i18n import FSI, PDI, Translator
from desktop.ui.direction import RLM, directed, undirected
from desktop.ui.widgets.labels import wrap_label

_ISOLATES_OPEN = "\u2066\u2067\u2068"


def paragraph_is_rtl(text: str) -> bool:
    """UAX #9 rules P2/P3 as Qt applies them: the first strong character
    outside isolates decides; no strong character means left to right."""
    depth = 0
    for ch in text:
        if ch in _ISOLATES_OPEN:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
    return False


def shown_text(widget) -> str:
    """The text Qt lays out (with the direction marks), not the one the
    program set."""
    return QLabel.text(widget) if isinstance(widget, QLabel) else QAbstractButton.text(widget)


def _ink_columns(image, top: int, bottom: int) -> list[int]:
    return [x for x in range(image.width())
            if any(image.pixelColor(x, y).lightness() < 110 for y in range(top, bottom))]


def _grab(label):
    label.setStyleSheet("background: white; color: black;")
    return label.grab().toImage()


def check_starts_at_the_right(label: QLabel, lead: str) -> None:
    """`lead` (the first characters of the label's text) is drawn at the
    right end of the first line: a twin label holding only `lead` puts its
    ink flush right, and the whole label has the same ink in those columns."""
    width = label.width()
    twin = wrap_label(lead)
    twin.setFont(label.font())
    twin.setFixedWidth(width)
    twin.setFixedHeight(twin.heightForWidth(width))
    whole = wrap_label(label.text())
    whole.setFont(label.font())
    whole.setFixedWidth(width)
    whole.setFixedHeight(whole.heightForWidth(width))
    lead_img, whole_img = _grab(twin), _grab(whole)
    cols = _ink_columns(lead_img, 0, lead_img.height())
    assert cols, lead
    margin = max(4, width // 40)
    assert cols[-1] >= width - margin, f"{lead!r} is not flush right ({cols[-1]} of {width})"
    # The lead's ink, row by row, must appear in the whole line at the same
    # columns (the whole line may sit lower: Nastaliq's taller line).
    lead_rows = [y for y in range(lead_img.height())
                 if any(lead_img.pixelColor(x, y).lightness() < 110 for x in cols)]
    patch = [[lead_img.pixelColor(x, y).lightness() for x in range(cols[0], cols[-1] + 1)] for y in lead_rows]
    best = None
    for shift in range(-lead_rows[0], whole_img.height() - lead_rows[-1]):
        diff = 0
        for row, y in zip(patch, lead_rows):
            diff += sum(abs(a - whole_img.pixelColor(x, y + shift).lightness())
                        for a, x in zip(row, range(cols[0], cols[-1] + 1)))
        mean = diff / (len(patch) * len(patch[0]))
        best = mean if best is None else min(best, mean)
    assert best is not None and best < 12, f"{label.text()!r}: {lead!r} is not at the right end (diff {best:.1f})"
    for w in (twin, whole):
        w.deleteLater()


@pytest.fixture
def urdu_results(window):
    choose_language(window, "ur")
    set_passphrase(window)
    new_client(window)
    answer_all(window, CASE)
    window.go("results")
    settle()
    assert window.view == "results"
    return window


def test_directed_marks_every_paragraph_once():
    assert directed("ICE a\n1 b", True) == f"{RLM}ICE a\n{RLM}1 b"
    assert directed(directed("x", True), True) == f"{RLM}x"
    assert directed("ICE", False) == "ICE"
    assert undirected(directed("ICE a\nb", True)) == "ICE a\nb"


def test_urdu_lines_that_begin_with_latin_a_country_or_a_date_start_at_the_right(urdu_results):
    t = Translator("ur")
    results = urdu_results.screens["results"]
    labels = [lab for lab in results.findChildren(QLabel) if lab.isVisibleTo(results) and lab.text()]
    ice = [lab for lab in labels if lab.text().lstrip("\u2022 ").startswith("ICE")]
    country = [lab for lab in labels if lab.text().startswith(FSI + t.country_name("BD"))]
    assert ice and country, "the case shows an ICE line and a TPS line"
    check_starts_at_the_right(ice[0], ice[0].text().split(" ICE")[0] + " ICE" if ice[0].text().startswith("\u2022")
                              else "ICE")
    check_starts_at_the_right(country[0], f"{FSI}{t.country_name('BD')}{PDI}")
    # A line that begins with a date, at the width of a results line.
    day = urdu_results.session.today
    dated = wrap_label(t.format_value(day) + " " + t.gettext("Back to the results"))
    dated.setFont(ice[0].font())
    dated.setFixedWidth(ice[0].width())
    check_starts_at_the_right(dated, t.format_value(day))
    dated.deleteLater()


def test_every_visible_text_on_every_urdu_screen_is_right_to_left(window):
    choose_language(window, "ur")
    seen = check_screen_rtl(window, "unlock")
    set_passphrase(window)
    seen += check_screen_rtl(window, "clients")
    new_client(window)
    while window.view in window.session.flow.catalog:
        seen += check_screen_rtl(window, window.view)
        answer_current(window, CASE.get(window.view, "not_sure"))
        press_enter(window)
    for view in ("review", "results", "summary"):
        window.go(view)
        settle()
        seen += check_screen_rtl(window, view)
    assert seen > 200


def check_screen_rtl(window, view) -> int:
    screen = window.stack.currentWidget()
    seen = 0
    widgets = [w for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
               if w.isVisibleTo(window) and shown_text(w) and w.window() is window]
    for w in widgets:
        assert paragraph_is_rtl(shown_text(w)), (view, w.objectName(), w.text())
        seen += 1
    for combo in screen.findChildren(QComboBox):
        for i in range(combo.count()):
            assert paragraph_is_rtl(combo.itemText(i)), (view, combo.itemText(i))
    for lst in screen.findChildren(QListWidget):
        for i in range(lst.count()):
            assert paragraph_is_rtl(lst.item(i).text()), (view, lst.item(i).text())
    return seen
