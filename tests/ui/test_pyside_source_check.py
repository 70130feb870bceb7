"""PySide's question "does this module use PySide6?" gets the same answers
as PySide's own check gives, and no module's source is kept in memory for it."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, linecache, sys, types
if sys.argv[1] == "pyside-own":  # the module stands in for ours, doing nothing
    sys.modules["desktop.ui.pyside_source_check"] = types.SimpleNamespace(install=lambda: None)
import desktop.ui.app, desktop.ui.main_window, desktop.store.clients, desktop.pdf.summary
import babel.dates, sqlite_utils
features = sys.modules["shibokensupport.feature"].pyside_feature_dict
kept = sorted(f for f in linecache.cache if "/desktop/" in f or "site-packages" in f)
print(json.dumps({"features": features, "kept": kept}))
"""


def _probe(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, cwd=str(ROOT),
                         env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.splitlines()[-1])


def test_modules_are_told_apart_as_pyside_does_without_keeping_their_source():
    ours, theirs = _probe("ours"), _probe("pyside-own")
    assert len(theirs["features"]) > 100
    mine, pysides = ours["features"], theirs["features"]
    assert {name: mine.get(name) for name in pysides} == pysides
    assert set(mine) - set(pysides) <= {"linecache"}  # which the check imports to empty it
    assert theirs["kept"], "PySide's own check kept no source: this test no longer shows anything"
    assert ours["kept"] == []
