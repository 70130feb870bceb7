"""Scenarios for contract v2, written from the statute and regulations.

Today is Monday 23 November 2026. Every date was counted by hand on the
calendar (month lengths written out in the comment), then moved past a
weekend or a 5 U.S.C. 6103 holiday where the row says the deadline rolls:
Thanksgiving Thu 26 Nov 2026, Christmas Fri 25 Dec 2026, New Year Fri 1 Jan
2027. The edges are where people get hurt, so most rows have several cases.
"""
import datetime as dt

import pytest

from .helpers import option, run, warning_ids
from .test_scenarios import BASE, case, expect

JUDGE = dict(decision_stage="immigration_judge", bia_appeal_filed="no")


def reasons(result, oid):
    return " ".join(option(result, oid)["reasons"])


def warning(result, wid):
    found = [w for w in result["warnings"] if w["id"] == wid]
    assert len(found) <= 1
    return found[0] if found else None


# -- motion to reopen: grounds and how they combine (INA 240(c)(7)) ----------

def test_in_absentia_reason_not_sure_keeps_the_no_deadline_ground_open():
    # INA 240(b)(5)(C)(ii): no notice or custody, at any time. The reason is
    # unknown, so that ground stays open (possible); the 180 days of
    # (C)(i) from 1 May 2019 (May 30 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 28)
    # ended Mon 28 Oct 2019.
    r = case(**JUDGE, decision_date="2019-05-01", missed_hearing="yes", missed_hearing_reason="not_sure")
    expect(r, "motion_to_reopen", "possible", None, None)
    text = reasons(r, "motion_to_reopen")
    assert "no deadline" in text and "passed on October 28, 2019" in text
    assert "EOIR-33" in text  # notice mailed to the address given counts (INA 240(b)(5)(A)-(B))


def test_in_absentia_with_worse_conditions_is_not_hidden_by_the_missed_hearing():
    # INA 240(c)(7)(C)(ii): worse conditions, no deadline, even after an in absentia order.
    r = case(**JUDGE, decision_date="2019-05-01", missed_hearing="yes", missed_hearing_reason="other",
             country_conditions_worse="yes")
    expect(r, "motion_to_reopen", "likely", None, None)
    assert "INA 240(c)(7)(C)(ii)" in option(r, "motion_to_reopen")["citations"]


def test_referral_then_in_absentia_counts_180_days_from_the_judges_order():
    # The asylum office decided 10 Jan 2025; the judge ordered removal in
    # absentia on Wed 1 Jul 2026. 1 Jul + 180 (Jul 30 + Aug 31 + Sep 30 +
    # Oct 31 + Nov 30 + Dec 28) = Mon 28 Dec 2026.
    r = case(decision_stage="asylum_office", decision_date="2025-01-10", in_removal_proceedings="yes",
             missed_hearing="yes", missed_hearing_reason="exceptional_circumstances",
             removal_order_date="2026-07-01", valid_immigration_status="no")
    expect(r, "motion_to_reopen", "likely", "2026-12-28", 35)
    # Reconsider: 1 Jul + 30 = Fri 31 Jul 2026, passed.
    expect(r, "motion_to_reconsider", "expired", "2026-07-31")
    expect(r, "bia_appeal", "not_available")
    assert {"in_absentia_bars"} <= warning_ids(r)
    assert warning(r, "in_absentia_bars")["severity"] == "important"


def test_referral_with_missed_hearing_but_no_order_date_has_no_computed_deadline():
    r = case(decision_stage="asylum_office", decision_date="2025-01-10", in_removal_proceedings="yes",
             missed_hearing="yes", missed_hearing_reason="exceptional_circumstances",
             valid_immigration_status="no")
    expect(r, "motion_to_reopen", "possible", None, None)
    assert "Find the date of the removal order" in reasons(r, "motion_to_reopen")


