"""Every question and option text, in every language, read by eSpeak NG as
the wizard reads it: the audio is not silent, and its length per character
is that of speech, not of a voice spelling letters or skipping words.

One engine, one test: about 1,300 syntheses take some 25 s here."""
from __future__ import annotations

import array
import math

import pytest

from desktop.i18n import LANGUAGES, Translator
from desktop.logic.spoken import for_the_ear, wizard_texts
from desktop.ui.speech.espeak import RATE_NORMAL, RATE_SLOW, shared_engine
from desktop.ui.speech.ear import vocabulary

RMS_FLOOR = 500          # measured: the quietest text is above 2,200
# Seconds per character of texts of 12 characters or more, at the normal
# rate: measured 0.050 to 0.116 over all languages.
BAND = (0.040, 0.140)
SHORT_MAX_SECONDS = 2.0  # "Yes", "No": the voice's own pauses dominate


def rms(pcm: bytes) -> float:
    samples = array.array("h")
    samples.frombytes(pcm)
    step = samples[::4]  # a quarter of the samples is plenty for a level
    return math.sqrt(sum(x * x for x in step) / max(1, len(step)))


@pytest.fixture(scope="module")
def engine():
    return shared_engine()


def measure(engine, text: str, lang: str, rate: int = RATE_NORMAL) -> tuple[float, float]:
    pcm = engine.synthesize(text, lang, rate)
    return len(pcm) / 2 / engine.sample_rate, rms(pcm)


def test_every_wizard_text_in_every_language_is_spoken(engine):
    texts = wizard_texts()
    assert len(texts) > 150
    problems = []
    for lang in LANGUAGES:
        t = Translator(lang, strict=True)
        words = vocabulary(lang)
        for source in texts:
            said = for_the_ear(t.gettext(source), lang, words)
            seconds, level = measure(engine, said, lang)
            if level < RMS_FLOOR:
                problems.append(f"{lang} silent ({level:.0f}): {said[:60]}")
            if len(said) >= 12:
                per_char = seconds / len(said)
                if not BAND[0] <= per_char <= BAND[1]:
                    problems.append(f"{lang} {per_char:.3f} s/char: {said[:60]}")
            elif not 0.1 < seconds < SHORT_MAX_SECONDS:
                problems.append(f"{lang} {seconds:.2f} s: {said}")
    assert not problems, "\n".join(problems[:20])


def test_the_band_catches_a_voice_that_skips_what_it_cannot_read(engine):
    # eSpeak NG's Urdu voice is silent on Extended Arabic-Indic digits: the
    # raw text comes out too short per character; for_the_ear mends it.
    raw = "کیا آپ کو ۱۲ مارچ ۲۰۲۴ کو حکم ملا"
    seconds, _ = measure(engine, raw, "ur")
    mended, _ = measure(engine, for_the_ear(raw, "ur"), "ur")
    assert mended > seconds * 1.4
    # Words a voice can only spell, letter by letter, are far longer per
    # character.
    spelled = "xkcd qwrtz bvcxz"
    seconds, _ = measure(engine, spelled, "en")
    assert seconds / len(spelled) > BAND[1]


def test_slow_reading_is_slower(engine):
    text = Translator("hi").gettext(wizard_texts()[0])
    normal, _ = measure(engine, text, "hi")
    slow, _ = measure(engine, text, "hi", RATE_SLOW)
    assert slow > normal * 1.2


def test_every_language_has_its_own_voice(engine):
    for lang in LANGUAGES:
        assert engine.has_voice(lang), lang


PRUNED_CHILD = r"""
import sys
from desktop.ui.speech.espeak import Engine, library_paths
from desktop.ui.speech.samples import sample_text
engine = Engine(library_paths()[0], sys.argv[1])
for lang in ("en", "es", "bn", "hi", "pa", "ur"):
    text = sample_text(lang) + " 2024"
    print(lang, len(engine.synthesize(text, lang)) / 2 / engine.sample_rate / len(text))
# A Latin word inside Bengali switches to the English voice: it must be there.
print("bn+en", len(engine.synthesize("আপনি কি asylum চান", "bn")) / 2 / engine.sample_rate / 18)
"""


def test_the_bundles_share_of_the_voice_data_speaks_every_language(tmp_path):
    """The spec bundles only part of espeak-ng-data (bundled_data_file);
    that part alone must read all six languages, as the full data does."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from desktop.ui.speech.espeak import bundled_data_file, library_paths

    full = Path(library_paths()[1])
    pruned = tmp_path / "espeak-ng-data"
    for path in full.rglob("*"):
        rel = path.relative_to(full).as_posix()
        if path.is_file() and bundled_data_file(rel):
            (pruned / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, pruned / rel)
    r = subprocess.run([sys.executable, "-c", PRUNED_CHILD, str(pruned)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    per_char = dict(line.split() for line in r.stdout.splitlines())
    assert set(per_char) == {"en", "es", "bn", "hi", "pa", "ur", "bn+en"}
    for lang, value in per_char.items():
        assert BAND[0] <= float(value) <= BAND[1], (lang, value)
