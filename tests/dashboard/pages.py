"""Reading the dashboard as its reader sees it: the marks of each chart and the rows of its table."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import client_for

_FIGURE = r'<figure class="dashboard-chart" id="{}">(.*?)</figure>\s*<div class="table-wrap"[^>]*>(.*?)</div>'
_MARK = re.compile(
    r'<rect class="mark[^"]*" data-key="([^"]*)" data-value="(\d+)"[^>]*><title>([^<]*)</title>'
)
_ROW = re.compile(r'<tr><th scope="row">([^<]*)</th>((?:<td[^>]*>[^<]*</td>)+)</tr>')


def dashboard(user: Any) -> str:
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