def test_vawa_motion_one_year_outside_the_number_limit():
    # INA 240(c)(7)(C)(iv): one year from the final order; Mon 16 Mar 2026 +
    # 1 year = Tue 16 Mar 2027 (Nov 7 + Dec 31 + Jan 31 + Feb 28 + Mar 16 = 113 days).
    r = case(**JUDGE, decision_date="2026-03-16", abused_by_citizen_relative="yes", motion_filed_before="yes")
    expect(r, "motion_to_reopen", "possible", "2027-03-16", 113)


def test_vawa_motion_after_the_year_stays_open_as_unlikely():
    # INA 240(c)(7)(C)(iv)(III): the year may be waived. 10 Sep 2025 + 1 year = Thu 10 Sep 2026.
    r = case(**JUDGE, decision_date="2025-09-10", abused_by_citizen_relative="yes")
    expect(r, "motion_to_reopen", "unlikely", None, None)
    assert "passed on September 10, 2026" in reasons(r, "motion_to_reopen")


def test_vawa_year_from_a_leap_day_order_is_28_february():
    # 29 Feb 2024 + 1 year = Fri 28 Feb 2025 (the earlier date), passed; stays open.
    r = case(**JUDGE, decision_date="2024-02-29", abused_by_citizen_relative="yes")
    expect(r, "motion_to_reopen", "unlikely", None, None)
    assert "passed on February 28, 2025" in reasons(r, "motion_to_reopen")


def test_pending_appeal_new_proof_is_a_motion_to_remand():
    # 8 CFR 1003.2(c)(4). New facts: 1 Oct + 90 (Oct 30 + Nov 30 + Dec 30) = Wed 30 Dec 2026.
    r = case(decision_stage="immigration_judge", decision_date="2026-10-01", bia_appeal_filed="yes",
             new_evidence="yes")
    expect(r, "motion_to_reopen", "likely", "2026-12-30", 37)
    assert "motion to remand" in reasons(r, "motion_to_reopen")
    assert "8 CFR 1003.2(c)(4)" in option(r, "motion_to_reopen")["citations"]
    expect(r, "motion_to_reconsider", "not_available")  # not final while the appeal is pending
    expect(r, "bia_appeal", "not_available")


def test_pending_appeal_keeps_new_proof_open_after_90_days():
    # 10 Jan 2025 + 90 = Thu 10 Apr 2025, passed; the remand ground has no deadline.
    r = case(decision_stage="immigration_judge", decision_date="2025-01-10", bia_appeal_filed="yes",
             new_evidence="yes")
    expect(r, "motion_to_reopen", "possible", None, None)
    assert "passed on April 10, 2025" in reasons(r, "motion_to_reopen")


def test_worse_conditions_with_fear_not_sure_is_possible_without_deadline():
    r = case(decision_stage="bia", decision_date="2024-01-10", country_conditions_worse="yes",
             fears_harm_on_return="not_sure", fears_torture_by_official="not_sure")
    expect(r, "motion_to_reopen", "possible", None, None)


def test_worse_conditions_with_both_fears_no_is_only_new_facts_90_days():
    # 20 Oct 2026 + 90 (Oct 11 + Nov 30 + Dec 31 + Jan 18) = Mon 18 Jan 2027, MLK Day -> Tue 19 Jan 2027.
    r = case(decision_stage="bia", decision_date="2026-10-20", country_conditions_worse="yes",
             fears_harm_on_return="no", fears_torture_by_official="no")
    expect(r, "motion_to_reopen", "likely", "2027-01-19", 57)


def test_former_lawyer_after_90_days_may_be_tolled():
    # Mata v. Lynch, 576 U.S. 143 (2015). 12 Jan 2026 + 90 = Mon 13 Apr 2026 (Jan 19 + Feb 28 + Mar 31 + Apr 12 = Sun -> Mon).
    r = case(decision_stage="bia", decision_date="2026-01-12", lawyer_mistake="yes")
    expect(r, "motion_to_reopen", "possible", None, None)
    text = reasons(r, "motion_to_reopen")
    assert "passed on April 13, 2026" in text and "tolled" in text
    assert "Mata v. Lynch, 576 U.S. 143 (2015)" in option(r, "motion_to_reopen")["citations"]


