"""Reading the audit trail in the interface: a household's history of who saw and changed it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from haven.accounts.access import caseload_required, household_for
from haven.accounts.actor import ActorRequest
from haven.audit.forms import TrailFilter
from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from haven_core.roles import COALITION_WIDE


@caseload_required
def household_trail(request: ActorRequest, reference: str) -> HttpResponse:
    """Coordinators (and admins) read every entry about one household, newest first."""
    actor = request.actor
    if actor.role not in COALITION_WIDE:
        raise PermissionDenied
    household = household_for(actor, reference)
    audit_seal()  # the reads staged meanwhile belong in the history shown
    entries = AuditEntry.objects.filter(household_ref=household.reference)
    actors = (
        entries.filter(actor__isnull=False)
        .values_list("actor_id", "actor__username")
        .distinct()
        .order_by("actor__username")
    )
    filter_form = TrailFilter(request.GET or None, actors=list(actors))
    shown = filter_form.apply(entries).select_related("actor")
    page = Paginator(shown, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/household_trail.html",
        {"household": household, "page": page, "filter": filter_form, "query": query.urlencode()},
    )
