"""Writes the accessible tree of the results screen and a keyboard-only walk
log, for docs/accessibility/ (python tests/ui/accessibility_report.py DIR)."""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RELIEF_WIZARD_KDF_TEST", "1")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtWidgets import QFileDialog  # noqa: E402
from a11y_tree import dump  # noqa: E402
from keyboard_walk import walk_to_saved_pdf  # noqa: E402
from ui_driver import CASE, dispose, make_window, settle  # noqa: E402

HEAD = ("# Made-up case (tests/ui/ui_driver.py CASE), fixed day 2026-11-23, window 1024x570.\n"
        "# Read through Qt's QAccessible interface: what Qt hands to AT-SPI / UI Automation.\n")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ur"):
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "summary.pdf"
            QFileDialog.getSaveFileName = staticmethod(lambda *a: (str(pdf), ""))
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


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/accessibility"))
