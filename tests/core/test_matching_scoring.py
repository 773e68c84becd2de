"""Scoring a pair: named evidence, calibrated decisions, and reasons a reviewer can read."""

import pytest

from haven_core.matching import NameRecord, compare
from haven_core.matching.features import FEATURES
from haven_core.matching.scoring import evidence_for

KOTOVA = NameRecord("e", ("Котова Юлия Сергеевна",), "1988-03-12")


def _q(*names: str, birth: str | None = None) -> NameRecord:
    return NameRecord("q", names, birth)


def _features(query: NameRecord, entry: NameRecord = KOTOVA) -> set[str]:
    return {item.feature for item in evidence_for(query, entry)}


@pytest.mark.parametrize(
    "name",
    ["KOTOVA, IULIIA", "IOULIIA KOTOVA", "Yuliya Kotova", "Yulia Kotova", "KOTOVA, Julia", "Котова Юля"],
)
def test_every_era_and_the_press_match_with_the_birth_date(name):
    found = compare(_q(name, birth="1988-03-12"), KOTOVA)
    assert found is not None and found.decision in ("match", "review")
    assert found.score >= 0.85


def test_name_and_birth_date_equal_is_a_match_that_says_why():
    found = compare(_q("KOTOVA, IULIIA", birth="1988-03-12"), KOTOVA)
    assert found.decision == "match"
    assert found.reasons == (
        "surname equal after transliteration (KOTOVA = Котова)",
        "given name IULIIA = Юлия",
        "birth date equal (1988-03-12)",
    )
    assert "+3.0  birth date equal (1988-03-12)" in found.explain()


def test_a_name_alone_is_for_review_never_a_match():
    found = compare(_q("Yulia Kotova"), KOTOVA)
    assert found.decision == "review"


def test_birth_dates_raise_lower_or_partly_agree():
    exact = compare(_q("Yulia Kotova", birth="1988-03-12"), KOTOVA).score
    month = compare(_q("Yulia Kotova", birth="1988-03"), KOTOVA).score
    year = compare(_q("Yulia Kotova", birth="1988"), KOTOVA).score
    swapped = compare(_q("Yulia Kotova", birth="1988-12-03"), KOTOVA)
    missing = compare(_q("Yulia Kotova"), KOTOVA).score
    assert exact > month > year > missing
    assert "birth year equal, day and month swapped (1988-12-03 / 1988-03-12)" in swapped.reasons
    assert swapped.score > missing
    assert compare(_q("Yulia Kotova", birth="1990-03-12"), KOTOVA) is None
    assert compare(_q("Котова Юлия Сергеевна", birth="1988-05-01"), KOTOVA) is None


def test_a_namesake_with_another_given_name_is_not_a_candidate():
    assert compare(_q("Котова Анна Сергеевна", birth="1988-03-12"), KOTOVA) is None
    assert (
        compare(_q("Yana Kotova", birth="1988-03-12"), NameRecord("e", ("Котова Анна",), "1988-03-12"))
        is None
    )


def test_a_man_and_a_woman_are_different_people():
    twin = NameRecord("e", ("Котов Александр Сергеевич",), "1988-03-12")
    assert compare(_q("Котова Александра Сергеевна", birth="1988-03-12"), twin) is None
    assert "sex_differs" in _features(_q("Котова Евгения Сергеевна", birth="1988-03-12"),
                                      NameRecord("e", ("Котов Евгений Сергеевич",)))  # fmt: skip


def test_a_latin_surname_in_the_other_gender_form_goes_to_review_not_out():
    found = compare(_q("KOTOV, IULIIA", birth="1988-03-12"), KOTOVA)
    assert found is not None and found.decision == "review"
    assert "surname in the other gender's form (KOTOV / Котова)" in found.reasons


def test_given_names_meet_their_english_and_short_forms():
    entry = NameRecord("e", ("Ходорковский Михаил Борисович",), "1963-06-26")
    english = compare(_q("Michael Khodorkovsky", birth="1963-06-26"), entry)
    short = compare(_q("Misha Khodorkovsky", birth="1963-06-26"), entry)
    assert "given name Michael = Михаил (forms of one name)" in english.reasons
    assert "given name Misha = Михаил (a short form)" in short.reasons
    assert english.score > short.score


def test_a_patronymic_that_differs_counts_against_even_where_one_spelling_omits_it():
    sister = NameRecord("e", ("Котова Юлия Петровна", "Yulia Kotova"), "1988-03-12")
    assert "patronymic_differs" in _features(_q("Котова Юлия Сергеевна", "IULIIA KOTOVA"), sister)


def test_a_former_surname_and_a_pseudonym_are_found_and_named():
    entry = NameRecord("e", ("Кирия Ксения Дмитриевна", "Туркова Ксения Дмитриевна"), "1980-01-28")
    found = compare(_q("Kseniya Turkova", birth="1980-01-28"), entry)
    assert found.decision == "match"
    assert "found under the entry's other name «Туркова Ксения Дмитриевна»" in found.reasons


def test_turkic_patronymic_written_as_a_middle_name_agrees():
    entry = NameRecord("e", ("Мирзоев Заур Иса оглы",), "2002-01-03")
    assert "patronymic_as_middle_name" in _features(_q("MIRZOEV, ZAUR ISA", birth="2002-01-03"), entry)


def test_every_reason_comes_from_the_feature_table_with_its_weight():
    found = compare(_q("KOTOV, IULIIA", "Юля Котова", birth="1988-12-03"), KOTOVA)
    assert len(found.reasons) == len(found.weights)
    assert set(found.weights) <= {feature.weight for feature in FEATURES.values()}


def test_empty_or_unreadable_input_gives_no_candidate_and_no_error():
    assert compare(_q(), KOTOVA) is None
    assert compare(_q("", "123 456"), KOTOVA) is None
    unreadable = compare(_q("Kotova Yulia", birth="12/03/1988"), KOTOVA)  # not a date Haven reads
    assert "no birth date to compare" not in unreadable.reasons  # weightless evidence is not listed
    assert unreadable.score == compare(_q("Kotova Yulia"), KOTOVA).score
