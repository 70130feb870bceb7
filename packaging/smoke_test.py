"""Smoke test of a built bundle, run with the system Python, outside the venv.

    python3 packaging/smoke_test.py dist/relief-wizard

From the bundle alone (clean environment, no virtual environment on PATH,
no PYTHONPATH) and with networking denied where the machine allows it
(`unshare --net`, as root): --version, `evaluate`, `export` in every
language, the guide's web pages, the GUI offscreen up to its first screen,
and the read-aloud voices: one sentence per language synthesized to a WAV
(no sound device needed), checked for sound and for a speech-like length.
"""
from __future__ import annotations

import array
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGS = ("en", "es", "bn", "hi", "pa", "ur")
CASE = {
    "decision_stage": "immigration_judge", "decision_date": "2026-11-02", "bia_appeal_filed": "no",
    "date_of_birth": "1990-05-01", "country_of_nationality": "BD", "last_arrival_date": "2019-03-10",
    "fears_harm_on_return": "yes", "harm_reasons": ["political_opinion"], "criminal_history": "none",
}


def main(bundle: str) -> int:
    exe = Path(bundle).resolve() / "relief-wizard"
    if not exe.exists():
        print(f"no bundle at {exe}")
        return 1
    work = Path(tempfile.mkdtemp(prefix="rw-smoke-"))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8",
           "RELIEF_WIZARD_DATA_DIR": str(work / "data"), "RELIEF_WIZARD_PASSPHRASE": "smoke test passphrase"}
    prefix = []
    if shutil.which("unshare") and os.geteuid() == 0:
        probe = subprocess.run(["unshare", "--net", "true"], capture_output=True)
        if probe.returncode == 0:
            prefix = ["unshare", "--net"]
    print(f"network: {'denied (unshare --net)' if prefix else 'not isolated (needs root and unshare)'}")
    failures = 0

    def run(label, args, extra_env=None, check=None, rc=0):
        nonlocal failures
        t0 = time.perf_counter()
        r = subprocess.run(prefix + [str(exe), *args], capture_output=True, text=True, cwd=work,
                           env={**env, **(extra_env or {})}, timeout=180)
        ms = (time.perf_counter() - t0) * 1000
        ok = r.returncode == rc and (check is None or check(r))
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {label:<34} {ms:8.0f} ms")
        if not ok:
            print("   stdout:", r.stdout[-500:], "\n   stderr:", r.stderr[-1500:])
        return r

    answers = work / "answers.json"
    answers.write_text(json.dumps(CASE))
    run("--version", ["--version"], check=lambda r: r.stdout.startswith("relief-wizard "))
    run("evaluate", ["evaluate", str(answers), "--today", "2026-11-23"],
        check=lambda r: json.loads(r.stdout)["options"][1] == {**json.loads(r.stdout)["options"][1], "id": "bia_appeal",
                                                              "deadline": "2026-12-02", "status": "likely"})
    run("evaluate names its legal data", ["evaluate", str(answers), "--today", "2026-11-23"],
        check=lambda r: "+data-" in json.loads(r.stdout)["rules_version"] and json.loads(r.stdout)["data_as_of"])
    # The shipped data and the public key(s) that updates are checked against.
    run("data status", ["data", "status"],
        check=lambda r: "Source: shipped with this release" in r.stdout and "Trusted keys: " in r.stdout
        and "none" not in r.stdout.split("Trusted keys: ")[1])
    bad = work / "unsigned.rwdata"
    bad.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: no signature
    run("data import refuses an unsigned file", ["data", "import", str(bad)], rc=2,
        check=lambda r: "Nothing was changed." in r.stderr and not (work / "data" / "legal-data").exists())
    for lang in LANGS:
        out = work / f"summary-{lang}.pdf"
        run(f"export --lang {lang}", ["export", str(answers), "--lang", lang, "--out", str(out), "--today", "2026-11-23"],
            check=lambda r, out=out: out.exists() and out.read_bytes()[:5] == b"%PDF-")
    guide = exe.parent / "guide"
    pages = [guide / "index.html", *(guide / f"center-guide.{lang}.html" for lang in LANGS)]
    missing = [p.name for p in pages if not p.exists()]
    failures += bool(missing)
    print(f"{'ok  ' if not missing else 'FAIL'} guide pages ({len(pages) - len(missing)} of {len(pages)})"
          + (f": missing {', '.join(missing)}" if missing else ""))
    shot = work / "first-screen.png"
    run("GUI offscreen, first screen", [], extra_env={"QT_QPA_PLATFORM": "offscreen",
                                                     "RELIEF_WIZARD_SMOKE_SCREENSHOT": str(shot)},
        check=lambda r: shot.exists() and shot.stat().st_size > 1000)
    speech = work / "speech"
    run("read aloud: a WAV per language", [], extra_env={"RELIEF_WIZARD_SMOKE_SPEECH": str(speech)},
        check=lambda r: spoken_problems(speech, r.stdout) == [])
    for problem in spoken_problems(speech, ""):
        print("   ", problem)
    print(f"{'all passed' if not failures else f'{failures} failed'}; files in {work}")
    return 1 if failures else 0


def spoken_problems(folder: Path, stdout: str) -> list[str]:
    """What is wrong with the bundle's speech samples (none: [])."""
    import wave

    problems = []
    for lang in LANGS:
        path = folder / f"{lang}.wav"
        if not path.exists():
            problems.append(f"{lang}: no WAV")
            continue
        with wave.open(str(path)) as w:
            rate, frames = w.getframerate(), w.readframes(w.getnframes())
        samples = array.array("h")
        samples.frombytes(frames)
        seconds = len(samples) / rate
        level = math.sqrt(sum(x * x for x in samples) / max(1, len(samples)))
        if not (1.0 < seconds < 10.0 and level > 500):
            problems.append(f"{lang}: {seconds:.2f} s, RMS {level:.0f}")
    return problems


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist/relief-wizard"))
