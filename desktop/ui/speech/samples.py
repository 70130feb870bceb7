"""One spoken sentence per language written to WAV files: the bundle's
smoke test proves with it that the voices work offline, and
scripts/make_audio_samples.py makes docs/audio/ with it.

Only wizard texts are spoken (never client data)."""
from __future__ import annotations

import array
from pathlib import Path

from ...i18n import LANGUAGES, Translator
from .ear import said
from .espeak import RATE_NORMAL, shared_engine, wav_bytes

SAMPLE_QUESTION = "detained"  # short in every language: a few seconds


def resample(pcm: bytes, source: int, target: int) -> bytes:
    """Linear interpolation (after a 2-tap average against aliasing); enough
    for small speech samples, without numpy."""
    if source == target:
        return pcm
    s = array.array("h")
    s.frombytes(pcm)
    if len(s) < 2:
        return pcm
    smooth = array.array("h", ((s[i] + s[i + 1]) // 2 for i in range(len(s) - 1)))
    out = array.array("h")
    step = source / target
    n = int((len(smooth) - 1) / step)
    for k in range(n):
        x = k * step
        i = int(x)
        frac = x - i
        out.append(int(smooth[i] * (1 - frac) + smooth[i + 1] * frac))
    return out.tobytes()


def sample_text(lang: str) -> str:
    from ...logic.questions import catalog

    return said(Translator(lang).gettext(catalog()[SAMPLE_QUESTION].prompt), lang)


def write_samples(folder: Path | str, rate: int | None = None, langs=LANGUAGES) -> dict[str, tuple[Path, float]]:
    """lang -> (WAV path, seconds) for each language's sample question."""
    engine = shared_engine()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for lang in langs:
        pcm = engine.synthesize(sample_text(lang), lang, RATE_NORMAL)
        target = rate or engine.sample_rate
        pcm = resample(pcm, engine.sample_rate, target)
        path = folder / f"{lang}.wav"
        path.write_bytes(wav_bytes(pcm, target))
        out[lang] = (path, len(pcm) / 2 / target)
    return out
