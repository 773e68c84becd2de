"""The import pages: upload → preview → confirm, the templates and the export button; names never in
URLs, the file held for the session only, caseworkers only into their own organisation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.audit.models import AuditEntry
from haven.cases.models import Household
from haven.intake.uploads import SESSION_KEY
from haven_core.intake import read_table
from tests.support.intake import confirm_import
from tests.support.personas import client_for

CATALOGUE = Path(settings.BASE_DIR) / "intake" / "locale" / "ru" / "LC_MESSAGES" / "django.po"
GOOD = "ID семьи;Фамилия;Имя;Дата рождения\nF-1;Смирнова;Ольга;12.03.1984\nF-2;Лебедев;Артём;1979\n"
BAD_ROW = GOOD + "F-3;Орлова;Вера;31.02.1990\n"


def upload(client: Any, text: str, **extra: Any) -> Any:
    file = SimpleUploadedFile("caseload.csv", text.encode("cp1251"), content_type="text/csv")
    return client.post("/intake/", {"file": file, "date_order": "auto", **extra})


def test_preview_then_confirm_imports_the_file(caseworker_a: Any, org_a: Any, settings: Any) -> None:
    client = client_for(caseworker_a)
    preview = upload(client, GOOD)
    page = preview.content.decode()
    assert preview.status_code == 200 and "Households created: 2" in page
    assert not Household.objects.exists()  # the preview imports nothing
    held = list((Path(settings.HAVEN_FILES_DIR) / "intake").iterdir())
    assert len(held) == 1 and "Смирнова".encode() not in held[0].read_bytes()  # sealed on disk
    response = confirm_import(client)
    assert response.status_code == 302 and "Смирнова" not in response["Location"]
    assert set(Household.objects.values_list("external_id", flat=True)) == {"F-1", "F-2"}
    assert Household.objects.filter(organisation=org_a).count() == 2
    assert SESSION_KEY not in client.session and not list(held[0].parent.iterdir())
    assert "2 households created" in client.get("/intake/").content.decode()


def test_a_bad_row_is_shown_and_only_valid_households_can_be_imported(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    page = upload(client, BAD_ROW).content.decode()
    assert "Rows to fix" in page and '<td class="num">4</td>' in page
    assert "Import only the valid households" in page
    confirm_import(client, {"only_valid": "1"})
    assert Household.objects.count() == 2


def test_confirming_a_file_with_bad_rows_without_choosing_imports_nothing(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    upload(client, BAD_ROW)
    confirm_import(client)
    assert not Household.objects.exists()
    assert "nothing was imported" in client.get("/intake/").content.decode()


def test_the_pages_are_in_russian_too(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    assert "Импорт таблицы" in client.get("/intake/").content.decode()
    assert "Новых семей: 2" in upload(client, GOOD).content.decode()
    page = upload(client, BAD_ROW).content.decode()
    assert "<td>Дата рождения</td>" in page  # the column as they know it
    assert "«31.02.1990» — такой даты не бывает." in page


def test_every_message_of_the_catalogue_is_translated() -> None:
    entries = CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]
    assert len(entries) > 40
    assert not [e for e in entries if "#, fuzzy" in e]
    assert not [e for e in entries if e.rstrip().endswith('msgstr ""') or 'msgstr[0] ""' in e]


def test_a_caseworker_cannot_choose_another_organisation(caseworker_a: Any, org_b: Any) -> None:
    client = client_for(caseworker_a)
    upload(client, GOOD, organisation=org_b.pk)  # ignored: a caseworker imports into their own
    confirm_import(client)
    assert not Household.objects.filter(organisation=org_b).exists()
    assert Household.objects.filter(organisation=caseworker_a.membership.organisation).count() == 2


def test_the_coordinator_chooses_the_organisation(coordinator: Any, org_b: Any) -> None:
    client = client_for(coordinator)
    assert upload(client, GOOD).status_code == 200  # without one, the form asks for it
    assert SESSION_KEY not in client.session
    upload(client, GOOD, organisation=org_b.pk)
    confirm_import(client)
    assert Household.objects.filter(organisation=org_b).count() == 2


def test_the_templates_download_in_both_languages(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    response = client.get("/intake/template/ru/")
    assert response["Content-Disposition"] == 'attachment; filename="haven-import-template-ru.xlsx"'
    assert read_table(response.content, "t.xlsx").headers[0] == "ID семьи"
    assert client.get("/intake/template/fr/").status_code == 404


def test_the_export_button_exports_ones_own_caseload_and_is_audited(
    household_a: Any, caseworker_a: Any
) -> None:
    response = client_for(caseworker_a).post("/intake/export/", {"format": "csv", "language": "ru"})
    assert response.status_code == 200
    table = read_table(response.content, "export.csv")
    assert [cells[4] for _, cells in table.rows] == ["Котова", "Котов"]
    assert AuditEntry.objects.filter(action="caseload.export", actor=caseworker_a).count() == 1


def test_another_organisations_caseworker_exports_only_their_own(household_a: Any, caseworker_b: Any) -> None:
    response = client_for(caseworker_b).post(
        "/intake/export/", {"format": "csv", "language": "en", "organisation": household_a.organisation.pk}
    )
    assert "Котова" not in response.content.decode("utf-8-sig")
    assert len(read_table(response.content, "export.csv").rows) == 0


def test_the_pages_carry_no_inline_script_or_style_and_fetch_nothing(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    for html in (client.get("/intake/").content.decode(), upload(client, BAD_ROW).content.decode()):
        # Scripts come from Haven's static files only (the job's progress), never written in the page.
        assert not re.search(r"<script(?![^>]* src=\"/static/)", html)
        assert "style=" not in html and "<style" not in html
        assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
        assert "Смирнова" not in html  # the preview shows row numbers and references, never names
