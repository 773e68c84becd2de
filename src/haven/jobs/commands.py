"""Coalition-wide commands as jobs: ``haven timestamp-pending`` and ``haven send-alerts`` here, ``haven
assess`` and ``haven score-documentation`` in their apps' ``jobs`` modules; started from the jobs page
(the coordinator) or with ``--background`` on the command line. Where the command's work reports
progress it shows on the page; the others run the command itself, so a job does what cron's run does."""

from __future__ import annotations

import io
from typing import Any

from django.core.management import CommandError, call_command
from django.utils.translation import gettext as _

from haven.errors import InvalidChange
from haven.jobs.models import Job
from haven.jobs.running import Report


class Counter:
    """Adds up what an action says it advanced by, for a job's page."""

    def __init__(self, report: Report, total: int | None, message: str) -> None:
        self.done, self._report, self._total, self._message = 0, report, total, message
        report(0, total, message)

    def __call__(self, amount: int) -> None:
        self.done += amount
        self._report(self.done, self._total, self._message)


def _command(name: str, report: Report) -> dict[str, Any]:
    report(0, None, _("Running haven %(command)s") % {"command": name})
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, stdout=out, stderr=err)
    except CommandError as exc:
        raise InvalidChange(str(exc)) from None
    return {"lines": [line for line in out.getvalue().splitlines() if line.strip()][:20]}


def timestamp_pending(job: Job, report: Report) -> dict[str, Any]:
    return _command("timestamp-pending", report)


def send_alerts(job: Job, report: Report) -> dict[str, Any]:
    return _command("send-alerts", report)


def enqueue_from_command(kind: str, stdout: Any) -> Job:
    """What ``--background`` does: queue the job as Haven itself and say how to follow it."""
    from haven.accounts.actor import Actor
    from haven.jobs.actions import job_start

    job = job_start(actor=Actor.system(), kind=kind, subject="coalition")
    stdout.write(
        f"Queued job {job.public_id} ({kind}); `haven worker` runs it, and /jobs/{job.public_id}/ shows it."
    )
    return job
