"""The coordinator's page of people that two organisations may both have submitted."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actions.refusals import access_refused_record
from haven.accounts.actor import Actor, ActorRequest
from haven.accounts.visibility import can_see
from haven.cases.actions import household_view
from haven.registries.actions import link_confirm, link_reject, link_undo
from haven.registries.duplicates import find_duplicates, same_person
from haven.registries.errors import ScreeningError
from haven.registries.forms import DecisionForm
from haven.registries.models import IdentityLink
from haven.registries.models.screening import LINK_STATUS_CHOICES
from haven.registries.permissions import can_decide_links

PER_PAGE = 50
_PEOPLE = ("person_a__household__organisation", "person_b__household__organisation", "decided_by")


def _coordinator(request: ActorRequest) -> Actor:
    actor: Actor = request.actor
    if not can_decide_links(actor):
        raise PermissionDenied
    return actor


@require_http_methods(["GET", "POST"])
@caseload_required
def duplicate_list(request: ActorRequest) -> HttpResponse:
    actor = _coordinator(request)
    if request.method == "POST":
        counts = find_duplicates(actor=actor, stream=io.StringIO())
        messages.success(
            request,
            _("Compared %(people)d people: %(new)d new proposals, %(open)d to decide in all.")
            % {"people": counts.people, "new": counts.proposed, "open": counts.open},
        )
        return redirect("registries:duplicates")
    statuses = dict(LINK_STATUS_CHOICES)
    status = request.GET.get("status", "proposed")
    if status not in statuses:
        status = "proposed"
    links = IdentityLink.objects.filter(status=status).select_related(*_PEOPLE).order_by("-score", "id")
    page = Paginator(links, PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": LINK_STATUS_CHOICES, "nav": "registries"}
    return render(request, "registries/duplicates.html", context)


def _link(actor: Actor, link_id: Any) -> IdentityLink:
    """The link, for those who decide links; for anyone else a 404 as if it did not exist, since no one
    else may see both records. Asking for an existing link is audited as refused, naming the side the
    asker may not see (the first, when they may see neither)."""
    link = IdentityLink.objects.select_related(*_PEOPLE).filter(public_id=link_id).first()
    if link is not None and can_decide_links(actor):
        return link
    if link is not None:
        sides = (link.person_a.household, link.person_b.household)
        hidden = next((household for household in sides if not can_see(actor, household)), sides[0])
        access_refused_record(actor=actor, kind="link", household=hidden)
    raise Http404


def _decide(actor: Actor, link: IdentityLink, decision: str, note: str) -> str:
    if decision == "confirm":
        link_confirm(actor=actor, link=link, note=note)
        return _("Linked: both records are now known to be one person. Each organisation keeps its own.")
    if decision == "reject":
        link_reject(actor=actor, link=link, note=note)
        return _("Rejected: these are two people.")
    link_undo(actor=actor, link=link, note=note)
    return _("Undone: the pair is back among the proposals.")


@require_http_methods(["GET", "POST"])
@caseload_required
def link_detail(request: ActorRequest, link_id: Any) -> HttpResponse:
    actor: Actor = request.actor
    link = _link(actor, link_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            messages.success(
                request, _decide(actor, link, form.cleaned_data["decision"], form.cleaned_data["note"])
            )
        except ScreeningError as exc:
            messages.error(request, str(exc))
        return redirect("registries:link", link_id=link.public_id)
    if request.method == "GET":
        for person in (link.person_a, link.person_b):
            household_view(actor=actor, household=person.household, page="registries:link")
    context = {
        "link": link,
        "sides": [link.person_a, link.person_b],
        "identity": same_person(link.person_a) if link.status == "linked" else [],
        "form": form,
        "nav": "registries",
    }
    return render(request, "registries/link.html", context)
