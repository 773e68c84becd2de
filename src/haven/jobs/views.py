"""Job pages: a job's progress as a fragment the asking page polls, its own page, a retry, its files.

Anyone signed in may follow the jobs they started; the coordinator (and admins) also the coalition-wide
ones. A job someone may not follow does not exist for them (404).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.access import actor_of
from haven.errors import HavenError
from haven.jobs import files
from haven.jobs.actions import COALITION_ROLES, job_downloaded, job_retry, job_start, jobs_for
from haven.jobs.models import Job

# What the coordinator may start from the jobs page: the commands that run over the whole coalition.
COALITION_JOBS = ("assessment.all", "documentation.score", "evidence.timestamp", "alerts.send")
# Kinds whose files only the coalition's coordinator may download (and the audit action it records).
DOWNLOAD_RULES = {"referral.package": "referral.package.download"}


def _job(request: HttpRequest, public_id: Any) -> Job:
    job: Job = get_object_or_404(jobs_for(actor_of(request)), public_id=public_id)
    return job


@require_GET
@login_required
def status(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The job's fragment alone: what the asking page fetches every two seconds while it runs."""
    back = request.GET.get("next", "")
    back = back if back.startswith("/") and not back.startswith("//") else ""
    response = render(request, "jobs/_job.html", {"job": _job(request, public_id), "next": back})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    return render(request, "jobs/job.html", {"job": _job(request, public_id), "nav": "jobs"})


@require_http_methods(["GET", "POST"])
@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    may_start = actor.role in COALITION_ROLES
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if not may_start or kind not in COALITION_JOBS:
            raise PermissionDenied
        job = job_start(actor=actor, kind=kind, subject="coalition")
        messages.success(request, _("The job is queued; this page shows how far it got."))
        return redirect("jobs:detail", public_id=job.public_id)
    context = {
        "jobs": jobs_for(actor)[:50],
        "startable": [(kind, Job(kind=kind).label) for kind in COALITION_JOBS] if may_start else [],
        "nav": "jobs",
    }
    return render(request, "jobs/jobs.html", context)


@require_POST
@login_required
def retry(request: HttpRequest, public_id: Any) -> HttpResponse:
    job = _job(request, public_id)
    try:
        job_retry(actor=actor_of(request), job=job)
    except HavenError as exc:
        messages.error(request, str(exc))
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("jobs:detail", public_id=job.public_id)


@require_GET
@login_required
def download(request: HttpRequest, public_id: Any, name: str) -> StreamingHttpResponse:
    actor = actor_of(request)
    job = _job(request, public_id)
    action = DOWNLOAD_RULES.get(job.kind, "job.download")
    if job.kind in DOWNLOAD_RULES and actor.role not in COALITION_ROLES:
        raise PermissionDenied
    listed = {f["name"]: f for f in job.result.get("files", [])}
    if job.state != Job.DONE or name not in listed:
        raise Http404
    try:
        chunks = files.open_file(job.public_id, "out", name)  # a chunk at a time: a package may be large
    except files.MissingJobFile:
        raise Http404 from None
    job_downloaded(actor=actor, job=job, name=name, action=action)
    response = StreamingHttpResponse(chunks, content_type=_content_type(name))
    if "size" in listed[name]:
        response["Content-Length"] = str(listed[name]["size"])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _content_type(name: str) -> str:
    if name.endswith((".txt", ".pub")):
        return "text/plain; charset=utf-8"
    return "application/octet-stream"
