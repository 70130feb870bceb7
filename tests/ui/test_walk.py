"""A person's whole way through, in every language, against `evaluate`."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from ui_driver import (CASE, PASSPHRASE, TODAY, answer_all, center_x, choose_language, click,
                       dispose, make_window, new_client, press_enter, set_passphrase, settle,
                       visible_texts)

from desktop.i18n import LANGUAGES, Translator
from desktop.logic import presentation as pres
from desktop.logic.evaluate import evaluate
from desktop.logic.options import option_info
from desktop.logic.questions import to_contract


def check_results_match_evaluate(window, answers):
    """Every option is shown in its group, with the status, deadline and
    days left that evaluate() gives for the same answers."""
    s = window.session
    t = Translator(s.lang)
    expected = evaluate(to_contract(answers), TODAY)
    results = window.screens["results"]
    assert window.view == "results"
    assert set(results.cards) == {o.id for o in expected.options}
    for opt in expected.options:
        card = results.cards[opt.id]
        assert card.property("group") == pres.group_of(opt), opt.id
        assert card.property("status") == opt.status, opt.id
        assert card.property("deadline") == (opt.deadline.isoformat() if opt.deadline else ""), opt.id
        texts = [lab.text() for lab in card.findChildren(QLabel)]
        assert t.gettext(option_info()[opt.id].title) in texts
        assert t.gettext(pres.STATUS_LABELS[opt.status]) in texts
        for reason in opt.reasons:
            assert t.render(reason) in texts, (opt.id, reason.msgid)
        if opt.deadline:
            assert t.render(pres.days_left_message(opt)) in texts
    # The order inside each group is the shared one (soonest deadline first).
    for gid, _title, members in pres.grouped(expected):
        shown = [oid for oid, card in results.cards.items() if card.property("group") == gid]
        assert shown == [m.id for m in members]
    assert results.banner.isVisible() == pres.needs_banner(expected)
    assert results.advice_text.isVisible()
    assert results.advice_text.text() == t.gettext(pres.NOT_LEGAL_ADVICE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_walk_in_every_language(qtbot, data_dir, lang):
    window = make_window(data_dir)
    assert window.view == "language"  # the very first screen on a fresh start
    choose_language(window, lang)
    assert window.session.lang == lang
    assert window.view == "unlock" and window.screens["unlock"].mode == "create"
    set_passphrase(window)
    assert window.view == "clients"
    new_client(window, "Made Up", "Made Up")
    seen = answer_all(window, CASE)
    s = window.session
    assert seen == s.flow.applicable_ids(s.answers, TODAY)  # only what applies, in order
    # Saved as given: the store holds what the person chose.
    assert s.store.answers(s.client.id) == {q: CASE.get(q, "not_sure") for q in seen}
    assert window.view == "review"
    press_enter(window)
    settle()
    check_results_match_evaluate(window, s.store.answers(s.client.id))
    dispose(window)


def test_switching_language_midway_keeps_every_answer(window):
    choose_language(window, "en")
    set_passphrase(window)
    new_client(window)
    answer_all(window, CASE, stop_after="date_of_birth")
    s = window.session
    before = dict(s.store.answers(s.client.id))
    at = window.view
    click(window.lang_button)
    assert window.view == "language"
    choose_language(window, "bn")
    assert window.view == at  # back on the same question
    t = Translator("bn")
    q = window.screens["question"]
    assert q.prompt.text() == t.gettext(s.flow.catalog[at].prompt)
    assert q.next.text() == t.gettext("Next")
    assert s.store.answers(s.client.id) == before == s.answers
    assert s.store.get_client(s.client.id).lang == "bn"
    # And the rest of the way in the new language: same results as evaluate.
    answer_all(window, CASE)
    press_enter(window)
    settle()
    check_results_match_evaluate(window, s.store.answers(s.client.id))
    # Switching on the results screen re-renders the results in place.
    window.set_language("pa")
    settle()
    check_results_match_evaluate(window, s.store.answers(s.client.id))


def test_urdu_lays_out_right_to_left(window):
    choose_language(window, "ur")
    assert QApplication.layoutDirection() == Qt.RightToLeft
    set_passphrase(window)
    new_client(window, "مثال")
    settle()
    q = window.screens["question"]
    assert q.isRightToLeft()
    # Next is on the left, Back on the right; the answer mark at the right edge.
    assert center_x(q.next) < center_x(q.back)
    card = next(iter(q.input.cards.values()))
    label = card._label
    assert card._spacer.geometry().left() > label.geometry().left()
    # The top bar starts at the right too.
    assert center_x(window.lang_button) > center_x(window.lock_button)
    window.set_language("en")
    settle()
    assert QApplication.layoutDirection() == Qt.LeftToRight
    assert center_x(q.next) > center_x(q.back)


def test_urdu_sentence_isolates_inserted_values(window):
    choose_language(window, "ur")
    set_passphrase(window)
    new_client(window)
    answer_all(window, CASE, stop_after="decision_stage")
    q = window.screens["question"]
    # The section line carries numbers inside Urdu: each is isolated (FSI..PDI).
    assert "\u2068" in q.section.text() and "\u2069" in q.section.text()


CHILD = r"""
import os, sys, signal
sys.path.insert(0, {ui_dir!r})
from ui_driver import *
w = make_window({data_dir!r})
choose_language(w, "hi")
set_passphrase(w)
new_client(w, "Made Up")
answer_all(w, CASE, stop_after={stop!r})
os.write(1, ("at " + w.view + "\n").encode())
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_app_resumes_at_the_next_question(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    stop = "country_of_nationality"
    code = CHILD.format(ui_dir=str(Path(__file__).parent), data_dir=str(data_dir), stop=stop)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RELIEF_WIZARD_KDF_TEST="1")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=str(Path(__file__).resolve().parents[2]), timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    shown_at_kill = proc.stdout.split("at ")[-1].strip()

    window = make_window(data_dir)
    choose_language(window, "en")
    assert window.screens["unlock"].mode == "unlock"
    set_passphrase(window, PASSPHRASE)
    clients = window.screens["clients"]
    assert len(clients.rows) == 1
    click(clients.rows[0].findChild(type(clients.start), "continue_client"))
    s = window.session
    answered = s.store.answers(s.client.id)
    assert answered[stop] == CASE[stop]  # the last answer given before the kill survived
    flow_ids = s.flow.applicable_ids(answered, TODAY)
    assert window.view == s.flow.resume_view(answered, TODAY)
    assert window.view == flow_ids[flow_ids.index(stop) + 1] == shown_at_kill
    assert s.lang == "hi"  # the client's language comes back with them
    dispose(window)


