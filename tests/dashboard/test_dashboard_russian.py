"""The dashboard in Russian: headings, captions, plurals and the labels of its charts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from tests.support import dashboard
from tests.support.dashboard import chart
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_dashboard_speaks_russian(caseworker_a: Any) -> None:
    for stage in ("intake", "intake", "resettled"):
        dashboard.household(caseworker_a, stage=stage)
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get("/dashboard/").content.decode()
    assert "<h1>Сводка</h1>" in html
    assert "3 семьи" in html
    assert "Семьи по этапам" in html
    assert "Хорошо задокументированы 0 из 3 основных заявителей (0 %)." in html
    assert "Учтены события хронологии «Предоставлена защита»" in html
    _, titles, rows = chart(html, "chart-stages")
    assert titles == ["Приём: 2", "Переселены: 1"]
    assert rows["Итого"] == ["3", ""]
    # A Russian decimal comma in a coordinate would split it in two: the bar vanishes, the label scatters.
    coordinates = re.findall(r' (?:x|y|width|height)="([^"]*)"', html)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in coordinates), coordinates


def test_the_outcomes_legend_speaks_russian(caseworker_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    dashboard.event(household, "removed", timezone.localdate() - dt.timedelta(days=2))
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get("/dashboard/").content.decode()
    assert "Выдворены: красный, пунктирный контур" in html
    assert "Защита предоставлена: сплошной зелёный" in html
