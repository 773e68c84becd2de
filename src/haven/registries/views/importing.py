"""Importing a registry file from the web (reviewers, the coordinator and admins): upload it, read the
preview of what it changes (a job), then import it and screen the caseload (a second job)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from haven.accounts.access import caseload_required
from haven.accounts.actor import Actor, ActorRequest
from haven.jobs import files
from haven.jobs.actions import job_start, jobs_for
from haven.jobs.models import Job
from haven.registries.forms import RegistryFileForm
from haven.registries.jobs import IMPORT, PREVIEW, UPLOAD_NAME
from haven.registries.permissions import can_review_hits

KEPT = ("upload", "file_name", "registry", "taken_on")


def _importer(request: ActorRequest) -> Actor:
    actor = request.actor
    if not can_review_hits(actor):
        raise PermissionDenied
    return actor


@require_http_methods(["GET", "POST"])
@caseload_required
def upload(request: ActorRequest) -> HttpResponse:
    actor = _importer(request)
    form = RegistryFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sent = form.cleaned_data["file"]
        upload_id = str(uuid.uuid4())
        files.store_input(upload_id, UPLOAD_NAME, sent.read())
        taken_on = form.cleaned_data["taken_on"]
        job_start(
            actor=actor,
            kind=PREVIEW,
            subject="registry",
            params={
                "upload": upload_id,
                "file_name": (sent.name or "")[:200],
                "registry": form.cleaned_data["registry"],
                "taken_on": taken_on.isoformat() if taken_on else "",
            },
            audit_detail={"bytes": sent.size},
        )
        messages.success(request, _("The file is being read: its preview appears below."))
        return redirect("registries:import")
    recent = jobs_for(actor).filter(kind__in=(PREVIEW, IMPORT), requested_by=actor.user)[:3]
    return render(request, "registries/import.html", {"form": form, "jobs": recent, "nav": "registries"})


@require_POST
@caseload_required
def confirm(request: ActorRequest, job_id: Any) -> HttpResponse:
    actor = _importer(request)
    preview = get_object_or_404(jobs_for(actor), public_id=job_id, kind=PREVIEW, state=Job.DONE)
    if Job.objects.filter(kind=IMPORT, subject=str(preview.public_id)).exists():
        messages.error(request, _("This file is already being imported."))
        return redirect("registries:import")
    job_start(
        actor=actor,
        kind=IMPORT,
        subject=str(preview.public_id),
        params={key: preview.params.get(key, "") for key in KEPT},
        audit_detail=preview.result.get("counts", {}),
    )
    messages.success(request, _("The import is queued: it shows its progress below."))
    return redirect("registries:import")
