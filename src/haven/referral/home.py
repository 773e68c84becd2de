"""What the liaison's home page lists: the batches addressed to them, each with how many households
await their decision, were accepted or refused, or wait for more information (and whether it came)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from haven.accounts.actor import Actor
from haven.referral.actions import batches_for
from haven.referral.models import InformationRequest, ReferralEntry


def liaison_batches(actor: Actor) -> dict[str, Any]:
    """What the home page of the liaison ``actor`` lists (``haven.cases.views.home`` renders it through
    the ``liaison_batches`` template tag, since the case records do not import the referral app)."""
    entries = "entries__decision"
    batches = batches_for(actor).annotate(
        households=Count("entries", filter=~Q(**{entries: ReferralEntry.WITHDRAWN})),
        awaiting=Count("entries", filter=Q(**{entries: ReferralEntry.PENDING})),
        accepted=Count("entries", filter=Q(**{entries: ReferralEntry.ACCEPTED})),
        refused=Count("entries", filter=Q(**{entries: ReferralEntry.REFUSED})),
        more_information=Count("entries", filter=Q(**{entries: ReferralEntry.MORE_INFORMATION})),
    )
    answered = (
        InformationRequest.objects.filter(
            entry__batch__in=[b.pk for b in batches], status=InformationRequest.ANSWERED
        )
        .values("entry__batch_id")
        .annotate(n=Count("id"))
    )
    answers = {row["entry__batch_id"]: row["n"] for row in answered}
    rows = list(batches[:200])
    for batch in rows:
        batch.answered = answers.get(batch.pk, 0)
    awaiting = sum(b.awaiting for b in rows)
    return {"batches": rows, "awaiting": awaiting}