def test_former_lawyer_within_90_days_is_likely():
    # 2 Nov + 90 = Sun 31 Jan -> Mon 1 Feb 2027.
    r = case(**JUDGE, decision_date="2026-11-02", lawyer_mistake="yes")
    expect(r, "motion_to_reopen", "likely", "2027-02-01", 70)


def test_second_in_absentia_motion_is_unlikely_not_likely():
    # INA 240(c)(7)(A): one motion; no notice still has no deadline.
    r = case(**JUDGE, decision_date="2019-05-01", missed_hearing="yes", missed_hearing_reason="no_notice",
             motion_filed_before="yes")
    expect(r, "motion_to_reopen", "unlikely", None, None)


def test_every_open_ground_is_named_with_its_date():
    # New proof: 2 Nov + 90 = Mon 1 Feb 2027. Exceptional circumstances:
    # 2 Nov + 180 = Sat 1 May 2027 -> Mon 3 May 2027. Worse conditions: none.
    r = case(**JUDGE, decision_date="2026-11-02", new_evidence="yes", country_conditions_worse="yes",
             missed_hearing="yes", missed_hearing_reason="exceptional_circumstances")
    expect(r, "motion_to_reopen", "likely", "2027-02-01", 70)
    text = reasons(r, "motion_to_reopen")
    for part in ("last day February 1, 2027", "last day May 3, 2027", "no deadline"):
        assert part in text


def test_no_ground_at_all_is_not_available():
    r = case(**JUDGE, decision_date="2026-11-02")
    expect(r, "motion_to_reopen", "not_available", None, None)


def test_all_grounds_closed_is_expired_with_the_latest_date():
    # From Mon 2 Mar 2026: 90 days (Mar 29 + Apr 30 + May 31) = Sun 31 May -> Mon 1 Jun 2026;
    # 180 days (+ Jun 30 + Jul 31 + Aug 29) = Sat 29 Aug -> Mon 31 Aug 2026. Both passed:
    # expired, with the later date; 31 Aug to 23 Nov is 84 days.
    r = case(**JUDGE, decision_date="2026-03-02", new_evidence="yes", missed_hearing="yes",
             missed_hearing_reason="exceptional_circumstances")
    expect(r, "motion_to_reopen", "expired", "2026-08-31", -84)


def test_court_of_appeals_stage_counts_motions_from_the_bia_decision():
    # BIA decided Mon 1 Jun 2026: 90 days = Sun 30 Aug -> Mon 31 Aug 2026, passed.
    r = case(decision_stage="circuit_court", decision_date="2026-11-02", bia_decision_date="2026-06-01",
             new_evidence="yes")
    expect(r, "motion_to_reopen", "expired", "2026-08-31")
    assert "The 90 days for a motion to reopen ran from the BIA decision, not from the court's decision." in \
        option(r, "motion_to_reopen")["reasons"]
    # Reconsider: 1 Jun + 30 = Wed 1 Jul 2026, passed.
    expect(r, "motion_to_reconsider", "expired", "2026-07-01")


def test_court_of_appeals_stage_without_bia_date_keeps_the_reason():
    r = case(decision_stage="circuit_court", decision_date="2026-11-02", new_evidence="yes")
    expect(r, "motion_to_reopen", "possible", None, None)
    assert "The 90 days for a motion to reopen ran from the BIA decision, not from the court's decision." in \
        option(r, "motion_to_reopen")["reasons"]


# -- courts of appeals and the Supreme Court --------------------------------------

