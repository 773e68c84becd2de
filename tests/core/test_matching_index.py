"""The blocking index offers the scorer every entry the scorer would keep, and few others."""

import datetime as dt

import pytest

from haven.demo.matching_evaluation.labelled_seed import seed_set
from haven_core.matching import Matcher, NameRecord, compare


@pytest.fixture(scope="module")
def coalition():
    return seed_set(seed=11, households=150, today=dt.date(2026, 1, 15))


def test_blocking_loses_no_candidate_that_scoring_every_pair_finds(coalition):
    matcher = Matcher(coalition.entries)
    queries = [q for q in coalition.queries if q.truth][:12] + list(coalition.queries[::25])
    for labelled in queries:
        query = labelled.query
        everyone = {e.id for e in coalition.entries if e.id != query.id and compare(query, e) is not None}
        offered = {c.entry_id for c in matcher.candidates(query, limit=1000) if c.entry_id != query.id}
        assert offered == everyone, query.names
        assert len(matcher.blocked(query)) < len(coalition.entries) / 10


def test_candidates_come_best_first_and_only_as_many_as_asked():
    entries = [
        NameRecord("exact", ("Котова Юлия Сергеевна",), "1988-03-12"),
        NameRecord("year", ("Котова Юлия",), "1988"),
        NameRecord("none", ("Котова Юлия",), None),
        NameRecord("other", ("Котова Анна",), "1988-03-12"),
    ]
    matcher = Matcher(entries)
    assert len(matcher) == 4
    found = matcher.candidates(NameRecord("q", ("KOTOVA, IULIIA",), "1988-03-12"))
    assert [c.entry_id for c in found] == ["exact", "year", "none"]
    assert found[0].score > found[1].score > found[2].score
    assert [
        c.entry_id for c in matcher.candidates(NameRecord("q", ("KOTOVA, IULIIA",), "1988"), limit=1)
    ] == ["exact"]


def test_a_surname_misspelled_by_a_letter_is_found_through_given_name_and_birth_year():
    matcher = Matcher([NameRecord("e", ("Котова Юлия Сергеевна",), "1988-03-12")])
    found = matcher.candidates(NameRecord("q", ("Yulia Kotava",), "1988-03-12"))
    assert [c.entry_id for c in found] == ["e"]


def test_a_surname_a_typo_away_is_found_without_a_birth_date_and_only_with_its_given_name():
    matcher = Matcher([NameRecord("e", ("Муратов Дмитрий Андреевич",), "1961-10-29"),
                       NameRecord("x", ("Муратова Анна Андреевна",), "1961-10-29")])  # fmt: skip
    assert [c.entry_id for c in matcher.candidates(NameRecord("q", ("Dmitry Mruatov",)))] == ["e"]
    assert [c.entry_id for c in matcher.candidates(NameRecord("q", ("Dmitry Muratv",)))] == ["e"]
    assert matcher.blocked(NameRecord("q", ("Sergei Muratv",))) == []


def test_a_double_surname_written_joined_is_filed_under_the_joined_word():
    matcher = Matcher([NameRecord("e", ("Кара-Мурза Владимир Владимирович",), "1981-09-07")])
    assert [c.entry_id for c in matcher.candidates(NameRecord("q", ("Vladimir Karamurza",)))] == ["e"]
    joined = Matcher([NameRecord("e", ("Карамурза Владимир",), None)])
    assert [c.entry_id for c in joined.candidates(NameRecord("q", ("KARA MURZA, VLADIMIR",)))] == ["e"]
