"""The assessment panel's worded part is kept per process once rendered, under a key made of everything it
is worded from: the stored assessment, the rules, the names of the people, the titles of the evidence and
the reader's language. A kept panel is the panel as it would be worded afresh; a change to any of those
shows at the next view, without a new assessment."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment import panel_cache
from haven.assessment.templatetags import assessment as panel_tag
from haven.cases.actions.people import person_update
from haven.evidence.actions.items import evidence_update
from tests.support.assessment import assessed
from tests.support.evidence import add_evidence
from tests.support.personas import client_for


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    panel_cache.forget()
    yield
    panel_cache.forget()


@pytest.fixture
def worded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the panel was worded afresh."""
    calls: list[int] = []
    original = panel_tag.panel

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(panel_tag, "panel", counted)
    return calls


def panel_html(client: Any, household: Any, language: str = "en") -> str:
    response = client.get(f"/cases/{household.reference}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    found = re.search(r'<section id="assessment".*?</section>', response.content.decode(), re.S)
    assert found is not None
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", found[0])


def test_a_second_view_shows_the_kept_panel_unchanged(
    household_a: Any, caseworker_a: Any, worded: list[int]
) -> None:
    add_evidence(household_a.principal, "military_refusal", on=dt.date(2023, 1, 10), title="Повестка")
    assessed(household_a, caseworker_a)
    client = client_for(caseworker_a)
    first = panel_html(client, household_a)
    assert "CC 337" in first and "Повестка" in first
    assert panel_html(client, household_a) == first
    assert len(worded) == 1  # worded once, shown twice


def test_a_renamed_person_and_a_retitled_item_show_at_once(
    household_a: Any, caseworker_a: Any, worded: list[int]
) -> None:
    principal = household_a.principal
    item = add_evidence(principal, "military_refusal", on=dt.date(2023, 1, 10), title="Повестка")
    assessed(household_a, caseworker_a)
    client = client_for(caseworker_a)
    before = panel_html(client, household_a)
    actor = Actor.for_user(caseworker_a)
    person_update(actor=actor, person=principal, fields={"surname_cyrillic": "Зызыкова"})
    renamed = panel_html(client, household_a)
    assert "Зызыкова" in renamed and "Зызыкова" not in before
    evidence_update(actor=actor, item=item, fields={"title": "Отказ от повестки"})
    retitled = panel_html(client, household_a)
    assert "Отказ от повестки" in retitled and "Отказ от повестки" not in renamed
    assert len(worded) == 3


def test_each_language_has_its_own_panel(household_a: Any, caseworker_a: Any) -> None:
    add_evidence(household_a.principal, "public_antiwar_statement", on=dt.date(2024, 1, 10))
    assessed(household_a, caseworker_a)
    client = client_for(caseworker_a)
    english = panel_html(client, household_a)
    russian = panel_html(client, household_a, "ru")
    assert "Persecution risk" in english and "Persecution risk" not in russian
    assert "ст. 207.3 УК" in russian
    assert panel_html(client, household_a) == english


def test_a_new_assessment_is_worded_afresh(household_a: Any, caseworker_a: Any) -> None:
    principal = household_a.principal
    add_evidence(principal, "military_refusal", on=dt.date(2023, 1, 10))
    assessed(household_a, caseworker_a)
    client = client_for(caseworker_a)
    assert "CC 207.3" not in panel_html(client, household_a)
    add_evidence(principal, "public_antiwar_statement", on=dt.date(2024, 1, 10))
    assessed(household_a, caseworker_a)
    assert "207.3" in panel_html(client, household_a)


def test_the_process_keeps_a_bounded_number_of_panels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panel_cache, "SIZE", 3)
    for n in range(5):
        panel_cache.worded(n, lambda n=n: ({"verified": n}, panel_tag.SafeString(str(n))))
    assert len(panel_cache._kept) == 3 and list(panel_cache._kept) == [2, 3, 4]
    # A kept panel is used again and becomes the most recent: the oldest goes first.
    assert panel_cache.worded(2, lambda: ({}, panel_tag.SafeString("again")))[1] == "2"
    panel_cache.worded(5, lambda: ({}, panel_tag.SafeString("5")))
    assert list(panel_cache._kept) == [4, 2, 5]