def test_rehearing_and_certiorari_after_the_court_of_appeals():
    # FRAP 40(d)(1): 45 days: 2 Nov + 45 (Nov 28 + Dec 17) = Thu 17 Dec 2026.
    # 28 U.S.C. 2101(c): 90 days: Sun 31 Jan -> Mon 1 Feb 2027 (Rule 30.1).
    r = case(decision_stage="circuit_court", decision_date="2026-11-02", bia_decision_date="2026-06-01")
    expect(r, "circuit_rehearing", "possible", "2026-12-17", 24)
    expect(r, "supreme_court_certiorari", "possible", "2027-02-01", 70)
    assert "rehearing" in reasons(r, "supreme_court_certiorari")
    expect(r, "petition_for_review", "not_available")
    expect(r, "stay_of_removal", "likely")


def test_rehearing_deadline_on_christmas_rolls():
    # 10 Nov + 45 (Nov 20 + Dec 25) = Fri 25 Dec 2026 -> Mon 28 Dec 2026.
    r = case(decision_stage="circuit_court", decision_date="2026-11-10")
    expect(r, "circuit_rehearing", "possible", "2026-12-28", 35)


def test_rehearing_and_certiorari_do_not_apply_before_a_court_of_appeals():
    r = case(decision_stage="bia", decision_date="2026-11-20")
    expect(r, "circuit_rehearing", "not_available", None, None)
    expect(r, "supreme_court_certiorari", "not_available", None, None)


def test_petition_for_review_with_aggravated_felony_is_possible():
    # INA 242(a)(2)(C)-(D): legal and constitutional questions only. 20 Nov + 30 = Sun 20 Dec -> Mon 21 Dec.
    r = case(decision_stage="bia", decision_date="2026-11-20", criminal_history="aggravated_felony")
    expect(r, "petition_for_review", "possible", "2026-12-21", 28)
    assert any(c.startswith("Riley v. Bondi") for c in option(r, "petition_for_review")["citations"])


# -- an unknown stage ----------------------------------------------------------------

def test_unknown_stage_works_out_every_stage_option_at_most_possible():
    # Tue 10 Nov 2026: +30 = Thu 10 Dec; +45 = Fri 25 Dec -> Mon 28 Dec; +90 = Mon 8 Feb 2027.
    r = case(decision_stage="not_sure", decision_date="2026-11-10")
    expect(r, "bia_appeal", "possible", "2026-12-10", 17)
    expect(r, "motion_to_reconsider", "possible", "2026-12-10", 17)
    expect(r, "petition_for_review", "possible", "2026-12-10", 17)
    expect(r, "circuit_rehearing", "possible", "2026-12-28", 35)
    expect(r, "supreme_court_certiorari", "possible", "2027-02-08", 77)
    expect(r, "stay_of_removal", "possible")
    expect(r, "renew_asylum_in_court", "possible")
    expect(r, "withholding_of_removal", "possible")
    expect(r, "cat_protection", "possible")
    for o in r["options"]:  # the stage is named once, not once per layer
        assert len(o["reasons"]) == len(set(o["reasons"])), o["id"]


def test_unknown_stage_with_passed_dates_is_expired_not_unavailable():
    r = case(decision_stage="not_sure", decision_date="2025-01-10")
    expect(r, "bia_appeal", "expired", "2025-02-10")  # 10 Jan + 30 = Sun 9 Feb -> Mon 10 Feb 2025
    expect(r, "petition_for_review", "expired", "2025-02-10")


def test_missing_stage_is_treated_as_unknown():
    data = dict(BASE)
    data["decision_date"] = "2026-11-10"
    r = run(data)
    expect(r, "bia_appeal", "possible", "2026-12-10", 17)


# -- withholding and CAT ---------------------------------------------------------------

ASYLUM_OFFICE = dict(decision_stage="asylum_office", decision_date="2026-10-15", in_removal_proceedings="yes",
                     valid_immigration_status="no")


