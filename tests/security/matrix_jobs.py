"""Authorisation matrix rows for the job pages (see test_authorisation_matrix.py).

A job exists only for the person who started it and, when it is coalition-wide (no organisation), the
coordinator and admins. The coordinator's check job here is one of those. Its files are tested in
tests/referral/test_referral_package_page.py (a liaison or caseworker cannot download a package).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FOLLOWERS = (404, 404, 404, 200, 404, 200, "login")

ROWS: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    "jobs:jobs": (lambda o: "/jobs/", (200,) * 6 + ("login",)),
    "jobs:detail": (lambda o: f"/jobs/{o['job']}/", FOLLOWERS),
    "jobs:status": (lambda o: f"/jobs/{o['job']}/status/", FOLLOWERS),
    "jobs:retry": (lambda o: f"/jobs/{o['job']}/retry/", (405,) * 7),  # POST only
    # Not done yet: nothing to download, for anyone (a job one may not follow is a 404 as well).
    "jobs:download": (lambda o: f"/jobs/{o['job']}/files/R-2026-0001.tar.age", (404,) * 6 + ("login",)),
}


def extra_objects(objects: dict[str, Any], users: dict[str, Any]) -> dict[str, Any]:
    from haven.accounts.actor import Actor
    from haven.jobs.actions import job_start

    job = job_start(actor=Actor.for_user(users["coordinator"]), kind="probe", subject="check")
    return {"job": job.public_id}
