"""Reading a scanned document: asking Haven to read it (a job), and a reviewer's decision on each fact
proposed from its text."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.views.lookup import open_household
from haven.errors import HavenError
from haven.evidence.actions import fact_decide, may_review
from haven.evidence.actions.permission_and_custody import ensure_can_change
from haven.evidence.models import EvidenceItem
from haven.evidence.models.items import TAG_CHOICES
from haven.evidence.models.reading import PROPOSED
from haven.evidence.views.lookup import back_to_item, item_in
from haven.jobs.actions import job_start, jobs_for
from haven.jobs.models import Job
from haven.submission import submit
from haven_core.evidence import ocr

KIND_LABELS = {
    "protocol": gettext_lazy("Protocol of an administrative offence"),
    "summons": gettext_lazy("Summons"),
    "indictment": gettext_lazy("Indictment or criminal case"),
    "wanted_notice": gettext_lazy("Wanted notice"),
    "court_decision": gettext_lazy("Court decision"),
    "arrest_in_absentia": gettext_lazy("Court order of arrest in absentia"),
}


def reading_context(request: ActorRequest, item: EvidenceItem) -> dict[str, Any]:
    """What the item's page shows of its reading: the text, the proposals, the job if one runs."""
    from haven.evidence.reading import READ, readable_file

    actor = request.actor
    reading = getattr(item, "reading", None)
    tags = dict(TAG_CHOICES)
    # Facts are proposed only with the text they were read from (document_text_record), and a file that
    # cannot be read is never asked to be read: an item without either costs no query for them.
    proposals = [
        {
            "proposal": p,
            "label": KIND_LABELS.get(p.value, p.value) if p.field == "kind" else p.value,
            "tag_label": tags.get(p.tag, ""),
        }
        for p in (item.proposals.select_related("decided_by") if reading is not None else ())
    ]
    can_read = readable_file(item) is not None
    since = timezone.now() - dt.timedelta(days=1)
    jobs = jobs_for(actor).filter(kind=READ, subject=str(item.public_id), created_at__gte=since)
    return {
        "reading": reading,
        "proposals": proposals,
        "reading_jobs": list(jobs[:1]) if can_read else [],
        "can_read": can_read,
        "may_decide_facts": may_review(actor),
        "proposed": PROPOSED,
    }


@require_POST
@caseload_required
def item_read(request: ActorRequest, reference: str, item_id: uuid.UUID) -> HttpResponse:
    from haven.evidence.reading import READ, readable_file

    actor = request.actor
    household = open_household(request, reference)
    item = item_in(actor, household, item_id)

    def start() -> Job:
        ensure_can_change(actor, household)
        if readable_file(item) is None:
            raise HavenError(_("This item has no scan or photo to read."))
        if not ocr.available():
            raise HavenError(_("Reading scanned documents is not available on this installation."))
        return job_start(
            actor=actor, kind=READ, subject=str(item.public_id), organisation=household.organisation,
            audit_detail={"item": str(item.public_id)},
        )  # fmt: skip

    back = back_to_item(item)
    read = submit(
        request,
        start,
        success=_("Haven is reading the document; this page shows how far it got."),
        then=lambda _job: back,
    )
    return read or back


@require_POST
@caseload_required
def proposal_decide(request: ActorRequest, reference: str, item_id: uuid.UUID, number: int) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    item = item_in(actor, household, item_id)
    proposal = item.proposals.filter(pk=number).first()
    decision = request.POST.get("decision")
    if proposal is None or decision not in ("confirm", "reject"):
        raise Http404
    back = back_to_item(item)
    decided = submit(
        request,
        lambda: fact_decide(actor=actor, proposal=proposal, confirm=decision == "confirm"),
        success=_("Fact confirmed.") if decision == "confirm" else _("Fact rejected."),
        then=lambda _fact: back,
    )
    return decided or back
