"""Birth dates may be partial, and are read in the forms caseworkers type."""

import datetime as dt

import pytest

from haven_core.dates import PartialDate, PartialDateError


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("1984", "1984", "year"),
        ("1984-3", "1984-03", "month"),
        ("1984-03-12", "1984-03-12", "day"),
        ("12.03.1984", "1984-03-12", "day"),
        ("03.1984", "1984-03", "month"),
        (" 1.2.1990 ", "1990-02-01", "day"),
        ("06/13/1987", "1987-06-13", "day"),  # as US notices print it
        ("03/12/1984", "1984-03-12", "day"),  # slashes read the American way: March 12
        ("13/06/1987", "1987-06-13", "day"),  # a first number above 12 can only be the day
        ("06/1987", "1987-06", "month"),
    ],
)
def test_parse_forms(text: str, iso: str, precision: str) -> None:
    value = PartialDate.parse(text, slashes=True)
    assert value.iso() == iso
    assert value.precision == precision


@pytest.mark.parametrize(
    "text", ["", "84", "1984-13", "31.02.1990", "13/13/1990", "02/30/1990", "1700", "next year"]
)
def test_bad_dates_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(PartialDateError):
        PartialDate.parse(text, slashes=True)


def test_age_counts_from_the_earliest_possible_day() -> None:
    today = dt.date(2026, 11, 24)
    assert PartialDate.parse("2008-11-25").age_on(today) == 17
    assert PartialDate.parse("2008-11-24").age_on(today) == 18
    assert PartialDate.parse("2008").age_on(today) == 18


def test_partial_dates_order_by_year_first() -> None:
    assert PartialDate.parse("1984") < PartialDate.parse("1984-01") < PartialDate.parse("1985")


def test_a_whole_day_reads_every_common_spelling_alike() -> None:
    from haven_core.dates import parse_day

    assert {parse_day(t) for t in ("1987-06-13", "13.06.1987", "06/13/1987", "13/06/1987")} == {
        dt.date(1987, 6, 13)
    }
    with pytest.raises(PartialDateError):
        parse_day("06.1987")  # a month is not a day


def test_slashes_are_read_only_from_what_people_type() -> None:
    with pytest.raises(PartialDateError):
        PartialDate.parse("06/13/1987")  # registry or import data: not guessed at
    assert PartialDate.parse("06/13/1987", slashes=True).iso() == "1987-06-13"
