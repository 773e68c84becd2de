"""The referral pages: the coordinator makes a batch from an approved run; a liaison sees only the
batches addressed to them, each household only as the field profile lets it out, and decides."""

from __future__ import annotations

from typing import Any

import pytest

from haven.audit.models import AuditEntry, StagedEntry
from haven.cases.models import Person
from haven.referral.models import ReferralBatch
from tests.support.personas import client_for, make_user
from tests.support.referral import approved_run, at_stage, batch_for

pytestmark = pytest.mark.django_db

ADDRESS = "1187 Linden Avenue, Buffalo NY 14214"


def test_the_coordinator_makes_a_batch_from_the_approved_run_page(
    coordinator: Any, liaison: Any, household_a: Any
) -> None:
    at_stage(household_a, "assessed")
    run = approved_run(coordinator, [household_a])
    client = client_for(coordinator)
    page = client.get(f"/selection/runs/{run.public_id}/").content.decode()
    assert "Create referral batch" in page and f"/referrals/?run={run.pk}" in page
    assert AuditEntry.objects.filter(action="selection.view", target=str(run.public_id)).count() == 1
    form = client.get(f"/referrals/?run={run.pk}").content.decode()
    assert f'<option value="{run.pk}" selected>' in form and "lia" in form
    response = client.post("/referrals/", {"run": run.pk, "recipient": liaison.pk, "profile": "officer"})
    batch = ReferralBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/referrals/{batch.public_id}/"
    page = client.get(response["Location"]).content.decode()
    assert batch.reference in page and household_a.reference in page and "Awaiting decision" in page
    assert "haven referral-export" in page


def test_an_unapproved_run_offers_no_referral(coordinator: Any, coordinator_b: Any, household_a: Any) -> None:
    run = approved_run(coordinator, [household_a], approved=False)
    page = client_for(coordinator_b).get(f"/selection/runs/{run.public_id}/").content.decode()
    assert "Create referral batch" not in page and "Approve this selection" in page


def test_a_refused_batch_is_explained_on_the_form(coordinator: Any, liaison: Any, household_a: Any) -> None:
    run = approved_run(coordinator, [household_a])  # household_a is at intake: nothing can be referred
    response = client_for(coordinator).post(
        "/referrals/", {"run": run.pk, "recipient": liaison.pk, "profile": "officer"}
    )
    assert response.status_code == 200 and "can be referred now" in response.content.decode()
    assert not ReferralBatch.objects.exists()


def test_a_liaison_sees_only_the_batches_addressed_to_them(
    coordinator: Any, liaison: Any, household_a: Any, household_b: Any
) -> None:
    other = make_user("lev", "liaison", None)
    mine = batch_for(coordinator, liaison, [household_a])
    theirs = batch_for(coordinator, other, [household_b])
    client = client_for(liaison)
    listing = client.get("/referrals/").content.decode()
    assert mine.reference in listing and theirs.reference not in listing
    assert "New referral batch" not in listing
    ref_b = household_b.reference
    for url in (
        f"/referrals/{theirs.public_id}/",
        f"/referrals/{theirs.public_id}/households/{ref_b}/",
        f"/referrals/{theirs.public_id}/households/{ref_b}/dossier.en.pdf",
        f"/referrals/{mine.public_id}/households/{ref_b}/",  # a household of another batch, via mine
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/referrals/{theirs.public_id}/households/{ref_b}/", {"decision": "refused"}).status_code
        == 404
    )
    assert theirs.entries.get().decision == "pending"
    # The liaison makes no batches.
    run = approved_run(coordinator, [household_a])
    assert (
        client.post("/referrals/", {"run": run.pk, "recipient": liaison.pk, "profile": "officer"}).status_code
        == 403
    )


