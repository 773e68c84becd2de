"""Finding evidence inside a household the user may see (404 otherwise), and going back to it."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse

from haven.accounts.actor import Actor, ActorRequest
from haven.accounts.visibility import found_or_refused, household_for, within_visible
from haven.cases.models import Household
from haven.evidence.documentation_facts import assess_items
from haven.evidence.models import EvidenceItem, ItemFile, Verification
from haven.evidence.presenting import Summary, documentation_summary


def items_with_details() -> QuerySet[EvidenceItem]:
    files = ItemFile.objects.select_related("blob").prefetch_related("blob__timestamps").order_by("id")
    verifications = Verification.objects.select_related("reviewer")  # with their reviewer: one query
    return EvidenceItem.objects.select_related("added_by", "original").prefetch_related(
        "tags", Prefetch("files", queryset=files), Prefetch("verifications", queryset=verifications)
    )


def household_items(household: Household) -> list[EvidenceItem]:
    """The evidence of everyone in ``household`` as its page shows it (tags, files and their blobs; no
    custody or review history), read once per page: the evidence section, the registry listings and the
    assessment panel all use this list, kept on the household instance for the rest of the request."""
    found: list[EvidenceItem] | None = getattr(household, "_page_evidence", None)
    if found is None:
        files = ItemFile.objects.select_related("blob").order_by("id")
        found = list(
            EvidenceItem.objects.filter(person__household=household)
            .select_related("original")
            .prefetch_related("tags", Prefetch("files", queryset=files))
        )
        # Kept on the household for this request only, so that every panel of its page reads the same list.
        household._page_evidence = found  # type: ignore[attr-defined]
    return found


def person_documentation(household: Household, person_id: int) -> Summary:
    """How well the evidence of one person of ``household`` documents them, from :func:`household_items`,
    worked out once per page: the summary strip shows the principal applicant's, and the evidence
    section everyone's, the principal's among them. Kept on the household instance as its evidence is."""
    done: dict[int, Summary] | None = getattr(household, "_page_documentation", None)
    if done is None:
        done = household._page_documentation = {}  # type: ignore[attr-defined]
    if person_id not in done:
        items = [item for item in household_items(household) if item.person_id == person_id]
        done[person_id] = documentation_summary(assess_items(items))
    return done[person_id]


def item_in(
    actor: Actor, household: Household, public_id: uuid.UUID, *, with_reading: bool = False
) -> EvidenceItem:
    """The item with ``public_id`` about someone in ``household`` (already checked visible); with the
    text read from it (``with_reading``, the item's page) in the same query. 404 for anyone else's,
    audited when it is another organisation's."""
    found = items_with_details().select_related("person", *(("reading",) if with_reading else ()))
    rows = found.filter(person__household=household)
    item: EvidenceItem = found_or_refused(
        actor, rows, "evidence", household="person__household", public_id=public_id
    )
    item.person.household = household
    return item


def open_item(request: ActorRequest, reference: str, public_id: uuid.UUID) -> EvidenceItem:
    """The item with ``public_id`` of the household ``reference``, read with that household and the text
    read from the item in one query when the signed-in user may see it; 404 otherwise, as
    :func:`haven.cases.views.lookup.open_household` answers (and records) a look at another organisation's
    household. Its household view is the caller's to record."""
    actor = request.actor
    found = within_visible(actor, items_with_details(), household="person__household")
    household = ("person__household__organisation", "person__household__owner")
    item = (
        found.select_related(*household, "reading")
        .filter(person__household__reference=reference, public_id=public_id)
        .first()
    )
    if item is None:
        household_for(actor, reference)  # 404 for a household not theirs to see, recorded as such
        # Their household, but no such item in it: 404, recorded when the item is another organisation's.
        return found_or_refused(
            actor, found.none(), "evidence", household="person__household", public_id=public_id
        )
    return item


def file_of(item: EvidenceItem, sha256: str) -> ItemFile:
    """The item's file with this SHA-256 (an original before captures and working files)."""
    for item_file in item.files.all():
        if item_file.blob.sha256 == sha256:
            return item_file
    raise Http404


def item_url(item: EvidenceItem) -> str:
    return reverse("evidence:item", args=[item.person.household.reference, item.public_id])


def back_to_item(item: EvidenceItem) -> HttpResponseRedirect:
    return redirect(item_url(item))
