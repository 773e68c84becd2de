"""A job that only proves the queue works: it writes one audit entry naming the worker process that ran
it. ``haven worker --check`` queues one; the tests queue many to show no job runs twice."""

from __future__ import annotations

import os
import socket
import time
from typing import Any

from haven.audit.record import audit_record
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
    audit_record(actor=job.requested_by, action="job.probe", target=str(job.public_id), detail={"by": ran_by})
    report(1, 1)
    return {"ran_by": ran_by}
