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


def one_core(argv: list[str] | None = None) -> list[str]:
    """Honour `--one-core` (removed from argv): pin this process, and so every
    process it starts (affinity is inherited), to a single CPU, so figures read
    as an old single-core PC would feel them. Returns argv without the flag."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--one-core" in argv:
        argv.remove("--one-core")
        pin_one_core()
    return argv


def pin_one_core() -> int | None:
    import os

    if not hasattr(os, "sched_setaffinity"):  # macOS, Windows: run under `start /affinity 1`
        print("one-core mode: no sched_setaffinity here; figures use every core", file=sys.stderr)
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    os.environ["RELIEF_WIZARD_BENCH_ONE_CORE"] = str(cpu)  # children say so in their output
    return cpu
