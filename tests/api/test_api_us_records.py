"""A person's US record over the API: read, and put through the page's form and ``us_record_save``."""

from __future__ import annotations

from typing import Any

from haven.audit.models import AuditEntry
from haven.cases.models import USRecord
from tests.support.api import locs

RECORD = {
    "status": "detained",
    "a_number": "A012-345-678",
    "court": "Adelanto",
    "next_hearing_date": "2026-12-03",
}


def test_a_record_is_put_and_read_back(api_as: Any, household_a: Any, caseworker_a: Any) -> None:
    client = api_as(caseworker_a)
    principal = household_a.principal
    path = f"/households/{household_a.reference}/people/{principal.public_id}/us-record"
    assert client.get(path).status_code == 404  # none yet
    saved = client.put(path, RECORD)
    assert saved.status_code == 200, saved.content
    # The action keeps nine digits and marks a detained person as in custody, as on the page.
    assert saved.json()["a_number"] == "012345678" and saved.json()["detained"] is True
    assert client.get(path).json() == saved.json()
    entry = AuditEntry.objects.get(action="us_record.save")
    assert entry.detail["created"] is True and "012345678" not in str(entry.detail)
    replaced = client.put(path, {"status": "released"})
    assert replaced.json()["a_number"] == "" and replaced.json()["court"] == ""
    assert USRecord.objects.get(person=principal).status == "released"


def test_bad_records_name_the_field(api_as: Any, household_a: Any, caseworker_a: Any) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}/people/{household_a.principal.public_id}/us-record"
    assert locs(client.put(path, {**RECORD, "a_number": "B12"})) == {("body", "record", "a_number")}
    assert locs(client.put(path, {**RECORD, "status": "gone"})) == {("body", "record", "status")}
    assert locs(client.put(path, {"court": "Adelanto"})) == {("body", "record", "status")}
    assert locs(client.put(path, {**RECORD, "next_hearing_date": "03.12.2026"})) == {
        ("body", "record", "next_hearing_date")
    }
    assert not USRecord.objects.exists()


def test_only_those_who_may_change_the_household_see_or_put_its_records(
    api_as: Any, household_a: Any, caseworker_b: Any, liaison: Any, coordinator: Any
) -> None:
    path = f"/households/{household_a.reference}/people/{household_a.principal.public_id}/us-record"
    assert api_as(caseworker_b).put(path, RECORD).status_code == 404
    assert api_as(caseworker_b).get(path).status_code == 404
    assert api_as(liaison).put(path, RECORD).status_code == 403
    assert not USRecord.objects.exists()
    assert api_as(coordinator).put(path, RECORD).status_code == 200  # coalition-wide, as on the page
