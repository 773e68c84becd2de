"""Duplicates at intake, the decision apart from the database: who the new person likely is among the
people a reader may see, when saving must wait for "a different person", and what an import row's
choice does to the file's households."""

from __future__ import annotations

from haven_core.intake import CheckedHousehold, IntakeReport, PersonRow
from haven_core.intake.duplicates import (
    DIFFERENT,
    Existing,
    RowDuplicate,
    UpdateTarget,
    likely_matches,
    must_confirm,
    resolve_duplicates,
)
from haven_core.matching import NameRecord

TUMANOVA = NameRecord(
    "17", ("Туманова Екатерина Георгиевна", "Ekaterina Tumanova", "TUMANOVA, Ekaterina"), "1987-06-13"
)
SISTER = NameRecord("18", ("Туманова Анна Георгиевна",), "1990-02-02")
FATHER = NameRecord("19", ("Туманов Георгий Иванович",), "1960-01-01")
CASELOAD = [
    Existing(TUMANOVA, "H-2026-00001"),
    Existing(SISTER, "H-2026-00001"),
    Existing(FATHER, "H-2026-00001"),
]


def test_the_same_person_typed_again_in_cyrillic_is_a_likely_match_with_its_reasons() -> None:
    query = NameRecord("new", ("Туманова Екатерина Георгиевна",), "1987-06-13")
    [match] = likely_matches(query, CASELOAD)
    assert (match.person, match.household, match.decision) == ("17", "H-2026-00001", "match")
    assert "birth date equal (1987-06-13)" in match.reasons
    assert any(r.startswith("surname equal") for r in match.reasons)


def test_the_latin_spelling_without_a_patronymic_is_caught_too() -> None:
    [match] = likely_matches(NameRecord("new", ("Tumanova Ekaterina",), "1987-06-13"), CASELOAD)
    assert match.person == "17" and match.decision == "match"
    assert "surname equal after transliteration (Tumanova = Туманова)" in match.reasons


def test_family_members_and_other_people_are_not_matches() -> None:
    assert likely_matches(NameRecord("new", ("Туманова Мария Георгиевна",), "2001-05-05"), CASELOAD) == []
    assert likely_matches(NameRecord("new", ("Орлова Вера",), "1987-06-13"), CASELOAD) == []
    assert likely_matches(NameRecord("new", ("Туманова Екатерина",), "1987-06-13"), []) == []


def test_another_organisations_person_is_explained_without_their_names() -> None:
    hidden = [Existing(TUMANOVA, "H-2026-00009", names_visible=False)]
    [match] = likely_matches(NameRecord("new", ("Tumanova Ekaterina",), "1987-06-13"), hidden)
    assert match.household == "H-2026-00009"
    text = " ".join(match.reasons)
    assert "Tumanova = …" in text and "Туманова" not in text and "Екатерина" not in text


def test_saving_waits_for_a_different_person_only_when_there_is_a_match() -> None:
    [match] = likely_matches(NameRecord("new", ("Tumanova Ekaterina",), "1987-06-13"), CASELOAD)
    assert must_confirm([match], different_person=False)
    assert not must_confirm([match], different_person=True)
    assert not must_confirm([], different_person=False)


def _report() -> IntakeReport:
    principal = PersonRow(2, "T-1/1", principal=True)
    child = PersonRow(3, "T-1/2")
    other = PersonRow(4, "T-2/1", principal=True)
    return IntakeReport(
        households=[
            CheckedHousehold("T-1", 2, people=[principal, child]),
            CheckedHousehold("T-2", 4, people=[other]),
        ]
    )


def _duplicate(row: int = 2, household_id: str = "T-1") -> RowDuplicate:
    [match] = likely_matches(NameRecord("new", ("Tumanova Ekaterina",), "1987-06-13"), CASELOAD)
    return RowDuplicate(row, household_id, (match,), {"H-2026-00001": UpdateTarget("F-7", "F-7/1")})


def test_an_undecided_row_is_a_row_error_naming_the_households_and_its_household_is_not_imported() -> None:
    report = _report()
    resolve_duplicates(report, [_duplicate()], {})
    resolve_duplicates(report, [_duplicate()], {})
    [error] = report.errors
    assert (error.row, error.code) == (2, "likely_duplicate")
    assert "H-2026-00001" in error.message and "--different-person" in error.message
    assert [h.valid for h in report.households] == [False, True]


def test_a_different_person_is_imported_as_it_is() -> None:
    report = _report()
    resolve_duplicates(report, [_duplicate()], {2: DIFFERENT})
    assert report.errors == [] and report.households[0].external_id == "T-1"
    assert report.households[0].people[0].external_id == "T-1/1"


def test_update_that_household_gives_the_row_the_ids_haven_knows_the_household_and_person_by() -> None:
    report = _report()
    resolve_duplicates(report, [_duplicate()], {2: "H-2026-00001"})
    household = report.households[0]
    assert report.errors == [] and household.valid
    assert household.external_id == "F-7"
    assert [p.external_id for p in household.people] == ["F-7/1", "T-1/2"]  # the child stays new


def test_a_household_that_is_not_one_of_the_rows_matches_is_refused() -> None:
    report = _report()
    resolve_duplicates(report, [_duplicate()], {2: "H-2026-00099"})
    [error] = report.errors
    assert error.code == "duplicate_choice" and "'H-2026-00099'" in error.message
    assert not report.households[0].valid


def test_two_rows_of_one_household_cannot_update_two_different_households() -> None:
    report = _report()
    first = _duplicate()
    second = RowDuplicate(3, "T-1", first.matches, {"H-2026-00001": UpdateTarget("F-8", "F-8/1")})
    resolve_duplicates(report, [first, second], {2: "H-2026-00001", 3: "H-2026-00001"})
    [error] = report.errors
    assert (error.row, error.code) == (3, "duplicate_two_households")
    assert not report.households[0].valid
