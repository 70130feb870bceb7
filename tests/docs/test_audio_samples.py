"""docs/audio/: a short spoken question per language (scripts/make_audio_samples.py)."""
import array
import math
import wave
from pathlib import Path

import pytest

from desktop.i18n import LANGUAGES

AUDIO = Path(__file__).resolve().parents[2] / "docs" / "audio"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sample_is_small_speech_in_16_khz_mono(lang):
    path = AUDIO / f"{lang}.wav"
    assert path.stat().st_size < 150_000
    with wave.open(str(path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
        frames = w.readframes(w.getnframes())
    samples = array.array("h")
    samples.frombytes(frames)
    assert 1.5 < len(samples) / 16000 < 4.6
    assert math.sqrt(sum(x * x for x in samples) / len(samples)) > 500
