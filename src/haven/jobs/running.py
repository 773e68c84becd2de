"""Running a job: the one task the queue knows, which claims the job, runs its kind and records the end.

The queue (django-tasks' database backend) hands each queued task to one worker: it takes the row with
``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL (several workers on several machines) and in an
exclusive transaction on SQLite. :func:`run_job` then claims the job itself with a conditional update
(queued → running), so even a task queued twice for one job runs it once.

Failures: :class:`~haven.jobs.kinds.TryAgain` and a lost or busy database connection queue the job again
after a pause, up to ``max_attempts``; anything else fails it at once with its reason for the page. The
queue's own row always ends "successful": a traceback may quote personal data and the queue's table is
not sealed, so it goes only to Haven's log (through the redacting formatter), never to that table.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from typing import Any

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connection, connections
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import default_task_backend, task

from haven.accounts.actor import Actor
from haven.errors import HavenError
from haven.jobs.kinds import KINDS, TryAgain
from haven.jobs.models import Job
from haven.progress import Progress

logger = logging.getLogger("haven.jobs")

RETRY_PAUSES = (10, 60, 300)  # seconds before the 2nd, 3rd and later attempts


class Report:
    """How a running job says how far it got: ``report(done, total, message)``.

    Writes at most every ``interval`` seconds (and always the first and last count), outside any
    transaction of the job's own, so the page sees the job move while it runs.
    """

    def __init__(self, job: Job, *, interval: float = 0.5) -> None:
        self.job = job
        self._interval = interval
        self._written = 0.0
        self._side: Any = None

    def __call__(self, done: int, total: int | None = None, message: str | None = None) -> None:
        now = time.monotonic()
        last = total is not None and done >= total
        quiet = message is None or message == self.job.message
        if now - self._written < self._interval and not last and quiet:
            return
        self._written = now
        fields: dict[str, Any] = {"done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            fields["total"] = total
        if message is not None:
            fields["message"] = message[:200]
        self._write(fields)
        for name, value in fields.items():
            setattr(self.job, name, value)

    def _write(self, fields: dict[str, Any]) -> None:
        """Outside a transaction, as any update. Inside one (an import is all or nothing) on PostgreSQL,
        through a connection of its own, so the page sees the count move before the import commits.
        SQLite has one writer at a time: there the count moves when the transaction ends."""
        if not connection.in_atomic_block or connection.vendor == "sqlite":
            Job.objects.filter(pk=self.job.pk).update(**fields)
            return
        if self._side is None:
            self._side = connections.create_connection(DEFAULT_DB_ALIAS)
        column = {field.name: field.column for field in Job._meta.concrete_fields}
        columns = ", ".join(f"{column[name]} = %s" for name in fields)
        with self._side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Job._meta.db_table} SET {columns} WHERE id = %s",  # noqa: S608 (names are ours)
                [*fields.values(), self.job.pk],
            )
            seen = cursor.rowcount
        if not seen:  # the job's own row is not committed yet (a job run inside a transaction, in tests)
            Job.objects.filter(pk=self.job.pk).update(**fields)

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None

    def say(self, message: str) -> None:
        self(self.job.done, None, message)


def actor_of_job(job: Job) -> Actor:
    """Who the job acts as: the person who asked for it (with their role as it is now), or Haven itself."""
    if job.requested_by is None:
        return Actor.system()
    return Actor.for_user(job.requested_by, ip=job.params.get("ip"))


class ReportedProgress(Progress):
    """A :class:`haven.progress.Progress` for the actions that take one (imports, screening), which
    reports to the job's page instead of a terminal."""

    def __init__(self, label: str, report: Report) -> None:
        super().__init__(label, None, io.StringIO())
        self._report = report

    def update(self, done: int) -> None:
        self.done = done
        self._report(done, self.total, self.label)


