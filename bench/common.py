"""Small timing helpers: medians of repeated runs, ratios to a same-run baseline."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def app_exe() -> str:
    """The `relief-wizard` installed beside the interpreter that runs the
    benchmark (any virtual environment, any platform), else the one on PATH."""
    import shutil

    name = "relief-wizard.exe" if sys.platform == "win32" else "relief-wizard"
    here = Path(PY).parent / name
    found = str(here) if here.exists() else shutil.which("relief-wizard")
    if not found:
        raise SystemExit(f"no relief-wizard beside {PY} or on PATH: install the package first")
    return found


def median_ms(fn, repeat: int = 21) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def percentile(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def wall_ms(cmd: list[str], repeat: int = 15, env=None) -> float:
    return median_ms(lambda: subprocess.run(cmd, check=True, capture_output=True, env=env), repeat)


def line(label: str, value: float, unit: str = "ms", baseline: float | None = None) -> None:
    ratio = f"   ratio {value / baseline:.2f}x" if baseline else ""
    print(f"{label:<58} {value:9.2f} {unit}{ratio}")


def paired_wall_ms(baseline: list[str], cmd: list[str], repeat: int = 25, env=None):
    """Run baseline and command alternately so both see the same machine load;
    returns (median baseline ms, median command ms, median of per-pair ratios)."""
    base, run, ratios = [], [], []
    for _ in range(repeat):
        for samples, argv in ((base, baseline), (run, cmd)):
            t0 = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env)
            samples.append((time.perf_counter() - t0) * 1000)
        ratios.append(run[-1] / base[-1])
    return statistics.median(base), statistics.median(run), statistics.median(ratios)
