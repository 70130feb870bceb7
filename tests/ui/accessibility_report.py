"""Writes the accessible tree of the results screen and a keyboard-only walk
log, for docs/accessibility/ (python tests/ui/accessibility_report.py DIR)."""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RELIEF_WIZARD_KDF_TEST", "1")
sys.path.insert(0, str(Path(__file__).parent))

from a11y_tree import dump  # noqa: E402
from keyboard_walk import save_by_keys, walk_to_saved_pdf  # noqa: E402
from ui_driver import CASE, dispose, make_window, settle  # noqa: E402

from desktop.ui import save_places  # noqa: E402
from desktop.ui.save_places import Volume  # noqa: E402
from desktop.ui.widgets.save_dialog import SaveDialog  # noqa: E402

HEAD = ("# Made-up case (tests/ui/ui_driver.py CASE), fixed day 2026-11-23, window 1024x570.\n"
        "# Read through Qt's QAccessible interface: what Qt hands to AT-SPI / UI Automation.\n")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ur"):
        with tempfile.TemporaryDirectory() as tmp:
            stick = Path(tmp) / "media" / "STICK"
            stick.mkdir(parents=True)
            pdf = stick / "summary.pdf"
            save_places.mounted_volumes = lambda: [Volume(root=str(stick), name="STICK", removable=True)]
            SaveDialog.exec = save_by_keys(pdf.name)
            window = make_window(Path(tmp) / "data", size=(1024, 570))
            walk = walk_to_saved_pdf(window, lang, CASE, pdf)
            (out / f"keyboard_walk_{lang}.log").write_text(
                HEAD + "# Each line: [screen] key -> focused widget [role] name — description\n"
                + "\n".join(walk.log) + "\n", encoding="utf-8")
            window.go("results")
            settle(3)
            (out / f"results_tree_{lang}.txt").write_text(
                HEAD + f"# Window title: {window.windowTitle()}\n" + dump(window.screens["results"]) + "\n",
                encoding="utf-8")
            dispose(window)


def atspi_dump(out: Path, lang: str = "en") -> None:
    """The results screen as Orca's AT-SPI sees it (needs Xvfb and pyatspi)."""
    import json
    import subprocess

    here = Path(__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1024x600x24", "dbus-run-session", "--", "bash",
                        str(here / "atspi_run.sh"), sys.executable, str(Path(tmp) / "data"), lang, "results", str(work)],
                       check=True, env=env, timeout=300, capture_output=True)
        rows = [json.loads(x) for x in (work / "tree.jsonl").read_text(encoding="utf-8").splitlines()]
    lines, hidden_below = [], None
    for row in rows:
        if hidden_below is not None and row["depth"] > hidden_below:
            continue  # under a page that is not showing
        hidden_below = None if row["showing"] else row["depth"]
        if not row["showing"]:
            continue
        flags = [f for f in ("focusable", "focused") if row[f]]
        text = "  " * row["depth"] + row["role"]
        text += f" name={row['name']!r}" if row["name"] else ""
        if row["description"] and row["role"] != "application":  # that one is the python path
            text += f" description={row['description']!r}"
        lines.append(text + (f" [{', '.join(flags)}]" if flags else ""))
    (out / f"results_atspi_{lang}.txt").write_text(
        HEAD.replace("Qt's QAccessible interface: what Qt hands to AT-SPI / UI Automation",
                     "AT-SPI with pyatspi (as Orca reads it), app under Xvfb")
        + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/accessibility")
    main(target)
    if "--atspi" in sys.argv:
        atspi_dump(target)
