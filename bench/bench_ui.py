#!/usr/bin/env python3
"""How fast the wizard window is, against a bare PySide6 window started in
the same run on the same machine.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--runs 5] [--one-core]

Figures (medians over --runs fresh processes):
  cold start     process start -> first screen painted (language picker)
  next page      Next pressed -> the next question painted (in-process)
  language switch  a switch -> the screen painted again, on a question and
                 on the results page
  peak memory    the process's peak resident size after a whole walk: the
                 language, the passphrase of the center's store (made
                 beforehand, as on the day the app was set up), a new client,
                 every question, the results, six language switches on a
                 question and six on the results; each step is one call from
                 the running event loop. The store's KDF is the tests' cheap
                 one, as in the issue's figures: the real one needs its
                 96 MiB for the 0.4 s of an unlock (bench_store.py). The
                 first walk of a center, which makes the store, is reported
                 beside it.
Each is also given as a ratio to the bare window: times to its cold start,
memory to its peak. Made-up data in a throw-away folder.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _peak_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024


def _rss_mib() -> float | None:
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS:"))
    except (OSError, StopIteration):  # not Linux
        return None


def child_bare() -> dict:
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication([])
    w = QWidget()
    lay = QVBoxLayout(w)
    for text in ("English", "Español", "বাংলা", "हिन्दी", "ਪੰਜਾਬੀ", "اردو"):
        lay.addWidget(QLabel(text))
    w.resize(1024, 600)
    w.show()
    app.processEvents()
    w.grab()
    return {"ready": time.time(), "peak_mib": _peak_mib()}


def child_setup(data: str) -> dict:
    """The center's store, made as on the day the app was installed (in a
    process of its own: making one loads sqlite-utils for the schema steps,
    which a day's walk never does)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "ui"))
    from ui_driver import PASSPHRASE

    from desktop.store import Store, crypto

    crypto.test_mode = lambda: True  # as in _walk
    Store.create(data, PASSPHRASE).close()
    return {"ready": time.time()}


def child_app(walk: bool, data: str | None = None) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "ui"))
    from desktop.ui.app import build_window, make_application

    app = make_application()
    data = data or tempfile.mkdtemp(prefix="rw-bench-")
    w = build_window(data_dir=data)
    w.resize(1024, 600)
    w.show()
    app.processEvents()
    w.grab()
    out = {"ready": time.time()}
    if not walk:
        out["peak_mib"] = _peak_mib()
        return out
    # The walk as a person makes it: each step is one call from the running
    # event loop, which then deletes what the step let go of (deleteLater)
    # before the next. A walk driven by processEvents() alone never reaches
    # the loop, so every question's old widgets stayed alive to the end and
    # the peak counted about 500 widgets no one could see.
    from PySide6.QtCore import QTimer

    steps = _walk(w, app, out)

    def advance():
        try:
            next(steps)
        except StopIteration:
            app.quit()
            return
        QTimer.singleShot(0, advance)

    QTimer.singleShot(0, advance)
    app.exec()
    out["peak_mib"] = _peak_mib()
    out["rss_mib_at_end"] = _rss_mib()
    out["widgets"] = len(app.allWidgets())
    w.session.shutdown()
    return out


def _walk(w, app, out: dict):
    """Language picker to the results, then language switches on a question
    and on the results; yields between steps."""
    from ui_driver import CASE, answer_current, choose_language, new_client, set_passphrase

    # The cheap KDF of the tests: the goal counts the app, not scrypt's 96 MiB
    # for the 0.4 s of an unlock (crypto.STORE_KDF), which the issue's own
    # figures left out too; bench_store.py measures the KDF.
    from desktop.store import crypto

    crypto.test_mode = lambda: True
    choose_language(w, "bn")
    yield
    set_passphrase(w)
    yield
    new_client(w, "Made Up")
    yield
    q = w.screens["question"]
    nexts = []
    while w.view in w.session.flow.catalog:
        answer_current(w, CASE.get(w.view, "not_sure"))
        t0 = time.perf_counter()
        q.go_next()
        app.processEvents()
        w.grab()
        nexts.append(time.perf_counter() - t0)
        yield
    switches_q, switches_r = [], []
    w.go("decision_date")
    yield
    for lang in ("es", "pa", "ur", "hi", "en", "bn"):
        t0 = time.perf_counter()
        w.set_language(lang)
        app.processEvents()
        w.grab()
        switches_q.append(time.perf_counter() - t0)
        yield
    w.go("results")
    yield
    for lang in ("es", "pa", "ur", "hi", "en", "bn"):
        t0 = time.perf_counter()
        w.set_language(lang)
        app.processEvents()
        w.grab()
        switches_r.append(time.perf_counter() - t0)
        yield
    out.update(next_s=statistics.median(nexts), switch_question_s=statistics.median(switches_q),
               switch_results_s=statistics.median(switches_r))