def test_the_liaison_reads_the_minimised_summary_and_records_a_decision(
    coordinator: Any, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    Person.objects.filter(pk=household_a.principal.pk).update(address=ADDRESS)
    batch = batch_for(coordinator, liaison, [household_a], profile="officer")
    client = client_for(liaison)
    url = f"/referrals/{batch.public_id}/households/{household_a.reference}/"
    page = client.get(url).content.decode()
    assert "KOTOVA, IULIIA" in page and "Котова Юлия Сергеевна" in page
    assert ADDRESS not in page and "Person 1: address" in page  # withheld by the officer profile: named only
    assert "Record the decision" in page and "dossier.fr.pdf" in page
    assert StagedEntry.objects.filter(  # a read: staged, sealed into the chain by the next write
        action="referral.view", household_ref=household_a.reference, detail__page="summary"
    ).exists()
    response = client.post(url, {"decision": "accepted", "note": "Interview booked"})
    assert response.status_code == 302
    entry = batch.entries.get()
    assert entry.decision == "accepted" and entry.decision_note == "Interview booked"
    assert "Accepted" in client.get(f"/referrals/{batch.public_id}/").content.decode()
    # The coordinator reads the decision; only the liaison has the form.
    page = client_for(coordinator).get(url).content.decode()
    assert "Interview booked" in page and "Record the decision" not in page
    assert client_for(coordinator).post(url, {"decision": "refused"}).status_code == 403


def test_the_liaison_reads_why_in_plain_words_the_coordinator_the_optimisers_account(
    coordinator: Any, liaison: Any, household_a: Any
) -> None:
    """The optimiser's "number 1 in priority order, adds 1.5 (50% of the total)" means something to the
    coordinator who ran it, nothing to a Canadian officer: the liaison reads the dossier's sentence."""
    batch = batch_for(coordinator, liaison, [household_a])
    optimiser = "Selected: number 1 in priority order, adds 1.5 (50.0% of the total)"
    plain = "most urgent and most at risk first"
    for url in (
        f"/referrals/{batch.public_id}/",
        f"/referrals/{batch.public_id}/households/{household_a.reference}/",
    ):
        page = client_for(liaison).get(url).content.decode()
        assert optimiser not in page and "adds 1.5" not in page
        coordinators = client_for(coordinator).get(url).content.decode()
        assert optimiser in coordinators
    assert plain in client_for(liaison).get(url).content.decode()  # the household's own page


def test_the_sponsor_profile_shows_the_address(coordinator: Any, liaison: Any, household_a: Any) -> None:
    Person.objects.filter(pk=household_a.principal.pk).update(address=ADDRESS)
    batch = batch_for(coordinator, liaison, [household_a], profile="sponsor")
    page = client_for(liaison).get(f"/referrals/{batch.public_id}/households/{household_a.reference}/")
    assert ADDRESS in page.content.decode()


def test_a_decision_without_the_note_it_needs_is_refused_on_the_form(
    coordinator: Any, liaison: Any, household_a: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    url = f"/referrals/{batch.public_id}/households/{household_a.reference}/"
    response = client_for(liaison).post(url, {"decision": "more_information", "note": ""})
    assert response.status_code == 200 and "Say what more information is needed." in response.content.decode()
    assert batch.entries.get().decision == "pending"


def test_the_dossier_downloads_as_a_pdf_and_is_audited(
    coordinator: Any, liaison: Any, household_a: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    base = f"/referrals/{batch.public_id}/households/{household_a.reference}/"
    response = client_for(liaison).get(base + "dossier.fr.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"{batch.reference}-{household_a.reference}.fr.pdf" in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action="referral.view", detail__page="dossier.fr").count() == 1
    assert client_for(liaison).get(base + "dossier.de.pdf").status_code == 404


def test_the_liaison_home_page_leads_to_their_referrals(liaison: Any) -> None:
    page = client_for(liaison).get("/").content.decode()
    assert 'href="/referrals/"' in page


def test_the_liaison_pages_speak_russian(
    coordinator: Any, liaison: Any, household_a: Any, settings: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    client = client_for(liaison)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    listing = client.get("/referrals/").content.decode()
    assert "Направления" in listing and "Ожидает решения" in listing
    page = client.get(f"/referrals/{batch.public_id}/households/{household_a.reference}/").content.decode()
    assert "Записать решение" in page and "Сводка по семье" in page and "Record the decision" not in page
    assert "Ваши направления" in client.get("/").content.decode()


def test_the_liaison_reads_citizenships_as_countries_in_their_language(
    coordinator: Any, liaison: Any, household_a: Any, settings: Any
) -> None:
    Person.objects.filter(pk=household_a.principal.pk).update(citizenships="RU, UA")
    batch = batch_for(coordinator, liaison, [household_a])
    client = client_for(liaison)
    url = f"/referrals/{batch.public_id}/households/{household_a.reference}/"
    for language, names in (("en", "Russia, Ukraine"), ("fr", "Russie, Ukraine"), ("ru", "Россия, Украина")):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.get(url).content.decode()
        assert names in page and "RU, UA" not in page, language
