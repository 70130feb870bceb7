#!/usr/bin/env python3
"""Save a picture of every screen of the wizard in every language.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang ur ...]

Runs offscreen with made-up clients in a throw-away data folder (never a
real center's records). Pictures are 1024x600, the smallest screen the
wizard must fit; a few more show 200% text with high contrast, and
1920x1080.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RELIEF_WIZARD_KDF_TEST", "1")  # a cheap key derivation: made-up data only
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 23)
PASSPHRASE = "example passphrase"
# Made-up people, one per language, in the script they would type.
NAMES = {
    "en": ("Maria Example", ""),
    "es": ("José Ejemplo", "Jose Ejemplo"),
    "bn": ("রহিমা উদাহরণ", "Rahima Udahoron"),
    "hi": ("सीमा उदाहरण", "Seema Udaharan"),
    "pa": ("ਗੁਰਪ੍ਰੀਤ ਮਿਸਾਲ", "Gurpreet Misal"),
    "ur": ("عائشہ مثال", "Ayesha Misal"),
}
# The UI tests' case: an immigration judge's denial 20 days ago, so the
# appeal is due in 10 days and the urgent banner shows.
from tests.ui.ui_driver import CASE as ANSWERS  # noqa: E402


def settle(app, rounds: int = 4) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(window, app, path: Path) -> None:
    settle(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(path))


def walk(lang: str, out: Path, app, size=(1024, 600), extras: bool = True) -> list[Path]:
    from desktop.ui.app import build_window

    saved: list[Path] = []

    def snap(name: str) -> None:
        p = out / lang / f"{name}.png"
        shoot(window, app, p)
        saved.append(p)

    data = tempfile.mkdtemp(prefix="rw-shots-")
    window = build_window(data_dir=data, today=TODAY)
    window.resize(*size)
    window.show()
    settle(app)
    window.choose_language(lang)
    window.go("language")
    snap("01-language")
    window.choose_language(lang)
    snap("02-unlock-set-passphrase")
    unlock = window.screens["unlock"]
    unlock.passphrase.setText(PASSPHRASE)
    unlock.repeat.setText(PASSPHRASE)
    unlock.submit()
    s = window.session
    for other in ("en", "es", "bn"):
        if other != lang:
            name, latin = NAMES[other]
            s.store.new_client(name, latin, lang=other)
    window.go("clients")
    name, latin = NAMES[lang]
    clients = window.screens["clients"]
    clients.name.setText(name)
    clients.name_latin.setText(latin)
    snap("03-clients")
    clients.create_client()
    snap("04-question-choice")

    q = window.screens["question"]
    while window.view not in ("review",):
        qid = window.view
        value = ANSWERS.get(qid, "not_sure")
        if qid == "decision_date":
            q.input.edit.setText("2027-01-05")
            q.input._edited("2027-01-05")
            snap("05-question-date-error")
            q.input.edit.setText(value)
            q.input._edited(value)
            snap("06-question-date-ok")
        elif qid == "country_of_nationality":
            q.input.search.setText("bang" if lang in ("en", "es") else "")
            q.answer_given(value)
            q.input.set_value(value)
            snap("07-question-country")
        elif qid == "harm_reasons":
            q.input.set_value(value)
            q.answer_given(value)
            snap("08-question-multi")
        elif q.input.pending_text() is None:
            q.answer_given(value)
            q.input.set_value(value)
        else:
            q.input.edit.setText(value)
            q.input._edited(value)
        q.go_next()
        settle(app, 1)
    snap("09-review")
    window.screens["review"].go_next()
    snap("10-results-top")
    results = window.screens["results"]
    results.scroll.verticalScrollBar().setValue(results.scroll.verticalScrollBar().maximum() // 4)
    snap("11-results-options")
    window.go("summary")
    snap("12-summary")
    if extras:
        window.set_text_scale(2.0)
        window.set_high_contrast(True)
        window.go("decision_stage")
        snap("13-question-200pct-high-contrast")
        window.go("results")
        snap("14-results-200pct-high-contrast")
        window.set_text_scale(1.0)
        window.set_high_contrast(False)
        window.go("results")
    window.lock()
    snap("15-locked")
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    settle(app)
    app.sendPostedEvents(None, QEvent.DeferredDelete)  # else every later window restyles this one too
    return saved


def main(argv=None) -> int:
    from desktop.i18n import LANGUAGES
    from desktop.ui.app import make_application

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--lang", nargs="*", default=list(LANGUAGES))
    args = ap.parse_args(argv)
    app = make_application()
    out = Path(args.out)
    count = 0
    for lang in args.lang:
        count += len(walk(lang, out, app))
    for lang in ("pa", "ur"):
        if lang in args.lang:
            count += len(walk(lang, out / "1920x1080", app, size=(1920, 1080), extras=False))
    print(f"saved {count} pictures under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
