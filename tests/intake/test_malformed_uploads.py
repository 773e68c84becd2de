"""Whatever file is uploaded on the Import page, the answer is the form with the reason, never a
server error, and nothing is imported: the spreadsheet bombs an adversarial probe sent, overlong
fields, wrong encodings, and files broken in the ways files break."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.cases.models import Household
from haven_core.intake.template import template_xlsx
from tests.support.personas import client_for
from tests.support.spreadsheet_bombs import (
    big_cell_xlsx,
    bom_then_not_utf8,
    koi8_csv,
    long_field_csv,
    many_rows_xlsx,
)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _broken_sheet() -> bytes:
    """The template with its sheet's XML cut in the middle of a row."""
    with zipfile.ZipFile(io.BytesIO(template_xlsx("en"))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in members if name.startswith("xl/worksheets/"))
    members[sheet] = members[sheet][: len(members[sheet]) * 2 // 3]
    return _zip(members)


BROKEN = {
    "three-million-rows.xlsx": (many_rows_xlsx(3_000_000), "compressed"),
    "one-huge-cell.xlsx": (big_cell_xlsx(400 << 20), "unpacks to more than 256 MB"),
    "long-field.csv": (long_field_csv(131_073), "Row 2 cannot be read as CSV"),
    "bom-then-1251.csv": (bom_then_not_utf8(), "is not UTF-8"),
    "koi8.csv": (koi8_csv(), "KOI8-R"),
    "truncated.xlsx": (template_xlsx("en")[:3000], "cannot be read as XLSX"),
    "not-a-spreadsheet.xlsx": (_zip({"readme.txt": b"hello"}), "cannot be read as XLSX"),
    "cut-sheet.xlsx": (_broken_sheet(), "cannot be read"),
    "pdf.csv": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "is a NUL"),
    "binary.csv": (b"%PDF-1.7\n" + bytes(range(1, 256)) * 40, "do not read as Russian"),
    "nul.csv": (b"Household ID;Surname\nF-1;Sm\x00ith\n", "is a NUL"),
    "utf-16.csv": ("Household ID\tФамилия\nF-1\tСмирнова\n".encode("utf-16"), "UTF-16"),
    "blank.csv": (b"\n\n,,,\n\n", "no header row"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_malformed_file_is_refused_on_the_form(name: str, caseworker_a: Any) -> None:
    data, reason = BROKEN[name]
    client = client_for(caseworker_a)
    response = client.post("/intake/", {"file": SimpleUploadedFile(name, data), "date_order": "auto"})
    assert response.status_code == 200
    page = response.content.decode()
    assert reason in page, page[page.find("field-error") - 200 :][:800]
    assert "Households created" not in page  # no preview: the file was not read as a caseload
    assert not Household.objects.exists()


def test_the_reason_is_given_in_russian_too(caseworker_a: Any) -> None:
    from django.conf import settings

    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.post(
        "/intake/", {"file": SimpleUploadedFile("koi8.csv", koi8_csv()), "date_order": "auto"}
    ).content.decode()
    assert "только в кодировке KOI8-R" in page
    page = client.post(
        "/intake/",
        {"file": SimpleUploadedFile("rows.xlsx", BROKEN["three-million-rows.xlsx"][0]), "date_order": "auto"},
    ).content.decode()
    assert "сжатие больше чем в 100 раз не принимается" in page
