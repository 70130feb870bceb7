"""Case scenarios written from the statute and regulations, today = Mon 23 Nov 2026.

Each case names the law it follows. Deadlines were counted by hand on the
2026-2027 calendar, then rolled by 8 CFR 1001.1(h).
"""
import pytest

from .helpers import TODAY, option, run, warning_ids

BASE = {  # a Bangladeshi man, no crimes, no family with status
    "date_of_birth": "1990-05-01", "country_of_nationality": "BD",
    "last_arrival_date": "2019-03-10", "entry_type": "without_inspection",
    "asylum_filed_date": "2019-12-01", "fears_harm_on_return": "yes",
    "harm_reasons": ["political_opinion"], "fears_torture_by_official": "yes",
    "criminal_history": "none", "harmed_others": "no", "spouse_status": "none",
    "parent_status": "none", "children_status": [], "detained": "no",
    "crime_victim_in_us": "no", "trafficking_victim": "no",
    "abused_by_citizen_relative": "no", "nta_date": "2020-01-15", "missed_hearing": "no",
    "new_evidence": "no", "country_conditions_worse": "no", "lawyer_mistake": "no",
    "motion_filed_before": "no",
}


def case(**changes):
    data = dict(BASE)
    data.update(changes)
    return run(data)


def expect(result, oid, status, deadline=..., days_left=...):
    o = option(result, oid)
    assert o["status"] == status, (oid, o)
    if deadline is not ...:
        assert o["deadline"] == deadline, (oid, o)
    if days_left is not ...:
        assert o["days_left"] == days_left, (oid, o)
    assert o["citations"], oid
    assert o["reasons"], oid


def test_judge_denial_nine_days_ago_appeal_and_motions():
    # 8 CFR 1003.38(b): 30 days; INA 240(c)(6)(B): 30 days; INA 240(c)(7)(C)(i): 90 days.
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", bia_appeal_filed="no")
    expect(r, "bia_appeal", "likely", "2026-12-02", 9)
    expect(r, "motion_to_reconsider", "possible", "2026-12-02", 9)
    # 2 Nov + 90 = Sun 31 Jan 2027 -> Mon 1 Feb 2027.
    # Every ground of the motion to reopen was answered "no" (contract v2).
    expect(r, "motion_to_reopen", "not_available", None, None)
    expect(r, "petition_for_review", "not_available", None, None)
    expect(r, "renew_asylum_in_court", "not_available")
    expect(r, "stay_of_removal", "likely", None, None)
    # Already decided by a judge: alive only through the appeal (contract v2).
    expect(r, "withholding_of_removal", "possible", None)
    expect(r, "cat_protection", "possible", None)
    soon = [w for w in r["warnings"] if w["id"] == "deadline_soon"]
    assert {w["option"] for w in soon} == {"bia_appeal", "motion_to_reconsider"}
    assert all(w["severity"] == "important" for w in soon)


def test_appeal_deadline_passed_is_expired_with_its_date():
    # 1 Oct + 30 = Sat 31 Oct -> Mon 2 Nov 2026: passed 21 days ago.
    r = case(decision_stage="immigration_judge", decision_date="2026-10-01", bia_appeal_filed="no")
    expect(r, "bia_appeal", "expired", "2026-11-02", -21)
    expect(r, "motion_to_reconsider", "expired", "2026-11-02", -21)


def test_appeal_already_filed():
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", bia_appeal_filed="yes")
    expect(r, "bia_appeal", "not_available", None, None)


def test_bia_denial_petition_for_review_matches_contract_example():
    # INA 242(b)(1): 30 days. 20 Nov + 30 = Sun 20 Dec -> Mon 21 Dec 2026 (FRAP 26(a)(1)(C)).
    r = case(decision_stage="bia", decision_date="2026-11-20")
    expect(r, "petition_for_review", "likely", "2026-12-21", 28)
    expect(r, "bia_appeal", "not_available", None, None)
    expect(r, "motion_to_reconsider", "possible", "2026-12-21", 28)
    expect(r, "motion_to_reopen", "not_available", None, None)
    expect(r, "voluntary_departure", "possible")  # contract v2: a court stage gives possible


def test_bia_denial_weekend_roll_for_review():
    # 13 Nov + 30 = Sun 13 Dec -> Mon 14 Dec 2026.
    r = case(decision_stage="bia", decision_date="2026-11-13", new_evidence="yes")
    expect(r, "petition_for_review", "likely", "2026-12-14", 21)
    expect(r, "motion_to_reopen", "likely", "2027-02-11", 80)


def test_petition_for_review_expired():
    r = case(decision_stage="bia", decision_date="2026-09-01")
    # 1 Sep + 30 = Thu 1 Oct 2026.
    expect(r, "petition_for_review", "expired", "2026-10-01", -53)


