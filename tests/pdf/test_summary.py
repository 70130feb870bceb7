"""The printable summary: content order, paper, fonts, pages, and every
string drawn coming from the catalog."""
from __future__ import annotations

import re
import subprocess

import pytest

from desktop.i18n import Translator
from desktop.logic.presentation import NOT_LEGAL_ADVICE
from desktop.pdf import strings as S
from desktop.pdf.script_text import TextBlock
from desktop.pdf.summary import SummaryError, build_summary, check_request

from .helpers import CLIENT_LANGS, have_tools, request


@pytest.fixture(scope="module")
def built():
    return {lang: build_summary(request(lang)) for lang in CLIENT_LANGS}


def _page_boxes(pdf: bytes) -> list[tuple[float, ...]]:
    return [tuple(float(v) for v in m.groups()) for m in
            re.finditer(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]", pdf)]


def test_letter_by_default_and_a4_on_request():
    letter = build_summary(request("bn")).pdf
    a4 = build_summary(request("bn", paper="a4")).pdf
    assert set(_page_boxes(letter)) == {(0, 0, 612, 792)}
    assert {tuple(round(v) for v in b) for b in _page_boxes(a4)} == {(0, 0, 595, 842)}


@pytest.mark.parametrize("lang", CLIENT_LANGS)
def test_fonts_are_embedded_subsets(built, lang):
    pdf = built[lang].pdf
    names = set(re.findall(rb"/BaseFont /([A-Z]{6}\+[\w-]+)", pdf))
    assert names, "no subset fonts"
    assert b"/FontFile2" in pdf
    want = {"es": b"NotoSans", "bn": b"NotoSansBengali", "hi": b"NotoSansDevanagari",
            "pa": b"NotoSansGurmukhi", "ur": b"NotoNastaliqUrdu"}[lang]
    assert any(want in n for n in names)


@pytest.mark.parametrize("lang", CLIENT_LANGS)
def test_page_x_of_y_on_every_page(built, lang):
    b = built[lang]
    assert b.pages >= 3
    en = Translator("en")
    # Footers are drawn last, in page order; the English one is plain text.
    text = _pdftotext(b.pdf) if have_tools() else ""
    if text:
        for n in range(1, b.pages + 1):
            assert en.render(_page_of(n, b.pages)) in text


def _page_of(page, pages):
    from desktop.logic.text import Message

    return Message(S.PAGE_OF, {"page": page, "pages": pages})


def _pdftotext(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True).stdout.decode(
        "utf-8", "replace")


def test_content_in_the_required_order(built):
    # The client-language texts (English while the catalog is empty) come
    # in drawing order: header, deadlines, options, facts, checklist, notice.
    tr = Translator("bn")
    texts = built["bn"].native_texts
    def first(msgid):
        want = tr.gettext(msgid)
        return next(i for i, t in enumerate(texts) if want in t)
    order = [first(S.TITLE), first(S.PREPARED_ON), first(S.DEADLINES), first(S.FACTS), first(S.DOCUMENTS),
             first(S.QUESTIONS_FOR_LAWYER), first(S.LAWYER_NOTES), len(texts) - 1]
    assert order == sorted(order)
    assert tr.gettext(NOT_LEGAL_ADVICE) in texts[-2]


def test_header_names_and_code_only_when_given():
    b = build_summary(request("hi", name=None, name_latin=None, code=None))
    tr = Translator("hi")
    assert not any(tr.gettext(S.NAME_OWN_SCRIPT) in t for t in b.native_texts)
    b = build_summary(request("hi"))
    assert any("सुनीता शर्मा" in t for t in b.native_texts)


def test_no_line_wider_than_its_box(monkeypatch):
    # Long answers wrap: every drawn line fits its column, on both papers.
    widths = []
    real = TextBlock.draw

    def check(self):
        widths.extend((line.width * self.style.size, self.width) for line in self.lines)
        return real(self)

    monkeypatch.setattr(TextBlock, "draw", check)
    long_name = "Muhammad-Abdur-Rahman-Chowdhury-Talukder-Bhuiyan-Mollah-Sarkar-Khandakar"
    for paper in ("letter", "a4"):
        build_summary(request("ur", paper=paper, name_latin=long_name))
    assert widths and all(w <= box + 0.01 for w, box in widths)


def test_every_drawn_string_is_a_catalog_string_or_a_value():
    # Render the summary with a translator that marks what it translated;
    # any client-language text without the mark was not looked up in the
    # catalog (a string someone forgot to wrap in N_ or gettext).
    class Marking(Translator):
        def gettext(self, msgid):
            return "\u2063" + msgid if msgid else msgid

        def render(self, message):
            return "\u2063" + super().render(message)

    b = build_summary(request("es"), translator=Marking("es"))
    es = Translator("es")
    # Values, not sentences: names, the code, CLDR names of the country and language.
    values = {"RW-7Q4K", "José Hernández Pérez", "HERNANDEZ PEREZ, Jose", es.country_name("BD"),
              es.language_name()}
    unmarked = [t for t in b.native_texts if "\u2063" not in t and t.strip() not in values
                and not re.fullmatch(r"[\d\s.,/]+|[\w .,;()\-]*CFR[\w .,;()\-]*|[\w .,;()\-]*INA[\w .,;()\-]*|"
                                     r"\d+ de \w+ de \d+", t.strip())]
    assert not unmarked, unmarked[:5]


def test_bad_requests_are_refused():
    with pytest.raises(SummaryError, match="--lang"):
        check_request(request("xx"))
    with pytest.raises(SummaryError, match="--paper"):
        check_request(request("bn", paper="legal"))
    with pytest.raises(SummaryError, match="--name"):
        check_request(request("bn", name="\U0001F600 Rahman"))
    with pytest.raises(SummaryError, match="--name-latin"):
        check_request(request("bn", name_latin="আব্দুর"))


@pytest.mark.skipif(not have_tools(), reason="pdftoppm is needed")
@pytest.mark.parametrize("lang", CLIENT_LANGS)
def test_every_page_renders(built, lang, tmp_path):
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(built[lang].pdf)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / "p")], check=True,
                   capture_output=True)
    assert len(list(tmp_path.glob("p-*.png"))) == built[lang].pages
