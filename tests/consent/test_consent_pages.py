"""The household page shows each adult's consent and leads to the page that records and withdraws it."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from haven.consent.models import Consent
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_household_page_shows_who_has_not_consented_and_links_to_the_consent_page(
    caseworker_a: Any, household_a: Any
) -> None:
    page = client_for(caseworker_a).get(f"/cases/{household_a.reference}/").content.decode()
    assert 'id="consent"' in page and f'href="/cases/{household_a.reference}/consent/"' in page
    assert "no consent on record: the household cannot be referred" in page
    assert (
        page.count("consent-summary") == 1
        and "Миша" not in page.split('id="consent"')[1].split("</section>")[0]
    )


def test_recording_and_withdrawing_a_consent_on_its_page(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    url = f"/cases/{household_a.reference}/consent/"
    principal = household_a.principal
    today = timezone.localdate().isoformat()
    refused = client.post(url, {"person": str(principal.public_id), "given_on": today})
    assert refused.status_code == 200 and "Say whom the person agreed" in refused.content.decode()
    response = client.post(url, {"person": str(principal.public_id), "officials": "on", "given_on": today})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.officials and not consent.sponsors and consent.person == principal
    page = client.get(url).content.decode()
    assert "government officials" in page and "in force" in page and "Withdraw this consent" in page
    household_page = client.get(f"/cases/{household_a.reference}/").content.decode()
    assert "agreed to share their record with" in household_page
    client.post(f"{url}{consent.public_id}/withdraw/", {"withdrawn_on": today, "reason": "changed her mind"})
    consent.refresh_from_db()
    assert not consent.in_force
    page = client.get(url).content.decode()
    assert "withdrawn on" in page and "changed her mind" in page
    assert Consent.objects.count() == 1  # kept, never deleted


def test_another_organisation_and_the_liaison_cannot_reach_it(
    caseworker_b: Any, liaison: Any, household_a: Any
) -> None:
    url = f"/cases/{household_a.reference}/consent/"
    assert client_for(caseworker_b).get(url).status_code == 404
    assert client_for(liaison).get(url).status_code == 403
