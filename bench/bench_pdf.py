"""Summary PDF figures: time to build a full bilingual summary per language
(median, fonts already loaded as in a running app), against a one-page plain
English reportlab document built in the same run.

    .venv/bin/python bench/bench_pdf.py [--one-core] [--json] [--repeat 9]
"""
from __future__ import annotations

import datetime as dt
import io
import json
import statistics
import sys
import time

from common import ROOT, line, median_ms, one_core

CASE_FILE = ROOT / "tests" / "pdf" / "full_case.json"
TODAY = dt.date(2026, 11, 23)
LANGS = ("en", "es", "bn", "hi", "pa", "ur")


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


def figures(repeat: int = 9) -> dict:
    sys.path.insert(0, str(ROOT))
    from desktop.logic.evaluate import evaluate
    from desktop.logic.validation import validate_answers
    from desktop.pdf.summary import SummaryRequest, build_summary

    answers = validate_answers(json.loads(CASE_FILE.read_text("utf-8")), TODAY)
    ev = evaluate(answers, TODAY)
    plain_english_page()
    out = {"baseline_ms": median_ms(plain_english_page, 21), "langs": {}}
    reqs = {lang: SummaryRequest(answers=answers, evaluation=ev, lang=lang, today=TODAY, name="Name",
                                 name_latin="NAME, Client", code="RW-1") for lang in LANGS}
    for lang, req in reqs.items():
        t0 = time.perf_counter()
        pages = build_summary(req).pages  # first build: fonts and shaping caches cold
        out["langs"][lang] = {"pages": pages, "first_ms": (time.perf_counter() - t0) * 1000, "samples": []}
    for _ in range(repeat):  # languages interleaved, so load drift hits them alike
        for lang, req in reqs.items():
            t0 = time.perf_counter()
            build_summary(req)
            out["langs"][lang]["samples"].append((time.perf_counter() - t0) * 1000)
    for v in out["langs"].values():
        v["median_ms"] = statistics.median(v.pop("samples"))
    return out


def main(argv=None) -> None:
    argv = one_core(argv)
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 9
    f = figures(repeat)
    if "--json" in argv:
        print(json.dumps(f))
        return
    print("== pdf")
    baseline = f["baseline_ms"]
    line("one-page plain English reportlab document, median (baseline)", baseline)
    for lang, v in f["langs"].items():
        line(f"summary {lang} ({v['pages']} pages), first in process", v["first_ms"])
        line(f"summary {lang} ({v['pages']} pages), median", v["median_ms"], baseline=baseline)


if __name__ == "__main__":
    main()
