"""A row of a new household whose person Haven likely has already waits for a choice: "update that
household" (the row's household becomes an update of it) or "a different person"; never a silent
second copy. Through ``haven import-cases`` (``--update ROW=REFERENCE``, ``--different-person ROW``)
and the preview page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.translation import override

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create
from haven.cases.models import Household
from tests.support.intake import confirm_import
from tests.support.personas import client_for

HEAD = "ID семьи;Родство;Фамилия;Имя;Отчество;Фамилия (латиницей);Имя (латиницей);Телефон;Дата рождения\n"
# household_a's Юлия Сергеевна Котова again, under a new id, with her phone and a daughter; and a stranger.
AGAIN = HEAD + (
    "K-1;;Котова;Юлия;Сергеевна;;;+1 555 0100;12.04.1988\n"
    "K-1;дочь;Котова;Дарья;;;;;2019\n"
    "K-2;;Орлова;Вера;;;;;1990\n"
)
LATIN = HEAD + "K-1;;;;;KOTOVA;IULIIA;;12.04.1988\n"


def run(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "caseload.csv"
    path.write_bytes(text.encode("cp1251"))
    out = io.StringIO()
    with override("en"):
        call_command("import-cases", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def refused(tmp_path: Path, text: str, *args: str) -> str:
    with pytest.raises(CommandError) as caught:
        run(tmp_path, text, *args)
    return str(caught.value)


@pytest.mark.parametrize("text", [AGAIN, LATIN], ids=["cyrillic", "latin"])
def test_the_command_refuses_an_undecided_likely_duplicate_with_its_row_number(
    tmp_path: Path, household_a: Household, text: str
) -> None:
    message = refused(tmp_path, text, "--org", household_a.organisation.slug)
    assert "Rows 2 are likely already in Haven" in message and "--different-person ROW" in message
    assert Household.objects.count() == 1


def test_the_command_names_the_row_and_the_household_and_imports_the_rest_with_only_valid(
    tmp_path: Path, household_a: Household
) -> None:
    output = run(tmp_path, AGAIN, "--org", household_a.organisation.slug, "--only-valid")
    assert f"row 2: likely already in Haven: {household_a.reference} (match" in output
    assert "row 2: This person is likely already in Haven" in output
    assert "1 created, 0 updated, 0 unchanged, 1 skipped as invalid" in output
    assert set(Household.objects.values_list("external_id", flat=True)) == {"", "K-2"}


def test_a_different_person_is_imported_as_a_new_household(tmp_path: Path, household_a: Household) -> None:
    output = run(tmp_path, AGAIN, "--org", household_a.organisation.slug, "--different-person", "2")
    assert "2 created, 0 updated" in output
    assert Household.objects.count() == 3


def test_update_that_household_updates_the_person_and_adds_the_rest_of_the_family(
    tmp_path: Path, household_a: Household
) -> None:
    option = f"2={household_a.reference}"
    output = run(tmp_path, AGAIN, "--org", household_a.organisation.slug, "--update", option)
    assert "1 created, 1 updated" in output
    assert Household.objects.count() == 2  # K-2 only is new
    principal = household_a.people.get(relationship="principal")
    assert principal.phone == "+1 555 0100"  # the same person, updated, not copied
    assert "Дарья" in [p.given_name_cyrillic for p in household_a.people.all()]
    entry = AuditEntry.objects.get(action="household.import", household_ref=household_a.reference)
    assert entry.detail["outcome"] == "updated" and entry.detail["people_added"] == 1


def test_updating_a_household_that_is_not_one_of_the_rows_matches_is_a_row_error(
    tmp_path: Path, household_a: Household, household_b: Household
) -> None:
    option = f"2={household_b.reference}"
    message = refused(tmp_path, AGAIN, "--org", household_a.organisation.slug, "--update", option)
    assert "nothing was imported" in message
    assert Household.objects.count() == 2


def test_a_household_haven_already_has_by_its_id_is_an_update_not_a_duplicate(
    tmp_path: Path, household_a: Household
) -> None:
    person = household_a.people.get(relationship="principal")
    text = HEAD + f"{household_a.reference};;Котова;Юлия;Сергеевна;;;+1 555 0100;12.04.1988\n"
    path_text = text.replace("ID семьи;", "ID семьи;ID человека;").replace(
        f"{household_a.reference};", f"{household_a.reference};{person.public_id};"
    )
    output = run(tmp_path, path_text, "--org", household_a.organisation.slug)
    assert "likely already" not in output and "0 created, 1 updated" in output


def upload(client: Any, text: str) -> Any:
    file = SimpleUploadedFile("caseload.csv", text.encode("cp1251"), content_type="text/csv")
    return client.post("/intake/", {"file": file, "date_order": "auto"})


def test_the_preview_asks_for_each_row_and_imports_it_as_chosen(
    caseworker_a: Any, household_a: Household
) -> None:
    client = client_for(caseworker_a)
    page = upload(client, AGAIN).content.decode()
    assert "Already in Haven? Choose for each row" in page
    assert f'name="duplicate-2" value="{household_a.reference}"' in page
    assert 'name="duplicate-2" value="different"' in page
    assert f'href="/cases/{household_a.reference}/"' in page and "birth date equal (1988-04-12)" in page
    confirm_import(client, {"only_valid": "1", "duplicate-2": household_a.reference})
    assert Household.objects.count() == 2
    assert household_a.people.get(relationship="principal").phone == "+1 555 0100"


def test_an_undecided_row_in_the_preview_is_not_imported(caseworker_a: Any, household_a: Household) -> None:
    client = client_for(caseworker_a)
    upload(client, AGAIN)
    confirm_import(client, {"only_valid": "1", "duplicate-2": ""})
    assert set(Household.objects.values_list("external_id", flat=True)) == {"", "K-2"}


def test_another_organisations_person_is_no_duplicate_for_a_caseworker(
    caseworker_b: Any, household_a: Household
) -> None:
    page = upload(client_for(caseworker_b), AGAIN).content.decode()
    assert "Already in Haven? Choose for each row" not in page
    assert household_a.reference not in page


def test_the_coordinator_sees_the_coalition_but_not_other_organisations_names(
    coordinator: Any, org_b: Any, household_a: Household
) -> None:
    client = client_for(coordinator)
    file = SimpleUploadedFile("caseload.csv", LATIN.encode("cp1251"), content_type="text/csv")
    page = client.post(
        "/intake/", {"file": file, "date_order": "auto", "organisation": org_b.pk}
    ).content.decode()
    assert "Already in Haven? Choose for each row" in page and household_a.reference in page
    assert "Котова" not in page and "Юлия" not in page
    # Another organisation's household is not one to update from organisation B's file.
    assert f'value="{household_a.reference}"' not in page


def test_a_new_person_of_a_household_haven_has_is_flagged_for_information_only(
    tmp_path: Path, household_a: Household, caseworker_a: Any
) -> None:
    other = household_create(
        actor=Actor.for_user(caseworker_a),
        organisation=household_a.organisation,
        principal={"surname_cyrillic": "Орлова", "given_name_cyrillic": "Вера", "birth_date": "1990"},
    )
    person = household_a.people.get(relationship="principal")
    text = (
        "ID семьи;ID человека;Родство;Фамилия;Имя;Дата рождения\n"
        f"{household_a.reference};{person.public_id};;Котова;Юлия;12.04.1988\n"
        f"{household_a.reference};;сестра;Орлова;Вера;1990\n"
    )
    output = run(tmp_path, text, "--org", household_a.organisation.slug)
    assert f"row 3: may already be in {other.reference} (review" in output
    assert "likely already in Haven" not in output and "0 created, 1 updated" in output