def spawn(kind: str, data: str | None = None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # As installed: pip and the bundle ship compiled modules. A shell with
    # PYTHONDONTWRITEBYTECODE would have every start compile the app again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.time()
    proc = subprocess.run([sys.executable, __file__, "--child", kind, *(["--data", data] if data else [])],
                          capture_output=True, text=True,
                          env=env, cwd=str(ROOT), timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{proc.stderr[-3000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["start_s"] = data["ready"] - t0
    return data


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--child", choices=("bare", "app", "walk", "setup"))
    ap.add_argument("--data", help="(child) the data folder; a new empty one without it")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--one-core", action="store_true", help="pin this run and its children to one CPU")
    args = ap.parse_args(argv)
    if args.one_core and not args.child:
        sys.path.insert(0, str(Path(__file__).parent))
        from common import pin_one_core

        pin_one_core()
    if args.child:
        if args.child == "setup":
            result = child_setup(args.data)
        else:
            result = child_bare() if args.child == "bare" else child_app(args.child == "walk", args.data)
        print(json.dumps(result))
        return 0

    import compileall

    compileall.compile_dir(str(ROOT / "desktop"), quiet=1)
    bare, app, walks, first_walks = [], [], [], []
    for _ in range(args.runs):  # interleaved, so drift in the machine hits both alike
        bare.append(spawn("bare"))
        app.append(spawn("app"))
        # A day's walk: the store was made when the app was set up.
        data = tempfile.mkdtemp(prefix="rw-bench-")
        spawn("setup", data)
        walks.append(spawn("walk", data))
        # The center's very first walk, which makes the store.
        first_walks.append(spawn("walk"))
    med = statistics.median
    bare_start = med(r["start_s"] for r in bare)
    bare_mem = med(r["peak_mib"] for r in bare)
    figures = {
        "runs": args.runs,
        "bare_window": {"cold_start_s": bare_start, "peak_mib": bare_mem},
        "cold_start_s": med(r["start_s"] for r in app),
        "next_page_s": med(r["next_s"] for r in walks),
        "language_switch_question_s": med(r["switch_question_s"] for r in walks),
        "language_switch_results_s": med(r["switch_results_s"] for r in walks),
        "peak_mib_after_walk": med(r["peak_mib"] for r in walks),
        "peak_mib_after_first_walk": med(r["peak_mib"] for r in first_walks),
    }
    ratios = {k: (v / bare_start if k.endswith("_s") else v / bare_mem)
              for k, v in figures.items() if k not in ("runs", "bare_window")}
    if args.json:
        print(json.dumps({"figures": figures, "ratio_to_bare": ratios}, indent=2))
        return 0
    print(f"{'':32} {'median':>10} {'x bare':>8}")
    print(f"{'bare window cold start':32} {bare_start:>9.3f}s {1:>8.2f}")
    print(f"{'bare window peak memory':32} {bare_mem:>7.1f}MiB {1:>8.2f}")
    for key, label, unit in (("cold_start_s", "cold start to first screen", "s"),
                             ("next_page_s", "next page", "s"),
                             ("language_switch_question_s", "language switch (question)", "s"),
                             ("language_switch_results_s", "language switch (results)", "s"),
                             ("peak_mib_after_walk", "peak memory after a walk", "MiB"),
                             ("peak_mib_after_first_walk", "  the first, making the store", "MiB")):
        value = figures[key]
        shown = f"{value:>9.3f}s" if unit == "s" else f"{value:>7.1f}MiB"
        print(f"{label:32} {shown} {ratios[key]:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
