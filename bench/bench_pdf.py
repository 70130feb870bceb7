"""Summary PDF figures: time to build a full bilingual summary per language
(median, fonts already loaded as in a running app), against a one-page plain
English reportlab document built in the same run."""
from __future__ import annotations

import datetime as dt
import io
import json
import time

from common import ROOT, line, median_ms

CASE_FILE = ROOT / "tests" / "pdf" / "full_case.json"
TODAY = dt.date(2026, 11, 23)
LANGS = ("es", "bn", "hi", "pa", "ur")


def plain_english_page() -> bytes:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    buf = io.BytesIO()
    story = [Paragraph("Summary for your lawyer", styles["Title"])]
    story += [Paragraph("Appeal to the Board of Immigration Appeals (BIA). Last day to file: November 16, 2026. "
                        "File Form EOIR-26 with the Board in Falls Church, Virginia.", styles["BodyText"])
              for _ in range(12)]
    SimpleDocTemplate(buf).build(story)
    return buf.getvalue()


def main() -> None:
    from desktop.logic.evaluate import evaluate
    from desktop.logic.validation import validate_answers
    from desktop.pdf.summary import SummaryRequest, build_summary

    answers = validate_answers(json.loads(CASE_FILE.read_text("utf-8")), TODAY)
    ev = evaluate(answers, TODAY)
    print("== pdf")
    plain_english_page()
    baseline = median_ms(plain_english_page, 21)
    line("one-page plain English reportlab document, median (baseline)", baseline)
    for lang in LANGS:
        req = SummaryRequest(answers=answers, evaluation=ev, lang=lang, today=TODAY, name="Name",
                             name_latin="NAME, Client", code="RW-1")
        t0 = time.perf_counter()
        pages = build_summary(req).pages  # first build: fonts and shaping caches cold
        cold = (time.perf_counter() - t0) * 1000
        line(f"summary {lang} ({pages} pages), first in process", cold)
        line(f"summary {lang} ({pages} pages), median", median_ms(lambda: build_summary(req), 7), baseline=baseline)


if __name__ == "__main__":
    main()
