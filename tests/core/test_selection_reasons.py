"""Every household is told why it is in or out of a selection, by the first criterion that decides it."""

from __future__ import annotations

import random

from haven_core.selection import (
    Candidate,
    Filters,
    Limits,
    Parameters,
    Pin,
    Weights,
    check_pins,
    select,
)
from haven_core.selection.eligibility import INELIGIBLE

SELECTED = {"selected", "pinned_in"}
LEFT_OUT = {"quota_exhausted", "family_size", "organisation_limit", "pathway_limit", "traded_off"}


def ready(key: str, people: int = 1, risk: float = 50, **kw: object) -> Candidate:
    return Candidate(key, people, risk=risk, well_documented=True, assessed=True, **kw)  # type: ignore[arg-type]


def codes(params: Parameters, *candidates: Candidate) -> dict[str, str]:
    return {o.key: o.code for o in select(candidates, params).outcomes}


def test_ineligible_households_name_the_criterion_they_fail() -> None:
    params = Parameters(
        quota=100,
        filters=Filters(stages=frozenset({"ready"}), detained_only=True),
        pins=(Pin("out", False, "already resettled"),),
        min_priority=10,
    )
    got = codes(
        params,
        Candidate("unassessed", 1, well_documented=True, stage="ready", detained=True),
        Candidate("thin", 1, assessed=True, stage="ready", detained=True),
        ready("out", stage="ready", detained=True),
        ready("intake", stage="intake", detained=True),
        ready("free", stage="ready"),
        ready("low", risk=5, stage="ready", detained=True),
        ready("ok", stage="ready", detained=True),
    )
    assert got == {
        "unassessed": "not_assessed",
        "thin": "not_well_documented",
        "out": "pinned_out",
        "intake": "filtered_status",
        "free": "filtered_detained",
        "low": "below_threshold",
        "ok": "selected",
    }


def test_a_pin_in_overrides_filters_but_not_the_coalitions_criterion() -> None:
    params = Parameters(
        quota=10,
        filters=Filters(organisations=frozenset({"A"})),
        pins=(Pin("b", True, "hearing next week"), Pin("thin", True, "hearing next week")),
    )
    got = codes(params, ready("b", organisation="B"), Candidate("thin", 1, assessed=True, organisation="B"))
    assert got == {"b": "pinned_in", "thin": "not_well_documented"}


def test_left_out_households_say_what_stopped_them() -> None:
    params = Parameters(quota=6, weights=Weights(1, 0, 0), limits=Limits(per_organisation=3))
    run = select(
        [
            ready("top", 3, 90, organisation="A"),
            ready("same-org", 1, 80, organisation="A"),
            ready("big", 4, 70, organisation="B"),
            ready("fits", 3, 60, organisation="B"),
            ready("late", 1, 10, organisation="C"),
        ],
        params,
    )
    got = {o.key: (o.code, o.detail) for o in run.outcomes}
    assert got["top"][0] == "selected" and got["top"][1]["order"] == 1
    assert got["same-org"] == ("organisation_limit", {"limit": 3})
    assert got["big"] == ("family_size", {"people": 4, "places_left": 3})
    assert got["fits"][0] == "selected"
    assert got["late"] == ("quota_exhausted", {})


def test_a_household_that_fitted_but_gave_way_is_traded_off() -> None:
    run = select(
        [ready("single", 1, 100), ready("four", 4, 50), ready("six", 6, 90)],
        Parameters(quota=6, weights=Weights(1, 0, 0)),
    )
    got = {o.key: o.code for o in run.outcomes}
    # The single person ranks first and would have fitted; the six ranked next took every place.
    assert got == {"single": "traded_off", "six": "selected", "four": "quota_exhausted"}


def test_a_pathway_sub_quota_is_named() -> None:
    run = select(
        [ready("g1", 2, 90, pathways=frozenset({"gar"})), ready("g2", 2, 80, pathways=frozenset({"gar"}))],
        Parameters(quota=10, limits=Limits(per_pathway={"gar": 3})),
    )
    assert {o.key: o.code for o in run.outcomes} == {"g1": "selected", "g2": "pathway_limit"}


def test_every_household_has_a_reason_and_ranks_are_unique() -> None:
    rnd = random.Random(2)
    candidates = [
        Candidate(
            f"H{i:03d}",
            rnd.randint(1, 5),
            organisation=rnd.choice("ABC"),
            emergency=rnd.random() < 0.1,
            well_documented=rnd.random() < 0.8,
            assessed=rnd.random() < 0.9,
            risk=rnd.uniform(0, 100),
        )
        for i in range(300)
    ]
    run = select(candidates, Parameters(quota=120, limits=Limits(per_organisation=50), min_priority=5))
    assert len(run.outcomes) == 300
    for o in run.outcomes:
        assert o.code in (SELECTED | LEFT_OUT if o.eligible else set(INELIGIBLE))
        assert o.selected == (o.code in SELECTED)
    ranks = [o.rank for o in run.outcomes if o.eligible]
    assert ranks == list(range(1, len(ranks) + 1))
    # Emergency households rank above all others.
    eligible = [o for o in run.outcomes if o.eligible]
    flags = [o.emergency for o in eligible]
    assert flags == sorted(flags, reverse=True)


def test_parameters_survive_a_round_trip_through_json() -> None:
    import json

    params = Parameters(
        quota=300,
        weights=Weights(0.6, 0.3, 0.1),
        filters=Filters(stages=frozenset({"ready"}), pathways=frozenset({"gar"})),
        limits=Limits(per_organisation=40, per_pathway={"gar": 100}),
        pins=(Pin("H1", True, "hearing"),),
        min_priority=12.5,
    )
    assert Parameters.from_dict(json.loads(json.dumps(params.to_dict()))) == params
    c = ready("H1", 3, pathways=frozenset({"gar", "psr"}))
    assert Candidate.from_dict(json.loads(json.dumps(c.to_dict()))) == c


def test_a_household_not_ready_is_left_out_unless_included_and_then_marked() -> None:
    ready = Candidate("H-A", 2, assessed=True, well_documented=True, risk=80)
    waiting = Candidate(
        "H-B", 1, assessed=True, well_documented=True, risk=90, ready=False, not_ready=("no_consent",)
    )
    default = {o.key: o for o in select([ready, waiting], Parameters(quota=5)).outcomes}
    assert default["H-A"].selected and not default["H-B"].eligible
    assert (default["H-B"].code, default["H-B"].detail) == ("not_ready", {"missing": ["no_consent"]})
    included = {
        o.key: o for o in select([ready, waiting], Parameters(quota=5, include_not_ready=True)).outcomes
    }
    assert included["H-B"].selected and not included["H-B"].ready
    assert included["H-B"].not_ready == ("no_consent",)
    # A pin must name a household that could be chosen.
    pins = (Pin("H-A", True, "hearing"), Pin("H-B", True, "urgent"), Pin("H-Z", False, "typo"))
    problems = check_pins([ready, waiting], Parameters(quota=5, pins=pins))
    assert [(p.key, code) for p, code in problems] == [("H-B", "not_ready"), ("H-Z", "unknown")]
    assert check_pins([ready, waiting], Parameters(quota=5, pins=pins[1:2], include_not_ready=True)) == []
