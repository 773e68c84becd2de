"""Persecution risk, by example: what documented activity exposes a person to, and how each item weighs."""

from __future__ import annotations

import datetime as dt

from haven_core.assessment import Contribution, assess
from tests.support.assessment import TODAY, household, item, person, rules


def risk_of(*evidence: object, **fields: object) -> dict[str, Contribution]:
    someone = person(evidence=evidence, **fields)  # type: ignore[arg-type]
    return {c.key: c for c in assess(household(someone), rules(), TODAY).risk.contributions}


def notes(contribution: Contribution) -> dict[str, dict[str, str]]:
    return {n.code: dict(n.values) for n in contribution.notes}


def test_a_verified_anti_war_post_exposes_to_fakes_and_discrediting_at_the_maximum_of_its_date() -> None:
    found = risk_of(item("post", "public_antiwar_statement", on=dt.date(2022, 5, 1)))
    assert found["exposure:CC 207.3"].points == 3  # 3 years before the 2023-03-18 amendment
    assert found["exposure:CC 207.3"].evidence == ("post",)
    assert found["exposure:CC 207.3"].basis.source.startswith("DOMAIN.md §2")
    assert found["exposure:AC 20.3.3"].points == 1  # fine only
    later = risk_of(item("post", "public_antiwar_statement", on=dt.date(2024, 5, 1)))
    assert later["exposure:CC 207.3"].points == 5


def test_an_unreviewed_item_counts_half_and_says_why() -> None:
    found = risk_of(item("post", "public_antiwar_statement", status="unreviewed", on=dt.date(2024, 5, 1)))
    assert found["exposure:CC 207.3"].points == 2.5
    assert notes(found["exposure:CC 207.3"])["status_weight"] == {"status": "unreviewed", "percent": "50"}


def test_disputed_and_retracted_items_count_nothing_at_all() -> None:
    for status in ("disputed", "retracted"):
        assert risk_of(item("post", "public_antiwar_statement", "wanted_listing", status=status)) == {}


def test_fbk_work_before_the_designation_counts_less_than_after_it() -> None:
    before = risk_of(item("doc", "fbk_work", on=dt.date(2020, 1, 1)))["exposure:CC 282.2"]
    after = risk_of(item("doc", "fbk_work", on=dt.date(2021, 6, 9)))["exposure:CC 282.2"]
    undated = risk_of(item("doc", "fbk_work"))["exposure:CC 282.2"]
    assert (before.points, after.points, undated.points) == (2.4, 6, 6)
    assert notes(before)["before_designation"]["since"] == "2021-06-09"
    assert "after_designation" in notes(after)
    assert "designation_date_unknown" in notes(undated)


def test_lgbtq_activism_is_weighed_against_the_2023_designation() -> None:
    before = risk_of(item("post", "lgbtq_activism", on=dt.date(2023, 11, 29)))["exposure:CC 282.2"]
    after = risk_of(item("post", "lgbtq_activism", on=dt.date(2023, 11, 30)))["exposure:CC 282.2"]
    assert before.points < after.points == 6


def test_conduct_before_a_provision_came_into_force_counts_nothing() -> None:
    found = risk_of(item("post", "public_antiwar_statement", on=dt.date(2021, 1, 1)))
    assert found["exposure:CC 207.3"].points == 0
    assert notes(found["exposure:CC 207.3"])["before_in_force"]["in_force"] == "2022-03-04"


def test_a_repeat_within_a_year_of_an_ac_20_3_3_penalty_exposes_to_cc_280_3() -> None:
    penalty = item("fine", "prior_ac_20_3_3", kind="court_document", on=dt.date(2023, 6, 1))
    repeat = item("post", "public_antiwar_statement", on=dt.date(2024, 2, 1))
    found = risk_of(penalty, repeat)
    assert found["exposure:CC 280.3"].points == 7
    assert found["exposure:CC 280.3"].evidence == ("post",)
    assert found["signal:prior_ac_20_3_3"].points == 4
    too_late = item("post", "public_antiwar_statement", on=dt.date(2024, 7, 1))
    assert "exposure:CC 280.3" not in risk_of(penalty, too_late)


def test_only_the_heaviest_military_article_is_added() -> None:
    found = risk_of(item("order", "military_refusal", on=dt.date(2023, 1, 10)))
    assert found["exposure:CC 337"].counted and found["exposure:CC 337"].points == 10
    assert not found["exposure:CC 338"].counted and not found["exposure:CC 328"].counted
    assert notes(found["exposure:CC 338"])["not_added_heaviest"] == {"heaviest": "CC 337"}
    assert found["signal:deserter"].points == 8


def test_unverified_provisions_are_shown_but_never_counted() -> None:
    found = risk_of(item("order", "military_refusal", on=dt.date(2023, 1, 10)))
    assert found["exposure:CC 339"].basis.confidence == "U"
    assert not found["exposure:CC 339"].counted and found["exposure:CC 339"].value == 0
    assert "unverified_provision" in notes(found["exposure:CC 339"])


def test_a_foreign_agent_listing_exposes_to_cc_330_1_and_is_an_aggravating_signal() -> None:
    listing = item(
        "listing",
        "registry_listing",
        kind="registry_listing",
        registry="minjust-foreign-agents",
        registry_listed_on=dt.date(2023, 3, 3),
    )
    found = risk_of(listing)
    assert found["registry:foreign_agents"].points == 6
    assert found["exposure:CC 330.1"].points == 2
    assert not found["exposure:AC 19.34"].counted  # U in DOMAIN.md
    rosfin = item(
        "l2", "registry_listing", kind="registry_listing", registry="Rosfinmonitoring", status="unreviewed"
    )
    assert risk_of(rosfin)["registry:rosfinmonitoring"].points == 4  # 8, unreviewed


def test_wanted_listing_arrest_in_absentia_and_reach_aggravate() -> None:
    found = risk_of(
        item("case", "wanted_listing", "arrest_in_absentia", "open_criminal_case", kind="court_document"),
        item("post", "public_antiwar_statement", followers=25_000, on=dt.date(2024, 1, 1)),
    )
    assert found["signal:wanted_listing"].points == 12
    assert found["signal:arrest_in_absentia"].points == 14
    assert found["signal:open_criminal_case"].points == 12
    assert found["signal:reach"].points == 3
    assert found["signal:reach"].basis.kind == "haven"


def test_a_man_of_mobilisation_age_is_marked_with_the_assumption_shown() -> None:
    found = risk_of(sex="M", born="1990")
    assert found["signal:mobilisation"].points == 4
    assert found["signal:mobilisation"].basis.kind == "assumption"
    assert found["signal:mobilisation"].detail is not None
    assert "signal:mobilisation" not in risk_of(sex="M", born="1960")
    assert "signal:mobilisation" not in risk_of(sex="F", born="1990")


def test_the_household_takes_its_most_at_risk_member_and_the_level_follows_the_score() -> None:
    quiet = person("p1", sex="F")
    exposed = person(
        "p2", "spouse", sex="F", evidence=(item("x", "donation_ukraine", on=dt.date(2024, 1, 1)),)
    )
    result = assess(household(quiet, exposed), rules(), TODAY)
    assert result.risk_person == "p2"
    assert result.risk.total == 25  # life imprisonment since 2023-04
    assert result.risk.level == "high"
    assert result.risk.total == sum(c.value for c in result.risk.contributions)
