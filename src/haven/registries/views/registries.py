"""The registries and their snapshots: public data, shown to everyone who works with the caseload."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.registries.importing import reference_order
from haven.registries.models import Change, Registry, Snapshot
from haven.registries.models.registry import CHANGE_CHOICES
from haven.registries.permissions import can_decide_links, can_review_hits
from haven.registries.views.screening import visible_hits

CHANGES_SHOWN = 500


@require_GET
@caseload_required
def registry_list(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    registries = Registry.objects.prefetch_related("snapshots").order_by("slug")
    context = {
        "registries": registries,
        "can_review": can_review_hits(actor),
        "can_decide_links": can_decide_links(actor),
        "nav": "registries",
    }
    if can_review_hits(actor):
        context["open_hits"] = visible_hits(actor).filter(status="open").count()
    return render(request, "registries/list.html", context)


@require_GET
@caseload_required
def snapshot_detail(request: HttpRequest, snapshot_id: object) -> HttpResponse:
    snapshot = get_object_or_404(
        Snapshot.objects.select_related("registry", "previous"), public_id=snapshot_id
    )
    changes = Change.objects.filter(snapshot=snapshot).select_related("entry")
    groups: dict[str, list[Change]] = {"added": [], "removed": [], "changed": []}
    for change in changes:
        groups[change.kind].append(change)
    for kind in groups:
        groups[kind].sort(key=lambda c: reference_order(c.entry))
    labels = dict(CHANGE_CHOICES)
    context = {
        "snapshot": snapshot,
        "groups": [
            (kind, labels[kind], groups[kind][:CHANGES_SHOWN], len(groups[kind]))
            for kind in ("added", "removed", "changed")
        ],
        "shown": CHANGES_SHOWN,
        "nav": "registries",
    }
    return render(request, "registries/snapshot.html", context)