def test_changed_country_conditions_have_no_deadline_even_years_later():
    # INA 240(c)(7)(C)(ii); 8 CFR 1003.2(c)(3)(ii): no time or number limit.
    r = case(decision_stage="bia", decision_date="2023-01-10", country_conditions_worse="yes",
             motion_filed_before="yes")
    expect(r, "motion_to_reopen", "likely", None, None)
    assert "INA 240(c)(7)(C)(ii)" in option(r, "motion_to_reopen")["citations"]
    expect(r, "petition_for_review", "expired", "2023-02-09")


def test_changed_conditions_without_fear_keeps_90_days():
    r = case(decision_stage="bia", decision_date="2023-01-10", country_conditions_worse="yes",
             fears_harm_on_return="no", fears_torture_by_official="no")
    # 10 Jan 2023 + 90 = Mon 10 Apr 2023 (21 + 28 + 31 + 10 days): long passed.
    expect(r, "motion_to_reopen", "expired", "2023-04-10")


def test_number_bar_after_an_earlier_motion():
    # INA 240(c)(7)(A): one motion to reopen.
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", bia_appeal_filed="no",
             new_evidence="yes", motion_filed_before="yes")
    expect(r, "motion_to_reopen", "unlikely", "2027-02-01")


def test_lawyer_mistake_cites_lozada():
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", bia_appeal_filed="no",
             lawyer_mistake="yes")
    expect(r, "motion_to_reopen", "likely", "2027-02-01")
    assert any("Lozada" in c for c in option(r, "motion_to_reopen")["citations"])


@pytest.mark.parametrize("reason", ["no_notice", "in_custody"])
def test_in_absentia_without_notice_or_in_custody_any_time(reason):
    # INA 240(b)(5)(C)(ii): at any time.
    r = case(decision_stage="immigration_judge", decision_date="2019-05-01", missed_hearing="yes",
             missed_hearing_reason=reason, bia_appeal_filed="no")
    expect(r, "motion_to_reopen", "likely", None, None)
    assert "INA 240(b)(5)(C)(ii)" in option(r, "motion_to_reopen")["citations"]
    assert option(r, "bia_appeal")["status"] in ("unlikely", "expired")


def test_in_absentia_exceptional_circumstances_180_days_urgent():
    # INA 240(b)(5)(C)(i): 180 days. 1 Jun + 180 = Sat 28 Nov -> Mon 30 Nov 2026.
    r = case(decision_stage="immigration_judge", decision_date="2026-06-01", missed_hearing="yes",
             missed_hearing_reason="exceptional_circumstances", bia_appeal_filed="no")
    expect(r, "motion_to_reopen", "likely", "2026-11-30", 7)
    urgent = [w for w in r["warnings"] if w["id"] == "deadline_soon" and w["option"] == "motion_to_reopen"]
    assert urgent and urgent[0]["severity"] == "urgent"


def test_in_absentia_unclear_reason_takes_earlier_180_day_date():
    r = case(decision_stage="immigration_judge", decision_date="2026-06-01", missed_hearing="yes",
             missed_hearing_reason="not_sure", bia_appeal_filed="no")
    expect(r, "motion_to_reopen", "possible", "2026-11-30", 7)


def test_asylum_office_denial_goes_to_judge():
    # 8 CFR 208.14(c)(1): referral to an immigration judge.
    r = case(decision_stage="asylum_office", decision_date="2026-10-15", valid_immigration_status="no",
             in_removal_proceedings="yes", nta_date="2026-10-20")
    expect(r, "renew_asylum_in_court", "likely", None, None)
    for oid in ("bia_appeal", "petition_for_review", "motion_to_reconsider"):
        expect(r, oid, "not_available")


def test_asylum_office_with_valid_status_is_not_referred():
    # 8 CFR 208.14(c)(2).
    r = case(decision_stage="asylum_office", decision_date="2026-10-15", valid_immigration_status="yes",
             in_removal_proceedings="no")
    expect(r, "renew_asylum_in_court", "not_available")
    expect(r, "voluntary_departure", "not_available")
    expect(r, "cancellation_of_removal", "not_available")


def test_expedited_removal_risk_recent_arrival_not_in_court():
    # INA 235(b)(1)(A)(iii): up to two years.
    r = case(decision_stage="asylum_office", decision_date="2026-10-15", valid_immigration_status="no",
             in_removal_proceedings="no", last_arrival_date="2025-06-01", asylum_filed_date="2025-08-01")
    assert "expedited_removal_risk" in warning_ids(r)
    # In court too (contract v2): a dismissed case can be followed by expedited removal.
    r2 = case(decision_stage="asylum_office", decision_date="2026-10-15", valid_immigration_status="no",
              in_removal_proceedings="yes", last_arrival_date="2025-06-01", asylum_filed_date="2025-08-01")
    assert "expedited_removal_risk" in warning_ids(r2)
    admitted = case(decision_stage="asylum_office", decision_date="2026-10-15", entry_type="inspected",
                    last_arrival_date="2025-06-01", asylum_filed_date="2025-08-01")
    assert "expedited_removal_risk" not in warning_ids(admitted)


