"""The shipped holiday table is the `holidays` package's answer, year by year."""
from desktop.logic.holiday_table import (
    FIRST_YEAR,
    LAST_YEAR,
    _table,
    federal_holidays,
    from_package,
)


def test_table_equals_the_holidays_package_for_every_year():
    table = _table()
    assert sorted(map(int, table)) == list(range(FIRST_YEAR, LAST_YEAR + 1))
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        assert table[str(year)] == from_package(year), year


def test_years_outside_the_table_fall_back_to_the_package():
    assert {d.isoformat() for d in federal_holidays(2070)} == set(from_package(2070))


def test_country_table_equals_cldr():
    from desktop.logic.countries import country_codes, from_cldr

    assert country_codes() == frozenset(from_cldr())
    assert {"BD", "IN", "PK", "SV", "MX", "XK"} <= country_codes()
