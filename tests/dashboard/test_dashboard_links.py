"""Each bar of the dashboard links to the list it counts, and that list shows as many as the bar says.
Bar colours come from CSS classes that say what they mean; every bar also carries its label."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.support import dashboard
from tests.support.dashboard import dashboard_html
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

_LINKED = re.compile(
    r'<a class="chart-link" href="([^"]+)">'
    r'<rect class="mark tone-(\w+)" data-key="([^"]*)" data-value="(\d+)"'
)
_COUNT = re.compile(r'<p class="result-count" role="status">\s*(\d+) ')


def _figure(page: str, chart_id: str) -> str:
    found = re.search(rf'<figure class="dashboard-chart" id="{chart_id}">(.*?)</figure>', page, re.S)
    assert found, f"no chart {chart_id}"
    return found.group(1)


def _links(page: str, chart_id: str) -> dict[str, tuple[str, str, int]]:
    """The chart's linked bars: key -> (address, tone, value); the same in the chart drawn for a phone."""
    wide, _sep, phone = _figure(page, chart_id).partition('<svg class="chart-phone"')
    links, on_phone = (
        {key: (html_lib.unescape(href), tone, int(value)) for href, tone, key, value in _LINKED.findall(svg)}
        for svg in (wide, phone)
    )
    assert on_phone == links
    return links


def _listed(user: Any, href: str) -> int:
    response = client_for(user).get(href)
    assert response.status_code == 200
    found = _COUNT.search(response.content.decode())
    assert found, f"no count on {href}"
    return int(found.group(1))


def test_every_stage_bar_opens_the_case_list_with_that_many(caseworker_a: Any, caseworker_b: Any) -> None:
    for stage in ("intake", "intake", "documenting", "shortlisted", "referred"):
        dashboard.household(caseworker_a, stage=stage)
    dashboard.household(caseworker_b, stage="intake")  # another organisation's: counted by neither
    page = dashboard_html(caseworker_a)
    links = _links(page, "chart-stages")
    assert set(links) == {"intake", "documenting", "shortlisted", "referred"}
    assert links["intake"][0] == "/cases/?stage=intake"
    for href, _tone, value in links.values():
        assert _listed(caseworker_a, href) == value


def test_level_bars_open_the_assessment_list_filtered_on_the_level_in_force(
    caseworker_a: Any, reviewer_a: Any
) -> None:
    dashboard.household(caseworker_a, urgency="normal", risk="low")
    dashboard.household(caseworker_a, urgency="normal", risk="high")
    overridden = dashboard.household(caseworker_a, urgency="normal", risk="moderate")
    dashboard.override(overridden, reviewer_a, dimension="urgency", level="emergency")
    dashboard.household(caseworker_a)  # not assessed: a bar with no list to open
    page = dashboard_html(caseworker_a)
    urgency = _links(page, "chart-urgency")
    assert {key: value for key, (_h, _t, value) in urgency.items()} == {"normal": 2, "emergency": 1}
    assert urgency["emergency"][0] == "/assessment/?urgency=emergency"
    risk = _links(page, "chart-risk")
    assert set(risk) == {"low", "moderate", "high"}
    for href, _tone, value in [*urgency.values(), *risk.values()]:
        assert _listed(caseworker_a, href) == value
    assert 'data-key="not_assessed" data-value="1"' in _figure(page, "chart-urgency")
    # Colour with meaning: calm, warning and danger levels, grey for not assessed.
    assert urgency["normal"][1] == "good" and urgency["emergency"][1] == "danger"
    assert risk["moderate"][1] == "warn" and risk["high"][1] == "danger"
    assert 'class="mark tone-none" data-key="not_assessed"' in _figure(page, "chart-urgency")


