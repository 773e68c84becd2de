"""The marks of the dashboard's charts (``{% chart_marks %}``): bars with their labels and numbers, the
outcomes' columns, each a link to the list it counts, and escaped whatever a label or key holds."""

from __future__ import annotations

import pytest
from django.template import TemplateSyntaxError, engines
from django.utils import translation

from haven_core.charts import Bar

PAGE = engines["django"].from_string("{% load chart_marks %}<svg>{% chart_marks bars kind %}</svg>")
HOSTILE = '<script>alert("Мемориал")</script>'


def _bar(**changed: object) -> Bar:
    fields: dict[str, object] = {
        "key": "intake",
        "label": "Intake",
        "value": 12,
        "x": 130.0,
        "y": 8.5,
        "w": 42.25,
        "h": 18.0,
        "text_x": 124.0,
        "text_y": 21.0,
        "value_x": 178.25,
        "value_y": 21.0,
    }
    return Bar(**{**fields, **changed})  # type: ignore[arg-type]


def test_a_bar_links_to_the_list_it_counts_with_its_label_and_number() -> None:
    html = PAGE.render({"bars": [_bar(href="/cases/?stage=intake", tone="good")], "kind": "bars"})
    assert html == (
        '<svg>\n    <a class="chart-link" href="/cases/?stage=intake">'
        '<rect class="mark tone-good" data-key="intake" data-value="12" x="130.0" y="8.5" width="42.25"'
        ' height="18.0"><title>Intake: 12</title></rect>\n'
        '    <text class="chart-label" x="124.0" y="21.0" text-anchor="end" font-size="12">Intake</text>\n'
        '    <text class="chart-label" x="178.25" y="21.0" font-size="12">12</text></a>\n    </svg>'
    )


def test_on_a_phone_the_label_is_not_anchored_at_its_end_and_a_bar_without_list_is_no_link() -> None:
    html = PAGE.render({"bars": [_bar()], "kind": "bars-phone"})
    assert 'text-anchor="end"' not in html and "<a " not in html and "</a>" not in html
    assert '<text class="chart-label" x="124.0" y="21.0" font-size="12">Intake</text>' in html


def test_columns_say_which_outcome_they_count_in_the_reader_s_language() -> None:
    bars = [_bar(key="removed:2026-03", label="removed"), _bar(key="protection_granted:2026-03", label="x")]
    with translation.override("ru"):
        html = PAGE.render({"bars": bars, "kind": "columns"})
    assert html.count('class="mark tone-removed"') == 1 and html.count('class="mark tone-good"') == 1
    assert "<title>Removed: 12</title>" not in html  # the Russian words, not the English
    assert html.count('text-anchor="middle" font-size="10">12</text>') == 2


def test_coordinates_are_never_written_the_locale_s_way() -> None:
    with translation.override("ru"):
        html = PAGE.render({"bars": [_bar()], "kind": "bars"})
    assert 'width="42.25"' in html and "42,25" not in html


def test_hostile_labels_keys_and_links_are_escaped() -> None:
    html = PAGE.render(
        {"bars": [_bar(label=HOSTILE, key='a"b', href='/cases/?q="><script>')], "kind": "bars"}
    )
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(&quot;Мемориал&quot;)&lt;/script&gt;") == 2
    assert 'data-key="a&quot;b"' in html and 'href="/cases/?q=&quot;&gt;&lt;script&gt;"' in html


def test_an_unknown_kind_of_marks_is_an_error() -> None:
    with pytest.raises(TemplateSyntaxError):
        PAGE.render({"bars": [_bar()], "kind": "pie"})