def test_withholding_aggravated_felony_is_unlikely_not_closed():
    # INA 241(b)(3)(B): only 5 years of total sentence is automatic; Matter of N-A-M-.
    r = case(**ASYLUM_OFFICE, criminal_history="aggravated_felony")
    expect(r, "withholding_of_removal", "unlikely")
    assert any("N-A-M-" in c for c in option(r, "withholding_of_removal")["citations"])
    expect(r, "cat_protection", "likely")


def test_withholding_felony_is_possible_and_persecutor_bar_closes():
    expect(case(**ASYLUM_OFFICE, criminal_history="felony"), "withholding_of_removal", "possible")
    expect(case(**ASYLUM_OFFICE, harmed_others="yes"), "withholding_of_removal", "not_available")
    expect(case(**ASYLUM_OFFICE, harmed_others="yes"), "cat_protection", "likely")  # 8 CFR 1208.17


def test_withholding_reason_only_other_is_unlikely():
    expect(case(**ASYLUM_OFFICE, harm_reasons=["other"]), "withholding_of_removal", "unlikely")
    expect(case(**ASYLUM_OFFICE, harm_reasons=["other", "not_sure"]), "withholding_of_removal", "possible")


def test_withholding_and_cat_name_third_country_removal():
    r = case(**ASYLUM_OFFICE)
    expect(r, "withholding_of_removal", "likely")
    for oid in ("withholding_of_removal", "cat_protection"):
        assert "third country" in reasons(r, oid)


@pytest.mark.parametrize("stage", ["immigration_judge", "bia", "circuit_court"])
def test_withholding_and_cat_after_a_court_decision_are_at_most_possible(stage):
    r = case(decision_stage=stage, decision_date="2026-11-02")
    expect(r, "withholding_of_removal", "possible")
    expect(r, "cat_protection", "possible")


def test_fears_unknown_are_possible_fears_no_are_closed():
    data = {k: v for k, v in BASE.items() if k not in ("fears_harm_on_return", "fears_torture_by_official",
                                                        "harm_reasons")}
    r = run(dict(data, **ASYLUM_OFFICE))
    expect(r, "withholding_of_removal", "possible")
    expect(r, "cat_protection", "possible")
    r = case(**ASYLUM_OFFICE, fears_harm_on_return="no", fears_torture_by_official="no")
    expect(r, "withholding_of_removal", "not_available")
    expect(r, "cat_protection", "not_available")


# -- cancellation of removal (INA 240A(b)(1)) -------------------------------------------

CANCEL = dict(decision_stage="immigration_judge", decision_date="2026-11-02", bia_appeal_filed="no",
              last_arrival_date="2010-01-01", nta_date="2021-06-01", nta_listed_time_place="yes",
              asylum_filed_date="2010-06-01", spouse_status="us_citizen", family_hardship="yes")


def test_cancellation_bars_only_aggravated_felony_and_persecutor_absolutely():
    expect(case(**CANCEL), "cancellation_of_removal", "likely")
    expect(case(**dict(CANCEL, criminal_history="aggravated_felony")), "cancellation_of_removal", "not_available")
    expect(case(**dict(CANCEL, harmed_others="yes")), "cancellation_of_removal", "not_available")
    expect(case(**dict(CANCEL, criminal_history="felony")), "cancellation_of_removal", "unlikely")
    expect(case(**dict(CANCEL, criminal_history="misdemeanor")), "cancellation_of_removal", "possible")
    expect(case(**dict(CANCEL, criminal_history="not_sure")), "cancellation_of_removal", "likely")


def test_stop_time_needs_a_notice_with_time_and_place():
    # Pereira (2018), Niz-Chavez (2021): an NTA without the time does not stop the clock.
    short_nta = dict(CANCEL, nta_date="2019-12-31")
    expect(case(**short_nta), "cancellation_of_removal", "unlikely")
    no_time = dict(short_nta, nta_listed_time_place="no")  # 2010 -> 2026: 10 years by today
    expect(case(**no_time), "cancellation_of_removal", "possible")
    unknown = {k: v for k, v in no_time.items() if k != "nta_listed_time_place"}
    expect(case(**unknown), "cancellation_of_removal", "possible")
    recent = dict(no_time, last_arrival_date="2018-01-01", asylum_filed_date="2018-06-01")
    expect(case(**recent), "cancellation_of_removal", "unlikely")