def test_organisation_bars_open_the_case_list_of_that_organisation(
    coordinator: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    for _ in range(3):
        dashboard.household(caseworker_a)
    dashboard.household(caseworker_b)
    links = _links(dashboard_html(coordinator), "chart-organisations")
    assert sorted(value for _h, _t, value in links.values()) == [1, 3]
    for href, _tone, value in links.values():
        assert "organisation=" in href
        assert _listed(coordinator, href) == value


def test_charts_are_coloured_by_class_and_never_by_colour_alone(caseworker_a: Any) -> None:
    household = dashboard.household(caseworker_a, urgency="urgent", risk="high")
    dashboard.event(household, "removed", timezone.localdate() - dt.timedelta(days=3))
    page = dashboard_html(caseworker_a)
    charts = re.findall(r'<figure class="dashboard-chart".*?</figure>', page, re.S)
    assert charts and not any("fill=" in c or "style=" in c for c in charts)  # the CSP allows no inline style
    assert 'class="mark tone-removed"' in _figure(page, "chart-outcomes")
    assert "Removed: red, dashed outline" in page  # the legend names the shape, not only the colour
    urgency = _figure(page, "chart-urgency")
    assert re.search(r'<text class="chart-label"[^>]*>Urgent</text>', urgency)  # each bar says its label
    css = (Path(__file__).resolve().parents[2] / "src/haven/static/haven/haven.css").read_text()
    assert re.search(r"\.tone-removed \{[^}]*stroke-dasharray", css)


def test_documentation_bars_open_the_case_list_of_those_principals(caseworker_a: Any) -> None:
    dashboard.document_well(dashboard.household(caseworker_a))
    dashboard.document_well(dashboard.household(caseworker_a))[0].delete()  # two of the three needed
    dashboard.household(caseworker_a)  # no evidence at all
    links = _links(dashboard_html(caseworker_a), "chart-documentation")
    assert {key: value for key, (_h, _t, value) in links.items()} == {
        "well_documented": 1,
        "not_well_documented": 2,
    }
    assert links["well_documented"][0] == "/cases/?documentation=well_documented"
    for href, _tone, value in links.values():
        assert _listed(caseworker_a, href) == value


def test_a_verdict_that_no_longer_holds_leaves_the_well_documented_list(caseworker_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    items = dashboard.document_well(household)
    assert _listed(caseworker_a, "/cases/?documentation=well_documented") == 1
    items[0].delete()
    items[1].delete()  # one verified item left: below the minimum, never scored again
    assert _listed(caseworker_a, "/cases/?documentation=well_documented") == 0
    assert _listed(caseworker_a, "/cases/?documentation=not_well_documented") == 1


def test_referral_decision_bars_open_the_case_list_of_those_households(
    caseworker_a: Any, coordinator: Any, liaison: Any
) -> None:
    one, two, three = (dashboard.household(caseworker_a, stage="referred") for _ in range(3))
    dashboard.referred(coordinator, liaison, [(one, "accepted"), (two, "more_information")])
    dashboard.referred(coordinator, liaison, [(two, "accepted"), (three, "refused")])
    dashboard.referred(coordinator, liaison, [(three, "refused")])  # refused twice: one household
    links = _links(dashboard_html(caseworker_a), "chart-referrals")
    assert {key: value for key, (_h, _t, value) in links.items()} == {
        "accepted": 2,
        "refused": 1,
        "more_information": 1,
    }
    assert links["accepted"][0] == "/cases/?decision=accepted"
    for href, _tone, value in links.values():
        assert _listed(caseworker_a, href) == value


def test_outcome_bars_open_the_case_list_of_that_month(caseworker_a: Any) -> None:
    today = timezone.localdate()
    first = today.replace(day=1)
    last_month = first - dt.timedelta(days=1)
    twice = dashboard.household(caseworker_a)
    dashboard.event(twice, "protection_granted", first)
    dashboard.event(twice, "protection_granted", today)  # another of its people: the household once
    dashboard.event(dashboard.household(caseworker_a), "protection_granted", today)
    dashboard.event(dashboard.household(caseworker_a), "removed", last_month)
    withdrawn = dashboard.event(dashboard.household(caseworker_a), "removed", last_month)
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    links = _links(dashboard_html(caseworker_a), "chart-outcomes")
    assert {key: value for key, (_h, _t, value) in links.items()} == {
        f"protection_granted:{today:%Y-%m}": 2,
        f"removed:{last_month:%Y-%m}": 1,
    }
    assert links[f"removed:{last_month:%Y-%m}"][1] == "removed"  # its tone: red, dashed
    for href, _tone, value in links.values():
        assert href.startswith("/cases/?outcome=")
        assert _listed(caseworker_a, href) == value


def test_the_case_list_says_which_bar_it_lists(caseworker_a: Any) -> None:
    dashboard.household(caseworker_a)
    page = client_for(caseworker_a).get("/cases/?documentation=not_well_documented").content.decode()
    assert "Documentation:</span> Not yet well documented" in page
    assert '<input type="hidden" name="documentation" value="not_well_documented">' in page
    assert "Clear all" in page
    unknown = client_for(caseworker_a).get("/cases/?outcome=removed:last-year").content.decode()
    assert "Outcome:" not in unknown  # a value no filter knows filters nothing
    assert _COUNT.search(unknown).group(1) == "1"
