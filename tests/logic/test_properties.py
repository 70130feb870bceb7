"""Property tests over random valid answers (hypothesis)."""
import datetime as dt
import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.logic.evaluate import evaluate
from desktop.logic.questions import catalog, effective_answers
from desktop.logic.validation import AnswerError, validate_answers

from .helpers import CONTRACT

SCHEMA = json.loads((CONTRACT / "evaluation.schema.json").read_text())
COUNTRIES = ["BD", "IN", "PK", "SV", "LB", "UA", "HT", "VE", "MX", "SD"]


def _value(q):
    if q.type in ("choice", "yes_no"):
        return st.sampled_from(q.option_ids)
    if q.type == "multi":
        return st.lists(st.sampled_from(q.option_ids), unique=True)
    if q.type == "country":
        return st.sampled_from(COUNTRIES)
    return st.dates(dt.date(1940, 1, 1), dt.date(2026, 11, 23)).map(dt.date.isoformat)


@st.composite
def answers_and_today(draw):
    today = draw(st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)))
    data = {}
    for q in catalog().questions:
        if draw(st.booleans()):
            value = draw(_value(q))
            if q.type == "date" and value > today.isoformat():
                value = today.isoformat()
            data[q.id] = value
    return data, today


@settings(max_examples=400, deadline=None)
@given(answers_and_today())
def test_any_valid_answers_evaluate_cleanly(case):
    data, today = case
    try:
        answers = validate_answers(data, today)
    except AnswerError:
        return  # an out-of-order pair of dates: covered by the validation tests
    result = evaluate(answers, today)
    out = result.to_json()
    jsonschema.validate(out, SCHEMA)
    assert len({o["id"] for o in out["options"]}) == 19
    decision = answers.get("decision_date")
    counted_from_decision = {"bia_appeal", "petition_for_review", "circuit_rehearing", "supreme_court_certiorari"}
    for o in out["options"]:
        if o["deadline"] is None:
            assert o["days_left"] is None
            continue
        deadline = dt.date.fromisoformat(o["deadline"])
        assert o["days_left"] == (deadline - today).days
        if o["id"] in counted_from_decision and decision:
            assert o["deadline"] >= decision
        if o["status"] == "expired":
            assert o["days_left"] < 0
        elif o["status"] != "not_available":
            assert o["days_left"] >= 0
    for w in out["warnings"]:
        if w["id"] == "deadline_soon":
            assert w["option"] and w["severity"] in ("urgent", "important")


CLOSED = {"not_available", "expired"}
# Answers whose removal the contract does not treat as "unknown": a date with
# a named fallback (the removal order's date falls back to the decision date),
# and a grant already made (voluntary departure), without which the option is
# judged as a request still to be made, bars included. Every other answer is.
HAS_FALLBACK = {"removal_order_date", "voluntary_departure_granted"}


def _unanswered(q):
    """The ways a person can leave this question open: removed, or not_sure."""
    forms = [None]
    if q.type == "yes_no" or (q.type == "choice" and "not_sure" in q.option_ids):
        forms.append("not_sure")
    return forms


@settings(max_examples=300, deadline=None)
@given(answers_and_today(), st.data())
def test_unknown_is_never_no(case, data):
    """Removing a deciding answer, or setting it to not_sure, never closes an
    option (contract v2, "Unknown is never no")."""
    answers, today = case
    try:
        answers = validate_answers(answers, today)
    except AnswerError:
        return
    # Only answers in effect: an answer to a question its branch does not ask
    # (left over from an earlier path) would otherwise come back to life.
    answers = effective_answers(answers, today)
    candidates = sorted(q for q in answers if q not in HAS_FALLBACK)
    if not candidates:
        return
    qid = data.draw(st.sampled_from(candidates))
    form = data.draw(st.sampled_from(_unanswered(catalog()[qid])))
    opened = dict(answers)
    if form is None:
        del opened[qid]
    else:
        opened[qid] = form
    before = {o.id: o.status for o in evaluate(answers, today).options}
    after = {o.id: o.status for o in evaluate(opened, today).options}
    for oid, status in after.items():
        # With the stage unknown, the contract counts each stage option from
        # decision_date "and where that deadline has passed it is expired".
        allowed = {"expired"} if qid == "decision_stage" else set()
        if status in CLOSED - allowed:
            assert before[oid] in CLOSED, (oid, qid, form, before[oid], status)


_RANK = {"likely": 4, "possible": 3, "unlikely": 2, "expired": 1, "not_available": 0}
TRIGGERS = ("new_evidence", "country_conditions_worse", "lawyer_mistake", "abused_by_citizen_relative",
            "missed_hearing", "bia_appeal_filed")


@settings(max_examples=300, deadline=None)
@given(answers_and_today(), st.sampled_from(TRIGGERS))
def test_adding_a_ground_never_makes_the_motion_to_reopen_worse(case, trigger):
    """Combining grounds: one more ground never lowers the status, and never
    moves the deadline past the earliest open one."""
    answers, today = case
    if answers.get(trigger) != "no":
        return
    try:
        answers = validate_answers(answers, today)
    except AnswerError:
        return
    before = evaluate(answers, today).option("motion_to_reopen")
    after = evaluate(dict(answers, **{trigger: "yes"}), today).option("motion_to_reopen")
    assert _RANK[after.status] >= _RANK[before.status], (trigger, before, after)
    if before.deadline is not None and before.deadline >= today:
        assert after.deadline is None or after.deadline <= before.deadline, (trigger, before, after)
