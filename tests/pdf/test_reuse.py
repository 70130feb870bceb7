"""What the summary keeps from one export to the next (laid-out lines, the
operators their runs were drawn as, font subsets made and deflated) must
give the PDF that a first export in a fresh process gives, byte for byte."""
from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from desktop.logic.evaluate import evaluate
from desktop.logic.validation import validate_answers
from desktop.pdf import fonts, layout, script_text, subsets
from desktop.pdf.layout import Column
from desktop.pdf.summary import SummaryRequest, build_summary

from .helpers import TODAY, request


def _forget_kept_work() -> None:
    script_text._layout.cache_clear()  # the lines, and with them their runs' operators
    for script in fonts.SCRIPT_OF_LANG.values():
        for bold in (False, True):
            fonts.register(script, bold).face.rw_subsets.clear()


def test_summaries_from_kept_work_are_byte_identical_to_fresh_ones():
    langs = ("es", "hi", "ur")
    fresh = {}
    for lang in langs:
        _forget_kept_work()
        fresh[lang] = build_summary(request(lang)).pdf
    _forget_kept_work()
    # The English lines are shared by every bilingual summary, and each
    # document gives their glyphs its own subset codes; the A4 summary
    # draws the same texts in other places and embeds other subsets.
    for lang in langs + ("en",) + tuple(reversed(langs)):
        pdf = build_summary(request(lang)).pdf
        build_summary(request(lang, paper="a4"))
        if lang in fresh:
            assert pdf == fresh[lang], lang


def test_the_second_export_makes_no_new_subset():
    build_summary(request("ur"))
    faces = [fonts.register(s, b).face for s in ("arabic", "latin") for b in (False, True)]
    before = [dict(f.rw_subsets) for f in faces]
    assert any(before)
    build_summary(request("ur"))
    after = [dict(f.rw_subsets) for f in faces]
    assert [{k: id(v) for k, v in d.items()} for d in after] == [{k: id(v) for k, v in d.items()} for d in before]


def test_kept_subsets_are_bounded(monkeypatch):
    monkeypatch.setattr(subsets, "MAX_SUBSETS_PER_FACE", 2)
    face = fonts.register("latin").face
    for n in range(5):
        face.makeSubset([0, 32, 65 + n])
    assert len(face.rw_subsets) <= 2


def test_a_run_keeps_operators_for_a_bounded_number_of_documents():
    block = Column("ur", True).text("آپ کی پناہ کی درخواست مسترد کر دی گئی ہے۔")
    block.wrap(200, 1000)
    runs = [r for line in block.lines for r in line.runs()]
    for n in range(script_text._DRAWN_PER_RUN + 4):
        canv = Canvas(io.BytesIO())
        # Other glyphs first, so this document gives the run's glyphs other codes.
        font = fonts.register("arabic")
        font.splitString("".join(chr(0x0627 + i) for i in range(n % 20)), canv._doc)
        block.drawOn(canv, 0, 0)
    assert all(0 < len(r.drawn) <= script_text._DRAWN_PER_RUN for r in runs if r.text)


def _taller_than_a_page(lang: str) -> SummaryRequest:
    """The Ukrainian TPS case of test_export: a row taller than a page, so
    the summary is built again with rows split across pages."""
    a = validate_answers({
        "decision_stage": "bia", "decision_date": "2026-11-02", "date_of_birth": "1990-05-01",
        "country_of_nationality": "UA", "last_arrival_date": "2019-03-10", "fears_harm_on_return": "yes",
        "harm_reasons": ["political_opinion"], "criminal_history": "none"}, TODAY)
    return SummaryRequest(answers=a, evaluation=evaluate(a, TODAY), lang=lang, today=TODAY)


@pytest.mark.parametrize("make", [lambda: request("ur"), lambda: request("hi", paper="a4"),
                                  lambda: _taller_than_a_page("ur")], ids=["ur", "hi-a4", "ur-taller-than-a-page"])
def test_tables_sized_once_give_the_pdf_of_tables_sized_each_time(monkeypatch, make):
    req = make()
    once = build_summary(req).pdf
    monkeypatch.setattr(layout.SizedTable, "_calc", Table._calc)
    assert build_summary(req).pdf == once


def test_a_table_sized_in_part_is_sized_again_when_given_room():
    # With rows spanned, reportlab stops sizing a long table at the rows
    # that fill the height it was given; on the next page the whole table
    # must be measured again.
    rows = [[Column("en", False).text(f"Row {n}")] for n in range(40)]
    span = [("SPAN", (0, 0), (0, 1))]
    table = layout.SizedTable(rows, colWidths=[200], style=span)
    _, short = table.wrap(200, 50)
    _, full = table.wrap(200, 10_000)
    assert short < full == Table(rows, colWidths=[200], style=span).wrap(200, 10_000)[1]


def test_the_operators_kept_stay_within_their_budget(monkeypatch):
    pdf = build_summary(request("ur")).pdf
    monkeypatch.setattr(script_text, "_DRAWN_CHARS", 50_000)
    script_text.forget_operators()
    for lang in ("ur", "hi", "ur"):
        build_summary(request(lang))
        assert 0 < script_text._drawn_chars <= 50_000
    assert build_summary(request("ur")).pdf == pdf
