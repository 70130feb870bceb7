#!/usr/bin/env python3
"""Every goal of issue 17, measured and judged in one run (on demand, not in CI).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run_all.py [--one-core] [--runs 7]

Each benchmark runs in its own process (the UI, the summary, the store unlock,
the bundle when dist/relief-wizard exists); with --one-core all of them are
pinned to one CPU, as on a center's old PC. Every figure is a median and every
baseline is measured in the same run, so a loaded machine slows both sides.
Prints one line per goal: median, baseline, ratio, limit, PASS/FAIL.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from common import pin_one_core  # noqa: E402


# The bare window's cold start when issue 17 was measured (one core): the
# absolute limits (250 ms, 300 ms, KDF + 100 ms) were set on a machine this fast.
ISSUE_BARE_START_S = 0.35


def run_json(argv: list[str], env: dict | None = None) -> dict | None:
    proc = subprocess.run([sys.executable, *argv], capture_output=True, text=True, cwd=str(ROOT),
                          env=env, timeout=3600)
    if proc.returncode != 0:
        print(f"!! {' '.join(argv)} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    if proc.stdout.strip() == "null":  # the benchmark had nothing to measure (no bundle)
        return None
    lines = proc.stdout.strip().splitlines()
    for i in range(len(lines) - 1, -1, -1):  # the JSON is the output's tail, on one line or indented
        if lines[i].startswith("{"):
            try:
                return json.loads("\n".join(lines[i:]))
            except ValueError:
                continue
    print(f"!! {' '.join(argv)} printed no figures", file=sys.stderr)
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--one-core", action="store_true", help="pin every benchmark to one CPU")
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per UI figure")
    ap.add_argument("--repeat", type=int, default=9, help="repetitions per in-process figure")
    ap.add_argument("--clients", type=int, default=10_000)
    args = ap.parse_args(argv)
    cpu = pin_one_core() if args.one_core else None
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"relief-wizard goals (issue 17): {'one core (CPU %s)' % cpu if cpu is not None else 'all cores'}"
          f"{load}")

    gui_env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    store_env = {k: v for k, v in os.environ.items() if k != "RELIEF_WIZARD_KDF_TEST"}
    rows: list[tuple[str, float, float | None, float, float, str]] = []
    notes: list[str] = []
    load = None  # how much slower this machine is now than when the issue's figures were taken

    def goal(label, value, baseline, measure, limit, unit):
        """measure: what is held to the limit (a ratio, or the value itself)."""
        rows.append((label, value, baseline, measure, limit, unit))

    ui = run_json([str(HERE / "bench_ui.py"), "--json", "--runs", str(args.runs)], gui_env)
    if ui:
        f, bare = ui["figures"], ui["figures"]["bare_window"]
        load = bare["cold_start_s"] / ISSUE_BARE_START_S
        goal("cold start to first screen painted", f["cold_start_s"] * 1000, bare["cold_start_s"] * 1000,
             f["cold_start_s"] / bare["cold_start_s"], 1.5, "ms")
        for key, where in (("language_switch_question_s", "a question"), ("language_switch_results_s", "results")):
            ms = f[key] * 1000
            goal(f"language switch on {where}", ms, None, ms, 250, "ms")
        goal("peak memory after a walk", f["peak_mib_after_walk"], bare["peak_mib"],
             f["peak_mib_after_walk"] / bare["peak_mib"], 2.0, "MiB")
        sys.path.insert(0, str(ROOT))
        from desktop.store.crypto import STORE_KDF

        notes.append(f"(peak memory of a center's first walk, which makes the store: "
                     f"{f['peak_mib_after_first_walk']:.1f} MiB, "
                     f"{f['peak_mib_after_first_walk'] / bare['peak_mib']:.2f}x; an unlock's scrypt needs "
                     f"{STORE_KDF.memory_mib:.0f} MiB more for its duration, not counted in either)")

    store = run_json([str(HERE / "bench_store.py"), "--unlock-only", "--json", "--clients", str(args.clients),
                      "--repeat", str(args.repeat)], store_env)
    if store:
        goal(f"unlock with {store['clients']} clients, to the list (vs KDF)", store["unlock_ms"], store["kdf_ms"],
             store["extra_ms"], 100, "ms")
        if "unlock_check_inside_ms" in store:
            print(f"(unlock without the check ahead, as the CLI: {store['unlock_check_inside_ms']:.0f} ms;"
                  f" first whole listing after unlock: {store['first_full_list_ms']:.0f} ms)")

    pdf = run_json([str(HERE / "bench_pdf.py"), "--json", "--repeat", str(args.repeat)])
    if pdf:
        for lang, v in pdf["langs"].items():
            goal(f"bilingual summary {lang} ({v['pages']} pages)", v["median_ms"], pdf["baseline_ms"],
                 v["median_ms"], 300, "ms")

    bundle = run_json([str(HERE / "bench_bundle.py"), "--json"])
    if bundle:
        for key, label in (("version", "bundle --version"), ("evaluate", "bundle evaluate")):
            v = bundle[key]
            goal(f"{label} (vs venv)", v["bundle_ms"], v["venv_ms"], v["ratio"], 2.0, "ms")

    print(f"{'goal':<50} {'median':>11} {'baseline':>11} {'held to':>9} {'limit':>7}  result  {'at issue load':>13}")
    failed = 0
    for label, value, baseline, measure, limit, unit in rows:
        ok = measure <= limit
        failed += not ok
        base = f"{baseline:.1f} {unit}" if baseline is not None else "-"
        # ratio goals are limits up to 3x; the others are milliseconds
        ratio_goal = limit <= 3
        held, lim = (f"{measure:.2f}x", f"{limit:.1f}x") if ratio_goal else (f"{measure:.0f} ms", f"{limit:.0f} ms")
        # A millisecond limit read on a machine `load` times slower than the
        # issue's: the same figure divided by that factor (ratios need none).
        scaled = "" if ratio_goal or not load else \
            f"{measure / load:.0f} ms {'PASS' if measure / load <= limit else 'FAIL'}"
        print(f"{label:<50} {value:>7.1f} {unit:<3} {base:>11} {held:>9} {lim:>7}  {'PASS' if ok else 'FAIL'}  {scaled:>13}")
    for note in notes:
        print(note)
    if load:
        print(f"machine load: the bare window started in {load * ISSUE_BARE_START_S:.2f} s, {load:.1f}x the "
              f"{ISSUE_BARE_START_S:.2f} s of the issue's run; 'at issue load' divides the ms figures by that")
    if not bundle:
        print("bundle: no dist/relief-wizard (bash packaging/build_linux.sh --no-test); its two goals not measured")
    print(f"{len(rows) - failed} of {len(rows)} goals met")
    # Read aloud (issue 16) has no goal here; its figures follow.
    subprocess.run([sys.executable, str(HERE / "bench_speech.py")], cwd=str(ROOT), env=gui_env, check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
