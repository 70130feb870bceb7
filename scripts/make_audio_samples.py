"""docs/audio/<lang>.wav: the wizard's detention question read by eSpeak NG
in each language, 16 kHz mono (each well under 150 KB).

    .venv/bin/python scripts/make_audio_samples.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.ui.speech.samples import sample_text, write_samples  # noqa: E402


def main() -> None:
    for lang, (path, seconds) in write_samples(ROOT / "docs" / "audio", rate=16000).items():
        print(f"{lang}: {seconds:.1f} s, {path.stat().st_size / 1000:.0f} KB  {sample_text(lang)}")


if __name__ == "__main__":
    main()
