"""The assessment panel on the household page, re-assessing from it, overriding, and the list by score."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.models import Assessment, AssessmentOverride
from haven.audit.models import AuditEntry
from haven.cases.actions import canada_relative_save, us_record_save
from tests.support.assessment import JUSTIFICATION, assessed
from tests.support.evidence import add_evidence
from tests.support.personas import client_for


def page(client: Any, household: Any, language: str = "en") -> str:
    response = client.get(f"/cases/{household.reference}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_panel_shows_every_contribution_with_its_source_and_the_disclaimer(
    household_a: Any, caseworker_a: Any
) -> None:
    principal = household_a.principal
    add_evidence(principal, "military_refusal", on=dt.date(2023, 1, 10), title="Повестка и отказ")
    add_evidence(principal, "fbk_work", on=dt.date(2020, 3, 1), status="unreviewed")
    canada_relative_save(
        actor=Actor.for_user(caseworker_a),
        person=principal,
        fields={"relationship": "sibling", "canadian_status": "citizen"},
    )
    assessed(household_a, caseworker_a)
    html = page(client_for(caseworker_a), household_a)
    assert 'id="assessment"' in html and "Not legal advice." in html
    assert "CC 337: leaving a unit without leave" in html
    assert "Повестка и отказ" in html  # the evidence behind it, by its title
    # Each reason cites the public law, never the internal notes the rule was built from.
    assert "Criminal Code of the Russian Federation, art. 337" in html
    assert "publication.pravo.gov.ru" in html
    assert "DOMAIN.md" not in html and "§" not in html
    assert "Before Navalny" in html and "counted at 40%" in html  # before the FBK designation
    assert "Counted at 50%: the item is not yet reviewed." in html
    assert "CC 339" in html and "Unverified" in html and "not counted" in html
    assert "Safe Third Country Agreement exception: a family member in Canada" in html
    assert "The records or the rules have changed" not in html


def test_the_panel_speaks_russian(household_a: Any, caseworker_a: Any) -> None:
    add_evidence(household_a.principal, "public_antiwar_statement", on=dt.date(2024, 1, 10))
    assessed(household_a, caseworker_a)
    html = page(client_for(caseworker_a), household_a, "ru")
    assert "Не юридическая консультация." in html
    assert "ст. 207.3 УК: «заведомо ложная информация» об армии" in html
    assert "Показано: Публичное антивоенное высказывание, 10.01.2024." in html
    assert "Persecution risk" not in html


def test_the_panel_says_when_the_records_changed_since(household_a: Any, caseworker_a: Any) -> None:
    assessed(household_a, caseworker_a)
    add_evidence(household_a.principal, "wanted_listing", on=dt.date(2024, 1, 10))
    assert "The records or the rules have changed" in page(client_for(caseworker_a), household_a)


def test_a_household_not_yet_assessed_says_so_and_offers_to_assess(
    household_a: Any, caseworker_a: Any
) -> None:
    html = page(client_for(caseworker_a), household_a)
    assert "This household has not been assessed yet." in html
    assert f'action="/assessment/{household_a.reference}/assess/"' in html


def test_assessing_from_the_page_stores_an_assessment(household_a: Any, caseworker_a: Any) -> None:
    response = client_for(caseworker_a).post(f"/assessment/{household_a.reference}/assess/")
    assert response.status_code == 302 and response["Location"].endswith("#assessment")
    assert Assessment.objects.filter(household=household_a, current=True).count() == 1
    assert AuditEntry.objects.filter(
        action="assessment.compute", household_ref=household_a.reference
    ).exists()


def test_a_reviewer_overrides_a_level_with_a_justification_shown_beside_the_computed_one(
    household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    assessed(household_a, caseworker_a)
    client = client_for(reviewer_a)
    url = f"/assessment/{household_a.reference}/override/"
    refused = client.post(url, {"dimension": "risk", "level": "very_high", "justification": "too short"})
    assert refused.status_code == 200 and not AssessmentOverride.objects.exists()
    wrong_level = client.post(
        url, {"dimension": "urgency", "level": "very_high", "justification": JUSTIFICATION}
    )
    assert wrong_level.status_code == 200 and not AssessmentOverride.objects.exists()
    done = client.post(url, {"dimension": "risk", "level": "very_high", "justification": JUSTIFICATION})
    assert done.status_code == 302
    override = AssessmentOverride.objects.get()
    assert (override.computed_level, override.level, override.reviewer) == ("low", "very_high", reviewer_a)
    entry = AuditEntry.objects.get(action="assessment.override")
    assert entry.detail == {"dimension": "risk", "level": "very_high", "computed_level": "low"}
    html = page(client_for(caseworker_a), household_a)
    assert JUSTIFICATION in html and "Very high" in html and "computed then: Low" in html


def test_a_caseworker_cannot_override(household_a: Any, caseworker_a: Any) -> None:
    assessed(household_a, caseworker_a)
    client = client_for(caseworker_a)
    url = f"/assessment/{household_a.reference}/override/"
    response = client.post(url, {"dimension": "risk", "level": "very_high", "justification": JUSTIFICATION})
    assert response.status_code == 403
    assert not AssessmentOverride.objects.exists()
    assert "Override a level" not in page(client, household_a)


def test_the_list_sorts_by_each_score_and_keeps_to_the_organisation(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any, coordinator: Any
) -> None:
    from haven.cases.actions import household_create

    actor = Actor.for_user(caseworker_a)
    other = household_create(
        actor=actor,
        organisation=household_a.organisation,
        principal={"surname_cyrillic": "Орлова", "sex": "F"},
    )
    add_evidence(household_a.principal, "donation_ukraine", on=dt.date(2024, 2, 1))
    us_record_save(
        actor=actor,
        person=other.principal,
        fields={
            "status": "final_order",
            "removal_scheduled_date": timezone.localdate() + dt.timedelta(days=3),
        },
    )
    for household in (household_a, other):
        assessed(household, caseworker_a)
    assessed(household_b, caseworker_b)
    client = client_for(caseworker_a)

    def references(query: str, who: Any = client) -> list[str]:
        response = who.get(f"/assessment/?{query}")
        assert response.status_code == 200
        return [row.household.reference for row in response.context["page"].object_list]

    assert references("sort=risk") == [household_a.reference, other.reference]
    assert references("sort=urgency") == [other.reference, household_a.reference]
    assert references("urgency=emergency") == [other.reference]
    assert references("risk=high") == [household_a.reference]
    assert household_b.reference not in references("")  # another organisation's household
    coordinator_client = client_for(coordinator)
    assert len(references("", coordinator_client)) == 3
    assert references(f"organisation={household_b.organisation.slug}", coordinator_client) == [
        household_b.reference
    ]


def test_the_list_filters_on_the_reviewers_level(
    household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    assessed(household_a, caseworker_a)
    client = client_for(reviewer_a)
    url = f"/assessment/{household_a.reference}/override/"
    client.post(url, {"dimension": "risk", "level": "high", "justification": JUSTIFICATION})
    rows = client.get("/assessment/?risk=high").context["page"].object_list
    assert [r.household.reference for r in rows] == [household_a.reference]
    assert not client.get("/assessment/?risk=low").context["page"].object_list
    client.post(
        url,
        {
            "dimension": "risk",
            "level": "withdraw",
            "justification": "Withdrawn: the arrest was not confirmed.",
        },
    )
    assert client.get("/assessment/?risk=low").context["page"].object_list
