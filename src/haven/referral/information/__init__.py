"""The liaison's requests for more information on a referred household: who may read them and how many
wait for an answer. Writes are in :mod:`haven.referral.information.actions`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from haven.accounts.actor import Actor
from haven.accounts.visibility import within_visible

if TYPE_CHECKING:
    from haven.referral.forms import AnswerForm
    from haven.referral.models import InformationRequest


@dataclass(frozen=True)
class RequestRow:
    """A request as a page lists it: with the form to answer it, where the reader may (else None)."""

    request: InformationRequest
    form: AnswerForm | None


def answerable(request: InformationRequest) -> RequestRow:
    """``request`` with a form to answer it, its fields' ids its own (several are on one page)."""
    from haven.referral.forms import AnswerForm

    return RequestRow(request=request, form=AnswerForm(auto_id=f"id_answer_{request.pk}_%s"))


def requests_for(actor: Actor) -> Any:
    """The requests on households ``actor`` may see (their organisation's; all for coalition-wide roles);
    none for a liaison, who reads their own on the batch."""
    from haven.referral.models import InformationRequest

    rows = InformationRequest.objects.select_related(
        "entry__batch", "entry__household__organisation", "asked_by", "answered_by"
    )
    return within_visible(actor, rows, household="entry__household")


def open_requests_for(actor: Actor) -> Any:
    from haven.referral.models import InformationRequest

    return requests_for(actor).filter(status=InformationRequest.OPEN)


def open_requests_count(actor: Actor) -> int:
    """How many of the liaison's requests wait for an answer from ``actor``'s organisation (for navigation
    and the caseworker's home page)."""
    return int(open_requests_for(actor).count())


def latest_requests(entries: Any) -> dict[int, Any]:
    """The latest request of each of ``entries`` that has one, by entry id (the batch page)."""
    from haven.referral.models import InformationRequest

    latest: dict[int, Any] = {}
    rows = InformationRequest.objects.filter(entry__in=[e.pk for e in entries]).select_related("answered_by")
    for row in rows.order_by("-asked_at", "-id"):
        latest.setdefault(row.entry_id, row)
    return latest
