"""A job that only proves the queue works: it writes one audit entry naming the worker process that ran
it. ``haven worker --check`` queues one; the tests queue many to show no job runs twice."""

from __future__ import annotations

import os
import socket
import time
from typing import Any

from haven.jobs.actions import job_probe_record
from haven.jobs.models import Job
from haven.jobs.running import Report


def probe(job: Job, report: Report) -> dict[str, Any]:
    seconds = float(job.params.get("seconds", 0))
    if seconds:
        time.sleep(min(seconds, 5))
    if job.params.get("fail"):
        from haven.errors import HavenError

        raise HavenError(str(job.params["fail"]))
    ran_by = f"{socket.gethostname()}:{os.getpid()}"
    job_probe_record(job=job, ran_by=ran_by)
    report(1, 1)
    return {"ran_by": ran_by}
