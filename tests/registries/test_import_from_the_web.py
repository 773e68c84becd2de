"""A reviewer (or the coordinator) imports a registry file from the web: the upload is read by a worker
into a preview of what it would add, remove and change (nothing written), then, once confirmed, imported
with the caseload screened after it, in a second job. A caseworker may do neither."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.audit.models import AuditEntry
from haven.jobs.models import Job
from haven.registries.models import Snapshot
from tests.support.jobs import run_queued
from tests.support.personas import client_for
from tests.support.registries import CSV_2024, XLSX_2025, data_file, import_file

pytestmark = pytest.mark.django_db


def _upload(client: Any, name: str, **fields: str) -> Any:
    return client.post("/registries/import/", {"file": SimpleUploadedFile(name, data_file(name)), **fields})


def test_a_reviewer_previews_then_imports_a_newer_snapshot(reviewer_a: Any, settings: Any) -> None:
    import_file(CSV_2024, taken_on=dt.date(2024, 2, 2))
    client = client_for(reviewer_a)
    assert _upload(client, XLSX_2025).status_code == 302
    preview = Job.objects.get(kind="registry.preview")
    run_queued()
    preview.refresh_from_db()
    assert preview.state == Job.DONE, preview.error
    assert preview.result["counts"] == {
        "added": 287,
        "removed": 37,
        "changed": preview.result["counts"]["changed"],
    }
    assert Snapshot.objects.count() == 1  # the preview wrote nothing
    page = client.get("/registries/import/").content.decode()
    assert "287 added, 37 removed" in page
    assert f"/registries/import/{preview.public_id}/confirm/" in page

    assert client.post(f"/registries/import/{preview.public_id}/confirm/").status_code == 302
    job = Job.objects.get(kind="registry.import")
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    assert Snapshot.objects.count() == 2
    assert any("Screened" in line for line in job.result["lines"])
    assert AuditEntry.objects.filter(action="registry.import", actor=reviewer_a).count() == 1
    assert AuditEntry.objects.filter(action="registry.screen", actor=reviewer_a).count() == 1
    # The upload waited sealed between the two jobs and is gone once imported.
    assert not (settings.HAVEN_FILES_DIR / "jobs" / job.params["upload"] / "in").exists()
    # Confirming the same preview again imports nothing twice.
    client.post(f"/registries/import/{preview.public_id}/confirm/")
    assert Job.objects.filter(kind="registry.import").count() == 1


def test_a_file_already_imported_fails_with_its_reason(reviewer_a: Any) -> None:
    import_file(XLSX_2025)
    client = client_for(reviewer_a)
    _upload(client, XLSX_2025)
    run_queued()
    preview = Job.objects.get(kind="registry.preview")
    assert preview.state == Job.FAILED
    assert "already imported" in preview.error
    assert "already imported" in client.get("/registries/import/").content.decode()


def test_a_caseworker_may_not_import(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    assert client.get("/registries/import/").status_code == 403
    assert _upload(client, CSV_2024).status_code == 403
    assert not Job.objects.exists()


def test_a_file_without_its_date_asks_for_the_snapshot_date_in_the_readers_language(reviewer_a: Any) -> None:
    # The web form calls it the snapshot date; --date is only the command line's name for it.
    client = client_for(reviewer_a)
    client.cookies["django_language"] = "ru"
    assert _upload(client, CSV_2024).status_code == 302
    run_queued()
    preview = Job.objects.get(kind="registry.preview")
    assert preview.state == Job.FAILED
    assert "в файле не указана его дата (самое новое решение о включении в реестр датировано 2024-02-02)" in (
        preview.error
    )
    assert "укажите дату снимка" in client.get("/registries/import/").content.decode()
