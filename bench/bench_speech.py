#!/usr/bin/env python3
"""How fast Read aloud starts and how fast eSpeak NG synthesizes, per language.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_speech.py [--presses 11]

Figures:
  press -> first sample  Read aloud pressed on the first question (offscreen
        window, made-up client) until the first samples reach the sound
        device; a recording device stands in for the real one, which this
        machine does not have. Median over --presses presses.
  synthesis per second of speech  wall time to synthesize every question and
        option text of the language, divided by the seconds of speech made
        (0.01 = 100 times faster than it is spoken).
  engine start  loading the library and the voice data, once per process.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RELIEF_WIZARD_KDF_TEST", "1")  # a cheap key: the store is not measured here

from common import line  # noqa: E402


class FirstSample:
    """A sound device that notes when its first samples arrive."""
    available = True
    reason = ""

    def __init__(self):
        self.at: float | None = None
        self.arrived = threading.Event()

    def open(self):
        from desktop.ui.speech.playback import Sink

        device = self

        class Recording(Sink):
            def write(self, pcm: bytes) -> bool:
                if device.at is None:
                    device.at = time.perf_counter()
                    device.arrived.set()
                return True

        return Recording()


def press_to_first_sample(lang: str, presses: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from ui_driver import choose_language, dispose, make_window, new_client, set_passphrase, settle

    from desktop.ui.speech.reader import Reader

    window = make_window(Path(tempfile.mkdtemp(prefix="rw-bench-speech-")) / "data")
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, "Made Up")
    device = FirstSample()
    window.set_reader(Reader(player=device))
    button = window.screens["question"].read
    samples = []
    for _ in range(presses):
        window.set_reading(False)
        settle(1)
        device.at = None
        device.arrived.clear()
        t0 = time.perf_counter()
        QTest.mouseClick(button, Qt.LeftButton)
        if not device.arrived.wait(5):
            raise SystemExit(f"{lang}: no sound within 5 s")
        samples.append((device.at - t0) * 1000)
    window.set_reading(False)
    dispose(window)
    return samples


def synthesis_factor(lang: str) -> tuple[float, float]:
    from desktop.i18n import Translator
    from desktop.logic.spoken import wizard_texts
    from desktop.ui.speech.ear import said
    from desktop.ui.speech.espeak import shared_engine

    engine = shared_engine()
    t = Translator(lang)
    texts = [said(t.gettext(s), lang) for s in wizard_texts()]
    t0 = time.perf_counter()
    spoken = sum(len(engine.synthesize(text, lang)) for text in texts) / 2 / engine.sample_rate
    return (time.perf_counter() - t0) / spoken, spoken


def main(presses: int = 11) -> None:
    from desktop.i18n import LANGUAGES

    from desktop.ui.speech.espeak import shared_engine

    t0 = time.perf_counter()
    shared_engine()
    print("== read aloud (eSpeak NG through espeakng-loader)")
    line("engine start (library + voice data)", (time.perf_counter() - t0) * 1000)
    from desktop.ui.app import make_application

    make_application()
    for lang in LANGUAGES:
        latency = press_to_first_sample(lang, presses)
        factor, spoken = synthesis_factor(lang)
        line(f"{lang}: press -> first sample (median of {presses})", statistics.median(latency))
        line(f"{lang}:   slowest press", max(latency))
        line(f"{lang}: synthesis per second of speech ({spoken:.0f} s spoken)", factor * 1000, "ms/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=11)
    main(parser.parse_args().presses)
