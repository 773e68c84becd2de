"""The review queue at ``/evidence/review/``: one item at a time, oldest first, with its claims, safe
pictures of its files and their metadata; verify in one click or send back with a reason, then the next.

The pictures are made by Haven (:mod:`haven.evidence.previews`) and served as PNG or JPEG with
``nosniff`` and a sandboxing policy: an uploaded file is never sent to the page as itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.access import caseload_required
from haven.accounts.actor import Actor, ActorRequest
from haven.evidence.actions import (
    can_verify,
    evidence_send_back,
    evidence_verify,
    evidence_viewed,
    may_review,
    picture_shown,
)
from haven.evidence.forms import QueueVerifyForm, SendBackForm
from haven.evidence.models import EvidenceItem
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.previews import preview_picture
from haven.evidence.review_queue import (
    file_views,
    items_reading,
    metadata_panels,
    next_in_queue,
    queue_item,
    review_queue,
)
from haven.evidence.views.files import picture_response
from haven.evidence.views.lookup import file_of
from haven.evidence.views.reading import reading_context
from haven.submission import submit


def _reviewer(request: ActorRequest) -> Any:
    actor = request.actor
    if not may_review(actor):
        raise PermissionDenied
    return actor


def _item_or_404(actor: Any, item_id: uuid.UUID) -> EvidenceItem:
    return queue_item(actor, item_id)


def _decided_meanwhile(request: HttpRequest, actor: Any, item: EvidenceItem) -> HttpResponseRedirect | None:
    """Two reviewers may open the same item: the second decision is not recorded over the first."""
    if item.status == "unreviewed":
        return None
    messages.warning(
        request,
        _("“%(title)s” was decided meanwhile (%(status)s): nothing was recorded. Here is the next item.")
        % {"title": item.title or item.get_kind_display(), "status": item.get_status_display()},
    )
    return _at(next_in_queue(actor, item))


def _at(item: EvidenceItem | None) -> HttpResponseRedirect:
    if item is None:
        return redirect("review:queue")
    return redirect("review:item", item_id=item.public_id)


@require_GET
@caseload_required
def queue(request: ActorRequest) -> HttpResponse:
    """The queue opens at its oldest item."""
    actor = _reviewer(request)
    first = next_in_queue(actor, None)
    if first is not None:
        return _at(first)
    return render(request, "evidence/queue.html", _context(actor, None))


@require_GET
@caseload_required
def queue_item_page(request: ActorRequest, item_id: uuid.UUID) -> HttpResponse:
    actor = _reviewer(request)
    item = _item_or_404(actor, item_id)
    return _render_item(request, actor, item, QueueVerifyForm(), SendBackForm())


def _render_item(
    request: ActorRequest, actor: Any, item: EvidenceItem, verify_form: Any, back_form: Any, status: int = 200
) -> HttpResponse:
    evidence_viewed(actor=actor, item=item, page="review_queue")
    previews_queue(item)  # pictures missing: a worker draws them, the page says they are coming
    allowed, why_not = can_verify(actor, item)
    context = _context(actor, item)
    context.update(
        {
            "files": file_views(item),
            "metadata": metadata_panels(item),
            "may_decide": allowed and item.status == "unreviewed",
            "why_not": why_not,
            "verify_form": verify_form,
            "back_form": back_form,
            **reading_context(request, item),
        }
    )
    return render(request, "evidence/queue.html", context, status=status)


SHOWN_BESIDE = 12  # the next items beside the one under review; a longer list only lengthens the page


def _context(actor: Any, item: EvidenceItem | None) -> dict[str, Any]:
    waiting = review_queue(actor).select_related("person__household")
    shown = list(waiting[:SHOWN_BESIDE])
    count = waiting.count()
    return {
        "nav": "review",
        "item": item,
        "household": item.person.household if item else None,
        "waiting": shown,
        "waiting_count": count,
        "waiting_more": count - len(shown),
        "title": _("Evidence to verify"),
    }


def _decide(
    request: ActorRequest,
    item_id: uuid.UUID,
    form_class: type[forms.Form],
    act: Callable[[Actor, EvidenceItem, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """The queue's two decisions share one course: the form, the action, a message, the next item; or the
    item again with the form's errors (the other form blank)."""
    actor = _reviewer(request)
    item = _item_or_404(actor, item_id)
    if decided := _decided_meanwhile(request, actor, item):
        return decided
    form = form_class(request.POST)
    if decision := submit(
        request,
        lambda: act(actor, item, form.cleaned_data),
        form=form,
        success=lambda _decided: done % {"title": item.title or item.get_kind_display()},
        then=lambda _decided: _at(next_in_queue(actor, item)),
    ):
        return decision
    verify = form if isinstance(form, QueueVerifyForm) else QueueVerifyForm()
    send_back = form if isinstance(form, SendBackForm) else SendBackForm()
    return _render_item(request, actor, item, verify, send_back, status=400)


@require_POST
@caseload_required
def queue_verify(request: ActorRequest, item_id: uuid.UUID) -> HttpResponse:
    return _decide(
        request,
        item_id,
        QueueVerifyForm,
        lambda actor, item, data: evidence_verify(
            actor=actor, item=item, verdict="verified", note=data["note"]
        ),
        _("Verified: %(title)s."),
    )


@require_POST
@caseload_required
def queue_send_back(request: ActorRequest, item_id: uuid.UUID) -> HttpResponse:
    return _decide(
        request,
        item_id,
        SendBackForm,
        lambda actor, item, data: evidence_send_back(actor=actor, item=item, reason=data["reason"]),
        _("Sent back for correction: %(title)s."),
    )


@require_GET
@caseload_required
def queue_picture(request: ActorRequest, item_id: uuid.UUID, sha256: str, number: int) -> HttpResponse:
    """A picture Haven made of one of the item's files (a PDF page, a re-encoded image)."""
    actor = _reviewer(request)
    item_file = file_of(_item_or_404(actor, item_id), sha256)
    picture = preview_picture(item_file.blob, number)
    if picture is None:
        raise Http404
    picture_shown(actor=actor, item_file=item_file, number=number)
    return picture_response(picture)


@require_http_methods(["GET", "POST"])
@caseload_required
def queue_search(request: ActorRequest) -> HttpResponse:
    """Evidence whose text read from a scan contains the words sought, among the households the reviewer
    may see. The text is encrypted, so the database cannot search it: it is decrypted and searched here.
    The words come by POST, never in the address (they may be a person's name), as the case list's do."""
    actor = _reviewer(request)
    query = " ".join(request.POST.get("q", "").split()) if request.method == "POST" else ""
    found = items_reading(actor, query) if len(query) >= 3 else []
    context = _context(actor, None)
    context.update({"query": query, "found": found, "title": _("Find in the text read from documents")})
    return render(request, "evidence/text_search.html", context)