def test_cancellation_qualifying_relatives():
    adult_child = dict(CANCEL, spouse_status="none", parent_status="none", children_status=["us_citizen_21_or_older"])
    expect(case(**adult_child), "cancellation_of_removal", "not_available")
    lpr_child = dict(adult_child, children_status=["permanent_resident"])
    expect(case(**lpr_child), "cancellation_of_removal", "likely")
    unknown = {k: v for k, v in CANCEL.items() if k != "spouse_status"}
    data = {k: v for k, v in BASE.items() if k not in ("spouse_status", "parent_status", "children_status")}
    expect(run(dict(data, **unknown)), "cancellation_of_removal", "possible")


def test_cancellation_after_in_absentia_prior_removal_or_frivolous_is_unlikely():
    for extra in (dict(missed_hearing="yes", missed_hearing_reason="other"), dict(prior_removal="yes"),
                  dict(frivolous_finding="yes")):
        expect(case(**dict(CANCEL, **extra)), "cancellation_of_removal", "unlikely")


# -- family petition (INA 201(b)(2)(A)(i), 203(a), 101(b)(1)) ---------------------------

def test_married_child_of_a_citizen_waits_in_line():
    young = dict(date_of_birth="2007-01-01", last_arrival_date="2020-01-01", asylum_filed_date="2020-06-01",
                 parent_status="us_citizen", entry_type="inspected")
    expect(case(**young), "family_petition", "likely")
    expect(case(**dict(young, spouse_status="other")), "family_petition", "possible")


def test_resident_parent_only_for_unmarried_and_resident_spouse_waits():
    expect(case(parent_status="permanent_resident", entry_type="inspected", spouse_status="other"),
           "family_petition", "not_available")
    expect(case(spouse_status="permanent_resident", entry_type="inspected"), "family_petition", "possible")


def test_family_unknowns_are_possible_and_bars_lower():
    data = {k: v for k, v in BASE.items() if k not in ("spouse_status", "parent_status", "children_status")}
    expect(run(data), "family_petition", "possible")
    expect(case(spouse_status="us_citizen", entry_type="not_sure"), "family_petition", "likely")
    expect(case(spouse_status="us_citizen", entry_type="inspected", prior_removal="yes"), "family_petition", "unlikely")


# -- TPS (INA 244; 8 CFR 244.2(f)(2), (g)) -------------------------------------------------

UA = dict(country_of_nationality="UA", last_arrival_date="2023-01-01", asylum_filed_date="2023-03-01",
          **JUDGE, decision_date="2026-11-02")


def test_tps_late_registration_when_asylum_was_pending_during_a_period():
    # Ukraine's 2023 period ran 21 Aug 2023 to 19 Apr 2025; asylum filed 1 Mar 2023,
    # denied 2 Nov 2026: 2 Nov + 60 (Nov 28 + Dec 31 + Jan 1) = Fri 1 Jan 2027 (holiday) -> Mon 4 Jan 2027.
    # The designation is known only until 19 Oct 2026: at most possible.
    r = case(**UA)
    expect(r, "tps", "possible", "2027-01-04", 42)
    text = reasons(r, "tps")
    assert "known only until October 19, 2026" in text and "September 1, 2026" in text


def test_tps_asylum_filed_after_every_period_asks_about_registration():
    r = case(**dict(UA, asylum_filed_date="2025-06-01"))
    expect(r, "tps", "possible", None, None)
    assert "ever register" in reasons(r, "tps")


