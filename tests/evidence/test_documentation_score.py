"""The documentation score: only independent verified items count, and every verdict says why."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.evidence.documentation_score import Criteria, ItemFacts, assess, normalised_url, site_of

CRITERIA = Criteria(min_verified_items=3, min_distinct_sources=2, min_period_days=180, official_bonus_items=1)


def item(
    key: str, *, status: str = "verified", url: str = "", day: str = "2023-01-10", **kw: object
) -> ItemFacts:
    return ItemFacts(
        key=key,
        kind=str(kw.pop("kind", "social_post")),
        status=status,
        source_url=url,
        dates=(dt.date.fromisoformat(day),),
        **kw,  # type: ignore[arg-type]
    )


def test_three_independent_verified_items_from_two_sources_over_half_a_year_are_well_documented() -> None:
    result = assess(
        [
            item("a", url="https://t.me/kotova_ju/118", day="2022-03-06"),
            item("b", url="https://www.meduza.io/news/2022/09/22/protest", day="2022-09-22"),
            item("c", url="https://t.me/kotova_ju/240", day="2023-02-24"),
        ],
        CRITERIA,
    )
    assert result.well_documented
    assert result.explain()[0] == "well documented: every criterion is met"
    assert result.contribution("verified_items").reason.english() == "3 independent verified items (3 needed)"
    assert (
        result.contribution("distinct_sources").reason.english()
        == "2 distinct sources: meduza.io, t.me (2 needed)"
    )
    assert result.contribution("period").reason.english() == (
        "activity documented over 355 days, from 2022-03-06 to 2023-02-24 (180 needed)"
    )
    assert result.score == 85  # every weight but the official corroboration's 15


def test_too_few_verified_items_says_how_many_are_missing() -> None:
    result = assess(
        [item("a", url="t.me/x/1", day="2022-03-06"), item("b", url="vk.com/x", day="2023-03-06")], CRITERIA
    )
    assert not result.well_documented
    assert (
        result.contribution("verified_items").reason.english() == "2 of 3 independent verified items needed"
    )
    assert result.verdict.english() == "not yet well documented: verified_items not met"


@pytest.mark.parametrize(
    ("status", "why"),
    [("disputed", "disputed"), ("retracted", "retracted"), ("unreviewed", "not yet verified")],
)
def test_disputed_retracted_and_unreviewed_items_do_not_count(status: str, why: str) -> None:
    result = assess([item("a", url="t.me/x/1"), item("b", url="vk.com/x", status=status)], CRITERIA)
    assert result.counted == ("a",)
    assert [(e.key, e.reason.english()) for e in result.excluded] == [("b", why)]


def test_working_copies_and_second_copies_of_the_same_evidence_do_not_count() -> None:
    result = assess(
        [
            item("a", url="https://t.me/kotova_ju/118/"),
            item("b", url="http://www.t.me/kotova_ju/118#comments"),  # the same post, captured twice
            item("c", file_sha256="ab" * 32),
            item("d", file_sha256="ab" * 32, day="2023-02-01"),  # the same file uploaded twice
            item("e", is_working_copy=True, url="t.me/kotova_ju/200"),  # a translation of another item
        ],
        CRITERIA,
    )
    assert result.counted == ("a", "c")
    assert {e.key: e.reason.code for e in result.excluded} == {
        "b": "excluded_duplicate",
        "d": "excluded_duplicate",
        "e": "excluded_working_copy",
    }


def test_an_official_document_corroborates_and_counts_extra() -> None:
    result = assess(
        [
            item("post", url="t.me/kotova_ju/118", day="2022-03-06"),
            item("court", kind="court_document", day="2022-11-01"),
        ],
        CRITERIA,
    )
    items = result.contribution("verified_items")
    assert items.value == 3 and items.met
    assert items.reason.english() == (
        "2 independent verified items, counted as 3 with official corroboration (3 needed)"
    )
    assert result.contribution("official").reason.english() == "corroborated by an official Russian document"
    assert result.contribution("distinct_sources").reason.english() == (
        "2 distinct sources: court_document, t.me (2 needed)"
    )
    assert result.well_documented


def test_a_registry_listing_is_named_as_such() -> None:
    result = assess(
        [item("listing", kind="registry_listing", tags=frozenset({"registry_listing"}))], CRITERIA
    )
    assert result.contribution("official").reason.english() == "corroborated by a registry listing"


def test_official_corroboration_can_be_required() -> None:
    strict = Criteria(min_verified_items=1, min_distinct_sources=1, min_period_days=0, require_official=True)
    result = assess([item("a", url="t.me/x/1")], strict)
    assert not result.well_documented
    assert result.contribution("official").reason.english() == (
        "no verified official Russian document or registry listing, which is required"
    )


def test_the_period_runs_from_the_earliest_to_the_latest_verified_activity() -> None:
    result = assess(
        [
            item("a", url="a.org", day="2022-03-01"),
            item("b", url="b.org", day="2022-05-01"),
            item("c", url="c.org", day="2022-04-01"),
        ],
        CRITERIA,
    )
    period = result.contribution("period")
    assert (period.value, period.met) == (61, False)
    assert period.reason.english() == "activity documented over 61 of 180 days needed"


def test_nothing_at_all() -> None:
    result = assess([], CRITERIA)
    assert not result.well_documented and result.score == 0
    assert [c.reason.english() for c in result.contributions] == [
        "0 of 3 independent verified items needed",
        "0 of 2 distinct sources needed",
        "no dated verified activity",
        "no verified official Russian document or registry listing",
    ]


def test_sources_fall_back_to_the_author_then_the_kind() -> None:
    assert item("a", url="https://www.Meduza.io/x").source == "meduza.io"
    assert item("a", author=" Ирина Петрова ").source == "ирина петрова"
    assert item("a", kind="witness_statement").source == "kind:witness_statement"
    assert site_of("not a url at all") == ""
    assert normalised_url("HTTPS://www.t.me/a/1/?x=1#c") == "t.me/a/1?x=1"


def test_criteria_are_data() -> None:
    text = '[criteria]\nmin_verified_items = 5\nrequire_official = true\nsource = "coalition, 2026-01"\n'
    criteria = Criteria.from_toml(text)
    assert (criteria.min_verified_items, criteria.require_official, criteria.min_period_days) == (
        5,
        True,
        180,
    )
    with pytest.raises(ValueError, match="unknown documentation criteria: min_items"):
        Criteria.from_mapping({"min_items": 2})
    with pytest.raises(ValueError, match="must be int"):
        Criteria.from_mapping({"min_verified_items": "3"})
    with pytest.raises(ValueError, match="must be bool"):
        Criteria.from_mapping({"require_official": 1})
    with pytest.raises(ValueError, match="must not be negative"):
        Criteria.from_mapping({"min_period_days": -1})
