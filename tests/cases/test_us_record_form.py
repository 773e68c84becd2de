"""Editing a person's US immigration record: the A-number, status, detention and dates."""

from __future__ import annotations

from typing import Any

from haven.cases.models import USRecord
from haven.security.sensitive import index_value
from tests.support.cases import audit_actions, give_us_record, in_days, principal
from tests.support.personas import client_for


def url(household: Any) -> str:
    return f"/cases/{household.reference}/people/{principal(household).public_id}/us-record/"


def test_a_bad_a_number_is_explained_beside_the_field_and_nothing_is_saved(
    caseworker_a: Any, household_a: Any
) -> None:
    before = audit_actions(household_a)
    response = client_for(caseworker_a).post(url(household_a), {"a_number": "A12-34", "status": "detained"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["a_number"]
    html = response.content.decode()
    error = html[html.index('id="id_a_number_error"') :]
    assert "An A-number is the letter A followed by 8 or 9 digits" in error[:300]
    assert html.index('id="id_a_number_error"') < html.index('name="a_number"')  # right by the field
    assert not USRecord.objects.exists()
    assert audit_actions(household_a) == before


def test_a_good_record_is_saved_normalised_and_audited(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(
        url(household_a),
        {
            "a_number": "A 12-345-678",
            "status": "removal_proceedings",
            "court": "New York - Broadway",
            "next_hearing_date": in_days(20).isoformat(),
            "removal_scheduled_date": "",
        },
    )
    assert response.status_code == 302
    record = USRecord.objects.get(person=principal(household_a))
    assert record.a_number == "012345678" and record.a_number_display == "A012-345-678"
    assert record.a_number_key == index_value("012345678")
    assert record.next_hearing_date == in_days(20) and record.removal_scheduled_date is None
    assert audit_actions(household_a)[-1] == "us_record.save"


def test_the_form_shows_the_saved_record(caseworker_a: Any, household_a: Any) -> None:
    give_us_record(principal(household_a), a_number="A012345678", next_hearing_date=in_days(5))
    html = client_for(caseworker_a).get(url(household_a)).content.decode()
    assert 'value="A012-345-678"' in html
    assert f'value="{in_days(5).isoformat()}"' in html  # English pages write dates as ISO


def test_the_detained_status_means_in_custody(caseworker_a: Any, household_a: Any) -> None:
    client_for(caseworker_a).post(url(household_a), {"status": "detained", "detention_facility": "Krome"})
    record = USRecord.objects.get()
    assert record.detained and record.detention_facility == "Krome"


def test_a_status_is_required(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(url(household_a), {"a_number": "A012345678"})
    assert list(response.context["form"].errors) == ["status"]
    assert not USRecord.objects.exists()


def test_a_bad_date_is_refused(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(
        url(household_a), {"status": "removal_proceedings", "next_hearing_date": "2026-02-30"}
    )
    assert list(response.context["form"].errors) == ["next_hearing_date"]
    assert not USRecord.objects.exists()


def test_russian_dates_are_accepted_in_the_russian_interface(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    client.post(
        url(household_a),
        {"status": "removal_proceedings", "next_hearing_date": "14.12.2026"},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert str(USRecord.objects.get().next_hearing_date) == "2026-12-14"