def test_tps_unknown_filing_date_or_country_is_possible():
    data = {k: v for k, v in dict(BASE, **UA).items() if k != "asylum_filed_date"}
    expect(run(data), "tps", "possible", None, None)
    data = {k: v for k, v in BASE.items() if k != "country_of_nationality"}
    expect(run(data), "tps", "possible", None, None)


def test_tps_terminated_names_the_end_and_bars_close():
    r = case(country_of_nationality="VE")
    expect(r, "tps", "not_available", None, None)
    assert "November 7, 2025" in reasons(r, "tps")
    expect(case(**dict(UA, criminal_history="felony")), "tps", "not_available")
    expect(case(**dict(UA, criminal_history="misdemeanor")), "tps", "possible")
    expect(case(**dict(UA, last_arrival_date="2024-01-01")), "tps", "unlikely")  # after 16 Aug 2023


# -- voluntary departure (INA 240B) ------------------------------------------------------

def test_voluntary_departure_granted_counts_to_the_judges_date_without_roll():
    # Sat 5 Dec 2026 stays Sat 5 Dec: the judge's date, not a filing deadline.
    r = case(**JUDGE, decision_date="2026-11-02", voluntary_departure_granted="yes",
             voluntary_departure_by="2026-12-05")
    expect(r, "voluntary_departure", "likely", "2026-12-05", 12)
    text = reasons(r, "voluntary_departure")
    assert "5 business days" in text and "petition for review" in text and "$1,000 to $5,000" in text
    assert "does not erase" in text
    soon = [w for w in r["warnings"] if w["id"] == "deadline_soon" and w["option"] == "voluntary_departure"]
    assert soon and soon[0]["severity"] == "important"


def test_voluntary_departure_granted_date_passed_is_expired():
    r = case(**JUDGE, decision_date="2026-09-02", voluntary_departure_granted="yes",
             voluntary_departure_by="2026-11-20")
    expect(r, "voluntary_departure", "expired", "2026-11-20", -3)


def test_voluntary_departure_by_may_be_in_the_future_but_other_dates_may_not():
    from desktop.logic.validation import AnswerError, validate_answers

    validate_answers({"voluntary_departure_by": "2027-01-10"}, dt.date(2026, 11, 23))
    with pytest.raises(AnswerError):
        validate_answers({"removal_order_date": "2027-01-10"}, dt.date(2026, 11, 23))


def test_voluntary_departure_not_granted_by_stage():
    expect(case(**ASYLUM_OFFICE), "voluntary_departure", "likely")
    expect(case(**JUDGE, decision_date="2026-11-02"), "voluntary_departure", "possible")
    expect(case(**ASYLUM_OFFICE, prior_removal="yes"), "voluntary_departure", "unlikely")
    expect(case(**ASYLUM_OFFICE, criminal_history="aggravated_felony"), "voluntary_departure", "not_available")


# -- other options -----------------------------------------------------------------------

def test_renew_asylum_bars():
    expect(case(**ASYLUM_OFFICE), "renew_asylum_in_court", "likely")
    expect(case(**ASYLUM_OFFICE, frivolous_finding="yes"), "renew_asylum_in_court", "not_available")
    expect(case(**ASYLUM_OFFICE, prior_removal="yes"), "renew_asylum_in_court", "unlikely")
    expect(case(**ASYLUM_OFFICE, criminal_history="felony"), "renew_asylum_in_court", "possible")
    expect(case(**ASYLUM_OFFICE, harmed_others="yes"), "renew_asylum_in_court", "unlikely")
    expect(case(**ASYLUM_OFFICE, missed_hearing="yes", missed_hearing_reason="other"),
           "renew_asylum_in_court", "possible")


def test_bia_appeal_in_absentia_points_to_the_motion():
    r = case(**JUDGE, decision_date="2026-11-02", missed_hearing="yes", missed_hearing_reason="other")
    expect(r, "bia_appeal", "unlikely", "2026-12-02", 9)
    assert "motion to reopen" in reasons(r, "bia_appeal")


