"""Property tests over random valid answers (hypothesis)."""
import datetime as dt
import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.logic.evaluate import evaluate
from desktop.logic.questions import catalog
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
    assert len({o["id"] for o in out["options"]}) == 17
    decision = answers.get("decision_date")
    for o in out["options"]:
        if o["deadline"] is None:
            assert o["days_left"] is None
            continue
        deadline = dt.date.fromisoformat(o["deadline"])
        assert o["days_left"] == (deadline - today).days
        if o["id"] != "sijs" and decision:
            assert o["deadline"] >= decision
        if o["status"] == "expired":
            assert o["days_left"] < 0
        elif o["status"] != "not_available":
            assert o["days_left"] >= 0
    for w in out["warnings"]:
        if w["id"] == "deadline_soon":
            assert w["option"] and w["severity"] in ("urgent", "important")
