"""Text in every script: bidi order, font runs, wrapping, and shaping read
back by OCR (fixed sample sentences, independent of the catalogs)."""
from __future__ import annotations

import pytest

from desktop.i18n import FSI, PDI
from desktop.pdf.bidi_text import levels, visual_order
from desktop.pdf.fonts import ARABIC, BENGALI, LATIN, font_name, font_set
from desktop.pdf.script_text import AUTO, RTL, Span, TextStyle, layout

from .helpers import (
    CLIENT_LANGS,
    SAMPLES,
    TESSERACT_LANG,
    have_tools,
    ocr,
    render_png,
    sample_pdf,
    tesseract_langs,
    word_rate,
    words,
)

# An Urdu line as the summary writes it: a date and a number isolated by
# Translator.isolate, a form name in brackets, Latin and Urdu digits.
MIXED = (f"آخری تاریخ {FSI}30 نومبر، 2026{PDI} ہے (فارم EOIR-26)، ابھی {FSI}7{PDI} دن باقی ہیں۔")


def _drawn(line):
    """(source text, font, x) of each piece of a line, left to right."""
    out, x = [], 0.0
    for p in line.pieces:
        if not p.space:
            out.append((p.source, p.font, x))
        x += p.width
    return out


def test_python_bidi_honours_isolates():
    # Inside an isolate the digits keep their own order and do not pull the
    # neighbouring Urdu words around them.
    lv = levels(f"دن {FSI}2026{PDI} باقی", True)
    assert lv[0] == 1 and lv[-1] == 1
    assert all(level % 2 == 0 for level in lv[4:8])  # 2026 is left to right


def test_visual_order_reverses_rtl_runs():
    assert visual_order([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]
    assert visual_order([0, 0, 0]) == [0, 1, 2]


def test_mixed_urdu_line_comes_out_in_visual_order():
    style = TextStyle(font_set("ur"), size=10, direction=RTL, lang="ur")
    (line,) = layout([Span(MIXED)], style, 2000)
    assert line.rtl
    drawn = _drawn(line)
    x_of = {}
    for source, font, x in drawn:
        for token in ("آخری", "تاریخ", "30", "نومبر", "2026", "ہے", "فارم", "EOIR-26", "7", "دن", "باقی"):
            if token in source:
                x_of.setdefault(token, x)
    # Read from the right: آخری تاریخ 30 نومبر، 2026 ہے (فارم EOIR-26)، ابھی 7 دن باقی
    right_to_left = ["آخری", "تاریخ", "30", "نومبر", "2026", "ہے", "فارم", "EOIR-26", "7", "دن", "باقی"]
    xs = [x_of[t] for t in right_to_left]
    assert xs == sorted(xs, reverse=True), list(zip(right_to_left, xs))
    # The form name stays one left-to-right run in the Latin font, in its own order.
    latin = [(s, f) for s, f, _ in drawn if "EOIR" in s]
    assert latin == [("EOIR-26", font_name(LATIN))]
    # The opening bracket is drawn at the right of "فارم", mirrored: the
    # glyph HarfBuzz picks for "(" in a right-to-left run is ")".
    bracket_piece = next(p for p in line.pieces if "فارم" in p.source)
    assert bracket_piece.source.startswith("(")
    assert str(bracket_piece.text)[-1] == ")" and bracket_piece.font == font_name(ARABIC)
    # No bidi control is drawn: the fonts have no glyph for them.
    assert not any(c in p.source for p in line.pieces for c in (FSI, PDI))


def test_latin_inside_indic_takes_the_latin_font():
    style = TextStyle(font_set("bn"), size=10, lang="bn")
    (line,) = layout([Span("ফর্ম I-589-এর সঙ্গে")], style, 2000)
    fonts = {p.source: p.font for p in line.pieces if not p.space}
    assert fonts["ফর্ম"] == font_name(BENGALI)
    assert fonts["I-589-"] == font_name(LATIN)
    assert fonts["এর"] == font_name(BENGALI)


def test_english_fallback_in_urdu_column_reads_left_to_right():
    # A string not translated yet falls back to English; it must not be
    # laid out as a right-to-left line (its full stop would jump left).
    style = TextStyle(font_set("ur"), size=10, direction=AUTO, lang="ur")
    (line,) = layout([Span("Motion to reopen.")], style, 2000)
    assert not line.rtl
    assert [p.source for p in line.pieces if not p.space] == ["Motion", "to", "reopen."]


@pytest.mark.parametrize("lang", CLIENT_LANGS)
def test_long_text_wraps_inside_the_column(lang):
    style = TextStyle(font_set(lang), size=10, direction=AUTO, lang=lang)
    text = SAMPLES[lang] + " " + "X" * 120  # and one word longer than the column
    lines = layout([Span(text)], style, 150)
    assert len(lines) > 3
    assert all(line.width * style.size <= 150 + 0.01 for line in lines)


@pytest.mark.slow
@pytest.mark.skipif(not have_tools(), reason="pdftoppm and tesseract are needed")
@pytest.mark.parametrize("lang", CLIENT_LANGS)
def test_shaping_reads_back_as_words(lang, record_property):
    if TESSERACT_LANG[lang] not in tesseract_langs():
        pytest.skip(f"tesseract has no {TESSERACT_LANG[lang]} model")
    vocabulary = set(words(SAMPLES[lang], lang))
    rates = {}
    for shaping in (True, False):
        text = ocr(render_png(sample_pdf(lang, shaping)), TESSERACT_LANG[lang])
        rates[shaping], _ = word_rate(text, vocabulary, lang)
    record_property("ocr_word_rate", {"on": rates[True], "off": rates[False]})
    print(f"{lang}: OCR word rate, shaping on {rates[True]:.0%}, off {rates[False]:.0%}")
    if lang == "ur":
        # Tesseract's Urdu model is trained on Naskh and reads Nastaliq
        # poorly either way (it merges and splits words); the gap is the test.
        assert rates[True] >= 0.35
        assert rates[True] - rates[False] >= 0.15
    elif lang == "es":
        assert rates[True] >= 0.9  # Latin needs no shaping; both read well
    else:
        assert rates[True] >= 0.9
        assert rates[True] - rates[False] >= 0.15
