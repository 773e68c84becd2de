"""The radar in Russian: its headings, warnings and plural forms come from the radar's own catalogue."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings

from tests.support.personas import client_for
from tests.support.radar import ahead, record


def test_the_radar_speaks_russian(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(5), detained=True)
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get("/radar/").content.decode()
    assert "<h1>Сроки</h1>" in page
    assert re.search(r'class="result-count" role="status">\s*1 срок\s*</p>', page)
    assert (
        "Исправить данные (1 предупреждение)" in page and "1 предупреждение о данных: что исправить" in page
    )
    assert "Задержан(а), но место содержания не указано." in page
    assert "Ближайшие 90 дней" in page and "не оценено" in page
    assert "Deadlines" not in page.split("<main")[1]


def test_the_chart_keeps_its_coordinates_numeric_in_russian(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(5), removal_scheduled_date=ahead(9))
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get("/radar/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    numbers = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg)
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d+)?", n) for n in numbers), numbers
    assert any("." in n for n in numbers)  # fractions of a pixel: a decimal comma would have shown
    turns = re.findall(r'transform="([^"]*)"', svg)
    assert len(turns) == 2 and all(re.fullmatch(r"rotate\(-90 \d+(\.\d+)? \d+(\.\d+)?\)", t) for t in turns)


def test_the_chart_legend_and_folded_warnings_speak_russian(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, removal_scheduled_date=ahead(5), detained=True)
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get("/radar/").content.decode()
    assert "депортации: красные, внизу" in page and "слушания: синие" in page
    assert "по столбцу на день, высотой по числу сроков" in page
    assert "1 депортация (задержанных: 1)</title>" in page
    assert "<summary>Показать 1 предупреждение и что сделать</summary>" in page
