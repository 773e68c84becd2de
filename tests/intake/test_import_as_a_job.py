"""A caseload import confirmed on the Import page runs as a job: queued, its progress on the page, all
or nothing (a failure half-way leaves no household), and a file with invalid rows fails it naming the
rows to fix."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile

from haven.audit.models import AuditEntry
from haven.cases.models import Household
from haven.errors import InvalidChange
from haven.intake import actions
from haven.jobs.models import Job
from tests.support.jobs import run_queued
from tests.support.personas import client_for

HEADER = "ID семьи;Фамилия;Имя;Дата рождения\n"
ROWS = "".join(f"F-{n};Смирнова;Ольга;12.03.1984\n" for n in range(1, 151))


def _preview(client: Any, text: str) -> Any:
    file = SimpleUploadedFile("caseload.csv", text.encode("cp1251"), content_type="text/csv")
    return client.post("/intake/", {"file": file, "date_order": "auto"})


def test_confirming_queues_an_import_job_that_shows_its_progress_and_result(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    assert "Households created: 150" in _preview(client, HEADER + ROWS).content.decode()
    assert client.post("/intake/confirm/").status_code == 302
    job = Job.objects.get(kind="intake.import")
    assert job.state == Job.QUEUED and not Household.objects.exists()  # nothing imported yet
    page = client.get("/intake/").content.decode()
    assert "Caseload import" in page and f"/jobs/{job.public_id}/status/" in page
    assert "Смирнова" not in str(job.params)  # the file waits sealed on disk, not in the job
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    assert (job.done, job.total) == (150, 150)  # counted household by household as they were written
    assert Household.objects.count() == 150
    assert "Imported: 150 households created" in client.get("/intake/").content.decode()
    assert AuditEntry.objects.filter(action="job.start", actor=caseworker_a).count() == 1
    # The file was held sealed for the job and is gone once imported; confirming again finds nothing.
    client.post("/intake/confirm/")
    assert Job.objects.filter(kind="intake.import").count() == 1


def test_a_failure_half_way_leaves_nothing_written_and_the_job_can_be_tried_again(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    _preview(client, HEADER + ROWS)
    client.post("/intake/confirm/")
    real = actions.households_import

    def fails_after_writing(**kwargs: Any) -> Any:
        real(**kwargs)  # every household written, in the import's transaction…
        assert Household.objects.count() == 150
        raise InvalidChange("the database refused the last write")  # …then it fails

    with mock.patch.object(actions, "households_import", fails_after_writing):
        run_queued()
    job = Job.objects.get(kind="intake.import")
    assert job.state == Job.FAILED and "refused the last write" in job.error
    assert not Household.objects.exists()
    assert "Nothing was half-written" in client.get("/intake/").content.decode()
    client.post(f"/jobs/{job.public_id}/retry/")
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    assert Household.objects.count() == 150


def test_invalid_rows_fail_the_job_naming_their_rows(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    bad = HEADER + "F-1;Смирнова;Ольга;12.03.1984\nF-2;Орлова;Вера;31.02.1990\nF-3;;;\n"
    _preview(client, bad)
    client.post("/intake/confirm/")  # without "import only the valid households"
    run_queued()
    job = Job.objects.get(kind="intake.import")
    assert job.state == Job.FAILED
    assert "nothing was imported" in job.error and "Rows to fix: 3, 4." in job.error
    assert not Household.objects.exists()


def test_a_caseworker_cannot_follow_anothers_import(caseworker_a: Any, caseworker_b: Any) -> None:
    client = client_for(caseworker_a)
    _preview(client, HEADER + ROWS[:100])
    client.post("/intake/confirm/")
    job = Job.objects.get(kind="intake.import")
    other = client_for(caseworker_b)
    assert f"/jobs/{job.public_id}/" not in other.get("/intake/").content.decode()
    assert other.get(f"/jobs/{job.public_id}/").status_code == 404
