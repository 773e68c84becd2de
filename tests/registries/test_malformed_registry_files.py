"""A registry file uploaded from the web that is a spreadsheet bomb, overlong, in the wrong encoding or
broken fails its preview job with the reason, never with "an unexpected error", and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.jobs.models import Job
from haven.registries.models import Snapshot
from tests.support.jobs import run_queued
from tests.support.personas import client_for
from tests.support.spreadsheet_bombs import big_cell_xlsx, bom_then_not_utf8, koi8_csv, many_rows_xlsx

pytestmark = pytest.mark.django_db

GENERIC_KOI8 = "reference,name\nA-1,Котова Юлия Сергеевна\nA-2,Щербаков Дмитрий Ильич\n".encode("koi8_r")
BROKEN = {
    "rows.xlsx": (many_rows_xlsx(3_000_000), "compressed 343 times"),
    "cell.xlsx": (big_cell_xlsx(400 << 20), "unpacks to more than 256 mb"),
    "field.csv": (b'reference,name\nA-1,"' + b"x" * 131_073 + b'"\n', "row 2 cannot be read as csv"),
    "bom.csv": (bom_then_not_utf8(), "is not utf-8"),
    "koi8.csv": (GENERIC_KOI8, "koi8-r"),
    "koi8-caseload.csv": (koi8_csv(), "koi8-r"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_malformed_registry_file_fails_its_preview_with_the_reason(name: str, reviewer_a: Any) -> None:
    data, reason = BROKEN[name]
    client = client_for(reviewer_a)
    response = client.post(
        "/registries/import/",
        {"file": SimpleUploadedFile(name, data), "registry": "bench", "taken_on": "2026-01-01"},
    )
    assert response.status_code == 302
    run_queued()
    job = Job.objects.get(kind="registry.preview")
    assert job.state == Job.FAILED
    assert reason in job.error.lower() and "Nothing was imported" in job.error
    assert not Snapshot.objects.exists()


def test_an_upload_over_50_mb_is_refused_on_the_form(reviewer_a: Any, settings: Any) -> None:
    from haven.registries import forms

    client = client_for(reviewer_a)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forms, "MAX_UPLOAD_BYTES", 1000)
        response = client.post(
            "/registries/import/", {"file": SimpleUploadedFile("big.csv", b"reference,name\n" + b"x" * 1000)}
        )
    assert response.status_code == 200
    assert "larger than 50 MB" in response.content.decode()
    assert not Job.objects.exists()
