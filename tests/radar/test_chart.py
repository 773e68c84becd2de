"""The 90-day timeline on the radar page: a column for each day with deadlines, its parts by kind and
detention, its number, a link to the list of its day; nothing for a day outside the 90 days."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from tests.support.personas import client_for
from tests.support.radar import ahead, child_of, event, record


def _svg(response: Any) -> str:
    page = response.content.decode()
    return page[page.index("<svg") : page.index("</svg>")]


def _columns(svg: str) -> list[tuple[str, str, list[str], str]]:
    """Each column drawn: its link, its title, its parts' classes and the number written above it."""
    link = r'<a class="chart-link" href="([^"]*)"><title>([^<]*)</title>'
    found = re.findall(link + r"((?:<rect [^>]*/>)+)<text [^>]*>(\d+)</text></a>", svg)
    return [(unescape(h), unescape(t), re.findall(r'class="([^"]*)"', parts), n) for h, t, parts, n in found]


def test_the_chart_has_a_column_for_each_day_in_the_90_days_and_none_outside(
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
    columns = _columns(svg)
    assert [parts for _, _, parts, _ in columns] == [
        ["mark mark-hearing"],
        ["mark mark-event"],
        ["mark mark-removal"],
    ]
    assert [number for *_, number in columns] == ["1", "1", "1"]
    assert [href.split("day=")[1][:10] for href, *_ in columns] == [str(ahead(n)) for n in (10, 45, 90)]
    assert "mark-detained" not in svg  # the detained child's hearing is 91 days away


def test_a_day_stacks_its_kinds_and_says_them_in_its_title(household_a: Any, caseworker_a: Any) -> None:
    record(
        caseworker_a,
        household_a.principal,
        removal_scheduled_date=ahead(3),
        detained=True,
        detention_facility="X",
    )
    record(caseworker_a, child_of(household_a), removal_scheduled_date=ahead(3), next_hearing_date=ahead(3))
    response = client_for(caseworker_a).get("/radar/")
    svg = _svg(response)
    ((_, title, parts, number),) = _columns(svg)
    # from the axis up: removals, the detained person's first, then the hearing
    assert parts == ["mark mark-removal mark-detained", "mark mark-removal", "mark mark-hearing"]
    assert number == "3"
    assert title.endswith(": 3 deadlines: 2 removals (detained: 1), 1 hearing")
    legend = response.content.decode().split('class="meta chart-legend radar-legend"')[1].split("</ul>")[0]
    assert "detained people's: dark, thick outline" in legend
    assert "style=" not in svg and "fill=" not in svg  # coloured by class: the CSP allows no inline style


def test_removals_and_hearings_differ_in_colour_with_a_legend(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(4), removal_scheduled_date=ahead(9))
    page = client_for(caseworker_a).get("/radar/").content.decode()
    legend = page.split('class="meta chart-legend radar-legend"')[1].split("</ul>")[0]
    assert "removals: red, at the bottom" in legend and "hearings: blue" in legend
    css = (Path(__file__).resolve().parents[2] / "src/haven/static/haven/haven.css").read_text()
    removal = re.search(r"^\.mark-removal \{ fill: (#[0-9a-f]+); \}", css, re.M)
    hearing = re.search(r"^\.mark-hearing \{ fill: (#[0-9a-f]+); \}", css, re.M)
    assert removal and hearing and removal.group(1) != hearing.group(1)


def test_the_chart_is_titled_described_and_counted_in_a_table(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(8))
    response = client_for(caseworker_a).get("/radar/")
    svg = _svg(response)
    assert 'aria-labelledby="radar-chart-title"' in svg and 'aria-describedby="radar-chart-desc"' in svg
    assert "1 deadline from today to 90 days ahead, one column per day" in svg
    assert "<script" not in response.content.decode() and "style=" not in svg
    weeks = response.content.decode().split('class="table radar-weeks stack"')[1].split("</table>")[0]
    totals = [int(t) for t in re.findall(r'<td class="num"[^>]*>(\d+)</td></tr>', weeks)]
    assert len(totals) == 13 and totals[1] == 1 and sum(totals) == 1


def test_a_deadline_shared_by_a_household_counts_each_person(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, removal_scheduled_date=ahead(12))
    record(caseworker_a, child_of(household_a), removal_scheduled_date=ahead(12))
    response = client_for(caseworker_a).get("/radar/")
    ((_, title, parts, number),) = _columns(_svg(response))
    assert parts == ["mark mark-removal"] and number == "2" and title.endswith("2 removals")
    weeks = response.content.decode().split('class="table radar-weeks stack"')[1].split("</table>")[0]
    assert sum(int(t) for t in re.findall(r'<td class="num"[^>]*>(\d+)</td></tr>', weeks)) == 2


def test_a_column_lists_its_day_with_the_other_filters_kept(household_a: Any, caseworker_a: Any) -> None:
    yulia = household_a.principal
    record(caseworker_a, yulia, next_hearing_date=ahead(4), removal_scheduled_date=ahead(9), detained=True)
    record(caseworker_a, child_of(household_a), next_hearing_date=ahead(9))
    client = client_for(caseworker_a)
    columns = _columns(_svg(client.get("/radar/", {"days": "60", "page": "1"})))
    href = columns[1][0]
    assert href.startswith("?") and href.endswith("#deadlines") and "days=60" in href and "page=" not in href
    assert f"day={ahead(9)}" in href
    response = client.get("/radar/" + href.split("#")[0])
    rows = response.context["rows"]
    assert [(r.deadline.kind, r.deadline.date) for r in rows] == [
        ("removal", ahead(9)),
        ("hearing", ahead(9)),
    ]
    assert response.context["page"].paginator.count == 2 and response.context["chart"].total == 3
    page = response.content.decode()
    assert "2 deadlines on" in page and "Show every day of the window" in page
    detained = client.get("/radar/", {"day": str(ahead(9)), "detained": "on"}).context["rows"]
    assert [r.deadline.kind for r in detained] == ["removal"]


def test_a_day_out_of_reach_lists_the_whole_window(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(4))
    client = client_for(caseworker_a)
    for asked in (str(ahead(-1)), str(ahead(366)), "tomorrow"):
        response = client.get("/radar/", {"day": asked})
        assert response.context["day"] is None and response.context["page"].paginator.count == 1
        assert "That day cannot be listed" in response.content.decode()
    far = client.get("/radar/", {"day": str(ahead(200)), "days": "7"})  # past the window and the chart
    assert far.context["day"] == ahead(200) and far.context["page"].paginator.count == 0
