"""URL capture runs as a background job: the caseworker's request only queues it; a worker fetches the
page (from a local fixture site, through the same guarded fetcher) and stores the item; the person's
evidence page follows the job and links to the item. A site that is down is tried again later; a
refused address fails at once with its reason and stores nothing."""

from __future__ import annotations

from typing import Any

import pytest

from haven.evidence.models import EvidenceItem
from haven.jobs.models import Job
from tests.support.jobs import run_queued
from tests.support.local_sites import POST_HTML, local_site, page
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

POST = POST_HTML.format(extra="").encode("cp1251")


@pytest.fixture
def local_captures(settings: Any) -> None:
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE = True
    settings.HAVEN_CAPTURE_CHROMIUM = ""
    settings.HAVEN_TSA_URL = ""


def _urls(household: Any) -> tuple[str, str]:
    person = household.principal.public_id
    base = f"/cases/{household.reference}/evidence/people/{person}/"
    return base + "capture/", base


def test_the_page_is_captured_by_a_worker_and_followed_on_the_evidence_page(
    caseworker_a: Any, household_a: Any, local_captures: None
) -> None:
    capture, evidence = _urls(household_a)
    client = client_for(caseworker_a)
    with local_site({"/no-war": page(POST)}) as site:
        response = client.post(capture, {"source_url": site.url("/no-war"), "kind": "social_post"})
        assert response.status_code == 302 and response["Location"] == evidence
        assert not EvidenceItem.objects.exists()  # the request only queued it
        waiting = client.get(evidence).content.decode()
        assert "data-job-poll" in waiting and "haven/jobs.js" in waiting
        run_queued()
    job = Job.objects.get(kind="evidence.capture")
    assert job.state == Job.DONE, job.error
    item = EvidenceItem.objects.get()
    assert item.person == household_a.principal and item.kind == "social_post"
    done = client.get(evidence).content.decode()
    assert f"/cases/{household_a.reference}/evidence/{item.public_id}/" in done
    assert "Page captured" in done


def test_a_site_that_is_down_is_tried_again_then_fails_with_its_reason(
    caseworker_a: Any, household_a: Any, local_captures: None
) -> None:
    capture, evidence = _urls(household_a)
    client = client_for(caseworker_a)
    with local_site({}) as site:
        url = site.url("/gone")
    client.post(capture, {"source_url": url, "kind": "social_post"})  # the site has stopped
    run_queued()
    job = Job.objects.get()
    assert (job.state, job.attempts) == (Job.QUEUED, 1)
    run_queued()
    run_queued()
    job.refresh_from_db()
    assert (job.state, job.attempts) == (Job.FAILED, 3)
    assert "cannot be reached" in job.error
    assert not EvidenceItem.objects.exists()
    assert "cannot be reached" in client.get(evidence).content.decode()


def test_another_organisation_cannot_queue_a_capture(caseworker_b: Any, household_a: Any) -> None:
    capture, _evidence = _urls(household_a)
    response = client_for(caseworker_b).post(
        capture, {"source_url": "https://meduza.io/1", "kind": "article"}
    )
    assert response.status_code == 404
    assert not Job.objects.exists()