def test_prosecutorial_discretion_is_never_likely_and_warns_recent_entrants():
    r = case(**ASYLUM_OFFICE, last_arrival_date="2025-06-01", asylum_filed_date="2025-08-01",
             criminal_history="aggravated_felony")
    expect(r, "prosecutorial_discretion", "possible")
    assert "expedited removal" in reasons(r, "prosecutorial_discretion")


def test_u_visa_names_the_certification_form_and_sijs_married_has_no_date():
    r = case(crime_victim_in_us="yes", helped_police="yes")
    expect(r, "u_visa", "likely")
    assert "(Form I-918 Supplement B)" in reasons(r, "u_visa")
    r = case(date_of_birth="2008-02-29", last_arrival_date="2020-01-01", asylum_filed_date="2020-06-01",
             abused_neglected_abandoned_by_parent="yes", spouse_status="other")
    expect(r, "sijs", "not_available", None, None)
    # Born 29 Feb 2008: the 21st birthday is 28 Feb 2029, so the last day is Tue 27 Feb 2029.
    r = case(date_of_birth="2008-02-29", last_arrival_date="2020-01-01", asylum_filed_date="2020-06-01",
             abused_neglected_abandoned_by_parent="yes")
    expect(r, "sijs", "likely", "2029-02-27")


# -- warnings ------------------------------------------------------------------------------

def test_prior_removal_and_frivolous_are_urgent():
    r = case(**ASYLUM_OFFICE, prior_removal="yes", frivolous_finding="yes")
    assert warning(r, "prior_removal")["severity"] == "urgent"
    assert warning(r, "frivolous_finding")["severity"] == "urgent"


def test_expedited_removal_follows_the_manner_of_entry():
    recent = dict(**ASYLUM_OFFICE, last_arrival_date="2025-06-01", asylum_filed_date="2025-08-01")
    assert warning(case(**recent), "expedited_removal_risk")["severity"] == "urgent"
    assert warning(case(**dict(recent, entry_type="not_sure")), "expedited_removal_risk")["severity"] == "important"
    assert warning(case(**dict(recent, entry_type="inspected")), "expedited_removal_risk") is None


def test_expedited_removal_two_years_from_a_leap_day_end_on_1_march():
    data = dict(BASE, last_arrival_date="2024-02-29", asylum_filed_date="2024-06-01")
    assert "expedited_removal_risk" in warning_ids(run(data, dt.date(2026, 2, 28)))
    assert "expedited_removal_risk" not in warning_ids(run(data, dt.date(2026, 3, 1)))


def test_one_year_deadline_counts_from_1997_and_spares_unaccompanied_children():
    # 8 CFR 208.4(a)(2)(ii): one year from 1 Apr 1997 = Wed 1 Apr 1998.
    old = case(date_of_birth="1970-01-01", last_arrival_date="1990-01-01", asylum_filed_date="1998-05-01")
    assert warning(old, "one_year_filing_deadline")["deadline"] == "1998-04-01"
    child = dict(date_of_birth="2005-01-01", last_arrival_date="2020-01-01", asylum_filed_date="2022-01-01")
    assert "one_year_filing_deadline" in warning_ids(case(**child))
    assert "one_year_filing_deadline" not in warning_ids(case(**child, arrived_unaccompanied_minor="yes"))


def test_crime_bars_info_when_the_record_is_unknown():
    assert warning(case(criminal_history="not_sure"), "crime_bars")["severity"] == "info"
    assert warning(case(criminal_history="felony"), "crime_bars")["severity"] == "important"
    assert warning(case(), "crime_bars") is None


def test_deadline_soon_only_for_open_options():
    # The in absentia appeal is unlikely: no deadline-soon warning for it.
    r = case(**JUDGE, decision_date="2026-11-02", missed_hearing="yes", missed_hearing_reason="other")
    assert not [w for w in r["warnings"] if w["id"] == "deadline_soon" and w["option"] == "bia_appeal"]
