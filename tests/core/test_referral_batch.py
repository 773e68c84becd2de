"""A batch-list row from a minimised record, and dates as each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.assessment.result import PathwayNote
from haven_core.assessment.rules import Basis
from haven_core.referral.batch import COLUMNS, batch_row, headed, next_deadline
from haven_core.referral.formatting import display_date
from haven_core.referral.profile import OFFICER, minimise

BASIS = Basis("DOMAIN.md §5", "H")
RECORD = {
    "reference": "H-7KQ3M9XD2A",
    "organisation": "Free Russia Aid",
    "assessment": {
        "levels": {
            "risk": {"computed": "high", "score": 25.0, "reviewer": ""},
            "vulnerability": {"computed": "moderate", "score": 6.0, "reviewer": ""},
            "urgency": {"computed": "urgent", "score": 50.0, "reviewer": "emergency"},
        }
    },
    "pathways": [PathwayNote("sponsorship_sah", BASIS, True), PathwayNote("sponsorship_g5", BASIS, None)],
    "selection": {"rank": 4, "reason": "selected"},
    "people": [
        {
            "relationship": "principal",
            "name_latin": "KOTOVA, IULIIA",
            "name_cyrillic": "Котова Юлия",
            "a_number": "A212-345-678",
            "us_status": "final_order",
            "detained": True,
            "next_hearing_date": "2027-01-15",
            "removal_scheduled_date": "2026-12-09",
            "address": "12 Elm St",
            "evidence": [{"status": "verified"}, {"status": "unreviewed"}],
        },
        {
            "relationship": "child",
            "name_cyrillic": "Котов Миша",
            "detained": False,
            "private": ["name_cyrillic"],
        },
    ],
}


def test_a_row_says_what_the_profile_let_out_and_nothing_else() -> None:
    row = batch_row(minimise(RECORD, OFFICER).record, reason="Selected")
    assert row == {
        "rank": "4",
        "reference": "H-7KQ3M9XD2A",
        "organisation": "Free Russia Aid",
        "people": "2",
        "principal_latin": "KOTOVA, IULIIA",
        "principal_cyrillic": "Котова Юлия",
        "a_number": "A212-345-678",
        "us_status": "final_order",
        "detained": "1",
        "next_deadline": "December 9, 2026",
        "risk": "high",
        "vulnerability": "moderate",
        "urgency": "emergency",  # the reviewer's level wins over the computed one
        "pathways": "sponsorship_sah",  # only routes that may apply
        "evidence": "1/2",
        "reason": "Selected",
    }
    assert "12 Elm St" not in repr(row) and "Котов Миша" not in repr(row)


def test_withheld_sections_leave_empty_cells() -> None:
    row = batch_row({"reference": "H-1", "people": [{"relationship": "principal"}]})
    assert row["people"] == "1"
    assert all(row[k] == "" for k in ("a_number", "risk", "urgency", "detained", "next_deadline", "evidence"))


def test_labels_and_language_are_the_caller_s() -> None:
    row = batch_row(RECORD, label=lambda what, code: f"{what}:{code}", language="fr")
    assert row["us_status"] == "us_status:final_order" and row["risk"] == "level:high"
    assert row["next_deadline"] == "9 décembre 2026"


def test_the_table_has_one_header_and_the_columns_in_order() -> None:
    table = headed([batch_row(RECORD)])
    assert table[0] == [title for _, title in COLUMNS] and len(table) == 2
    assert table[1][1] == "H-7KQ3M9XD2A"


def test_the_next_deadline_is_the_earliest_of_anyone_s() -> None:
    assert next_deadline(RECORD["people"]) == "2026-12-09"
    assert next_deadline([{}]) == ""


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("1988-04-12", "en", "April 12, 1988"),
        ("1988-04-12", "fr", "12 avril 1988"),
        ("2026-12-01", "fr", "1er décembre 2026"),
        ("1988-04-12", "ru", "12 апреля 1988"),
        ("1988-04", "en", "April 1988"),
        ("1988-04", "ru", "апрель 1988"),
        ("1988", "fr", "1988"),
        (dt.date(2026, 8, 3), "fr-ca", "3 août 2026"),
        ("", "en", ""),
        (None, "en", ""),
        ("about 1990", "en", "about 1990"),
        ("2026-02-30", "en", "2026-02-30"),
    ],
)
def test_dates_as_each_language_writes_them(value: object, language: str, expected: str) -> None:
    assert display_date(value, language) == expected  # type: ignore[arg-type]
