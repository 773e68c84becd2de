"""``haven worker``: run Haven's background jobs (captures, imports, referral packages, assessing…).

Wraps django-tasks' database worker: it takes one queued task at a time from the database (``SELECT …
FOR UPDATE SKIP LOCKED`` on PostgreSQL, so any number of workers on any number of machines share one
queue; an exclusive transaction on SQLite), runs it, and waits ``--interval`` seconds when the queue is
empty. Stop it with Ctrl+C or SIGTERM: it finishes the job it is running first (a second signal stops it
at once; the job is then left "running" and ``haven worker --requeue-stale`` queues it again).
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Worker

from haven.logs import RedactingFormatter


class Command(BaseCommand):
    help = "Run Haven's background jobs from the queue in the database (as many workers as you like)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds to wait when the queue is empty (default 1)."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued, then stop (for cron or tests)."
        )
        parser.add_argument("--max-jobs", type=int, default=None, help="Stop after this many jobs.")
        parser.add_argument(
            "--requeue-stale",
            type=float,
            default=None,
            metavar="MINUTES",
            help="First queue again the jobs left running that have said nothing for this long (a worker "
            "that died).",
        )
        parser.add_argument(
            "--check", action="store_true", help="Queue one check job first (it leaves an audit entry)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self._logging(options["verbosity"])
        worker_id = f"{socket.gethostname()}:{os.getpid()}:{get_random_string(6)}"[:64]
        if options["requeue_stale"] is not None:
            from haven.jobs.running import requeue_stale

            for job in requeue_stale(minutes=options["requeue_stale"]):
                self.stderr.write(f"queued again: {job.kind} job {job.public_id} (its worker stopped)")
        if options["check"]:
            from haven.accounts.actor import Actor
            from haven.jobs.actions import job_start

            job = job_start(actor=Actor.system(), kind="probe", subject="worker-check")
            self.stderr.write(f"queued check job {job.public_id}")
        worker = Worker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not options["batch"],
            max_tasks=options["max_jobs"],
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            worker.reset_signals()

    def _logging(self, verbosity: int) -> None:
        """Haven's job lines and the queue's own, on stderr, through the formatter that withholds
        exception messages (they may quote personal data)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
        for name in ("haven.jobs", "django_tasks_db", "django_tasks"):
            log = logging.getLogger(name)
            log.setLevel(level)
            log.addHandler(handler)
            log.propagate = False
