"""Screening the caseload: found in passport Latin, decided by a reviewer, kept to their organisation."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create, person_update
from haven.evidence.models import EvidenceItem
from haven.registries.actions import hit_confirm, hit_reject
from haven.registries.errors import ScreeningError
from haven.registries.importing import ImportResult
from haven.registries.models import Entry, ScreeningHit
from haven.registries.screening import screen_everyone
from tests.support.personas import client_for, make_user
from tests.support.registries import DATA, XLSX_2025, data_file

# Марк Семенович Солонин, entry 1049 of the Ministry's registry, listed 15.08.2025, born 29.05.1958,
# as his passport would spell him (ICAO) and nothing else.
SOLONIN = {"surname_latin": "SOLONIN", "given_name_latin": "MARK", "sex": "M", "birth_date": "1958-05-29"}


@pytest.fixture
def solonin(
    minjust_2025: ImportResult, caseworker_a: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        household = household_create(
            actor=Actor.for_user(caseworker_a), organisation=org_a, principal=SOLONIN
        )
    return household.principal


def the_hit(person: Any) -> ScreeningHit:
    return ScreeningHit.objects.get(person=person)


def test_a_person_in_passport_latin_is_found_when_added(solonin: Any) -> None:
    hit = the_hit(solonin)
    entry = Entry.objects.get(public_id=hit.entry_ref)
    assert (entry.registry.slug, entry.reference) == ("minjust-foreign-agents", "1049")
    assert hit.status == "open" and hit.decision == "match" and hit.score > 0.9
    assert any("Солонин" in reason for reason in hit.reasons)
    audit = AuditEntry.objects.get(action="registry.screen", target=str(solonin.public_id))
    assert audit.household_ref == solonin.household.reference and audit.detail["new_hits"] == 1


def test_which_entry_a_person_matched_is_stored_encrypted(solonin: Any) -> None:
    hit = the_hit(solonin)
    with connection.cursor() as cursor:
        cursor.execute("SELECT entry_ref, reasons_text FROM registries_screeninghit WHERE id = %s", [hit.pk])
        entry_ref, reasons = cursor.fetchone()
    assert entry_ref.startswith("v1:") and hit.entry_ref not in entry_ref
    assert "Солонин" not in reasons and "SOLONIN" not in reasons.upper()


def test_a_confirmed_hit_becomes_registry_listing_evidence(solonin: Any, reviewer_a: Any) -> None:
    client = client_for(reviewer_a)
    hit = the_hit(solonin)
    page = client.get(f"/registries/screening/{hit.public_id}/").content.decode()
    assert "SOLONIN, MARK" in page and "Солонин Марк Семенович" in page and "1049" in page
    response = client.post(
        f"/registries/screening/{hit.public_id}/", {"decision": "confirm", "note": "Same face"}
    )
    assert response.status_code == 302
    hit.refresh_from_db()
    assert hit.status == "confirmed" and hit.reviewer == reviewer_a and hit.note == "Same face"
    item = EvidenceItem.objects.get(person=solonin)
    assert item == hit.evidence and item.kind == "registry_listing"
    assert (item.registry, item.registry_reference) == ("minjust-foreign-agents", "1049")
    assert item.registry_listed_on == dt.date(2025, 8, 15)
    assert [(t.tag, t.activity_date) for t in item.tags.all()] == [("registry_listing", dt.date(2025, 8, 15))]
    assert AuditEntry.objects.filter(action="registry.hit_confirm", target=str(hit.public_id)).exists()
    household = client.get(f"/cases/{solonin.household.reference}/").content.decode()
    assert 'id="registry-listings"' in household and "1049" in household


def test_a_rejected_hit_leaves_no_evidence_and_stays_rejected(solonin: Any, reviewer_a: Any) -> None:
    hit = the_hit(solonin)
    hit_reject(actor=Actor.for_user(reviewer_a), hit=hit, note="Another Mark Solonin")
    hit.refresh_from_db()
    assert hit.status == "rejected" and not EvidenceItem.objects.filter(person=solonin).exists()
    screen_everyone(actor=Actor.system(), stream=io.StringIO())
    assert list(ScreeningHit.objects.filter(person=solonin).values_list("status", flat=True)) == ["rejected"]
    with pytest.raises(ScreeningError):
        hit_confirm(actor=Actor.for_user(reviewer_a), hit=hit)


def test_a_caseworker_does_not_decide_hits(solonin: Any, caseworker_a: Any) -> None:
    hit = the_hit(solonin)
    with pytest.raises(ScreeningError):
        hit_confirm(actor=Actor.for_user(caseworker_a), hit=hit)
    response = client_for(caseworker_a).post(
        f"/registries/screening/{hit.public_id}/", {"decision": "confirm"}
    )
    assert response.status_code == 403
    hit.refresh_from_db()
    assert hit.status == "open"


def test_the_queue_keeps_to_the_reviewers_organisation(
    solonin: Any, reviewer_a: Any, org_b: Any, coordinator: Any
) -> None:
    reviewer_b = make_user("rob", "reviewer", org_b)
    hit = the_hit(solonin)
    url = f"/registries/screening/{hit.public_id}/"
    assert "SOLONIN" in client_for(reviewer_a).get("/registries/screening/").content.decode()
    assert "SOLONIN" in client_for(coordinator).get("/registries/screening/").content.decode()
    other = client_for(reviewer_b)
    assert "SOLONIN" not in other.get("/registries/screening/").content.decode()
    assert other.get(url).status_code == 404
    assert other.post(url, {"decision": "confirm"}).status_code == 404
    with pytest.raises(ScreeningError):
        hit_confirm(actor=Actor.for_user(reviewer_b), hit=hit)
    hit.refresh_from_db()
    assert hit.status == "open"


def test_a_corrected_name_withdraws_the_hit_and_the_old_name_brings_it_back(
    solonin: Any, caseworker_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    with django_capture_on_commit_callbacks(execute=True):
        person_update(actor=actor, person=solonin, fields={"surname_latin": "SOLOVYOV"})
    assert the_hit(solonin).status == "withdrawn"
    with django_capture_on_commit_callbacks(execute=True):
        person_update(actor=actor, person=solonin, fields={"surname_latin": "SOLONIN"})
    assert the_hit(solonin).status == "open"


def test_an_import_screens_people_already_in_the_caseload(
    household_a: Any, caseworker_a: Any, org_a: Any, capsys: Any
) -> None:
    household = household_create(actor=Actor.for_user(caseworker_a), organisation=org_a, principal=SOLONIN)
    assert not ScreeningHit.objects.exists()  # nothing to screen against yet
    data_file(XLSX_2025)
    call_command("registry-import", str(DATA / XLSX_2025))
    assert "1 new hits to review" in capsys.readouterr().out
    assert ScreeningHit.objects.get().person == household.principal
    assert not ScreeningHit.objects.filter(person__household=household_a).exists()  # Котова is not listed


def test_the_registries_page_lists_snapshots(minjust_2025: ImportResult, caseworker_a: Any) -> None:
    snapshot = minjust_2025.snapshot
    assert snapshot is not None
    page = client_for(caseworker_a).get("/registries/").content.decode()
    assert "Ministry of Justice: registry of foreign agents" in page and "1050" in page and "648" in page
    detail = client_for(caseworker_a).get(f"/registries/snapshots/{snapshot.public_id}/").content.decode()
    assert "first snapshot" in detail
