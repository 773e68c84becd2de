"""Verifying an item: a reviewer other than the person who added it gives a verdict with a note."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.cases.views.base import open_household, posted
from haven.errors import HavenError
from haven.evidence.actions import can_verify, evidence_verify
from haven.evidence.forms import VerifyForm
from haven.evidence.presenting import file_rows
from haven.evidence.views.base import back_to_item, item_in


@require_http_methods(["GET", "POST"])
@caseload_required
def item_verify(request: HttpRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = open_household(request, reference)
    item = item_in(actor, household, item_id)
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
    if form.is_valid():
        try:
            evidence_verify(
                actor=actor, item=item, verdict=form.cleaned_data["verdict"], note=form.cleaned_data["note"]
            )
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Verdict recorded: %(verdict)s.") % {"verdict": item.get_status_display()}
            )
            return back_to_item(item)
    return render(request, "evidence/verify.html", {**context, "form": form})
