"""The accessible tree as a screen reader on Linux reads it: the app runs
under Xvfb with accessibility on, and Debian's pyatspi (system python) reads
the tree over AT-SPI, as Orca does (set up by scripts/setup.sh test)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SYSTEM_PY = "/usr/bin/python3"


def _have_atspi() -> bool:
    if not (shutil.which("xvfb-run") and shutil.which("dbus-run-session") and os.path.exists(SYSTEM_PY)):
        return False
    probe = subprocess.run([SYSTEM_PY, "-c", "import pyatspi"], capture_output=True)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not (sys.platform.startswith("linux") and _have_atspi()),
                                reason="needs Xvfb, D-Bus and python3-pyatspi (scripts/setup.sh test)")


def read_tree(tmp_path, lang: str, view: str):
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env["RELIEF_WIZARD_KDF_TEST"] = "1"
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1024x600x24", "dbus-run-session", "--",
         "bash", str(HERE / "atspi_run.sh"), sys.executable, str(tmp_path / "data"), lang, view, str(work)],
        capture_output=True, text=True, env=env, timeout=240, cwd=str(HERE.parents[1]))
    logs = "".join((work / n).read_text(errors="replace")[-1500:] for n in ("app.log", "read.log") if (work / n).exists())
    assert proc.returncode == 0, proc.stderr[-1500:] + logs
    expected = json.loads((work / "ready.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (work / "tree.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not [r for r in rows if "error" in r]
    # What a screen reader reaches: a node whose every ancestor is showing
    # (the pages behind the current one are in the tree, hidden).
    for i, row in enumerate(rows):
        row["reachable"] = row["showing"] and all(a["showing"] for a in ancestors(rows, i))
    return expected, rows


def ancestors(rows, index):
    """The rows above rows[index] in the tree (parent first)."""
    depth = rows[index]["depth"]
    out = []
    for row in reversed(rows[:index]):
        if row["depth"] < depth:
            out.append(row)
            depth = row["depth"]
    return out


INTERACTIVE = {"push button", "check box", "radio button", "text", "combo box", "list", "toggle button", "entry"}


def _every_control_named(rows):
    controls = [r for r in rows if r["role"] in INTERACTIVE and r["reachable"] and r["focusable"]]
    assert controls
    assert all(r["name"].strip() for r in controls), [r for r in controls if not r["name"].strip()][:3]


def test_results_deadlines_and_statuses_over_atspi(tmp_path):
    expected, rows = read_tree(tmp_path, "en", "results")
    assert expected["view"] == "results"
    _every_control_named(rows)
    frame = next(r for r in rows if r["role"] == "frame")
    assert frame["name"] == expected["title"]
    assert any(r["role"] == "heading" and r["name"] == "What may still be possible" for r in rows)
    focusable = [r for r in rows if r["focusable"]]
    for opt in expected["options"]:
        card = next((r for r in focusable if r["name"] == opt["title"]), None)
        assert card is not None, opt["title"]
        for part in ("status", "deadline", "days_left"):
            assert opt[part] in card["description"], (opt["title"], part)
    focused = [r for r in rows if r["focused"]]  # hidden pages included: nothing else claims focus
    assert len(focused) == 1 and expected["urgent"], focused
    for title in expected["urgent"]:  # said when the page opens: the urgent box has the focus
        assert title in focused[0]["description"]
    text = "\n".join(r["name"] + "\n" + r["description"] for r in rows)
    for word in ("Urgent", "Act now", "Last day to file", "days left"):
        assert word in text


@pytest.mark.parametrize("lang,view", [("ur", "country_of_nationality")])
def test_question_is_the_focused_groups_name_over_atspi(tmp_path, lang, view):
    expected, rows = read_tree(tmp_path, lang, view)
    assert expected["view"] == view
    _every_control_named(rows)
    focused = [i for i, r in enumerate(rows) if r["focused"] and r["reachable"]]
    assert len(focused) == 1
    group = next((a for a in ancestors(rows, focused[0]) if a["name"] == expected["prompt"]), None)
    assert group is not None, [a["name"][:40] for a in ancestors(rows, focused[0])]
    assert expected["help"] in group["description"]
    assert any(r["role"] == "heading" and r["name"] == expected["prompt"] for r in rows)
