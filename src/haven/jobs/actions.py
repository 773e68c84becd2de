"""The one write path for jobs: start one, retry a failed one, note a download. Each writes its audit
entry in the same transaction as the job's row (and the queue's row: the queue is in the database too,
so a job is queued if and only if its start is recorded)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.audit.record import audit_record
from haven.errors import InvalidChange, NotAllowed
from haven.jobs.kinds import KINDS
from haven.jobs.models import Job
from haven.jobs.running import enqueue
from haven_core.roles import Role

COALITION_ROLES = (Role.COORDINATOR, Role.ADMIN)


def jobs_for(actor: Actor) -> QuerySet[Job]:
    """The jobs ``actor`` may follow: their own; the coordinator and admins also every coalition-wide one
    (those with no organisation: packages, imports, assessing everything)."""
    jobs = Job.objects.select_related("requested_by")
    if actor.is_system:
        return jobs
    if actor.user is None:  # not signed in
        return jobs.none()
    if actor.role in COALITION_ROLES:
        return jobs.filter(Q(requested_by=actor.user) | Q(organisation__isnull=True))
    return jobs.filter(requested_by=actor.user)


def job_start(
    *,
    actor: Actor,
    kind: str,
    subject: str = "",
    params: dict[str, Any] | None = None,
    total: int | None = None,
    organisation: Any = None,
    audit_detail: dict[str, Any] | None = None,
) -> Job:
    """Record and queue a job of ``kind``. ``params`` are sealed; ``audit_detail`` must hold no names."""
    if kind not in KINDS:
        raise InvalidChange(_("Haven does not know this kind of job (%(kind)s).") % {"kind": kind})
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            requested_by=actor.user,
            organisation=organisation,
            subject=subject,
            params={"language": get_language() or "en", "ip": actor.ip, **(params or {})},
            total=total,
        )
        audit_record(
            actor=actor.user,
            action="job.start",
            organisation=organisation,
            target=str(job.public_id),
            ip=actor.ip,
            detail={"kind": kind, "subject": subject, **(audit_detail or {})},
        )
        enqueue(job)
    return job


def job_retry(*, actor: Actor, job: Job) -> Job:
    """Queue a failed job again, from its first attempt; audited."""
    if job.requested_by_id != actor.user_id and actor.role not in COALITION_ROLES:
        raise NotAllowed(_("Only the person who started this job can try it again."))
    with transaction.atomic():
        retried = Job.objects.filter(pk=job.pk, state=Job.FAILED).update(
            state=Job.QUEUED, attempts=0, error="", message="", done=0, started_at=None, finished_at=None
        )
        if not retried:
            raise InvalidChange(_("Only a failed job can be tried again."))
        audit_record(
            actor=actor.user,
            action="job.retry",
            organisation=job.organisation,
            target=str(job.public_id),
            ip=actor.ip,
            detail={"kind": job.kind, "subject": job.subject},
        )
        job.refresh_from_db()
        enqueue(job)
    return job


def job_downloaded(*, actor: Actor, job: Job, name: str, action: str = "job.download") -> None:
    """Record that ``actor`` downloaded one of the job's files (its name and kind, nothing in it)."""
    audit_record(
        actor=actor.user,
        action=action,
        organisation=job.organisation,
        target=str(job.public_id),
        ip=actor.ip,
        detail={"kind": job.kind, "subject": job.subject, "file": name},
    )


def job_probe_record(*, job: Job, ran_by: str) -> None:
    """The queue check's one write: which worker process ran the probe job (``haven worker --check``)."""
    audit_record(actor=job.requested_by, action="job.probe", target=str(job.public_id), detail={"by": ran_by})
