"""The dashboard's panels: the numbers of :mod:`haven.dashboard.counts`, labelled in the reader's
language and laid out as charts by :mod:`haven_core.charts`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from haven.assessment.models import RISK_CHOICES, URGENCY_CHOICES
from haven.cases.models.household import STAGE_CHOICES
from haven.dashboard import counts
from haven.dashboard.documentation_coverage import documentation_coverage
from haven_core.charts import (
    PHONE_WIDTH,
    WIDTH,
    Count,
    Series,
    funnel,
    horizontal_bars,
    month_starts,
    monthly_series,
    percent,
    stacked_bars,
)
from haven_core.pipeline import Stage

# What a level's colour says: calm, a warning, danger; "none" for households not assessed yet.
TONES = {
    "normal": "good",
    "low": "good",
    "urgent": "warn",
    "moderate": "warn",
    "emergency": "danger",
    "high": "danger",
    "very_high": "danger",
    counts.NOT_ASSESSED: "none",
    "accepted": "good",
    "refused": "danger",
    "more_information": "warn",
    "withdrawn": "none",
}

# Without referral entries, the households at these stages stand for the referral outcomes.
REFERRAL_STAGES = (Stage.REFERRED.value, Stage.DECISION_RECEIVED.value, Stage.RESETTLED.value)


def _link(name: str, **query: str) -> str:
    """The address of a list filtered by ``query``: the list a bar counts."""
    return f"{reverse(name)}?{urlencode(query)}"


def _counts(choices: Iterable[tuple[str, Any]], found: dict[str, int], href: Any = None) -> list[Count]:
    """One :class:`Count` per choice; ``href(key)`` is the address of the list a bar counts, or ""."""
    return [
        Count(key, str(label), found.get(key, 0), href(key) if href else "", TONES.get(key, "neutral"))
        for key, label in choices
    ]


def _stage_link(stage: str) -> str:
    return _link("cases:list", stage=stage)


def _levels(
    scope: QuerySet[Any], dimension: str, choices: Iterable[tuple[str, Any]], households: int
) -> list[Count]:
    """Households per level; each assessed level links to the assessment list filtered on it (that list
    filters on the level in force, overrides included, as these counts do). The assessment list cannot
    show the households not assessed, so that bar links nowhere."""
    found = counts.level_counts(scope, dimension, households=households)

    def href(level: str) -> str:
        return "" if level == counts.NOT_ASSESSED else _link("assessment:list", **{dimension: level})

    return _counts([*choices, (counts.NOT_ASSESSED, _("Not assessed"))], found, href)


def _panel(categories: list[Count], *, shape: str = "bars") -> dict[str, Any]:
    chart = funnel(categories) if shape == "funnel" else horizontal_bars(categories)
    rows = [
        {"label": c.label, "value": c.value, "percent": percent(c.value, chart.total)} for c in categories
    ]
    return {"chart": chart, "phone": stacked_bars(categories), "rows": rows}


def _outcomes(scope: QuerySet[Any], today: dt.date, months: int) -> dict[str, Any]:
    starts = month_starts(today, months)
    found = counts.outcomes_by_month(scope, starts[0])

    def drawn(width: int) -> Series:
        """The columns at ``width``, each opening the case list of its outcome and month."""
        series = monthly_series(found, keys=counts.OUTCOME_KINDS, months=starts, width=width)
        bars = tuple(dataclasses.replace(b, href=_link("cases:list", outcome=b.key)) for b in series.bars)
        return dataclasses.replace(series, bars=bars)

    return {"series": drawn(WIDTH), "phone": drawn(PHONE_WIDTH), "since": starts[0], "months": months}


def _referrals(scope: QuerySet[Any], stages: dict[str, int]) -> dict[str, Any]:
    decisions = counts.referral_decisions(scope)
    if decisions is None:
        labels = dict(STAGE_CHOICES)
        at_stage = [Count(s, str(labels[s]), stages.get(s, 0), _stage_link(s)) for s in REFERRAL_STAGES]
        return {**_panel(at_stage), "by": "stage"}
    by_decision = _counts(counts.referral_choices(), decisions, lambda d: _link("cases:list", decision=d))
    return {**_panel(by_decision), "by": "decision"}


def dashboard(scope: QuerySet[Any], *, coalition: bool, today: dt.date, months: int) -> dict[str, Any]:
    """Every panel of the dashboard for the households in ``scope``."""
    stages = counts.stage_counts(scope)
    coverage = documentation_coverage(scope)
    documented = [
        Count(
            "well_documented",
            _("Well documented"),
            coverage.well_documented,
            _link("cases:list", documentation="well_documented"),
            tone="good",
        ),
        Count(
            "not_well_documented",
            _("Not yet well documented"),
            coverage.principals - coverage.well_documented,
            _link("cases:list", documentation="not_well_documented"),
            tone="warn",
        ),
    ]
    panels: dict[str, Any] = {
        "households": sum(stages.values()),  # every household has a stage: the scope's count
        "stages": _panel(_counts(STAGE_CHOICES, stages, _stage_link), shape="funnel"),
        "urgency": _panel(_levels(scope, "urgency", URGENCY_CHOICES, sum(stages.values()))),
        "risk": _panel(_levels(scope, "risk", RISK_CHOICES, sum(stages.values()))),
        "documentation": {
            **_panel(documented),
            "principals": coverage.principals,
            "well_documented": coverage.well_documented,
            "percent": percent(coverage.well_documented, coverage.principals),
        },
        "outcomes": _outcomes(scope, today, months),
        "referrals": _referrals(scope, stages),
    }
    if coalition:
        by_org = counts.organisation_counts(scope)
        panels["organisations"] = _panel(
            [Count(name, name, n, _link("cases:list", organisation=slug)) for name, slug, n in by_org]
        )
    return panels
