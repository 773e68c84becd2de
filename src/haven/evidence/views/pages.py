"""Reading evidence: a person's evidence with their documentation summary, and one item's page."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import timezone

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.views.lookup import open_household, page_name, person_in
from haven.evidence.actions import can_verify, evidence_viewed, item_custody
from haven.evidence.documentation_facts import assess_items
from haven.evidence.presenting import custody_rows, documentation_summary, file_rows, item_entries
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.review_queue import metadata_panels
from haven.evidence.views.lookup import items_with_details, open_item
from haven.evidence.views.reading import reading_context


@caseload_required
def person_evidence(request: ActorRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    household = open_household(request, reference)
    if request.method != "GET":  # after the lookup: another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    person = person_in(request.actor, household, person_id)
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


def _capture_jobs(request: ActorRequest, person: Any) -> list[Any]:
    """This person's captures the user may follow, from the last day: running, failed or just done."""
    from haven.evidence.jobs import CAPTURE, capture_subject
    from haven.jobs.actions import jobs_for

    since = timezone.now() - dt.timedelta(days=1)
    jobs = jobs_for(request.actor)
    return list(jobs.filter(kind=CAPTURE, subject=capture_subject(person), created_at__gte=since)[:3])


@caseload_required
def item_detail(request: ActorRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    if request.method != "GET":
        open_household(request, reference)  # another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    item = open_item(request, reference, item_id)  # with its household, in one query
    household = item.person.household
    evidence_viewed(actor=actor, item=item, household_page=page_name(request))  # the household's view too
    previews_queue(item)  # pictures missing: a worker draws them, the page says they are coming
    may_verify, why_not = can_verify(actor, item)
    context = {
        "household": household,
        "person": item.person,
        "item": item,
        "files": file_rows(item),
        "metadata": metadata_panels(item),
        # a working copy has none of its own (working_copy_create makes them from an original only)
        "working_copies": [] if item.original_id else list(item.working_copies.order_by("added_at")),
        "may_verify": may_verify,
        "why_not_verify": why_not,
        **_custody_page(request, item),
        **reading_context(request, item),
    }
    return render(request, "evidence/item.html", context)


CUSTODY_PAGE = 50  # entries of the chain of custody shown at once


def _custody_page(request: ActorRequest, item: Any) -> dict[str, Any]:
    """One page of the item's chain of custody, oldest first as the chain is written, with the links to
    the earlier and later pages (``?custody=N``, the page's other parameters kept). Every view of the
    item is an entry, so the chain grows without end: only the page's entries are read (LIMIT and
    OFFSET), and their number once. A page number that is not one shows the first page, one past the
    end the last."""
    # read only what the table shows (when, who, what)
    entries = item_custody(item).only("at", "action", "detail", "actor__username")
    page = Paginator(entries, CUSTODY_PAGE).get_page(request.GET.get("custody"))
    return {
        "custody": custody_rows(list(page.object_list)),
        "custody_page": page,
        "custody_earlier": _page_link(request, page.previous_page_number()) if page.has_previous() else "",
        "custody_later": _page_link(request, page.next_page_number()) if page.has_next() else "",
    }


def _page_link(request: ActorRequest, number: int) -> str:
    query = request.GET.copy()
    query["custody"] = str(number)
    return f"?{query.urlencode()}#custody"


def _capture_available() -> bool:
    from haven.evidence.capture_contract import capture_function

    return capture_function() is not None
