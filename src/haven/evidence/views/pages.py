"""Reading evidence: a person's evidence with their documentation summary, and one item's page."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import timezone

from haven.accounts.access import caseload_required
from haven.cases.views.base import open_household, person_in
from haven.evidence.actions import can_verify, evidence_viewed, item_custody
from haven.evidence.documentation import assess_items
from haven.evidence.presenting import custody_rows, documentation_summary, file_rows, item_entries
from haven.evidence.review_queue import metadata_panels
from haven.evidence.views.base import item_in, items_with_details
from haven.evidence.views.reading import reading_context


@caseload_required
def person_evidence(request: HttpRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    household = open_household(request, reference)
    if request.method != "GET":  # after the lookup: another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    person = person_in(request.actor, household, person_id)  # type: ignore[attr-defined]
    items = list(items_with_details().filter(person=person))
    summary = documentation_summary(assess_items(items))
    context = {
        "household": household,
        "person": person,
        "entries": item_entries(items, summary),
        "summary": summary,
        "capture_available": _capture_available(),
        "capture_jobs": _capture_jobs(request, person),
    }
    return render(request, "evidence/person.html", context)


def _capture_jobs(request: HttpRequest, person: Any) -> list[Any]:
    """This person's captures the user may follow, from the last day: running, failed or just done."""
    from haven.evidence.jobs import CAPTURE, capture_subject
    from haven.jobs.actions import jobs_for

    since = timezone.now() - dt.timedelta(days=1)
    jobs = jobs_for(request.actor)  # type: ignore[attr-defined]
    return list(jobs.filter(kind=CAPTURE, subject=capture_subject(person), created_at__gte=since)[:3])


@caseload_required
def item_detail(request: HttpRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = open_household(request, reference)
    if request.method != "GET":  # after the lookup: another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    item = item_in(actor, household, item_id, with_reading=True)
    evidence_viewed(actor=actor, item=item)
    may_verify, why_not = can_verify(actor, item)
    context = {
        "household": household,
        "person": item.person,
        "item": item,
        "files": file_rows(item),
        "metadata": metadata_panels(item),
        "working_copies": list(item.working_copies.order_by("added_at")),
        "may_verify": may_verify,
        "why_not_verify": why_not,
        "custody": custody_rows(list(item_custody(item))),
        **reading_context(request, item),
    }
    return render(request, "evidence/item.html", context)


def _capture_available() -> bool:
    from haven.evidence.capture_contract import capture_function

    return capture_function() is not None
