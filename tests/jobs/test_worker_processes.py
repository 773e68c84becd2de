"""``haven worker`` as the operator runs it: a separate process taking jobs from the database.

On PostgreSQL, two workers poll one queue at the same time and every job still runs exactly once (the
queue takes rows with SKIP LOCKED; the job's own claim is a conditional update). On SQLite, one worker
process runs a job from a database file of its own.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.jobs.actions import job_start
from haven.jobs.models import Job

HAVEN = [sys.executable, "-m", "haven"]


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "HAVEN_FILES_DIR": str(settings.HAVEN_FILES_DIR), **extra}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parents[2] / "src"), env.get("PYTHONPATH", "")]
    )
    return env


def _wait_for(predicate: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_postgresql_never_run_one_job_twice(coordinator: Any, tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("several workers share a queue only on PostgreSQL (SQLite runs one writer at a time)")
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    logs = [tmp_path / f"worker-{n}.log" for n in (1, 2)]
    workers = [
        subprocess.Popen(  # noqa: S603
            [*HAVEN, "worker", "--interval", "0.1"],
            env=_env(DATABASE_URL=url),
            stdout=subprocess.DEVNULL,
            stderr=log.open("w"),
        )
        for log in logs
    ]
    try:
        assert _wait_for(lambda: all("Starting worker" in log.read_text() for log in logs), 60), [
            log.read_text() for log in logs
        ]
        actor = Actor.for_user(coordinator)
        jobs = [job_start(actor=actor, kind="probe", params={"seconds": 0.3}) for _ in range(16)]
        assert _wait_for(lambda: Job.objects.filter(state=Job.DONE).count() == len(jobs), 90), list(
            Job.objects.values_list("state", flat=True)
        )
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    ran = AuditEntry.objects.filter(action="job.probe")
    assert sorted(ran.values_list("target", flat=True)) == sorted(str(j.public_id) for j in jobs)
    assert len({entry.detail["by"] for entry in ran}) == 2  # both workers took jobs
    assert all(j.attempts == 1 for j in Job.objects.all())


def test_a_worker_process_runs_a_job_on_sqlite(tmp_path: Path) -> None:
    database = tmp_path / "haven.sqlite3"
    env = _env(DATABASE_URL=f"sqlite:///{database}", HAVEN_VAR_DIR=str(tmp_path))
    subprocess.run([*HAVEN, "migrate", "-v", "0"], env=env, check=True, timeout=300)  # noqa: S603
    done = subprocess.run(  # noqa: S603
        [*HAVEN, "worker", "--check", "--batch"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "queued check job" in done.stderr
    with sqlite3.connect(database) as db:
        states = db.execute("SELECT kind, state, attempts FROM jobs_job").fetchall()
        probes = db.execute("SELECT count(*) FROM audit_auditentry WHERE action = 'job.probe'").fetchone()
    assert states == [("probe", "done", 1)]
    assert probes == (1,)


@pytest.mark.django_db(transaction=True)
def test_progress_inside_a_transaction_is_seen_before_it_commits_on_postgresql(
    coordinator: Any, monkeypatch: Any
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time: progress inside a transaction shows when it ends")
    from django.db import DEFAULT_DB_ALIAS, connections, transaction

    from tests.support.jobs import run_queued

    seen: list[tuple[int, int]] = []

    def importing(job: Any, report: Any) -> dict[str, Any]:
        with transaction.atomic():  # as an import is: all or nothing
            report(5, 10, "importing")
            other = connections.create_connection(DEFAULT_DB_ALIAS)  # as the page's request would
            try:
                with other.cursor() as cursor:
                    cursor.execute("SELECT done, total FROM jobs_job WHERE id = %s", [job.pk])
                    seen.append(cursor.fetchone())
            finally:
                other.close()
        return {}

    monkeypatch.setattr("haven.jobs.probe.probe", importing)
    job_start(actor=Actor.for_user(coordinator), kind="probe")
    run_queued()
    assert seen == [(5, 10)]
