"""A withdrawal of consent stops every later export of that household's dossier, and shows on the batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyrage
import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.consent.actions import consent_withdraw
from haven.consent.models import Consent
from haven.errors import InvalidChange
from haven.referral.actions import exportable_entries, referral_batch_create, referral_export
from tests.support.personas import client_for
from tests.support.referral import approved_run, at_stage, batch_for

pytestmark = pytest.mark.django_db


def test_a_withdrawn_consent_takes_the_household_out_of_every_later_export(
    coordinator: Any,
    liaison: Any,
    caseworker_b: Any,
    household_a: Any,
    household_b: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.HAVEN_REFERRAL_SIGNING_KEY_FILE = tmp_path / "keys" / "referral-signing.key"
    batch = batch_for(coordinator, liaison, [household_a, household_b])
    assert [e.household_id for e in exportable_entries(batch)] == [household_a.pk, household_b.pk]
    consent_withdraw(
        actor=Actor.for_user(caseworker_b),
        consent=household_b.consents.get(),
        reason="does not want officials to see it now",
        withdrawn_on=timezone.localdate(),
    )
    assert [e.household_id for e in exportable_entries(batch)] == [household_a.pk]
    key = str(pyrage.x25519.Identity.generate().to_public())
    done = referral_export(
        actor=Actor.for_user(coordinator), batch=batch, recipient_key=key, out_dir=tmp_path / "out"
    )
    assert done.households == 1
    assert AuditEntry.objects.get(action="referral.export").detail["households"] == 1
    for user in (coordinator, liaison):
        page = client_for(user).get(f"/referrals/{batch.public_id}/").content.decode()
        shown = page.split('class="panel consent-withdrawn"')[1].split("</section>")[0]
        assert household_b.reference in shown and household_a.reference not in shown
        assert "no later export carries their dossiers" in shown
    # Nor does the liaison's page of the household show its record, or its dossier download.
    liaison_client = client_for(liaison)
    url = f"/referrals/{batch.public_id}/households/{household_b.reference}/"
    page = liaison_client.get(url).content.decode()
    assert (
        "Consent to share this household&#x27;s record has been withdrawn." in page and "Щербаков" not in page
    )
    assert liaison_client.get(f"{url}dossier.en.pdf").status_code == 403
    assert (
        "Котова"
        in liaison_client.get(
            f"/referrals/{batch.public_id}/households/{household_a.reference}/"
        ).content.decode()
    )


def test_a_consent_to_officials_only_refers_under_the_officer_profile_not_the_sponsor_one(
    coordinator: Any, liaison: Any, household_b: Any
) -> None:
    at_stage(household_b, "assessed")
    run = approved_run(coordinator, [household_b])
    Consent.objects.filter(household=household_b).update(sponsors=False)
    with pytest.raises(InvalidChange, match="no consent on record for every adult"):
        referral_batch_create(
            actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="sponsor"
        )
    batch = referral_batch_create(
        actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="officer"
    )
    assert batch.entries.get().household_id == household_b.pk
