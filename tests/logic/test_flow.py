"""The wizard walked headless, as Electrum's wizard tests do."""
import datetime as dt

from desktop.logic.flow import WizardFlow

TODAY = dt.date(2026, 11, 23)


def walk(flow, answers, script):
    """Answer questions from `script` as the flow asks them; return the path."""
    view, path = flow.next_view("clients", answers, TODAY), []
    while view not in ("review", "results"):
        path.append(view)
        answers[view] = script.get(view, "not_sure")
        view = flow.next_view(view, answers, TODAY)
    return path


def test_whole_flow_from_language_to_results():
    flow = WizardFlow()
    assert flow.next_view("language", {}, TODAY) == "unlock"
    assert flow.next_view("unlock", {}, TODAY) == "clients"
    assert flow.next_view("review", {}, TODAY) == "results"


def test_judge_case_skips_questions_that_do_not_apply():
    flow = WizardFlow()
    path = walk(flow, {}, {"decision_stage": "immigration_judge", "missed_hearing": "no",
                           "date_of_birth": "1980-01-01", "fears_harm_on_return": "no",
                           "crime_victim_in_us": "no", "spouse_status": "none", "parent_status": "none",
                           "children_status": []})
    for skipped in ("in_removal_proceedings", "missed_hearing_reason", "valid_immigration_status",
                    "harm_reasons", "family_hardship", "helped_police", "abused_neglected_abandoned_by_parent"):
        assert skipped not in path
    assert path[0] == "decision_stage" and "bia_appeal_filed" in path


def test_back_goes_to_the_previous_question_that_applies():
    flow = WizardFlow()
    answers = {"decision_stage": "immigration_judge"}
    # in_removal_proceedings is skipped for a judge's decision.
    assert flow.previous_view("nta_date", answers, TODAY) == "decision_date"
    assert flow.previous_view("decision_stage", answers, TODAY) == "clients"


def test_resume_at_first_unanswered_question():
    flow = WizardFlow()
    answers = {"decision_stage": "bia", "decision_date": "2026-11-20"}
    assert flow.resume_view(answers, TODAY) == "nta_date"
    progress = flow.progress("nta_date", answers, TODAY)
    assert progress.section_index == 0 and progress.answered == 2 and progress.total > 20
