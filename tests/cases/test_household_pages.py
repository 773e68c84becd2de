"""A household's page, opening a new household, and editing its owner and notes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from haven.accounts.actor import Actor
from haven.cases.actions import canada_permit_save, canada_relative_save, event_add, person_update
from haven.cases.models import Household
from tests.support.cases import audit_actions, detail_url, give_us_record, in_days, principal
from tests.support.personas import client_for, make_user, russian

PRINCIPAL = {
    "surname_cyrillic": "Соколов",
    "given_name_cyrillic": "Алексей",
    "patronymic_cyrillic": "Игоревич",
    "surname_latin": "SOKOLOV",
    "given_name_latin": "ALEKSEI",
    "sex": "M",
    "birth_date": "12.03.1984",
}


def test_the_page_shows_people_record_ties_and_timeline(caseworker_a: Any, household_a: Any) -> None:
    yulia = principal(household_a)
    actor = Actor.for_user(caseworker_a)
    give_us_record(
        yulia,
        a_number="A12345678",
        status="final_order",
        detained=True,
        detention_facility="Elizabeth Contract Detention Facility",
        court="New York - Varick",
        removal_scheduled_date=in_days(9),
    )
    canada_relative_save(
        actor=actor,
        person=yulia,
        fields={
            "full_name": "Ольга Котова",
            "relationship": "sibling",
            "canadian_status": "permanent_resident",
        },
    )
    canada_permit_save(actor=actor, person=yulia, fields={"kind": "visitor_visa", "number": "V123456"})
    event_add(actor=actor, household=household_a, fields={"date": in_days(-400), "kind": "entered_us"})
    event_add(actor=actor, household=household_a, fields={"date": in_days(-30), "kind": "order_issued"})

    html = client_for(caseworker_a).get(detail_url(household_a)).content.decode()

    for shown in (
        "Котова Юлия Сергеевна",
        "KOTOVA, IULIIA",
        "Котов Миша",
        "1988-04-12",  # birth date as English pages write dates (ISO, as Canada does)
        "Principal applicant",
        "Child",
        "A012-345-678",  # formatted A-number
        "Final order of removal",
        "New York - Varick",
        "Elizabeth Contract Detention Facility",
        "in 9 days",
        "Ольга Котова",
        "Permanent resident",
        "Visitor visa",
        "V123456",
        "Entered the United States",
    ):
        assert shown in html, shown
    # newest first: the removal ahead, then the order, then the entry
    assert html.index("Scheduled removal (US record)") < html.index("Removal order issued")
    assert html.index("Removal order issued") < html.index("Entered the United States")


def test_vulnerability_facts_are_shown_and_marked_sensitive(caseworker_a: Any, household_a: Any) -> None:
    from haven.cases.actions import person_update

    person_update(
        actor=Actor.for_user(caseworker_a),
        person=principal(household_a),
        fields={"lgbtq": True, "vulnerability_notes": "Detained twice in Russia."},
    )
    html = client_for(caseworker_a).get(detail_url(household_a)).content.decode()
    box = html[html.index('class="sensitive-box"') :]
    assert "Sensitive" in box[:400]
    assert "LGBTQ+" in box and "Detained twice in Russia." in box
    assert "Minor" in html  # the son, born 2016: derived from his birth date


def test_the_stage_form_offers_only_the_next_stages(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).get(detail_url(household_a))
    choices = [value for value, _ in response.context["stage_form"].fields["stage"].choices]
    assert choices == ["documenting", "closed"]


def test_a_caseworker_opens_a_household_for_their_own_organisation(
    caseworker_a: Any, org_a: Any, org_b: Any
) -> None:
    response = client_for(caseworker_a).post(
        "/cases/new/", {**PRINCIPAL, "organisation": org_b.slug, "notes": "Met at the shelter."}
    )
    household = Household.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(household)
    assert household.organisation == org_a  # the posted organisation is not theirs to choose
    assert household.owner == caseworker_a and household.notes == "Met at the shelter."
    person = principal(household)
    assert (person.surname_cyrillic, person.birth_date) == ("Соколов", "1984-03-12")
    assert audit_actions(household) == ["household.create"]


def test_the_coordinator_chooses_the_organisation(coordinator: Any, org_b: Any) -> None:
    client = client_for(coordinator)
    missing = client.post("/cases/new/", PRINCIPAL)
    assert "This field is required." in missing.content.decode()
    assert not Household.objects.exists()
    client.post("/cases/new/", {**PRINCIPAL, "organisation": org_b.slug})
    assert Household.objects.get().organisation == org_b


def test_a_new_household_needs_a_name(caseworker_a: Any) -> None:
    response = client_for(caseworker_a).post("/cases/new/", {"birth_date": "1984"})
    assert response.status_code == 200
    assert "Give at least one name" in response.content.decode()
    assert not Household.objects.exists()


def test_editing_sets_owner_and_notes(caseworker_a: Any, org_a: Any, household_a: Any) -> None:
    colleague = make_user("vera", "caseworker", org_a)
    response = client_for(caseworker_a).post(
        f"/cases/{household_a.reference}/edit/", {"owner": "vera", "notes": "Sister in Toronto."}
    )
    assert response.status_code == 302
    household_a.refresh_from_db()
    assert household_a.owner == colleague and household_a.notes == "Sister in Toronto."
    assert audit_actions(household_a)[-1] == "household.update"


def test_the_owner_must_work_for_the_households_organisation(
    caseworker_a: Any, caseworker_b: Any, household_a: Any
) -> None:
    client = client_for(caseworker_a)
    page = client.get(f"/cases/{household_a.reference}/edit/").content.decode()
    assert 'value="anna"' in page and 'value="boris"' not in page
    response = client.post(f"/cases/{household_a.reference}/edit/", {"owner": "boris", "notes": ""})
    assert "Select a valid choice" in response.content.decode()
    household_a.refresh_from_db()
    assert household_a.owner == caseworker_a


def test_a_reviewer_edits_their_organisations_households(reviewer_a: Any, household_a: Any) -> None:
    response = client_for(reviewer_a).post(
        f"/cases/{household_a.reference}/edit/", {"owner": "", "notes": "Reviewed."}
    )
    assert response.status_code == 302
    household_a.refresh_from_db()
    assert household_a.owner is None and household_a.notes == "Reviewed."


def test_coordinators_get_the_audit_trail_link_and_caseworkers_do_not(
    coordinator: Any, caseworker_a: Any, household_a: Any
) -> None:
    trail = f"/audit/households/{household_a.reference}/"
    assert trail in client_for(coordinator).get(detail_url(household_a)).content.decode()
    assert trail not in client_for(caseworker_a).get(detail_url(household_a)).content.decode()


def test_users_are_named_in_lists_by_full_name(caseworker_a: Any, household_a: Any) -> None:
    get_user_model().objects.filter(pk=caseworker_a.pk).update(first_name="Anna", last_name="Petrova")
    html = client_for(caseworker_a).get(detail_url(household_a)).content.decode()
    assert "Anna Petrova" in html


def test_citizenships_are_read_as_country_names_in_the_reader_s_language(
    caseworker_a: Any, household_a: Any
) -> None:
    yulia = principal(household_a)
    person_update(actor=Actor.for_user(caseworker_a), person=yulia, fields={"citizenships": "RU, UA"})
    client = client_for(caseworker_a)
    page = client.get(detail_url(household_a)).content.decode()
    assert "<dd>Russia, Ukraine</dd>" in page and "<dd>RU, UA</dd>" not in page
    page = russian(caseworker_a).get(detail_url(household_a)).content.decode()
    assert "<dd>Россия, Украина</dd>" in page
