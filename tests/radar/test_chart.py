"""The 90-day timeline on the radar page: a mark for each deadline in it, none for any outside it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.support.personas import client_for
from tests.support.radar import ahead, child_of, event, record


def _svg(response: Any) -> str:
    page = response.content.decode()
    return page[page.index("<svg") : page.index("</svg>")]


def test_the_chart_marks_each_deadline_in_the_90_days_and_none_outside(
    household_a: Any, caseworker_a: Any
) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(10), removal_scheduled_date=ahead(90))
    record(
        caseworker_a,
        child_of(household_a),
        next_hearing_date=ahead(91),
        detained=True,
        detention_facility="X",
    )
    event(caseworker_a, household_a, "other", ahead(45))
    event(caseworker_a, household_a, "other", ahead(-1))
    svg = _svg(client_for(caseworker_a).get("/radar/", {"days": "5"}))  # the list's window does not matter
    assert len(re.findall(r'class="mark mark-removal"', svg)) == 1
    assert len(re.findall(r'class="mark mark-hearing"', svg)) == 1
    assert len(re.findall(r'class="mark mark-event"', svg)) == 1
    assert "mark-detained" not in svg  # the detained child's hearing is 91 days away
    assert household_a.reference in svg


def test_detained_marks_are_emphasised_and_explained(household_a: Any, caseworker_a: Any) -> None:
    record(
        caseworker_a,
        household_a.principal,
        removal_scheduled_date=ahead(3),
        detained=True,
        detention_facility="X",
    )
    svg = _svg(client_for(caseworker_a).get("/radar/"))
    assert 'class="mark mark-removal mark-detained"' in svg
    page = client_for(caseworker_a).get("/radar/").content.decode()
    legend = page.split('class="meta chart-legend radar-legend"')[1].split("</ul>")[0]
    assert "detained: dark, thick outline" in legend
    assert "style=" not in svg and "fill=" not in svg  # coloured by class: the CSP allows no inline style


def test_removals_and_hearings_differ_in_shape_and_colour_with_a_legend(
    household_a: Any, caseworker_a: Any
) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(4), removal_scheduled_date=ahead(9))
    page = client_for(caseworker_a).get("/radar/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert re.search(r'<polygon class="mark mark-removal" points=', svg)  # a triangle
    assert re.search(r'<rect class="mark mark-hearing" x=', svg)  # a square
    legend = page.split('class="meta chart-legend radar-legend"')[1].split("</ul>")[0]
    assert "removal: red triangle" in legend and "hearing: blue square" in legend
    css = (Path(__file__).resolve().parents[2] / "src/haven/static/haven/haven.css").read_text()
    removal = re.search(r"^\.mark-removal \{ fill: (#[0-9a-f]+); \}", css, re.M)
    hearing = re.search(r"^\.mark-hearing \{ fill: (#[0-9a-f]+); \}", css, re.M)
    assert removal and hearing and removal.group(1) != hearing.group(1)


def test_the_chart_is_titled_described_and_counted_in_a_table(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(8))
    response = client_for(caseworker_a).get("/radar/")
    svg = _svg(response)
    assert 'role="img"' in svg and "<title id=" in svg and "1 deadline from today to 90 days ahead" in svg
    assert "<script" not in response.content.decode() and "style=" not in svg
    weeks = response.content.decode().split('class="table radar-weeks stack"')[1].split("</table>")[0]
    totals = [int(t) for t in re.findall(r'<td class="num"[^>]*>(\d+)</td></tr>', weeks)]
    assert len(totals) == 13 and totals[1] == 1 and sum(totals) == 1


def test_a_deadline_shared_by_a_household_is_one_mark(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, removal_scheduled_date=ahead(12))
    record(caseworker_a, child_of(household_a), removal_scheduled_date=ahead(12))
    response = client_for(caseworker_a).get("/radar/")
    svg = _svg(response)
    removals = re.findall(r'<polygon class="mark mark-removal"[^>]*><title>([^<]*)</title>', svg)
    assert len(removals) == 1 and removals[0].endswith(" · 2 people")
    assert "2 deadlines from today to 90 days ahead. One mark per household and deadline" in svg
    weeks = response.content.decode().split('class="table radar-weeks stack"')[1].split("</table>")[0]
    assert sum(int(t) for t in re.findall(r'<td class="num"[^>]*>(\d+)</td></tr>', weeks)) == 2
