"""The Urdu half of the PDF in the right visual order, read from where the
glyphs are on the page (`pdftotext -bbox-layout`), not from extracted text:
Nastaliq glyphs come out as private-use codes, Latin digits and words as
themselves, so a line's order shows in the x positions of its words."""
from __future__ import annotations

import re
import subprocess

import pytest

from desktop.pdf.layout import MARGIN_X
from desktop.pdf.summary import build_summary

from .helpers import TODAY, have_tools, render_png, request

pytestmark = pytest.mark.skipif(not have_tools(), reason="needs poppler-utils")

_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)


def is_glyph(word: str) -> bool:
    """A word of Urdu glyphs (shaped Nastaliq has no text behind it)."""
    return any("\ue000" <= c <= "\uf8ff" or "\u0600" <= c <= "\u06ff" for c in word)


def pages(pdf: bytes) -> list[list[dict]]:
    """Per page, the lines: box and words [(x0, x1, text)] left to right."""
    html = subprocess.run(["pdftotext", "-bbox-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")
    out = []
    for page in html.split("<page ")[1:]:
        lines = []
        for m in _LINE.finditer(page):
            words = sorted((float(w[0]), float(w[2]), w[4]) for w in _WORD.findall(m.group(5)))
            lines.append({"x0": float(m.group(1)), "y0": float(m.group(2)), "x1": float(m.group(3)),
                          "y1": float(m.group(4)), "words": words})
        out.append(lines)
    return out


@pytest.fixture(scope="module")
def urdu():
    built = build_summary(request("ur"))
    width = 612.0
    return pages(built.pdf), width, built.pages


def urdu_half(lines, width):
    return [ln for ln in lines if ln["x0"] > width / 2 - 4]


def test_footer_reads_page_of_pages_right_to_left_at_the_outer_edge(urdu):
    all_pages, width, count = urdu
    assert len(all_pages) == count > 1
    for number, lines in enumerate(all_pages, 1):
        footer = [ln for ln in urdu_half(lines, width) if ln["y0"] > 700
                  and any(w[2] == str(count) for w in ln["words"]) and any(is_glyph(w[2]) for w in ln["words"])]
        assert len(footer) == 1, (number, footer)
        words = footer[0]["words"]
        # "{pages} میں سے صفحہ {page}": the count first, so at the right;
        # the page's own number last, at the left.
        assert words[-1][2] == str(count), (number, words)
        assert words[0][2] == str(number), (number, words)
        assert all(is_glyph(w[2]) for w in words[1:-1]), words
        assert footer[0]["x1"] > width - MARGIN_X - 3, f"page {number}: footer ends at {footer[0]['x1']}"


def test_running_header_sits_at_the_right_edge(urdu):
    all_pages, width, _count = urdu
    for number, lines in enumerate(all_pages[1:], 2):
        top = [ln for ln in urdu_half(lines, width) if ln["y1"] < 60 and all(is_glyph(w[2]) for w in ln["words"])]
        assert top, number
        assert max(ln["x1"] for ln in top) > width - MARGIN_X - 3, number


def test_header_cells_value_under_its_label_both_flush_right(urdu):
    lines = urdu_half(urdu[0][0], urdu[1])

    def label_above(value_line):
        above = [ln for ln in lines if ln["y1"] <= value_line["y0"] + 8 and ln["y0"] < value_line["y0"] - 4
                 and all(is_glyph(w[2]) for w in ln["words"]) and abs(ln["x1"] - value_line["x1"]) < 2]
        assert above, value_line

    # "23 نومبر، 2026" under "Prepared on": the day right of the year.
    dated = [ln for ln in lines if ln["y0"] < 120 and any(w[2] == str(TODAY.year) for w in ln["words"])
             and any(w[2] == str(TODAY.day) for w in ln["words"])]
    assert dated
    xs = {w[2]: w[0] for w in dated[0]["words"]}
    assert xs[str(TODAY.year)] < xs[str(TODAY.day)], dated[0]["words"]
    label_above(dated[0])
    # The client code, Latin, still flush right under its Urdu label.
    coded = [ln for ln in lines if [w[2] for w in ln["words"]] == ["RW-7Q4K"]]
    assert coded
    label_above(coded[0])


def test_dates_in_every_cell_read_right_to_left(urdu):
    all_pages, width, _count = urdu
    dates = 0
    for lines in all_pages:
        for ln in urdu_half(lines, width):
            words = ln["words"]
            texts = [w[2] for w in words]
            years = [w for w in words if re.fullmatch(r"20\d\d", w[2])]
            # A day of the month (the staleness warning's "more than 90 days" is not one).
            days = [w for w in words if re.fullmatch(r"\d{1,2}", w[2]) and 1 <= int(w[2]) <= 31]
            if len(years) == 1 and len(days) == 1 and any(is_glyph(t) for t in texts):
                dates += 1
                assert days[0][0] > years[0][0], texts  # "23 نومبر، 2026" right to left
    assert dates >= 3, dates


@pytest.mark.parametrize("lead", ["ICE", "2026", "TPS"])
def test_a_bullet_line_that_begins_with_latin_or_a_number_starts_at_the_right(lead):
    """As the results list and the urgent box draw it: bullet first, at the
    right, then the Latin word, then the Urdu words to its left."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from desktop.pdf.layout import Column, draw_block
    from desktop.pdf.script_text import Span

    buf = BytesIO()
    canv = Canvas(buf, pagesize=(612, 792))
    block = Column("ur", True, True).text([Span(f"{lead} کا کوئی بھی کاغذ")], "body", bullet=True)
    draw_block(canv, block, 306, 700, 266)
    canv.showPage()
    canv.save()
    words = [w for ln in pages(buf.getvalue())[0] for w in ln["words"]]
    latin = [w for w in words if w[2] == lead]
    glyphs = [w for w in words if is_glyph(w[2])]
    assert latin and glyphs, words
    x0, x1 = latin[0][0], latin[0][1]
    assert all(g[1] <= x0 + 0.5 for g in glyphs), words  # the Urdu words left of the Latin one
    # The bullet is drawn as a dot, not a glyph: look for its ink between
    # the Latin word and the box's right edge, and for none left of the text.
    from PIL import Image

    png = render_png(buf.getvalue(), dpi=144, crop=(306, 792 - 700, 266, 40))
    img = Image.open(png).convert("L")
    k = 144 / 72
    ink = [x for x in range(img.width) if any(img.getpixel((x, y)) < 128 for y in range(img.height))]
    right_of_word = [x for x in ink if x > (x1 - 306) * k + 1]
    assert right_of_word, "no bullet at the right of the line"
    assert max(ink) > img.width - 0.05 * img.width, "the bullet is not at the box's right edge"
    assert min(ink) > (min(g[0] for g in glyphs) - 306) * k - 3, "ink left of the Urdu words"


def test_a_line_with_no_urdu_letter_in_the_urdu_column_is_still_right_to_left():
    """A form number or a code alone ("EOIR-26") in the client's half: the
    direction comes from the column, not from guessing at the text."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from desktop.pdf.layout import Column, draw_block
    from desktop.pdf.script_text import Span

    buf = BytesIO()
    canv = Canvas(buf, pagesize=(612, 792))
    draw_block(canv, Column("ur", True, True).text([Span("EOIR-26 (BIA)")], "body", bullet=True), 306, 700, 266)
    canv.showPage()
    canv.save()
    words = [w for ln in pages(buf.getvalue())[0] for w in ln["words"]]
    assert [w[2] for w in words] == ["EOIR-26", "(BIA)"], words
    assert words[-1][1] > 572 - 20, words  # flush right (after the bullet's indent), not left
