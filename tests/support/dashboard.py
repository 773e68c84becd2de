"""Households for the dashboard tests (at a stage, assessed at given levels, with outcome events and verified
evidence, made through the case actions and, for the computed rows, straight in the tables), and reading the
dashboard as its reader sees it: the marks of each chart and the rows of its table."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.actions import household_create
from haven.cases.models import Household, TimelineEvent
from haven.evidence.models import EvidenceItem
from tests.support.personas import client_for


def household(
    user: Any,
    *,
    stage: str = "intake",
    urgency: str = "",
    risk: str = "",
    surname: str = "Иванов",
) -> Household:
    """A household of ``user``'s organisation at ``stage``; assessed at the levels given, if any."""
    actor = Actor.for_user(user)
    made = household_create(
        actor=actor,
        organisation=actor.organisation,
        principal={"surname_cyrillic": surname, "given_name_cyrillic": "Пётр", "birth_date": "1985"},
        different_person=True,  # namesakes on purpose: each is a different person
    )
    Household.objects.filter(pk=made.pk).update(stage=stage)  # the pipeline's moves are tested elsewhere
    if urgency or risk:
        assess(made, urgency=urgency or "normal", risk=risk or "low")
    made.refresh_from_db()
    return made


def assess(household: Household, *, urgency: str, risk: str, current: bool = True) -> Assessment:
    return Assessment.objects.create(
        household=household,
        rules_version="test",
        rules_digest="0" * 64,
        inputs_hash="i",
        result_hash="r",
        result="{}",
        assessed_on=dt.date(2026, 11, 1),
        computed_at=timezone.now(),
        current=current,
        risk_level=risk,
        risk_score=0.5,
        vulnerability_level="low",
        vulnerability_score=0.1,
        urgency_level=urgency,
        urgency_score=0.5,
    )


def override(household: Household, reviewer: Any, *, dimension: str, level: str) -> AssessmentOverride:
    return AssessmentOverride.objects.create(
        household=household,
        dimension=dimension,
        computed_level="",
        level=level,
        justification="Тест",
        reviewer=reviewer,
    )


def event(household: Household, kind: str, date: dt.date) -> TimelineEvent:
    return TimelineEvent.objects.create(household=household, kind=kind, date=date, note="")


def document_well(household: Household, *, verified: bool = True) -> list[EvidenceItem]:
    """Three posts from two sites over a year for the principal: well documented once verified."""
    principal = household.people.get(relationship="principal")
    status = "verified" if verified else "unreviewed"
    sources = [
        ("https://t.me/channel/1", dt.date(2023, 3, 1)),
        ("https://t.me/channel/2", dt.date(2023, 9, 1)),
        ("https://vk.com/wall-1_2", dt.date(2024, 3, 1)),
    ]
    return [
        EvidenceItem.objects.create(
            person=principal, kind="social_post", source_url=url, published_on=day, status=status
        )
        for url, day in sources
    ]


def referred(coordinator: Any, liaison: Any, decisions: list[tuple[Household, str]]) -> None:
    """One referral batch to ``liaison`` with an entry per household, decided as given."""
    from haven.referral.models import ReferralBatch, ReferralEntry
    from haven.selection.models import SelectionRun
    from tests.support.selection import selection_run_for

    batch = ReferralBatch.objects.create(
        reference=f"R-TEST-{ReferralBatch.objects.count() + 1:04d}",
        run=SelectionRun.objects.get(public_id=selection_run_for(coordinator)),
        recipient=liaison,
        profile="test",
        created_by=coordinator,
    )
    for household, decision in decisions:
        ReferralEntry.objects.create(batch=batch, household=household, decision=decision)


_FIGURE = r'<figure class="dashboard-chart" id="{}">(.*?)</figure>\s*<div class="table-wrap"[^>]*>(.*?)</div>'

_MARK = re.compile(
    r'<rect class="mark[^"]*" data-key="([^"]*)" data-value="(\d+)"[^>]*><title>([^<]*)</title>'
)


_ROW = re.compile(r'<tr><th scope="row">([^<]*)</th>((?:<td[^>]*>[^<]*</td>)+)</tr>')


def dashboard_html(user: Any) -> str:
    response = client_for(user).get("/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def chart(html: str, chart_id: str) -> tuple[dict[str, int], list[str], dict[str, list[str]]]:
    """The chart's marks (key: value), their titles, and its table's rows (label: cells)."""
    found = re.search(_FIGURE.format(chart_id), html, re.S)
    assert found, f"no chart {chart_id}"
    figure, table = found.groups()
    marks = _MARK.findall(figure.split('<svg class="chart-phone"')[0])  # the wide chart (the phone's: tests)
    rows = {label: re.findall(r"<td[^>]*>([^<]*)</td>", cells) for label, cells in _ROW.findall(table)}
    return {key: int(value) for key, value, _ in marks}, [title for *_, title in marks], rows


def marks(html: str, chart_id: str) -> dict[str, int]:
    return chart(html, chart_id)[0]
