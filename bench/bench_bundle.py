"""The bundle against the virtual environment: size, and cold start of the same
commands run alternately (paired), so both see the same machine load.

    bash packaging/build_linux.sh --no-test && .venv/bin/python bench/bench_bundle.py [dist/relief-wizard]

Cold start here is a new process each time (the files are in the page cache
after the first run, as on a PC that has started the app once today).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, app_exe, line, paired_wall_ms

CASE = {"decision_stage": "immigration_judge", "decision_date": "2026-11-02", "bia_appeal_filed": "no",
        "country_of_nationality": "BD", "fears_harm_on_return": "yes", "harm_reasons": ["political_opinion"]}


def size_mb(folder: Path) -> float:
    # Symlinks (PyInstaller links some libraries) counted once, as on disk.
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main(bundle: str = "dist/relief-wizard") -> None:
    folder = (ROOT / bundle).resolve()
    exe = folder / "relief-wizard"
    venv_exe = app_exe()
    if not exe.exists():
        print(f"== bundle: none at {folder} (build it: bash packaging/build_linux.sh --no-test)")
        return
    print(f"== bundle ({folder})")
    internal = folder / "_internal"
    line("bundle size", size_mb(folder), "MB")
    for part in ("PySide6", "cryptography", "PIL", "pillow.libs", "babel", "assets", "espeakng_loader"):
        if (internal / part).exists():
            line(f"  of which {part}", size_mb(internal / part), "MB")
    if (folder / "guide").exists():
        line("  of which guide (web pages)", size_mb(folder / "guide"), "MB")

    work = Path(tempfile.mkdtemp(prefix="rw-bench-bundle-"))
    answers = work / "answers.json"
    answers.write_text(json.dumps(CASE))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8",
           "RELIEF_WIZARD_DATA_DIR": str(work / "data")}
    cases = [
        ("--version", ["--version"], {}, 15),
        ("evaluate", ["evaluate", str(answers), "--today", "2026-11-23"], {}, 15),
        ("export --lang bn (PDF)", ["export", str(answers), "--lang", "bn", "--out", str(work / "s.pdf"),
                                    "--today", "2026-11-23"], {}, 7),
        ("GUI to first screen (offscreen)", [], {"QT_QPA_PLATFORM": "offscreen",
                                                  "RELIEF_WIZARD_SMOKE_SCREENSHOT": str(work / "shot.png")}, 7),
    ]
    for label, args, extra, repeat in cases:
        run_env = {**env, **extra}
        base, run, ratio = paired_wall_ms([str(venv_exe), *args], [str(exe), *args], repeat=repeat, env=run_env)
        line(f"{label}: venv", base)
        line(f"{label}: bundle", run, baseline=None)
        print(f"{'':<58} median paired ratio bundle/venv {ratio:.2f}x")


def figures(bundle: str = "dist/relief-wizard", repeat: int = 15) -> dict | None:
    """--version and evaluate, bundle against the venv, paired; None without a bundle."""
    exe = (ROOT / bundle).resolve() / "relief-wizard"
    if not exe.exists():
        return None
    work = Path(tempfile.mkdtemp(prefix="rw-bench-bundle-"))
    answers = work / "answers.json"
    answers.write_text(json.dumps(CASE))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8",
           "RELIEF_WIZARD_DATA_DIR": str(work / "data")}
    out = {}
    for label, args in (("version", ["--version"]), ("evaluate", ["evaluate", str(answers), "--today", "2026-11-23"])):
        base, run, ratio = paired_wall_ms([app_exe(), *args], [str(exe), *args], repeat=repeat, env=env)
        out[label] = {"venv_ms": base, "bundle_ms": run, "ratio": ratio}
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from common import one_core

    os.chdir(ROOT)
    rest = one_core()
    if "--json" in rest:
        rest.remove("--json")
        print(json.dumps(figures(*rest[:1])))
    else:
        main(*rest[:1])
