"""Dates in caseload spreadsheets: Russian and US forms, and ambiguous ones never guessed."""

import datetime as dt

import pytest

from haven_core.intake.dates import DateOrder, DateProblem, column_order, parse_date, parse_partial_date


def test_russian_dates_with_dots_are_day_first():
    assert parse_date("03.04.2026") == dt.date(2026, 4, 3)


def test_iso_dates_are_read_as_they_are():
    assert parse_date("2026-04-03") == dt.date(2026, 4, 3)


def test_a_slash_date_with_a_day_over_12_reads_itself():
    assert parse_date("04/23/2026") == dt.date(2026, 4, 23)
    assert parse_date("23/04/2026") == dt.date(2026, 4, 23)


def test_an_ambiguous_slash_date_is_refused_with_both_readings():
    with pytest.raises(DateProblem, match="ambiguous: 3 April or 4 March"):
        parse_date("03/04/2026")


def test_the_files_date_order_settles_ambiguous_dates():
    assert parse_date("03/04/2026", DateOrder.MDY) == dt.date(2026, 3, 4)
    assert parse_date("03/04/2026", DateOrder.DMY) == dt.date(2026, 4, 3)


def test_the_columns_own_unambiguous_dates_settle_the_rest():
    hint = column_order(["04/23/2026", "03/04/2026", "", "12.05.2026"])
    assert hint is DateOrder.MDY
    assert parse_date("03/04/2026", column_hint=hint) == dt.date(2026, 3, 4)


def test_a_column_with_both_orders_gives_no_hint():
    assert column_order(["04/23/2026", "23/04/2026"]) is DateOrder.AUTO


def test_the_same_day_and_month_is_not_ambiguous():
    assert parse_date("05/05/1990") == dt.date(1990, 5, 5)


def test_impossible_dates_are_refused():
    with pytest.raises(DateProblem, match="not a real date"):
        parse_date("31.02.2026")
    with pytest.raises(DateProblem, match="not a date"):
        parse_date("next Tuesday")


def test_birth_dates_may_be_partial_in_either_form():
    assert parse_partial_date("03.1984").iso() == "1984-03"
    assert parse_partial_date("03/1984").iso() == "1984-03"
    assert parse_partial_date("1984").iso() == "1984"
    assert parse_partial_date("12/25/1984").iso() == "1984-12-25"
    with pytest.raises(DateProblem, match="ambiguous"):
        parse_partial_date("01/02/1984")
