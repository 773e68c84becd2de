"""A job goes on the queue, a worker runs it once, records its progress and end; a failing job says why
on its page and can be tried again (audited); a job someone else started does not exist for them."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.jobs.actions import job_start
from haven.jobs.models import Job
from haven.jobs.running import run_job
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def test_a_queued_job_waits_until_a_worker_runs_it_once(coordinator: Any) -> None:
    job = job_start(actor=Actor.for_user(coordinator), kind="probe", subject="check")
    assert Job.objects.get(pk=job.pk).state == Job.QUEUED
    assert AuditEntry.objects.filter(action="job.start", target=str(job.public_id)).count() == 1

    assert run_queued() == 1

    job.refresh_from_db()
    assert job.state == Job.DONE
    assert (job.done, job.total) == (1, 1)
    assert job.started_at and job.finished_at and job.attempts == 1
    assert AuditEntry.objects.filter(action="job.probe", target=str(job.public_id)).count() == 1
    # The same task queued a second time finds the job done and does not run it again.
    assert run_job.call(str(job.public_id)) == {"ran": False}
    assert AuditEntry.objects.filter(action="job.probe", target=str(job.public_id)).count() == 1


def test_a_failed_job_says_why_on_its_page_and_can_be_tried_again(coordinator: Any) -> None:
    job = job_start(
        actor=Actor.for_user(coordinator), kind="probe", params={"fail": "the registry file is empty"}
    )
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.FAILED
    assert job.error == "the registry file is empty"
    client = client_for(coordinator)
    page = client.get(f"/jobs/{job.public_id}/status/").content.decode()
    assert "the registry file is empty" in page
    assert "Try again" in page
    assert "data-job-poll" not in page  # finished: the page stops asking

    Job.objects.filter(pk=job.pk).update(params={"language": "en"})  # the cause is put right
    response = client.post(f"/jobs/{job.public_id}/retry/")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == Job.QUEUED and job.error == ""
    assert AuditEntry.objects.filter(action="job.retry", target=str(job.public_id)).count() == 1
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE


def test_a_running_job_shows_its_progress_and_asks_again(coordinator: Any) -> None:
    job = job_start(actor=Actor.for_user(coordinator), kind="probe")
    Job.objects.filter(pk=job.pk).update(state=Job.RUNNING, done=3, total=12, message="screening")
    page = client_for(coordinator).get(f"/jobs/{job.public_id}/status/?next=/referrals/").content.decode()
    assert 'data-job-poll="/jobs/' in page
    assert '<progress max="12" value="3">' in page
    assert "screening" in page


def test_someone_elses_job_does_not_exist_for_them(coordinator: Any, caseworker_a: Any) -> None:
    job = job_start(
        actor=Actor.for_user(caseworker_a), kind="probe", organisation=caseworker_a.membership.organisation
    )
    other = client_for(coordinator)  # an organisation's job is not the coordinator's to follow
    assert other.get(f"/jobs/{job.public_id}/status/").status_code == 404
    assert other.post(f"/jobs/{job.public_id}/retry/").status_code == 404
    assert client_for(caseworker_a).get(f"/jobs/{job.public_id}/status/").status_code == 200


def test_a_database_failure_is_tried_again_later_then_fails(coordinator: Any, monkeypatch: Any) -> None:
    from django.db import OperationalError

    def busy(job: Any, report: Any) -> None:
        raise OperationalError("database is locked")

    monkeypatch.setattr("haven.jobs.probe.probe", busy)
    job = job_start(actor=Actor.for_user(coordinator), kind="probe")
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.QUEUED and job.attempts == 1  # queued again, later
    run_queued()
    run_queued()
    job.refresh_from_db()
    assert (job.state, job.attempts) == (Job.FAILED, 3)
    assert "busy" in job.error


def test_the_job_pages_speak_russian(coordinator: Any, settings: Any) -> None:
    job = job_start(actor=Actor.for_user(coordinator), kind="probe", params={"fail": "нет файла"})
    run_queued()
    client = client_for(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    fragment = client.get(f"/jobs/{job.public_id}/status/").content.decode()
    assert "Не удалось: нет файла" in fragment and "Повторить" in fragment and "Try again" not in fragment
    listing = client.get("/jobs/").content.decode()
    assert "Задачи" in listing and "Оценка всех семей" in listing and "Проверка очереди" in listing
