"""Every printed summary says how old its legal data is; past 90 days before
the day of the screening, the urgent box says the TPS and fee information
may be out of date. Checked in the text the PDF holds (pdftotext), in every
language: the English half always, the client's half where pdftotext can
read the script back (Spanish), and in the texts handed to the page for all."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from desktop.i18n import Translator
from desktop.logic.presentation import DATA_AS_OF, DATA_OLD
from desktop.logic.text import Message
from desktop.pdf.summary import build_summary

from .helpers import TODAY, request

LANGS = ("en", "es", "bn", "hi", "pa", "ur")


def _text(pdf: bytes, half: str | None = None) -> str:
    """The PDF's text; `half` "left" or "right" reads one column only, so a
    wrapped cell is not interleaved with the other language's."""
    crop = []
    if half:
        crop = ["-x", "0" if half == "left" else "306", "-y", "0", "-W", "306", "-H", "1000"]
    out = subprocess.run(["pdftotext", *crop, "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8", "replace").split())


def _built(lang: str, days: int):
    req = request(lang)
    as_of = TODAY - dt.timedelta(days=days)
    return build_summary(request(lang, evaluation=req.evaluation._replace(data_as_of=as_of))), as_of


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("lang", LANGS)
def test_data_date_always_and_the_warning_only_after_90_days(lang):
    en, tr = Translator("en"), Translator(lang)
    for days, warned in ((90, False), (91, True)):
        built, as_of = _built(lang, days)
        text = _text(built.pdf, "left" if lang != "en" else None)
        age = Message(DATA_AS_OF, {"date": as_of})
        old = Message(DATA_OLD, {"date": as_of})
        assert en.render(age) in text, (lang, days)
        assert (en.render(old) in text) == warned, (lang, days)
        assert tr.render(age) in built.native_texts
        assert any(tr.render(old) in t for t in built.native_texts) == warned, (lang, days)
        if lang == "es":
            native = _text(built.pdf, "right")
            assert tr.render(age) in native
            assert (tr.render(old) in native) == warned
        if lang == "ur":  # the date keeps its own direction inside the Urdu sentence
            assert "\u2068" + tr.format_date(as_of) + "\u2069" in tr.render(old)


def test_the_warning_is_in_the_urgent_box_before_the_first_deadline():
    built, as_of = _built("es", 91)
    text = _text(built.pdf)
    en = Translator("en")
    warning = text.index(en.render(Message(DATA_OLD, {"date": as_of})))
    assert text.index("Deadlines: last day to file".replace("fi", "ﬁ")) < warning < text.index("What to ﬁle, and where")