def test_one_year_filing_deadline_warning():
    # INA 208(a)(2)(B); 8 CFR 208.4(a)(2).
    late = case(decision_stage="immigration_judge", decision_date="2026-11-02",
                last_arrival_date="2023-02-28", asylum_filed_date="2024-03-05")
    w = [w for w in late["warnings"] if w["id"] == "one_year_filing_deadline"]
    assert w and w[0]["deadline"] == "2024-02-28"
    on_time = case(decision_stage="immigration_judge", decision_date="2026-11-02",
                   last_arrival_date="2024-02-29", asylum_filed_date="2025-02-28")
    assert "one_year_filing_deadline" not in warning_ids(on_time)
    day_late = case(decision_stage="immigration_judge", decision_date="2026-11-02",
                    last_arrival_date="2024-02-29", asylum_filed_date="2025-03-01")
    assert "one_year_filing_deadline" in warning_ids(day_late)


def test_sijs_under_21_deadline_day_before_birthday():
    # INA 101(a)(27)(J); 8 CFR 204.11(b): under 21 when filing.
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", date_of_birth="2006-03-15",
             last_arrival_date="2022-01-10", asylum_filed_date="2022-06-01",
             abused_neglected_abandoned_by_parent="yes")
    expect(r, "sijs", "likely", "2027-03-14", 111)


def test_sijs_married_or_over_21_is_not_available():
    married = case(date_of_birth="2006-03-15", last_arrival_date="2022-01-10", asylum_filed_date="2022-06-01",
                   abused_neglected_abandoned_by_parent="yes", spouse_status="other")
    expect(married, "sijs", "not_available")
    older = case(abused_neglected_abandoned_by_parent="yes")  # born 1990
    expect(older, "sijs", "not_available")


def test_cancellation_ten_years_before_nta():
    # INA 240A(b)(1), stop-time rule INA 240A(d)(1).
    long_here = dict(decision_stage="immigration_judge", decision_date="2026-11-02", bia_appeal_filed="no",
                     last_arrival_date="2010-01-01", nta_date="2021-06-01", asylum_filed_date="2010-06-01",
                     spouse_status="us_citizen", family_hardship="yes", nta_listed_time_place="yes")
    expect(case(**long_here), "cancellation_of_removal", "likely", None, None)
    short = dict(long_here, nta_date="2019-12-31")
    expect(case(**short), "cancellation_of_removal", "unlikely")
    felony = dict(long_here, criminal_history="felony")  # INA 240A(b)(1)(C): not every felony
    expect(case(**felony), "cancellation_of_removal", "unlikely")
    adult_child_only = dict(long_here, spouse_status="none", children_status=["us_citizen_21_or_older"])
    expect(case(**adult_child_only), "cancellation_of_removal", "not_available")


def test_aggravated_felony_bars_but_cat_deferral_stays():
    # INA 241(b)(3)(B)(ii); 8 CFR 1208.17 deferral has no crime bar; INA 240B(b)(1)(C).
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", criminal_history="aggravated_felony")
    expect(r, "withholding_of_removal", "unlikely")  # only a 5-year total sentence bars outright
    expect(r, "cat_protection", "possible")  # decided by the judge: alive through the appeal
    expect(r, "voluntary_departure", "not_available")
    expect(r, "cancellation_of_removal", "not_available")
    expect(r, "prosecutorial_discretion", "possible")
    assert "crime_bars" in warning_ids(r)


def test_persecutor_bar():
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", harmed_others="yes")
    expect(r, "withholding_of_removal", "not_available")
    assert "crime_bars" in warning_ids(r)


def test_detained_warning_and_stay():
    r = case(decision_stage="immigration_judge", decision_date="2026-11-02", detained="yes")
    assert {"id": "detained", "severity": "urgent"} in r["warnings"]
    expect(r, "stay_of_removal", "likely")


