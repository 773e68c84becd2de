"""The coalition-wide commands as jobs: the coordinator starts them on the jobs page and follows them;
``--background`` queues them from the command line; without it the commands still run at once."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from haven.assessment.models import Assessment
from haven.audit.models import AuditEntry
from haven.jobs.models import Job
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_coordinator_assesses_everyone_from_the_jobs_page(
    coordinator: Any, household_a: Any, household_b: Any
) -> None:
    client = client_for(coordinator)
    assert "Assessing every household" in client.get("/jobs/").content.decode()
    response = client.post("/jobs/", {"kind": "assessment.all"})
    job = Job.objects.get()
    assert response["Location"] == f"/jobs/{job.public_id}/"
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    assert (job.done, job.total) == (2, 2)
    assert Assessment.objects.filter(household__in=[household_a, household_b]).count() == 2
    assert "Assessed 2 households" in client.get(f"/jobs/{job.public_id}/").content.decode()
    assert AuditEntry.objects.filter(
        action="job.start", actor=coordinator, detail__kind="assessment.all"
    ).exists()


@pytest.mark.parametrize("kind", ["documentation.score", "evidence.timestamp", "alerts.send"])
def test_the_other_coalition_jobs_run_to_the_end(coordinator: Any, household_a: Any, kind: str) -> None:
    client_for(coordinator).post("/jobs/", {"kind": kind})
    run_queued()
    job = Job.objects.get()
    assert job.state in (Job.DONE, Job.FAILED)
    if kind == "evidence.timestamp":  # no authority is configured in the tests: it says so
        assert job.state == Job.FAILED and "HAVEN_TSA_URL" in job.error
    else:
        assert job.state == Job.DONE, job.error
        assert job.result["lines"]


def test_a_caseworker_cannot_start_coalition_jobs(caseworker_a: Any, reviewer_a: Any) -> None:
    for user in (caseworker_a, reviewer_a):
        client = client_for(user)
        assert "Assessing every household" not in client.get("/jobs/").content.decode()
        assert client.post("/jobs/", {"kind": "assessment.all"}).status_code == 403
    assert not Job.objects.exists()


def test_background_queues_the_command_and_without_it_it_runs_at_once(household_a: Any) -> None:
    out = io.StringIO()
    call_command("assess", "--background", stdout=out)
    assert "Queued job" in out.getvalue()
    assert not Assessment.objects.exists()
    run_queued()
    assert Assessment.objects.filter(household=household_a).exists()
    call_command("score-documentation", "--background", stdout=io.StringIO())
    assert Job.objects.filter(kind="documentation.score", state=Job.QUEUED).exists()
    out = io.StringIO()
    call_command("score-documentation", stdout=out, stderr=io.StringIO())
    assert "principal applicants are well documented" in out.getvalue()
