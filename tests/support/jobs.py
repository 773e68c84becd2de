"""Running queued jobs in tests through the real worker loop (django-tasks' database worker), in this
process: it takes each queued task from the database as ``haven worker`` does, then stops."""

from __future__ import annotations

from unittest import mock

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_queued(*, ready_now: bool = True) -> int:
    """Run every queued task (retries delayed into the future count as due when ``ready_now``)."""
    if ready_now:
        from django.utils import timezone

        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    before = DBTaskResult.objects.exclude(status="READY").count()
    # The worker closes connections it finds "obsolete" between tasks; inside a test's transaction that
    # would close the test's own. Everything else is the library's loop, as `haven worker` runs it.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker().run()
    return DBTaskResult.objects.exclude(status="READY").count() - before


def _worker() -> Worker:
    return Worker(
        queue_names=[DEFAULT_TASK_QUEUE_NAME],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
