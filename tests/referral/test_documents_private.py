"""A person marks, on their own form, what to keep out of every referral; the record carries it."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from haven.cases.forms.people import PersonForm
from haven.cases.models import Person
from haven.referral.documents import household_record
from tests.support.personas import client_for


def test_the_person_form_keeps_fields_out_of_referrals(caseworker_a: Any, household_a: Any) -> None:
    yulia = household_a.principal
    url = f"/cases/{household_a.reference}/people/{yulia.public_id}/edit/"
    client = client_for(caseworker_a)
    page = client.get(url)
    assert page.context["form"].initial["keep_private"] == []
    data = {k: v for k, v in page.context["form"].initial.items() if v not in (None, "", [])}
    data["keep_private"] = ["address", "vulnerabilities"]
    assert client.post(url, data).status_code == 302
    yulia = Person.objects.get(pk=yulia.pk)
    assert yulia.private_fields == ["address", "vulnerabilities"]
    assert household_record(household_a)["people"][0]["private"] == ["address", "vulnerabilities"]

    again = client.get(url)
    assert again.context["form"].initial["keep_private"] == ["address", "vulnerabilities"]
    html = again.content.decode()
    assert html.count('name="keep_private"') == 18  # every field a person can keep private
    boxes = [line for line in html.splitlines() if 'name="keep_private"' in line]
    assert sorted(line.split('value="')[1].split('"')[0] for line in boxes if "checked" in line) == [
        "address",
        "vulnerabilities",
    ]


def test_an_unknown_field_name_is_refused(caseworker_a: Any, household_a: Any) -> None:
    yulia = household_a.principal
    url = f"/cases/{household_a.reference}/people/{yulia.public_id}/edit/"
    client = client_for(caseworker_a)
    data = {k: v for k, v in client.get(url).context["form"].initial.items() if v not in (None, "", [])}
    data["keep_private"] = ["notes"]
    response = client.post(url, data)
    assert response.status_code == 200 and "keep_private" in response.context["form"].errors
    assert Person.objects.get(pk=yulia.pk).private_fields == []


def test_the_choice_is_worded_in_russian_too() -> None:
    with translation.override("ru"):
        field = PersonForm().fields["keep_private"]
        assert str(field.label) == "не включать в направления"
        assert dict(field.choices)["name_cyrillic"] == "имя (кириллицей)"