def test_no_client_text_in_the_locked_window(window):
    choose_language(window, "en")
    set_passphrase(window)
    new_client(window, "Zyxwv Secretname", "Zyxwv Latin")
    answer_all(window, CASE, stop_after="date_of_birth")
    code = window.session.client.code
    window.lock()
    settle()
    texts = "\n".join(visible_texts(window))
    assert "Zyxwv" not in texts and code not in texts and "1991" not in texts
    assert window.session.store is None and window.session.client is None
    assert window.screens["question"].input is None
    assert window.screens["unlock"].mode == "locked"


V2_CASE = dict(CASE, prior_removal="yes", voluntary_departure_granted="yes", voluntary_departure_by="2026-12-01",
               nta_listed_time_place="no", frivolous_finding="no", removal_order_date="not_sure")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_v2_questions_warnings_and_fees_reach_the_results(qtbot, data_dir, lang):
    """The new questions are asked (a leave-by date in the future is
    accepted), the prior-removal warning and the leave-by date stand in the
    urgent banner, and each open option lists its fees."""
    from desktop.logic.fees import fee_message, fees_for

    window = make_window(data_dir)
    choose_language(window, lang)
    set_passphrase(window)
    new_client(window, "Made Up", "Made Up")
    seen = answer_all(window, V2_CASE)
    for qid in ("prior_removal", "voluntary_departure_granted", "voluntary_departure_by",
                "nta_listed_time_place", "frivolous_finding"):
        assert qid in seen
    s = window.session
    assert s.store.answers(s.client.id)["voluntary_departure_by"] == "2026-12-01"
    press_enter(window)
    settle()
    check_results_match_evaluate(window, s.store.answers(s.client.id))
    t = Translator(lang)
    results = window.screens["results"]
    banner = [lab.text() for lab in results.banner.findChildren(QLabel)]
    titles = {oid: i.title for oid, i in option_info().items()}
    ev = evaluate(to_contract(s.store.answers(s.client.id)), TODAY)
    prior = next(w for w in ev.warnings if w.id == "prior_removal")
    assert t.render(pres.warning_message(prior, titles)) in banner
    assert any(t.gettext(titles["voluntary_departure"]) in line for line in banner)
    card_texts = [lab.text() for lab in results.cards["bia_appeal"].findChildren(QLabel)]
    for fee in fees_for("bia_appeal"):
        assert "\u2022 " + t.render(fee_message(fee)) in card_texts
    dispose(window)
