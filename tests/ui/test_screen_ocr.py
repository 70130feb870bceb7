"""What a person sees on screen can be read: the Clients screen, grabbed and
read back by Tesseract in each script. Wrongly shaped text (broken conjuncts,
Urdu joins drawn on top of each other) reads back as other words.

Measured when this was written (share of the screen's words read back):
Urdu in Naskh 0.95; Urdu in Qt-drawn Nastaliq 0.41 (its joins overlapped,
see desktop/ui/fonts.py); Bengali 0.87, Hindi 0.98, Punjabi 0.92.
"""
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image
from ui_driver import choose_language, set_passphrase, settle, visible_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from helpers import ocr, tesseract_langs, words  # noqa: E402

TESSERACT = {"bn": "ben", "hi": "hin", "pa": "pan", "ur": "urd"}


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract is needed")
@pytest.mark.parametrize("lang", sorted(TESSERACT))
def test_the_clients_screen_reads_back(window, lang, tmp_path):
    if TESSERACT[lang] not in tesseract_langs():
        pytest.skip(f"tesseract has no {TESSERACT[lang]} model")
    choose_language(window, lang)
    set_passphrase(window)
    window.go("clients")
    settle()
    screen = window.screens["clients"]
    png = tmp_path / f"clients-{lang}.png"
    screen.content.grab().save(str(png))
    image = Image.open(png).convert("L")
    # Tesseract reads screen-sized text far better at twice the size.
    image.resize((image.width * 2, image.height * 2), Image.LANCZOS).save(png)
    expected = [w for text in visible_texts(screen.content) for w in words(text, lang)]
    read = set(words(ocr(png, TESSERACT[lang], psm=4), lang))
    found = sum(w in read for w in expected)
    assert len(expected) > 40
    assert found / len(expected) >= 0.8, (found, len(expected), sorted(set(expected) - read))
