"""Adding evidence (an upload, or a page Haven captures), correcting it, and making working copies."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.views.lookup import open_household, person_in, posted
from haven.errors import HavenError
from haven.evidence.actions import evidence_add, evidence_update, working_copy_create
from haven.evidence.actions.permission_and_custody import ensure_can_change
from haven.evidence.capture_contract import capture_function
from haven.evidence.forms import CaptureForm, EvidenceForm, UploadForm, WorkingCopyForm
from haven.evidence.jobs import CAPTURE, capture_subject
from haven.evidence.models import EvidenceItem
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.reading import reading_on_arrival
from haven.evidence.views.lookup import back_to_item, item_in
from haven.jobs.actions import job_start
from haven.jobs.models import Job
from haven.submission import submit


def _files(request: HttpRequest) -> MultiValueDict[str, UploadedFile[Any]] | None:
    return request.FILES if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@caseload_required
def evidence_new(request: ActorRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    form = UploadForm(posted(request), _files(request))

    def add() -> EvidenceItem:
        upload = form.cleaned_data["upload"]
        item = evidence_add(
            actor=actor,
            person=person,
            fields=form.item_fields(),
            data=upload.data if upload else None,
            filename=upload.filename if upload else "",
        )
        previews_queue(item)  # drawn by a worker: this request does not wait on Poppler
        reading_on_arrival(actor=actor, item=item)  # nor on Tesseract
        return item

    if done := submit(
        request,
        add,
        form=form,
        success=_("Evidence added. Someone else must now verify it."),
        then=back_to_item,
    ):
        return done
    context = {
        "household": household,
        "person": person,
        "form": form,
        "title": _("Add evidence about %(name)s") % {"name": person.display_name},
        "multipart": True,
        "submit": _("Add evidence"),
    }
    return render(request, "evidence/form.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def evidence_capture(request: ActorRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    capture = capture_function()
    form = CaptureForm(posted(request) if capture else None)

    def start() -> Job:
        # Fetching and rendering take seconds, up to the capture's time limit: a worker does it (a job),
        # and the person's evidence page follows it. The form's fields go with the job, sealed, and are
        # checked again there.
        ensure_can_change(actor, household)
        return job_start(
            actor=actor,
            kind=CAPTURE,
            subject=capture_subject(person),
            organisation=household.organisation,
            params={"form": {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"}},
        )

    if capture is not None and (
        done := submit(
            request,
            start,
            form=form,
            success=_("Haven is capturing the page; this page shows how far it got."),
            then=lambda _job: redirect(
                "evidence:person", reference=household.reference, person_id=person.public_id
            ),
        )
    ):
        return done
    context = {
        "household": household,
        "person": person,
        "form": form,
        "title": _("Capture a web page about %(name)s") % {"name": person.display_name},
        "submit": _("Capture the page"),
        "disabled": capture is None,
        "explanation": _(
            "Haven fetches the page itself and keeps what it received, a screenshot and the page's text, "
            "each with its SHA-256."
        ),
    }
    return render(request, "evidence/form.html", context, status=200)


@require_http_methods(["GET", "POST"])
@caseload_required
def evidence_edit(request: ActorRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    item = item_in(actor, household, item_id)
    form = EvidenceForm(posted(request), item=item)
    if form.is_valid():
        try:
            changed = evidence_update(actor=actor, item=item, fields=form.item_fields())
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            if changed and item.status == "unreviewed" and item.verifications.exists():
                messages.warning(request, _("Saved. What it claims changed, so it goes back for review."))
            else:
                messages.success(request, _("Saved."))
            return back_to_item(item)
    context = {
        "household": household,
        "person": item.person,
        "item": item,
        "form": form,
        "title": _("Edit the description of “%(title)s”") % {"title": item.title},
        "explanation": _(
            "The files of an original are never changed. Make a working copy to redact, crop or translate."
        ),
    }
    return render(request, "evidence/form.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def working_copy_new(request: ActorRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    original = item_in(actor, household, item_id)
    form = WorkingCopyForm(posted(request), _files(request))

    def copy() -> EvidenceItem:
        upload = form.cleaned_data["upload"]
        made = working_copy_create(
            actor=actor,
            original=original,
            derivation=form.cleaned_data["derivation"],
            data=upload.data,
            filename=upload.filename,
            fields={k: form.cleaned_data[k] for k in ("title", "description", "language")},
        )
        previews_queue(made)
        reading_on_arrival(actor=actor, item=made)
        return made

    if done := submit(
        request,
        copy,
        form=form,
        success=_("Working copy added; the original is unchanged."),
        then=back_to_item,
    ):
        return done
    context = {
        "household": household,
        "person": original.person,
        "item": original,
        "form": form,
        "title": _("Working copy of “%(title)s”") % {"title": original.title},
        "multipart": True,
        "submit": _("Add the working copy"),
        "explanation": _(
            "A redaction, crop or translation is kept as a separate item linked to the original, which stays "
            "as it was stored."
        ),
    }
    return render(request, "evidence/form.html", context)
