"""The app for the AT-SPI test: walks to a screen with the usual driver and
stays open (on the real xcb platform, accessibility on) until told to quit.

argv: data_dir, lang, view (a question id or "results"), ready_file, quit_file
"""
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from desktop.logic import presentation as pres  # noqa: E402
from desktop.logic.evaluate import evaluate  # noqa: E402
from desktop.logic.options import option_info  # noqa: E402
from desktop.logic.questions import to_contract  # noqa: E402
from desktop.logic.text import Message, N_  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from ui_driver import (CASE, answer_all, choose_language, make_window, new_client, press_enter,  # noqa: E402
                       set_passphrase, settle)


def expected(window) -> dict:
    """What the tree must say, from the logic (not from the widgets)."""
    s = window.session
    t = s.t
    focus = QApplication.focusWidget()
    out = {"view": window.view, "focus": focus.objectName() if focus else "", "title": window.windowTitle()}
    if window.view == "results":
        ev = evaluate(to_contract(s.answers), s.today)
        out["options"] = [{
            "title": t.gettext(option_info()[o.id].title),
            "status": t.gettext(pres.STATUS_LABELS[o.status]),
            "deadline": t.render(Message(N_("Last day to file: {date}"), {"date": o.deadline})) if o.deadline else "",
            "days_left": t.render(pres.days_left_message(o)) if o.deadline else "",
        } for o in ev.options]
        out["urgent"] = [t.gettext(option_info()[o.id].title) for o in pres.urgent_deadlines(ev)]
    else:
        q = s.flow.catalog[window.view]
        out["prompt"] = t.gettext(q.prompt)
        out["help"] = t.gettext(q.help)
    return out


def main() -> None:
    data_dir, lang, view, ready, quit_file = sys.argv[1:6]
    window = make_window(data_dir, size=(1024, 570))
    # No window manager under Xvfb: ask for the keyboard focus ourselves,
    # or key events have no focused widget to go to.
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, "Made Up")
    if view == "results":
        answer_all(window, CASE)
        press_enter(window)
    else:
        flow = window.session.flow
        answer_all(window, CASE, stop_after=flow.previous_view(view, CASE, window.session.today))
    window.activateWindow()
    settle(5)
    Path(ready).write_text(json.dumps(expected(window), ensure_ascii=False), encoding="utf-8")
    deadline = time.monotonic() + 120
    while not os.path.exists(quit_file) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    window.close()


if __name__ == "__main__":
    main()
