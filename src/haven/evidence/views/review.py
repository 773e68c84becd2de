"""Verifying an item: a reviewer other than the person who added it gives a verdict with a note."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.views.lookup import open_household, posted
from haven.evidence.actions import can_verify, evidence_verify
from haven.evidence.forms import VerifyForm
from haven.evidence.presenting import file_rows
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.views.lookup import back_to_item, item_in
from haven.submission import submit


@require_http_methods(["GET", "POST"])
@caseload_required
def item_verify(request: ActorRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    item = item_in(actor, household, item_id)
    previews_queue(item)
    allowed, why_not = can_verify(actor, item)
    context = {
        "household": household,
        "person": item.person,
        "item": item,
        "files": file_rows(item),
        "why_not": why_not,
        "title": _("Verify “%(title)s”") % {"title": item.title},
    }
    if not allowed:  # the two-person rule, or a role that does not verify: said plainly, refused
        return render(request, "evidence/verify.html", context, status=403)
    form = VerifyForm(posted(request))
    if done := submit(
        request,
        lambda: evidence_verify(
            actor=actor, item=item, verdict=form.cleaned_data["verdict"], note=form.cleaned_data["note"]
        ),
        form=form,
        success=lambda _verdict: _("Verdict recorded: %(verdict)s.") % {"verdict": item.get_status_display()},
        then=lambda _verdict: back_to_item(item),
    ):
        return done
    return render(request, "evidence/verify.html", {**context, "form": form})
