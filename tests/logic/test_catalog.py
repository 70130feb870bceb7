"""The question catalog is the contract: same ids, same values, no more, no less."""
import datetime as dt
import json

from desktop.logic.facts import PREDICATES
from desktop.logic.options import option_ids
from desktop.logic.questions import catalog
from desktop.logic.rules import RULES

from .helpers import CONTRACT

ANSWERS = json.loads((CONTRACT / "answers.schema.json").read_text())
EVALUATION = json.loads((CONTRACT / "evaluation.schema.json").read_text())


def _allowed(spec):
    if "$ref" in spec:
        spec = ANSWERS["$defs"][spec["$ref"].split("/")[-1]]
    if "enum" in spec:
        return ("enum", tuple(spec["enum"]))
    if spec.get("type") == "array":
        return ("list", tuple(spec["items"]["enum"]))
    if spec.get("format") == "date":
        return ("date", None)
    return ("country", None)


def test_every_contract_question_and_value_is_in_the_catalog():
    cat = catalog()
    assert set(cat.ids) == set(ANSWERS["properties"])
    kinds = {"choice": "enum", "yes_no": "enum", "multi": "list", "date": "date", "country": "country"}
    for qid, spec in ANSWERS["properties"].items():
        kind, values = _allowed(spec)
        q = cat[qid]
        assert kinds[q.type] == kind, qid
        if values is not None:
            assert q.option_ids == values, qid


def test_every_question_has_text_section_and_known_predicates():
    cat = catalog()
    sections = {s.id for s in cat.sections}
    assert [s.id for s in cat.sections] == ["case", "dates", "fears", "past", "family", "other"]
    for q in cat.questions:
        assert q.prompt.strip() and q.help.strip(), q.id
        assert q.section in sections
        assert set(q.ask_if) <= PREDICATES.keys()


def test_one_rule_and_one_description_per_contract_option():
    ids = EVALUATION["properties"]["options"]["items"]["properties"]["id"]["enum"]
    assert list(option_ids()) == ids
    assert set(RULES) == set(ids)
    for oid, r in RULES.items():
        assert r.citations and all(c.startswith(("INA", "8 CFR", "FRAP", "28 U.S.C.", "Supreme Court Rule"))
                                   for c in r.citations), oid


def test_branching_follows_the_answers():
    cat = catalog()
    today = dt.date(2026, 11, 23)
    asked = lambda answers: {q.id for q in cat.applicable(answers, today)}  # noqa: E731
    assert "missed_hearing_reason" not in asked({"missed_hearing": "no"})
    assert "missed_hearing_reason" in asked({"decision_stage": "immigration_judge", "missed_hearing": "yes"})
    assert "abused_neglected_abandoned_by_parent" in asked({"date_of_birth": "2008-01-01"})
    assert "abused_neglected_abandoned_by_parent" not in asked({"date_of_birth": "1990-01-01"})
    assert "abused_neglected_abandoned_by_parent" in asked({"date_of_birth": "not_sure"})
    assert "bia_appeal_filed" not in asked({"decision_stage": "bia"})
    assert "in_removal_proceedings" not in asked({"decision_stage": "immigration_judge"})
    assert "helped_police" not in asked({"crime_victim_in_us": "no"})
    assert "family_hardship" in asked({"children_status": ["permanent_resident"]})