def test_tps_country_lists():
    # INA 244; shipped designations. Lebanon: designated to 27 Nov 2026, residence since 16 Oct 2024.
    lb = case(country_of_nationality="LB", last_arrival_date="2024-01-01", asylum_filed_date="2024-06-01",
              decision_stage="immigration_judge", decision_date="2026-11-02")
    # Sign-up closed; asylum was pending: late registration within 60 days (8 CFR 244.2(f)(2), (g)):
    # 2 Nov + 60 = Fri 1 Jan 2027 (holiday) -> Mon 4 Jan 2027.
    # The designation is known only until 27 Nov 2026, before that date: at most possible.
    expect(lb, "tps", "possible", "2027-01-04", 42)
    assert any("known only until November 27, 2026" in x for x in option(lb, "tps")["reasons"])
    after = case(country_of_nationality="LB", last_arrival_date="2025-01-01", asylum_filed_date="2025-06-01",
                 decision_stage="immigration_judge", decision_date="2026-11-02")
    expect(after, "tps", "unlikely")
    expect(case(country_of_nationality="BD"), "tps", "not_available", None, None)
    expect(case(country_of_nationality="HT"), "tps", "not_available", None, None)
    expect(case(country_of_nationality="LB", last_arrival_date="2024-01-01", asylum_filed_date="2024-06-01",
                criminal_history="felony"), "tps", "not_available")
    tps_reasons = " ".join(option(lb, "tps")["reasons"])
    assert "September 1, 2026" in tps_reasons  # the list's "as of" date


def test_family_petition_paths():
    # INA 201(b)(2)(A)(i) immediate relatives; INA 245(a) needs inspection and admission or parole.
    inspected = case(spouse_status="us_citizen", entry_type="inspected")
    expect(inspected, "family_petition", "likely")
    ewi = case(spouse_status="us_citizen", entry_type="without_inspection")
    expect(ewi, "family_petition", "possible")
    assert "INA 212(a)(9)(B)" in option(ewi, "family_petition")["citations"]
    adult_child = case(children_status=["us_citizen_21_or_older"], entry_type="inspected")
    expect(adult_child, "family_petition", "likely")
    young_child = case(children_status=["us_citizen_under_21"])
    expect(young_child, "family_petition", "not_available")
    parent_lpr = case(parent_status="permanent_resident", entry_type="inspected")
    expect(parent_lpr, "family_petition", "possible")


def test_victim_based_paths():
    # INA 101(a)(15)(U), (T); INA 204(a)(1)(A)(iii).
    r = case(crime_victim_in_us="yes", helped_police="willing", trafficking_victim="yes",
             abused_by_citizen_relative="yes")
    expect(r, "u_visa", "likely")
    expect(r, "t_visa", "likely")
    expect(r, "vawa", "likely")
    r2 = case(crime_victim_in_us="yes", helped_police="no")
    expect(r2, "u_visa", "unlikely")
    r3 = case()
    for oid in ("u_visa", "t_visa", "vawa"):
        expect(r3, oid, "not_available")


def test_circuit_court_stage():
    r = case(decision_stage="circuit_court", decision_date="2026-10-01")
    expect(r, "petition_for_review", "not_available")
    expect(r, "bia_appeal", "not_available")
    expect(r, "stay_of_removal", "likely")


def test_unknown_stage_keeps_every_court_deadline_open():
    # Who decided is not known: each court deadline is shown, so none is missed.
    r = run({"decision_stage": "not_sure", "decision_date": "2026-11-10"})
    expect(r, "bia_appeal", "possible", "2026-12-10", 17)
    expect(r, "petition_for_review", "possible", "2026-12-10", 17)


def test_empty_answers_give_every_option_once():
    r = run({})
    assert [o["id"] for o in r["options"]] == [
        "renew_asylum_in_court", "bia_appeal", "motion_to_reconsider", "motion_to_reopen",
        "petition_for_review", "circuit_rehearing", "supreme_court_certiorari", "stay_of_removal", "withholding_of_removal", "cat_protection", "tps",
        "cancellation_of_removal", "family_petition", "u_visa", "t_visa", "sijs", "vawa",
        "prosecutorial_discretion", "voluntary_departure"]
    assert r["as_of"] == TODAY.isoformat()


def test_stale_answer_of_closed_branch_is_ignored():
    # A reason for a missed hearing, left from before the person changed
    # "missed hearing" to no, must not open the in-absentia path.
    r = case(decision_stage="immigration_judge", decision_date="2019-05-01", missed_hearing="no",
             missed_hearing_reason="no_notice")
    expect(r, "motion_to_reopen", "not_available")
    assert not any("no deadline" in x for x in option(r, "motion_to_reopen")["reasons"])


def test_unknown_stage_keeps_court_deadlines_even_without_a_court_case():
    # Contract v2: with the stage unknown, each stage option is worked out as
    # if the stage were the one it needs, at most possible.
    r = run({"decision_stage": "not_sure", "decision_date": "2026-11-10", "in_removal_proceedings": "no"})
    for oid in ("bia_appeal", "motion_to_reconsider", "petition_for_review"):
        expect(r, oid, "possible", "2026-12-10", 17)
