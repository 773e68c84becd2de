"""The rules file: what it encodes from DOMAIN.md, and the clear errors a wrong file gets."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.assessment import DEFAULT_RULES, RulesError, parse_rules
from tests.support.assessment import rules

TEXT = DEFAULT_RULES.read_text(encoding="utf-8")


def broken(old: str, new: str) -> str:
    assert TEXT.count(old) >= 1, f"the rules file no longer contains {old!r}"
    return TEXT.replace(old, new, 1)


def error_of(text: str) -> str:
    with pytest.raises(RulesError) as caught:
        parse_rules(text.encode("utf-8"), origin="test.toml")
    return str(caught.value)


def test_the_shipped_rules_load_with_a_version_and_a_digest_of_the_file() -> None:
    loaded = rules()
    assert loaded.version == "russia-2026-11.1"
    assert len(loaded.digest) == 64
    assert parse_rules(TEXT.encode()).digest == loaded.digest
    assert parse_rules((TEXT + "\n# a comment\n").encode()).digest != loaded.digest


def test_the_table_of_domain_md_is_encoded_with_before_and_after_maximums() -> None:
    cc_207_3 = rules().provisions["CC 207.3"]
    assert cc_207_3.penalty_on(dt.date(2022, 6, 1)).years == 3
    assert cc_207_3.penalty_on(dt.date(2023, 3, 18)).years == 5
    assert cc_207_3.penalty_on(None).years == 5  # date unknown: today's maximum
    assert [a.years for a in cc_207_3.aggravated] == [10, 15]
    cc_275 = rules().provisions["CC 275"]
    assert cc_275.penalty_on(dt.date(2022, 9, 1)).years == 20
    assert cc_275.penalty_on(dt.date(2024, 1, 1)).life
    assert rules().provisions["AC 20.3.3"].penalty_on(None).fine_rub == 100_000
    assert rules().provisions["CC 280.3"].penalty_on(dt.date(2022, 12, 31)).years == 5


def test_designations_carry_their_dates() -> None:
    dates = {d.id: d.date.iso() for d in rules().designations}
    assert dates["fbk"] == "2021-06-09"
    assert dates["lgbt_movement"] == "2023-11-30"
    assert dates["moscow_times_undesirable"] == "2024-07-10"
    assert dates["foreign_agent_law"] == "2022-12-01"


def test_unverified_provisions_are_carried_without_a_penalty_and_are_never_settled() -> None:
    unverified = {p.id for p in rules().provisions.values() if p.basis.unverified}
    assert unverified == {"CC 282.1", "CC 339", "AC 19.34"}
    assert not any(rules().provisions[p].settled for p in unverified)
    assert all(p.settled for p in rules().provisions.values() if p.id not in unverified)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'tags = ["fbk_work"]\nprovisions = ["CC 282.2", "CC 282.1"]',
            'tags = ["fbk_wrok"]\nprovisions = ["CC 282.2", "CC 282.1"]',
            "unknown 'fbk_wrok'",
        ),
        (
            'provisions = ["AC 20.3.3", "CC 207.3"]',
            'provisions = ["AC 20.3.3", "CC 207.4"]',
            "unknown 'CC 207.4'",
        ),
        ('date = "2021-06-09"', 'date = "2021-13-09"', "designations[0] (fbk).date: not a date"),
        (
            'in_force = "2022-03-04"\namended = ["2023-03-18"]',
            'in_force = "4 March"\namended = ["2023-03-18"]',
            "in_force: not a date",
        ),
        (
            'source = "DOMAIN.md §2 (designations)"\ncites = "Moscow City Court, 2021-06-09"',
            'cites = "Moscow City Court, 2021-06-09"',
            "designations[0] (fbk).source: missing",
        ),
        ('id = "CC 284.2"', 'id = "CC 284.2"\nconfidense = "H"', "unknown key 'confidense'"),
        (
            'confidence = "H"\nsource = "DOMAIN.md §2 (table)"\n\n[[provisions]]\nid = "CC 280.3"',
            'confidence = "X"\nsource = "DOMAIN.md §2 (table)"\n\n[[provisions]]\nid = "CC 280.3"',
            "expected one of",
        ),
        ('version = "russia-2026-11.1"', 'version = "Russia 2026"', "rules.version"),
        ("high = 15\n", "high = 40\n", "scores must rise with the level"),
        ("unreviewed = 0.5", "unreviewed = 1.5", "at most 1"),
        (
            '{ part = "1", years = 5, from = "2023-03-18" }',
            '{ part = "1", years = 5, from = "2023-03-18", until = "2022-01-01" }',
            "until: must come after from",
        ),
        ('{ part = "1", years = 2 }', '{ part = "1", years = 2, fine_rub = 5 }', "exactly one of years"),
        (
            'designation = "foreign_agent_law"',
            'designation = "foreign_agent_act"',
            "unknown 'foreign_agent_act'",
        ),
    ],
)
def test_a_wrong_rules_file_is_refused_with_a_clear_error(old: str, new: str, expected: str) -> None:
    assert expected in error_of(broken(old, new))


def test_an_unverified_provision_cannot_carry_a_penalty() -> None:
    text = broken(
        'id = "CC 339"\n',
        'id = "CC 339"\npenalties = [{ part = "1", years = 7 }]\n',
    )
    assert "a provision marked U must not carry penalties" in error_of(text)


def test_a_settled_provision_needs_a_penalty() -> None:
    text = broken('penalties = [{ part = "1", years = 3 }]\nconfidence = "H"', 'confidence = "H"')
    assert "give the maximum penalty, or mark the provision U" in error_of(text)


def test_a_file_that_is_not_toml_is_refused() -> None:
    assert "test.toml: not a TOML file" in error_of("[rules\nversion = 1")
