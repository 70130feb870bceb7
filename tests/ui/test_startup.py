"""What the first screen loads, and a language switch that sets texts in place."""
import json
import os
import subprocess
import sys
from pathlib import Path

from test_walk import check_results_match_evaluate
from ui_driver import CASE, answer_all, choose_language, new_client, press_enter, set_passphrase, settle

from desktop.i18n import LANGUAGES, Translator
from desktop.logic.options import option_info
from desktop.ui.screens.language import NATIVE_NAMES

ROOT = Path(__file__).resolve().parents[2]

FIRST_SCREEN = """
import json, sys, tempfile
from desktop.ui.app import build_window, make_application
app = make_application()
w = build_window(data_dir=tempfile.mkdtemp())
w.show()
app.processEvents()
w.grab()
print(json.dumps({"view": w.view, "modules": sorted(sys.modules), "built": sorted(w.screens)}))
"""


def test_native_names_are_babels():
    assert NATIVE_NAMES == {lang: Translator("en").language_name(lang) for lang in LANGUAGES}


def test_first_screen_loads_no_store_pdf_crypto_or_rules():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", FIRST_SCREEN], capture_output=True, text=True, env=env,
                         cwd=str(ROOT), timeout=120, check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["view"] == "language" and seen["built"] == ["language"]
    loaded = set(seen["modules"])
    for heavy in ("cryptography", "reportlab", "uharfbuzz", "sqlite3", "desktop.store.clients",
                  "desktop.store.crypto", "desktop.pdf.summary", "desktop.logic.rules", "desktop.logic.evaluate",
                  "desktop.cli", "babel.dates"):
        assert heavy not in loaded, heavy


def test_the_summary_does_not_import_the_command_line_or_the_window():
    code = ("import sys, desktop.pdf.summary; "
            "print(any(m == 'desktop.cli' or m.startswith(('desktop.ui', 'PySide6')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT),
                         timeout=120, check=True).stdout
    assert out.strip() == "False"


def test_every_screen_is_built_while_the_first_one_waits(window, qtbot):
    assert window.view == "language"
    qtbot.waitUntil(lambda: len(window.screens) == 7, timeout=10_000)


def test_switch_on_results_sets_texts_in_place_and_hidden_screens_when_shown(window):
    choose_language(window, "en")
    set_passphrase(window)
    new_client(window)
    answer_all(window, CASE)
    press_enter(window)
    settle()
    assert window.view == "results"
    results = window.screens["results"]
    cards = dict(results.cards)
    window.set_language("bn")
    settle()
    bn = Translator("bn")
    assert results.cards == cards  # the same widgets, not rebuilt
    check_results_match_evaluate(window, window.session.answers)  # every text now in Bengali
    for opt_id, card in cards.items():
        assert card.accessibleName() == bn.gettext(option_info()[opt_id].title)
    title = results.title.text()
    assert title == bn.gettext("What may still be possible") != "What may still be possible"
    # The review was not on screen during the switch; it speaks Bengali once shown.
    window.go("review")
    settle()
    assert window.screens["review"].title.text() == bn.gettext("Check your answers")
