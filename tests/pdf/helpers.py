"""Shared by the PDF tests: the sample case, rendering pages, and reading
them back with Tesseract."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
CASE_FILE = HERE / "full_case.json"
TODAY = dt.date(2026, 11, 23)
CLIENT_LANGS = ("es", "bn", "hi", "pa", "ur")
TESSERACT_LANG = {"es": "spa", "bn": "ben", "hi": "hin", "pa": "pan", "ur": "urd", "en": "eng"}
NAMES = {
    "es": "José Hernández Pérez",
    "bn": "আব্দুর রহমান",
    "hi": "सुनीता शर्मा",
    "pa": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
    "ur": "عبدالرحمٰن خان",
}
NAMES_LATIN = {"es": "HERNANDEZ PEREZ, Jose", "bn": "RAHMAN, Abdur", "hi": "SHARMA, Sunita",
               "pa": "SINGH, Gurpreet", "ur": "KHAN, Abdul Rehman"}

# Whole sentences in each script, written for this test and independent of
# the catalogs, so the shaping check runs before translations exist.
SAMPLES = {
    "es": "Su solicitud de asilo fue negada. Hable con un abogado lo antes posible. "
          "Traiga todos los papeles que recibió del tribunal de inmigración.",
    "bn": "আপনার আশ্রয়ের আবেদন নামঞ্জুর হয়েছে। যত তাড়াতাড়ি সম্ভব একজন আইনজীবীর সঙ্গে কথা বলুন। "
          "আদালত থেকে পাওয়া সব কাগজপত্র সঙ্গে আনুন। শেষ তারিখের আগে আপিল করতে হবে।",
    "hi": "आपका शरण का आवेदन अस्वीकार कर दिया गया है। जितनी जल्दी हो सके किसी वकील से बात करें। "
          "अदालत से मिले सभी कागज़ात अपने साथ लाएँ। अंतिम तारीख से पहले अपील करनी होगी।",
    "pa": "ਤੁਹਾਡੀ ਸ਼ਰਨ ਦੀ ਅਰਜ਼ੀ ਰੱਦ ਕਰ ਦਿੱਤੀ ਗਈ ਹੈ। ਜਿੰਨੀ ਜਲਦੀ ਹੋ ਸਕੇ ਕਿਸੇ ਵਕੀਲ ਨਾਲ ਗੱਲ ਕਰੋ। "
          "ਅਦਾਲਤ ਤੋਂ ਮਿਲੇ ਸਾਰੇ ਕਾਗਜ਼ ਆਪਣੇ ਨਾਲ ਲਿਆਓ। ਆਖਰੀ ਤਾਰੀਖ ਤੋਂ ਪਹਿਲਾਂ ਅਪੀਲ ਕਰਨੀ ਪਵੇਗੀ।",
    "ur": "آپ کی پناہ کی درخواست مسترد کر دی گئی ہے۔ جتنی جلدی ہو سکے کسی وکیل سے بات کریں۔ "
          "عدالت سے ملنے والے تمام کاغذات اپنے ساتھ لائیں۔ آخری تاریخ سے پہلے اپیل کرنی ہوگی۔",
}


def have_tools() -> bool:
    return bool(shutil.which("pdftoppm") and shutil.which("tesseract"))


@lru_cache(maxsize=1)
def tesseract_langs() -> frozenset[str]:
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    return frozenset(line.strip() for line in out.splitlines()[1:])


def answers() -> dict:
    return json.loads(CASE_FILE.read_text("utf-8"))


def request(lang: str, **changes):
    from desktop.logic.evaluate import evaluate
    from desktop.logic.validation import validate_answers
    from desktop.pdf.summary import SummaryRequest

    a = validate_answers(answers(), TODAY)
    fields = dict(answers=a, evaluation=evaluate(a, TODAY), lang=lang, today=TODAY,
                  name=NAMES.get(lang), name_latin=NAMES_LATIN.get(lang), code="RW-7Q4K")
    fields.update(changes)
    return SummaryRequest(**fields)


def render_png(pdf: bytes | Path, page: int = 1, dpi: int = 300, crop: tuple[float, float, float, float] | None = None,
               out: Path | None = None) -> Path:
    """One page as a grayscale PNG; `crop` is (x, y, w, h) in points from the top left."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes())
        cmd = ["pdftoppm", "-png", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
        if crop:
            k = dpi / 72
            x, y, w, h = crop
            cmd += ["-x", str(int(x * k)), "-y", str(int(y * k)), "-W", str(int(w * k)), "-H", str(int(h * k))]
        target = out or Path(tempfile.mkdtemp()) / "page"
        subprocess.run(cmd + [str(src), str(target.with_suffix(""))], check=True, capture_output=True)
        return target.with_suffix(".png")


def ocr(png: Path, lang: str, psm: int = 6) -> str:
    # One thread: on a small machine Tesseract's OpenMP threads fight each
    # other and a page takes four times as long.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(["tesseract", str(png), "stdout", "-l", lang, "--psm", str(psm)],
                          capture_output=True, text=True, check=True, env=env).stdout


# Tesseract's Urdu model writes some letters in their Arabic code points.
_FOLD = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0647": "\u06c1",
                       "\u06d5": "\u06c1"})
_SCRIPT_RANGES = {
    "es": [(0x41, 0x24F)], "en": [(0x41, 0x24F)], "bn": [(0x980, 0x9FF)], "hi": [(0x900, 0x97F)],
    "pa": [(0xA00, 0xA7F)], "ur": [(0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFEFF)],
}


def words(text: str, lang: str) -> list[str]:
    """The words of `text` in `lang`'s script, in a comparable form:
    NFC, punctuation and joiners dropped, Urdu letter variants folded."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    out = []
    for raw in text.split():
        w = "".join(c for c in raw if unicodedata.category(c)[0] in "LMN")
        if len(w) >= 2 and any(lo <= ord(c) <= hi for c in w for lo, hi in _SCRIPT_RANGES[lang]):
            out.append(w)
    return out


def word_rate(read: str, vocabulary: set[str], lang: str) -> tuple[float, int]:
    """Share of the words read that are words of the vocabulary, and how many were read."""
    got = words(read, lang)
    if not got:
        return 0.0, 0
    return sum(w in vocabulary for w in got) / len(got), len(got)


def sample_pdf(lang: str, shaping: bool, text: str | None = None) -> bytes:
    """The sample sentences alone on a small page, 14 pt."""
    import io

    from reportlab.platypus import SimpleDocTemplate

    from desktop.pdf.fonts import font_set
    from desktop.pdf.script_text import AUTO, TextBlock, TextStyle

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(470, 260), leftMargin=20, rightMargin=20, topMargin=20,
                            bottomMargin=10, invariant=1)
    style = TextStyle(font_set(lang), size=14, direction=AUTO, lang=lang, shaping=shaping)
    doc.build([TextBlock(text or SAMPLES[lang], style)])
    return buf.getvalue()
