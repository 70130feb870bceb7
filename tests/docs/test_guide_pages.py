"""The guide as shipped in the bundle: one web page per language that opens
offline, Urdu right to left, fonts inside the page."""
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import render_guide  # noqa: E402

LANGS = ("en", "es", "bn", "hi", "pa", "ur")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("guide")
    assert render_guide.main(str(out)) == 0
    return out


def test_every_language_has_a_page_and_the_index_links_them(pages):
    index = (pages / "index.html").read_text(encoding="utf-8")
    for lang in LANGS:
        assert (pages / f"center-guide.{lang}.html").exists()
        assert f'href="center-guide.{lang}.html"' in index


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_needs_nothing_from_outside(pages, lang):
    html = (pages / f"center-guide.{lang}.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert "url(http" not in html
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ur" else "ltr"}">' in html


@pytest.mark.parametrize("lang,family", [("bn", "Noto Sans Bengali"), ("hi", "Noto Sans Devanagari"),
                                         ("pa", "Noto Sans Gurmukhi"), ("ur", "Noto Nastaliq Urdu")])
def test_indic_and_urdu_pages_carry_their_font(pages, lang, family):
    html = (pages / f"center-guide.{lang}.html").read_text(encoding="utf-8")
    assert html.count(f'@font-face {{ font-family: "{family}"') == 2  # regular and bold
    assert "data:font/ttf;base64," in html


def test_commands_stay_left_to_right_in_urdu(pages):
    html = (pages / "center-guide.ur.html").read_text(encoding="utf-8")
    blocks = re.findall(r"<pre[^>]*>", html)
    assert blocks and all(b == '<pre dir="ltr">' for b in blocks)
    assert "<bdi><code>%LOCALAPPDATA%\\ReliefWizard</code></bdi>" in html
    assert 'relief-wizard-cli.exe" clients list' in html.replace("&quot;", '"')
