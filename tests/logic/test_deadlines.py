"""Deadline arithmetic: 8 CFR 1001.1(h), 8 CFR 1003.38(b), 5 U.S.C. 6103."""
import datetime as dt

import pytest

from desktop.logic.dates import add_years, age_on
from desktop.logic.deadlines import days_after, is_business_day, roll_forward
from desktop.logic.rules.humanitarian import sijs_deadline
from desktop.logic.warnings import one_year_deadline

D = dt.date

# The federal legal holidays of 2026 (5 U.S.C. 6103), written out by hand from
# the statute's rules, with the next business day after each.
HOLIDAYS_2026 = [
    (D(2026, 1, 1), D(2026, 1, 2)),     # New Year's Day, Thursday
    (D(2026, 1, 19), D(2026, 1, 20)),   # Birthday of Martin Luther King, Jr., third Monday of January
    (D(2026, 2, 16), D(2026, 2, 17)),   # Washington's Birthday, third Monday of February
    (D(2026, 5, 25), D(2026, 5, 26)),   # Memorial Day, last Monday of May
    (D(2026, 6, 19), D(2026, 6, 22)),   # Juneteenth, a Friday: next business day is Monday
    (D(2026, 7, 3), D(2026, 7, 6)),     # Independence Day falls on Saturday: observed Friday 3 July
    (D(2026, 9, 7), D(2026, 9, 8)),     # Labor Day
    (D(2026, 10, 12), D(2026, 10, 13)), # Columbus Day
    (D(2026, 11, 11), D(2026, 11, 12)), # Veterans Day, Wednesday
    (D(2026, 11, 26), D(2026, 11, 27)), # Thanksgiving; the Friday after is a work day
    (D(2026, 12, 25), D(2026, 12, 28)), # Christmas, a Friday
]


@pytest.mark.parametrize("holiday,next_day", HOLIDAYS_2026)
def test_each_federal_holiday_rolls_to_next_business_day(holiday, next_day):
    assert not is_business_day(holiday)
    assert roll_forward(holiday) == next_day
    # A 30-day period ending on the holiday ends on the next business day.
    assert days_after(holiday - dt.timedelta(days=30), 30) == next_day


def test_weekday_deadline_does_not_move():
    assert days_after(D(2026, 11, 2), 30) == D(2026, 12, 2)  # a Wednesday


def test_saturday_and_sunday_roll_to_monday():
    assert days_after(D(2026, 10, 29), 30) == D(2026, 11, 30)  # lands Sat 28 Nov
    assert days_after(D(2026, 10, 30), 30) == D(2026, 11, 30)  # lands Sun 29 Nov


def test_year_boundary_and_new_year_holiday():
    # 2 Dec 2026 + 30 = Fri 1 Jan 2027 (holiday), then a weekend: Mon 4 Jan 2027.
    assert days_after(D(2026, 12, 2), 30) == D(2027, 1, 4)
    # 90 days across the year: 13 Nov 2026 + 90 = Thu 11 Feb 2027.
    assert days_after(D(2026, 11, 13), 90) == D(2027, 2, 11)


def test_observed_holidays_of_2027():
    assert not is_business_day(D(2027, 6, 18))   # Juneteenth on Saturday, observed Friday
    assert not is_business_day(D(2027, 12, 24))  # Christmas on Saturday, observed Friday
    assert not is_business_day(D(2027, 12, 31))  # New Year's Day 2028 on Saturday, observed Friday
    assert roll_forward(D(2027, 12, 24)) == D(2027, 12, 27)


def test_day_after_thanksgiving_is_not_a_holiday():
    assert is_business_day(D(2026, 11, 27))


def test_leap_day_anniversaries_take_the_earlier_date():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert age_on(D(2008, 2, 29), D(2029, 2, 28)) == 21


def test_sijs_deadline_is_day_before_21st_birthday_without_weekend_roll():
    # 21st birthday Mon 15 Mar 2027: last day Sunday 14 Mar 2027, not moved.
    assert sijs_deadline(D(2006, 3, 15)) == D(2027, 3, 14)
    assert sijs_deadline(D(2008, 2, 29)) == D(2029, 2, 27)


def test_one_year_asylum_deadline_rolls_past_weekend():
    # Arrived Sat 2 Nov 2024 -> anniversary Sun 2 Nov 2025 -> Mon 3 Nov 2025.
    assert one_year_deadline(D(2024, 11, 2)) == D(2025, 11, 3)
    assert one_year_deadline(D(2024, 2, 29)) == D(2025, 2, 28)