def enqueue(job: Job, *, delay: float = 0) -> None:
    """Put ``job`` on the queue (in the caller's transaction: the worker sees it when that commits)."""
    runner = run_job
    if delay and default_task_backend.supports_defer:
        runner = run_job.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    result = runner.enqueue(str(job.public_id))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.task_id = str(result.id)[:64]


@task()
def run_job(job_id: str) -> dict[str, Any]:
    """The queue's task: run the job ``job_id`` if it is still waiting."""
    claimed = Job.objects.filter(public_id=job_id, state=Job.QUEUED).update(
        state=Job.RUNNING,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        attempts=F("attempts") + 1,
        error="",
    )
    if not claimed:
        logger.info("job %s is not waiting: not run again", job_id)
        return {"ran": False}
    job = Job.objects.select_related("requested_by", "organisation").get(public_id=job_id)
    kind = KINDS.get(job.kind)
    started = time.monotonic()
    logger.info("job %s (%s) started, attempt %s", job.public_id, job.kind, job.attempts)
    try:
        if kind is None:
            raise HavenError(_("Haven does not know this kind of job (%(kind)s).") % {"kind": job.kind})
        report = Report(job)
        try:
            with override(job.params.get("language") or None):
                result = import_string(kind.function)(job, report)
        finally:
            report.close()
    except (TryAgain, OperationalError, InterfaceError) as exc:
        if not connection.in_atomic_block:  # a broken connection is replaced before the next job
            connection.close_if_unusable_or_obsolete()
        _failed_or_again(job, exc)
    except HavenError as exc:
        _finish(job, Job.FAILED, error=str(exc))
        logger.info("job %s (%s) failed: %s", job.public_id, job.kind, type(exc).__name__)
    except Exception:
        logger.exception("job %s (%s) failed unexpectedly", job.public_id, job.kind)
        _finish(job, Job.FAILED, error=_("Haven met an unexpected error; it is written in the worker's log."))
    else:
        _finish(job, Job.DONE, result=result or {})
        logger.info("job %s (%s) done in %.1f s", job.public_id, job.kind, time.monotonic() - started)
    return {"ran": True}


def _failed_or_again(job: Job, exc: Exception) -> None:
    reason = str(exc) if isinstance(exc, HavenError) else _("The database was busy or out of reach.")
    if job.attempts >= job.max_attempts:
        _finish(job, Job.FAILED, error=reason)
        logger.warning(
            "job %s (%s) failed after %s attempts: %s",
            job.public_id,
            job.kind,
            job.attempts,
            type(exc).__name__,
        )
        return
    pause = RETRY_PAUSES[min(job.attempts, len(RETRY_PAUSES)) - 1]
    Job.objects.filter(pk=job.pk).update(
        state=Job.QUEUED, message=(_("Will try again: %(why)s") % {"why": reason})[:200]
    )
    enqueue(job, delay=pause)
    logger.warning(
        "job %s (%s) will be tried again in %s s: %s", job.public_id, job.kind, pause, type(exc).__name__
    )


def _finish(job: Job, state: str, *, error: str = "", result: dict[str, Any] | None = None) -> None:
    fields: dict[str, Any] = {"state": state, "finished_at": timezone.now(), "error": error}
    if result is not None:
        fields["result"] = result
        if job.total is not None:
            fields["done"] = job.total
    Job.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


def requeue_stale(*, minutes: float) -> list[Job]:
    """Queue again the jobs still "running" that have not reported for ``minutes``: their worker died
    (a killed process, a lost machine). What they had not committed was never written."""
    cutoff = timezone.now() - dt.timedelta(minutes=minutes)
    stale = list(Job.objects.filter(state=Job.RUNNING, heartbeat_at__lt=cutoff))
    again = []
    for job in stale:
        if Job.objects.filter(pk=job.pk, state=Job.RUNNING, heartbeat_at__lt=cutoff).update(state=Job.QUEUED):
            enqueue(job)
            again.append(job)
    return again
