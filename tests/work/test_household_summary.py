"""The household page opens on a summary strip that answers how urgent, how documented and what next,
and its long sections fold; the strip reads what the page reads anyway, so the page costs no more."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from haven.selection.inputs import readiness_of
from haven.work.templatetags import household_summary
from tests.support.families import count, family
from tests.support.personas import client_for
from tests.support.referral import at_stage, batch_for, ready_for_referral


@pytest.fixture
def household(org_a: Any, caseworker_a: Any, reviewer_a: Any) -> Any:
    """A principal detained in Buffalo with a hearing in 5 days, an emergency set by a reviewer."""
    return family(org_a, caseworker_a, reviewer_a, people=1)


def _strip(page: str) -> str:
    return page[page.index('<ul class="summary-strip"') : page.index("</ul>", page.index("summary-strip"))]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_strip_says_how_urgent_in_colour_and_in_words(caseworker_a: Any, household: Any) -> None:
    strip = _strip(client_for(caseworker_a).get(f"/cases/{household.reference}/").content.decode())
    assert '<li class="summary-urgency tone-danger">' in strip
    urgency = strip[strip.index("summary-urgency") : strip.index("summary-detention")]
    assert "Emergency" in urgency and "set by a reviewer" in urgency


def test_the_strip_says_who_is_detained_where_and_the_next_deadline(
    caseworker_a: Any, household: Any
) -> None:
    text = _text(_strip(client_for(caseworker_a).get(f"/cases/{household.reference}/").content.decode()))
    assert "1 detained Котова Юлия : Buffalo Federal Detention Facility" in text
    assert "Next deadline in 5 days" in text
    assert "Documentation Not documented well yet Principal applicant: score" in text
    assert "Registry hits 0 listings 0 hits to review" in text
    assert "Referral Not referred Not referable yet: still being documented." in text


def test_the_strip_follows_a_referral(
    caseworker_a: Any, household: Any, coordinator: Any, liaison: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household])
    text = _text(_strip(client_for(caseworker_a).get(f"/cases/{household.reference}/").content.decode()))
    assert f"Referral Awaiting decision {batch.reference}" in text


def test_the_strip_checks_a_referable_status_as_the_selection_page_does(
    caseworker_a: Any, reviewer_a: Any, household: Any
) -> None:
    client = client_for(caseworker_a)
    url = f"/cases/{household.reference}/"
    ready_for_referral(household, caseworker_a, reviewer_a)
    assert readiness_of([household.reference])[household.reference].ready
    assert "Referral Referable Referable: assessed and not under referral." in _text(
        _strip(client.get(url).content.decode())
    )
    household.principal.consents.update(withdrawn_at=timezone.now())  # written directly: the consent
    # tests cover the action that withdraws it
    assert readiness_of([household.reference])[household.reference].codes == ("no_consent",)
    text = _text(_strip(client.get(url).content.decode()))
    assert (
        "Referral Not referred Not referable yet: no consent to referral on record for every adult." in text
    )
    at_stage(household, "shortlisted")  # the other status that allows a referral
    assert "Not referable yet: no consent" in client.get(url).content.decode()


def test_the_strip_in_russian(caseworker_a: Any, household: Any) -> None:
    client = client_for(caseworker_a)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    text = _text(_strip(client.get(f"/cases/{household.reference}/").content.decode()))
    for words in ("Срочность Экстренно", "Ближайший срок через 5 дней", "1 под стражей"):
        assert words in text, (words, text)


def test_sections_to_jump_between_and_the_long_ones_folded(caseworker_a: Any, household: Any) -> None:
    page = client_for(caseworker_a).get(f"/cases/{household.reference}/").content.decode()
    nav = page[page.index('<nav class="on-this-page"') :]
    nav = nav[: nav.index("</nav>")]
    for anchor in ("#people", "#us-status", "#evidence", "#assessment", "#timeline"):
        assert f'href="{anchor}"' in nav and f'id="{anchor[1:]}"' in page
    for fold in ("fold-evidence", "fold-assessment", "fold-timeline"):
        assert f'<details class="fold" id="{fold}">' in page  # folded until opened
    assert '<details class="fold" id="fold-people" open>' in page  # one person: shown
    assert "<script" not in page and "style=" not in page  # the strict CSP allows neither


@pytest.mark.parametrize("persona", ["caseworker_a", "coordinator"])
def test_the_strip_costs_the_page_no_query(
    request: Any, persona: str, household: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_for(request.getfixturevalue(persona))
    url = f"/cases/{household.reference}/"
    with_strip = count(client, url)
    # The strip's readers, made to read nothing: the panels further down read the same things anyway.
    for name, empty in (
        ("current_assessment", None),
        ("overrides_in_force", {}),
        ("household_items", []),
        ("open_hit_count", 0),
        ("household_entries", []),
    ):
        monkeypatch.setattr(household_summary, name, lambda household, empty=empty: empty)
    assert count(client, url) == with_strip
