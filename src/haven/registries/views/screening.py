"""The reviewers' queue of registry hits, and the page where one hit is confirmed or rejected."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import Actor, ActorRequest
from haven.accounts.visibility import found_or_refused, within_visible
from haven.cases.actions import household_view
from haven.registries.actions import hit_confirm, hit_reject
from haven.registries.actions.hits import listing_date
from haven.registries.errors import ScreeningError
from haven.registries.forms import DecisionForm
from haven.registries.models import Entry, ScreeningHit
from haven.registries.models.screening import HIT_STATUS_CHOICES
from haven.registries.permissions import can_review_hits

PER_PAGE = 50


def visible_hits(actor: Actor) -> QuerySet[ScreeningHit]:
    """The hits on people of the households ``actor`` may see (all of them for the coordinator)."""
    return within_visible(actor, ScreeningHit.objects.all(), "person__household")


def _reviewer(request: ActorRequest) -> Actor:
    actor: Actor = request.actor
    if not can_review_hits(actor):
        raise PermissionDenied
    return actor


def _with_entries(hits: list[ScreeningHit]) -> list[tuple[ScreeningHit, Entry | None]]:
    found = Entry.objects.select_related("registry").filter(public_id__in=[h.entry_ref for h in hits])
    entries = {str(entry.public_id): entry for entry in found}
    return [(hit, entries.get(hit.entry_ref)) for hit in hits]


@require_http_methods(["GET"])
@caseload_required
def queue(request: ActorRequest) -> HttpResponse:
    actor = _reviewer(request)
    statuses = dict(HIT_STATUS_CHOICES)
    status = request.GET.get("status", "open")
    if status not in statuses:
        status = "open"
    hits = (
        visible_hits(actor)
        .filter(status=status)
        .select_related("person__household__organisation", "reviewer")
        .order_by("-score", "id")
    )
    page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": _with_entries(list(page.object_list)),
        "status": status,
        "statuses": HIT_STATUS_CHOICES,
        "nav": "registries",
    }
    return render(request, "registries/queue.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def hit_detail(request: ActorRequest, hit_id: Any) -> HttpResponse:
    actor = _reviewer(request)
    hit = found_or_refused(
        actor,
        visible_hits(actor).select_related("person__household__organisation", "reviewer", "evidence"),
        "hit",
        household="person__household",
        public_id=hit_id,
    )
    household = hit.person.household
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "confirm":
                hit_confirm(actor=actor, hit=hit, note=form.cleaned_data["note"])
                messages.success(request, _("Confirmed: the listing is now evidence on this person."))
            elif form.cleaned_data["decision"] == "reject":
                hit_reject(actor=actor, hit=hit, note=form.cleaned_data["note"])
                messages.success(request, _("Rejected: this entry is someone else."))
            else:
                raise ScreeningError(_("A registry hit cannot be undone here."))
        except ScreeningError as exc:
            messages.error(request, str(exc))
        return redirect("registries:queue")
    if request.method == "GET":
        household_view(actor=actor, household=household, page="registries:hit")
    entry = (
        Entry.objects.select_related("registry", "first_snapshot", "last_snapshot")
        .filter(public_id=hit.entry_ref)
        .first()
    )
    context = {
        "hit": hit,
        "person": hit.person,
        "household": household,
        "entry": entry,
        "listed": listing_date(entry) if entry else None,
        "form": form,
        "nav": "registries",
    }
    return render(request, "registries/hit.html", context)
