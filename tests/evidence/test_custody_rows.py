"""The rows of an item's chain of custody (``{% custody_table_rows %}``): when in the reader's time zone
and format, who (Haven itself when no user), what with its verdict or file, every recorded value escaped."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.template import engines
from django.utils import translation

from haven.audit.models import AuditEntry
from haven.evidence.presenting import CustodyRow
from tests.support.personas import make_user

PAGE = engines["django"].from_string("{% load evidence %}<tbody>{% custody_table_rows custody %}</tbody>")
AT = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)


def _row(actor: Any = None, **changed: str) -> CustodyRow:
    fields = {"label": "Viewed", "verdict": "", "sha256": "", **changed}
    return CustodyRow(entry=AuditEntry(at=AT, actor=actor, action="evidence.view", detail={}), **fields)


def test_each_row_says_when_who_and_what(org_a: Any, settings: Any) -> None:
    settings.TIME_ZONE = "America/Toronto"
    anna = make_user("anna", "caseworker", org_a)
    html = PAGE.render(
        {"custody": [_row(anna), _row(label="Verified", verdict="verified", sha256="ab" * 32)]}
    )
    assert html == (
        '<tbody><tr><td class="date">2026-03-01 07:30</td><td>anna</td><td>Viewed</td></tr>'
        '<tr><td class="date">2026-03-01 07:30</td><td>Haven</td><td>Verified: verified'
        " · <code>abababababab…</code></td></tr></tbody>"
    )


def test_an_item_with_nothing_recorded_says_so_in_the_reader_s_language() -> None:
    assert '<td colspan="3" class="muted">Nothing recorded yet.</td>' in PAGE.render({"custody": []})
    with translation.override("ru"):
        assert "Nothing recorded yet." not in PAGE.render({"custody": []})


def test_hostile_labels_and_names_are_escaped(org_a: Any) -> None:
    hostile = '<script>alert("Котова")</script>'
    html = PAGE.render(
        {"custody": [_row(make_user(hostile, "caseworker", org_a), label=hostile, verdict=hostile)]}
    )
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(&quot;Котова&quot;)&lt;/script&gt;") == 3
